/**
 * Accounts (users). Passwords are stored only as scrypt hashes (auth/password-hashing.ts).
 * Accounts are disabled, never deleted: entries name their authors. A disabled account cannot
 * log in and its sessions stop working (sessions-repository.ts joins on `disabled_at IS NULL`).
 */
import type { Role, TeamPosition } from '#src/shared/domain/account.ts';
import type { AdminAccount } from '#src/shared/domain/admin.ts';
import type { Queryable } from './database.ts';

export interface Account {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  /** The team of a member or leader; null for police and province staff. */
  teamId: string | null;
  /** The unit the account works for (team's commune, police's commune, province). */
  orgUnitId: string;
  /** Position in the team (tổ trưởng, tổ phó, tổ viên); null without a team. */
  position?: TeamPosition | null;
}

/** The columns of `users u` that make an Account. */
export const ACCOUNT_COLUMNS = `u.id::text AS id, u.username, u.display_name AS "displayName", u.role, u.team_id::text AS "teamId",
  u.org_unit_id::text AS "orgUnitId", u.position`;

const ADMIN_ACCOUNT_COLUMNS = `${ACCOUNT_COLUMNS}, u.disabled_at IS NOT NULL AS "isDisabled", u.must_change_password AS "mustChangePassword"`;

export interface LoginAccount extends Account {
  passwordHash: string;
  isDisabled: boolean;
  mustChangePassword: boolean;
}

/** Usernames compare case-insensitively: people type "ToVien" on a phone keyboard. */
export async function findAccountForLogin(db: Queryable, username: string): Promise<LoginAccount | undefined> {
  const rows = await db.query<LoginAccount>(
    `SELECT ${ADMIN_ACCOUNT_COLUMNS}, u.password_hash AS "passwordHash" FROM users u WHERE lower(u.username) = lower($1)`,
    [username],
  );
  return rows[0];
}

export async function countAccounts(db: Queryable): Promise<number> {
  const rows = await db.query<{ count: number }>('SELECT count(*)::int AS count FROM users');
  return rows[0]?.count ?? 0;
}

export async function isUsernameTaken(db: Queryable, username: string): Promise<boolean> {
  const rows = await db.query('SELECT 1 FROM users WHERE lower(username) = lower($1)', [username]);
  return rows.length > 0;
}

/** Which of `usernames` exist already (lower-cased). */
export async function takenUsernames(db: Queryable, usernames: string[]): Promise<Set<string>> {
  if (usernames.length === 0) return new Set();
  const rows = await db.query<{ name: string }>('SELECT lower(username) AS name FROM users WHERE lower(username) = ANY($1::text[])', [
    usernames.map((name) => name.toLowerCase()),
  ]);
  return new Set(rows.map((row) => row.name));
}

export async function insertAccount(
  db: Queryable,
  account: Account & { passwordHash: string; mustChangePassword?: boolean },
): Promise<void> {
  const position = account.teamId ? (account.position ?? (account.role === 'leader' ? 'leader' : 'member')) : null;
  await db.query(
    `INSERT INTO users (id, username, display_name, role, team_id, org_unit_id, password_hash, position, must_change_password)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [account.id, account.username, account.displayName, account.role, account.teamId, account.orgUnitId, account.passwordHash, position, account.mustChangePassword ?? false],
  );
}

export async function findAdminAccount(db: Queryable, id: string): Promise<AdminAccount | undefined> {
  const rows = await db.query<AdminAccount>(`SELECT ${ADMIN_ACCOUNT_COLUMNS} FROM users u WHERE u.id = $1`, [id]);
  return rows[0];
}

/** Accounts working for a unit: police and staff placed there, and the members of its teams. */
export async function listUnitAccounts(db: Queryable, unitId: string): Promise<AdminAccount[]> {
  return db.query<AdminAccount>(
    `SELECT ${ADMIN_ACCOUNT_COLUMNS} FROM users u WHERE u.org_unit_id = $1
     ORDER BY u.team_id NULLS FIRST, u.disabled_at NULLS FIRST, u.display_name`,
    [unitId],
  );
}

/** Changes some of an account's fields; `updatedAt` is stamped. */
export async function updateAccount(
  db: Queryable,
  id: string,
  change: { displayName?: string; role?: Role; position?: TeamPosition | null; teamId?: string | null; orgUnitId?: string },
  now: Date,
): Promise<void> {
  await db.query(
    `UPDATE users SET display_name = COALESCE($2, display_name), role = COALESCE($3, role),
       position = CASE WHEN $4::boolean THEN $5 ELSE position END,
       team_id = CASE WHEN $6::boolean THEN $7::uuid ELSE team_id END,
       org_unit_id = COALESCE($8, org_unit_id), updated_at = $9
     WHERE id = $1`,
    [id, change.displayName ?? null, change.role ?? null, 'position' in change, change.position ?? null, 'teamId' in change, change.teamId ?? null, change.orgUnitId ?? null, now.toISOString()],
  );
}

export async function setAccountDisabled(db: Queryable, id: string, isDisabled: boolean, now: Date): Promise<void> {
  await db.query('UPDATE users SET disabled_at = $2, updated_at = $3 WHERE id = $1', [id, isDisabled ? now.toISOString() : null, now.toISOString()]);
}

/** Sets a new password hash; `mustChange` marks a temporary password set by someone else. */
export async function setPasswordHash(db: Queryable, id: string, passwordHash: string, mustChange: boolean, now: Date): Promise<void> {
  await db.query('UPDATE users SET password_hash = $2, must_change_password = $3, updated_at = $4 WHERE id = $1', [id, passwordHash, mustChange, now.toISOString()]);
}

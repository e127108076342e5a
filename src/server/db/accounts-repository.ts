/**
 * Accounts (users). Passwords are stored only as scrypt hashes (auth/password-hashing.ts).
 */
import type { Role } from '#src/shared/domain/account.ts';
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
}

/** The columns of `users u` that make an Account. */
export const ACCOUNT_COLUMNS = `u.id, u.username, u.display_name AS "displayName", u.role, u.team_id AS "teamId",
  u.org_unit_id AS "orgUnitId"`;

/** Usernames compare case-insensitively: people type "ToVien" on a phone keyboard. */
export async function findAccountForLogin(db: Queryable, username: string): Promise<(Account & { passwordHash: string }) | undefined> {
  const rows = await db.query<Account & { passwordHash: string }>(
    `SELECT ${ACCOUNT_COLUMNS}, u.password_hash AS "passwordHash" FROM users u WHERE lower(u.username) = lower($1)`,
    [username],
  );
  return rows[0];
}

export async function countAccounts(db: Queryable): Promise<number> {
  const rows = await db.query<{ count: number }>('SELECT count(*)::int AS count FROM users');
  return rows[0]?.count ?? 0;
}

export async function insertAccount(db: Queryable, account: Account & { passwordHash: string }): Promise<void> {
  await db.query(
    `INSERT INTO users (id, username, display_name, role, team_id, org_unit_id, password_hash)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [account.id, account.username, account.displayName, account.role, account.teamId, account.orgUnitId, account.passwordHash],
  );
}

/**
 * Teams (Tổ bảo vệ ANTT) as management sees them, the hamlets each covers (a hamlet belongs to
 * one team at most: a unique index), and their rosters.
 */
import type { AdminTeam } from '#src/shared/domain/admin.ts';
import type { TeamMember } from '#src/shared/domain/team.ts';
import type { Queryable } from './database.ts';

const TEAM_COLUMNS = `t.id::text, t.commune_id::text AS "communeId", t.name, to_char(t.established_on, 'YYYY-MM-DD') AS "establishedOn",
  COALESCE((SELECT array_agg(th.hamlet_id::text ORDER BY th.hamlet_id) FROM team_hamlets th WHERE th.team_id = t.id), '{}') AS "hamletIds"`;

export async function findTeam(db: Queryable, id: string): Promise<AdminTeam | undefined> {
  const rows = await db.query<AdminTeam>(`SELECT ${TEAM_COLUMNS} FROM teams t WHERE t.id = $1`, [id]);
  return rows[0];
}

export async function listTeams(db: Queryable, ids: string[]): Promise<AdminTeam[]> {
  if (ids.length === 0) return [];
  return db.query<AdminTeam>(`SELECT ${TEAM_COLUMNS} FROM teams t WHERE t.id = ANY($1::uuid[]) ORDER BY t.name`, [ids]);
}

export async function listCommuneTeams(db: Queryable, communeId: string): Promise<AdminTeam[]> {
  return db.query<AdminTeam>(`SELECT ${TEAM_COLUMNS} FROM teams t WHERE t.commune_id = $1 ORDER BY t.name`, [communeId]);
}

export async function findTeamByName(db: Queryable, communeId: string, name: string): Promise<AdminTeam | undefined> {
  const rows = await db.query<AdminTeam>(`SELECT ${TEAM_COLUMNS} FROM teams t WHERE t.commune_id = $1 AND lower(t.name) = lower($2)`, [communeId, name]);
  return rows[0];
}

export async function insertTeam(
  db: Queryable,
  team: { id: string; communeId: string; name: string; hamletIds: string[]; establishedOn?: string | null },
  now: Date = new Date(),
): Promise<void> {
  await db.query('INSERT INTO teams (id, commune_id, name, established_on, updated_at) VALUES ($1, $2, $3, $4, $5)', [
    team.id,
    team.communeId,
    team.name,
    team.establishedOn ?? null,
    now.toISOString(),
  ]);
  for (const hamletId of team.hamletIds) await setHamletTeam(db, hamletId, team.id);
}

export async function updateTeam(db: Queryable, id: string, change: { name?: string; establishedOn?: string | null }, now: Date): Promise<void> {
  await db.query(
    `UPDATE teams SET name = COALESCE($2, name), established_on = CASE WHEN $3::boolean THEN $4::date ELSE established_on END, updated_at = $5
     WHERE id = $1`,
    [id, change.name ?? null, 'establishedOn' in change, change.establishedOn ?? null, now.toISOString()],
  );
}

/** The team now covering a hamlet, or null. */
export async function findHamletTeamId(db: Queryable, hamletId: string): Promise<string | null> {
  const rows = await db.query<{ teamId: string }>('SELECT team_id::text AS "teamId" FROM team_hamlets WHERE hamlet_id = $1', [hamletId]);
  return rows[0]?.teamId ?? null;
}

/** Gives a hamlet to a team (or to none), taking it from the team that had it. */
export async function setHamletTeam(db: Queryable, hamletId: string, teamId: string | null): Promise<void> {
  await db.query('DELETE FROM team_hamlets WHERE hamlet_id = $1', [hamletId]);
  if (teamId) await db.query('INSERT INTO team_hamlets (team_id, hamlet_id) VALUES ($1, $2)', [teamId, hamletId]);
}

/** Active accounts of a team (the synced roster). */
export async function listTeamRoster(db: Queryable, teamId: string): Promise<TeamMember[]> {
  return db.query<TeamMember>(
    `SELECT id::text AS "userId", display_name AS "displayName", position FROM users
     WHERE team_id = $1 AND disabled_at IS NULL ORDER BY display_name`,
    [teamId],
  );
}

/** Whether the team has an active leader other than `exceptUserId`. */
export async function hasOtherLeader(db: Queryable, teamId: string, exceptUserId: string | null): Promise<boolean> {
  const rows = await db.query(
    `SELECT 1 FROM users WHERE team_id = $1 AND position = 'leader' AND disabled_at IS NULL AND id IS DISTINCT FROM $2::uuid`,
    [teamId, exceptUserId],
  );
  return rows.length > 0;
}

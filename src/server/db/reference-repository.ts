/**
 * What push needs to know beyond the records it writes: the facts of the writer's teams (commune,
 * start day, current members) and the records an entry refers to. Read inside the push
 * transaction, once per batch, so checks and writes see one state.
 */
import type { Queryable } from './database.ts';

export interface TeamFacts {
  id: string;
  communeId: string;
  /** yyyy-MM-dd, or null when unknown. */
  establishedOn: string | null;
  /** Accounts that belong to the team now. */
  memberIds: string[];
  hamletIds: string[];
}

export async function readTeamFacts(db: Queryable, teamIds: readonly string[]): Promise<Map<string, TeamFacts>> {
  const found = new Map<string, TeamFacts>();
  if (teamIds.length === 0) return found;
  const rows = await db.query<TeamFacts>(
    `SELECT t.id::text, t.commune_id::text AS "communeId", to_char(t.established_on, 'YYYY-MM-DD') AS "establishedOn",
       coalesce((SELECT array_agg(u.id::text) FROM users u WHERE u.team_id = t.id), '{}') AS "memberIds",
       coalesce((SELECT array_agg(h.hamlet_id::text) FROM team_hamlets h WHERE h.team_id = t.id), '{}') AS "hamletIds"
     FROM teams t WHERE t.id = ANY($1::uuid[])`,
    [teamIds],
  );
  for (const row of rows) found.set(row.id, row);
  return found;
}

/** Live (not deleted) records of one collection among `ids`, with their scopes. */
export async function readLiveScopes(db: Queryable, collection: string, ids: readonly string[]): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  if (ids.length === 0) return found;
  const rows = await db.query<{ id: string; scope: string }>(
    `SELECT id::text, scope FROM records WHERE collection = $1 AND id = ANY($2::uuid[]) AND NOT deleted`,
    [collection, ids],
  );
  for (const row of rows) found.set(row.id, row.scope);
  return found;
}

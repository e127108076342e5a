/**
 * What push needs to know beyond the records it writes: the facts of the writer's teams (commune,
 * start day, current members) and the records an entry refers to. Read inside the push
 * transaction, once per batch, in one statement (one snapshot). They are not locked: an
 * organisation change or a household move committed while a push is in flight counts as made
 * just after it, as if the push had arrived a moment earlier; the entry's own record is locked
 * (sync-repository.ts lockRecords).
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

export interface EntryReferences {
  teams: Map<string, TeamFacts>;
  /** Live households by id, with their scope. */
  households: Map<string, string>;
  /** Live checklist templates by id, with their scope. */
  templates: Map<string, string>;
}

/**
 * The facts of `teamIds` and the live households and checklist templates among the given ids, in
 * one statement (one round trip of the push transaction instead of three).
 */
export async function readEntryReferences(
  db: Queryable,
  ids: { teamIds: readonly string[]; householdIds: readonly string[]; templateIds: readonly string[] },
): Promise<EntryReferences> {
  const found: EntryReferences = { teams: new Map(), households: new Map(), templates: new Map() };
  if (ids.teamIds.length + ids.householdIds.length + ids.templateIds.length === 0) return found;
  const rows = await db.query<Partial<TeamFacts> & { kind: string; id: string; scope: string | null }>(
    `SELECT 'team' AS kind, t.id::text, t.commune_id::text AS "communeId", to_char(t.established_on, 'YYYY-MM-DD') AS "establishedOn",
       coalesce((SELECT array_agg(u.id::text) FROM users u WHERE u.team_id = t.id), '{}') AS "memberIds",
       coalesce((SELECT array_agg(h.hamlet_id::text) FROM team_hamlets h WHERE h.team_id = t.id), '{}') AS "hamletIds", NULL AS scope
     FROM teams t WHERE t.id = ANY($1::uuid[])
     UNION ALL
     SELECT collection, id::text, NULL, NULL, NULL, NULL, scope FROM records WHERE collection = 'household' AND id = ANY($2::uuid[]) AND NOT deleted
     UNION ALL
     SELECT collection, id::text, NULL, NULL, NULL, NULL, scope FROM records WHERE collection = 'checklistTemplate' AND id = ANY($3::uuid[]) AND NOT deleted`,
    [ids.teamIds, ids.householdIds, ids.templateIds],
  );
  for (const { kind, id, scope, communeId, establishedOn, memberIds, hamletIds } of rows) {
    if (kind === 'team') found.teams.set(id, { id, communeId: communeId!, establishedOn: establishedOn ?? null, memberIds: memberIds!, hamletIds: hamletIds! });
    else (kind === 'household' ? found.households : found.templates).set(id, scope!);
  }
  return found;
}

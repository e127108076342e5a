/**
 * The opening statement of a push transaction (sync/push.ts), in ONE round trip: it locks the
 * device's row, reads its account and last applied sequence as they were and moves the sequence
 * to the batch's highest (as claimSyncClient does); locks the existing rows of the batch's
 * records in key order (as lockRecords does); and reads what the batch's entries refer to
 * (reference-repository.ts). The device's row is locked before the records, as in every push,
 * so two pushes never wait for each other in opposite orders.
 *
 * A device that never pushed has no row yet: `client` is null and the caller inserts it
 * (claimSyncClient); the records are locked all the same.
 */
import type { Queryable } from './database.ts';
import type { EntryReferences, TeamFacts } from './reference-repository.ts';
import { recordKey, type StoredRecord } from './sync-repository.ts';

export interface PushStart {
  client: { userId: string; lastAppliedSeq: number } | null;
  locked: Map<string, StoredRecord>;
  references: EntryReferences;
}

const START_PUSH = `
WITH before AS (SELECT user_id, last_applied_seq FROM sync_clients WHERE client_id = $1 FOR UPDATE),
moved AS (
  UPDATE sync_clients s SET last_applied_seq = GREATEST(s.last_applied_seq, $3), updated_at = $4
  FROM before WHERE s.client_id = $1 AND before.user_id = $2 AND $3 > before.last_applied_seq
),
locked AS (
  SELECT collection, id, scope, seq, deleted, data FROM records
  WHERE (collection, id) IN (SELECT * FROM unnest($5::text[], $6::uuid[])) ORDER BY collection, id FOR UPDATE
)
SELECT 'client' AS kind, user_id::text AS id, NULL::text AS collection, NULL::text AS scope, last_applied_seq AS seq,
  NULL::boolean AS deleted, NULL::jsonb AS data, NULL::text AS "communeId", NULL::text AS "establishedOn",
  NULL::text[] AS "memberIds", NULL::text[] AS "hamletIds"
FROM before
UNION ALL
SELECT 'record', id::text, collection, scope, seq, deleted, data, NULL, NULL, NULL, NULL FROM locked
UNION ALL
SELECT 'team', t.id::text, NULL, NULL, NULL, NULL, NULL, t.commune_id::text, to_char(t.established_on, 'YYYY-MM-DD'),
  coalesce((SELECT array_agg(u.id::text) FROM users u WHERE u.team_id = t.id), '{}'),
  coalesce((SELECT array_agg(h.hamlet_id::text) FROM team_hamlets h WHERE h.team_id = t.id), '{}')
FROM teams t WHERE t.id = ANY($7::uuid[])
UNION ALL
SELECT 'household', id::text, NULL, scope, NULL, NULL, NULL, NULL, NULL, NULL, NULL
FROM records WHERE collection = 'household' AND id = ANY($8::uuid[]) AND NOT deleted
UNION ALL
SELECT 'checklistTemplate', id::text, NULL, scope, NULL, NULL, NULL, NULL, NULL, NULL, NULL
FROM records WHERE collection = 'checklistTemplate' AND id = ANY($9::uuid[]) AND NOT deleted`;

type Row = { kind: string; id: string; collection: string | null; scope: string | null; seq: number | null; deleted: boolean | null; data: Record<string, unknown> | null } & Partial<TeamFacts>;

export async function startPush(
  tx: Queryable,
  query: {
    clientId: string;
    userId: string;
    batchMax: number;
    now: Date;
    keys: { collection: string; id: string }[];
    references: { teamIds: readonly string[]; householdIds: readonly string[]; templateIds: readonly string[] };
  },
): Promise<PushStart> {
  const rows = await tx.query<Row>(START_PUSH, [
    query.clientId, query.userId, query.batchMax, query.now.toISOString(),
    query.keys.map((key) => key.collection), query.keys.map((key) => key.id),
    query.references.teamIds, query.references.householdIds, query.references.templateIds,
  ]);
  const start: PushStart = { client: null, locked: new Map(), references: { teams: new Map(), households: new Map(), templates: new Map() } };
  for (const row of rows) {
    if (row.kind === 'client') start.client = { userId: row.id, lastAppliedSeq: row.seq! };
    else if (row.kind === 'record') {
      const record: StoredRecord = { collection: row.collection!, id: row.id, scope: row.scope!, seq: row.seq!, deleted: row.deleted!, data: row.data };
      start.locked.set(recordKey(record), record);
    } else if (row.kind === 'team') {
      start.references.teams.set(row.id, { id: row.id, communeId: row.communeId!, establishedOn: row.establishedOn ?? null, memberIds: row.memberIds!, hamletIds: row.hamletIds! });
    } else (row.kind === 'household' ? start.references.households : start.references.templates).set(row.id, row.scope!);
  }
  return start;
}

/**
 * Per-commune progress figures aggregated in SQL over the synced records (jsonb), so a province's
 * communes are judged on the server without pulling millions of entries to a device. For one
 * span of days and a list of communes it returns what the progress engine's measures read
 * (src/shared/progress/measure.ts), already summed per commune:
 *
 * - counters by key, with the engine's names (entry-facts.ts): `kind:<kind>`, attendance and
 *   prompt attendance of incidents (per type) and mobilisations against the commune's minutes,
 *   `tip-passed`, `event:serious-traffic-accident`;
 * - households of the commune's hamlets (merged duplicates resolved to the household they were
 *   merged into) and how many were reached by outreach / had residence information passed on,
 *   by any team of the communes asked;
 * - active members of the commune's teams and how many took part in a patrol;
 * - raw rows where SQL alone cannot judge: re-offenders' names (folded without diacritics by
 *   the caller, as the engine does) and models (judged against the period's end by the caller).
 *
 * Which entries count is the engine's rule (entry-facts.ts isCounted): returned entries never,
 * approved only when asked, and in a month the team leader closed only the versions signed off
 * (month-close.ts). Read-only; runs outside any transaction.
 */
import type { Queryable } from './database.ts';

export interface AggregateQuery {
  communeIds: readonly string[];
  startDay: string;
  endDay: string;
  isApprovedOnly?: boolean;
}

export interface CommuneAggregates {
  /** communeId → counter key → count. */
  counters: Map<string, Map<string, number>>;
  households: Map<string, { households: number; reached: number; informed: number }>;
  members: Map<string, { members: number; patrolled: number }>;
  reoffences: Array<{ communeId: string; personName: string }>;
  models: Array<{ communeId: string; modelKind: string; startedOn: string; recognisedBy: string; recognisedOn: string | null; day: string }>;
}

/** $1 communes, $2 first day, $3 last day, $4 approved only. */
const COUNTED_ENTRIES = `
WITH RECURSIVE below (commune_id, unit_id, kind) AS (
  SELECT id, id, kind FROM org_units WHERE id = ANY($1::uuid[])
  UNION ALL
  SELECT b.commune_id, u.id, u.kind FROM below b JOIN org_units u ON u.parent_id = b.unit_id
),
hamlets AS (SELECT commune_id, unit_id AS hamlet_id FROM below WHERE kind = 'hamlet'),
team_commune AS (
  SELECT t.id AS team_id, t.commune_id, o.prompt_minutes FROM teams t JOIN org_units o ON o.id = t.commune_id
  WHERE t.commune_id = ANY($1::uuid[])
),
closes AS (
  SELECT DISTINCT ON (scope, data->>'month') scope, data->>'month' AS month, data AS close FROM records
  WHERE collection = 'monthClose' AND NOT deleted AND scope IN (SELECT 'team:' || team_id FROM team_commune)
  ORDER BY scope, data->>'month', data->>'updatedAt' DESC
),
entries AS (
  SELECT r.id, tc.commune_id, tc.prompt_minutes, r.data->>'kind' AS kind, r.data->>'date' AS day, r.data,
    CASE r.data->>'kind' WHEN 'incident' THEN r.data->>'reportedAt' WHEN 'mobilisation' THEN r.data->>'calledAt' END AS from_at
  FROM team_commune tc
  JOIN records r ON r.collection = 'fieldLog' AND NOT r.deleted AND r.data->>'teamId' = tc.team_id::text
    AND r.data->>'date' BETWEEN $2 AND $3
  LEFT JOIN closes c ON c.scope = 'team:' || tc.team_id AND c.month = left(r.data->>'date', 7)
  WHERE CASE WHEN $4 THEN r.data->>'reviewStatus' = 'approved' ELSE coalesce(r.data->>'reviewStatus', 'pending') <> 'returned' END
    AND (c.close IS NULL OR c.close->>'status' <> 'closed' OR c.close->'covered'->>(r.id::text) = r.data->>'updatedAt')
),
judged AS (
  SELECT e.*, (e.kind IN ('incident', 'mobilisation') AND e.data->>'arrivedAt' IS NOT NULL
    AND (e.data->>'arrivedAt')::timestamptz - e.from_at::timestamptz <= make_interval(mins => e.prompt_minutes)) AS is_prompt
  FROM entries e
)`;

const COUNTERS = `${COUNTED_ENTRIES}
SELECT j.commune_id::text AS "communeId", k.key, count(*)::int AS count
FROM judged j CROSS JOIN LATERAL unnest(ARRAY[
  'kind:' || j.kind,
  CASE WHEN j.kind = 'incident' THEN 'attendance:incident' END,
  CASE WHEN j.kind = 'incident' THEN 'attendance:incident:' || (j.data->>'incidentType') END,
  CASE WHEN j.kind = 'incident' AND j.is_prompt THEN 'attendance-prompt:incident' END,
  CASE WHEN j.kind = 'incident' AND j.is_prompt THEN 'attendance-prompt:incident:' || (j.data->>'incidentType') END,
  CASE WHEN j.kind = 'mobilisation' THEN 'attendance:mobilisation' END,
  CASE WHEN j.kind = 'mobilisation' AND j.is_prompt THEN 'attendance-prompt:mobilisation' END,
  CASE WHEN j.kind = 'tip' AND coalesce(j.data->>'passedToPoliceAt', '') <> '' THEN 'tip-passed' END,
  CASE WHEN j.kind = 'incident' AND j.data->>'incidentType' = 'traffic' AND j.data->>'isSerious' = 'true' THEN 'event:serious-traffic-accident' END
]) AS k (key)
WHERE k.key IS NOT NULL
GROUP BY 1, 2`;

const HOUSEHOLDS = `${COUNTED_ENTRIES},
hh AS (
  SELECT r.id, (r.data->>'hamletId')::uuid AS hamlet_id, r.data->>'mergedIntoId' AS merged FROM records r
  WHERE r.collection = 'household' AND NOT r.deleted AND r.scope IN (SELECT 'unit:' || hamlet_id FROM hamlets)
),
walk (id, cur, depth) AS (
  SELECT id, id, 0 FROM hh
  UNION ALL
  SELECT w.id, n.id, w.depth + 1 FROM walk w JOIN hh h ON h.id = w.cur JOIN hh n ON n.id::text = h.merged
  WHERE w.depth < 50
),
roots AS (SELECT DISTINCT ON (id) id, cur AS root FROM walk ORDER BY id, depth DESC),
reached AS (
  SELECT DISTINCT ro.root FROM judged j
  CROSS JOIN LATERAL jsonb_array_elements_text(j.data->'householdIds') AS h (id)
  JOIN roots ro ON ro.id::text = h.id
  WHERE j.kind = 'outreach'
),
informed AS (
  SELECT DISTINCT ro.root FROM judged j JOIN roots ro ON ro.id::text = j.data->>'householdId'
  WHERE j.kind = 'residence-report' AND coalesce(j.data->>'passedToPoliceAt', '') <> ''
)
SELECT hm.commune_id::text AS "communeId", count(*)::int AS households,
  count(rc.root)::int AS reached, count(inf.root)::int AS informed
FROM roots ro JOIN hh ON hh.id = ro.id JOIN hamlets hm ON hm.hamlet_id = hh.hamlet_id
LEFT JOIN reached rc ON rc.root = ro.id LEFT JOIN informed inf ON inf.root = ro.id
WHERE ro.root = ro.id
GROUP BY 1`;

const MEMBERS = `${COUNTED_ENTRIES},
members AS (
  SELECT u.id, tc.commune_id FROM users u JOIN team_commune tc ON tc.team_id = u.team_id WHERE u.disabled_at IS NULL
),
patrolled AS (
  SELECT DISTINCT p.member FROM judged j
  CROSS JOIN LATERAL (SELECT j.data->>'memberId' UNION SELECT jsonb_array_elements_text(j.data->'participantIds')) AS p (member)
  WHERE j.kind = 'patrol'
)
SELECT m.commune_id::text AS "communeId", count(*)::int AS members, count(p.member)::int AS patrolled
FROM members m LEFT JOIN patrolled p ON p.member = m.id::text
GROUP BY 1`;

const REOFFENCES = `${COUNTED_ENTRIES}
SELECT commune_id::text AS "communeId", data->>'personName' AS "personName" FROM judged
WHERE kind = 'reintegration-visit' AND data->>'reoffenceObserved' = 'true'`;

const MODELS = `${COUNTED_ENTRIES}
SELECT commune_id::text AS "communeId", data->>'modelKind' AS "modelKind", data->>'startedOn' AS "startedOn",
  coalesce(data->>'recognisedBy', '') AS "recognisedBy", data->>'recognisedOn' AS "recognisedOn", day
FROM judged WHERE kind = 'model'`;

/** Models count whatever day they were logged on: the caller judges them by the period's end. */
const EVERY_DAY = { startDay: '0000-01-01', endDay: '9999-12-31' };

/** Every figure of the communes for the span, in five read-only queries. */
export async function aggregateCommunes(db: Queryable, query: AggregateQuery): Promise<CommuneAggregates> {
  const params = (span: { startDay: string; endDay: string }) => [query.communeIds, span.startDay, span.endDay, query.isApprovedOnly ?? false];
  const [counterRows, householdRows, memberRows, reoffences, models] = await Promise.all([
    db.query<{ communeId: string; key: string; count: number }>(COUNTERS, params(query)),
    db.query<{ communeId: string; households: number; reached: number; informed: number }>(HOUSEHOLDS, params(query)),
    db.query<{ communeId: string; members: number; patrolled: number }>(MEMBERS, params(query)),
    db.query<{ communeId: string; personName: string }>(REOFFENCES, params(query)),
    db.query<CommuneAggregates['models'][number]>(MODELS, params(EVERY_DAY)),
  ]);
  const counters = new Map<string, Map<string, number>>();
  for (const row of counterRows) {
    const own = counters.get(row.communeId) ?? new Map<string, number>();
    own.set(row.key, row.count);
    counters.set(row.communeId, own);
  }
  return {
    counters,
    households: new Map(householdRows.map(({ communeId, ...figures }) => [communeId, figures])),
    members: new Map(memberRows.map(({ communeId, ...figures }) => [communeId, figures])),
    reoffences,
    models,
  };
}

/** The communes below (or equal to) a unit, with their names, in name order. */
export async function listCommunesUnder(db: Queryable, unitId: string): Promise<Array<{ id: string; name: string }>> {
  return db.query<{ id: string; name: string }>(
    `WITH RECURSIVE below AS (
       SELECT id, kind, name FROM org_units WHERE id = $1
       UNION ALL SELECT u.id, u.kind, u.name FROM below b JOIN org_units u ON u.parent_id = b.id
     )
     SELECT id::text, name FROM below WHERE kind = 'commune' ORDER BY name`,
    [unitId],
  );
}

/** The units below (or equal to) a unit, as the engine's org input reads them. */
export async function listUnitsUnder(db: Queryable, unitId: string): Promise<Array<{ id: string; kind: string; parentId: string | null }>> {
  return db.query<{ id: string; kind: string; parentId: string | null }>(
    `WITH RECURSIVE below AS (
       SELECT id, kind, parent_id FROM org_units WHERE id = $1
       UNION ALL SELECT u.id, u.kind, u.parent_id FROM below b JOIN org_units u ON u.parent_id = b.id
     )
     SELECT id::text, kind, parent_id::text AS "parentId" FROM below`,
    [unitId],
  );
}

/** Live records of a collection within the scopes (plans, entered values), data only. */
export async function readRecordsInScopes(db: Queryable, collection: string, scopes: readonly string[]): Promise<Record<string, unknown>[]> {
  if (scopes.length === 0) return [];
  const rows = await db.query<{ data: Record<string, unknown> }>(
    'SELECT data FROM records WHERE collection = $1 AND NOT deleted AND scope = ANY($2::text[])',
    [collection, scopes],
  );
  return rows.map((row) => row.data);
}

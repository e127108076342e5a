/**
 * Org units as management sees them: with their settings (duty phone, prompt minutes), their
 * children, and the subtree below one unit. The tree has any depth; a recursive query walks it.
 */
import type { OrgUnitKind } from '#src/shared/domain/account.ts';
import type { OrgUnit, OrgUnitSettings } from '#src/shared/domain/org-unit.ts';
import type { Queryable } from './database.ts';

const UNIT_COLUMNS = `id::text, parent_id::text AS "parentId", kind, name,
  json_build_object('dutyPhone', duty_phone, 'promptMinutes', prompt_minutes) AS settings`;

export async function findUnit(db: Queryable, id: string): Promise<OrgUnit | undefined> {
  const rows = await db.query<OrgUnit>(`SELECT ${UNIT_COLUMNS} FROM org_units WHERE id = $1`, [id]);
  return rows[0];
}

export async function listUnits(db: Queryable, ids: string[]): Promise<OrgUnit[]> {
  if (ids.length === 0) return [];
  return db.query<OrgUnit>(`SELECT ${UNIT_COLUMNS} FROM org_units WHERE id = ANY($1::uuid[]) ORDER BY name`, [ids]);
}

export async function listChildUnits(db: Queryable, parentId: string): Promise<OrgUnit[]> {
  return db.query<OrgUnit>(`SELECT ${UNIT_COLUMNS} FROM org_units WHERE parent_id = $1 ORDER BY kind, name`, [parentId]);
}

/** The unit and every unit below it. */
export async function listSubtree(db: Queryable, rootId: string): Promise<OrgUnit[]> {
  return db.query<OrgUnit>(
    `WITH RECURSIVE sub AS (
       SELECT id FROM org_units WHERE id = $1
       UNION ALL
       SELECT o.id FROM org_units o JOIN sub s ON o.parent_id = s.id
     )
     SELECT ${UNIT_COLUMNS} FROM org_units WHERE id IN (SELECT id FROM sub) ORDER BY name`,
    [rootId],
  );
}

/** True when `unitId` is `rootId` or below it. */
export async function isWithin(db: Queryable, unitId: string, rootId: string): Promise<boolean> {
  const rows = await db.query(
    `WITH RECURSIVE chain AS (
       SELECT id, parent_id FROM org_units WHERE id = $1
       UNION ALL
       SELECT o.id, o.parent_id FROM org_units o JOIN chain c ON o.id = c.parent_id
     )
     SELECT 1 FROM chain WHERE id = $2`,
    [unitId, rootId],
  );
  return rows.length > 0;
}

export async function findUnitByName(db: Queryable, parentId: string | null, kind: OrgUnitKind, name: string): Promise<OrgUnit | undefined> {
  const rows = await db.query<OrgUnit>(
    `SELECT ${UNIT_COLUMNS} FROM org_units WHERE parent_id IS NOT DISTINCT FROM $1::uuid AND kind = $2 AND lower(name) = lower($3)`,
    [parentId, kind, name],
  );
  return rows[0];
}

export async function insertUnit(
  db: Queryable,
  unit: { id: string; parentId: string | null; kind: OrgUnitKind; name: string; settings?: Partial<OrgUnitSettings> },
  now: Date,
): Promise<void> {
  await db.query(
    `INSERT INTO org_units (id, parent_id, kind, name, duty_phone, prompt_minutes, updated_at)
     VALUES ($1, $2, $3, $4, $5, COALESCE($6, 30), $7)`,
    [unit.id, unit.parentId, unit.kind, unit.name, unit.settings?.dutyPhone ?? null, unit.settings?.promptMinutes ?? null, now.toISOString()],
  );
}

export async function updateUnit(db: Queryable, id: string, change: { name?: string; parentId?: string }, now: Date): Promise<void> {
  await db.query('UPDATE org_units SET name = COALESCE($2, name), parent_id = COALESCE($3, parent_id), updated_at = $4 WHERE id = $1', [
    id,
    change.name ?? null,
    change.parentId ?? null,
    now.toISOString(),
  ]);
}

export async function updateUnitSettings(db: Queryable, id: string, settings: OrgUnitSettings, now: Date): Promise<void> {
  await db.query('UPDATE org_units SET duty_phone = $2, prompt_minutes = $3, updated_at = $4 WHERE id = $1', [
    id,
    settings.dutyPhone,
    settings.promptMinutes,
    now.toISOString(),
  ]);
}

/**
 * Households (hộ gia đình) on the device. Members read them (they arrive by pull); leaders and
 * commune police also write them: add, edit, flag, merge duplicates, import a list. Writes go
 * through putRecord (record and outbox entry in one transaction); an import or a merge writes
 * all its rows in ONE transaction, so a failure halfway leaves none of them.
 *
 * A hamlet has 150–500 households, so a team's hamlets fit in memory for a search, while every
 * read goes through the `hamletId` index and never scans the table.
 */
import type { Household } from '#src/shared/domain/household.ts';
import type { AnttDatabase } from './database.ts';
import { useDbQuery } from './database-context.tsx';
import { putRecord, savingTables } from './record-repository.ts';

/**
 * Households of the given hamlets, sorted by head name (Vietnamese collation). Households merged
 * into another are left out unless `includeMerged` (the households screen shows them, pickers do not).
 */
export async function listHouseholdsInHamlets(
  db: AnttDatabase,
  hamletIds: readonly string[],
  options: { includeMerged?: boolean } = {},
): Promise<Household[]> {
  if (hamletIds.length === 0) return [];
  const rows = await db.household.where('hamletId').anyOf([...hamletIds]).toArray();
  const kept = options.includeMerged ? rows : rows.filter((row) => (row.mergedIntoId ?? null) === null);
  const collator = new Intl.Collator('vi');
  return kept.sort((a, b) => collator.compare(a.headName, b.headName) || collator.compare(a.address, b.address));
}

/** Ids of the households of the given hamlets, from the index alone (no rows are read). */
export async function listHouseholdIdsInHamlets(db: AnttDatabase, hamletIds: readonly string[]): Promise<string[]> {
  if (hamletIds.length === 0) return [];
  return (await db.household.where('hamletId').anyOf([...hamletIds]).primaryKeys()) as string[];
}

/** Households by id, as a map; ids with no household on the device are absent. */
export async function getHouseholdsByIds(db: AnttDatabase, ids: Iterable<string>): Promise<Map<string, Household>> {
  const unique = [...new Set(ids)];
  const rows = await db.household.bulkGet(unique);
  const found = new Map<string, Household>();
  for (const row of rows) if (row) found.set(row.id, row);
  return found;
}

/** Stores one household (new or edited) and queues it for push. */
export async function saveHousehold(db: AnttDatabase, household: Record<string, unknown>, now: Date = new Date()): Promise<Household> {
  return putRecord(db, 'household', { ...household, updatedAt: now.toISOString() }, now);
}

/**
 * Stores many households at once, all or nothing: every row is validated by putRecord inside
 * one transaction, and the first refusal rolls back the rows already written.
 */
export async function saveHouseholds(db: AnttDatabase, households: readonly Record<string, unknown>[], now: Date = new Date()): Promise<Household[]> {
  return db.transaction('rw', savingTables(db, 'household'), async () => {
    const saved: Household[] = [];
    for (const household of households) saved.push(await putRecord(db, 'household', { ...household, updatedAt: now.toISOString() }, now));
    return saved;
  });
}

/**
 * Merges a duplicate into the household that is kept: the duplicate stays (entries name it) with
 * `mergedIntoId`, leaves pickers, and counts as the kept one; households earlier merged into the
 * duplicate follow it to the kept one. One transaction.
 */
export async function mergeHousehold(db: AnttDatabase, duplicateId: string, keptId: string, now: Date = new Date()): Promise<void> {
  await db.transaction('rw', savingTables(db, 'household'), async () => {
    const [duplicate, kept] = await db.household.bulkGet([duplicateId, keptId]);
    if (!duplicate || !kept) throw new Error('Không tìm thấy hộ cần gộp');
    if (kept.mergedIntoId) throw new Error('Hộ được giữ lại đã được gộp vào hộ khác');
    const followers = await db.household.where('hamletId').equals(duplicate.hamletId).filter((row) => row.mergedIntoId === duplicateId).toArray();
    for (const row of [duplicate, ...followers]) {
      await putRecord(db, 'household', { ...row, mergedIntoId: keptId, updatedAt: now.toISOString() }, now);
    }
  });
}

/** Live households of the hamlets (merged ones left out unless asked); undefined while loading. */
export function useHouseholdsInHamlets(hamletIds: readonly string[], options: { includeMerged?: boolean } = {}): Household[] | undefined {
  const includeMerged = options.includeMerged ?? false;
  return useDbQuery((db) => listHouseholdsInHamlets(db, hamletIds, { includeMerged }), [hamletIds.join(','), includeMerged]);
}

/** Live households by id; undefined while loading. */
export function useHouseholdsByIds(ids: readonly string[]): Map<string, Household> | undefined {
  return useDbQuery((db) => getHouseholdsByIds(db, ids), [ids.join(',')]);
}

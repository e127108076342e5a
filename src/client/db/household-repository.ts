/**
 * Reading households (hộ gia đình) on the device. They arrive by pull only (the device never
 * writes them): a member covers 100–500 households, so the households of the member's hamlets
 * fit in memory for a search, while every read goes through the `hamletId` index and never
 * scans the table.
 */
import type { Household } from '#src/shared/domain/household.ts';
import type { AnttDatabase } from './database.ts';
import { useDbQuery } from './database-context.tsx';

/** Households of the given hamlets, sorted by head name (Vietnamese collation). */
export async function listHouseholdsInHamlets(db: AnttDatabase, hamletIds: readonly string[]): Promise<Household[]> {
  if (hamletIds.length === 0) return [];
  const rows = await db.household.where('hamletId').anyOf([...hamletIds]).toArray();
  const collator = new Intl.Collator('vi');
  return rows.sort((a, b) => collator.compare(a.headName, b.headName) || collator.compare(a.address, b.address));
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

/** Live households of the hamlets; undefined while loading. */
export function useHouseholdsInHamlets(hamletIds: readonly string[]): Household[] | undefined {
  return useDbQuery((db) => listHouseholdsInHamlets(db, hamletIds), [hamletIds.join(',')]);
}

/** Live households by id; undefined while loading. */
export function useHouseholdsByIds(ids: readonly string[]): Map<string, Household> | undefined {
  return useDbQuery((db) => getHouseholdsByIds(db, ids), [ids.join(',')]);
}

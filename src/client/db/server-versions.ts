/**
 * The server version a record's next edit is based on (the protocol's `base`).
 *
 * A record pulled from the server carries it (`serverVersion`). A record this device pushed gets
 * its version from the push's answer, kept in `pushedVersion` (one small row per record, no
 * index) rather than by rewriting the record: settling 10,000 pushed field logs would otherwise
 * rewrite each with its nine indexes, most of a push's time on the phone. Versions are the
 * server's commit order, so the higher of the two is the newer; a save writes it back into the
 * record and drops the row.
 *
 * Callers run inside a transaction that includes `db.pushedVersion`.
 */
import type { CollectionName } from '#src/shared/sync/collections.ts';
import { SERVER_VERSION_FIELD, type AnttDatabase, type PushedVersionRow } from './database.ts';

function ownVersion(row: Record<string, unknown> | undefined): number {
  const version = row?.[SERVER_VERSION_FIELD];
  return typeof version === 'number' ? version : 0;
}

/** The newer of the version a record carries and the one its last push was answered with. */
function baseOf(row: Record<string, unknown> | undefined, pushed: PushedVersionRow | undefined): number {
  return Math.max(ownVersion(row), pushed?.version ?? 0);
}

/** The base versions of `rows` (the records of `ids`, undefined when absent), in order. */
export async function serverVersionsOf(
  db: AnttDatabase,
  collection: CollectionName,
  ids: readonly string[],
  rows: readonly (Record<string, unknown> | undefined)[],
): Promise<number[]> {
  if (ids.length === 0) return [];
  const pushed = await db.pushedVersion.bulkGet(ids.map((id): [CollectionName, string] => [collection, id]));
  return ids.map((_, index) => baseOf(rows[index], pushed[index]));
}

/** The base version of one record (`row`: the record as stored, undefined when absent). */
export async function serverVersionOf(db: AnttDatabase, collection: CollectionName, id: string, row: Record<string, unknown> | undefined): Promise<number> {
  return (await serverVersionsOf(db, collection, [id], [row]))[0]!;
}

/** A record as stored (undefined when absent) and its base version, both read at once. */
export async function readForSave(db: AnttDatabase, collection: CollectionName, id: string): Promise<{ row: Record<string, unknown> | undefined; base: number; hasPushedVersion: boolean }> {
  const [row, pushed] = await Promise.all([
    db.table(collection).get(id) as Promise<Record<string, unknown> | undefined>,
    db.pushedVersion.get([collection, id]),
  ]);
  return { row, base: baseOf(row, pushed), hasPushedVersion: pushed !== undefined };
}

/** `rows` with their base versions written in (for a backup), absent ones left out. */
export async function withServerVersions(db: AnttDatabase, collection: CollectionName, rows: readonly Record<string, unknown>[]): Promise<Record<string, unknown>[]> {
  const versions = await serverVersionsOf(db, collection, rows.map((row) => row.id as string), rows);
  return rows.map((row, index) => (versions[index]! > ownVersion(row) ? { ...row, [SERVER_VERSION_FIELD]: versions[index]! } : row));
}

/** Records the versions the server gave pushed records. */
export async function recordPushedVersions(db: AnttDatabase, rows: readonly PushedVersionRow[]): Promise<void> {
  if (rows.length > 0) await db.pushedVersion.bulkPut([...rows]);
}

/** Drops the rows of records whose version now lives in the record itself (after a save). */
export async function forgetPushedVersions(db: AnttDatabase, collection: CollectionName, ids: readonly string[]): Promise<void> {
  if (ids.length > 0) await db.pushedVersion.bulkDelete(ids.map((id): [CollectionName, string] => [collection, id]));
}

/**
 * Field-level merge of an edit into the server's copy (protocol.ts, "Push"). Pure.
 *
 * An edit says which top-level fields it changed (`changed`) and which version it started from
 * (`base`). Fields it did not change keep the server's values, so a stale copy on the device
 * never undoes someone else's newer change. A field it changed that another device also changed
 * after `base` is a conflict: the server keeps its value and both values go into a conflict
 * record. Changes the same device made earlier (its own batches) never conflict with it.
 */
import type { RecordedChange } from '#src/server/db/sync-repository.ts';

export interface MergeResult {
  /** What the edit means: the server's copy with every field the edit changed. */
  candidate: Record<string, unknown>;
  /** The record to store: the server's copy with the edit's non-conflicting changes applied. */
  merged: Record<string, unknown>;
  /** Fields whose value the edit changes (conflicting ones included). */
  changed: Set<string>;
  /** Fields changed by the edit and, since its base, by another device, to different values. */
  conflicting: string[];
}

/** JSON equality with object keys in any order. */
export function isSameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => isSameValue(item, b[i]));
  const aKeys = Object.keys(a);
  const bObject = b as Record<string, unknown>;
  if (aKeys.length !== Object.keys(bObject).length) return false;
  return aKeys.every((key) => Object.hasOwn(bObject, key) && isSameValue((a as Record<string, unknown>)[key], bObject[key]));
}

/**
 * @param stored the server's live copy (without tombstones), or null for a new record
 * @param sent the record as the device sent it
 * @param clientChanged the fields the device says it changed; null: all of them
 * @param othersSinceBase changes recorded after the edit's base (any device)
 * @param clientId the pushing device
 */
export function mergeEdit(
  stored: Record<string, unknown> | null,
  sent: Record<string, unknown>,
  clientChanged: readonly string[] | null,
  othersSinceBase: readonly RecordedChange[],
  clientId: string,
): MergeResult {
  if (!stored) return { candidate: sent, merged: sent, changed: new Set(Object.keys(sent)), conflicting: [] };
  const claimed = clientChanged ?? [...new Set([...Object.keys(stored), ...Object.keys(sent)])];
  const touchedByOthers = new Set<string>();
  let isAllTouched = false;
  for (const change of othersSinceBase) {
    if (change.clientId === clientId) continue;
    if (change.changed === null) isAllTouched = true;
    else for (const field of change.changed) touchedByOthers.add(field);
  }
  const isTouched = (field: string) => isAllTouched || touchedByOthers.has(field);
  const candidate: Record<string, unknown> = { ...stored };
  for (const field of claimed) {
    if (Object.hasOwn(sent, field)) candidate[field] = sent[field];
    else delete candidate[field];
  }
  // Every save stamps `updatedAt`: two edits of different fields both change it, which is no
  // conflict for anyone to settle, and a late edit must not turn it back. The later instant is kept.
  if (claimed.includes(LAST_CHANGE_FIELD) && isTouched(LAST_CHANGE_FIELD)) candidate[LAST_CHANGE_FIELD] = later(stored[LAST_CHANGE_FIELD], sent[LAST_CHANGE_FIELD]);
  const changed = new Set(claimed.filter((field) => !isSameValue(candidate[field], stored[field])));
  const conflicting = [...changed].filter((field) => field !== LAST_CHANGE_FIELD && isTouched(field));
  const merged = { ...candidate };
  for (const field of conflicting) {
    if (Object.hasOwn(stored, field)) merged[field] = stored[field];
    else delete merged[field];
  }
  return { candidate, merged, changed, conflicting };
}

/** The bookkeeping instant of a record's last change (not content: see mergeEdit). */
const LAST_CHANGE_FIELD = 'updatedAt';

function later(a: unknown, b: unknown): unknown {
  const at = (value: unknown) => (typeof value === 'string' ? Date.parse(value) : Number.NaN);
  if (Number.isNaN(at(b))) return a;
  return at(a) > at(b) ? a : b;
}

/** The last recorded change that wrote `field` (for the conflict's "current value" line). */
export function lastChangeOf(field: string, changes: readonly RecordedChange[]): RecordedChange | null {
  for (let i = changes.length - 1; i >= 0; i -= 1) {
    const change = changes[i]!;
    if (change.changed === null || change.changed.includes(field)) return change;
  }
  return null;
}

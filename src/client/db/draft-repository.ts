/**
 * Drafts: a form's input as typed, in the local, unsynced `drafts` table, so that a reload, a
 * closed tab, a flat battery or an app update loses nothing. A draft belongs to the signed-in
 * user (sign-out wipes it with every other personal row) and is deleted when its entry is saved.
 *
 * Format: `formatVersion` records which form wrote the values. The form reads stored values
 * field by field and starts any field it cannot read from empty, so a draft written by an older
 * app version still opens (entries/draft-values.ts).
 */
import type { AnttDatabase, DraftRow } from './database.ts';
import { useDbQuery } from './database-context.tsx';

/** The format the current forms write. */
export const DRAFT_FORMAT_VERSION = 1;

/** Key of a draft: a new entry of a kind, or an edit of one entry. */
export function draftKey(target: { kind: string; entryId: string; isNew: boolean }): string {
  return target.isNew ? `new:${target.kind}` : `edit:${target.entryId}`;
}

/** The user's draft under `key`, or undefined. A draft of another user is never returned. */
export async function getDraft(db: AnttDatabase, key: string, userId: string): Promise<DraftRow | undefined> {
  const row = await db.drafts.get(key);
  return row?.userId === userId ? row : undefined;
}

/** Stores (replaces) a draft. */
export async function saveDraft(db: AnttDatabase, row: DraftRow): Promise<void> {
  await db.drafts.put(row);
}

export async function deleteDraft(db: AnttDatabase, key: string): Promise<void> {
  await db.drafts.delete(key);
}

/** The user's drafts, newest first (to offer "continue" on the kind chooser). */
export async function listDrafts(db: AnttDatabase, userId: string): Promise<DraftRow[]> {
  const rows = await db.drafts.where('userId').equals(userId).toArray();
  return rows.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
}

/** Live list of the user's drafts; undefined while loading. */
export function useDrafts(userId: string): DraftRow[] | undefined {
  return useDbQuery((db) => listDrafts(db, userId), [userId]);
}

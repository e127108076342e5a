/**
 * "Sửa lại" on an entry the server refused: the refused record becomes the draft its form opens
 * with (the drafts table, in the format the entry forms read), so the author sees exactly what
 * was sent, fixes it and saves a new change; saving closes the refusal as fixed
 * (entry-form-screen.tsx). An entry the server holds opens as an edit of it; one it never took,
 * as the new entry it was, under its own id.
 */
import type { Profile } from '#src/shared/domain/account.ts';
import { fieldLogKinds, type FieldLog, type FieldLogKind } from '#src/shared/domain/field-log.ts';
import type { AnttDatabase, RejectionRow } from '#src/client/db/database.ts';
import { DRAFT_FORMAT_VERSION, draftKey, getDraft, saveDraft } from '#src/client/db/draft-repository.ts';
import { getFieldLog } from '#src/client/db/field-log-repository.ts';
import { valuesFromEntry } from '#src/client/features/entries/draft-values.ts';
import { kindDescriptions } from '#src/client/features/entries/kinds/kind-registry.ts';

function refusedEntry(refusal: RejectionRow, profile: Profile): FieldLog | null {
  const data = refusal.data;
  if (refusal.collection !== 'fieldLog' || !data || data.memberId !== profile.user.id) return null;
  if (!(fieldLogKinds as readonly unknown[]).includes(data.kind)) return null;
  return data as unknown as FieldLog;
}

/** Whether "Sửa lại" applies: a refused entry of this user, with the record kept. */
export function canFixRefusal(refusal: RejectionRow, profile: Profile): boolean {
  return profile.team !== null && refusedEntry(refusal, profile) !== null;
}

/**
 * Whether fixing would replace a draft of another entry: a new entry of the same kind being
 * written (a new entry's form keeps one draft per kind). The caller asks before going on.
 */
export async function fixReplacesDraft(db: AnttDatabase, refusal: RejectionRow, profile: Profile): Promise<boolean> {
  const entry = refusedEntry(refusal, profile);
  if (!entry || (await getFieldLog(db, entry.id)) !== undefined) return false;
  const draft = await getDraft(db, draftKey({ kind: entry.kind, entryId: entry.id, isNew: true }), profile.user.id);
  return draft !== undefined && draft.entryId !== entry.id;
}

/** Writes the refused entry as its form's draft; returns where its form is. */
export async function draftFromRefusal(db: AnttDatabase, refusal: RejectionRow, profile: Profile, now: Date = new Date()): Promise<string> {
  const entry = refusedEntry(refusal, profile);
  if (!entry) throw new Error('Only a refused entry of this user can be fixed');
  const kind: FieldLogKind = entry.kind;
  const isNew = (await getFieldLog(db, entry.id)) === undefined;
  await saveDraft(db, {
    key: draftKey({ kind, entryId: entry.id, isNew }),
    userId: profile.user.id,
    kind,
    entryId: entry.id,
    formatVersion: DRAFT_FORMAT_VERSION,
    values: valuesFromEntry(kindDescriptions[kind], entry),
    updatedAt: now.toISOString(),
  });
  return isNew ? `/nhat-ky/moi/${kind}` : `/nhat-ky/${entry.id}`;
}

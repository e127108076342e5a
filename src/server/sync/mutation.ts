/**
 * Deciding one pushed mutation (push.ts runs it for each mutation of a batch, in order, inside the
 * push transaction): what can be stored (storable.ts), the collection's schema, the field merge
 * against the server's copy (merge.ts), who may write it (write-rules.ts), what an entry refers to
 * and its dates (entry-checks.ts). The outcome is the versions to write (the record, and a
 * conflict record when values collide) or one refusal with Vietnamese words. Pure but for the
 * clock and new ids.
 */
import type { NewVersion, RecordedChange, Rejection, StoredRecord } from '#src/server/db/sync-repository.ts';
import { recordKey } from '#src/server/db/sync-repository.ts';
import type { Conflict, ConflictKind } from '#src/shared/domain/conflict.ts';
import { uuidv7 } from '#src/shared/domain/ids.ts';
import { collections, isCollectionName, type CollectionDefinition, type CollectionName, type Scope } from '#src/shared/sync/collections.ts';
import type { Mutation, PutMutation } from '#src/shared/sync/protocol.ts';
import { unstorableMessages, unstorableReason } from '#src/shared/sync/storable.ts';
import type { Access } from './access.ts';
import { checkEntryFacts, type EntryFacts } from './entry-checks.ts';
import { isSameValue, lastChangeOf, mergeEdit } from './merge.ts';
import { checkWrite, rejectMessages } from './write-rules.ts';

export interface BatchContext {
  access: Access;
  clientId: string;
  now: Date;
  facts: EntryFacts;
  /** Changes since each stale mutation's base, keyed `collection/id@base`. */
  histories: ReadonlyMap<string, RecordedChange[]>;
  /** Current copies, updated as the batch goes (later mutations see earlier ones). */
  current: Map<string, StoredRecord>;
}

export type MutationOutcome =
  | { rejection: Omit<Rejection, 'seq' | 'collection' | 'id'> }
  | { versions: NewVersion[]; isChanged: boolean; unchangedVersion?: number };

const REVIEW_FIELDS = new Set(['reviewStatus', 'reviewComment', 'reviewedBy', 'reviewedAt', 'updatedAt']);
const refuse = (reason: Rejection['reason'], message: string, fields?: Rejection['fields']): MutationOutcome => ({ rejection: { reason, message, fields } });

export function decideMutation(context: BatchContext, mutation: Mutation): MutationOutcome {
  if (!isCollectionName(mutation.collection)) return refuse('unknown-collection', rejectMessages.unknownCollection);
  const current = context.current.get(recordKey(mutation)) ?? null;
  if (mutation.op === 'delete') return decideDelete(context, mutation.collection, mutation, current);
  return decidePut(context, mutation.collection, mutation, current);
}

function decideDelete(context: BatchContext, collection: CollectionName, mutation: Mutation, current: StoredRecord | null): MutationOutcome {
  if (!current || current.deleted) return { versions: [], isChanged: false, unchangedVersion: current?.seq ?? 0 };
  const decision = checkWrite(context.access, collection, null, current);
  if (!decision.isAllowed) return refuse(decision.reason, decision.message);
  const version: NewVersion = {
    collection, id: mutation.id, scope: current.scope, deleted: true, data: null,
    originClient: context.clientId, clientId: context.clientId, clientSeq: mutation.seq, changed: null, previous: current,
  };
  return { versions: [version], isChanged: false };
}

function parseWith(definition: CollectionDefinition, data: unknown) {
  const parsed = definition.schema.safeParse(data);
  if (parsed.success) return { data: parsed.data as Record<string, unknown> };
  const fields = parsed.error.issues.map((issue) => ({ path: issue.path.join('.') || '_', message: issue.message }));
  return { error: { message: fields[0]?.message ?? rejectMessages.invalidRecord, fields } };
}

function decidePut(context: BatchContext, collection: CollectionName, mutation: PutMutation, current: StoredRecord | null): MutationOutcome {
  if (mutation.data.id !== undefined && mutation.data.id !== mutation.id) return refuse('invalid-record', rejectMessages.idMismatch);
  const unstorable = unstorableReason(mutation.data);
  if (unstorable) return refuse('invalid-record', unstorableMessages[unstorable]);
  const definition = collections[collection] as unknown as CollectionDefinition;
  const sent = parseWith(definition, { ...mutation.data, id: mutation.id });
  if (sent.error) return refuse('invalid-record', sent.error.message, sent.error.fields);
  if (current?.deleted) return refuse('deleted', rejectMessages.deleted);
  const history = context.histories.get(`${recordKey(mutation)}@${mutation.base}`) ?? [];
  const merge = mergeEdit(current?.data ?? null, sent.data!, mutation.changed ?? null, history, context.clientId);
  // The edit as its author meant it is what must be valid and allowed; a conflict only decides
  // which of two allowed values the record keeps.
  const intended = parseWith(definition, merge.candidate);
  if (intended.error) return refuse('invalid-record', intended.error.message, intended.error.fields);
  const scope: Scope = definition.scopeOf(intended.data!);
  const decision = checkWrite(context.access, collection, { scope, data: intended.data!, changed: merge.changed }, current);
  if (!decision.isAllowed) return refuse(decision.reason, decision.message);
  if (collection === 'fieldLog') {
    const refusal = checkEntryFacts(intended.data!, current?.data ?? null, context.facts);
    if (refusal) return refuse(refusal.reason, refusal.message);
  }
  if (decision.isReviewConflict) {
    const contentFields = [...merge.changed].filter((field) => !REVIEW_FIELDS.has(field));
    return conflictOutcome(context, mutation, current!, current!.data!, contentFields, sent.data!, history, 'edited-after-review');
  }
  let conflicting = merge.conflicting;
  let merged = conflicting.length > 0 ? parseWith(definition, merge.merged) : intended;
  if (merged.error) {
    // Two edits that are fine alone can be wrong together (an end before a start): keep the
    // server's copy and offer every changed field as a conflict.
    conflicting = [...merge.changed];
    merged = { data: current!.data! };
  }
  const final = normalised(merged.data!, decision.normalise, current?.data ?? null, context.now);
  if (conflicting.length > 0) return conflictOutcome(context, mutation, current!, final, conflicting, sent.data!, history, 'concurrent-edit');
  if (current && isSameValue(final, current.data)) return { versions: [], isChanged: false, unchangedVersion: current.seq };
  const isExact = isSameValue(final, sent.data);
  const version: NewVersion = {
    collection, id: mutation.id, scope: definition.scopeOf(final), deleted: false, data: final,
    originClient: isExact ? context.clientId : null, clientId: context.clientId, clientSeq: mutation.seq,
    changed: current ? [...merge.changed] : null, previous: current,
  };
  return { versions: [version], isChanged: !isExact };
}

/** The leader's review stamps: who reviewed, and when (the server's clock when the device sent none). */
function normalised(data: Record<string, unknown>, patch: Record<string, unknown> | undefined, before: Record<string, unknown> | null, now: Date) {
  if (!patch) return data;
  const next = { ...data, ...patch };
  const isNewReview = 'reviewedBy' in patch && before?.reviewStatus !== next.reviewStatus;
  if (isNewReview && (typeof next.reviewedAt !== 'string' || next.reviewedAt === before?.reviewedAt)) next.reviewedAt = now.toISOString();
  return next;
}

/**
 * Stores `kept` (the server's values for the conflicting fields) under a new version, so every
 * device of the scope, the sender included, pulls it; and a conflict record with every value.
 */
function conflictOutcome(
  context: BatchContext, mutation: PutMutation, current: StoredRecord, kept: Record<string, unknown>,
  fields: string[], offered: Record<string, unknown>, history: RecordedChange[], kind: ConflictKind,
): MutationOutcome {
  const at = context.now.toISOString();
  const record: NewVersion = {
    collection: mutation.collection, id: mutation.id, scope: current.scope, deleted: false, data: kept,
    originClient: null, clientId: context.clientId, clientSeq: mutation.seq,
    changed: Object.keys(kept).filter((field) => !isSameValue(kept[field], current.data?.[field])), previous: current,
  };
  if (fields.length === 0) return { versions: [record], isChanged: true };
  const conflict: Conflict = {
    id: uuidv7(context.now.getTime()), kind, collection: mutation.collection, recordId: mutation.id, scope: current.scope,
    fields: fields.map((field) => {
      const last = lastChangeOf(field, history);
      return {
        field,
        values: [
          { value: current.data?.[field] ?? null, userId: last?.userId ?? null, at: last?.at ?? at, isCurrent: true },
          { value: offered[field] ?? null, userId: context.access.account.id, at, isCurrent: false },
        ],
      };
    }),
    status: 'open', choices: {}, resolvedBy: null, resolvedAt: null, createdAt: at,
  };
  const conflictVersion: NewVersion = {
    collection: 'conflict', id: conflict.id, scope: current.scope, deleted: false, data: conflict as unknown as Record<string, unknown>,
    originClient: null, changed: null, previous: null,
  };
  return { versions: [record, conflictVersion], isChanged: true };
}

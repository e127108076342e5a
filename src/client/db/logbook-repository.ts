/**
 * The logbook's reads: which entries match a filter, in order, and the rows of the few that are
 * on screen. A phone may hold a team's or a commune's entries for years (10,000 and more), so
 * the matching walks indexes and reads primary keys only: the scope, kind and date range pick
 * one compound index range; the review status intersects a second index's keys; the sync state
 * the outbox's record ids. Rows are read only for what is shown (and, once per change of the
 * list, for a text search: logbook-search in the entries feature).
 */
import type { FieldLog, FieldLogKind } from '#src/shared/domain/field-log.ts';
import type { ReviewStatus } from '#src/shared/domain/review.ts';
import type { AnttDatabase } from './database.ts';
import { useDbQuery } from './database-context.tsx';

/** Whose entries: the user's, a team's, or every entry on the device (commune police). */
export type LogbookScope = { kind: 'member'; memberId: string } | { kind: 'team'; teamId: string } | { kind: 'all' };

export interface LogbookFilter {
  scope: LogbookScope;
  kind: FieldLogKind | null;
  /** Inclusive `yyyy-MM-dd` bounds; null for open. */
  fromDay: string | null;
  toDay: string | null;
  reviewStatus: ReviewStatus | null;
  /** 'pending': a change waits in the outbox; 'sent': none does. */
  syncState: 'pending' | 'sent' | null;
}

const FIRST_DAY = '0000-01-01';
const LAST_DAY = '9999-12-31';

function scopeRange(db: AnttDatabase, filter: LogbookFilter, from: string, to: string) {
  const { scope, kind } = filter;
  if (scope.kind === 'all') {
    return kind ? db.fieldLog.where('[kind+date]').between([kind, from], [kind, to], true, true) : db.fieldLog.where('date').between(from, to, true, true);
  }
  const [field, value] = scope.kind === 'member' ? ['memberId', scope.memberId] : ['teamId', scope.teamId];
  return kind
    ? db.fieldLog.where(`[${field}+kind+date]`).between([value, kind, from], [value, kind, to], true, true)
    : db.fieldLog.where(`[${field}+date]`).between([value, from], [value, to], true, true);
}

/**
 * Ids of the matching entries, newest day first (equal days: newest created first, ids being
 * UUIDv7). Reads keys only.
 */
export async function listLogbookIds(db: AnttDatabase, filter: LogbookFilter): Promise<string[]> {
  const from = filter.fromDay ?? FIRST_DAY;
  const to = filter.toDay ?? LAST_DAY;
  if (from > to) return [];
  let ids = (await scopeRange(db, filter, from, to).reverse().primaryKeys()) as string[];
  if (filter.reviewStatus) {
    const status = filter.reviewStatus;
    const withStatus = new Set((await db.fieldLog.where('[reviewStatus+date]').between([status, from], [status, to], true, true).primaryKeys()) as string[]);
    ids = ids.filter((id) => withStatus.has(id));
  }
  if (filter.syncState) {
    const pending = new Set((await db.outbox.orderBy('recordId').uniqueKeys()) as string[]);
    const wantPending = filter.syncState === 'pending';
    ids = ids.filter((id) => pending.has(id) === wantPending);
  }
  return ids;
}

/** Entries by id, in the order given; ids no longer on the device are skipped. */
export async function getFieldLogsByIds(db: AnttDatabase, ids: readonly string[]): Promise<FieldLog[]> {
  const rows = await db.fieldLog.bulkGet([...ids]);
  return rows.filter((row): row is FieldLog => row !== undefined);
}

/** Live matching ids; undefined while loading. Re-runs when entries or the outbox change. */
export function useLogbookIds(filter: LogbookFilter): string[] | undefined {
  return useDbQuery((db) => listLogbookIds(db, filter), [JSON.stringify(filter)]);
}

/** Live rows of the entries on screen; undefined while loading. */
export function useFieldLogsByIds(ids: readonly string[]): FieldLog[] | undefined {
  return useDbQuery((db) => getFieldLogsByIds(db, ids), [ids.join(',')]);
}

/**
 * The team leader's review and month close on the device (tổ trưởng duyệt, chốt sổ tháng). A
 * decision is an edit of the entry saved through putRecord (entry and outbox entry in one
 * transaction), offline like any save; the server checks it against the review state machine
 * (src/shared/domain/review.ts, server write-rules.ts) and stamps who reviewed. A review never
 * changes the entry's `updatedAt`: that marks content changes, which closed months compare
 * (src/shared/domain/month-close.ts). A close is a `monthClose` record of the team and month,
 * saved through putRecord too.
 */
import Dexie from 'dexie';
import type { FieldLog } from '#src/shared/domain/field-log.ts';
import { uuidv7 } from '#src/shared/domain/ids.ts';
import { currentClose, type MonthClose } from '#src/shared/domain/month-close.ts';
import { isReviewTransitionAllowed } from '#src/shared/domain/review.ts';
import type { AnttDatabase } from './database.ts';
import { useDbQuery } from './database-context.tsx';
import { putRecord } from './record-repository.ts';

/** The last day of a month `yyyy-MM`, as `yyyy-MM-dd` (compares as a string). */
const monthEnd = (month: string): string => `${month}-31`;

/** A team's entries dated in the month, oldest day first. */
export async function listTeamMonthLogs(db: AnttDatabase, teamId: string, month: string): Promise<FieldLog[]> {
  return db.fieldLog.where('[teamId+date]').between([teamId, `${month}-01`], [teamId, monthEnd(month)], true, true).toArray();
}

/** A member's entries the leader returned, newest day first (the member's inbox). */
export async function listReturnedForMember(db: AnttDatabase, memberId: string): Promise<FieldLog[]> {
  const rows = await db.fieldLog.where('[reviewStatus+date]').between(['returned', Dexie.minKey], ['returned', Dexie.maxKey]).toArray();
  return rows.filter((log) => log.memberId === memberId).sort((a, b) => b.date.localeCompare(a.date));
}

/** The deciding close of a team-month (the newest record), or null when never closed. */
export async function readMonthClose(db: AnttDatabase, teamId: string, month: string): Promise<MonthClose | null> {
  return currentClose(await db.monthClose.where('[teamId+month]').equals([teamId, month]).toArray());
}

/** A review the state machine does not allow, or a return without a comment. */
export class ReviewError extends Error {
  constructor(readonly reason: 'transition' | 'comment-needed' | 'not-found') {
    super(reason);
    this.name = 'ReviewError';
  }
}

/** Approves or returns an entry as the team leader; a return needs a comment. */
export async function reviewEntry(
  db: AnttDatabase,
  review: { entryId: string; decision: 'approved' | 'returned'; comment: string; reviewerId: string },
  now: Date = new Date(),
): Promise<FieldLog> {
  const entry = await db.fieldLog.get(review.entryId);
  if (!entry) throw new ReviewError('not-found');
  if (!isReviewTransitionAllowed(entry.reviewStatus, review.decision, 'leader')) throw new ReviewError('transition');
  const comment = review.comment.trim();
  if (review.decision === 'returned' && comment === '') throw new ReviewError('comment-needed');
  return putRecord(db, 'fieldLog', {
    ...entry, reviewStatus: review.decision, reviewComment: comment, reviewedBy: review.reviewerId, reviewedAt: now.toISOString(),
  }, now);
}

/**
 * Closes a team's month: every approved entry of the month is signed at its current version.
 * The same team-month keeps one record (a later close or reopening edits it).
 */
export async function closeMonth(
  db: AnttDatabase,
  close: { teamId: string; month: string; leaderId: string; note?: string },
  now: Date = new Date(),
): Promise<MonthClose> {
  const [entries, existing] = await Promise.all([listTeamMonthLogs(db, close.teamId, close.month), readMonthClose(db, close.teamId, close.month)]);
  const covered = Object.fromEntries(entries.filter((entry) => entry.reviewStatus === 'approved').map((entry) => [entry.id, entry.updatedAt]));
  const at = now.toISOString();
  return putRecord(db, 'monthClose', {
    id: existing?.id ?? uuidv7(now.getTime()), teamId: close.teamId, month: close.month, status: 'closed', covered,
    note: close.note ?? '', closedBy: close.leaderId, closedAt: at, updatedAt: at,
  }, now);
}

/** Signs a late entry into its closed month at its current version. */
export async function acceptLateEntry(db: AnttDatabase, close: MonthClose, entry: FieldLog, now: Date = new Date()): Promise<MonthClose> {
  return putRecord(db, 'monthClose', { ...close, covered: { ...close.covered, [entry.id]: entry.updatedAt }, updatedAt: now.toISOString() }, now);
}

/** Reopens a closed month: it counts like an open month again until closed anew. */
export async function reopenMonth(db: AnttDatabase, close: MonthClose, now: Date = new Date()): Promise<MonthClose> {
  return putRecord(db, 'monthClose', { ...close, status: 'reopened', updatedAt: now.toISOString() }, now);
}

/** Live entries of a team-month; undefined while loading. */
export function useTeamMonthLogs(teamId: string, month: string): FieldLog[] | undefined {
  return useDbQuery((db) => listTeamMonthLogs(db, teamId, month), [teamId, month]);
}

/** Live deciding close of a team-month (null: never closed); undefined while loading. */
export function useMonthClose(teamId: string, month: string): MonthClose | null | undefined {
  return useDbQuery((db) => readMonthClose(db, teamId, month), [teamId, month]);
}

/** Live inbox of a member's returned entries; undefined while loading. */
export function useReturnedEntries(memberId: string): FieldLog[] | undefined {
  return useDbQuery((db) => listReturnedForMember(db, memberId), [memberId]);
}

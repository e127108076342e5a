/**
 * The team leader's sign-off of a month (chốt sổ tháng): once the month's entries are reviewed,
 * the leader closes it, and the record names every entry signed off with the version signed
 * (its `updatedAt`). From then on the month's counts are the signed entries only:
 *
 * - an entry added to the closed month, or edited after the close (a returned entry fixed and
 *   resubmitted, an offline phone that syncs late), is "late" (nộp muộn): the server accepts it
 *   (offline work is never lost) and every device flags it for the leader, but it stays out of
 *   the closed month's counts until the leader accepts it (adds it to `covered`) or reopens the
 *   month (`status: 'reopened'`: the month counts like an open one again);
 * - the leader's review (approve, return) does not change an entry's `updatedAt`, so reviewing
 *   never makes an entry late by itself.
 *
 * Synced as collection `monthClose`, scope `team:<teamId>`, written by the team's leader only
 * (server write-rules.ts). Two closes of one team-month (two devices offline) are resolved by
 * `currentClose`: the newest `updatedAt` wins.
 */
import { z } from 'zod';
import { UUID_PATTERN } from './ids.ts';

const uuid = z.string().regex(UUID_PATTERN, 'Mã không hợp lệ');

/** Most entries one close may sign off (a busy team logs a few hundred a month). */
export const MAX_COVERED_ENTRIES = 5000;

/** A month as `yyyy-MM`. */
export const monthKeySchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Tháng không hợp lệ');

export const monthCloseStatuses = ['closed', 'reopened'] as const;
export type MonthCloseStatus = (typeof monthCloseStatuses)[number];

export const monthCloseSchema = z.looseObject({
  id: uuid,
  teamId: uuid,
  month: monthKeySchema,
  status: z.enum(monthCloseStatuses),
  /** Entry id → the `updatedAt` of the version the leader signed off. */
  covered: z.record(z.string().regex(UUID_PATTERN), z.string().max(40)).refine(
    (covered) => Object.keys(covered).length <= MAX_COVERED_ENTRIES,
    `Tối đa ${MAX_COVERED_ENTRIES} nhật ký trong một tháng`,
  ),
  note: z.string().trim().max(1000, 'Ghi chú quá dài (tối đa 1.000 ký tự)').default(''),
  closedBy: uuid,
  closedAt: z.string(),
  updatedAt: z.string(),
});
export type MonthClose = z.infer<typeof monthCloseSchema>;

/** The month (`yyyy-MM`) an entry's day falls in. */
export function monthOfDay(day: string): string {
  return day.slice(0, 7);
}

/** The close that decides a team-month among several records of it: the newest. */
export function currentClose<Close extends Pick<MonthClose, 'updatedAt'>>(closes: Iterable<Close>): Close | null {
  let newest: Close | null = null;
  for (const close of closes) if (!newest || close.updatedAt > newest.updatedAt) newest = close;
  return newest;
}

/** Key of a team-month in close indexes. */
export const teamMonthKey = (teamId: string, month: string): string => `${teamId}|${month}`;

type CloseLike = Pick<MonthClose, 'teamId' | 'month' | 'status' | 'covered' | 'updatedAt'>;

/** The deciding close of each team-month, keyed teamMonthKey; only months closed now. */
export function closedMonths<Close extends CloseLike>(closes: Iterable<Close>): Map<string, Close> {
  const newest = new Map<string, Close>();
  for (const close of closes) {
    const key = teamMonthKey(close.teamId, close.month);
    const current = newest.get(key);
    if (!current || close.updatedAt > current.updatedAt) newest.set(key, close);
  }
  for (const [key, close] of newest) if (close.status !== 'closed') newest.delete(key);
  return newest;
}

/** What a closed month makes of an entry: signed off, or late (not signed at this version). */
export type CloseStanding = 'open' | 'signed' | 'late';

/** The entry's standing under the closes (from closedMonths). */
export function closeStanding(
  entry: { id: string; teamId: string; date: string; updatedAt?: string | undefined },
  closed: ReadonlyMap<string, CloseLike>,
): CloseStanding {
  const close = closed.get(teamMonthKey(entry.teamId, monthOfDay(entry.date)));
  if (!close) return 'open';
  return entry.updatedAt !== undefined && close.covered[entry.id] === entry.updatedAt ? 'signed' : 'late';
}

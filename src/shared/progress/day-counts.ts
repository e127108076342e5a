/**
 * Counters by day: the engine's indexes map a key (a team's entries of a kind, a household, a
 * member) to how much happened on each Vietnamese day. Adding and taking back are O(1); a
 * period's total walks only the days that have something. A counter that returns to zero is
 * removed, so an index built incrementally equals one built from scratch.
 */

export type DayCounts = Map<string, number>;

export interface DaySpan {
  startDay: string;
  endDay: string;
}

/** Adds `delta` (negative to take back) to `key`'s count on `day`. */
export function bump(index: Map<string, DayCounts>, key: string, day: string, delta: number): void {
  let counts = index.get(key);
  if (!counts) {
    counts = new Map();
    index.set(key, counts);
  }
  const next = (counts.get(day) ?? 0) + delta;
  if (next === 0) counts.delete(day);
  else counts.set(day, next);
  if (counts.size === 0) index.delete(key);
}

/** The total of the days within the span (inclusive). */
export function sumIn(counts: DayCounts | undefined, span: DaySpan): number {
  if (!counts) return 0;
  let total = 0;
  for (const [day, count] of counts) if (day >= span.startDay && day <= span.endDay) total += count;
  return total;
}

/** Whether anything happened within the span. */
export function anyIn(counts: DayCounts | undefined, span: DaySpan): boolean {
  if (!counts) return false;
  for (const day of counts.keys()) if (day >= span.startDay && day <= span.endDay) return true;
  return false;
}

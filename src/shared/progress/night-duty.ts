/**
 * Nights of patrol duty (trực đêm) per member and month, which provinces pay for: every patrol a
 * member took part in that falls partly between 22:00 and 06:00 Vietnam time (patrol.ts,
 * `nightDutyMinutes`) counts that night once, however many patrols it held. A night belongs to
 * the day it starts on (the night of 14/03 runs 14/03 22:00 – 15/03 06:00), and so to its month.
 */
import { instantOfVietnamTime, vietnamTimeOf } from '../domain/dates.ts';
import { nightDutyMinutes } from '../domain/patrol.ts';
import { addDays } from '../domain/plan-period.ts';

/** What night duty reads of a patrol entry. */
export interface NightPatrol {
  startAt: string;
  endAt: string;
  participantIds: readonly string[];
}

/** A member's night duty in a month: nights (each counted once) and minutes in the night hours. */
export interface NightDuty {
  memberId: string;
  nights: number;
  minutes: number;
}

/** The nights (named by the day each starts on) a span of time reaches into, with minutes in each. */
export function nightsOf(startAt: string, endAt: string): Map<string, number> {
  const nights = new Map<string, number>();
  if (!(Date.parse(endAt) > Date.parse(startAt))) return nights;
  const last = vietnamTimeOf(endAt).day;
  for (let day = addDays(vietnamTimeOf(startAt).day, -1); day <= last; day = addDays(day, 1)) {
    const nightStart = instantOfVietnamTime(day, '22:00');
    const nightEnd = instantOfVietnamTime(addDays(day, 1), '06:00');
    const from = Date.parse(startAt) > Date.parse(nightStart) ? startAt : nightStart;
    const to = Date.parse(endAt) < Date.parse(nightEnd) ? endAt : nightEnd;
    const minutes = nightDutyMinutes(from, to);
    if (minutes > 0) nights.set(day, minutes);
  }
  return nights;
}

/**
 * Each participant's nights of duty starting in `month` (yyyy-MM) and their night minutes, for
 * the patrols given; members with none are left out. Ordered by member id.
 */
export function nightDutyByMember(patrols: Iterable<NightPatrol>, month: string): NightDuty[] {
  const nightsByMember = new Map<string, Set<string>>();
  const minutesByMember = new Map<string, number>();
  for (const patrol of patrols) {
    for (const [night, minutes] of nightsOf(patrol.startAt, patrol.endAt)) {
      if (night.slice(0, 7) !== month) continue;
      for (const memberId of patrol.participantIds) {
        const nights = nightsByMember.get(memberId) ?? new Set<string>();
        nights.add(night);
        nightsByMember.set(memberId, nights);
        minutesByMember.set(memberId, (minutesByMember.get(memberId) ?? 0) + minutes);
      }
    }
  }
  return [...nightsByMember.entries()]
    .map(([memberId, nights]) => ({ memberId, nights: nights.size, minutes: minutesByMember.get(memberId) ?? 0 }))
    .sort((a, b) => a.memberId.localeCompare(b.memberId));
}

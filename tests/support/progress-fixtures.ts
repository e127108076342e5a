// Entries of every kind, shaped as the entry kinds' schemas define them (only the fields the
// progress engine reads, plus the base fields), and a generated commune with its teams,
// members, households and one month of work, for the progress engine's tests and benchmark.
import type { ManualValue } from '#src/shared/domain/manual-value.ts';
import type { OrgInput, ProgressEntry } from '#src/shared/progress/progress-input.ts';

let counter = 0;
/** Unique valid UUIDs, numbered in order of creation; `label` only says what the id is for. */
export function fixtureId(_label: string): string {
  counter += 1;
  return `0190a000-0000-7000-8000-${counter.toString(16).padStart(12, '0')}`;
}

type Base = { teamId: string; memberId: string; date: string; id?: string; reviewStatus?: 'pending' | 'approved' | 'returned' | 'resubmitted' };
const base = (b: Base) => ({ id: b.id ?? fixtureId('entry'), teamId: b.teamId, memberId: b.memberId, date: b.date, reviewStatus: b.reviewStatus ?? 'pending' });
/** An instant on a Vietnamese day at HH:mm Vietnam time (UTC+7). */
export const at = (day: string, time: string): string => new Date(`${day}T${time}:00+07:00`).toISOString();

export const entry = {
  outreach: (b: Base, householdIds: string[], extra: { agencyId?: string | null; peopleReached?: number } = {}): ProgressEntry =>
    ({ ...base(b), kind: 'outreach', householdIds, agencyId: extra.agencyId ?? null, peopleReached: extra.peopleReached ?? householdIds.length * 3 }),
  patrol: (b: Base, participantIds: string[]): ProgressEntry => ({ ...base(b), kind: 'patrol', participantIds }),
  incident: (b: Base, incidentType: string, reported: string, arrived: string | null, isSerious = false): ProgressEntry =>
    ({ ...base(b), kind: 'incident', incidentType, reportedAt: at(b.date, reported), arrivedAt: arrived ? at(b.date, arrived) : null, isSerious }),
  mobilisation: (b: Base, called: string, arrived: string | null): ProgressEntry =>
    ({ ...base(b), kind: 'mobilisation', calledAt: at(b.date, called), arrivedAt: arrived ? at(b.date, arrived) : null }),
  tip: (b: Base, isPassed: boolean): ProgressEntry => ({ ...base(b), kind: 'tip', passedToPoliceAt: isPassed ? at(b.date, '17:00') : null }),
  residence: (b: Base, householdId: string, isPassed = true): ProgressEntry =>
    ({ ...base(b), kind: 'residence-report', householdId, passedToPoliceAt: isPassed ? at(b.date, '16:00') : null }),
  reintegration: (b: Base, personName: string, reoffenceObserved: boolean): ProgressEntry =>
    ({ ...base(b), kind: 'reintegration-visit', personName, reoffenceObserved }),
  model: (b: Base, modelKind: string, startedOn: string, recognisedOn: string | null): ProgressEntry =>
    ({ ...base(b), kind: 'model', modelKind, startedOn, recognisedBy: recognisedOn ? 'Công an huyện' : '', recognisedOn }),
  goodDeed: (b: Base): ProgressEntry => ({ ...base(b), kind: 'good-deed' }),
};

export function manualValue(target: { orgUnitId: string; teamId?: string }, key: string, value: number, startDay: string, endDay = startDay): ManualValue {
  return {
    id: fixtureId('value'), orgUnitId: target.orgUnitId, teamId: target.teamId ?? null, key, startDay, endDay, value,
    note: '', enteredBy: fixtureId('police'), updatedAt: `${endDay}T10:00:00.000Z`,
  };
}

const ids = (label: string, count: number) => Array.from({ length: count }, (_, i) => fixtureId(`${label}${i}`));

/**
 * One commune of a province with two districts:
 * - commune C (district D): hamlets H1 (10 households), H2 (10, plus 2 duplicates merged into
 *   its first two), H3 (20); agency A;
 * - team T1 covers H1 and H2 with members m1–m4; team T2 covers H3 with members m5–m7;
 * - commune C2 (district D) with hamlet H9 (5 households) and team T9 (member m9): work there
 *   must never count for C.
 */
export function generatedCommune() {
  const unit = { province: fixtureId('P'), district: fixtureId('D'), district2: fixtureId('D2'), commune: fixtureId('C'), commune2: fixtureId('C2') };
  const hamlet = { h1: fixtureId('H1'), h2: fixtureId('H2'), h3: fixtureId('H3'), h9: fixtureId('H9') };
  const agency = fixtureId('A');
  const [m1, m2, m3, m4, m5, m6, m7, m9] = ids('m', 8) as [string, string, string, string, string, string, string, string];
  const team = { t1: fixtureId('T1'), t2: fixtureId('T2'), t9: fixtureId('T9') };
  const h = { h1: ids('h1-', 10), h2: ids('h2-', 10), h3: ids('h3-', 20), h9: ids('h9-', 5) };
  const duplicates = [fixtureId('dup-a'), fixtureId('dup-b')] as const;
  const org: OrgInput = {
    units: [
      { id: unit.province, kind: 'province', parentId: null },
      { id: unit.district, kind: 'district', parentId: unit.province },
      { id: unit.district2, kind: 'district', parentId: unit.province },
      { id: unit.commune, kind: 'commune', parentId: unit.district, settings: { promptMinutes: 30 } },
      { id: unit.commune2, kind: 'commune', parentId: unit.district },
      { id: hamlet.h1, kind: 'hamlet', parentId: unit.commune },
      { id: hamlet.h2, kind: 'hamlet', parentId: unit.commune },
      { id: hamlet.h3, kind: 'hamlet', parentId: unit.commune },
      { id: hamlet.h9, kind: 'hamlet', parentId: unit.commune2 },
      { id: agency, kind: 'agency', parentId: unit.commune },
    ],
    teams: [
      { id: team.t1, communeId: unit.commune, hamletIds: [hamlet.h1, hamlet.h2], memberIds: [m1, m2, m3, m4] },
      { id: team.t2, communeId: unit.commune, hamletIds: [hamlet.h3], memberIds: [m5, m6, m7] },
      { id: team.t9, communeId: unit.commune2, hamletIds: [hamlet.h9], memberIds: [m9] },
    ],
    households: [
      ...h.h1.map((id) => ({ id, hamletId: hamlet.h1, mergedIntoId: null })),
      ...h.h2.map((id) => ({ id, hamletId: hamlet.h2, mergedIntoId: null })),
      { id: duplicates[0], hamletId: hamlet.h2, mergedIntoId: h.h2[0]! },
      { id: duplicates[1], hamletId: hamlet.h2, mergedIntoId: h.h2[1]! },
      ...h.h3.map((id) => ({ id, hamletId: hamlet.h3, mergedIntoId: null })),
      ...h.h9.map((id) => ({ id, hamletId: hamlet.h9, mergedIntoId: null })),
    ],
  };
  return { org, unit, hamlet, agency, team, member: { m1, m2, m3, m4, m5, m6, m7, m9 }, households: h, duplicates };
}

export type GeneratedCommune = ReturnType<typeof generatedCommune>;

// Entries of every kind, shaped as the entry kinds' schemas define them (only the fields the
// progress engine reads, plus the base fields), and a generated commune with its teams,
// members, households and one month of work, for the progress engine's tests and benchmark.
import { campaignPlanSchema, type CampaignPlan } from '#src/shared/domain/campaign-plan.ts';
import { uuidv7 } from '#src/shared/domain/ids.ts';
import type { ManualValue } from '#src/shared/domain/manual-value.ts';
import { findPlanTemplate } from '#src/shared/plan-templates/plan-templates.ts';
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

/** A seed template as a published plan version. */
export function planFrom(templateId: string): CampaignPlan {
  const id = uuidv7();
  return campaignPlanSchema.parse({ ...findPlanTemplate(templateId)!.content, id, planId: id, version: 1, orgUnitId: uuidv7(), updatedAt: '2025-01-01T00:00:00.000Z' });
}

/**
 * One month `month` (yyyy-MM) of work in commune C; `before` is the day just before the judged
 * period starts (work that day must not count for it).
 */
export function monthOfWork(c: GeneratedCommune, month: string, before: string) {
  const { m1, m2, m3, m4, m5, m6, m7, m9 } = c.member;
  const { t1, t2, t9 } = c.team;
  const day = (n: number) => `${month}-${String(n).padStart(2, '0')}`;
  const T1 = (memberId: string, n: number) => ({ teamId: t1, memberId, date: day(n) });
  const T2 = (memberId: string, n: number) => ({ teamId: t2, memberId, date: day(n) });
  const { h1, h2, h3, h9 } = c.households;
  const entries: ProgressEntry[] = [
    // Outreach. T1: h1[0–4], then h1[3–5], the two duplicates (= h2[0], h2[1]) and h2[2]: 9 of 20.
    entry.outreach(T1(m1, 3), h1.slice(0, 5)),
    entry.outreach(T1(m2, 10), [h1[3]!, h1[4]!, h1[5]!, ...c.duplicates, h2[2]!]),
    entry.outreach({ teamId: t1, memberId: m1, date: before }, h1.slice(6, 10)),
    // T2: h3[0–15]: 16 of 20; the leader returned the entry for h3[16–19].
    entry.outreach(T2(m5, 5), h3.slice(0, 16)),
    entry.outreach({ ...T2(m5, 6), reviewStatus: 'returned' }, h3.slice(16, 20)),
    // Agency A: 45 + 30 staff reached.
    entry.outreach(T1(m1, 12), [], { agencyId: c.agency, peopleReached: 45 }),
    entry.outreach(T2(m6, 20), [], { agencyId: c.agency, peopleReached: 30 }),
    // Another commune's team.
    entry.outreach({ teamId: t9, memberId: m9, date: day(4) }, h9),
    entry.tip({ teamId: t9, memberId: m9, date: day(4) }, true),
    // Residence information passed to commune police. T1: h1[0], h1[1], duplicate a (= h2[0]); h1[2] not passed yet.
    entry.residence(T1(m3, 4), h1[0]!), entry.residence(T1(m3, 4), h1[1]!), entry.residence(T1(m3, 8), c.duplicates[0]),
    entry.residence(T1(m3, 9), h1[2]!, false),
    // T2: 19 of 20.
    ...h3.slice(0, 19).map((household, i) => entry.residence(T2(m6, 1 + (i % 28)), household)),
    // Patrols. T1: m1, m2, m3 of four; T2: all three.
    entry.patrol(T1(m1, 7), [m1, m2]), entry.patrol(T1(m3, 15), [m3]),
    entry.patrol(T2(m5, 9), [m5, m6, m7]),
    // Incidents (30 minutes is prompt). T1: security-order in 20 min, dispute in 45, a serious
    // traffic accident in 10, a fire (not a security-and-order type). T2: one never attended.
    entry.incident(T1(m1, 11), 'security-order', '10:00', '10:20'),
    entry.incident(T1(m2, 13), 'dispute', '14:00', '14:45'),
    entry.incident(T1(m2, 14), 'traffic', '08:00', '08:10', true),
    entry.incident(T1(m1, 16), 'fire', '09:00', '11:00'),
    entry.incident(T2(m5, 17), 'other', '20:00', null),
    // Mobilisation: T1 arrives in 25 minutes; T2 was not called.
    entry.mobilisation(T1(m4, 19), '22:00', '22:25'),
    // Tips: three of four passed to commune police.
    entry.tip(T1(m2, 2), true), entry.tip(T1(m3, 2), false), entry.tip(T2(m6, 3), true), entry.tip(T2(m7, 21), true),
    // Reintegration: one person re-offended, seen twice (the name once without diacritics).
    entry.reintegration(T2(m7, 10), 'Nguyễn Văn Tái', false),
    entry.reintegration(T2(m7, 18), 'Nguyễn Văn Tái', true),
    entry.reintegration(T2(m5, 25), 'nguyen van tai', true),
    // Models: T1's running since before the period, recognised this month; T2's new, not recognised.
    entry.model({ teamId: t1, memberId: m1, date: before }, 'self-management', before, day(10)),
    entry.model(T2(m6, 15), 'crime-prevention', day(15), null),
    // A good deed by T1.
    entry.goodDeed(T1(m4, 22)),
  ];
  const C = { orgUnitId: c.unit.commune };
  const A = { orgUnitId: c.agency };
  const D = { orgUnitId: c.unit.district };
  const D2 = { orgUnitId: c.unit.district2 };
  const values = [
    manualValue(C, 'tips-received-by-police', 5, day(1), day(28)),
    manualValue(C, 'violating-businesses', 0, day(1), day(28)),
    manualValue({ orgUnitId: c.unit.commune, teamId: t1 }, 'members-commended', 1, day(1), day(28)),
    manualValue(A, 'agency-staff', 100, day(1)),
    manualValue(A, 'self-management-models', 1, day(1)),
    manualValue(A, 'staff-informed-of-plan', 100, day(1)),
    manualValue(A, 'staff-completed-tasks', 97, day(1)),
    manualValue(A, 'staff-compliant', 100, day(1)),
    manualValue(A, 'agency-recognised-safe', 1, day(1)),
    manualValue(A, 'staff-fulfilled-programmes', 100, day(1)),
    manualValue(A, 'staff-law-violations', 0, day(1), day(28)),
    // Ratings entered per district; the province has none of its own, so it is their total.
    ...([[D, 50, 50, 36, 42, 20, 14], [D2, 30, 27, 20, 24, 12, 8]] as const).flatMap(([unit, total, registered, recognised, average, good, excellent]) => [
      manualValue(unit, 'units-total', total, day(1)),
      manualValue(unit, 'units-registered-safe', registered, day(1)),
      manualValue(unit, 'units-recognised-safe', recognised, day(1)),
      manualValue(unit, 'units-rated-average-or-better', average, day(1)),
      manualValue(unit, 'units-rated-good', good, day(1)),
      manualValue(unit, 'units-rated-excellent', excellent, day(1)),
    ]),
    manualValue(D, 'exemplary-communes-registered', 1, day(1)),
    manualValue(D, 'exemplary-agencies-registered', 0, day(1)),
  ];
  return { entries, values };
}


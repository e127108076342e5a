// The progress engine over a commune-year: 25 teams of 5 members covering 25 hamlets of 300
// households, and 50,000 entries of every kind across seed 001's campaign year. Measured:
// building the state from scratch and computing every indicator of seed 001 for every team and
// the commune (what a commune police phone does when it opens), and applying one new entry and
// computing them again (what it does after each save or pulled change).
import { performance } from 'node:perf_hooks';
import { campaignPlanSchema } from '#src/shared/domain/campaign-plan.ts';
import { addDays } from '#src/shared/domain/plan-period.ts';
import { findPlanTemplate } from '#src/shared/plan-templates/plan-templates.ts';
import { computePlanProgress } from '#src/shared/progress/plan-progress.ts';
import { ProgressState } from '#src/shared/progress/progress-state.ts';
import type { OrgInput, ProgressEntry } from '#src/shared/progress/progress-input.ts';
import { quantile } from './stats.ts';

export interface ProgressBench {
  entries: number;
  results: number;
  scratchMedianMs: number;
  scratchP95Ms: number;
  oneEntryMedianMs: number;
  oneEntryP95Ms: number;
}

let sequence = 0;
const id = () => `0190b000-0000-7000-8000-${(sequence += 1).toString(16).padStart(12, '0')}`;

function communeYear(entryCount: number) {
  const commune = id();
  const hamlets = Array.from({ length: 25 }, () => id());
  const teams = hamlets.map((hamlet) => ({ id: id(), communeId: commune, hamletIds: [hamlet], memberIds: Array.from({ length: 5 }, () => id()) }));
  const households = hamlets.flatMap((hamletId) => Array.from({ length: 300 }, () => ({ id: id(), hamletId, mergedIntoId: null })));
  const org: OrgInput = {
    units: [{ id: commune, kind: 'commune', parentId: null }, ...hamlets.map((hamlet) => ({ id: hamlet, kind: 'hamlet' as const, parentId: commune }))],
    teams,
    households,
  };
  const entries: ProgressEntry[] = [];
  for (let n = 0; n < entryCount; n += 1) entries.push(entryAt(n, teams, households));
  return { org, commune, teams, entries, households };
}

function entryAt(n: number, teams: ReturnType<typeof communeYear>['teams'], households: OrgInput['households']): ProgressEntry {
  const team = teams[n % teams.length]!;
  const base = { id: id(), teamId: team.id, memberId: team.memberIds[n % 5]!, date: addDays('2024-08-19', n % 365), reviewStatus: 'pending' as const };
  const at = `${base.date}T03:00:00.000Z`;
  const household = households[(n * 7) % households.length]!.id;
  switch (n % 9) {
    case 0: return { ...base, kind: 'outreach', householdIds: [household, households[(n * 13) % households.length]!.id], peopleReached: 6 };
    case 1: return { ...base, kind: 'patrol', participantIds: team.memberIds.slice(0, 2) };
    case 2: return { ...base, kind: 'incident', incidentType: 'security-order', reportedAt: at, arrivedAt: at, isSerious: false };
    case 3: return { ...base, kind: 'mobilisation', calledAt: at, arrivedAt: null };
    case 4: return { ...base, kind: 'tip', passedToPoliceAt: at };
    case 5: return { ...base, kind: 'residence-report', householdId: household, passedToPoliceAt: at };
    case 6: return { ...base, kind: 'reintegration-visit', personName: `Người ${n % 40}`, reoffenceObserved: false };
    case 7: return { ...base, kind: 'good-deed' };
    default: return { ...base, kind: 'outreach', householdIds: [household], peopleReached: 3 };
  }
}

export function measureProgress(entryCount = 50_000, runs = 7): ProgressBench {
  const { org, commune, teams, entries, households } = communeYear(entryCount);
  const template = findPlanTemplate('001-dak-nong-2024')!.content;
  const planId = id();
  const plan = campaignPlanSchema.parse({ ...template, id: planId, planId, version: 1, orgUnitId: commune, updatedAt: '2024-09-16T00:00:00.000Z' });
  const asOfDay = '2025-03-20';
  const everything = (state: ProgressState) => [
    ...teams.flatMap((team) => computePlanProgress(state, { plan, scope: { level: 'team', id: team.id }, asOfDay })),
    ...computePlanProgress(state, { plan, scope: { level: 'commune', id: commune }, asOfDay }),
  ];
  const scratch: number[] = [];
  const oneEntry: number[] = [];
  let results = 0;
  for (let run = 0; run < runs; run += 1) {
    const start = performance.now();
    const state = ProgressState.build(org, entries);
    results = everything(state).length;
    scratch.push(performance.now() - start);
    for (let n = 0; n < 20; n += 1) {
      const added = entryAt(entryCount + run * 20 + n, teams, households);
      const before = performance.now();
      state.putEntry({ ...added, date: asOfDay });
      everything(state);
      oneEntry.push(performance.now() - before);
    }
  }
  return {
    entries: entryCount, results,
    scratchMedianMs: quantile(scratch, 0.5), scratchP95Ms: quantile(scratch, 0.95),
    oneEntryMedianMs: quantile(oneEntry, 0.5), oneEntryP95Ms: quantile(oneEntry, 0.95),
  };
}

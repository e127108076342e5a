// Properties of the progress engine (fast-check):
// 1. incremental = full recomputation: any sequence of new, changed and deleted entries and
//    entered values, applied one at a time, ends in the same state (indexes and every result)
//    as building the state from scratch from what is left;
// 2. adding an entry never lowers a count: no indicator's numerator goes down.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { campaignPlanSchema, type CampaignPlan } from '#src/shared/domain/campaign-plan.ts';
import type { ManualValue } from '#src/shared/domain/manual-value.ts';
import { planTemplates } from '#src/shared/plan-templates/plan-templates.ts';
import { computePlanProgress } from '#src/shared/progress/plan-progress.ts';
import { ProgressState } from '#src/shared/progress/progress-state.ts';
import type { ProgressEntry } from '#src/shared/progress/progress-input.ts';
import type { ScopeRef } from '#src/shared/progress/org-index.ts';
import { entry, fixtureId, generatedCommune, manualValue } from '../../support/progress-fixtures.ts';

// Each property takes about 2 s alone; the machine is shared, so allow for a slow run.
const PROPERTY_TIMEOUT_MS = 60_000;

const c = generatedCommune();
const plans: CampaignPlan[] = planTemplates().map(({ content }) => {
  const id = fixtureId('plan');
  return campaignPlanSchema.parse({ ...content, id, planId: id, version: 1, orgUnitId: c.unit.province, updatedAt: '2025-01-01T00:00:00.000Z' });
});
const allHouseholds = [...c.org.households.map((h) => h.id), fixtureId('unknown-household')];
const teams = [
  { id: c.team.t1, members: [c.member.m1, c.member.m2, c.member.m3, c.member.m4] },
  { id: c.team.t2, members: [c.member.m5, c.member.m6, c.member.m7] },
  { id: c.team.t9, members: [c.member.m9] },
];
const scopes: ScopeRef[] = [
  { level: 'member', id: c.member.m1 }, { level: 'member', id: c.member.m6 },
  { level: 'team', id: c.team.t1 }, { level: 'team', id: c.team.t2 },
  { level: 'hamlet', id: c.hamlet.h2 }, { level: 'commune', id: c.unit.commune },
  { level: 'district', id: c.unit.district }, { level: 'province', id: c.unit.province }, { level: 'agency', id: c.agency },
];
// Days across phase 1's end and into phase 2 of seed 001, and the month boundaries.
const days = ['2025-01-31', '2025-02-03', '2025-02-04', '2025-02-28', '2025-03-01', '2025-03-15', '2025-03-31', '2025-04-02'];
const times = ['07:00', '07:20', '07:45', '08:30', '22:10'];

const base = fc.record({
  team: fc.constantFrom(...teams),
  memberIndex: fc.nat(3),
  date: fc.constantFrom(...days),
  reviewStatus: fc.constantFrom('pending', 'approved', 'returned', 'resubmitted' as const),
}).map(({ team, memberIndex, date, reviewStatus }) => ({ teamId: team.id, memberId: team.members[memberIndex % team.members.length]!, date, reviewStatus, team }));

const some = <T>(items: readonly T[], max: number) => fc.subarray([...items], { maxLength: max });

/** An entry of any kind, with the given id. */
function anyEntry(id: string): fc.Arbitrary<ProgressEntry> {
  return fc.tuple(base, fc.nat(8), some(allHouseholds, 6), fc.constantFrom(...times), fc.option(fc.constantFrom(...times), { nil: null }), fc.boolean(), fc.boolean())
    .chain(([b, kind, households, first, second, flagA, flagB]) => {
      const at = { ...b, id };
      const builders: Array<() => ProgressEntry> = [
        () => entry.outreach(at, households, flagA ? { agencyId: c.agency, peopleReached: 1 + households.length * 7 } : {}),
        () => entry.patrol(at, b.team.members.filter((_, i) => (i + households.length) % 2 === 0)),
        () => entry.incident(at, (['security-order', 'traffic', 'fire', 'dispute'] as const)[households.length % 4]!, first, second, flagA),
        () => entry.mobilisation(at, first, second),
        () => entry.tip(at, flagA),
        () => entry.residence(at, households[0] ?? allHouseholds[0]!, flagA),
        () => entry.reintegration(at, flagB ? 'Trần Văn Hòa' : 'tran van hoa', flagA),
        () => entry.model(at, flagB ? 'crime-prevention' : 'self-management', b.date, flagA ? b.date : null),
        () => entry.goodDeed(at),
      ];
      return fc.constant(builders[kind]!());
    });
}

const anyValue = fc.record({
  target: fc.constantFrom({ orgUnitId: c.unit.commune }, { orgUnitId: c.agency }, { orgUnitId: c.unit.district }, { orgUnitId: c.unit.commune, teamId: c.team.t2 }),
  key: fc.constantFrom('tips-received-by-police', 'agency-staff', 'units-total', 'units-rated-good', 'members-commended', 'violating-businesses'),
  value: fc.nat(120),
  day: fc.constantFrom(...days),
}).map(({ target, key, value, day }) => manualValue(target, key, value, day));

const steps = fc.array(fc.oneof(
  { weight: 5, arbitrary: fc.record({ op: fc.constant('put' as const), slot: fc.nat(11), kindSeed: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('delete' as const), slot: fc.nat(11) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('value' as const), value: anyValue }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('delete-value' as const), slot: fc.nat(5) }) },
), { maxLength: 40 });

const slotIds = Array.from({ length: 12 }, () => fixtureId('slot'));

function everyResult(state: ProgressState): string[] {
  return plans.flatMap((plan) => scopes.flatMap((scope) => computePlanProgress(state, { plan, scope, asOfDay: '2025-03-20' })
    .map((r) => `${plan.name.slice(0, 12)} ${r.indicatorId} ${scope.level}:${scope.id} ${r.numerator}/${r.denominator} ${r.status} ${r.projection?.value ?? ''}`)));
}

describe('progress engine properties', () => {
  it('ends where a full recomputation ends, after any puts, changes and deletes', () => {
    fc.assert(fc.property(steps, fc.array(anyEntry('x'), { minLength: 12, maxLength: 12 }), (sequence, pool) => {
      const state = new ProgressState(c.org);
      const live = new Map<string, ProgressEntry>();
      const values: ManualValue[] = [];
      for (const step of sequence) {
        if (step.op === 'put') {
          const chosen = { ...pool[(step.slot + step.kindSeed) % pool.length]!, id: slotIds[step.slot]! } as ProgressEntry;
          state.putEntry(chosen);
          live.set(chosen.id, chosen);
        } else if (step.op === 'delete') {
          state.deleteEntry(slotIds[step.slot]!);
          live.delete(slotIds[step.slot]!);
        } else if (step.op === 'value') {
          state.putManualValue(step.value);
          values.push(step.value);
        } else if (values.length > 0) {
          const [removed] = values.splice(step.slot % values.length, 1);
          state.deleteManualValue(removed!.id);
        }
      }
      const fresh = ProgressState.build(c.org, live.values(), values);
      expect(state.snapshot()).toEqual(fresh.snapshot());
      expect(everyResult(state)).toEqual(everyResult(fresh));
    }), { numRuns: 60 });
  }, PROPERTY_TIMEOUT_MS);

  it('never lowers a count when an entry is added', () => {
    fc.assert(fc.property(fc.array(anyEntry('x'), { maxLength: 15 }), anyEntry('new'), fc.array(anyValue, { maxLength: 4 }), (existing, added, values) => {
      const withIds = existing.map((e) => ({ ...e, id: fixtureId('e') }) as ProgressEntry);
      const state = ProgressState.build(c.org, withIds, values);
      const numerators = () => plans.flatMap((plan) => scopes.flatMap((scope) => computePlanProgress(state, { plan, scope, asOfDay: '2025-03-20' }).map((r) => r.numerator)));
      const before = numerators();
      state.putEntry({ ...added, id: fixtureId('added') } as ProgressEntry);
      const after = numerators();
      after.forEach((value, index) => expect(value).toBeGreaterThanOrEqual(before[index]!));
    }), { numRuns: 80 });
  }, PROPERTY_TIMEOUT_MS);
});

/**
 * Measuring a metric for one scope and period from the engine state: a numerator, and a
 * denominator for shares. Reads only the state's indexes (no entry is scanned); the cost is in
 * the scope's size (households, members, teams) and the days with data, not in the number of
 * entries.
 *
 * Entered values (manual-value.ts) for a scope: a team's own values; for a unit, its own values,
 * or when it has none the total of the units below it that have some. `sum` inputs add up the
 * values whose span lies within the period; `latest` inputs take the value overlapping the
 * period that ends last (the newest entry when two end the same day).
 */
import type { CampaignPlanContent } from '../domain/campaign-plan.ts';
import type { ManualValue } from '../domain/manual-value.ts';
import type { Metric } from '../domain/plan-metric.ts';
import { anyIn, sumIn, type DaySpan } from './day-counts.ts';
import type { Measure } from './indicator-status.ts';
import type { ResolvedScope } from './org-index.ts';
import type { ProgressState } from './progress-state.ts';

type ManualInputs = CampaignPlanContent['manualInputs'];

interface Entered {
  value: number;
  hasValue: boolean;
}

const NONE: Entered = { value: 0, hasValue: false };

function aggregate(values: ReadonlyMap<string, ManualValue> | undefined, aggregation: 'sum' | 'latest', span: DaySpan): Entered {
  if (!values) return NONE;
  if (aggregation === 'sum') {
    const within = [...values.values()].filter((v) => v.startDay >= span.startDay && v.endDay <= span.endDay);
    return within.length === 0 ? NONE : { value: within.reduce((total, v) => total + v.value, 0), hasValue: true };
  }
  let latest: ManualValue | null = null;
  for (const v of values.values()) {
    if (v.startDay > span.endDay || v.endDay < span.startDay) continue;
    if (!latest || v.endDay > latest.endDay || (v.endDay === latest.endDay && v.updatedAt > latest.updatedAt)) latest = v;
  }
  return latest ? { value: latest.value, hasValue: true } : NONE;
}

function unitValue(state: ProgressState, unitId: string, key: string, aggregation: 'sum' | 'latest', span: DaySpan, seen: Set<string>): Entered {
  if (seen.has(unitId)) return NONE;
  seen.add(unitId);
  const own = aggregate(state.manual.get(`unit:${unitId}|${key}`), aggregation, span);
  if (own.hasValue) return own;
  let total = NONE;
  for (const child of state.org.childUnits(unitId)) {
    const below = unitValue(state, child, key, aggregation, span, seen);
    if (below.hasValue) total = { value: total.value + below.value, hasValue: true };
  }
  return total;
}

/** The entered value of `key` for the scope and period. */
export function enteredValue(state: ProgressState, inputs: ManualInputs, scope: ResolvedScope, key: string, span: DaySpan): Entered {
  const aggregation = inputs.find((input) => input.key === key)?.aggregation ?? 'latest';
  if (scope.ref.level === 'team') return aggregate(state.manual.get(`team:${scope.ref.id}|${key}`), aggregation, span);
  if (scope.unitId) return unitValue(state, scope.unitId, key, aggregation, span, new Set());
  return NONE;
}

/** A counter's total for the scope: the member's own, or the scope's teams'. */
function counted(state: ProgressState, scope: ResolvedScope, key: string, span: DaySpan): number {
  if (scope.ref.level === 'member') return sumIn(state.counters.get(`${key}|m:${scope.ref.id}`), span);
  let total = 0;
  for (const teamId of scope.teamIds) total += sumIn(state.counters.get(`${key}|t:${teamId}`), span);
  return total;
}

function householdShare(index: ProgressState['reached'], scope: ResolvedScope, span: DaySpan): Measure {
  const prefix = scope.ref.level === 'member' ? `${scope.ref.id}|` : '';
  let reached = 0;
  for (const household of scope.householdIds) if (anyIn(index.get(prefix + household), span)) reached += 1;
  return { numerator: reached, denominator: scope.householdIds.length, hasValue: true };
}

function reoffenders(state: ProgressState, scope: ResolvedScope, span: DaySpan): number {
  const people = new Set<string>();
  for (const teamId of scope.teamIds) {
    for (const person of state.reoffendersOfTeam.get(teamId) ?? []) {
      if (anyIn(state.reoffences.get(`${teamId}|${person}`), span)) people.add(person);
    }
  }
  return people.size;
}

function models(state: ProgressState, scope: ResolvedScope, metric: Extract<Metric, { type: 'model-count' }>, span: DaySpan): number {
  let count = 0;
  for (const model of state.models.values()) {
    if (!scope.teamIds.has(model.teamId) || model.startedOn > span.endDay) continue;
    if (metric.modelKinds.length > 0 && !metric.modelKinds.includes(model.modelKind as never)) continue;
    if (metric.isRecognisedOnly && (model.recognisedOn === null || model.recognisedOn > span.endDay)) continue;
    count += 1;
  }
  return count;
}

const count = (numerator: number): Measure => ({ numerator, denominator: null, hasValue: true });

/** The metric's numerator (and denominator, for a share) for the scope and period. */
export function measure(state: ProgressState, inputs: ManualInputs, metric: Metric, scope: ResolvedScope, span: DaySpan): Measure {
  const entered = (key: string) => enteredValue(state, inputs, scope, key, span);
  switch (metric.type) {
    case 'household-outreach-share':
      return householdShare(state.reached, scope, span);
    case 'residence-info-share':
      return householdShare(state.residence, scope, span);
    case 'agency-staff-outreach-share': {
      const staff = entered(metric.staffKey);
      const people = scope.unitId ? sumIn(state.agencyPeople.get(scope.unitId), span) : 0;
      // The same people may be reached twice: the share never counts more people than there are.
      return { numerator: Math.min(people, staff.value), denominator: staff.value, hasValue: staff.hasValue };
    }
    case 'entry-count':
      return count(counted(state, scope, `kind:${metric.entryKind}`, span) + (metric.addKey ? entered(metric.addKey).value : 0));
    case 'prompt-attendance-share': {
      const kinds = metric.entryKind === 'mobilisation' ? ['mobilisation'] : metric.incidentTypes.length === 0 ? ['incident'] : metric.incidentTypes.map((type) => `incident:${type}`);
      const sum = (prefix: string) => kinds.reduce((total, kind) => total + counted(state, scope, `${prefix}:${kind}`, span), 0);
      return { numerator: sum('attendance-prompt'), denominator: sum('attendance'), hasValue: true };
    }
    case 'tip-forwarding-share': {
      const received = entered(metric.receivedKey);
      return { numerator: counted(state, scope, 'tip-passed', span), denominator: received.value, hasValue: received.hasValue };
    }
    case 'patrol-participation-share': {
      let took = 0;
      for (const member of scope.memberIds) if (anyIn(state.patrolled.get(member), span)) took += 1;
      return { numerator: took, denominator: scope.memberIds.size, hasValue: true };
    }
    case 'model-count':
      return count(models(state, scope, metric, span));
    case 'event-count':
      return count(metric.event === 'reoffence' ? reoffenders(state, scope, span) : counted(state, scope, 'event:serious-traffic-accident', span));
    case 'manual-count':
    case 'manual-flag': {
      const value = entered(metric.key);
      return { numerator: value.value, denominator: null, hasValue: value.hasValue };
    }
    case 'manual-share': {
      const [numerator, denominator] = [entered(metric.numeratorKey), entered(metric.denominatorKey)];
      return { numerator: numerator.value, denominator: denominator.value, hasValue: numerator.hasValue && denominator.hasValue };
    }
  }
}

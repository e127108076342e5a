/**
 * A plan's indicators for each commune, computed on the server: SQL aggregates the entries
 * (db/progress-repository.ts) and the shared engine does what SQL alone cannot: it folds
 * re-offenders' names, judges models by the period's end, reads values entered by hand for a
 * unit or the units below it (measure.ts enteredValue), takes a share of a share, and judges
 * each value against its target with the same status and projection rule as every phone
 * (indicator-status.ts). Only indicators computable at commune level are returned.
 */
import type { CampaignPlan } from '#src/shared/domain/campaign-plan.ts';
import type { ManualValue } from '#src/shared/domain/manual-value.ts';
import type { Indicator } from '#src/shared/domain/plan-indicator.ts';
import { metricInfo, type Metric } from '#src/shared/domain/plan-metric.ts';
import { periodByKey, type PeriodSpan } from '#src/shared/domain/plan-period.ts';
import type { CommuneProgressResponse, CommuneResult } from '#src/shared/domain/progress-api.ts';
import { foldDiacritics } from '#src/shared/domain/text.ts';
import { judge, type Measure } from '#src/shared/progress/indicator-status.ts';
import { enteredValue } from '#src/shared/progress/measure.ts';
import { currentPeriod, growthOf } from '#src/shared/progress/plan-progress.ts';
import type { UnitInput } from '#src/shared/progress/progress-input.ts';
import { ProgressState } from '#src/shared/progress/progress-state.ts';
import type { Queryable } from '#src/server/db/database.ts';
import { aggregateCommunes, type CommuneAggregates } from '#src/server/db/progress-repository.ts';

export interface CommuneProgressInput {
  plan: CampaignPlan;
  communes: Array<{ id: string; name: string }>;
  /** The org units below the plan's unit (for values entered for units below a commune). */
  units: readonly UnitInput[];
  manualValues: readonly ManualValue[];
  asOfDay: string;
  periodKey?: string | undefined;
  now: Date;
}

function countersOf(aggregates: CommuneAggregates, communeId: string, keys: readonly string[]): number {
  const own = aggregates.counters.get(communeId);
  return keys.reduce((total, key) => total + (own?.get(key) ?? 0), 0);
}

function modelsOf(aggregates: CommuneAggregates, communeId: string, metric: Extract<Metric, { type: 'model-count' }>, span: PeriodSpan): number {
  return aggregates.models.filter((model) => model.communeId === communeId && model.startedOn <= span.endDay
    && (metric.modelKinds.length === 0 || metric.modelKinds.includes(model.modelKind as never))
    && (!metric.isRecognisedOnly || (model.recognisedBy.trim() !== '' && (model.recognisedOn ?? model.day) <= span.endDay))).length;
}

type Entered = (key: string) => { value: number; hasValue: boolean };

function measureCommune(aggregates: CommuneAggregates, metric: Metric, communeId: string, span: PeriodSpan, entered: Entered): Measure {
  const count = (numerator: number): Measure => ({ numerator, denominator: null, hasValue: true });
  const households = aggregates.households.get(communeId) ?? { households: 0, reached: 0, informed: 0 };
  switch (metric.type) {
    case 'household-outreach-share':
      return { numerator: households.reached, denominator: households.households, hasValue: true };
    case 'residence-info-share':
      return { numerator: households.informed, denominator: households.households, hasValue: true };
    case 'entry-count':
      return count(countersOf(aggregates, communeId, [`kind:${metric.entryKind}`]) + (metric.addKey ? entered(metric.addKey).value : 0));
    case 'prompt-attendance-share': {
      const kinds = metric.entryKind === 'mobilisation' ? ['mobilisation'] : metric.incidentTypes.length === 0 ? ['incident'] : metric.incidentTypes.map((type) => `incident:${type}`);
      return {
        numerator: countersOf(aggregates, communeId, kinds.map((kind) => `attendance-prompt:${kind}`)),
        denominator: countersOf(aggregates, communeId, kinds.map((kind) => `attendance:${kind}`)),
        hasValue: true,
      };
    }
    case 'tip-forwarding-share': {
      const received = entered(metric.receivedKey);
      return { numerator: countersOf(aggregates, communeId, ['tip-passed']), denominator: received.value, hasValue: received.hasValue };
    }
    case 'patrol-participation-share': {
      const members = aggregates.members.get(communeId) ?? { members: 0, patrolled: 0 };
      return { numerator: members.patrolled, denominator: members.members, hasValue: true };
    }
    case 'model-count':
      return count(modelsOf(aggregates, communeId, metric, span));
    case 'event-count': {
      if (metric.event === 'serious-traffic-accident') return count(countersOf(aggregates, communeId, ['event:serious-traffic-accident']));
      const people = new Set(aggregates.reoffences.filter((row) => row.communeId === communeId).map((row) => foldDiacritics(row.personName)));
      return count(people.size);
    }
    case 'manual-count':
    case 'manual-flag': {
      const value = entered(metric.key);
      return { numerator: value.value, denominator: null, hasValue: value.hasValue };
    }
    case 'manual-share': {
      const [numerator, denominator] = [entered(metric.numeratorKey), entered(metric.denominatorKey)];
      return { numerator: numerator.value, denominator: denominator.value, hasValue: numerator.hasValue && denominator.hasValue };
    }
    case 'agency-staff-outreach-share':
      return { numerator: 0, denominator: null, hasValue: false };
  }
}

/** Every commune-level indicator of the plan for every commune, each over its period. */
export async function computeCommuneProgress(db: Queryable, input: CommuneProgressInput): Promise<CommuneProgressResponse> {
  const { plan, asOfDay } = input;
  const manual = ProgressState.build({ units: input.units, teams: [], households: [] }, [], input.manualValues);
  const indicators = plan.indicators.filter((indicator) => metricInfo[indicator.metric.type].levels.includes('commune'));
  const spans = new Map<string, PeriodSpan>();
  const periodOf = new Map<string, PeriodSpan>();
  for (const indicator of indicators) {
    const span = input.periodKey ? periodByKey(plan, input.periodKey) : currentPeriod(plan, indicator, asOfDay);
    if (!span) continue;
    spans.set(span.key, span);
    periodOf.set(indicator.id, span);
  }
  const communeIds = input.communes.map((commune) => commune.id);
  const aggregatesBySpan = new Map<string, CommuneAggregates>();
  for (const span of spans.values()) aggregatesBySpan.set(span.key, await aggregateCommunes(db, { communeIds, startDay: span.startDay, endDay: span.endDay }));

  const measureOf = (indicator: Indicator, communeId: string, span: PeriodSpan, depth = 0): Measure => {
    const scope = manual.org.resolve({ level: 'commune', id: communeId });
    const entered: Entered = (key) => enteredValue(manual, plan.manualInputs, scope, key, span);
    const own = measureCommune(aggregatesBySpan.get(span.key)!, indicator.metric, communeId, span, entered);
    const parent = indicator.shareOf?.reading === 'of-parent' ? plan.indicators.find((i) => i.id === indicator.shareOf?.indicatorId) : undefined;
    if (!parent || depth > plan.indicators.length) return own;
    const base = measureOf(parent, communeId, span, depth + 1);
    return { numerator: own.numerator, denominator: base.numerator, hasValue: own.hasValue && base.hasValue };
  };

  return {
    planId: plan.planId,
    planVersion: plan.version,
    asOfDay,
    computedAt: input.now.toISOString(),
    communes: input.communes,
    indicators: indicators.flatMap((indicator) => {
      const span = periodOf.get(indicator.id);
      if (!span) return [];
      const results = input.communes.map((commune): CommuneResult => {
        const measured = measureOf(indicator, commune.id, span);
        const judged = judge(measured, indicator.target, growthOf(plan, indicator), span, asOfDay);
        return {
          communeId: commune.id, numerator: measured.numerator, denominator: measured.denominator, value: judged.value,
          status: judged.status, noDataReason: judged.noDataReason, remaining: judged.remaining, projectionValue: judged.projection?.value ?? null,
        };
      });
      return [{ indicatorId: indicator.id, period: { key: span.key, startDay: span.startDay, endDay: span.endDay }, results }];
    }),
  };
}

/**
 * Where each of the schema's messages is shown: beside the field whose path it names, or when
 * no field has that path (a row's own rule, a nested value the form does not show) beside the
 * nearest enclosing field or row; messages about parts the form does not show at all are listed
 * apart, so none is ever lost.
 */
import { metricParams } from './metric-params.ts';
import { metricKindOf, type DraftErrors, type IndicatorDraft, type PlanDraft } from './plan-draft.ts';

const generalPaths = ['name', 'issuer', 'documentNumber', 'issuedOn', 'orgUnitId', 'startDay', 'endDay', 'theme', 'periodSource.paragraph', 'periodSource.quote', 'phases', 'manualInputs', 'indicators'];
const phaseFields = ['name', 'startDay', 'endDay', 'theme'];
const inputFields = ['key', 'label', 'aggregation'];

/** The fields IndicatorRows shows for this indicator. */
function indicatorFields(indicator: IndicatorDraft): string[] {
  const kind = metricKindOf(indicator.metric);
  return [
    'id', 'label', 'metric', ...metricParams(indicator.metric).map((param) => `metric.${param}`),
    ...(kind === 'flag' ? [] : ['target.comparator']), 'target.value', 'level', 'period', 'isAssignable',
    ...(kind === 'share' ? ['shareOf.indicatorId'] : []), ...(kind === 'share' && indicator.shareOf ? ['shareOf.reading'] : []),
    'source.paragraph', 'source.quote',
  ];
}

/** Every path the form shows a field (or a row) for. */
export function shownPaths(draft: PlanDraft): string[] {
  return [
    ...generalPaths,
    ...draft.phases.flatMap((_, i) => [`phases.${i}`, ...phaseFields.map((f) => `phases.${i}.${f}`)]),
    ...draft.manualInputs.flatMap((_, i) => [`manualInputs.${i}`, ...inputFields.map((f) => `manualInputs.${i}.${f}`)]),
    ...draft.indicators.flatMap((indicator, i) => [`indicators.${i}`, ...indicatorFields(indicator).map((f) => `indicators.${i}.${f}`)]),
  ];
}

export interface PlacedErrors {
  /** Shown path → message. */
  at: Record<string, string>;
  /** Messages for parts the form does not show: [path, message]. */
  elsewhere: Array<[string, string]>;
}

export function placeErrors(errors: DraftErrors, paths: readonly string[]): PlacedErrors {
  const shown = new Set(paths);
  const placed: PlacedErrors = { at: {}, elsewhere: [] };
  for (const [path, message] of Object.entries(errors)) {
    const parts = path.split('.');
    let target: string | null = null;
    for (let length = parts.length; length > 0 && target === null; length -= 1) {
      const candidate = parts.slice(0, length).join('.');
      if (shown.has(candidate)) target = candidate;
    }
    if (target === null) placed.elsewhere.push([path, message]);
    else placed.at[target] ??= message;
  }
  return placed;
}

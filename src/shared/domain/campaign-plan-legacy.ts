/**
 * Plans published before plans became versioned data (the walking skeleton's shape: no planId,
 * version, issuer or period; indicators `{ type: 'household-coverage', logKind, threshold 0..1,
 * level, source: string }`) are still on servers and phones. The plan schema reads them through
 * this upgrade, so they keep working without a data migration. Anything else passes unchanged.
 */

type Loose = Record<string, unknown>;

const isObject = (value: unknown): value is Loose => typeof value === 'object' && value !== null && !Array.isArray(value);

function upgradeIndicator(indicator: unknown): unknown {
  if (!isObject(indicator) || indicator.type !== 'household-coverage') return indicator;
  const { type: _type, logKind: _logKind, threshold, level, source, ...rest } = indicator;
  return {
    ...rest,
    metric: { type: 'household-outreach-share' },
    target: { comparator: '>=', value: typeof threshold === 'number' ? Math.round(threshold * 10_000) / 100 : threshold, unit: 'percent' },
    level: level === 'unit' ? 'commune' : level,
    period: 'phase',
    isAssignable: false,
    shareOf: null,
    source: typeof source === 'string' ? { paragraph: source, quote: '' } : source,
  };
}

function phaseDays(phases: unknown[]): { startDay?: string; endDay?: string } {
  const starts = phases.flatMap((phase) => (isObject(phase) && typeof phase.startDay === 'string' ? [phase.startDay] : [])).sort();
  const ends = phases.flatMap((phase) => (isObject(phase) && typeof phase.endDay === 'string' ? [phase.endDay] : [])).sort();
  const first = starts[0];
  const last = ends[ends.length - 1];
  return { ...(first ? { startDay: first } : {}), ...(last ? { endDay: last } : {}) };
}

/** A skeleton-era plan record in today's shape (version 1 of itself); other input unchanged. */
export function upgradeLegacyPlan(input: unknown): unknown {
  if (!isObject(input) || 'planId' in input) return input;
  const phases = Array.isArray(input.phases) ? input.phases : [];
  return {
    ...phaseDays(phases),
    ...input,
    planId: input.id,
    version: 1,
    indicators: Array.isArray(input.indicators) ? input.indicators.map(upgradeIndicator) : input.indicators,
  };
}

/**
 * How an indicator's result reads: the numbers with what they count ("25/40 hộ (62,5%) · Mục
 * tiêu ≥ 80%"), the status in words, and a sentence saying what the numerator and denominator
 * are, so no number on a progress screen stands without its meaning.
 */
import type { Indicator } from '#src/shared/domain/plan-indicator.ts';
import { metricInfo } from '#src/shared/domain/plan-metric.ts';
import type { IndicatorStatus } from '#src/shared/progress/indicator-status.ts';
import { formatNumber, formatPercent, type Translate } from '#src/client/i18n/i18n-context.tsx';
import type { Language } from '#src/client/db/prefs-repository.ts';
import '#src/client/i18n/feature-messages.ts';
import '#src/client/i18n/notebook-messages.ts';

const symbols = { '>=': '≥', '>': '>', '<=': '≤', '<': '<', '=': '=' } as const;

/** The least a result needs to show its numbers. */
export interface Figures {
  numerator: number;
  denominator: number | null;
  status: IndicatorStatus;
  target: Indicator['target'];
}

/** "Mục tiêu ≥ 80%", "Mục tiêu = 0", "Mục tiêu: đạt". */
export function targetWords(target: Indicator['target'], t: Translate, language: Language): string {
  if (target.unit === 'flag') return t('board.targetFlag');
  const value = target.unit === 'percent' ? formatPercent(target.value / 100, language) : formatNumber(target.value, language);
  return t('board.target', { target: `${symbols[target.comparator]} ${value}` });
}

/** The value as shown: a percent with both numbers, a count, or reached / not reached. */
export function valueWords(figures: Figures, t: Translate, language: Language): string {
  if (figures.status === 'no-data' && figures.denominator === 0) return t('board.noDenominator');
  if (figures.target.unit === 'flag') return figures.numerator >= 1 ? t('board.flagDone') : t('board.flagNotDone');
  if (figures.denominator === null) return formatNumber(figures.numerator, language);
  const ratio = figures.denominator === 0 ? 0 : figures.numerator / figures.denominator;
  return `${formatNumber(figures.numerator, language)}/${formatNumber(figures.denominator, language)} (${formatPercent(ratio, language)})`;
}

/** What the numbers count, in one sentence. */
export function countsWords(indicator: Indicator, t: Translate): string {
  const { metric } = indicator;
  switch (metric.type) {
    case 'entry-count':
      return t(metric.addKey ? 'board.counts.entry-count-plus' : 'board.counts.entry-count', { kind: t(`kind.${metric.entryKind}`), key: metric.addKey ?? '' });
    case 'prompt-attendance-share':
      return t(metric.entryKind === 'mobilisation' ? 'board.counts.prompt-mobilisation' : 'board.counts.prompt-incident');
    case 'event-count':
      return t(`board.counts.event.${metric.event}`);
    default:
      return t(`board.counts.${metric.type}`);
  }
}

/** The status in words: đã đạt, đúng tiến độ, có nguy cơ không đạt, không đạt, chưa có số liệu. */
export function statusWords(status: IndicatorStatus, t: Translate): string {
  return t(`board.status.${status}`);
}

/** Whether the bar makes sense: shares, and counts aimed at a least number. */
export function hasBar(indicator: Indicator): boolean {
  const kind = metricInfo[indicator.metric.type].kind;
  return kind === 'share' || (kind === 'count' && (indicator.target.comparator === '>=' || indicator.target.comparator === '>') && indicator.target.value > 0);
}

/** Below target: what a leader's eye should be drawn to. */
export function isBelowTarget(status: IndicatorStatus): boolean {
  return status === 'at-risk' || status === 'missed';
}

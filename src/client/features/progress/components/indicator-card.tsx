/**
 * One indicator's result: its name, the period, a bar with the target marked (shares and
 * counts aimed at a number), the numbers with what they count, the status in words (a result
 * below target says so in words, never by colour alone), the team's own target when commune
 * police assigned one, and a small chart of the value over the period.
 */
import type { ReactNode } from 'react';
import type { Indicator } from '#src/shared/domain/plan-indicator.ts';
import { formatDay } from '#src/shared/domain/dates.ts';
import type { IndicatorResult } from '#src/shared/progress/plan-progress.ts';
import { ProgressBar } from '#src/client/components/progress-bar.tsx';
import { formatPercent, useT } from '#src/client/i18n/i18n-context.tsx';
import { countsWords, hasBar, isBelowTarget, statusWords, targetWords, valueWords } from '../indicator-words.ts';
import type { Series } from '../progress-series.ts';
import { IndicatorChart } from './indicator-chart.tsx';
import '#src/client/i18n/feature-messages.ts';

function ratioOf(result: IndicatorResult): { ratio: number; target: number } {
  if (result.denominator !== null) return { ratio: result.denominator === 0 ? 0 : result.numerator / result.denominator, target: result.target.value / 100 };
  const scale = Math.max(result.target.value, result.numerator, 1) * 1.25;
  return { ratio: result.numerator / scale, target: result.target.value / scale };
}

export function IndicatorCard({ indicator, result, series, children }: {
  indicator: Indicator;
  result: IndicatorResult;
  series?: Series | undefined;
  /** More below the numbers (a member breakdown). */
  children?: ReactNode;
}) {
  const { t, language } = useT();
  const value = valueWords(result, t, language);
  const target = targetWords(result.target, t, language);
  const status = statusWords(result.status, t);
  const isBelow = isBelowTarget(result.status);
  const { ratio, target: targetRatio } = ratioOf(result);
  const titleId = `indicator-${indicator.id}-${result.scope.id}`;
  return (
    <article className={isBelow ? 'card stack-tight indicator indicator--below' : 'card stack-tight indicator'} aria-labelledby={titleId}>
      <h3 id={titleId} className="card__title">{indicator.label}</h3>
      <p className="card__meta">{t('board.period', { start: formatDay(result.period.startDay), end: formatDay(result.period.endDay) })}</p>
      {hasBar(indicator) && result.status !== 'no-data' && (
        <ProgressBar label={indicator.label} ratio={ratio} target={targetRatio} valueText={`${value} · ${target}`}
          targetLabel={target} isMet={result.status === 'met'} />
      )}
      <p className="indicator__numbers">{value} · {target}</p>
      <p className="indicator__counts">{countsWords(indicator, t)}</p>
      <p className={`indicator__status indicator__status--${result.status}`}>
        {isBelow ? `⚠ ${status}` : status}
        {result.status === 'on-track' || result.status === 'at-risk' ? ` · ${projection(result, language, t)}` : ''}
      </p>
      {result.targetSource === 'assignment' && <p className="card__meta">{t('progress.assigned')}</p>}
      {series && series.days.length > 1 && (
        <IndicatorChart series={series} target={result.denominator !== null ? result.target.value : result.target.unit === 'count' ? result.target.value : null}
          label={t('board.chart', { label: indicator.label, first: series.values[0] ?? 0, last: series.values[series.values.length - 1] ?? 0, from: formatDay(series.days[0]!), to: formatDay(series.days[series.days.length - 1]!) })} />
      )}
      {children}
    </article>
  );
}

function projection(result: IndicatorResult, language: ReturnType<typeof useT>['language'], t: ReturnType<typeof useT>['t']): string {
  if (!result.projection) return '';
  const shown = result.denominator !== null ? formatPercent(result.projection.value / 100, language) : String(Math.round(result.projection.value));
  return t('board.projection', { value: shown });
}

/**
 * Commune police's view: every team of the commune in one table, a column per indicator a team
 * is measured by, sortable by any column (the weakest team first, by name), cells below target
 * marked in words; what each column counts is said below the table; then the commune as a whole
 * per indicator, with its chart. Computed on the phone from the commune's data through the engine.
 */
import type { Indicator } from '#src/shared/domain/plan-indicator.ts';
import { metricInfo } from '#src/shared/domain/plan-metric.ts';
import { computeIndicator } from '#src/shared/progress/plan-progress.ts';
import { useT } from '#src/client/i18n/i18n-context.tsx';
import type { ProgressBoard } from '../hooks/use-progress-board.ts';
import { countsWords, isBelowTarget, statusWords, valueWords } from '../indicator-words.ts';
import { indicatorSeries } from '../progress-series.ts';
import { IndicatorCard } from './indicator-card.tsx';
import { SortableTable, type TableRow } from './sortable-table.tsx';
import { teamIndicators } from './team-progress.tsx';
import '#src/client/i18n/feature-messages.ts';

export function IndicatorLegend({ indicators }: { indicators: readonly Indicator[] }) {
  const { t } = useT();
  return (
    <dl className="indicator-legend">
      {indicators.map((indicator) => (
        <div key={indicator.id}><dt>{indicator.label}</dt><dd>{countsWords(indicator, t)}</dd></div>
      ))}
    </dl>
  );
}

export function CommuneProgress({ board, communeId, teams, today }: {
  board: ProgressBoard;
  communeId: string | null;
  teams: readonly { id: string; name: string }[];
  today: string;
}) {
  const { t, language } = useT();
  const indicators = teamIndicators(board.plan.indicators);
  const rows: TableRow[] = teams.map((team) => ({
    id: team.id,
    name: team.name,
    cells: indicators.map((indicator) => {
      const result = computeIndicator(board.state, { plan: board.plan, indicator, scope: { level: 'team', id: team.id }, asOfDay: today, assignments: board.inputs.assignments });
      if (!result) return { text: '—', sortValue: null, isBelow: false };
      return { text: `${valueWords(result, t, language)} · ${statusWords(result.status, t)}`, sortValue: result.value, isBelow: isBelowTarget(result.status) };
    }),
  }));
  const communeIndicators = communeId ? board.plan.indicators.filter((indicator) => metricInfo[indicator.metric.type].levels.includes('commune')) : [];
  return (
    <>
      <section className="stack" aria-labelledby="commune-table-title">
        <h2 id="commune-table-title">{t('board.teamsTitle')}</h2>
        <SortableTable caption={t('board.teamsCaption')} placeLabel={t('board.team')} columns={indicators.map((indicator) => indicator.label)} rows={rows} />
        <IndicatorLegend indicators={indicators} />
      </section>
      {communeId && communeIndicators.length > 0 && (
        <section className="stack" aria-labelledby="commune-whole-title">
          <h2 id="commune-whole-title">{t('board.communeTitle')}</h2>
          {communeIndicators.map((indicator) => {
            const scope = { level: 'commune' as const, id: communeId };
            const result = computeIndicator(board.state, { plan: board.plan, indicator, scope, asOfDay: today, assignments: board.inputs.assignments });
            return result && <IndicatorCard key={indicator.id} indicator={indicator} result={result} series={indicatorSeries(board.state, board.plan, indicator, scope, result.period, today)} />;
          })}
        </section>
      )}
    </>
  );
}

/**
 * Province staff's view: the plan's indicators for every commune of the province, computed by
 * the server over every synced record (GET /api/progress/communes: SQL over the records, judged
 * by the shared engine), never pulled to the phone. Online only: offline it says so. The table
 * sorts by any column; the server's time says as of when the figures hold.
 */
import type { CampaignPlan } from '#src/shared/domain/campaign-plan.ts';
import { formatDay, formatInstant } from '#src/shared/domain/dates.ts';
import { communeProgressResponseSchema, progressPaths, type CommuneProgressResponse } from '#src/shared/domain/progress-api.ts';
import { apiRequest } from '#src/client/api/api-client.ts';
import { useApiResource } from '#src/client/api/use-api-resource.ts';
import { useT } from '#src/client/i18n/i18n-context.tsx';
import { isBelowTarget, statusWords, valueWords } from '../indicator-words.ts';
import { IndicatorLegend } from './commune-progress.tsx';
import { SortableTable, type TableRow } from './sortable-table.tsx';
import '#src/client/i18n/feature-messages.ts';

function rowsOf(plan: CampaignPlan, answer: CommuneProgressResponse, words: (figures: Parameters<typeof valueWords>[0]) => string): TableRow[] {
  return answer.communes.map((commune) => ({
    id: commune.id,
    name: commune.name,
    cells: answer.indicators.map((column) => {
      const indicator = plan.indicators.find((candidate) => candidate.id === column.indicatorId);
      const result = column.results.find((candidate) => candidate.communeId === commune.id);
      if (!indicator || !result) return { text: '—', sortValue: null, isBelow: false };
      return { text: words({ ...result, target: indicator.target }), sortValue: result.value, isBelow: isBelowTarget(result.status) };
    }),
  }));
}

export function ProvinceProgress({ plan, token, today }: { plan: CampaignPlan; token: string | null; today: string }) {
  const { t, language } = useT();
  const path = `${progressPaths.communes}?planId=${encodeURIComponent(plan.planId)}&asOfDay=${today}`;
  const answer = useApiResource(() => apiRequest({ method: 'GET', path, token, schema: communeProgressResponseSchema }), [path, token]);
  const labels = new Map(plan.indicators.map((indicator) => [indicator.id, indicator.label]));
  if (answer.data === undefined) {
    return answer.error ? <p className="alert alert--error" role="alert">{answer.error.message}</p> : <p>{t('app.loading')}</p>;
  }
  const data = answer.data;
  const shown = plan.indicators.filter((indicator) => data.indicators.some((column) => column.indicatorId === indicator.id));
  return (
    <section className="stack" aria-labelledby="province-table-title">
      <h2 id="province-table-title">{t('board.communesTitle')}</h2>
      <p className="card__meta">{t('board.computedAt', { at: formatInstant(data.computedAt) })}</p>
      {answer.error && <p className="alert alert--error" role="alert">{answer.error.message}</p>}
      <SortableTable caption={t('board.communesCaption')} placeLabel={t('board.commune')}
        columns={data.indicators.map((column) => `${labels.get(column.indicatorId) ?? column.indicatorId} (${formatDay(column.period.startDay)} – ${formatDay(column.period.endDay)})`)}
        rows={rowsOf(plan, data, (figures) => `${valueWords(figures, t, language)} · ${statusWords(figures.status, t)}`)} />
      <IndicatorLegend indicators={shown} />
    </section>
  );
}

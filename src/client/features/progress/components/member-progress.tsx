/** A member's own progress: this month and this phase, each indicator a member can be measured by. */
import type { Indicator } from '#src/shared/domain/plan-indicator.ts';
import { metricInfo } from '#src/shared/domain/plan-metric.ts';
import type { PeriodSpan } from '#src/shared/domain/plan-period.ts';
import { computeIndicator } from '#src/shared/progress/plan-progress.ts';
import { useT } from '#src/client/i18n/i18n-context.tsx';
import type { ProgressBoard } from '../hooks/use-progress-board.ts';
import { indicatorSeries } from '../progress-series.ts';
import { IndicatorCard } from './indicator-card.tsx';
import '#src/client/i18n/feature-messages.ts';

export const memberIndicators = (indicators: readonly Indicator[]): Indicator[] =>
  indicators.filter((indicator) => metricInfo[indicator.metric.type].levels.includes('member'));

function PeriodSection({ board, memberId, period, title, today }: { board: ProgressBoard; memberId: string; period: PeriodSpan; title: string; today: string }) {
  const { t } = useT();
  const scope = { level: 'member' as const, id: memberId };
  const indicators = memberIndicators(board.plan.indicators);
  return (
    <section className="stack" aria-labelledby={`member-${period.key}`}>
      <h2 id={`member-${period.key}`}>{title}</h2>
      {indicators.length === 0 ? <p className="empty">{t('board.noMemberIndicators')}</p> : indicators.map((indicator) => {
        const result = computeIndicator(board.state, { plan: board.plan, indicator, scope, asOfDay: today, periodKey: period.key, assignments: board.inputs.assignments });
        return result && <IndicatorCard key={indicator.id} indicator={indicator} result={result} series={indicatorSeries(board.state, board.plan, indicator, scope, period, today)} />;
      })}
    </section>
  );
}

export function MemberProgress({ board, memberId, today }: { board: ProgressBoard; memberId: string; today: string }) {
  const { t } = useT();
  const phase = board.plan.phases.find((candidate) => board.phase?.key === `phase:${candidate.id}`);
  return (
    <>
      {board.month && <PeriodSection board={board} memberId={memberId} period={board.month} today={today} title={t('board.myMonth', { month: `${today.slice(5, 7)}/${today.slice(0, 4)}` })} />}
      {board.phase && <PeriodSection board={board} memberId={memberId} period={board.phase} today={today} title={t('board.myPhase', { phase: phase?.name ?? '' })} />}
    </>
  );
}

/**
 * The team per indicator (the leader's view): the team's result with its chart, and below it
 * each member's part: their own value where the metric measures members, or whether they took
 * part in a patrol. Members below the team's target are marked in words.
 */
import type { Indicator } from '#src/shared/domain/plan-indicator.ts';
import { metricInfo } from '#src/shared/domain/plan-metric.ts';
import { anyIn } from '#src/shared/progress/day-counts.ts';
import { computeIndicator, type IndicatorResult } from '#src/shared/progress/plan-progress.ts';
import { useT } from '#src/client/i18n/i18n-context.tsx';
import type { ProgressBoard } from '../hooks/use-progress-board.ts';
import { isBelowTarget, statusWords, valueWords } from '../indicator-words.ts';
import { indicatorSeries } from '../progress-series.ts';
import { IndicatorCard } from './indicator-card.tsx';
import '#src/client/i18n/feature-messages.ts';

export const teamIndicators = (indicators: readonly Indicator[]): Indicator[] =>
  indicators.filter((indicator) => metricInfo[indicator.metric.type].levels.includes('team'));

function MemberRows({ board, indicator, team, today }: { board: ProgressBoard; indicator: Indicator; team: IndicatorResult; today: string }) {
  const { t, language } = useT();
  const members = [...board.state.org.resolve({ level: 'team', id: team.scope.id }).memberIds];
  const byMember = metricInfo[indicator.metric.type].levels.includes('member');
  const isPatrol = indicator.metric.type === 'patrol-participation-share';
  if (!byMember && !isPatrol) return null;
  return (
    <table className="breakdown">
      <caption>{t('board.byMember')}</caption>
      <thead><tr><th scope="col">{t('board.member')}</th><th scope="col">{t('board.value')}</th><th scope="col">{t('board.standing')}</th></tr></thead>
      <tbody>
        {members.map((memberId) => {
          const name = board.inputs.names.get(memberId) ?? t('monthReview.unknownAuthor');
          if (isPatrol) {
            const took = anyIn(board.state.patrolled.get(memberId), team.period);
            return <tr key={memberId} className={took ? '' : 'breakdown--below'}><th scope="row">{name}</th><td>{took ? t('board.patrolled') : t('board.notPatrolled')}</td><td>{took ? '✓' : `⚠ ${t('board.below')}`}</td></tr>;
          }
          const own = computeIndicator(board.state, { plan: board.plan, indicator, scope: { level: 'member', id: memberId }, asOfDay: today, periodKey: team.period.key, assignments: board.inputs.assignments })!;
          const isBelow = isBelowTarget(own.status);
          return (
            <tr key={memberId} className={isBelow ? 'breakdown--below' : ''}>
              <th scope="row">{name}</th>
              <td>{valueWords(own, t, language)}</td>
              <td>{isBelow ? `⚠ ${t('board.below')}` : statusWords(own.status, t)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

export function TeamProgress({ board, teamId, today }: { board: ProgressBoard; teamId: string; today: string }) {
  const { t } = useT();
  const scope = { level: 'team' as const, id: teamId };
  const indicators = teamIndicators(board.plan.indicators);
  return (
    <section className="stack" aria-labelledby="team-progress-title">
      <h2 id="team-progress-title">{t('board.teamTitle')}</h2>
      {indicators.map((indicator) => {
        const result = computeIndicator(board.state, { plan: board.plan, indicator, scope, asOfDay: today, assignments: board.inputs.assignments });
        if (!result) return null;
        return (
          <IndicatorCard key={indicator.id} indicator={indicator} result={result} series={indicatorSeries(board.state, board.plan, indicator, scope, result.period, today)}>
            <MemberRows board={board} indicator={indicator} team={result} today={today} />
          </IndicatorCard>
        );
      })}
    </section>
  );
}

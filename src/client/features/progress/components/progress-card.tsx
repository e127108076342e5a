/**
 * The team's view of the campaign: the running period, households reached against the target
 * (the team's own when commune police assigned one), where the pace leads by the period's end,
 * and how many of the user's own entries still wait to be sent.
 */
import { useMemo } from 'react';
import type { Profile } from '#src/shared/domain/account.ts';
import type { CampaignPlan } from '#src/shared/domain/campaign-plan.ts';
import { formatDay } from '#src/shared/domain/dates.ts';
import type { Comparator } from '#src/shared/domain/plan-indicator.ts';
import type { IndicatorResult } from '#src/shared/progress/plan-progress.ts';
import { usePendingCountForMember } from '#src/client/db/sync-state-repository.ts';
import { ProgressBar } from '#src/client/components/progress-bar.tsx';
import { formatPercent, useT, type Translate } from '#src/client/i18n/i18n-context.tsx';
import type { Language } from '#src/client/db/prefs-repository.ts';
import { progressOwner, useHouseholdProgress } from '../hooks/use-household-progress.ts';
import '#src/client/i18n/feature-messages.ts';

const symbols: Record<Comparator, string> = { '>=': '≥', '>': '>', '<=': '≤', '<': '<', '=': '=' };

export function ProgressCard({ profile, today }: { profile: Profile; today?: string | undefined }) {
  const { t, language } = useT();
  const owner = useMemo(() => progressOwner(profile), [profile]);
  const progress = useHouseholdProgress(owner, today);
  const pendingCount = usePendingCountForMember(profile.user.id);

  return (
    // While it loads, the card holds the height it will have, so the list below does not jump.
    <section className={progress === undefined ? 'card stack progress-card--loading' : 'card stack'} aria-labelledby="progress-title">
      <h2 id="progress-title">{t('progress.title')}</h2>
      {progress === undefined ? (
        <p>{t('app.loading')}</p>
      ) : !progress.isRunning ? (
        <p>{t('progress.noPhase')}</p>
      ) : (
        <>
          <p className="card__meta">{periodLine(progress.plan, progress.result, t)}</p>
          {progress.result.denominator === 0 ? (
            <p>{t('progress.noHouseholds')}</p>
          ) : (
            <Coverage result={progress.result} language={language} t={t} />
          )}
        </>
      )}
      {pendingCount !== undefined && progress !== undefined && (
        <p className={pendingCount > 0 ? 'progress__pending progress__pending--waiting' : 'progress__pending'}>
          {t('progress.pendingMine', { count: pendingCount })}
        </p>
      )}
    </section>
  );
}

function periodLine(plan: CampaignPlan, result: IndicatorResult, t: Translate): string {
  const { period } = result;
  const phase = period.kind === 'phase' ? plan.phases.find((candidate) => `phase:${candidate.id}` === period.key) : undefined;
  const value = period.key.split(':')[1] ?? '';
  // month:2025-03 is shown as 03/2025.
  const shown = period.kind === 'month' ? `${value.slice(5)}/${value.slice(0, 4)}` : value;
  const name = phase?.name ?? (period.kind === 'plan' ? plan.name : t(`progress.period.${period.kind}`, { name: shown }));
  return t('progress.phase', { phase: name, start: formatDay(period.startDay), end: formatDay(period.endDay) });
}

function Coverage({ result, language, t }: { result: IndicatorResult; language: Language; t: Translate }) {
  const total = result.denominator ?? 0;
  const ratio = total === 0 ? 0 : result.numerator / total;
  const target = formatPercent(result.target.value / 100, language);
  const numbers = t('progress.numbers', {
    reached: result.numerator,
    total,
    percent: formatPercent(ratio, language),
    target: `${symbols[result.target.comparator]}${target}`,
  });
  const isMet = result.status === 'met';
  return (
    <>
      <ProgressBar label={t('progress.barLabel')} ratio={ratio} target={result.target.value / 100}
        valueText={numbers} targetLabel={t('progress.targetMark', { target })} isMet={isMet} />
      <p className="progress__numbers">{numbers}</p>
      {result.targetSource === 'assignment' && <p>{t('progress.assigned')}</p>}
      <p className={isMet ? 'progress__verdict progress__verdict--met' : 'progress__verdict'}>
        {isMet ? `✓ ${t('progress.met')}` : t('progress.notMet', { missing: result.remaining ?? 0 })}
      </p>
      {(result.status === 'on-track' || result.status === 'at-risk') && result.projection && (
        <p>{t(result.status === 'on-track' ? 'progress.onTrack' : 'progress.atRisk', { percent: formatPercent(result.projection.value / 100, language) })}</p>
      )}
    </>
  );
}

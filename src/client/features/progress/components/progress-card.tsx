/**
 * The member's view of the campaign: the running phase, households reached against the
 * indicator's threshold, and how many of the member's own logs still wait to be sent.
 */
import { useMemo } from 'react';
import type { Profile } from '#src/shared/domain/account.ts';
import { formatDay } from '#src/shared/domain/dates.ts';
import { usePendingCountForMember } from '#src/client/db/sync-state-repository.ts';
import { ProgressBar } from '#src/client/components/progress-bar.tsx';
import { formatPercent, useT, type Translate } from '#src/client/i18n/i18n-context.tsx';
import type { Language } from '#src/client/db/prefs-repository.ts';
import type { CoverageResult } from '#src/shared/progress/household-coverage.ts';
import { useHouseholdProgress } from '../hooks/use-household-progress.ts';

export function ProgressCard({ profile, today }: { profile: Profile; today?: string | undefined }) {
  const { t, language } = useT();
  const hamletIds = useMemo(() => profile.hamlets.map((hamlet) => hamlet.id), [profile.hamlets]);
  const progress = useHouseholdProgress(hamletIds, today);
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
          <p className="card__meta">
            {t('progress.phase', { phase: progress.phase.name, start: formatDay(progress.phase.startDay), end: formatDay(progress.phase.endDay) })}
          </p>
          {progress.coverage.total === 0 ? (
            <p>{t('progress.noHouseholds')}</p>
          ) : (
            <Coverage coverage={progress.coverage} language={language} t={t} />
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

function Coverage({ coverage, language, t }: {
  coverage: CoverageResult;
  language: Language;
  t: Translate;
}) {
  const target = formatPercent(coverage.threshold, language);
  const numbers = t('progress.numbers', {
    reached: coverage.reached,
    total: coverage.total,
    percent: formatPercent(coverage.ratio, language),
    target,
  });
  // The same integer arithmetic as computeHouseholdCoverage, so "còn 0 hộ" and "met" agree.
  const needed = Math.ceil((Math.round(coverage.threshold * 10000) * coverage.total) / 10000);
  const missing = Math.max(0, needed - coverage.reached);
  return (
    <>
      <ProgressBar label={t('progress.barLabel')} ratio={coverage.ratio} target={coverage.threshold}
        valueText={numbers} targetLabel={t('progress.targetMark', { target })} isMet={coverage.isMet} />
      <p className="progress__numbers">{numbers}</p>
      <p className={coverage.isMet ? 'progress__verdict progress__verdict--met' : 'progress__verdict'}>
        {coverage.isMet ? `✓ ${t('progress.met')}` : t('progress.notMet', { missing })}
      </p>
    </>
  );
}

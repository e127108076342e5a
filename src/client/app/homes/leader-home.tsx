/**
 * A team leader's home: the main action, the team's entries waiting for review, the team's
 * progress, the team's newest entries, other work, and the last save's notice.
 */
import type { ScreenProps } from '#src/client/components/screen-props.ts';
import { useLastSavedId } from '#src/client/features/entries/entry-form-store.ts';
import { SavedNotice } from '#src/client/features/entries/components/saved-notice.tsx';
import { ProgressCard } from '#src/client/features/progress/components/progress-card.tsx';
import { ReviewQueuePanel } from '#src/client/features/team-activity/components/review-queue-panel.tsx';
import { TeamEntriesPanel } from '#src/client/features/team-activity/components/team-entries-panel.tsx';
import { useT } from '#src/client/i18n/i18n-context.tsx';
import { MoreWork } from './more-work.tsx';
import { NewEntryAction } from './new-entry-action.tsx';

export function LeaderHome({ profile }: ScreenProps) {
  const { t } = useT();
  const savedId = useLastSavedId();
  const { team, user } = profile;
  return (
    <div className="stack">
      <h1 className="visually-hidden" tabIndex={-1}>{t('nav.home')}</h1>
      {team ? <NewEntryAction /> : <p className="alert alert--info">{t('home.noTeam')}</p>}
      {team && <ReviewQueuePanel teamId={team.id} userId={user.id} />}
      <ProgressCard profile={profile} />
      {team && <TeamEntriesPanel teamId={team.id} teamName={team.name} userId={user.id} highlightId={savedId} />}
      <MoreWork profile={profile} />
      <SavedNotice />
    </div>
  );
}

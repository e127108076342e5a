/** A team member's home: the main action, entries returned to fix, my progress, my entries, other work, and the last save's notice. */
import type { ScreenProps } from '#src/client/components/screen-props.ts';
import { MyEntriesPanel } from '#src/client/features/entries/components/my-entries-panel.tsx';
import { SavedNotice } from '#src/client/features/entries/components/saved-notice.tsx';
import { ReturnedInboxPanel } from '#src/client/features/review/components/returned-inbox-panel.tsx';
import { ProgressCard } from '#src/client/features/progress/components/progress-card.tsx';
import { useT } from '#src/client/i18n/i18n-context.tsx';
import { MoreWork } from './more-work.tsx';
import { NewEntryAction } from './new-entry-action.tsx';

export function MemberHome({ profile }: ScreenProps) {
  const { t } = useT();
  return (
    <div className="stack">
      <h1 className="visually-hidden" tabIndex={-1}>{t('nav.home')}</h1>
      <NewEntryAction />
      <ReturnedInboxPanel memberId={profile.user.id} />
      <ProgressCard profile={profile} />
      <MyEntriesPanel profile={profile} />
      <MoreWork profile={profile} />
      <SavedNotice />
    </div>
  );
}

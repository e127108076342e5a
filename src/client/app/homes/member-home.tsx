/** A team member's home: the main action, my progress, my entries, and the last save's notice. */
import type { ScreenProps } from '#src/client/components/screen-props.ts';
import { OutreachList } from '#src/client/features/outreach/components/outreach-list.tsx';
import { SavedNotice } from '#src/client/features/outreach/components/saved-notice.tsx';
import { ProgressCard } from '#src/client/features/progress/components/progress-card.tsx';
import { useT } from '#src/client/i18n/i18n-context.tsx';
import { NewEntryAction } from './new-entry-action.tsx';

export function MemberHome({ profile }: ScreenProps) {
  const { t } = useT();
  return (
    <div className="stack">
      <h1 className="visually-hidden" tabIndex={-1}>{t('nav.home')}</h1>
      <NewEntryAction />
      <ProgressCard profile={profile} />
      <OutreachList memberId={profile.user.id} />
      <SavedNotice />
    </div>
  );
}

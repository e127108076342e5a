import type { Profile } from '#src/shared/domain/account.ts';
import { OutreachList } from '#src/client/features/outreach/components/outreach-list.tsx';
import { ProgressCard } from '#src/client/features/progress/components/progress-card.tsx';
import { useT } from '#src/client/i18n/i18n-context.tsx';

/** `/`: progress first (what the member works towards), then the member's logs. */
export default function HomeScreen({ profile }: { profile: Profile }) {
  const { t } = useT();
  return (
    <div className="stack">
      <h1 className="visually-hidden" tabIndex={-1}>{t('nav.home')}</h1>
      <ProgressCard profile={profile} />
      <OutreachList memberId={profile.user.id} />
    </div>
  );
}

import type { Profile } from '#src/shared/domain/account.ts';
import { MyEntriesPanel } from '#src/client/features/entries/components/my-entries-panel.tsx';
import { ProgressCard } from '#src/client/features/progress/components/progress-card.tsx';
import { useT } from '#src/client/i18n/i18n-context.tsx';

/** `/`: progress first (what the member works towards), then the member's entries. */
export default function HomeScreen({ profile }: { profile: Profile }) {
  const { t } = useT();
  return (
    <div className="stack">
      <h1 className="visually-hidden" tabIndex={-1}>{t('nav.home')}</h1>
      <ProgressCard profile={profile} />
      <MyEntriesPanel profile={profile} />
    </div>
  );
}

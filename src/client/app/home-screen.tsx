import type { Profile } from '#src/shared/domain/account.ts';
import { MyEntriesPanel } from '#src/client/features/entries/components/my-entries-panel.tsx';
import { ProgressCard } from '#src/client/features/progress/components/progress-card.tsx';
import { Link } from '#src/client/components/link.tsx';
import { useT } from '#src/client/i18n/i18n-context.tsx';
import { paths } from './routes.ts';

/** `/`: progress first (what the member works towards), then the member's entries. */
export default function HomeScreen({ profile }: { profile: Profile }) {
  const { t } = useT();
  return (
    <div className="stack">
      <h1 className="visually-hidden" tabIndex={-1}>{t('nav.home')}</h1>
      <ProgressCard profile={profile} />
      <MyEntriesPanel profile={profile} />
      <nav className="stack" aria-labelledby="more-work-title">
        <h2 id="more-work-title">{t('home.moreWork')}</h2>
        <Link href={paths.households} className="button button--block">{t('households.title')}</Link>
        {profile.user.role === 'commune-police' && <Link href={paths.checklists} className="button button--block">{t('templates.title')}</Link>}
      </nav>
    </div>
  );
}

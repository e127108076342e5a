import type { Profile } from '#src/shared/domain/account.ts';
import { OutreachList } from '#src/client/features/outreach/components/outreach-list.tsx';
import { ProgressCard } from '#src/client/features/progress/components/progress-card.tsx';
import { Link } from '#src/client/components/link.tsx';
import { useT } from '#src/client/i18n/i18n-context.tsx';
import { paths } from './routes.ts';

/** `/`: progress first (what the member works towards), then the member's logs. */
export default function HomeScreen({ profile }: { profile: Profile }) {
  const { t } = useT();
  return (
    <div className="stack">
      <h1 className="visually-hidden" tabIndex={-1}>{t('nav.home')}</h1>
      {(profile.user.role === 'province-admin' || profile.user.role === 'commune-police') && (
        <Link href={paths.plans} className="button button--block">{t('plans.open')}</Link>
      )}
      <ProgressCard profile={profile} />
      <OutreachList memberId={profile.user.id} />
    </div>
  );
}

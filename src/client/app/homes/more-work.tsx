/** The other screens of a role's work, below its home's panels: progress, month review, households, checklists, plans, entered values. */
import { Link } from 'wouter';
import type { Profile } from '#src/shared/domain/account.ts';
import { useT } from '#src/client/i18n/i18n-context.tsx';
import '#src/client/i18n/notebook-messages.ts';

export function MoreWork({ profile }: { profile: Profile }) {
  const { t } = useT();
  const role = profile.user.role;
  return (
    <nav className="stack" aria-labelledby="more-work-title">
      <h2 id="more-work-title">{t('home.moreWork')}</h2>
      {/* A member's home has the logbook link in "my entries". */}
      <Link href="/tien-do" className="button button--block">{t('home.progress')}</Link>
      {role === 'leader' && <Link href="/duyet" className="button button--block">{t('home.reviewMonth')}</Link>}
      {(role === 'leader' || role === 'commune-police') && <Link href="/so-nhat-ky" className="button button--block">{t('entries.openLogbook')}</Link>}
      {role !== 'province-admin' && <Link href="/ho-gia-dinh" className="button button--block">{t('households.title')}</Link>}
      {role === 'commune-police' && <Link href="/danh-muc-kiem-tra" className="button button--block">{t('templates.title')}</Link>}
      {role !== 'member' && <Link href="/bao-cao" className="button button--block">{t('reports.open')}</Link>}
      {(role === 'commune-police' || role === 'province-admin') && <Link href="/khen-thuong" className="button button--block">{t('commendations.open')}</Link>}
      {(role === 'commune-police' || role === 'province-admin') && <Link href="/ke-hoach" className="button button--block">{t('plans.open')}</Link>}
      {(role === 'commune-police' || role === 'province-admin') && <Link href="/so-lieu" className="button button--block">{t('home.planInputs')}</Link>}
    </nav>
  );
}

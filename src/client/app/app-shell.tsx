/**
 * The frame around every screen: skip link, title bar, sync status, update prompt, the screen,
 * and a bottom navigation within thumb reach on a 360 px phone.
 */
import type { ReactNode, RefObject } from 'react';
import type { SessionRow } from '#src/client/db/database.ts';
import { Link } from '#src/client/components/link.tsx';
import { SyncStatusBar } from '#src/client/features/sync-status/components/sync-status-bar.tsx';
import { useT } from '#src/client/i18n/i18n-context.tsx';
import type { MessageKey } from '#src/client/i18n/vi.ts';
import { paths, type Route } from './routes.ts';
import { AppUpdatePrompt } from './update-prompt.tsx';

const navItems: Array<{ href: string; label: MessageKey; icon: string; routes: Route['name'][] }> = [
  { href: paths.home, label: 'nav.home', icon: '⌂', routes: ['home'] },
  { href: paths.newLog, label: 'nav.newLog', icon: '+', routes: ['new-log', 'new-entry'] },
  { href: paths.sync, label: 'nav.sync', icon: '⇅', routes: ['sync'] },
  { href: paths.settings, label: 'nav.settings', icon: '⚙', routes: ['settings'] },
];

export function AppShell({ session, route, mainRef, children }: {
  session: SessionRow | null;
  route: Route;
  mainRef: RefObject<HTMLElement | null>;
  children: ReactNode;
}) {
  const { t } = useT();
  const isSignedIn = session !== null;
  return (
    <div className="shell">
      <a className="skip-link" href="#main">{t('app.skipToContent')}</a>
      <header className="topbar">
        <span className="topbar__title">{t('app.name')}</span>
        {session && <span className="topbar__user">{session.profile.user.displayName}</span>}
      </header>
      {isSignedIn && <SyncStatusBar />}
      <AppUpdatePrompt />
      <main id="main" ref={mainRef} tabIndex={-1} className="main">{children}</main>
      {isSignedIn && (
        <nav className="bottom-nav" aria-label={t('app.mainNav')}>
          <ul>
            {navItems.map((item) => (
              <li key={item.href}>
                <Link href={item.href} className="bottom-nav__link" aria-current={item.routes.includes(route.name) ? 'page' : undefined}>
                  <span className="bottom-nav__icon" aria-hidden="true">{item.icon}</span>
                  {t(item.label)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
    </div>
  );
}

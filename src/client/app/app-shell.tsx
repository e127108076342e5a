/**
 * The frame around every screen: skip link, title bar with who holds the phone (name and role),
 * sync status, update prompt, the screen, and a bottom navigation within thumb reach on a 360 px
 * phone, with the tabs the user's role may open (routes.ts).
 */
import type { ReactNode, RefObject } from 'react';
import { Link } from 'wouter';
import type { Profile } from '#src/shared/domain/account.ts';
import type { SessionRow } from '#src/client/db/database.ts';
import { SyncStatusBar } from '#src/client/features/sync-status/components/sync-status-bar.tsx';
import { useReleaseFirstScreen } from '#src/client/components/first-screen-handoff.ts';
import { useT } from '#src/client/i18n/i18n-context.tsx';
import { tabOf, tabsFor, type AppRoute } from './routes.ts';
import { AppUpdatePrompt } from './update-prompt.tsx';

export function AppShell({ session, route, mainRef, children }: {
  session: SessionRow | null;
  /** The screen shown, when it is a route of the table (not the login, not an unknown URL). */
  route: AppRoute | undefined;
  mainRef: RefObject<HTMLElement | null>;
  children: ReactNode;
}) {
  const { t } = useT();
  // The first screen index.html showed goes once the app's is on screen (its own screen, if it
  // is the PIN screen or the login, took over what was typed there first: child effects run first).
  useReleaseFirstScreen();
  return (
    <div className="shell">
      <a className="skip-link" href="#main">{t('app.skipToContent')}</a>
      <header className="topbar">
        <span className="topbar__title">{t('app.name')}</span>
        {session && <UserBadge profile={session.profile} />}
      </header>
      {session && <SyncStatusBar />}
      <AppUpdatePrompt isSignedIn={session !== null} />
      <main id="main" ref={mainRef} tabIndex={-1} className="main">{children}</main>
      {session && <BottomNav profile={session.profile} current={tabOf(route)} />}
    </div>
  );
}

/** Who holds the phone: the name, and under it the role (and the team or unit). */
function UserBadge({ profile }: { profile: Profile }) {
  const { t } = useT();
  const place = profile.team?.name ?? profile.orgUnits[0]?.name;
  return (
    <p className="topbar__user">
      <span className="topbar__name">{profile.user.displayName}</span>
      <span className="topbar__role">{place ? `${t(`role.${profile.user.role}`)} · ${place}` : t(`role.${profile.user.role}`)}</span>
    </p>
  );
}

function BottomNav({ profile, current }: { profile: Profile; current: string | undefined }) {
  const { t } = useT();
  return (
    <nav className="bottom-nav" aria-label={t('app.mainNav')}>
      <ul>
        {tabsFor(profile.user.role).map((tab) => (
          <li key={tab.path}>
            <Link href={tab.path} className="bottom-nav__link" aria-current={tab.path === current ? 'page' : undefined}>
              <span className="bottom-nav__icon" aria-hidden="true">{tab.tab?.icon}</span>
              <span className="bottom-nav__label">{tab.tab ? t(tab.tab.label) : tab.path}</span>
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

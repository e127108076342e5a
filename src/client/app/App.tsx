/**
 * The app: language and the active account from the phone's device database, the account's own
 * database (AccountDatabase) and its session, then the screen the URL names.
 * Signed out, every URL shows the login without changing the URL (after the login the user is
 * where the link pointed; and a redirect here would race the live session query right after
 * saveSession). Signed in, the app never needs the network to open.
 * Screens other than home are loaded on demand (React.lazy) to keep the first download small;
 * the service worker precaches them all, so they open offline too.
 */
import { lazy, Suspense, useEffect, useRef } from 'react';
import { useSession } from '#src/client/db/session-repository.ts';
import { useLanguagePref } from '#src/client/db/prefs-repository.ts';
import { useActiveAccount } from '#src/client/db/account-repository.ts';
import type { SessionRow } from '#src/client/db/database.ts';
import { Link } from '#src/client/components/link.tsx';
import { navigate, usePathname } from '#src/client/components/navigation.ts';
import { I18nProvider, useT } from '#src/client/i18n/i18n-context.tsx';
import { vi } from '#src/client/i18n/vi.ts';
import { canAdminister, matchRoute, paths, type Route } from './routes.ts';
import { AccountDatabase, type OnAccountOpened } from './account-database.tsx';
import { AppShell } from './app-shell.tsx';
import HomeScreen from './home-screen.tsx';

const LoginScreen = lazy(() => import('#src/client/features/auth/components/login-screen.tsx').then((m) => ({ default: m.LoginScreen })));
const OutreachFormScreen = lazy(() =>
  import('#src/client/features/outreach/components/outreach-form-screen.tsx').then((m) => ({ default: m.OutreachFormScreen })));
const SyncDetailsScreen = lazy(() =>
  import('#src/client/features/sync-status/components/sync-details-screen.tsx').then((m) => ({ default: m.SyncDetailsScreen })));
const SettingsScreen = lazy(() => import('./settings-screen.tsx'));
const AdminScreen = lazy(() => import('#src/client/features/admin/components/admin-screen.tsx').then((m) => ({ default: m.AdminScreen })));
const DevicesScreen = lazy(() => import('#src/client/features/sessions/components/devices-screen.tsx').then((m) => ({ default: m.DevicesScreen })));
const BackupScreen = lazy(() => import('#src/client/features/backup/components/backup-screen.tsx').then((m) => ({ default: m.BackupScreen })));

const splash = <p className="splash" role="status">{vi['app.loading']}</p>;

export function App({ onSignedIn, onAccountOpened }: { onSignedIn?: () => void; onAccountOpened?: OnAccountOpened }) {
  const language = useLanguagePref();
  const account = useActiveAccount();
  if (language === undefined || account === undefined) return splash;
  return (
    <I18nProvider language={language}>
      {account === null
        ? <Screens session={null} onSignedIn={onSignedIn} />
        : <AccountDatabase key={account.dbName} account={account} onOpened={onAccountOpened}><AccountScreens onSignedIn={onSignedIn} /></AccountDatabase>}
    </I18nProvider>
  );
}

/** The active account's session decides between its screens and the login. */
function AccountScreens({ onSignedIn }: { onSignedIn: (() => void) | undefined }) {
  const session = useSession();
  if (session === undefined) return splash;
  return <Screens session={session} onSignedIn={onSignedIn} />;
}

function Screens({ session, onSignedIn }: { session: SessionRow | null; onSignedIn: (() => void) | undefined }) {
  const { t } = useT();
  const pathname = usePathname();
  const route = matchRoute(pathname);
  const mainRef = useRef<HTMLElement>(null);
  const isFirstRender = useRef(true);

  // Move focus to the new screen so screen readers start there, not at the old button.
  useEffect(() => {
    if (isFirstRender.current) {
      isFirstRender.current = false;
      return;
    }
    mainRef.current?.focus();
  }, [pathname]);

  const handleSignedIn = () => {
    onSignedIn?.();
    // From /dang-nhap go home; from any other URL stay: it is the screen the user asked for.
    if (matchRoute(window.location.pathname).name === 'login') navigate(paths.home, { replace: true, force: true });
  };
  const content = session === null || route.name === 'login'
    ? <LoginScreen onSignedIn={handleSignedIn} />
    : <SignedInScreen route={route} session={session} />;
  return (
    <AppShell session={session} route={route} mainRef={mainRef}>
      <Suspense fallback={<p>{t('app.loading')}</p>}>{content}</Suspense>
    </AppShell>
  );
}

function SignedInScreen({ route, session }: { route: Route; session: SessionRow }) {
  const { t } = useT();
  const profile = session.profile;
  switch (route.name) {
    case 'home':
      return <HomeScreen profile={profile} />;
    case 'new-log':
      return <OutreachFormScreen profile={profile} />;
    case 'log':
      return <OutreachFormScreen profile={profile} logId={route.id} />;
    case 'sync':
      return <SyncDetailsScreen />;
    case 'settings':
      return <SettingsScreen profile={profile} />;
    case 'admin':
    case 'admin-unit':
      if (!canAdminister(profile)) break;
      return <AdminScreen token={session.token} unitId={route.name === 'admin-unit' ? route.id : null} unitPath={paths.adminUnit} homePath={paths.admin} />;
    case 'devices':
      return <DevicesScreen profile={profile} token={session.token} />;
    case 'backup':
      return <BackupScreen />;
    default:
      break;
  }
  return (
    <section className="stack">
      <h1 tabIndex={-1}>{t('app.notFound')}</h1>
      <Link href={paths.home} className="button">{t('app.backHome')}</Link>
    </section>
  );
}

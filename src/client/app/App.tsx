/**
 * The app: language and session from the device database, then the screen the URL names.
 * Signed out, every URL shows the login without changing the URL (after the login the user is
 * where the link pointed; and a redirect here would race the live session query right after
 * saveSession). Signed in, the app never needs the network to open.
 * Screens other than home are loaded on demand (React.lazy) to keep the first download small;
 * the service worker precaches them all, so they open offline too.
 */
import { lazy, Suspense, useEffect, useRef } from 'react';
import { useSession } from '#src/client/db/session-repository.ts';
import { useLanguagePref } from '#src/client/db/prefs-repository.ts';
import type { SessionRow } from '#src/client/db/database.ts';
import { Link } from '#src/client/components/link.tsx';
import { navigate, usePathname } from '#src/client/components/navigation.ts';
import { I18nProvider, useT } from '#src/client/i18n/i18n-context.tsx';
import { vi } from '#src/client/i18n/vi.ts';
import { matchRoute, paths, type Route } from './routes.ts';
import { AppShell } from './app-shell.tsx';
import HomeScreen from './home-screen.tsx';

const LoginScreen = lazy(() => import('#src/client/features/auth/components/login-screen.tsx').then((m) => ({ default: m.LoginScreen })));
const EntryFormScreen = lazy(() =>
  import('#src/client/features/entries/components/entry-form-screen.tsx').then((m) => ({ default: m.EntryFormScreen })));
const KindChooser = lazy(() => import('#src/client/features/entries/components/kind-chooser.tsx').then((m) => ({ default: m.KindChooser })));
const LogbookScreen = lazy(() => import('#src/client/features/entries/components/logbook-screen.tsx').then((m) => ({ default: m.LogbookScreen })));
const HouseholdsScreen = lazy(() =>
  import('#src/client/features/households/components/households-screen.tsx').then((m) => ({ default: m.HouseholdsScreen })));
const HouseholdEditScreen = lazy(() =>
  import('#src/client/features/households/components/household-edit-screen.tsx').then((m) => ({ default: m.HouseholdEditScreen })));
const HouseholdImportScreen = lazy(() =>
  import('#src/client/features/households/components/household-import-screen.tsx').then((m) => ({ default: m.HouseholdImportScreen })));
const ChecklistTemplatesScreen = lazy(() =>
  import('#src/client/features/checklists/components/checklist-templates-screen.tsx').then((m) => ({ default: m.ChecklistTemplatesScreen })));
const SyncDetailsScreen = lazy(() =>
  import('#src/client/features/sync-status/components/sync-details-screen.tsx').then((m) => ({ default: m.SyncDetailsScreen })));
const SettingsScreen = lazy(() => import('./settings-screen.tsx'));

export function App({ onSignedIn }: { onSignedIn?: () => void }) {
  const language = useLanguagePref();
  const session = useSession();
  if (language === undefined || session === undefined) {
    return <p className="splash" role="status">{vi['app.loading']}</p>;
  }
  return (
    <I18nProvider language={language}>
      <Screens session={session} onSignedIn={onSignedIn} />
    </I18nProvider>
  );
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
      return <KindChooser profile={profile} />;
    case 'new-entry':
      return <EntryFormScreen key={route.kind} profile={profile} kind={route.kind} />;
    case 'log':
      return <EntryFormScreen key={route.id} profile={profile} entryId={route.id} />;
    case 'logbook':
      return <LogbookScreen profile={profile} />;
    case 'households':
      return <HouseholdsScreen profile={profile} />;
    case 'household-new':
      return <HouseholdEditScreen profile={profile} />;
    case 'household':
      return <HouseholdEditScreen key={route.id} profile={profile} householdId={route.id} />;
    case 'household-import':
      return <HouseholdImportScreen profile={profile} />;
    case 'checklists':
      return <ChecklistTemplatesScreen profile={profile} />;
    case 'sync':
      return <SyncDetailsScreen />;
    case 'settings':
      return <SettingsScreen profile={profile} />;
    default:
      return (
        <section className="stack">
          <h1 tabIndex={-1}>{t('app.notFound')}</h1>
          <Link href={paths.home} className="button">{t('app.backHome')}</Link>
        </section>
      );
  }
}

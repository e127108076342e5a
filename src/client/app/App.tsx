/**
 * The app: language and the active account from the phone's device database, the account's own
 * database (AccountDatabase) and its session, then the screen the URL names (routes.ts, matched
 * by wouter over the guarded location of components/navigation.ts).
 * An account opens only unlocked (its PIN, app-lock.ts): locked, the URL shows the PIN screen
 * and nothing of the account, not even its database or sync, is open.
 * Signed out, every URL shows the login without changing the URL (after the login the user is
 * where the link pointed; and a redirect here would race the live session query right after
 * saveSession). Signed in, the app never needs the network to open. Every screen but the
 * frame and home's chooser loads on demand, to keep the first download small.
 */
import { Suspense, useEffect, useRef, type ReactNode } from 'react';
import { Link, Router, useLocation, useRouter } from 'wouter';
import './zod-config.ts';
import type { Profile } from '#src/shared/domain/account.ts';
import { useSession } from '#src/client/db/session-repository.ts';
import { useStartState, type StartHint } from '#src/client/db/start-hint.ts';
import type { DeviceAccount } from '#src/client/db/device-database.ts';
import { useIsUnlocked } from '#src/client/db/key-ring.ts';
import type { SessionRow } from '#src/client/db/database.ts';
import { navigate, useGuardedLocation } from '#src/client/components/navigation.ts';
import { preloadable, useLoaded } from '#src/client/components/preloadable.ts';
import { isFirstScreenShown } from '#src/client/components/first-screen-handoff.ts';
import { I18nProvider, useT } from '#src/client/i18n/i18n-context.tsx';
import { vi } from '#src/client/i18n/vi.ts';
import { findRoute, isRouteAllowed, loginPath, type RouteMatch } from './routes.ts';
import { AccountDatabase, type OnAccountOpened } from './account-database.tsx';
import { AppShell } from './app-shell.tsx';
import { useLockAfterBackground } from './background-lock.ts';
import { preloadHome } from './home-screen.tsx';
import { preloadSync } from './sync-setup.ts';

// Each starts loading as soon as it may be needed (while the databases are read), so it is
// usually there when shown and renders without suspending.
const LoginScreen = preloadable(() => import('#src/client/features/auth/components/login-screen.tsx'), 'LoginScreen');
const PinEntryScreen = preloadable(() => import('#src/client/features/auth/components/pin-entry-screen.tsx'), 'PinEntryScreen');
const ignore = () => undefined;

const splash = <p className="splash" role="status">{vi['app.loading']}</p>;

export function App({ onSignedIn, onAccountOpened, startHint = null }: {
  onSignedIn?: () => void;
  onAccountOpened?: OnAccountOpened;
  /** What the last run left (start-hint.ts): an account with a PIN shows its PIN field before the device database answers. */
  startHint?: StartHint | null;
}) {
  // Language, active account and its lock from the device database; until it answers, a hint
  // that says PIN stands in for it.
  const start = useStartState() ?? (startHint?.hasPin ? startHint : undefined);
  const account = start?.account;
  if (account) void PinEntryScreen.preload().catch(ignore);
  const isLoginReady = useLoaded(LoginScreen, account === null);
  if (start === undefined || account === undefined || (account === null && !isLoginReady)) return splash;
  return (
    <I18nProvider language={start.language} fallback={splash}>
      <Router hook={useGuardedLocation}>
        {account === null
          ? <Screens session={null} onSignedIn={onSignedIn} />
          : (
            <AccountLock key={account.dbName} account={account} hasPin={start.hasPin} onSignedIn={onSignedIn}>
              <AccountDatabase account={account} onOpened={onAccountOpened}><AccountScreens onSignedIn={onSignedIn} /></AccountDatabase>
            </AccountLock>
          )}
      </Router>
    </I18nProvider>
  );
}

/**
 * The active account shows only unlocked; locked, its PIN is asked (or, with no working PIN on
 * this phone, an online login).
 */
function AccountLock({ account, hasPin, onSignedIn, children }: {
  account: DeviceAccount;
  /** It has a working PIN on this phone (app-lock.ts). */
  hasPin: boolean;
  onSignedIn: (() => void) | undefined;
  children: ReactNode;
}) {
  const isUnlocked = useIsUnlocked(account.dbName);
  useLockAfterBackground(account.dbName);
  const isAskingPin = hasPin && !isUnlocked;
  const isPinScreenReady = useLoaded(PinEntryScreen, isAskingPin);
  // While the PIN is typed, what opens after it loads: the account's home and the sync code. Only
  // once a PIN field is on screen: on a slow phone their 30 files would hold it back. The first
  // screen from index.html may show it already (first-screen.ts).
  const isPinShown = isAskingPin && (isPinScreenReady || isFirstScreenShown());
  useEffect(() => {
    if (!isPinShown) return;
    // After the PIN field is painted: effects of this render can run before the browser paints.
    return afterNextPaint(() => {
      if (account.role) void preloadHome(account.role).catch(ignore);
      void preloadSync().catch(ignore);
    });
  }, [isPinShown, account.role]);
  if (isAskingPin && !isPinScreenReady) return splash;
  if (isUnlocked) return children;
  return <Screens session={null} onSignedIn={onSignedIn} lockedAccount={hasPin ? account : undefined} />;
}

/** Runs `work` once the browser has painted the next frame; returns its cancel. */
function afterNextPaint(work: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(work, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}

/** The active account's session decides between its screens and the login. */
function AccountScreens({ onSignedIn }: { onSignedIn: (() => void) | undefined }) {
  const session = useSession();
  if (session === undefined) return splash;
  return <Screens session={session} onSignedIn={onSignedIn} />;
}

function Screens({ session, onSignedIn, lockedAccount }: {
  session: SessionRow | null;
  onSignedIn: (() => void) | undefined;
  /** Set when the account waits for its PIN: that screen instead of the login. */
  lockedAccount?: DeviceAccount | undefined;
}) {
  const { t } = useT();
  const [pathname] = useLocation();
  const { parser } = useRouter();
  const match = findRoute(parser, pathname);
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
    if (window.location.pathname === loginPath) navigate('/', { replace: true, force: true });
  };
  const isLogin = session === null || pathname === loginPath;
  return (
    <AppShell session={session} route={isLogin ? undefined : match?.route} mainRef={mainRef}>
      <Suspense fallback={<p className="screen-loading">{t('app.loading')}</p>}>
        {lockedAccount ? <PinEntryScreen account={lockedAccount} />
          : isLogin ? <LoginScreen onSignedIn={handleSignedIn} /> : <SignedInScreen match={match} profile={session.profile} />}
      </Suspense>
    </AppShell>
  );
}

function SignedInScreen({ match, profile }: { match: RouteMatch | null; profile: Profile }) {
  const { t } = useT();
  if (!match) return <Notice title={t('app.notFound')} />;
  if (!isRouteAllowed(match.route, profile.user.role)) {
    return <Notice title={t('app.notForRole', { role: t(`role.${profile.user.role}`) })} />;
  }
  const Screen = match.route.screen;
  return <Screen profile={profile} params={match.params} />;
}

function Notice({ title }: { title: string }) {
  const { t } = useT();
  return (
    <section className="stack">
      <h1 tabIndex={-1}>{title}</h1>
      <Link href="/" className="button">{t('app.backHome')}</Link>
    </section>
  );
}

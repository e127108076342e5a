/**
 * `/dang-nhap`. The first login needs the network; after it the session (token + profile) is in
 * the account's own database and the app opens offline straight to home. Each account on a
 * shared phone has its own database: logging in never touches another account's data, and an
 * account kept on the phone with unsent entries is named here so its owner comes back to send them.
 * An account without a working PIN on this phone (its first login here, or five wrong PINs)
 * sets one before anything of it shows (app-lock.ts); otherwise the password unlocks it.
 */
import { Suspense, useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { preloadable } from '#src/client/components/preloadable.ts';
import { useDevice } from '#src/client/db/device-context.tsx';
import { accountDatabaseName, signInAccount, useActiveAccount, useRevokedNotice } from '#src/client/db/account-repository.ts';
import { setUpAppLock, unlockWithPassword, useAppLock } from '#src/client/db/app-lock.ts';
import { lockAllDatabases } from '#src/client/db/key-ring.ts';
import type { LoginResponse } from '#src/shared/domain/account.ts';
import { Field } from '#src/client/components/field.tsx';
import { useFirstScreen } from '#src/client/components/first-screen-takeover.ts';
import { useOnlineStatus } from '#src/client/components/use-online-status.ts';
import { useT } from '#src/client/i18n/i18n-context.tsx';
import { KeptAccounts } from './kept-accounts.tsx';
import { PinSetupForm } from './pin-setup-form.tsx';

/** The exchange with the server (and zod, and the sync code): loaded when needed, and ahead once the form shows. */
const loadRequest = () => import('../login-request.ts');
const PasswordChangeForm = preloadable(() => import('./password-change-form.tsx'), 'PasswordChangeForm');

export function LoginScreen({ onSignedIn }: {
  /**
   * Called once the session is stored, before the first sync is asked for: the app starts its
   * sync runner and leaves the login page.
   */
  onSignedIn?: () => void;
}) {
  const { t } = useT();
  const device = useDevice();
  const revokedNotice = useRevokedNotice();
  const id = useId();
  const isOnline = useOnlineStatus();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [isPasswordShown, setIsPasswordShown] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<{ username?: string; password?: string }>({});
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  /** Set when the server asks for a new password (after a reset or for a new account). */
  const [mustChange, setMustChange] = useState<{ message: string } | null>(null);
  /** Set when the account must choose a PIN for this phone, with the password just accepted. */
  const [pinSetup, setPinSetup] = useState<{ answer: LoginResponse; password: string } | null>(null);
  const active = useActiveAccount();
  const activeLock = useAppLock(active?.userId ?? '');
  const usernameRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  // Once the form is on screen, the rest loads in the background (no wait when it is sent).
  useEffect(() => {
    void loadRequest().catch(() => undefined);
  }, []);

  function handleSubmit(event: FormEvent): void {
    event.preventDefault();
    void submit({ username, password });
  }

  async function submit({ username, password }: { username: string; password: string }): Promise<void> {
    const found = {
      username: username.trim() === '' ? t('auth.usernameRequired') : undefined,
      password: password === '' ? t('auth.passwordRequired') : undefined,
    };
    setFieldErrors(found);
    setError(null);
    if (found.username) return usernameRef.current?.focus();
    if (found.password) return passwordRef.current?.focus();
    if (!navigator.onLine) return setError(t('auth.offline'));
    setIsBusy(true);
    const outcome = await loadRequest().then(
      ({ requestLogin }) => requestLogin(username.trim(), password),
      () => ({ kind: 'offline' as const }),
    );
    if (outcome.kind === 'signed-in') return finish(outcome.answer, password);
    setIsBusy(false);
    if (outcome.kind === 'must-change') {
      void PasswordChangeForm.preload().catch(() => undefined);
      return setMustChange({ message: outcome.message });
    }
    return setError(outcome.kind === 'offline' ? t('auth.offline') : (outcome.message ?? t('auth.serverError')));
  }

  async function finish(answer: LoginResponse, acceptedPassword: string = password): Promise<void> {
    // Whoever held the phone before is locked: only the account signing in now is open.
    lockAllDatabases();
    const status = await unlockWithPassword(device, answer.profile.user.id, acceptedPassword);
    if (status === 'needs-setup') return setPinSetup({ answer, password: acceptedPassword });
    await complete(answer);
  }

  async function setPin(pin: string): Promise<void> {
    const { answer, password: accepted } = pinSetup!;
    const userId = answer.profile.user.id;
    await setUpAppLock(device, { userId, dbName: await accountDatabaseName(device, userId) }, pin, accepted);
    await complete(answer);
  }

  async function complete(answer: LoginResponse): Promise<void> {
    await signInAccount(device, answer);
    onSignedIn?.();
    (await loadRequest()).startFirstSync();
  }

  // The login index.html showed a new visitor while the app loaded: what was typed there, and a
  // press of its button, carry on here.
  useFirstScreen('username', ({ values, checked, focused, action }) => {
    const typed = { username: values.username ?? '', password: values.password ?? '' };
    setUsername(typed.username);
    setPassword(typed.password);
    setIsPasswordShown(checked.show === true);
    if (focused === 'username') usernameRef.current?.focus();
    else if (focused === 'password') passwordRef.current?.focus();
    if (action === 'submit') void submit(typed);
  });

  if (pinSetup) return <PinSetupForm onSubmit={setPin} />;
  if (mustChange) {
    return (
      <Suspense fallback={<p className="screen-loading">{t('app.loading')}</p>}>
        <PasswordChangeForm username={username.trim()} currentPassword={password} message={mustChange.message} onChanged={finish} />
      </Suspense>
    );
  }

  return (
    <section className="stack login" aria-labelledby="login-title">
      <h1 id="login-title" tabIndex={-1}>{t('auth.title')}</h1>
      <p>{t('auth.intro')}</p>
      {!isOnline && <p className="alert alert--info">{t('auth.offline')}</p>}
      {activeLock && !activeLock.pin && <p className="alert alert--error">{t('lock.lockedOut')}</p>}
      {revokedNotice && <p className="alert alert--error">{t('auth.revoked', { name: revokedNotice.displayName })}</p>}
      <KeptAccounts />
      <form className="stack" noValidate onSubmit={handleSubmit} aria-describedby={error ? `${id}-error` : undefined}>
        <Field id={`${id}-username`} label={t('auth.username')} error={fieldErrors.username}>
          {(control) => (
            <input {...control} ref={usernameRef} type="text" autoComplete="username" autoCapitalize="none"
              spellCheck={false} value={username} onChange={(event) => setUsername(event.target.value)} />
          )}
        </Field>
        <Field id={`${id}-password`} label={t('auth.password')} error={fieldErrors.password}>
          {(control) => (
            <input {...control} ref={passwordRef} type={isPasswordShown ? 'text' : 'password'} autoComplete="current-password"
              value={password} onChange={(event) => setPassword(event.target.value)} />
          )}
        </Field>
        <label className="checkbox">
          <input type="checkbox" checked={isPasswordShown} onChange={(event) => setIsPasswordShown(event.target.checked)} />
          {t('auth.showPassword')}
        </label>
        <div role="alert" id={`${id}-error`} className={error ? 'alert alert--error' : 'visually-hidden'}>{error ?? ''}</div>
        <button type="submit" className="button button--primary button--block" disabled={isBusy}>
          {isBusy ? t('auth.submitting') : t('auth.submit')}
        </button>
      </form>
    </section>
  );
}

/**
 * Sign out, in settings. Signing out erases the device's data (a shared phone must not keep
 * residents' data), including entries not yet sent: the confirmation says how many would be
 * lost. The sync runner is stopped first so that no run writes the old user's rows back after
 * the wipe; the app starts a new one at the next login.
 */
import { useState } from 'react';
import type { Profile } from '#src/shared/domain/account.ts';
import { useDatabase } from '#src/client/db/database-context.tsx';
import { getSession, signOut } from '#src/client/db/session-repository.ts';
import { useSyncOverview } from '#src/client/db/sync-state-repository.ts';
import { createHttpTransport } from '#src/client/sync/http-transport.ts';
import { stopAppSyncRunner } from '#src/client/sync/sync-runner.ts';
import { navigate } from '#src/client/components/navigation.ts';
import { useT } from '#src/client/i18n/i18n-context.tsx';

export function SignOutSection({ profile }: { profile: Profile }) {
  const { t } = useT();
  const db = useDatabase();
  const overview = useSyncOverview();
  const [isAsking, setIsAsking] = useState(false);
  const [isBusy, setIsBusy] = useState(false);
  const pendingCount = overview?.pendingCount ?? 0;

  async function confirm(): Promise<void> {
    setIsBusy(true);
    await stopAppSyncRunner();
    const token = (await getSession(db))?.token ?? null;
    // Revoke the token when the server is reachable; offline the wipe alone must suffice.
    await createHttpTransport({ getToken: async () => token, timeoutMs: 5_000 }).logout().catch(() => undefined);
    await signOut(db);
    navigate('/dang-nhap', { replace: true, force: true });
  }

  return (
    <section className="card stack" aria-labelledby="account-title">
      <h2 id="account-title">{t('settings.account')}</h2>
      <p>{t('auth.signedInAs', { name: profile.user.displayName, username: profile.user.username })}</p>
      {!isAsking ? (
        <button type="button" className="button" onClick={() => setIsAsking(true)}>{t('auth.signOut')}</button>
      ) : (
        <div role="alertdialog" aria-labelledby="sign-out-title" aria-describedby="sign-out-text" className="confirm stack">
          <h3 id="sign-out-title">{t('auth.signOutTitle')}</h3>
          <div id="sign-out-text">
            {pendingCount > 0 ? (
              <>
                <p className="alert alert--error">{t('auth.signOutPending', { count: pendingCount })}</p>
                <p>{t('auth.signOutPendingHint')}</p>
              </>
            ) : (
              <p>{t('auth.signOutClean')}</p>
            )}
          </div>
          <div className="actions">
            <button type="button" className={pendingCount > 0 ? 'button button--danger' : 'button button--primary'} disabled={isBusy} onClick={() => void confirm()}>
              {pendingCount > 0 ? t('auth.signOutConfirmLoss', { count: pendingCount }) : t('auth.signOutConfirm')}
            </button>
            {/* autoFocus on the safe choice: the dialog opens here and Enter does not lose data. */}
            <button type="button" className="button" autoFocus onClick={() => setIsAsking(false)}>{t('auth.cancel')}</button>
          </div>
        </div>
      )}
    </section>
  );
}

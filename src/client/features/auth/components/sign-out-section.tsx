/**
 * Sign out, in settings. Signing out never deletes unsent work: the app first tries to send
 * what waits; when everything is on the server the account's data is erased from the phone (a
 * shared phone must not keep residents' data); when something still waits (no network), the
 * account's database is kept, shown to nobody, until its owner signs in again and it is sent.
 * The sync runner is stopped first so that no run writes after the sign-out.
 */
import { useState } from 'react';
import type { Profile } from '#src/shared/domain/account.ts';
import { useDatabase } from '#src/client/db/database-context.tsx';
import { useDevice } from '#src/client/db/device-context.tsx';
import { signOutAccount } from '#src/client/db/account-repository.ts';
import { getSession } from '#src/client/db/session-repository.ts';
import { useSyncOverview } from '#src/client/db/sync-state-repository.ts';
import { createHttpTransport } from '#src/client/sync/http-transport.ts';
import { syncOnce } from '#src/client/sync/sync-engine.ts';
import { stopAppSyncRunner } from '#src/client/sync/sync-runner.ts';
import { navigate } from '#src/client/components/navigation.ts';
import { useT } from '#src/client/i18n/i18n-context.tsx';

const LAST_PUSH_TIMEOUT_MS = 15_000;

export function SignOutSection({ profile }: { profile: Profile }) {
  const { t } = useT();
  const db = useDatabase();
  const device = useDevice();
  const overview = useSyncOverview();
  const [isAsking, setIsAsking] = useState(false);
  const [isBusy, setIsBusy] = useState(false);
  const pendingCount = overview?.pendingCount ?? 0;

  async function confirm(): Promise<void> {
    setIsBusy(true);
    await stopAppSyncRunner();
    const session = await getSession(db);
    const transport = createHttpTransport({ getSession: async () => session, timeoutMs: LAST_PUSH_TIMEOUT_MS });
    // One last sync sends what waits; offline it fails and the work is kept instead.
    if ((await db.outbox.count()) > 0) await syncOnce(db, transport).catch(() => undefined);
    await transport.logout().catch(() => undefined);
    await signOutAccount(device, db, profile.user.id);
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
                <p className="alert alert--info">{t('auth.signOutPending', { count: pendingCount })}</p>
                <p>{t('auth.signOutPendingHint')}</p>
              </>
            ) : (
              <p>{t('auth.signOutClean')}</p>
            )}
          </div>
          <div className="actions">
            <button type="button" className="button button--primary" disabled={isBusy} onClick={() => void confirm()}>
              {isBusy ? t('auth.signingOut') : t('auth.signOutConfirm')}
            </button>
            {/* autoFocus on the safe choice: the dialog opens here and Enter changes nothing. */}
            <button type="button" className="button" autoFocus onClick={() => setIsAsking(false)}>{t('auth.cancel')}</button>
          </div>
        </div>
      )}
    </section>
  );
}

/**
 * "Đã có phiên bản mới". A reload would lose typed input, and must not happen while changes
 * wait in the outbox (the new version could change how they are sent): then the button is
 * disabled and the reason is written beside it.
 */
import { useState, type ReactNode } from 'react';
import { useSyncOverview } from '#src/client/db/sync-state-repository.ts';
import { useEntryFormStore } from '#src/client/features/entries/entry-form-store.ts';
import { useT } from '#src/client/i18n/i18n-context.tsx';
import { applyUpdate, useUpdateWaiting } from './service-worker.ts';

export function UpdatePrompt({ isUpdateWaiting, hasUnsavedInput, pendingCount, onUpdate }: {
  isUpdateWaiting: boolean;
  hasUnsavedInput: boolean;
  /** Entries in the outbox; undefined while unknown (then updating waits too). */
  pendingCount: number | undefined;
  onUpdate: () => void;
}) {
  const { t } = useT();
  const [isUpdating, setIsUpdating] = useState(false);
  if (!isUpdateWaiting) return null;
  const isBlocked = hasUnsavedInput || pendingCount !== 0;
  return (
    <section className="update-prompt" role="status" aria-labelledby="update-title">
      <p id="update-title" className="update-prompt__title">{t('update.available')}</p>
      {isBlocked && <p id="update-blocked" className="update-prompt__reason">{t('update.blocked')}</p>}
      <button type="button" className="button button--primary" disabled={isBlocked || isUpdating}
        aria-describedby={isBlocked ? 'update-blocked' : undefined}
        onClick={() => {
          setIsUpdating(true);
          onUpdate();
        }}>
        {isUpdating ? t('update.applying') : t('update.apply')}
      </button>
    </section>
  );
}

/** The prompt wired to the service worker, the entry forms and, when someone is signed in, the outbox. */
export function AppUpdatePrompt({ isSignedIn }: { isSignedIn: boolean }) {
  const isUpdateWaiting = useUpdateWaiting();
  const hasUnsavedInput = useEntryFormStore((state) => state.hasUnsavedInput);
  if (!isUpdateWaiting) return null;
  const prompt = (pendingCount: number | undefined) => (
    <UpdatePrompt isUpdateWaiting hasUnsavedInput={hasUnsavedInput} pendingCount={pendingCount} onUpdate={applyUpdate} />
  );
  // Signed out, no account database is open: nothing of anyone's waits behind this screen.
  return isSignedIn ? <WithOutbox render={prompt} /> : prompt(0);
}

function WithOutbox({ render }: { render: (pendingCount: number | undefined) => ReactNode }) {
  return render(useSyncOverview()?.pendingCount);
}

/**
 * Locks the open account after BACKGROUND_LOCK_MS in the background (another app in front, the
 * screen off): its key is forgotten (key-ring.ts) and the app asks for the PIN when it comes back.
 * A timer does it while the page still runs; the visible-again check covers a frozen page.
 */
import { useEffect } from 'react';
import { BACKGROUND_LOCK_MS } from '#src/client/db/app-lock.ts';
import { lockDatabase } from '#src/client/db/key-ring.ts';

export function useLockAfterBackground(dbName: string): void {
  useEffect(() => {
    let hiddenAt: number | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onVisibility = (): void => {
      clearTimeout(timer);
      if (document.visibilityState === 'hidden') {
        hiddenAt = Date.now();
        timer = setTimeout(() => lockDatabase(dbName), BACKGROUND_LOCK_MS);
        return;
      }
      if (hiddenAt !== null && Date.now() - hiddenAt >= BACKGROUND_LOCK_MS) lockDatabase(dbName);
      hiddenAt = null;
    };
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      clearTimeout(timer);
    };
  }, [dbName]);
}

/**
 * The active account's own database (account-repository.ts), open while the account is active,
 * and its sync runner. Another account signing in gets another database and another runner; the
 * previous account's data is neither shown nor synced meanwhile. The entry point passes the
 * sync start (main.tsx); tests render the app without it, offline by construction.
 */
import { useEffect, useMemo, type ReactNode } from 'react';
import { AnttDatabase } from '#src/client/db/database.ts';
import { DatabaseProvider } from '#src/client/db/database-context.tsx';
import type { DeviceAccount } from '#src/client/db/device-database.ts';

/** Starts what runs while an account is open (its sync); returns how to stop it. */
export type OnAccountOpened = (db: AnttDatabase) => () => void;

export function AccountDatabase({ account, onOpened, children }: { account: DeviceAccount; onOpened?: OnAccountOpened | undefined; children: ReactNode }) {
  const db = useMemo(() => new AnttDatabase(account.dbName), [account.dbName]);
  useEffect(() => {
    const stop = onOpened?.(db);
    return () => {
      stop?.();
      // Reopens by itself if the same account comes back (React may remount in development).
      db.close({ disableAutoOpen: false });
    };
  }, [db, onOpened]);
  return <DatabaseProvider db={db}>{children}</DatabaseProvider>;
}

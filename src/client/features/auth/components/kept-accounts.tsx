/**
 * On the login screen: the accounts this phone keeps. One with a PIN here opens offline by its
 * PIN (a shared phone); one kept because it had entries not yet sent when it signed out shows
 * only its name and count, its entries unreadable to anyone else until its owner signs in again.
 */
import { useEffect, useState } from 'react';
import { countKeptUnsent, switchToAccount, useKeptAccounts } from '#src/client/db/account-repository.ts';
import { useAccountsWithPin } from '#src/client/db/app-lock.ts';
import { useDevice } from '#src/client/db/device-context.tsx';
import type { DeviceAccount } from '#src/client/db/device-database.ts';
import { useT } from '#src/client/i18n/i18n-context.tsx';

export function KeptAccounts() {
  const accounts = useKeptAccounts();
  return (
    <>
      <AccountsWithPin accounts={accounts ?? []} />
      <UnsentAccounts accounts={accounts} />
    </>
  );
}

function AccountsWithPin({ accounts }: { accounts: DeviceAccount[] }) {
  const { t } = useT();
  const device = useDevice();
  const withPin = useAccountsWithPin();
  const openable = accounts.filter((account) => withPin?.has(account.userId));
  if (openable.length === 0) return null;
  return (
    <section className="card stack" aria-labelledby="pin-accounts-title">
      <h2 id="pin-accounts-title">{t('lock.accountsTitle')}</h2>
      {openable.map((account) => (
        <button key={account.userId} type="button" className="button button--block" onClick={() => void switchToAccount(device, account.userId)}>
          {t('lock.openWithPin', { name: account.displayName || account.username })}
        </button>
      ))}
    </section>
  );
}

function UnsentAccounts({ accounts }: { accounts: DeviceAccount[] | undefined }) {
  const { t } = useT();
  const [unsent, setUnsent] = useState<Record<string, number>>({});
  useEffect(() => {
    let isCurrent = true;
    void Promise.all((accounts ?? []).map(async (account) => [account.userId, await countKeptUnsent(account)] as const)).then((counts) => {
      if (isCurrent) setUnsent(Object.fromEntries(counts));
    });
    return () => {
      isCurrent = false;
    };
  }, [accounts]);
  const waiting = (accounts ?? []).filter((account) => (unsent[account.userId] ?? 0) > 0);
  if (waiting.length === 0) return null;
  return (
    <section className="card stack" aria-labelledby="kept-accounts-title">
      <h2 id="kept-accounts-title">{t('auth.keptTitle')}</h2>
      <ul className="plain-list">
        {waiting.map((account) => (
          <li key={account.userId}>
            {t('auth.keptAccount', { name: account.displayName || account.username || t('auth.keptUnknown'), count: unsent[account.userId] ?? 0 })}
          </li>
        ))}
      </ul>
      <p>{t('auth.keptHint')}</p>
    </section>
  );
}

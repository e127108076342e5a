/**
 * On the login screen: accounts whose data this phone keeps because it had entries not yet sent
 * when they signed out. Only names and counts show; the entries stay unreadable to anyone else
 * until their owner signs in again and they are sent.
 */
import { useEffect, useState } from 'react';
import { countKeptUnsent, useKeptAccounts } from '#src/client/db/account-repository.ts';
import { useT } from '#src/client/i18n/i18n-context.tsx';

export function KeptAccounts() {
  const { t } = useT();
  const accounts = useKeptAccounts();
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

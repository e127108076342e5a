/**
 * Merging a duplicate: choose, in the same hamlet, the household that is kept. The duplicate
 * keeps its row (entries name it) with mergedIntoId, leaves the pickers, and counts as the kept
 * household (db/household-repository.ts mergeHousehold, one transaction).
 */
import { useMemo, useState } from 'react';
import type { Profile } from '#src/shared/domain/account.ts';
import type { Household } from '#src/shared/domain/household.ts';
import { findHouseholds, searchableHouseholds } from '#src/shared/domain/household-search.ts';
import { useDatabase } from '#src/client/db/database-context.tsx';
import { mergeHousehold, useHouseholdsInHamlets } from '#src/client/db/household-repository.ts';
import { navigate } from '#src/client/components/navigation.ts';
import { useT } from '#src/client/i18n/i18n-context.tsx';
import '#src/client/i18n/notebook-messages.ts';
import { requestSync } from '#src/client/sync/sync-runner.ts';

export function HouseholdMerge({ profile, duplicate }: { profile: Profile; duplicate: Household }) {
  const { t } = useT();
  const db = useDatabase();
  const [query, setQuery] = useState('');
  const [error, setError] = useState<string | null>(null);
  const hamletIds = useMemo(() => [duplicate.hamletId], [duplicate.hamletId]);
  const households = useHouseholdsInHamlets(hamletIds);
  const hamletName = profile.hamlets.find((hamlet) => hamlet.id === duplicate.hamletId)?.name ?? '';
  const candidates = useMemo(
    () => searchableHouseholds((households ?? []).filter((household) => household.id !== duplicate.id), () => hamletName),
    [households, duplicate.id, hamletName],
  );
  const found = findHouseholds(candidates, query).slice(0, 10);

  async function merge(kept: Household): Promise<void> {
    try {
      await mergeHousehold(db, duplicate.id, kept.id);
      requestSync('local-change');
      navigate('/ho-gia-dinh', { force: true });
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  }

  return (
    <section className="stack" aria-labelledby="merge-title">
      <h2 id="merge-title">{t('households.mergeTitle', { name: duplicate.headName })}</h2>
      <p>{t('households.mergeIntro', { name: duplicate.headName })}</p>
      <div className="field">
        <label htmlFor="merge-search" className="field__label">{t('households.mergeSearch')}</label>
        <input id="merge-search" type="search" autoComplete="off" value={query} onChange={(event) => setQuery(event.target.value)} />
      </div>
      {error && <p role="alert" className="alert alert--error">{error}</p>}
      <ul className="plain-list">
        {found.map((kept) => (
          <li key={kept.id}>
            <button type="button" className="button button--block" onClick={() => void merge(kept)}>
              {t('households.mergeInto', { name: [kept.headName, kept.address].filter(Boolean).join(', ') })}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * `/ho-gia-dinh`: the households of the user's hamlets, narrowed to one hamlet or searched
 * without diacritics (a hamlet-name match first), with their flags and merges. Leaders and
 * commune police add, edit, merge and import; members read.
 */
import '../households.css';
import { useMemo, useState } from 'react';
import type { Profile } from '#src/shared/domain/account.ts';
import { findHouseholds, searchableHouseholds } from '#src/shared/domain/household-search.ts';
import { useHouseholdsInHamlets } from '#src/client/db/household-repository.ts';
import { Link } from 'wouter';
import { useT } from '#src/client/i18n/i18n-context.tsx';
import { canEditHouseholds } from '../households-access.ts';
import '#src/client/i18n/notebook-messages.ts';

const SHOWN = 50;

export function HouseholdsScreen({ profile }: { profile: Profile }) {
  const { t } = useT();
  const [hamletId, setHamletId] = useState('');
  const [query, setQuery] = useState('');
  const hamletIds = useMemo(() => (hamletId ? [hamletId] : profile.hamlets.map((hamlet) => hamlet.id)), [hamletId, profile.hamlets]);
  const names = useMemo(() => new Map(profile.hamlets.map((hamlet) => [hamlet.id, hamlet.name])), [profile.hamlets]);
  const households = useHouseholdsInHamlets(hamletIds, { includeMerged: true });
  const byId = useMemo(() => new Map((households ?? []).map((household) => [household.id, household])), [households]);
  const searchable = useMemo(() => searchableHouseholds(households ?? [], (id) => names.get(id) ?? ''), [households, names]);
  const matches = query.trim() === '' ? (households ?? []) : findHouseholds(searchable, query);
  const canEdit = canEditHouseholds(profile);

  return (
    <section className="stack" aria-labelledby="households-title">
      <h1 id="households-title" tabIndex={-1}>{t('households.title')}</h1>
      {canEdit ? (
        <div className="actions">
          <Link href="/ho-gia-dinh/moi" className="button button--primary">{t('households.add')}</Link>
          <Link href="/ho-gia-dinh/nhap" className="button">{t('households.import')}</Link>
        </div>
      ) : <p className="alert alert--info">{t('households.readOnly')}</p>}
      {profile.hamlets.length > 1 && (
        <div className="field">
          <label htmlFor="households-hamlet" className="field__label">{t('households.hamlet')}</label>
          <select id="households-hamlet" value={hamletId} onChange={(event) => setHamletId(event.target.value)}>
            <option value="">{t('households.allHamlets')}</option>
            {profile.hamlets.map((hamlet) => <option key={hamlet.id} value={hamlet.id}>{hamlet.name}</option>)}
          </select>
        </div>
      )}
      <div className="field">
        <label htmlFor="households-search" className="field__label">{t('households.search')}</label>
        <input id="households-search" type="search" autoComplete="off" value={query} onChange={(event) => setQuery(event.target.value)} />
      </div>
      <p className="field__hint" aria-live="polite">{households === undefined ? t('app.loading') : t('households.count', { count: matches.length })}</p>
      {households !== undefined && matches.length === 0 && <p className="empty">{t('households.none')}</p>}
      <ul className="household-list" aria-label={t('households.title')}>
        {matches.slice(0, SHOWN).map((household) => {
          const kept = household.mergedIntoId ? byId.get(household.mergedIntoId) : undefined;
          const detail = [household.address, names.get(household.hamletId), t('households.members', { count: household.memberCount })].filter(Boolean).join(' · ');
          return (
            <li key={household.id} className={household.mergedIntoId ? 'household household--merged' : 'household'}>
              {canEdit && !household.mergedIntoId
                ? <Link href={`/ho-gia-dinh/${household.id}`} className="household__name" aria-label={t('households.open', { name: `${household.headName}, ${detail}` })}>{household.headName}</Link>
                : <span className="household__name">{household.headName}</span>}
              <span className="household__detail">{detail}</span>
              <span className="badges">
                {household.isRentalHousing && <span className="badge badge--pending">{t('households.flagRental')}</span>}
                {household.hasConditionalBusiness && <span className="badge badge--pending">{t('households.flagBusiness')}</span>}
                {household.mergedIntoId && <span className="badge badge--returned">{t('households.merged', { name: kept?.headName ?? '—' })}</span>}
              </span>
            </li>
          );
        })}
      </ul>
      {matches.length > SHOWN && <p className="field__hint">{t('outreach.householdResults', { total: matches.length, shown: SHOWN })}</p>}
    </section>
  );
}

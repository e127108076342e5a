/**
 * Choosing households of the member's hamlets: a search that ignores diacritics ("nguyen"
 * finds "Nguyễn"), at most RESULT_LIMIT results with the total, and the chosen ones as chips.
 * All households of the hamlets are read once (a few hundred rows), folded once for search, and
 * filtered in memory at each keystroke. Choosing a household folds the results away, so the
 * next field is within reach on a phone; focus moves to the count of chosen households.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { Household } from '#src/shared/domain/household.ts';
import type { OrgUnitSummary } from '#src/shared/domain/account.ts';
import { foldDiacritics, matchesWords, searchWords } from '#src/shared/domain/text.ts';
import { useHouseholdsByIds, useHouseholdsInHamlets } from '#src/client/db/household-repository.ts';
import { useT } from '#src/client/i18n/i18n-context.tsx';

const RESULT_LIMIT = 20;

export function HouseholdPicker({ hamlets, selectedIds, onChange, error, inputId }: {
  hamlets: readonly OrgUnitSummary[];
  selectedIds: readonly string[];
  onChange: (ids: string[]) => void;
  error: string | undefined;
  /** Id of the search box, which receives focus when the choice is wrong. */
  inputId: string;
}) {
  const { t } = useT();
  const id = useId();
  const [query, setQuery] = useState('');
  const countRef = useRef<HTMLParagraphElement>(null);
  const isCountFocusDue = useRef(false);
  const hamletIds = useMemo(() => hamlets.map((hamlet) => hamlet.id), [hamlets]);
  const hamletNames = useMemo(() => new Map(hamlets.map((hamlet) => [hamlet.id, hamlet.name])), [hamlets]);
  const households = useHouseholdsInHamlets(hamletIds);
  // Chosen households may lie outside today's hamlets (an older log): read them by id.
  const chosen = useHouseholdsByIds(selectedIds);
  const selected = new Set(selectedIds);

  // Folding every household's text is the costly part of a search: once per list, not per keystroke.
  const searchable = useMemo(() => households?.map((household) => ({
    household,
    key: foldDiacritics(`${household.headName} ${household.address} ${hamletNames.get(household.hamletId) ?? ''}`),
  })), [households, hamletNames]);

  const isSearching = query.trim() !== '';
  const matches = useMemo(() => {
    // No list before a search: 20 names would push the rest of the form off a phone's screen.
    if (!searchable || !isSearching) return [];
    const words = searchWords(query);
    return searchable.filter((entry) => matchesWords(entry.key, words)).map((entry) => entry.household);
  }, [searchable, query, isSearching]);
  const shown = matches.slice(0, RESULT_LIMIT);

  useEffect(() => {
    if (!isCountFocusDue.current) return;
    isCountFocusDue.current = false;
    countRef.current?.focus();
  }, [selectedIds]);

  function toggle(household: Household): void {
    if (selected.has(household.id)) {
      onChange(selectedIds.filter((candidate) => candidate !== household.id));
      return;
    }
    onChange([...selectedIds, household.id]);
    // The pressed button disappears with the results: focus goes to the count that grew.
    setQuery('');
    isCountFocusDue.current = true;
  }

  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [`${id}-hint`, errorId].filter(Boolean).join(' ');
  return (
    <fieldset className={error ? 'field field--invalid' : 'field'} aria-describedby={errorId}>
      <legend className="field__label">{t('outreach.households')}</legend>
      {selectedIds.length > 0 && (
        <>
          <p ref={countRef} tabIndex={-1} className="field__hint">{t('outreach.selectedCount', { count: selectedIds.length })}</p>
          <ul className="chips">
            {selectedIds.map((householdId) => {
              const name = chosen?.get(householdId)?.headName ?? t('outreach.unknownHousehold');
              return (
                <li key={householdId} className="chip">
                  <span>{name}</span>
                  <button type="button" className="chip__remove" aria-label={t('outreach.removeHousehold', { name })}
                    onClick={() => onChange(selectedIds.filter((candidate) => candidate !== householdId))}>×</button>
                </li>
              );
            })}
          </ul>
        </>
      )}
      <label htmlFor={inputId} className="field__sublabel">{t('outreach.householdSearch')}</label>
      <p id={`${id}-hint`} className="field__hint">{t('outreach.householdSearchHint')}</p>
      <input id={inputId} type="search" value={query} autoComplete="off"
        aria-invalid={Boolean(error)} aria-describedby={describedBy} aria-controls={`${id}-results`}
        onChange={(event) => setQuery(event.target.value)} />
      {error && <p id={errorId} className="field__error">{error}</p>}
      <p className="field__hint" aria-live="polite">
        {households === undefined ? t('app.loading')
          : households.length === 0 ? t('outreach.householdNone')
          : !isSearching ? t('outreach.householdTotal', { total: households.length })
          : matches.length === 0 ? t('outreach.householdNoResults')
          : t('outreach.householdResults', { total: matches.length, shown: shown.length })}
      </p>
      <ul id={`${id}-results`} className="picker-results" aria-label={t('outreach.householdResultsLabel')}>
        {shown.map((household) => (
          <li key={household.id}>
            {/* The name starts with "Chọn" and stays the same when chosen (a toggle's label does not
                change); aria-pressed and the tick say whether it is chosen. */}
            <button type="button" className="picker-result" aria-pressed={selected.has(household.id)} onClick={() => toggle(household)}>
              <span className="picker-result__action">
                <span className="picker-result__tick" aria-hidden="true">{selected.has(household.id) ? '✓' : ''}</span>
                {t('outreach.householdAdd')}
              </span>
              <span className="picker-result__name">{household.headName}</span>
              <span className="picker-result__detail">
                {[household.address, hamletNames.get(household.hamletId)].filter(Boolean).join(' · ')}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

/**
 * Choosing households of the user's hamlets: several for an outreach session, one for a
 * residence report. A search that ignores diacritics and ranks a hamlet-name match first, a
 * hamlet filter when the user covers several, at most RESULT_LIMIT results with the total, and
 * the chosen ones as chips. Households merged into another are not offered. The hamlets'
 * households are read once (a few hundred rows), folded once, filtered in memory per keystroke.
 * Choosing a household folds the results away, so the next field is within reach on a phone;
 * focus moves to the count of chosen households.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { Household } from '#src/shared/domain/household.ts';
import { findHouseholds, searchableHouseholds } from '#src/shared/domain/household-search.ts';
import { useHouseholdsByIds, useHouseholdsInHamlets } from '#src/client/db/household-repository.ts';
import { useT } from '#src/client/i18n/i18n-context.tsx';
import { readIds } from '../draft-values.ts';
import type { SpecOf, WidgetProps } from './widget-props.ts';
import '#src/client/i18n/notebook-messages.ts';

const RESULT_LIMIT = 20;

export function HouseholdField({ field, values, setValue, error, inputId, context }: WidgetProps<SpecOf<'households'>>) {
  const { t } = useT();
  const id = useId();
  const hamlets = context.profile.hamlets;
  const [query, setQuery] = useState('');
  const countRef = useRef<HTMLParagraphElement>(null);
  const isCountFocusDue = useRef(false);
  const [hamletFilter, setHamletFilter] = useState('');
  const hamletIds = useMemo(() => (hamletFilter ? [hamletFilter] : hamlets.map((hamlet) => hamlet.id)), [hamlets, hamletFilter]);
  const hamletNames = useMemo(() => new Map(hamlets.map((hamlet) => [hamlet.id, hamlet.name])), [hamlets]);
  const households = useHouseholdsInHamlets(hamletIds);
  const selectedIds = readIds(values, field.key);
  // Chosen households may lie outside today's hamlets (an older entry): read them by id.
  const chosen = useHouseholdsByIds(selectedIds);
  const selected = new Set(selectedIds);
  const searchable = useMemo(
    () => (households ? searchableHouseholds(households, (hamletId) => hamletNames.get(hamletId) ?? '') : undefined),
    [households, hamletNames],
  );
  const isSearching = query.trim() !== '';
  const matches = useMemo(() => (searchable && isSearching ? findHouseholds(searchable, query) : []), [searchable, query, isSearching]);
  const shown = matches.slice(0, RESULT_LIMIT);

  useEffect(() => {
    if (!isCountFocusDue.current) return;
    isCountFocusDue.current = false;
    countRef.current?.focus();
  }, [selectedIds]);

  function toggle(household: Household): void {
    if (!field.multiple) {
      setValue(field.key, selected.has(household.id) ? [] : [household.id]);
      setQuery('');
      return;
    }
    if (selected.has(household.id)) {
      setValue(field.key, selectedIds.filter((candidate) => candidate !== household.id));
      return;
    }
    setValue(field.key, [...selectedIds, household.id]);
    // The pressed button disappears with the results: focus goes to the count that grew.
    setQuery('');
    isCountFocusDue.current = true;
  }

  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [`${id}-hint`, errorId].filter(Boolean).join(' ');
  return (
    <fieldset className={error ? 'field field--invalid' : 'field'} aria-describedby={errorId}>
      <legend className="field__label">{t(field.label)}</legend>
      {selectedIds.length > 0 && (
        <>
          {field.multiple && <p ref={countRef} tabIndex={-1} className="field__hint">{t('outreach.selectedCount', { count: selectedIds.length })}</p>}
          <ul className="chips">
            {selectedIds.map((householdId) => {
              const name = chosen?.get(householdId)?.headName ?? t('outreach.unknownHousehold');
              return (
                <li key={householdId} className="chip">
                  <span>{name}</span>
                  <button type="button" className="chip__remove" aria-label={t('outreach.removeHousehold', { name })}
                    onClick={() => setValue(field.key, selectedIds.filter((candidate) => candidate !== householdId))}>×</button>
                </li>
              );
            })}
          </ul>
        </>
      )}
      {/* After a choice the filter and the hint step aside (until the next search), so the next
          field is in reach on a phone. */}
      {hamlets.length > 1 && (selectedIds.length === 0 || isSearching || hamletFilter !== '') && (
        <>
          <label htmlFor={`${id}-hamlet`} className="field__sublabel">{t('households.hamlet')}</label>
          <select id={`${id}-hamlet`} value={hamletFilter} onChange={(event) => setHamletFilter(event.target.value)}>
            <option value="">{t('households.allHamlets')}</option>
            {hamlets.map((hamlet) => <option key={hamlet.id} value={hamlet.id}>{hamlet.name}</option>)}
          </select>
        </>
      )}
      <label htmlFor={inputId} className="field__sublabel">{t('outreach.householdSearch')}</label>
      <p id={`${id}-hint`} className={selectedIds.length === 0 ? 'field__hint' : 'visually-hidden'}>{t('outreach.householdSearchHint')}</p>
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

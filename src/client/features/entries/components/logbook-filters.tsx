/** The logbook's filters: whose entries, kind, days, review status, sync state and a search. */
import { useId } from 'react';
import { reviewStatuses, type ReviewStatus } from '#src/shared/domain/review.ts';
import type { FieldLogKind } from '#src/shared/domain/field-log.ts';
import { useT } from '#src/client/i18n/i18n-context.tsx';
import { dayOfText } from '../draft-record.ts';
import { orderedKinds } from '../kinds/kind-registry.ts';
import { useLogbookStore, type LogbookScopeChoice } from '../logbook-store.ts';
import '#src/client/i18n/notebook-messages.ts';

export function LogbookFilters({ choices, scope }: { choices: LogbookScopeChoice[]; scope: LogbookScopeChoice }) {
  const { t } = useT();
  const id = useId();
  const input = useLogbookStore((state) => state.filter);
  const setFilter = useLogbookStore((state) => state.setFilter);
  const clearFilter = useLogbookStore((state) => state.clearFilter);
  const badFrom = input.fromText.trim() !== '' && dayOfText(input.fromText) === null;
  const badTo = input.toText.trim() !== '' && dayOfText(input.toText) === null;

  return (
    <div className="stack logbook-filters">
      {choices.length > 1 && (
        <fieldset className="field">
          <legend className="field__label">{t('logbook.scopeLabel')}</legend>
          <div className="actions">
            {choices.map((choice) => (
              <label key={choice} className="radio">
                <input type="radio" name={`${id}-scope`} checked={scope === choice} onChange={() => setFilter({ scope: choice })} />
                <span>{t(`logbook.scope.${choice}`)}</span>
              </label>
            ))}
          </div>
        </fieldset>
      )}
      <div className="field">
        <label htmlFor={`${id}-search`} className="field__label">{t('logbook.search')}</label>
        <p id={`${id}-search-hint`} className="field__hint">{t('logbook.searchHint')}</p>
        <input id={`${id}-search`} type="search" autoComplete="off" value={input.query} aria-describedby={`${id}-search-hint`}
          onChange={(event) => setFilter({ query: event.target.value })} />
      </div>
      <details className="logbook-filters__more">
        <summary>{t('logbook.filters')}</summary>
        <div className="stack">
          <div className="field">
            <label htmlFor={`${id}-kind`} className="field__label">{t('logbook.kind')}</label>
            <select id={`${id}-kind`} value={input.kind} onChange={(event) => setFilter({ kind: event.target.value as FieldLogKind | '' })}>
              <option value="">{t('logbook.allKinds')}</option>
              {orderedKinds.map((kind) => <option key={kind.kind} value={kind.kind}>{t(kind.name)}</option>)}
            </select>
          </div>
          <div className="logbook-filters__days">
            {([['fromText', 'logbook.from', badFrom], ['toText', 'logbook.to', badTo]] as const).map(([key, label, isBad]) => (
              <div key={key} className="field">
                <label htmlFor={`${id}-${key}`} className="field__label">{t(label)}</label>
                <input id={`${id}-${key}`} type="text" inputMode="numeric" placeholder="dd/mm/yyyy" autoComplete="off"
                  value={input[key]} aria-invalid={isBad} aria-describedby={isBad ? `${id}-${key}-error` : undefined}
                  onChange={(event) => setFilter({ [key]: event.target.value })} />
                {isBad && <p id={`${id}-${key}-error`} className="field__error">{t('logbook.badDay')}</p>}
              </div>
            ))}
          </div>
          <div className="field">
            <label htmlFor={`${id}-status`} className="field__label">{t('logbook.status')}</label>
            <select id={`${id}-status`} value={input.reviewStatus} onChange={(event) => setFilter({ reviewStatus: event.target.value as ReviewStatus | '' })}>
              <option value="">{t('logbook.allStatuses')}</option>
              {reviewStatuses.map((status) => <option key={status} value={status}>{t(`review.${status}`)}</option>)}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-sync`} className="field__label">{t('logbook.sync')}</label>
            <select id={`${id}-sync`} value={input.syncState} onChange={(event) => setFilter({ syncState: event.target.value as 'pending' | 'sent' | '' })}>
              <option value="">{t('logbook.syncAll')}</option>
              <option value="pending">{t('logbook.syncPending')}</option>
              <option value="sent">{t('logbook.syncSent')}</option>
            </select>
          </div>
          <button type="button" className="button button--small" onClick={clearFilter}>{t('logbook.clear')}</button>
        </div>
      </details>
    </div>
  );
}

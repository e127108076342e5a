/**
 * `/so-nhat-ky`: the logbook. A member sees their own entries; a leader their own or the team's;
 * commune police every entry their device holds (the commune's). Filters by kind, days, review
 * status and sync state walk indexes (db/logbook-repository.ts); the search ignores diacritics
 * and never reads the table per keystroke (hooks/use-logbook-search.ts); the list is virtualised
 * (components/logbook-list.tsx) so 10,000 entries scroll on a cheap phone.
 */
import '../entries.css';
import { useCallback, useMemo } from 'react';
import type { Profile } from '#src/shared/domain/account.ts';
import type { FieldLog } from '#src/shared/domain/field-log.ts';
import { useLogbookIds, type LogbookFilter } from '#src/client/db/logbook-repository.ts';
import { useMemberNames } from '#src/client/db/roster-repository.ts';
import { useT, type Translate } from '#src/client/i18n/i18n-context.tsx';
import { entrySearchText } from '../entry-summary.ts';
import { dayOfText } from '../draft-record.ts';
import { useLogbookSearch } from '../hooks/use-logbook-search.ts';
import { useLogbookStore, type LogbookFilterInput, type LogbookScopeChoice } from '../logbook-store.ts';
import { LogbookFilters } from './logbook-filters.tsx';
import { LogbookList } from './logbook-list.tsx';
import '#src/client/i18n/notebook-messages.ts';

/** The scopes a role may choose, the first being the default. */
export function scopeChoices(profile: Profile): LogbookScopeChoice[] {
  switch (profile.user.role) {
    case 'leader': return ['team', 'mine'];
    case 'commune-police':
    case 'province-admin': return ['all'];
    default: return ['mine'];
  }
}

function toFilter(input: LogbookFilterInput, profile: Profile, scope: LogbookScopeChoice): LogbookFilter {
  const teamId = profile.team?.id;
  return {
    scope: scope === 'all' ? { kind: 'all' }
      : scope === 'team' && teamId ? { kind: 'team', teamId }
      : { kind: 'member', memberId: profile.user.id },
    kind: input.kind === '' ? null : input.kind,
    fromDay: dayOfText(input.fromText),
    toDay: dayOfText(input.toText),
    reviewStatus: input.reviewStatus === '' ? null : input.reviewStatus,
    syncState: input.syncState === '' ? null : input.syncState,
  };
}

/** Author names from the team rosters the device holds, else the user's own name. */
function useAuthorName(profile: Profile, t: Translate): (entry: FieldLog) => string {
  const self = useMemo(() => ({ userId: profile.user.id, displayName: profile.user.displayName }), [profile.user.id, profile.user.displayName]);
  const names = useMemberNames(self);
  return useMemo(() => {
    const known = names ?? new Map([[self.userId, self.displayName]]);
    return (entry: FieldLog) => known.get(entry.memberId) ?? t('logbook.otherMember');
  }, [names, self, t]);
}

export function LogbookScreen({ profile }: { profile: Profile }) {
  const { t } = useT();
  const input = useLogbookStore((state) => state.filter);
  const choices = scopeChoices(profile);
  const scope = input.scope !== null && choices.includes(input.scope) ? input.scope : choices[0]!;
  const filter = useMemo(() => toFilter(input, profile, scope), [input, profile, scope]);
  const ids = useLogbookIds(filter);
  const authorOf = useAuthorName(profile, t);
  const textOf = useCallback((entry: FieldLog) => entrySearchText(entry, authorOf(entry), t), [authorOf, t]);
  const search = useLogbookSearch(ids, input.query, textOf);

  return (
    <section className="stack" aria-labelledby="logbook-title">
      <h1 id="logbook-title" tabIndex={-1}>{t('logbook.title')}</h1>
      <LogbookFilters choices={choices} scope={scope} />
      <p className="field__hint" aria-live="polite">
        {search.ids === undefined ? t('app.loading') : t('logbook.count', { count: search.ids.length })}
      </p>
      {search.ids !== undefined && (search.ids.length === 0
        ? <p className="empty">{t('logbook.empty')}</p>
        : <LogbookList ids={search.ids} authorOf={authorOf} />)}
    </section>
  );
}

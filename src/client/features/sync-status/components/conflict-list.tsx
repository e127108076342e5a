/**
 * Conflicts to settle (xung đột dữ liệu): for each contested field, every value it was given,
 * by whom and when, the current one marked. Whoever may settle it (the leader or commune police;
 * for two edits of the same field also the people who made them) picks one value per field; the
 * choice is saved as a synced change. Everyone else sees the conflict and who will settle it.
 */
import { useState } from 'react';
import type { Profile } from '#src/shared/domain/account.ts';
import type { Conflict } from '#src/shared/domain/conflict.ts';
import { formatInstant } from '#src/shared/domain/dates.ts';
import { useDatabase } from '#src/client/db/database-context.tsx';
import { resolveConflict, useOpenConflicts } from '#src/client/db/conflict-repository.ts';
import { useMemberNames } from '#src/client/db/org-repository.ts';
import { requestSync } from '#src/client/sync/sync-runner.ts';
import { useT, type Translate } from '#src/client/i18n/i18n-context.tsx';
import { fieldLabel, valueText } from './field-words.ts';
import '#src/client/i18n/notebook-messages.ts';

/** Who may settle a conflict on this device (the server checks the same). */
export function canResolve(conflict: Conflict, profile: Profile): boolean {
  const role = profile.user.role;
  if (role === 'leader' || role === 'commune-police') return true;
  return conflict.kind === 'concurrent-edit' && conflict.fields.some((field) => field.values.some((value) => value.userId === profile.user.id));
}

export function ConflictList({ profile }: { profile: Profile }) {
  const { t } = useT();
  const conflicts = useOpenConflicts();
  if (!conflicts) return null;
  return (
    <section className="stack" aria-labelledby="conflicts-title">
      <h2 id="conflicts-title">{t('conflict.title')}</h2>
      {conflicts.length === 0
        ? <p>{t('conflict.none')}</p>
        : <ul className="plain-list stack">{conflicts.map((conflict) => <li key={conflict.id}><ConflictCard conflict={conflict} profile={profile} /></li>)}</ul>}
    </section>
  );
}

function ConflictCard({ conflict, profile }: { conflict: Conflict; profile: Profile }) {
  const { t, language } = useT();
  const db = useDatabase();
  const names = useMemberNames();
  const [choices, setChoices] = useState<Record<string, number>>(() =>
    Object.fromEntries(conflict.fields.map((field) => [field.field, Math.max(0, field.values.findIndex((value) => value.isCurrent))])));
  const [error, setError] = useState<string | null>(null);
  const mayResolve = canResolve(conflict, profile);
  const headingId = `conflict-${conflict.id}`;
  const who = (userId: string | null) => (userId === profile.user.id ? t('conflict.you') : (userId && names?.get(userId)) || t('conflict.someone'));

  async function save(): Promise<void> {
    try {
      await resolveConflict(db, conflict, choices, profile.user.id);
      requestSync('conflict-resolved');
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : t('conflict.saveFailed'));
    }
  }

  return (
    <article className="card stack" aria-labelledby={headingId}>
      <h3 id={headingId}>{t(conflict.kind === 'edited-after-review' ? 'conflict.afterReview' : 'conflict.concurrent')}</h3>
      <p className="card__meta">{t('conflict.createdAt', { at: formatInstant(conflict.createdAt) })}</p>
      {conflict.fields.map((field) => (
        <fieldset key={field.field} className="stack">
          <legend className="field__label">{fieldLabel(field.field, t)}</legend>
          {field.values.map((value, index) => (
            <label key={index} className="radio">
              <input type="radio" name={`${conflict.id}-${field.field}`} checked={choices[field.field] === index} disabled={!mayResolve}
                onChange={() => setChoices({ ...choices, [field.field]: index })} />
              <span>
                <strong>{valueText(value.value, language, t)}</strong>
                {' · '}{describe(t, value.isCurrent, who(value.userId), value.at)}
              </span>
            </label>
          ))}
        </fieldset>
      ))}
      {mayResolve
        ? <button type="button" className="button button--primary" onClick={() => void save()}>{t('conflict.save')}</button>
        : <p>{t('conflict.waitForLeader')}</p>}
      {error && <p role="alert" className="alert alert--error">{error}</p>}
    </article>
  );
}

function describe(t: Translate, isCurrent: boolean, who: string, at: string): string {
  return t(isCurrent ? 'conflict.currentBy' : 'conflict.offeredBy', { who, at: formatInstant(at) });
}

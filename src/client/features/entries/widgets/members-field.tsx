/**
 * Choosing the team members who took part (a patrol): checkboxes over the team roster the device
 * holds, the author ticked from the start. Members of an older entry who left the roster stay
 * listed so that an edit does not drop them silently.
 */
import { useMemo } from 'react';
import { useRoster } from '#src/client/db/roster-repository.ts';
import { useT } from '#src/client/i18n/i18n-context.tsx';
import { readIds } from '../draft-values.ts';
import type { SpecOf, WidgetProps } from './widget-props.ts';
import '#src/client/i18n/notebook-messages.ts';

export function MembersField({ field, values, setValue, error, inputId, context }: WidgetProps<SpecOf<'members'>>) {
  const { t } = useT();
  const { user, team } = context.profile;
  const self = useMemo(() => ({ userId: user.id, displayName: user.displayName }), [user.id, user.displayName]);
  const roster = useRoster(team?.id ?? null, self);
  const selectedIds = readIds(values, field.key);
  const people = [...(roster ?? [self])];
  for (const id of selectedIds) if (!people.some((person) => person.userId === id)) people.push({ userId: id, displayName: t('logbook.otherMember') });
  const errorId = error ? `${inputId}-error` : undefined;

  function toggle(userId: string, isChecked: boolean): void {
    setValue(field.key, isChecked ? [...selectedIds, userId] : selectedIds.filter((id) => id !== userId));
  }

  return (
    <fieldset className={error ? 'field field--invalid' : 'field'} aria-describedby={errorId}>
      <legend className="field__label">{t(field.label)}</legend>
      {roster && roster.length === 1 && <p className="field__hint">{t('members.rosterMissing')}</p>}
      {people.map((person, index) => (
        <label key={person.userId} className="checkbox">
          <input id={index === 0 ? inputId : undefined} type="checkbox" checked={selectedIds.includes(person.userId)}
            aria-invalid={Boolean(error)} onChange={(event) => toggle(person.userId, event.target.checked)} />
          <span>{person.userId === user.id ? t('members.me', { name: person.displayName }) : person.displayName}</span>
        </label>
      ))}
      {error && <p id={errorId} className="field__error">{error}</p>}
    </fieldset>
  );
}

/**
 * A checklist filled in an entry. A new entry takes the commune's current template for the kind
 * (or the shipped default) and copies its items, labels included; an existing entry shows the
 * items it was filled with, whatever the template has become since. A required item saved
 * unchecked asks, beside it, for a note saying why.
 */
import { useEffect } from 'react';
import type { ChecklistAnswer, ChecklistAnswerItem } from '#src/shared/domain/checklist.ts';
import { answerFromTemplate } from '#src/shared/domain/checklist.ts';
import { useTemplateForKind } from '#src/client/db/checklist-template-repository.ts';
import { useT } from '#src/client/i18n/i18n-context.tsx';
import { readChecklist } from '../draft-values.ts';
import type { SpecOf, WidgetProps } from './widget-props.ts';

export function ChecklistField({ field, values, setValue, errors, inputId, context }: WidgetProps<SpecOf<'checklist'>>) {
  const { t } = useT();
  const template = useTemplateForKind(context.communeId, field.appliesTo);
  const answer = readChecklist(values, field.key);
  useEffect(() => {
    if (answer === null && template !== undefined) setValue(field.key, answerFromTemplate(template));
  }, [answer, template, field.key, setValue]);

  if (answer === null) return <p>{t('checklist.loading')}</p>;

  function updateItem(index: number, change: Partial<ChecklistAnswerItem>): void {
    const current = answer as ChecklistAnswer;
    setValue(field.key, { ...current, items: current.items.map((item, i) => (i === index ? { ...item, ...change } : item)) });
  }

  return (
    <fieldset className="field checklist">
      <legend className="field__label">{t(field.label)}</legend>
      <ul className="checklist__items">
        {answer.items.map((item, index) => {
          const error = errors[`${field.key}.items.${index}.note`];
          const noteId = `${inputId}-note-${index}`;
          const errorId = error ? `${noteId}-error` : undefined;
          // A note is asked for when a required item is saved unchecked (its message), or kept once written.
          const needsNote = item.note !== '' || Boolean(error);
          return (
            <li key={item.itemId} className={error ? 'checklist__item field--invalid' : 'checklist__item'}>
              <label className="checkbox">
                <input id={index === 0 ? inputId : `${inputId}-item-${index}`} type="checkbox" checked={item.isChecked}
                  onChange={(event) => updateItem(index, { isChecked: event.target.checked })} />
                <span>
                  {item.label}
                  {item.isRequired && <span className="checklist__required"> ({t('checklist.required')})</span>}
                </span>
              </label>
              {needsNote && (
                <div className="checklist__note">
                  <label htmlFor={noteId} className="field__sublabel">{t('checklist.noteLabel', { label: item.label })}</label>
                  <input id={noteId} type="text" value={item.note} aria-invalid={Boolean(error)} aria-describedby={errorId}
                    onChange={(event) => updateItem(index, { note: event.target.value })} />
                  {error && <p id={errorId} className="field__error">{error}</p>}
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}

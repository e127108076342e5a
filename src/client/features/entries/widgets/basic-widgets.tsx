/**
 * The plain widgets: text, long text, number, day (dd/MM/yyyy), time (a day and HH:mm in
 * Vietnam, with "now"), select and yes/no. Each is labelled, says its hint and error beside the
 * control, and marks the control invalid (aria-invalid, red border) while the error stands.
 */
import { formatDay } from '#src/shared/domain/dates.ts';
import { Field } from '#src/client/components/field.tsx';
import { useT } from '#src/client/i18n/i18n-context.tsx';
import { dayOfText } from '../draft-record.ts';
import { readText, readTime, timeTextOf } from '../draft-values.ts';
import type { SpecOf, WidgetProps } from './widget-props.ts';
import '#src/client/i18n/notebook-messages.ts';

export function TextWidget({ field, values, setValue, error, inputId }: WidgetProps<SpecOf<'text' | 'longText' | 'number'>>) {
  const { t } = useT();
  const value = readText(values, field.key);
  const listId = field.widget === 'text' && field.suggestions ? `${inputId}-suggestions` : undefined;
  return (
    <Field id={inputId} label={t(field.label)} hint={field.hint ? t(field.hint) : undefined} error={error}>
      {(control) => field.widget === 'longText' ? (
        <textarea {...control} rows={3} value={value} onChange={(event) => setValue(field.key, event.target.value)} />
      ) : (
        <>
          <input {...control} type="text" value={value} list={listId} autoComplete="off"
            inputMode={field.widget === 'number' ? 'numeric' : undefined}
            className={field.widget === 'number' ? 'input--short' : undefined}
            onChange={(event) => setValue(field.key, event.target.value)} />
          {listId && field.widget === 'text' && (
            <datalist id={listId}>{field.suggestions?.map((option) => <option key={option} value={option} />)}</datalist>
          )}
        </>
      )}
    </Field>
  );
}

export function DayWidget({ field, values, setValue, error, inputId }: WidgetProps<SpecOf<'day'>>) {
  const { t } = useT();
  const value = readText(values, field.key);
  return (
    <Field id={inputId} label={t(field.label)} hint={field.hint ? t(field.hint) : undefined} error={error}>
      {(control) => (
        <input {...control} type="text" inputMode="numeric" autoComplete="off" placeholder="dd/mm/yyyy"
          className="input--day" value={value}
          onChange={(event) => setValue(field.key, event.target.value)}
          onBlur={() => {
            // Show "05032026" as the day it means.
            const day = dayOfText(value);
            if (day) setValue(field.key, formatDay(day));
          }} />
      )}
    </Field>
  );
}

/** A day and a time side by side in one group; the group's label names both. */
export function TimeWidget({ field, values, setValue, error, inputId }: WidgetProps<SpecOf<'time'>>) {
  const { t } = useT();
  const value = readTime(values, field.key);
  const label = t(field.label);
  const hintId = field.hint ? `${inputId}-hint` : undefined;
  const errorId = error ? `${inputId}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  const update = (part: 'day' | 'time', text: string) => setValue(field.key, { ...value, [part]: text });
  return (
    <fieldset className={error ? 'field field--invalid' : 'field'} aria-describedby={describedBy}>
      <legend className="field__label">{label}</legend>
      {field.hint && <p id={hintId} className="field__hint">{t(field.hint)}</p>}
      <div className="time-inputs">
        <label className="time-inputs__part">
          <span className="field__sublabel">{t('field.day')}</span>
          <input id={inputId} type="text" inputMode="numeric" autoComplete="off" placeholder="dd/mm/yyyy" value={value.day}
            aria-label={`${label}: ${t('field.day')}`} aria-invalid={Boolean(error)} aria-describedby={describedBy}
            onChange={(event) => update('day', event.target.value)}
            onBlur={() => {
              const day = dayOfText(value.day);
              if (day) update('day', formatDay(day));
            }} />
        </label>
        <label className="time-inputs__part">
          <span className="field__sublabel">{t('field.time')}</span>
          <input type="text" inputMode="numeric" autoComplete="off" placeholder="hh:mm" value={value.time}
            aria-label={`${label}: ${t('field.time')}`} aria-invalid={Boolean(error)} aria-describedby={describedBy}
            className="input--short" onChange={(event) => update('time', event.target.value)} />
        </label>
        <button type="button" className="button button--small" aria-label={`${label}: ${t('time.nowButton')}`}
          onClick={() => setValue(field.key, timeTextOf(new Date()))}>{t('time.nowButton')}</button>
      </div>
      {error && <p id={errorId} className="field__error">{error}</p>}
    </fieldset>
  );
}

export function SelectWidget({ field, values, setValue, error, inputId }: WidgetProps<SpecOf<'select'>>) {
  const { t } = useT();
  return (
    <Field id={inputId} label={t(field.label)} hint={field.hint ? t(field.hint) : undefined} error={error}>
      {(control) => (
        <select {...control} value={readText(values, field.key)} onChange={(event) => setValue(field.key, event.target.value)}>
          <option value="">{t('field.choose')}</option>
          {field.options.map((option) => <option key={option} value={option}>{t(field.optionLabel(option))}</option>)}
        </select>
      )}
    </Field>
  );
}

export function YesNoWidget({ field, values, setValue, error, inputId }: WidgetProps<SpecOf<'yesNo'>>) {
  const { t } = useT();
  const errorId = error ? `${inputId}-error` : undefined;
  return (
    <div className={error ? 'field field--invalid' : 'field'}>
      <label className="checkbox">
        <input id={inputId} type="checkbox" checked={values[field.key] === true} aria-invalid={Boolean(error)}
          aria-describedby={errorId} onChange={(event) => setValue(field.key, event.target.checked)} />
        <span>{t(field.label)}</span>
      </label>
      {error && <p id={errorId} className="field__error">{error}</p>}
    </div>
  );
}

/**
 * The editor's labelled controls, each addressed by the path of the plan field it edits
 * ("indicators.2.target.value"): its id comes from the path, so the error summary can focus it,
 * and its message is the one placed at that path (plan-errors.ts).
 */
import type { ReactNode } from 'react';
import { Field } from '#src/client/components/field.tsx';

export interface FieldContext {
  idOf: (path: string) => string;
  errorAt: (path: string) => string | undefined;
}

interface Common {
  ctx: FieldContext;
  path: string;
  label: string;
  hint?: string | undefined;
}

export function TextField({ ctx, path, label, hint, value, onChange, isMultiline = false, isShort = false, placeholder }: Common & {
  value: string;
  onChange: (value: string) => void;
  isMultiline?: boolean;
  isShort?: boolean;
  placeholder?: string;
}) {
  return (
    <Field id={ctx.idOf(path)} label={label} hint={hint} error={ctx.errorAt(path)}>
      {(control) => (isMultiline
        ? <textarea {...control} rows={3} value={value} onChange={(event) => onChange(event.target.value)} />
        : <input {...control} type="text" autoComplete="off" className={isShort ? 'input--short' : undefined} placeholder={placeholder}
          value={value} onChange={(event) => onChange(event.target.value)} />)}
    </Field>
  );
}

/** A day typed as dd/MM/yyyy (the form keeps the text until it is a real day). */
export function DayField(props: Common & { value: string; onChange: (value: string) => void }) {
  return <TextField {...props} isShort placeholder="dd/mm/yyyy" />;
}

export function SelectField<Value extends string>({ ctx, path, label, hint, value, options, placeholder, onChange }: Common & {
  value: Value | '';
  options: ReadonlyArray<readonly [Value, string]>;
  placeholder?: string;
  onChange: (value: Value) => void;
}) {
  const isKnown = options.some(([option]) => option === value);
  return (
    <Field id={ctx.idOf(path)} label={label} hint={hint} error={ctx.errorAt(path)}>
      {(control) => (
        <select {...control} value={isKnown ? value : ''} onChange={(event) => onChange(event.target.value as Value)}>
          {(placeholder !== undefined || !isKnown) && <option value="">{placeholder ?? '—'}</option>}
          {options.map(([option, text]) => <option key={option} value={option}>{text}</option>)}
        </select>
      )}
    </Field>
  );
}

export function CheckboxField({ ctx, path, label, checked, onChange }: Common & { checked: boolean; onChange: (checked: boolean) => void }) {
  const error = ctx.errorAt(path);
  const errorId = error ? `${ctx.idOf(path)}-error` : undefined;
  return (
    <div className="field">
      <label className="checkbox" htmlFor={ctx.idOf(path)}>
        <input id={ctx.idOf(path)} type="checkbox" checked={checked} aria-invalid={Boolean(error)} aria-describedby={errorId}
          onChange={(event) => onChange(event.target.checked)} />
        <span>{label}</span>
      </label>
      {error && <p id={errorId} className="field__error">{error}</p>}
    </div>
  );
}

/** A group of checkboxes for a list of choices (none chosen means "all", as the legend says). */
export function ChoiceList<Value extends string>({ ctx, path, label, chosen, options, onChange }: Common & {
  chosen: readonly Value[];
  options: ReadonlyArray<readonly [Value, string]>;
  onChange: (chosen: Value[]) => void;
}) {
  const error = ctx.errorAt(path);
  return (
    <fieldset className="field" id={ctx.idOf(path)}>
      <legend className="field__label">{label}</legend>
      {options.map(([option, text]) => (
        <label key={option} className="checkbox">
          <input type="checkbox" checked={chosen.includes(option)}
            onChange={(event) => onChange(event.target.checked ? [...chosen, option] : chosen.filter((c) => c !== option))} />
          <span>{text}</span>
        </label>
      ))}
      {error && <p className="field__error">{error}</p>}
    </fieldset>
  );
}

/** A row's own message (a rule about the whole row), under its heading. */
export function RowError({ ctx, path }: { ctx: FieldContext; path: string }): ReactNode {
  const error = ctx.errorAt(path);
  return error ? <p id={ctx.idOf(path)} tabIndex={-1} className="field__error">{error}</p> : null;
}

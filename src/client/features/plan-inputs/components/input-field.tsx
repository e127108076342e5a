/** A labelled control with its error sentence beside it (aria-invalid, aria-describedby). */
import type { ReactElement } from 'react';
import { cloneElement } from 'react';

export function InputField({ id, label, error, children }: {
  id: string;
  label: string;
  error: string | undefined;
  /** The control: it gets the id and the error's wiring. */
  children: ReactElement<{ id?: string; 'aria-invalid'?: boolean; 'aria-describedby'?: string }>;
}) {
  const errorId = `${id}-error`;
  return (
    <div className={error ? 'field field--invalid' : 'field'}>
      <label htmlFor={id} className="field__label">{label}</label>
      {cloneElement(children, { id, 'aria-invalid': Boolean(error), ...(error ? { 'aria-describedby': errorId } : {}) })}
      {error && <p id={errorId} className="field__error">{error}</p>}
    </div>
  );
}

/** A 6-digit PIN input: the phone's number pad, hidden digits, never autofilled. */
import type { Ref } from 'react';
import type { FieldControlProps } from '#src/client/components/field.tsx';

/** What a PIN field keeps of what was typed: its first 6 digits. */
export const pinDigits = (text: string) => text.replace(/\D/g, '').slice(0, 6);

export function PinInput({ control, value, onChange, inputRef, autoFocus }: {
  control: FieldControlProps;
  value: string;
  onChange: (value: string) => void;
  inputRef?: Ref<HTMLInputElement>;
  autoFocus?: boolean;
}) {
  return (
    <input {...control} ref={inputRef} type="password" inputMode="numeric" pattern="[0-9]*" maxLength={6} autoComplete="off"
      autoFocus={autoFocus} className="pin-input" value={value} onChange={(event) => onChange(pinDigits(event.target.value))} />
  );
}

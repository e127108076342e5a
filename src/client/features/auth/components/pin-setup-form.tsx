/**
 * After an online login, before anything of the account shows: the account chooses the 6-digit
 * PIN that opens the app on this phone (app-lock.ts). The caller stores it with the password.
 */
import { useId, useRef, useState, type FormEvent } from 'react';
import { isValidPin } from '#src/client/db/app-lock.ts';
import { Field } from '#src/client/components/field.tsx';
import { useT } from '#src/client/i18n/i18n-context.tsx';
import { PinInput } from './pin-input.tsx';

export function PinSetupForm({ onSubmit }: { onSubmit: (pin: string) => Promise<void> }) {
  const { t } = useT();
  const id = useId();
  const [pin, setPin] = useState('');
  const [again, setAgain] = useState('');
  const [errors, setErrors] = useState<{ pin?: string; again?: string }>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const pinRef = useRef<HTMLInputElement>(null);
  const againRef = useRef<HTMLInputElement>(null);

  async function handleSubmit(event: FormEvent): Promise<void> {
    event.preventDefault();
    const found = {
      pin: isValidPin(pin) ? undefined : t('lock.pinInvalid'),
      again: isValidPin(pin) && pin !== again ? t('lock.pinMismatch') : undefined,
    };
    setErrors(found);
    setFailure(null);
    if (found.pin) return pinRef.current?.focus();
    if (found.again) return againRef.current?.focus();
    setIsBusy(true);
    try {
      await onSubmit(pin);
    } catch {
      setIsBusy(false);
      setFailure(t('lock.failed'));
    }
  }

  return (
    <section className="stack login" aria-labelledby={`${id}-title`}>
      <h1 id={`${id}-title`} tabIndex={-1}>{t('lock.setTitle')}</h1>
      <p>{t('lock.setIntro')}</p>
      <form className="stack" noValidate onSubmit={handleSubmit}>
        <Field id={`${id}-pin`} label={t('lock.pin')} error={errors.pin}>
          {(control) => <PinInput control={control} inputRef={pinRef} value={pin} onChange={setPin} autoFocus />}
        </Field>
        <Field id={`${id}-again`} label={t('lock.pinAgain')} error={errors.again}>
          {(control) => <PinInput control={control} inputRef={againRef} value={again} onChange={setAgain} />}
        </Field>
        <div role="alert" className={failure ? 'alert alert--error' : 'visually-hidden'}>{failure ?? ''}</div>
        <button type="submit" className="button button--primary button--block" disabled={isBusy}>
          {isBusy ? t('lock.saving') : t('lock.setSubmit')}
        </button>
      </form>
    </section>
  );
}

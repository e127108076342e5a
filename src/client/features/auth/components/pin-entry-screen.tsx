/**
 * The locked app (app-lock.ts): opening it, coming back after 5 minutes in the background, or
 * choosing an account on a shared phone asks for that account's PIN. Nothing of the account
 * shows meanwhile. Five wrong PINs lock the account's data until an online login.
 */
import { useId, useRef, useState, type FormEvent } from 'react';
import { isValidPin, unlockWithPin } from '#src/client/db/app-lock.ts';
import { leaveActiveAccount } from '#src/client/db/account-repository.ts';
import { useDevice } from '#src/client/db/device-context.tsx';
import type { DeviceAccount } from '#src/client/db/device-database.ts';
import { Field } from '#src/client/components/field.tsx';
import { useFirstScreen } from '#src/client/components/first-screen-takeover.ts';
import { useT } from '#src/client/i18n/i18n-context.tsx';
import { PinInput, pinDigits } from './pin-input.tsx';

export function PinEntryScreen({ account }: { account: DeviceAccount }) {
  const { t } = useT();
  const device = useDevice();
  const id = useId();
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [isBusy, setIsBusy] = useState(false);
  const pinRef = useRef<HTMLInputElement>(null);

  function handleSubmit(event: FormEvent): void {
    event.preventDefault();
    void submit(pin);
  }

  async function submit(typed: string): Promise<void> {
    if (!isValidPin(typed)) {
      setError(t('lock.pinInvalid'));
      return pinRef.current?.focus();
    }
    setIsBusy(true);
    setError(undefined);
    // Unlocked or locked out, the app shows another screen; only a wrong PIN stays here.
    const outcome = await unlockWithPin(device, account.userId, typed);
    if (outcome.status !== 'wrong') return;
    setIsBusy(false);
    setPin('');
    setError(t('lock.wrong', { remaining: outcome.remaining }));
    pinRef.current?.focus();
  }

  // The PIN screen index.html showed while the app loaded: what was typed there, and a press of
  // its buttons, carry on here.
  useFirstScreen('pin', ({ values, focused, action }) => {
    const typed = pinDigits(values.pin ?? '');
    setPin(typed);
    if (focused) pinRef.current?.focus();
    if (action === 'submit') void submit(typed);
    else if (action === 'other-account') void leaveActiveAccount(device);
  });

  return (
    <section className="stack login" aria-labelledby={`${id}-title`}>
      <h1 id={`${id}-title`} tabIndex={-1}>{t('lock.title')}</h1>
      <p>{t('lock.intro', { name: account.displayName || account.username })}</p>
      <form className="stack" noValidate onSubmit={handleSubmit}>
        <Field id={`${id}-pin`} label={t('lock.pin')} error={error}>
          {(control) => <PinInput control={control} inputRef={pinRef} value={pin} onChange={setPin} autoFocus />}
        </Field>
        <button type="submit" className="button button--primary button--block" disabled={isBusy}>
          {isBusy ? t('lock.unlocking') : t('lock.submit')}
        </button>
      </form>
      <button type="button" className="button button--block" onClick={() => void leaveActiveAccount(device)}>{t('lock.otherAccount')}</button>
    </section>
  );
}

/**
 * "Đặt mật khẩu mới": shown instead of the login form when the server says the account must set
 * a new password (a new account, or after commune police reset it). The new password goes with
 * the current one to the change-password route, which answers a normal login.
 */
import { useState, type FormEvent } from 'react';
import { adminPaths, changePasswordRequestSchema, PASSWORD_MIN_LENGTH } from '#src/shared/domain/admin.ts';
import { loginResponseSchema, type LoginResponse } from '#src/shared/domain/account.ts';
import { apiRequest, ApiRequestError } from '#src/client/api/api-client.ts';
import { Field } from '#src/client/components/field.tsx';
import { useT } from '#src/client/i18n/i18n-context.tsx';

export function PasswordChangeForm({ username, currentPassword, message, onChanged }: {
  username: string;
  currentPassword: string;
  /** The server's words for why a new password is needed. */
  message: string;
  onChanged: (answer: LoginResponse, newPassword: string) => Promise<void>;
}) {
  const { t } = useT();
  const [newPassword, setNewPassword] = useState('');
  const [again, setAgain] = useState('');
  const [errors, setErrors] = useState<{ newPassword?: string | undefined; again?: string | undefined }>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    const found = {
      newPassword: newPassword.length < PASSWORD_MIN_LENGTH ? t('auth.newPasswordShort') : undefined,
      again: again !== newPassword ? t('auth.newPasswordMismatch') : undefined,
    };
    setErrors(found);
    setFailure(null);
    if (found.newPassword || found.again) return;
    setIsBusy(true);
    try {
      const body = changePasswordRequestSchema.parse({ username, currentPassword, newPassword });
      await onChanged(await apiRequest({ method: 'POST', path: adminPaths.changePassword, body, schema: loginResponseSchema }), newPassword);
    } catch (error) {
      setIsBusy(false);
      if (error instanceof ApiRequestError && error.fieldMessage('newPassword')) return setErrors({ newPassword: error.fieldMessage('newPassword') });
      setFailure(error instanceof ApiRequestError ? error.message : t('auth.serverError'));
    }
  }

  return (
    <section className="stack login" aria-labelledby="change-title">
      <h1 id="change-title" tabIndex={-1}>{t('auth.changeTitle')}</h1>
      <p className="alert alert--info">{message}</p>
      <p>{t('auth.changeIntro')}</p>
      <form className="stack" noValidate onSubmit={(event) => void submit(event)}>
        <Field id="change-new" label={t('auth.newPassword')} error={errors.newPassword}>
          {(control) => <input {...control} type="password" autoComplete="new-password" value={newPassword} onChange={(event) => setNewPassword(event.target.value)} />}
        </Field>
        <Field id="change-again" label={t('auth.newPasswordAgain')} error={errors.again}>
          {(control) => <input {...control} type="password" autoComplete="new-password" value={again} onChange={(event) => setAgain(event.target.value)} />}
        </Field>
        <div role="alert" className={failure ? 'alert alert--error' : 'visually-hidden'}>{failure ?? ''}</div>
        <button type="submit" className="button button--primary button--block" disabled={isBusy}>{t('auth.changeSubmit')}</button>
      </form>
    </section>
  );
}

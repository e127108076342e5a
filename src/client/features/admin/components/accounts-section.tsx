/**
 * The accounts working for a unit: each with its role, position and state, and (opened on
 * demand) rename, move to another team, disable or enable, reset the password, and its
 * signed-in devices; then a form to add an account (it must set its own password at first login).
 */
import { useState, type FormEvent } from 'react';
import { adminPaths, pathFor, type AdminAccount } from '#src/shared/domain/admin.ts';
import { teamPositions, type Role } from '#src/shared/domain/account.ts';
import { Field } from '#src/client/components/field.tsx';
import { SessionsPanel } from '#src/client/components/session-list.tsx';
import { useT } from '#src/client/i18n/i18n-context.tsx';
import type { MessageKey } from '#src/client/i18n/vi.ts';
import { useAdminAction } from '../use-admin-action.ts';
import type { SectionProps } from './unit-page.tsx';
import '#src/client/i18n/feature-messages.ts';

const isTeamRole = (role: string) => role === 'member' || role === 'leader';

function TeamAndPosition({ prefix, detail, teamId, setTeamId, position, setPosition, error }: Pick<SectionProps, 'detail'> & {
  prefix: string; teamId: string; setTeamId: (id: string) => void; position: string; setPosition: (p: string) => void; error?: string | undefined;
}) {
  const { t } = useT();
  return (
    <>
      <Field id={`${prefix}-team`} label={t('admin.team')} error={error}>
        {(control) => (
          <select {...control} value={teamId} onChange={(event) => setTeamId(event.target.value)}>
            {detail.teams.map((team) => <option key={team.id} value={team.id}>{team.name}</option>)}
          </select>
        )}
      </Field>
      <Field id={`${prefix}-position`} label={t('admin.position')}>
        {(control) => (
          <select {...control} value={position} onChange={(event) => setPosition(event.target.value)}>
            {teamPositions.map((p) => <option key={p} value={p}>{t(`admin.position.${p}` as MessageKey)}</option>)}
          </select>
        )}
      </Field>
    </>
  );
}

function AccountActions({ token, detail, reload, account }: SectionProps & { account: AdminAccount }) {
  const { t } = useT();
  const action = useAdminAction(token, reload);
  const [name, setName] = useState(account.displayName);
  const [teamId, setTeamId] = useState(account.teamId ?? detail.teams[0]?.id ?? '');
  const [position, setPosition] = useState<string>(account.position ?? 'member');
  const [temporary, setTemporary] = useState('');
  const [notice, setNotice] = useState('');
  const id = account.id;
  const done = (message: string) => (isOk: boolean) => setNotice(isOk ? message : '');
  return (
    <div className="stack">
      <div role="status">{notice}</div>
      {action.error && <p className="alert alert--error" role="alert">{action.error.message}</p>}
      <form className="stack" noValidate onSubmit={(event) => { event.preventDefault(); void action.run('PATCH', pathFor(adminPaths.account, id), { displayName: name }).then(done(t('admin.saved'))); }}>
        <Field id={`${id}-name`} label={t('admin.displayName')}>{(control) => <input {...control} type="text" value={name} onChange={(event) => setName(event.target.value)} />}</Field>
        <button type="submit" className="button" disabled={action.isBusy}>{t('admin.rename')}</button>
      </form>
      {account.teamId && detail.teams.length > 0 && (
        <form className="stack" noValidate onSubmit={(event) => { event.preventDefault(); void action.run('POST', pathFor(adminPaths.accountMove, id), { teamId, position }).then(done(t('admin.saved'))); }}>
          <TeamAndPosition prefix={`${id}-move`} detail={detail} teamId={teamId} setTeamId={setTeamId} position={position} setPosition={setPosition} />
          <button type="submit" className="button" disabled={action.isBusy}>{t('admin.move')}</button>
        </form>
      )}
      <form className="stack" noValidate onSubmit={(event) => { event.preventDefault(); void action.run('POST', pathFor(adminPaths.accountResetPassword, id), { temporaryPassword: temporary }).then(done(t('admin.resetDone'))); }}>
        <Field id={`${id}-temporary`} label={t('admin.temporaryPassword')} error={action.error?.fieldMessage('temporaryPassword')}>
          {(control) => <input {...control} type="text" autoComplete="new-password" value={temporary} onChange={(event) => setTemporary(event.target.value)} />}
        </Field>
        <button type="submit" className="button" disabled={action.isBusy}>{t('admin.resetPassword')}</button>
      </form>
      <button type="button" className={account.isDisabled ? 'button' : 'button button--danger'} disabled={action.isBusy}
        onClick={() => void action.run('POST', pathFor(account.isDisabled ? adminPaths.accountEnable : adminPaths.accountDisable, id)).then(done(t('admin.saved')))}>
        {account.isDisabled ? t('admin.enable') : t('admin.disable')}
      </button>
      <h4>{t('admin.sessions')}</h4>
      <SessionsPanel token={token} listPath={pathFor(adminPaths.accountSessions, id)} endPath={(sessionId) => pathFor(adminPaths.session, sessionId)} revokePath={(sessionId) => pathFor(adminPaths.sessionRevoke, sessionId)} />
    </div>
  );
}

function AddAccountForm({ token, detail, reload }: SectionProps) {
  const { t } = useT();
  const roles = detail.rights.assignableRoles.filter((role) => !isTeamRole(role) || detail.teams.length > 0);
  const [form, setForm] = useState({ username: '', displayName: '', role: (roles[0] ?? 'member') as Role, password: '' });
  const [teamId, setTeamId] = useState(detail.teams[0]?.id ?? '');
  const [position, setPosition] = useState('member');
  const action = useAdminAction(token, reload);
  if (roles.length === 0) return null;
  const set = (key: keyof typeof form) => (value: string) => setForm({ ...form, [key]: value });
  const error = (path: string) => action.error?.fieldMessage(path);
  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    const place = isTeamRole(form.role) ? { teamId, position } : { orgUnitId: detail.unit.id };
    if (await action.run('POST', adminPaths.accounts, { ...form, ...place })) setForm({ ...form, username: '', displayName: '', password: '' });
  }
  return (
    <form className="stack" noValidate onSubmit={(event) => void submit(event)} aria-labelledby="add-account-title">
      <h3 id="add-account-title">{t('admin.addAccount')}</h3>
      {action.error && action.error.fields.length === 0 && <p className="alert alert--error" role="alert">{action.error.message}</p>}
      <Field id="new-username" label={t('admin.username')} error={error('username')}>
        {(control) => <input {...control} type="text" autoCapitalize="none" spellCheck={false} value={form.username} onChange={(event) => set('username')(event.target.value)} />}
      </Field>
      <Field id="new-name" label={t('admin.displayName')} error={error('displayName')}>
        {(control) => <input {...control} type="text" value={form.displayName} onChange={(event) => set('displayName')(event.target.value)} />}
      </Field>
      <Field id="new-role" label={t('admin.role')}>
        {(control) => (
          <select {...control} value={form.role} onChange={(event) => set('role')(event.target.value)}>
            {roles.map((role) => <option key={role} value={role}>{t(`admin.role.${role}` as MessageKey)}</option>)}
          </select>
        )}
      </Field>
      {isTeamRole(form.role) && <TeamAndPosition prefix="new" detail={detail} teamId={teamId} setTeamId={setTeamId} position={position} setPosition={setPosition} error={error('teamId') ?? error('position')} />}
      <Field id="new-password" label={t('admin.firstPassword')} hint={t('admin.firstPasswordHint')} error={error('password')}>
        {(control) => <input {...control} type="text" autoComplete="new-password" value={form.password} onChange={(event) => set('password')(event.target.value)} />}
      </Field>
      <button type="submit" className="button button--primary" disabled={action.isBusy}>{t('admin.addAccount')}</button>
    </form>
  );
}

export function AccountsSection(props: SectionProps) {
  const { t } = useT();
  const { detail } = props;
  // One account's tools at a time: they load that account's devices from the server.
  const [openId, setOpenId] = useState<string | null>(null);
  return (
    <section className="card stack" aria-labelledby="accounts-title">
      <h2 id="accounts-title">{t('admin.accounts')}</h2>
      {detail.accounts.length === 0 && <p>{t('admin.noAccounts')}</p>}
      <ul className="stack">
        {detail.accounts.map((account) => (
          <li key={account.id} className="card stack">
            <p className="card__title">{account.displayName} <span className="card__meta">({account.username})</span></p>
            <p className="card__meta">
              {t(`admin.role.${account.role}` as MessageKey)}
              {account.position && account.position !== account.role ? ` · ${t(`admin.position.${account.position}` as MessageKey)}` : ''}
              {account.isDisabled ? ` · ${t('admin.disabled')}` : ''}
              {account.mustChangePassword ? ` · ${t('admin.mustChange')}` : ''}
            </p>
            {detail.rights.assignableRoles.length > 0 && (
              <button type="button" className="button button--small" aria-expanded={openId === account.id}
                onClick={() => setOpenId(openId === account.id ? null : account.id)}>
                {t('admin.manage', { name: account.displayName })}
              </button>
            )}
            {openId === account.id && <AccountActions {...props} account={account} />}
          </li>
        ))}
      </ul>
      <AddAccountForm {...props} />
    </section>
  );
}

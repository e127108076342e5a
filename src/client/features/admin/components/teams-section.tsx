/**
 * A commune's teams: each with its hamlets, founding day and members; which team covers each
 * hamlet (moving a hamlet republishes both teams to devices); renaming a team or correcting its
 * founding day; and a form to add a team.
 */
import { useState, type FormEvent } from 'react';
import { adminPaths, pathFor, type AdminTeam } from '#src/shared/domain/admin.ts';
import { formatDay, parseDisplayDay } from '#src/shared/domain/dates.ts';
import { Field } from '#src/client/components/field.tsx';
import { useT } from '#src/client/i18n/i18n-context.tsx';
import type { MessageKey } from '#src/client/i18n/vi.ts';
import { useAdminAction } from '../use-admin-action.ts';
import type { SectionProps } from './unit-page.tsx';
import '#src/client/i18n/feature-messages.ts';

function AddTeamForm({ token, detail, reload }: SectionProps) {
  const { t } = useT();
  const [name, setName] = useState('');
  const [day, setDay] = useState('');
  const [dayError, setDayError] = useState<string | undefined>();
  const action = useAdminAction(token, reload);
  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    const establishedOn = day.trim() === '' ? null : parseDisplayDay(day);
    setDayError(day.trim() !== '' && !establishedOn ? t('admin.establishedOnBad') : undefined);
    if (day.trim() !== '' && !establishedOn) return;
    if (await action.run('POST', adminPaths.teams, { communeId: detail.unit.id, name, establishedOn })) {
      setName('');
      setDay('');
    }
  }
  return (
    <form className="stack" noValidate onSubmit={(event) => void submit(event)} aria-label={t('admin.addTeam')}>
      <Field id="team-name" label={t('admin.teamName')} error={action.error?.fieldMessage('name') ?? (action.error && action.error.fields.length === 0 ? action.error.message : undefined)}>
        {(control) => <input {...control} type="text" value={name} onChange={(event) => setName(event.target.value)} />}
      </Field>
      <Field id="team-established" label={t('admin.establishedOn')} error={dayError}>
        {(control) => <input {...control} type="text" inputMode="numeric" placeholder="01/07/2024" value={day} onChange={(event) => setDay(event.target.value)} />}
      </Field>
      <button type="submit" className="button" disabled={action.isBusy}>{t('admin.addTeam')}</button>
    </form>
  );
}

function EditTeamForm({ token, reload, team }: Pick<SectionProps, "token" | "reload"> & { team: AdminTeam }) {
  const { t } = useT();
  const [name, setName] = useState(team.name);
  const [day, setDay] = useState(team.establishedOn ? formatDay(team.establishedOn) : '');
  const [dayError, setDayError] = useState<string | undefined>();
  const [isSaved, setIsSaved] = useState(false);
  const action = useAdminAction(token, reload);
  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    const establishedOn = day.trim() === '' ? null : parseDisplayDay(day);
    setDayError(day.trim() !== '' && !establishedOn ? t('admin.establishedOnBad') : undefined);
    if (day.trim() !== '' && !establishedOn) return;
    setIsSaved(await action.run('PATCH', pathFor(adminPaths.team, team.id), { name: name.trim(), establishedOn }));
  }
  const prefix = `team-${team.id}`;
  return (
    <form className="stack" noValidate onSubmit={(event) => void submit(event)} aria-label={t('admin.editTeam', { name: team.name })}>
      <Field id={`${prefix}-name`} label={t('admin.teamName')} error={action.error?.fieldMessage('name') ?? (action.error && action.error.fields.length === 0 ? action.error.message : undefined)}>
        {(control) => <input {...control} type="text" value={name} onChange={(event) => setName(event.target.value)} />}
      </Field>
      <Field id={`${prefix}-established`} label={t('admin.establishedOn')} error={dayError}>
        {(control) => <input {...control} type="text" inputMode="numeric" placeholder="01/07/2024" value={day} onChange={(event) => setDay(event.target.value)} />}
      </Field>
      <div role="status">{isSaved && !action.error ? t('admin.saved') : ''}</div>
      <button type="submit" className="button" disabled={action.isBusy}>{t('admin.saveTeam')}</button>
    </form>
  );
}

function HamletTeams({ token, detail, reload }: SectionProps) {
  const { t } = useT();
  const action = useAdminAction(token, reload);
  const hamlets = detail.children.filter((unit) => unit.kind === 'hamlet');
  const teamOf = (hamletId: string) => detail.teams.find((team) => team.hamletIds.includes(hamletId))?.id ?? '';
  return (
    <div className="stack">
      {action.error && <p className="alert alert--error" role="alert">{action.error.message}</p>}
      {hamlets.map((hamlet) => (
        <Field key={hamlet.id} id={`hamlet-team-${hamlet.id}`} label={t('admin.hamletTeam', { name: hamlet.name })}>
          {(control) => (
            <select {...control} value={teamOf(hamlet.id)} disabled={action.isBusy}
              onChange={(event) => void action.run('PUT', pathFor(adminPaths.hamletTeam, hamlet.id), { teamId: event.target.value || null })}>
              <option value="">{t('admin.noTeam')}</option>
              {detail.teams.map((team) => <option key={team.id} value={team.id}>{team.name}</option>)}
            </select>
          )}
        </Field>
      ))}
    </div>
  );
}

export function TeamsSection(props: SectionProps) {
  const { t } = useT();
  const { detail } = props;
  const nameOf = (id: string) => detail.children.find((unit) => unit.id === id)?.name ?? id;
  return (
    <section className="card stack" aria-labelledby="teams-title">
      <h2 id="teams-title">{t('admin.teams')}</h2>
      {detail.teams.length === 0 && <p>{t('admin.noTeams')}</p>}
      <ul className="stack">
        {detail.teams.map((team) => (
          <li key={team.id} className="card stack">
            <h3 className="card__title">{team.name}</h3>
            <p className="card__meta">{t('admin.teamHamlets', { names: team.hamletIds.map(nameOf).join(', ') || t('admin.noHamlets') })}</p>
            {team.establishedOn && <p className="card__meta">{t('admin.teamEstablished', { date: formatDay(team.establishedOn) })}</p>}
            <ul>
              {detail.accounts.filter((account) => account.teamId === team.id && !account.isDisabled).map((account) => (
                <li key={account.id}>{account.displayName} — {t(`admin.position.${account.position ?? 'member'}` as MessageKey)}</li>
              ))}
            </ul>
            {detail.rights.manageTeams && <EditTeamForm key={`${team.name}:${team.establishedOn ?? ''}`} {...props} team={team} />}
          </li>
        ))}
      </ul>
      {detail.rights.manageTeams && <HamletTeams {...props} />}
      {detail.rights.manageTeams && <AddTeamForm {...props} />}
    </section>
  );
}

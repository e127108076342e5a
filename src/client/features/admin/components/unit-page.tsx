/**
 * One unit's management page: duty settings (communes), units below, teams and their hamlets,
 * accounts, and the CSV import. Each section shows only what the server says the user may do
 * (`rights`); the server checks again on every request.
 */
import { useState, type FormEvent } from 'react';
import { adminPaths, pathFor, unitDetailSchema, type UnitDetail } from '#src/shared/domain/admin.ts';
import { orgUnitKinds } from '#src/shared/domain/account.ts';
import { apiRequest } from '#src/client/api/api-client.ts';
import { useApiResource } from '#src/client/api/use-api-resource.ts';
import { Field } from '#src/client/components/field.tsx';
import { Link } from 'wouter';
import { useT } from '#src/client/i18n/i18n-context.tsx';
import type { MessageKey } from '#src/client/i18n/vi.ts';
import { useAdminAction } from '../use-admin-action.ts';
import { AccountsSection } from './accounts-section.tsx';
import type { AdminLinks } from './admin-screen.tsx';
import { CsvImport } from './csv-import.tsx';
import { TeamsSection } from './teams-section.tsx';
import { UnitEditForm } from './unit-edit.tsx';
import '#src/client/i18n/feature-messages.ts';

export interface SectionProps {
  token: string | null;
  detail: UnitDetail;
  reload: () => void;
}

function SettingsForm({ token, detail, reload }: SectionProps) {
  const { t } = useT();
  const [dutyPhone, setDutyPhone] = useState(detail.unit.settings.dutyPhone ?? '');
  const [minutes, setMinutes] = useState(String(detail.unit.settings.promptMinutes));
  const [isSaved, setIsSaved] = useState(false);
  const action = useAdminAction(token, reload);
  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    const body = { dutyPhone: dutyPhone.trim() === '' ? null : dutyPhone.trim(), promptMinutes: Number(minutes) };
    setIsSaved(await action.run('PUT', pathFor(adminPaths.unitSettings, detail.unit.id), body));
  }
  return (
    <form className="card stack" aria-labelledby="settings-form-title" noValidate onSubmit={(event) => void submit(event)}>
      <h2 id="settings-form-title">{t('admin.settings')}</h2>
      <Field id="duty-phone" label={t('admin.dutyPhone')} hint={t('admin.dutyPhoneHint')} error={action.error?.fieldMessage('dutyPhone')}>
        {(control) => <input {...control} type="tel" inputMode="tel" autoComplete="off" value={dutyPhone} onChange={(event) => setDutyPhone(event.target.value)} />}
      </Field>
      <Field id="prompt-minutes" label={t('admin.promptMinutes')} error={action.error?.fieldMessage('promptMinutes')}>
        {(control) => <input {...control} type="number" inputMode="numeric" min={1} max={1440} value={minutes} onChange={(event) => setMinutes(event.target.value)} />}
      </Field>
      <div role="status">{isSaved && !action.error ? t('admin.saved') : ''}</div>
      <button type="submit" className="button button--primary" disabled={action.isBusy}>{t('admin.save')}</button>
    </form>
  );
}

function ChildUnits({ token, detail, reload, links }: SectionProps & { links: AdminLinks }) {
  const { t } = useT();
  const [name, setName] = useState('');
  const allowedKinds = detail.rights.assignableRoles.includes('province-admin') ? orgUnitKinds.filter((kind) => kind !== 'province') : (['hamlet'] as const);
  const [kind, setKind] = useState<string>(detail.unit.kind === 'commune' ? 'hamlet' : allowedKinds[0]!);
  const action = useAdminAction(token, reload);
  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    if (await action.run('POST', adminPaths.units, { parentId: detail.unit.id, kind, name })) setName('');
  }
  return (
    <section className="card stack" aria-labelledby="children-title">
      <h2 id="children-title">{t('admin.children')}</h2>
      {detail.children.length === 0 ? <p>{t('admin.noChildren')}</p> : (
        <ul className="stack">
          {detail.children.map((unit) => (
            <li key={unit.id}><Link href={links.unitPath(unit.id)}>{unit.name}</Link> <span className="card__meta">({t(`admin.kind.${unit.kind}` as MessageKey)})</span></li>
          ))}
        </ul>
      )}
      {detail.rights.manageUnits && (
        <form className="stack" noValidate onSubmit={(event) => void submit(event)} aria-label={t('admin.addUnit')}>
          <Field id="unit-kind" label={t('admin.unitKind')}>
            {(control) => (
              <select {...control} value={kind} onChange={(event) => setKind(event.target.value)}>
                {allowedKinds.map((k) => <option key={k} value={k}>{t(`admin.kind.${k}` as MessageKey)}</option>)}
              </select>
            )}
          </Field>
          <Field id="unit-name" label={t('admin.unitName')} error={action.error?.fieldMessage('name') ?? (action.error && !action.error.fields.length ? action.error.message : undefined)}>
            {(control) => <input {...control} type="text" value={name} onChange={(event) => setName(event.target.value)} />}
          </Field>
          <button type="submit" className="button" disabled={action.isBusy}>{t('admin.addUnit')}</button>
        </form>
      )}
    </section>
  );
}

export function UnitPage({ token, unitId, links }: { token: string | null; unitId: string; links: AdminLinks }) {
  const { t } = useT();
  const detail = useApiResource(() => apiRequest({ method: 'GET', path: pathFor(adminPaths.unit, unitId), token, schema: unitDetailSchema }), [unitId, token]);
  const back = <Link href={links.homePath} className="button">{t('admin.back')}</Link>;
  if (detail.error) return <div className="stack"><p className="alert alert--error">{detail.error.message}</p>{back}</div>;
  if (!detail.data) return <p>{t('admin.loading')}</p>;
  const props = { token, detail: detail.data, reload: detail.reload };
  return (
    <div className="stack">
      <h2>{detail.data.unit.name} <span className="card__meta">({t(`admin.kind.${detail.data.unit.kind}` as MessageKey)})</span></h2>
      {back}
      {detail.data.rights.editUnit && <UnitEditForm key={`${detail.data.unit.name}:${detail.data.unit.parentId ?? ''}`} {...props} />}
      {detail.data.rights.editSettings && detail.data.unit.kind === 'commune' && <SettingsForm key={JSON.stringify(detail.data.unit.settings)} {...props} />}
      <ChildUnits {...props} links={links} />
      {detail.data.unit.kind === 'commune' && <TeamsSection {...props} />}
      <AccountsSection {...props} />
      {detail.data.rights.manageTeams && <CsvImport token={token} communeId={detail.data.unit.id} reload={detail.reload} />}
    </div>
  );
}

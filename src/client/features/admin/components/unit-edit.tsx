/**
 * Rename a unit, and (province admins) move it under another parent: communes merge and hamlets
 * are regrouped, so the tree is data that changes. The server checks every move again (never into
 * the unit itself or below it) and republishes the unit to the devices that reach it.
 */
import { useState, type FormEvent } from 'react';
import { adminPaths, pathFor, unitsResponseSchema, type UnitDetail } from '#src/shared/domain/admin.ts';
import type { OrgUnit } from '#src/shared/domain/org-unit.ts';
import { apiRequest } from '#src/client/api/api-client.ts';
import { useApiResource } from '#src/client/api/use-api-resource.ts';
import { Field } from '#src/client/components/field.tsx';
import { useT } from '#src/client/i18n/i18n-context.tsx';
import type { MessageKey } from '#src/client/i18n/vi.ts';
import { useAdminAction } from '../use-admin-action.ts';
import type { SectionProps } from './unit-page.tsx';
import '#src/client/i18n/feature-messages.ts';

/** The units that may hold `unit`: neither the unit nor anything below it, and no hamlet. */
export function possibleParents(units: readonly OrgUnit[], unit: UnitDetail['unit']): OrgUnit[] {
  const below = new Set([unit.id]);
  let isGrowing = true;
  while (isGrowing) {
    isGrowing = false;
    for (const candidate of units) {
      if (candidate.parentId && below.has(candidate.parentId) && !below.has(candidate.id)) {
        below.add(candidate.id);
        isGrowing = true;
      }
    }
  }
  return units.filter((candidate) => !below.has(candidate.id) && candidate.kind !== 'hamlet');
}

function ParentSelect({ token, detail, parentId, setParentId }: Pick<SectionProps, 'token' | 'detail'> & { parentId: string; setParentId: (id: string) => void }) {
  const { t } = useT();
  const units = useApiResource(() => apiRequest({ method: 'GET', path: adminPaths.units, token, schema: unitsResponseSchema }), [token]);
  const parents = possibleParents(units.data?.units ?? [], detail.unit);
  return (
    <Field id="unit-parent" label={t('admin.unitParent')}>
      {(control) => (
        <select {...control} value={parentId} disabled={!units.data} onChange={(event) => setParentId(event.target.value)}>
          {parents.map((unit) => <option key={unit.id} value={unit.id}>{unit.name} ({t(`admin.kind.${unit.kind}` as MessageKey)})</option>)}
        </select>
      )}
    </Field>
  );
}

/** The unit's own name and place in the tree, shown when the server says the user may change them. */
export function UnitEditForm({ token, detail, reload }: SectionProps) {
  const { t } = useT();
  const [name, setName] = useState(detail.unit.name);
  const [parentId, setParentId] = useState(detail.unit.parentId ?? '');
  const [isSaved, setIsSaved] = useState(false);
  const action = useAdminAction(token, reload);
  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    const body = { name: name.trim(), ...(detail.rights.moveUnit && parentId ? { parentId } : {}) };
    setIsSaved(await action.run('PATCH', pathFor(adminPaths.unit, detail.unit.id), body));
  }
  const generalError = action.error && action.error.fields.length === 0 ? action.error.message : undefined;
  return (
    <form className="card stack" aria-labelledby="unit-edit-title" noValidate onSubmit={(event) => void submit(event)}>
      <h2 id="unit-edit-title">{t('admin.editUnit')}</h2>
      <Field id="unit-rename" label={t('admin.unitName')} error={action.error?.fieldMessage('name') ?? generalError}>
        {(control) => <input {...control} type="text" value={name} onChange={(event) => setName(event.target.value)} />}
      </Field>
      {detail.rights.moveUnit && <ParentSelect token={token} detail={detail} parentId={parentId} setParentId={setParentId} />}
      {action.error?.fieldMessage('parentId') && <p className="alert alert--error" role="alert">{action.error.fieldMessage('parentId')}</p>}
      <div role="status">{isSaved && !action.error ? t('admin.saved') : ''}</div>
      <button type="submit" className="button button--primary" disabled={action.isBusy}>{t('admin.saveUnit')}</button>
    </form>
  );
}

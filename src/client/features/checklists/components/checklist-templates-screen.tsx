/**
 * `/danh-muc-kiem-tra`: commune police keep the checklists members tick on patrols and incidents.
 * Each shows the commune's current list (or the shipped default, seed 001 §II.4); saving an edit
 * writes the template one version up through putRecord, and members' phones receive it by sync.
 * Entries already written keep the items they were filled with.
 */
import { useState, type FormEvent } from 'react';
import type { Profile } from '#src/shared/domain/account.ts';
import { checklistKinds, type ChecklistItem, type ChecklistKind } from '#src/shared/domain/checklist.ts';
import type { ChecklistTemplateContent } from '#src/shared/domain/default-checklists.ts';
import { isDefaultChecklistId } from '#src/shared/domain/default-checklists.ts';
import { uuidv7 } from '#src/shared/domain/ids.ts';
import { useDatabase } from '#src/client/db/database-context.tsx';
import { saveChecklistTemplate, useTemplateForKind } from '#src/client/db/checklist-template-repository.ts';
import { RecordValidationError } from '#src/client/db/record-repository.ts';
import { useT } from '#src/client/i18n/i18n-context.tsx';
import '#src/client/i18n/notebook-messages.ts';
import { requestSync } from '#src/client/sync/sync-runner.ts';

export function ChecklistTemplatesScreen({ profile }: { profile: Profile }) {
  const { t } = useT();
  const communeId = profile.orgUnits.find((unit) => unit.kind === 'commune')?.id ?? null;
  return (
    <section className="stack" aria-labelledby="templates-title">
      <h1 id="templates-title" tabIndex={-1}>{t('templates.title')}</h1>
      {profile.user.role !== 'commune-police' || communeId === null ? <p className="alert alert--info">{t('templates.notAllowed')}</p> : (
        <>
          <p>{t('templates.intro')}</p>
          {checklistKinds.map((kind) => <TemplateEditorLoader key={kind} communeId={communeId} kind={kind} />)}
        </>
      )}
    </section>
  );
}

function TemplateEditorLoader({ communeId, kind }: { communeId: string; kind: ChecklistKind }) {
  const { t } = useT();
  const template = useTemplateForKind(communeId, kind);
  // Outlives the editor, which restarts from each new version: "saved" stays on screen.
  const [notice, setNotice] = useState('');
  if (template === undefined) return <p>{t('app.loading')}</p>;
  // Keyed by version: a saved (or synced) new version restarts the editor from it.
  return (
    <>
      <TemplateEditor key={`${template.id}:${template.version}`} communeId={communeId} template={template} onSaved={setNotice} />
      <p role="status" className={notice ? 'alert alert--success' : 'visually-hidden'}>{notice}</p>
    </>
  );
}

function TemplateEditor({ communeId, template, onSaved }: {
  communeId: string;
  template: ChecklistTemplateContent;
  onSaved: (notice: string) => void;
}) {
  const { t } = useT();
  const db = useDatabase();
  const isDefault = isDefaultChecklistId(template.id);
  const [name, setName] = useState(template.name);
  const [items, setItems] = useState<ChecklistItem[]>(template.items);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const kindName = t(`templates.appliesTo.${template.appliesTo}`);
  const prefix = `template-${template.appliesTo}`;

  const updateItem = (index: number, change: Partial<ChecklistItem>) =>
    setItems((current) => current.map((item, i) => (i === index ? { ...item, ...change } : item)));
  const moveUp = (index: number) => setItems((current) => {
    const next = [...current];
    [next[index - 1], next[index]] = [next[index]!, next[index - 1]!];
    return next;
  });

  async function save(event: FormEvent): Promise<void> {
    event.preventDefault();
    try {
      const saved = await saveChecklistTemplate(db, {
        id: isDefault ? uuidv7() : template.id, communeId, appliesTo: template.appliesTo, name, items, isActive: true,
      });
      setErrors({});
      requestSync('local-change');
      onSaved(t('templates.saved', { name: saved.name, version: saved.version }));
    } catch (error) {
      if (!(error instanceof RecordValidationError)) throw error;
      setErrors(error.fields);
      onSaved('');
    }
  }

  return (
    <form className="stack card" noValidate onSubmit={save} aria-labelledby={`${prefix}-title`}>
      <h2 id={`${prefix}-title`}>{t('templates.edit', { kind: kindName })}</h2>
      <p className="field__hint">{isDefault ? t('templates.default') : t('templates.version', { version: template.version })}</p>
      <div className={errors.name ? 'field field--invalid' : 'field'}>
        <label htmlFor={`${prefix}-name`} className="field__label">{t('templates.name')}</label>
        <input id={`${prefix}-name`} type="text" value={name} aria-invalid={Boolean(errors.name)}
          aria-describedby={errors.name ? `${prefix}-name-error` : undefined} onChange={(event) => setName(event.target.value)} />
        {errors.name && <p id={`${prefix}-name-error`} className="field__error">{errors.name}</p>}
      </div>
      <ol className="plain-list template-items">
        {items.map((item, index) => {
          const error = errors[`items.${index}.label`];
          const number = index + 1;
          return (
            <li key={item.id} className={error ? 'stack field--invalid' : 'stack'}>
              <label htmlFor={`${prefix}-item-${index}`} className="field__label">{t('templates.item', { number })}</label>
              <input id={`${prefix}-item-${index}`} type="text" value={item.label} aria-invalid={Boolean(error)}
                aria-describedby={error ? `${prefix}-item-${index}-error` : undefined} onChange={(event) => updateItem(index, { label: event.target.value })} />
              {error && <p id={`${prefix}-item-${index}-error`} className="field__error">{error}</p>}
              <label className="checkbox">
                <input type="checkbox" checked={item.isRequired} onChange={(event) => updateItem(index, { isRequired: event.target.checked })} />
                <span>{t('templates.itemRequired', { number })}</span>
              </label>
              <div className="actions">
                {index > 0 && <button type="button" className="button button--small" onClick={() => moveUp(index)}>{t('templates.moveUp', { number })}</button>}
                <button type="button" className="button button--small" onClick={() => setItems((current) => current.filter((_, i) => i !== index))}>
                  {t('templates.removeItem', { number })}
                </button>
              </div>
            </li>
          );
        })}
      </ol>
      {errors.items && <p className="field__error">{errors.items}</p>}
      <button type="button" className="button" onClick={() => setItems((current) => [...current, { id: uuidv7(), label: '', isRequired: false }])}>
        {t('templates.addItem')}
      </button>
      <button type="submit" className="button button--primary">{t('templates.save')}</button>
    </form>
  );
}

/**
 * Starting a plan: from one of the seed templates (or empty), or from a JSON file (pasted or
 * chosen). An imported file opens in the editor even when it has problems, with each message
 * beside its field; a file that is not JSON, or not a plan, is refused beside the input.
 */
import { useId, useState, type ChangeEvent } from 'react';
import { planTemplates } from '#src/shared/plan-templates/plan-templates.ts';
import { Field } from '#src/client/components/field.tsx';
import { useT } from '#src/client/i18n/i18n-context.tsx';
import { checkDraft, draftFromJson, draftOf, emptyContent, type DraftErrors, type PlanDraft } from '../plan-draft.ts';
import '#src/client/i18n/plan-messages.ts';

export interface OpenedDraft {
  draft: PlanDraft;
  errors: DraftErrors;
  templateId: string | null;
}

const BLANK = '';

export function PlanStart({ onOpen }: { onOpen: (opened: OpenedDraft) => void }) {
  const { t } = useT();
  const id = useId();
  const templates = planTemplates();
  const [templateId, setTemplateId] = useState(templates[0]?.templateId ?? BLANK);
  const [text, setText] = useState('');
  const [importError, setImportError] = useState<string | undefined>();

  function start(): void {
    const template = templates.find((candidate) => candidate.templateId === templateId);
    onOpen({ draft: draftOf(template ? template.content : emptyContent), errors: {}, templateId: template?.templateId ?? null });
  }

  function importText(): void {
    if (text.trim() === '') return setImportError(t('plans.importEmpty'));
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      return setImportError(t('plans.importNotJson', { message: error instanceof Error ? error.message : String(error) }));
    }
    const draft = draftFromJson(value);
    if (!draft) return setImportError(t('plans.importNotPlan'));
    setImportError(undefined);
    const templateOf = (value as { templateId?: unknown }).templateId;
    onOpen({ draft, errors: checkDraft(draft).errors ?? {}, templateId: typeof templateOf === 'string' ? templateOf : null });
  }

  async function readFile(event: ChangeEvent<HTMLInputElement>): Promise<void> {
    const file = event.target.files?.[0];
    if (file) setText(await file.text());
  }

  return (
    <>
      <section className="card stack" aria-labelledby={`${id}-new`}>
        <h2 id={`${id}-new`}>{t('plans.newTitle')}</h2>
        <Field id={`${id}-template`} label={t('plans.template')}>
          {(control) => (
            <select {...control} value={templateId} onChange={(event) => setTemplateId(event.target.value)}>
              {templates.map(({ templateId: value, content }) => (
                <option key={value} value={value}>{`${content.issuer}, ${content.documentNumber}: ${content.name}`}</option>
              ))}
              <option value={BLANK}>{t('plans.templateBlank')}</option>
            </select>
          )}
        </Field>
        <button type="button" className="button button--primary" onClick={start}>{t('plans.start')}</button>
      </section>
      <section className="card stack" aria-labelledby={`${id}-import`}>
        <h2 id={`${id}-import`}>{t('plans.importTitle')}</h2>
        <Field id={`${id}-json`} label={t('plans.importText')} hint={t('plans.importHint')} error={importError}>
          {(control) => <textarea {...control} rows={6} value={text} onChange={(event) => setText(event.target.value)} />}
        </Field>
        <Field id={`${id}-file`} label={t('plans.importFile')}>
          {(control) => <input {...control} type="file" accept="application/json,.json" onChange={(event) => void readFile(event)} />}
        </Field>
        <button type="button" className="button" onClick={importText}>{t('plans.importButton')}</button>
      </section>
    </>
  );
}

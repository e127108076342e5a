/**
 * Entries the server refused, set aside on this phone with the reason: nothing is lost silently.
 * The author reads why (and which field), then fixes the entry (saving it again sends a new
 * change) or discards the refused version. "Sửa lại" is the app's to wire (`fixFor`: the entry
 * form belongs to another feature): it opens the form with the refused record.
 */
import type { RejectionRow } from '#src/client/db/database.ts';
import { useDatabase } from '#src/client/db/database-context.tsx';
import { closeRejection, useOpenRejections } from '#src/client/db/rejection-repository.ts';
import { formatInstant } from '#src/shared/domain/dates.ts';
import { useT } from '#src/client/i18n/i18n-context.tsx';
import { fieldLabel } from './field-words.ts';

/** The action that opens a refused record's form to fix it, or null when it cannot be fixed there. */
export type FixFor = (refusal: RejectionRow) => (() => Promise<void>) | null;

export function RefusalList({ fixFor }: { fixFor?: FixFor }) {
  const { t } = useT();
  const refusals = useOpenRejections();
  if (!refusals) return null;
  return (
    <section className="stack" aria-labelledby="refusals-title">
      <h2 id="refusals-title">{t('sync.rejectionsTitle')}</h2>
      {refusals.length === 0
        ? <p>{t('sync.rejectionsNone')}</p>
        : <ul className="plain-list stack">{refusals.map((refusal) => <li key={refusal.id}><RefusalCard refusal={refusal} fix={fixFor?.(refusal) ?? null} /></li>)}</ul>}
    </section>
  );
}

function RefusalCard({ refusal, fix }: { refusal: RejectionRow; fix: (() => Promise<void>) | null }) {
  const { t } = useT();
  const db = useDatabase();
  const title = String(refusal.data?.topic ?? refusal.data?.name ?? refusal.data?.headName ?? t(`collection.${refusal.collection}`));
  const headingId = `refusal-${refusal.id}`;
  return (
    <article className="card stack" aria-labelledby={headingId}>
      <h3 id={headingId}>{title}</h3>
      <p className="alert alert--error">{refusal.message}</p>
      {refusal.fields && refusal.fields.length > 0 && (
        <ul>{refusal.fields.map((field) => <li key={field.path}>{fieldLabel(field.path, t)}: {field.message}</li>)}</ul>
      )}
      <p className="card__meta">{t('sync.rejectionAt', { at: formatInstant(refusal.at) })}</p>
      {fix && (
        <button type="button" className="button button--primary" onClick={() => void fix()}>
          {t('sync.rejectionFix')}
        </button>
      )}
      <button type="button" className="button" onClick={() => void closeRejection(db, refusal.id!, 'discarded')}>
        {t('sync.rejectionDiscard')}
      </button>
    </article>
  );
}

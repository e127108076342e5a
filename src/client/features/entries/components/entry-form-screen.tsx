/**
 * `/nhat-ky/moi/<kind>` and `/nhat-ky/<id>`: a new entry of a kind, or an existing entry. The
 * author edits an entry until the team leader approves it (a returned entry is fixed and saved
 * again, which resubmits it); anything else is shown read-only with the reason. Saving stores
 * the entry and its outbox entry in one transaction (putRecord), deletes the draft, asks the
 * sync runner to push, and goes home with a confirmation. A refusal set aside for this entry is
 * then fixed: the new change replaces it.
 */
import '../entries.css';
import { useCallback, useState } from 'react';
import type { Profile } from '#src/shared/domain/account.ts';
import { isRestrictedKind, type FieldLog, type FieldLogKind } from '#src/shared/domain/field-log.ts';
import { uuidv7 } from '#src/shared/domain/ids.ts';
import { isEditableByAuthor } from '#src/shared/domain/review.ts';
import type { DraftRow } from '#src/client/db/database.ts';
import { useDatabase } from '#src/client/db/database-context.tsx';
import { deleteDraft, draftKey } from '#src/client/db/draft-repository.ts';
import { useFieldLog } from '#src/client/db/field-log-repository.ts';
import { deleteUnusedPhotos } from '#src/client/db/photo-repository.ts';
import { putRecord } from '#src/client/db/record-repository.ts';
import { closeRejectionsFixedBy } from '#src/client/db/rejection-repository.ts';
import { requestSync } from '#src/client/sync/sync-runner.ts';
import { EntryHistory } from './entry-history.tsx';
import { Link } from 'wouter';
import { navigate } from '#src/client/components/navigation.ts';
import { useT } from '#src/client/i18n/i18n-context.tsx';
import { useEntryFormStore } from '../entry-form-store.ts';
import type { RecordContext } from '../draft-record.ts';
import { emptyValues, restoreValues, valuesFromEntry } from '../draft-values.ts';
import type { KindDescription } from '../field-spec.ts';
import { useInitialDraft } from '../hooks/use-initial-draft.ts';
import { kindDescriptions } from '../kinds/kind-registry.ts';
import { EntryForm } from './entry-form.tsx';
import { EntryView } from './entry-view.tsx';
import '#src/client/i18n/notebook-messages.ts';

export function EntryFormScreen({ profile, kind, entryId }: { profile: Profile; kind?: FieldLogKind; entryId?: string }) {
  const { t } = useT();
  if (profile.team === null) {
    return (
      <section className="stack">
        <h1 tabIndex={-1}>{t('entry.chooseTitle')}</h1>
        <p className="alert alert--info">{t('entry.notAllowed')}</p>
        <Link href="/" className="button">{t('app.backHome')}</Link>
      </section>
    );
  }
  if (entryId !== undefined) return <ExistingEntry profile={profile} entryId={entryId} />;
  const description = kindDescriptions[kind ?? 'outreach'];
  return <EntryEditor key={description.kind} profile={profile} description={description} existing={null} />;
}

function communeOf(profile: Profile): string | null {
  return profile.orgUnits.find((unit) => unit.kind === 'commune')?.id ?? null;
}

function ExistingEntry({ profile, entryId }: { profile: Profile; entryId: string }) {
  const { t } = useT();
  const entry = useFieldLog(entryId);
  if (entry === undefined) return <p>{t('app.loading')}</p>;
  if (entry === null) {
    return (
      <section className="stack">
        <h1 tabIndex={-1}>{t('entry.notFound')}</h1>
        <Link href="/" className="button">{t('app.backHome')}</Link>
      </section>
    );
  }
  const description = kindDescriptions[entry.kind];
  const reason = entry.memberId !== profile.user.id ? t('entry.readOnlyOther')
    : !isEditableByAuthor(entry.reviewStatus) ? t('entry.readOnlyApproved') : null;
  if (reason) {
    return (
      <section className="stack">
        <h1 tabIndex={-1}>{t('entry.viewTitle', { kind: t(description.name) })}</h1>
        <EntryView entry={entry} description={description} reason={reason} communeId={communeOf(profile)} />
        <EntryHistory entryId={entry.id} />
        <Link href="/" className="button">{t('outreach.back')}</Link>
      </section>
    );
  }
  // Keyed by id: the form starts from the entry once; later live updates do not reset typing.
  return <EntryEditor key={entry.id} profile={profile} description={description} existing={entry} />;
}

function EntryEditor({ profile, description, existing }: { profile: Profile; description: KindDescription; existing: FieldLog | null }) {
  const { t } = useT();
  const key = draftKey({ kind: description.kind, entryId: existing?.id ?? '', isNew: existing === null });
  const draft = useInitialDraft(key, profile.user.id);
  const [generation, setGeneration] = useState(0);
  const db = useDatabase();
  const title = existing ? t('entry.editTitle', { kind: t(description.name) }) : t('entry.newTitle', { kind: t(description.name) });
  if (draft === undefined) return <p>{t('app.loading')}</p>;
  const discard = async (): Promise<void> => {
    await deleteDraft(db, key);
    setGeneration((current) => current + 1);
  };
  return (
    <section className="stack" aria-labelledby="entry-form-title">
      <h1 id="entry-form-title" tabIndex={-1}>{title}</h1>
      {isRestrictedKind(description.kind) && <p className="alert alert--info">{t('entry.restricted')}</p>}
      {existing?.reviewStatus === 'returned' && (
        <div className="alert alert--error">
          <p>{t('entry.returnedComment', { comment: existing.reviewComment })}</p>
          <p>{t('entry.returnedHint')}</p>
        </div>
      )}
      <LoadedEditor key={generation} profile={profile} description={description} existing={existing}
        draft={generation === 0 ? draft : null} draftKey={key} onDiscardDraft={() => void discard()} />
    </section>
  );
}

function LoadedEditor({ profile, description, existing, draft, draftKey: key, onDiscardDraft }: {
  profile: Profile;
  description: KindDescription;
  existing: FieldLog | null;
  draft: DraftRow | null;
  draftKey: string;
  onDiscardDraft: () => void;
}) {
  const db = useDatabase();
  const { t } = useT();
  const showNotice = useEntryFormStore((state) => state.showNotice);
  const [entryId] = useState(() => existing?.id ?? draft?.entryId ?? uuidv7());
  const [start] = useState(() => (existing ? valuesFromEntry(description, existing) : emptyValues(description, { userId: profile.user.id, now: new Date() })));
  const [initial] = useState(() => (draft ? restoreValues(description, draft.values, start) : start));
  const recordContext = useCallback((): RecordContext => ({
    id: entryId, teamId: profile.team?.id, memberId: profile.user.id, existing, now: new Date(),
  }), [entryId, profile, existing]);

  async function save(record: Record<string, unknown>): Promise<void> {
    const saved = await putRecord(db, 'fieldLog', record, new Date(), { isNew: existing === null });
    await deleteDraft(db, key);
    await closeRejectionsFixedBy(db, 'fieldLog', entryId);
    await deleteUnusedPhotos(db, entryId, saved.photoIds);
    requestSync('local-change');
    showNotice(navigator.onLine ? t('outreach.savedOnline') : t('outreach.savedOffline'), saved.id);
    navigate('/', { force: true });
  }

  return (
    <EntryForm description={description} initial={initial} start={start} recordContext={recordContext}
      context={{ profile, communeId: communeOf(profile), entryId }}
      draft={{ key, userId: profile.user.id, kind: description.kind, entryId }}
      resumedDraft={draft ? { updatedAt: draft.updatedAt, onDiscard: onDiscardDraft } : null}
      onSave={save} onCancel={() => {
        void deleteDraft(db, key).then(() => deleteUnusedPhotos(db, entryId, existing?.photoIds ?? []));
        navigate('/');
      }} />
  );
}

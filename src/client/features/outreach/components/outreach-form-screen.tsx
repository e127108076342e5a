/**
 * `/nhat-ky/moi` and `/nhat-ky/:id`. A new log, or the member's own log while the team leader
 * has not reviewed it; anything else is shown read-only with the reason. Saving stores the log
 * and its outbox entry in one transaction (putRecord), asks the sync runner to push, and goes
 * back to the list with a confirmation.
 */
import { useState } from 'react';
import { Link } from 'wouter';
import type { Profile } from '#src/shared/domain/account.ts';
import type { OutreachLog } from '#src/shared/domain/field-log.ts';
import { uuidv7 } from '#src/shared/domain/ids.ts';
import { useDatabase } from '#src/client/db/database-context.tsx';
import { useFieldLog } from '#src/client/db/field-log-repository.ts';
import { putRecord, RecordValidationError } from '#src/client/db/record-repository.ts';
import { requestSync } from '#src/client/sync/sync-runner.ts';
import { navigate } from '#src/client/components/navigation.ts';
import type { ScreenProps } from '#src/client/components/screen-props.ts';
import { useT } from '#src/client/i18n/i18n-context.tsx';
import type { MessageKey } from '#src/client/i18n/vi.ts';
import { useOutreachFormStore } from '../outreach-form-store.ts';
import { AccountCannotWriteError, draftFromLog, emptyDraft, fieldOfSchemaPath, recordFromDraft, type DraftErrors, type OutreachDraft } from '../outreach-draft.ts';
import { OutreachForm } from './outreach-form.tsx';
import { OutreachLogView } from './outreach-log-view.tsx';

/** `params.logId` names the log to open; without it the form starts a new one. */
export function OutreachFormScreen({ profile, params }: ScreenProps) {
  const { t } = useT();
  const logId = params.logId;
  return (
    <section className="stack" aria-labelledby="outreach-form-title">
      {logId === undefined
        ? <NewOutreach profile={profile} title={t('outreach.newTitle')} />
        : <ExistingOutreach profile={profile} logId={logId} />}
    </section>
  );
}

function Title({ text }: { text: string }) {
  return <h1 id="outreach-form-title" tabIndex={-1}>{text}</h1>;
}

function NewOutreach({ profile, title }: { profile: Profile; title: string }) {
  const [initial] = useState(() => emptyDraft());
  const save = useSaveOutreach(profile, null);
  return (
    <>
      <Title text={title} />
      <OutreachForm hamlets={profile.hamlets} initial={initial} onSave={save} onCancel={() => navigate('/')} />
    </>
  );
}

/** Why a log cannot be edited by this user, or null when it can. */
function readOnlyReason(log: OutreachLog, profile: Profile): MessageKey | null {
  if (log.memberId !== profile.user.id) return 'outreach.readOnlyOther';
  if (log.reviewStatus === 'approved') return 'outreach.readOnlyApproved';
  if (log.reviewStatus === 'returned') return 'outreach.readOnlyReturned';
  return null;
}

function ExistingOutreach({ profile, logId }: { profile: Profile; logId: string }) {
  const { t } = useT();
  const log = useFieldLog(logId);
  if (log === undefined) return <p>{t('app.loading')}</p>;
  if (log === null || log.kind !== 'outreach') {
    return (
      <>
        <Title text={t('outreach.viewTitle')} />
        <p className="alert alert--info">{t('outreach.notFound')}</p>
        <Link href="/" className="button">{t('app.backHome')}</Link>
      </>
    );
  }
  const reason = readOnlyReason(log, profile);
  if (reason) {
    return (
      <>
        <Title text={t('outreach.viewTitle')} />
        <OutreachLogView log={log} reason={t(reason)} />
        <Link href="/" className="button">{t('outreach.back')}</Link>
      </>
    );
  }
  return (
    <>
      <Title text={t('outreach.editTitle')} />
      {/* Keyed by id: the form starts from the log once, later live updates do not reset typing. */}
      <EditOutreach key={log.id} profile={profile} log={log} />
    </>
  );
}

function EditOutreach({ profile, log }: { profile: Profile; log: OutreachLog }) {
  const [initial] = useState(() => draftFromLog(log));
  const save = useSaveOutreach(profile, log);
  return <OutreachForm hamlets={profile.hamlets} initial={initial} onSave={save} onCancel={() => navigate('/')} />;
}

function useSaveOutreach(profile: Profile, existing: OutreachLog | null) {
  const db = useDatabase();
  const { t } = useT();
  const showNotice = useOutreachFormStore((state) => state.showNotice);
  return async (draft: OutreachDraft): Promise<DraftErrors | null> => {
    const record = recordFromDraft(draft, {
      id: existing?.id ?? uuidv7(),
      teamId: profile.team?.id,
      memberId: profile.user.id,
      existing,
      now: new Date(),
    });
    try {
      await putRecord(db, 'fieldLog', record);
    } catch (error) {
      if (!(error instanceof RecordValidationError)) throw error;
      return schemaErrors(error);
    }
    requestSync('local-change');
    showNotice(navigator.onLine ? t('outreach.savedOnline') : t('outreach.savedOffline'), record.id as string);
    navigate('/', { force: true });
    return null;
  };
}

/**
 * The schema's messages beside the fields they concern. A field the form does not show (the
 * team, the author) means the account cannot write logs: that fails the save with a sentence
 * saying so, never with the schema's own words.
 */
function schemaErrors(error: RecordValidationError): DraftErrors {
  const errors: DraftErrors = {};
  for (const [path, message] of Object.entries(error.fields)) {
    const field = fieldOfSchemaPath(path);
    if (!field) throw new AccountCannotWriteError();
    errors[field] ??= message;
  }
  return errors;
}

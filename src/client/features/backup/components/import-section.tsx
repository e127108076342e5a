/**
 * "Nhập từ tệp sao lưu": choose a backup file (an encrypted one opens with the key of this phone
 * or, from another phone, the account's password), see what it holds (records of each kind,
 * unsent changes, refusals), confirm, and the records land on this phone in one transaction with the
 * unsent changes queued to be sent from here (backup-repository.ts).
 */
import { useId, useState, type ChangeEvent } from 'react';
import { BackupSecretError, decodeBackup } from '#src/client/db/backup-file.ts';
import { keyFor } from '#src/client/db/key-ring.ts';
import { importBackup, summariseBackup, type BackupFile, type BackupSummary } from '#src/client/db/backup-repository.ts';
import { useDatabase } from '#src/client/db/database-context.tsx';
import { isStorageFull } from '#src/client/db/storage-errors.ts';
import { requestSync } from '#src/client/sync/sync-runner.ts';
import { formatInstant } from '#src/shared/domain/dates.ts';
import { useT, type Translate } from '#src/client/i18n/i18n-context.tsx';
import type { MessageKey } from '#src/client/i18n/vi.ts';
import { readFileBytes } from '#src/client/components/save-file.ts';
import '#src/client/i18n/feature-messages.ts';

const kindKeys: Record<string, MessageKey> = {
  household: 'backup.kind.household',
  campaignPlan: 'backup.kind.campaignPlan',
  conflict: 'backup.kind.conflict',
  orgUnit: 'backup.kind.orgUnit',
  team: 'backup.kind.team',
  'fieldLog:outreach': 'backup.kind.outreach',
};

/** One line per kind: field logs by their kind, other collections whole. */
function countLines(summary: BackupSummary, t: Translate): Array<{ key: string; label: string; count: number }> {
  return Object.entries(summary.counts)
    .filter(([key]) => key !== 'fieldLog')
    .map(([key, count]) => {
      const known = kindKeys[key];
      const label = known ? t(known) : `${t('backup.kind.fieldLog')} (${key.replace('fieldLog:', '')})`;
      return { key, label, count };
    });
}

export function ImportSection() {
  const { t } = useT();
  const db = useDatabase();
  const inputId = useId();
  const [chosen, setChosen] = useState<{ file: BackupFile; summary: BackupSummary } | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  /** An encrypted file this phone's key does not open: it waits for the password. */
  const [locked, setLocked] = useState<{ bytes: Uint8Array<ArrayBuffer>; by: 'password' | 'pin'; message: string; isWrong: boolean } | null>(null);

  const failure = (error: unknown) =>
    isStorageFull(error) ? t('storage.full') : t('backup.failed', { message: error instanceof Error ? error.message : String(error) });

  async function choose(event: ChangeEvent<HTMLInputElement>): Promise<void> {
    const picked = event.target.files?.[0];
    setChosen(null);
    setProblem(null);
    setDone(null);
    setLocked(null);
    if (!picked) return;
    await open(await readFileBytes(picked), undefined);
  }

  async function open(bytes: Uint8Array<ArrayBuffer>, secret: string | undefined): Promise<void> {
    setIsBusy(true);
    try {
      const key = keyFor(db.name);
      const file = await decodeBackup(bytes, { key: typeof key === 'string' ? null : key, ...(secret === undefined ? {} : { secret }) });
      setLocked(null);
      setChosen({ file, summary: summariseBackup(file) });
    } catch (error) {
      if (error instanceof BackupSecretError) setLocked({ bytes, by: error.by, message: error.message, isWrong: error.isWrong });
      else setProblem(failure(error));
    } finally {
      setIsBusy(false);
    }
  }

  async function confirm(): Promise<void> {
    if (!chosen) return;
    setIsBusy(true);
    setProblem(null);
    try {
      const result = await importBackup(db, chosen.file);
      setChosen(null);
      setDone(result.isRepeat ? t('backup.importedRepeat') : t('backup.imported', { added: result.added, updated: result.updated, queued: result.queued }));
      if (result.queued > 0) requestSync('backup-import');
    } catch (error) {
      setProblem(failure(error));
    } finally {
      setIsBusy(false);
    }
  }

  return (
    <section className="card stack" aria-labelledby="backup-import-title">
      <h2 id="backup-import-title">{t('backup.importTitle')}</h2>
      <p>{t('backup.importHint')}</p>
      <div className="field">
        <label htmlFor={inputId} className="field__label">{t('backup.file')}</label>
        <input id={inputId} type="file" accept=".gz,.json,application/gzip,application/json" onChange={(event) => void choose(event)} disabled={isBusy} />
      </div>
      {locked && <SecretForm {...locked} isBusy={isBusy} onOpen={(secret) => void open(locked.bytes, secret)} />}
      {problem && <p role="alert" className="alert alert--error">{problem}</p>}
      {chosen && <Preview summary={chosen.summary} isBusy={isBusy} onConfirm={() => void confirm()} onCancel={() => setChosen(null)} />}
      <div role="status" className={done ? 'alert alert--success' : 'visually-hidden'}>{done ?? ''}</div>
    </section>
  );
}

function Preview({ summary, isBusy, onConfirm, onCancel }: { summary: BackupSummary; isBusy: boolean; onConfirm: () => void; onCancel: () => void }) {
  const { t } = useT();
  const titleId = useId();
  return (
    <div className="stack" role="group" aria-labelledby={titleId}>
      <h3 id={titleId}>{t('backup.previewTitle', { name: summary.account.displayName, at: formatInstant(summary.exportedAt) })}</h3>
      <ul>
        {countLines(summary, t).map((line) => <li key={line.key}>{line.label}: {line.count}</li>)}
        <li>{t('backup.previewPending', { count: summary.pending })}</li>
        <li>{t('backup.previewRejections', { count: summary.rejections })}</li>
      </ul>
      <div className="actions">
        <button type="button" className="button button--primary" onClick={onConfirm} disabled={isBusy}>
          {isBusy ? t('backup.importing') : t('backup.confirm')}
        </button>
        <button type="button" className="button" onClick={onCancel} disabled={isBusy}>{t('backup.cancel')}</button>
      </div>
    </div>
  );
}

/** The password (or the old phone's PIN) that opens an encrypted backup from another phone. */
function SecretForm({ by, message, isWrong, isBusy, onOpen }: {
  by: 'password' | 'pin';
  message: string;
  isWrong: boolean;
  isBusy: boolean;
  onOpen: (secret: string) => void;
}) {
  const { t } = useT();
  const id = useId();
  const [secret, setSecret] = useState('');
  return (
    <form className="stack" noValidate onSubmit={(event) => {
      event.preventDefault();
      onOpen(secret);
    }}>
      <div className={isWrong ? 'field field--invalid' : 'field'}>
        <label htmlFor={id} className="field__label">{by === 'password' ? t('backup.secretPassword') : t('backup.secretPin')}</label>
        <input id={id} type="password" autoComplete="off" aria-invalid={isWrong} aria-describedby={`${id}-message`} value={secret}
          onChange={(event) => setSecret(event.target.value)} />
        <p id={`${id}-message`} className={isWrong ? 'field__error' : 'field__hint'}>{message}</p>
      </div>
      <button type="submit" className="button button--primary" disabled={isBusy}>{isBusy ? t('backup.opening') : t('backup.open')}</button>
    </form>
  );
}

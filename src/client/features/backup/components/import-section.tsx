/**
 * "Nhập từ tệp sao lưu": choose a backup file, see what it holds (records of each kind, unsent
 * changes, refusals), confirm, and the records land on this phone in one transaction with the
 * unsent changes queued to be sent from here (backup-repository.ts).
 */
import { useId, useState, type ChangeEvent } from 'react';
import { decodeBackup } from '#src/client/db/backup-file.ts';
import { importBackup, summariseBackup, type BackupFile, type BackupSummary } from '#src/client/db/backup-repository.ts';
import { useDatabase } from '#src/client/db/database-context.tsx';
import { isStorageFull } from '#src/client/db/storage-errors.ts';
import { requestSync } from '#src/client/sync/sync-runner.ts';
import { formatInstant } from '#src/shared/domain/dates.ts';
import { useT, type Translate } from '#src/client/i18n/i18n-context.tsx';
import type { MessageKey } from '#src/client/i18n/vi.ts';
import { readFileBytes } from '../save-file.ts';

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

  const failure = (error: unknown) =>
    isStorageFull(error) ? t('storage.full') : t('backup.failed', { message: error instanceof Error ? error.message : String(error) });

  async function choose(event: ChangeEvent<HTMLInputElement>): Promise<void> {
    const picked = event.target.files?.[0];
    setChosen(null);
    setProblem(null);
    setDone(null);
    if (!picked) return;
    setIsBusy(true);
    try {
      const file = await decodeBackup(await readFileBytes(picked));
      setChosen({ file, summary: summariseBackup(file) });
    } catch (error) {
      setProblem(failure(error));
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

/** "Tạo tệp sao lưu": everything of this account on the phone, unsent work included, as an encrypted file. */
import { useState } from 'react';
import { backupSealFor } from '#src/client/db/app-lock.ts';
import { encodeBackup } from '#src/client/db/backup-file.ts';
import { BackupError, backupMessages, exportBackup, summariseBackup } from '#src/client/db/backup-repository.ts';
import { useDatabase } from '#src/client/db/database-context.tsx';
import { useDevice } from '#src/client/db/device-context.tsx';
import { useT } from '#src/client/i18n/i18n-context.tsx';
import { saveFile } from '#src/client/components/save-file.ts';
import '#src/client/i18n/feature-messages.ts';

export function ExportSection() {
  const { t } = useT();
  const db = useDatabase();
  const device = useDevice();
  const [isBusy, setIsBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);

  async function handleExport(): Promise<void> {
    setIsBusy(true);
    setOutcome(null);
    try {
      const file = await exportBackup(db);
      // Encrypted with the account's key (format 2): only its password opens it elsewhere.
      const seal = await backupSealFor(device, file.account.userId);
      if (!seal) throw new BackupError(backupMessages.locked);
      const encoded = await encodeBackup(file, seal);
      saveFile(encoded.bytes, encoded.fileName, encoded.mimeType);
      const summary = summariseBackup(file);
      const records = Object.entries(summary.counts).filter(([key]) => !key.includes(':')).reduce((sum, [, count]) => sum + count, 0);
      setOutcome({ ok: true, text: t('backup.exported', { name: encoded.fileName, records, pending: summary.pending }) });
    } catch (error) {
      setOutcome({ ok: false, text: t('backup.failed', { message: error instanceof Error ? error.message : String(error) }) });
    } finally {
      setIsBusy(false);
    }
  }

  return (
    <section className="card stack" aria-labelledby="backup-export-title">
      <h2 id="backup-export-title">{t('backup.exportTitle')}</h2>
      <p>{t('backup.exportHint')}</p>
      <button type="button" className="button button--primary button--block" onClick={() => void handleExport()} disabled={isBusy}>
        {isBusy ? t('backup.exporting') : t('backup.export')}
      </button>
      <div role="status" className={outcome?.ok ? 'alert alert--success' : 'visually-hidden'}>{outcome?.ok ? outcome.text : ''}</div>
      {outcome && !outcome.ok && <p role="alert" className="alert alert--error">{outcome.text}</p>}
    </section>
  );
}

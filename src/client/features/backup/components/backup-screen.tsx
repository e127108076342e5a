/** `/sao-luu` (Settings › Sao lưu dữ liệu): keep this account's work safe from a lost or broken phone. */
import { useT } from '#src/client/i18n/i18n-context.tsx';
import { ExportSection } from './export-section.tsx';
import { ImportSection } from './import-section.tsx';
import '#src/client/i18n/feature-messages.ts';

export function BackupScreen() {
  const { t } = useT();
  return (
    <section className="stack" aria-labelledby="backup-title">
      <h1 id="backup-title" tabIndex={-1}>{t('backup.title')}</h1>
      <p>{t('backup.intro')}</p>
      <ExportSection />
      <ImportSection />
    </section>
  );
}

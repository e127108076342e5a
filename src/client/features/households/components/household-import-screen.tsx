/**
 * `/ho-gia-dinh/nhap`: import a household list from CSV or Excel. The file is read on the phone,
 * every row checked, and the preview shows the households or one Vietnamese message per bad row.
 * Saving writes every household in one transaction, or none.
 */
import '../households.css';
import { useState } from 'react';
import type { Profile } from '#src/shared/domain/account.ts';
import { useDatabase } from '#src/client/db/database-context.tsx';
import { saveHouseholds } from '#src/client/db/household-repository.ts';
import { requestSync } from '#src/client/sync/sync-runner.ts';
import { Link } from 'wouter';
import { useT } from '#src/client/i18n/i18n-context.tsx';
import { readHouseholdFile } from '../household-file.ts';
import { planImport, type ImportPlan } from '../household-import.ts';
import { canEditHouseholds } from '../households-access.ts';
import '#src/client/i18n/feature-messages.ts';
import '#src/client/i18n/notebook-messages.ts';

type State =
  | { step: 'choose' }
  | { step: 'reading' }
  | { step: 'preview'; plan: ImportPlan }
  | { step: 'saved'; count: number }
  | { step: 'failed'; message: string };

const PREVIEW_ROWS = 20;

export function HouseholdImportScreen({ profile }: { profile: Profile }) {
  const { t } = useT();
  const db = useDatabase();
  const [state, setState] = useState<State>({ step: 'choose' });
  const names = new Map(profile.hamlets.map((hamlet) => [hamlet.id, hamlet.name]));

  async function read(file: File): Promise<void> {
    setState({ step: 'reading' });
    try {
      const table = await readHouseholdFile(file);
      if (table.rows.length === 0) return setState({ step: 'failed', message: t('import.empty') });
      setState({ step: 'preview', plan: planImport(table, profile.hamlets) });
    } catch {
      // The Excel reader is not kept offline (it is large): without a network it cannot load.
      const isExcelOffline = /\.xlsx$/i.test(file.name) && !navigator.onLine;
      setState({ step: 'failed', message: t(isExcelOffline ? 'import.excelOffline' : 'import.unreadable') });
    }
  }

  async function save(plan: ImportPlan): Promise<void> {
    try {
      await saveHouseholds(db, plan.households);
      requestSync('local-change');
      setState({ step: 'saved', count: plan.households.length });
    } catch (error) {
      setState({ step: 'failed', message: t('import.failed', { message: error instanceof Error ? error.message : String(error) }) });
    }
  }

  if (!canEditHouseholds(profile)) return <p className="alert alert--info">{t('households.readOnly')}</p>;
  return (
    <section className="stack" aria-labelledby="import-title">
      <h1 id="import-title" tabIndex={-1}>{t('import.title')}</h1>
      <p>{t('import.intro')}</p>
      <a href="/mau-danh-sach-ho.csv" download className="button">{t('import.sample')}</a>
      <div className="field">
        <label htmlFor="import-file" className="field__label">{t('import.file')}</label>
        <input id="import-file" type="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (file) void read(file);
          }} />
      </div>
      <div aria-live="polite">
        {state.step === 'reading' && <p>{t('import.reading')}</p>}
        {state.step === 'saved' && <p className="alert alert--success">{t('import.saved', { count: state.count })}</p>}
        {state.step === 'failed' && <p className="alert alert--error">{state.message}</p>}
      </div>
      {state.step === 'preview' && state.plan.errors.length > 0 && (
        <div role="alert" className="stack">
          <p className="alert alert--error">{t('import.errors', { count: state.plan.errors.length })}</p>
          <ul className="plain-list import-errors">
            {state.plan.errors.map((error) => <li key={error.rowNumber}>{t('import.rowError', { row: error.rowNumber, message: error.message })}</li>)}
          </ul>
        </div>
      )}
      {state.step === 'preview' && state.plan.errors.length === 0 && (
        <div className="stack">
          <h2>{t('import.preview', { count: state.plan.households.length })}</h2>
          <table className="import-preview">
            <thead>
              <tr><th scope="col">{t('households.headName')}</th><th scope="col">{t('households.address')}</th><th scope="col">{t('households.hamlet')}</th></tr>
            </thead>
            <tbody>
              {state.plan.households.slice(0, PREVIEW_ROWS).map((household) => (
                <tr key={household.id}><td>{household.headName}</td><td>{household.address}</td><td>{names.get(household.hamletId)}</td></tr>
              ))}
            </tbody>
          </table>
          <button type="button" className="button button--primary" onClick={() => void save(state.plan)}>
            {t('import.confirm', { count: state.plan.households.length })}
          </button>
        </div>
      )}
      <Link href="/ho-gia-dinh" className="button">{t('import.back')}</Link>
    </section>
  );
}

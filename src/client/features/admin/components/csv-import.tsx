/**
 * CSV import of teams and members: the file is parsed on the device (papaparse, loaded only when
 * a file is chosen), its rows shown with their line numbers; "Kiểm tra" asks the server to check
 * every row without writing; "Nhập" writes all rows or none. Each bad row gets the server's
 * Vietnamese sentence (line, column, what is wrong) beside it.
 */
import { useState, type ChangeEvent } from 'react';
import { adminPaths } from '#src/shared/domain/admin.ts';
import { importColumns, importResultSchema, type ImportResult } from '#src/shared/domain/org-import.ts';
import { apiRequest, ApiRequestError } from '#src/client/api/api-client.ts';
import { useT } from '#src/client/i18n/i18n-context.tsx';
import '#src/client/i18n/feature-messages.ts';

interface ParsedRow {
  line: number;
  values: Record<string, string>;
}

/** Rows of a CSV text with their line numbers (the header is line 1); empty lines dropped. */
export async function parseImportCsv(text: string): Promise<{ rows: ParsedRow[]; missing: string[] }> {
  const { default: Papa } = await import('papaparse');
  const result = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: false, transformHeader: (h) => h.trim().toLowerCase() });
  const headers = result.meta.fields ?? [];
  const rows = result.data
    .map((values, index) => ({ line: index + 2, values }))
    .filter((row) => Object.values(row.values).some((value) => (value ?? '').trim() !== ''));
  return { rows, missing: importColumns.filter((column) => column !== 'ap' && column !== 'ngay_thanh_lap' && !headers.includes(column)) };
}

/** The file's text as UTF-8 (FileReader: older Android browsers lack File.text()). */
function readText(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsText(file, 'utf-8');
  });
}

export function CsvImport({ token, communeId, reload }: { token: string | null; communeId: string; reload: () => void }) {
  const { t } = useT();
  const [rows, setRows] = useState<ParsedRow[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [failure, setFailure] = useState<ApiRequestError | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [isBusy, setIsBusy] = useState(false);

  async function choose(event: ChangeEvent<HTMLInputElement>): Promise<void> {
    const file = event.target.files?.[0];
    setResult(null);
    setFailure(null);
    if (!file) return;
    const parsed = await parseImportCsv(await readText(file));
    setRows(parsed.rows);
    setProblem(parsed.missing.length > 0 ? t('admin.importMissingColumns', { columns: parsed.missing.join(', ') }) : parsed.rows.length === 0 ? t('admin.importEmpty') : null);
  }

  async function send(dryRun: boolean): Promise<void> {
    setIsBusy(true);
    setFailure(null);
    try {
      setResult(await apiRequest({ method: 'POST', path: adminPaths.import, token, body: { communeId, dryRun, rows }, schema: importResultSchema }));
      if (!dryRun) reload();
    } catch (error) {
      setResult(null);
      setFailure(error instanceof ApiRequestError ? error : new ApiRequestError('server-error', null, String(error)));
    } finally {
      setIsBusy(false);
    }
  }

  const rowError = (line: number) => failure?.fieldMessage(`rows.${line}`);
  const counts = result ? { teams: result.teamsCreated, hamlets: result.hamletsCreated, accounts: result.accountsCreated } : null;
  return (
    <section className="card stack" aria-labelledby="import-title">
      <h2 id="import-title">{t('admin.import')}</h2>
      <p>{t('admin.importHint')}</p>
      <a href="/mau-nhap-to.csv" download className="button button--small">{t('admin.importSample')}</a>
      <div className="field">
        <label htmlFor="import-file" className="field__label">{t('admin.importFile')}</label>
        <input id="import-file" type="file" accept=".csv,text/csv" onChange={(event) => void choose(event)} />
      </div>
      {problem && <p className="alert alert--error" role="alert">{problem}</p>}
      {failure && <p className="alert alert--error" role="alert">{failure.message}</p>}
      {counts && <p className="alert alert--success" role="status">{t(result?.dryRun ? 'admin.importChecked' : 'admin.importDone', counts)}</p>}
      {rows.length > 0 && !problem && (
        <>
          <div className="table-scroll">
            <table>
              <caption>{t('admin.importPreview', { count: rows.length })}</caption>
              <thead><tr><th scope="col">{t('admin.importLine')}</th>{importColumns.filter((c) => c !== 'mat_khau').map((c) => <th key={c} scope="col">{c}</th>)}</tr></thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.line} className={rowError(row.line) ? 'row--invalid' : undefined}>
                    <th scope="row">{row.line}</th>
                    {importColumns.filter((c) => c !== 'mat_khau').map((c) => <td key={c}>{row.values[c] ?? ''}</td>)}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {failure && failure.fields.length > 0 && (
            <ul className="stack" aria-label={failure.message}>
              {failure.fields.map((field) => <li key={field.path} className="field__error">{field.message}</li>)}
            </ul>
          )}
          <div className="actions">
            <button type="button" className="button" disabled={isBusy} onClick={() => void send(true)}>{t('admin.importCheck')}</button>
            <button type="button" className="button button--primary" disabled={isBusy} onClick={() => void send(false)}>{t('admin.importRun', { count: rows.length })}</button>
          </div>
        </>
      )}
    </section>
  );
}

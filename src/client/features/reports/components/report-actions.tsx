/** Print the report (the browser saves it as PDF) or download it as an Excel file. */
import { useState } from 'react';
import { useReportsT } from '../report-messages.ts';
import type { ReportDocumentProps } from './report-document.tsx';

export function ReportActions({ document: input, periodKey }: { document: ReportDocumentProps; periodKey: string }) {
  const { t } = useReportsT();
  const [state, setState] = useState<'idle' | 'working' | 'failed'>('idle');
  const download = async () => {
    setState('working');
    try {
      // exceljs is loaded only now, never with the app shell.
      const { buildReportWorkbook, saveBytes, workbookName } = await import('../report-workbook.ts');
      saveBytes(await buildReportWorkbook(input), workbookName(periodKey));
      setState('idle');
    } catch {
      setState('failed');
    }
  };
  return (
    <div className="stack-tight report-actions">
      <div className="report-actions__buttons">
        <button type="button" className="button" onClick={() => window.print()}>{t('reports.print')}</button>
        <button type="button" className="button" onClick={() => void download()} disabled={state === 'working'}>
          {state === 'working' ? t('reports.preparing') : t('reports.downloadXlsx')}
        </button>
      </div>
      {state === 'failed' && <p className="alert alert--error" role="alert">{t('reports.xlsxFailed')}</p>}
    </div>
  );
}

/**
 * Province staff's report: every commune's results for a plan and a period, from the server's
 * per-commune progress (GET /api/progress/communes, online only: the entries are not on the
 * phone), in the administrative layout, printable and downloadable as XLSX.
 */
import { useMemo, useState } from 'react';
import { latestVersions, type CampaignPlan } from '#src/shared/domain/campaign-plan.ts';
import { formatInstant } from '#src/shared/domain/dates.ts';
import { communeProgressResponseSchema, progressPaths } from '#src/shared/domain/progress-api.ts';
import { communeReportLines, type CommuneReportLine } from '#src/shared/progress/commune-report.ts';
import { apiRequest } from '#src/client/api/api-client.ts';
import { useApiResource } from '#src/client/api/use-api-resource.ts';
import { useCurrentPlans } from '#src/client/db/campaign-plan-repository.ts';
import { useReportsT } from '../report-messages.ts';
import type { ReportSubject } from '../report-subject.ts';
import { achievedText, basisText, percentText, tableHeaders, targetText, verdictText } from '../report-text.ts';
import { ReportControls } from './report-controls.tsx';
import { Heading, Signature, Table } from './report-layout.tsx';
import { reportMonths } from './report-months.ts';

export function ProvinceReport({ subject, token, today }: { subject: ReportSubject; token: string | null; today: string }) {
  const { t } = useReportsT();
  const stored = useCurrentPlans();
  const plans = useMemo(() => latestVersions(stored ?? []), [stored]);
  const [choice, setChoice] = useState({ planId: '', periodKey: '' });
  const plan = plans.find((candidate) => candidate.planId === choice.planId) ?? plans[0];
  const months = plan ? reportMonths(plan, today) : [];
  const periodKey = choice.periodKey || (months[0] ? `month:${months[0]}` : plan ? `phase:${plan.phases[0]!.id}` : '');
  const query = plan ? `?${new URLSearchParams({ planId: plan.planId, periodKey, asOfDay: today }).toString()}` : '';
  const progress = useApiResource(async () => (plan ? apiRequest({ method: 'GET', path: `${progressPaths.communes}${query}`, token, schema: communeProgressResponseSchema }) : null), [query, token]);
  if (stored === undefined) return <p>{t('app.loading')}</p>;
  if (!plan) return <p className="empty">{t('reports.noPlan')}</p>;
  const lines = progress.data ? communeReportLines(plan, progress.data) : null;
  return (
    <>
      <ReportControls subject={subject} plans={plans} plan={plan} months={months} choice={{ scopeIndex: 0, planId: plan.planId, periodKey }} onChange={(next) => setChoice({ planId: next.planId, periodKey: next.periodKey })} />
      {progress.error && <p className="alert alert--error" role="alert">{t('reports.onlineOnly', { reason: progress.error.message })}</p>}
      {progress.isLoading && <p>{t('app.loading')}</p>}
      {lines && <ProvinceDownload subject={subject} plan={plan} lines={lines} today={today} periodKey={periodKey} />}
      {lines && progress.data && <ProvinceDocument subject={subject} plan={plan} lines={lines} today={today} computedAt={progress.data.computedAt} />}
    </>
  );
}

function ProvinceDownload({ subject, plan, lines, today, periodKey }: { subject: ReportSubject; plan: CampaignPlan; lines: CommuneReportLine[]; today: string; periodKey: string }) {
  const { t } = useReportsT();
  const [isFailed, setFailed] = useState(false);
  const download = async () => {
    try {
      // exceljs is loaded only now, never with the app shell.
      const { buildCommuneWorkbook, saveBytes, workbookName } = await import('../report-workbook.ts');
      saveBytes(await buildCommuneWorkbook({ issuer: subject.issuer, plan, lines, issuedOn: today }), workbookName(periodKey));
    } catch {
      setFailed(true);
    }
  };
  return (
    <div className="stack-tight report-actions">
      <div className="report-actions__buttons">
        <button type="button" className="button" onClick={() => window.print()}>{t('reports.print')}</button>
        <button type="button" className="button" onClick={() => void download()}>{t('reports.downloadXlsx')}</button>
      </div>
      {isFailed && <p className="alert alert--error" role="alert">{t('reports.xlsxFailed')}</p>}
    </div>
  );
}

function ProvinceDocument({ subject, plan, lines, today, computedAt }: { subject: ReportSubject; plan: CampaignPlan; lines: CommuneReportLine[]; today: string; computedAt: string }) {
  const rows = lines.map((line, index) => [String(index + 1), line.communeName, line.label, targetText(line.target), achievedText(line), percentText(line.percent), verdictText[line.verdict]]);
  const { issuer } = subject;
  return (
    <article className="report-doc" aria-labelledby="report-doc-title">
      <Heading issuer={issuer} issuedOn={today} />
      <h2 id="report-doc-title" className="report-doc__title">BÁO CÁO</h2>
      <p className="report-doc__subtitle">Kết quả thực hiện {plan.name} theo từng xã</p>
      <p className="report-doc__para">{basisText(plan)}, {issuer.bodyName} báo cáo kết quả các xã như sau:</p>
      <h3 className="report-doc__section">KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU THEO XÃ</h3>
      <Table caption="Kết quả thực hiện các chỉ tiêu theo xã" headers={['STT', 'Xã', ...tableHeaders.indicators.slice(1).filter((header) => header !== 'Căn cứ')]} rows={rows} />
      <p className="report-doc__note">Số liệu do máy chủ tổng hợp lúc {formatInstant(computedAt)} từ nhật ký đã đồng bộ.</p>
      <Signature issuer={issuer} />
    </article>
  );
}

/**
 * A report on the page in the Vietnamese administrative layout: the issuing body and the
 * document number (top left), the national name, motto, place and date (top right), the title,
 * the body with the indicator table, the work by kind and the nights of patrol duty, then the
 * recipients and the signature block. The print stylesheet (reports.css) puts it alone on A4.
 */
import type { CampaignPlan } from '#src/shared/domain/campaign-plan.ts';
import { formatDay } from '#src/shared/domain/dates.ts';
import type { PlanReport } from '#src/shared/progress/plan-report.ts';
import type { Issuer } from '../report-subject.ts';
import { achievedText, basisText, hoursText, kindText, monthText, percentText, periodText, tableHeaders, targetText, verdictText } from '../report-text.ts';
import { Heading, Signature, Table } from './report-layout.tsx';

export interface ReportDocumentProps {
  plan: CampaignPlan;
  report: PlanReport;
  issuer: Issuer;
  scopeName: string;
  /** The day the report is issued on (today). */
  issuedOn: string;
  memberNames: ReadonlyMap<string, string>;
}

export function ReportDocument({ plan, report, issuer, scopeName, issuedOn, memberNames }: ReportDocumentProps) {
  const period = periodText(plan, report.period);
  const indicatorRows = report.lines.map((line, index) => [String(index + 1), line.label, line.paragraph, targetText(line.target), achievedText(line), percentText(line.percent), verdictText[line.verdict]]);
  const kindRows = report.entryCounts.map((line, index) => [String(index + 1), kindText(line.kind), String(line.count)]);
  const nightRows = report.nightDuty.flatMap(({ month, members }) => members.map((line) => ({ month, line })))
    .map(({ month, line }, index) => [String(index + 1), memberNames.get(line.memberId) ?? line.memberId, monthText(month), String(line.nights), hoursText(line.minutes)]);
  return (
    <article className="report-doc" aria-labelledby="report-doc-title">
      <Heading issuer={issuer} issuedOn={issuedOn} />
      <h2 id="report-doc-title" className="report-doc__title">BÁO CÁO</h2>
      <p className="report-doc__subtitle">Kết quả thực hiện {plan.name} {period} của {scopeName}</p>
      <p className="report-doc__para">{basisText(plan)}, {issuer.bodyName} báo cáo kết quả {period} như sau:</p>
      <h3 className="report-doc__section">I. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU</h3>
      {indicatorRows.length === 0 ? <p className="report-doc__para">Kế hoạch không có chỉ tiêu tính được cho {scopeName}.</p> : <Table caption="Kết quả thực hiện các chỉ tiêu" headers={tableHeaders.indicators} rows={indicatorRows} />}
      <p className="report-doc__note">Số liệu tính trên nhật ký công tác đã được tổ trưởng duyệt, đến hết ngày {formatDay(report.asOfDay)}.</p>
      <h3 className="report-doc__section">II. KẾT QUẢ CÔNG TÁC THEO NỘI DUNG</h3>
      <Table caption="Kết quả công tác theo nội dung" headers={tableHeaders.kinds} rows={kindRows} />
      <h3 className="report-doc__section">III. TRỰC ĐÊM TUẦN TRA (22 giờ – 6 giờ)</h3>
      {nightRows.length === 0 ? <p className="report-doc__para">Không có ca tuần tra ban đêm trong kỳ.</p> : <Table caption="Trực đêm tuần tra" headers={tableHeaders.nights} rows={nightRows} />}
      <Signature issuer={issuer} />
    </article>
  );
}

/**
 * The words of a report in the Vietnamese administrative layout (thể thức văn bản hành chính,
 * Nghị định 30/2020/NĐ-CP). An official report is written in Vietnamese whatever language the
 * app is shown in, so these words are not in the i18n dictionaries; the printed page and the
 * spreadsheet both take them from here.
 */
import type { CampaignPlan } from '#src/shared/domain/campaign-plan.ts';
import { formatDay } from '#src/shared/domain/dates.ts';
import type { Comparator, Target } from '#src/shared/domain/plan-indicator.ts';
import type { PeriodSpan } from '#src/shared/domain/plan-period.ts';
import type { ReportLine, Verdict } from '#src/shared/progress/plan-report.ts';
import type { FieldLogKind } from '#src/shared/domain/field-log.ts';

export const NATIONAL_NAME = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const MOTTO = 'Độc lập - Tự do - Hạnh phúc';

export const tableHeaders = {
  indicators: ['STT', 'Chỉ tiêu', 'Căn cứ', 'Mục tiêu', 'Kết quả', 'Tỷ lệ', 'Đánh giá'],
  kinds: ['STT', 'Nội dung công tác', 'Số lượt'],
  nights: ['STT', 'Họ và tên', 'Tháng', 'Số đêm trực', 'Số giờ trực đêm'],
} as const;

const symbols: Record<Comparator, string> = { '>=': '≥', '>': '>', '<=': '≤', '<': '<', '=': '=' };
const number = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });

export const formatNumberVi = (value: number): string => number.format(Math.round(value * 10) / 10);

/** "Tân Lập, ngày 05 tháng 03 năm 2025". */
export function dateLine(place: string, day: string): string {
  const [year, month, date] = day.split('-');
  return `${place ? `${place}, ` : ''}ngày ${date} tháng ${month} năm ${year}`;
}

/** "10/2024" for "2024-10". */
export const monthText = (month: string): string => `${month.slice(5, 7)}/${month.slice(0, 4)}`;

/** What the report covers: "tháng 10/2024" or "Đợt 1 (từ 19/08/2024 đến 03/02/2025)". */
export function periodText(plan: Pick<CampaignPlan, 'phases'>, period: PeriodSpan): string {
  const span = `từ ${formatDay(period.startDay)} đến ${formatDay(period.endDay)}`;
  if (period.kind === 'month') return `tháng ${monthText(period.key.slice('month:'.length))} (${span})`;
  const phase = plan.phases.find((candidate) => `phase:${candidate.id}` === period.key);
  return `${phase?.name ?? 'kỳ báo cáo'} (${span})`;
}

/** "Thực hiện Kế hoạch số 591/KH-UBND ngày 16/09/2024 của UBND tỉnh Đăk Nông về …". */
export function basisText(plan: Pick<CampaignPlan, 'documentNumber' | 'issuedOn' | 'issuer' | 'name'>): string {
  const number = plan.documentNumber ? ` số ${plan.documentNumber}` : '';
  const issued = plan.issuedOn ? ` ngày ${formatDay(plan.issuedOn)}` : '';
  const issuer = plan.issuer ? ` của ${plan.issuer}` : '';
  return `Thực hiện Kế hoạch${number}${issued}${issuer} về ${plan.name}`;
}

export function targetText(target: Target): string {
  if (target.unit === 'flag') return 'Đạt';
  return `${symbols[target.comparator]} ${formatNumberVi(target.value)}${target.unit === 'percent' ? '%' : ''}`;
}

export function achievedText(line: ReportLine): string {
  if (line.achieved === null) return 'Chưa có số liệu';
  if (line.target.unit === 'flag') return line.achieved >= 1 ? 'Đạt' : 'Chưa đạt';
  if (line.denominator !== null) return `${line.numerator}/${line.denominator} (${formatNumberVi(line.achieved)}%)`;
  return formatNumberVi(line.achieved);
}

export const percentText = (percent: number | null): string => (percent === null ? '—' : `${formatNumberVi(percent)}%`);

export const verdictText: Record<Verdict, string> = { met: 'Đạt', 'not-met': 'Chưa đạt', 'no-data': 'Chưa có số liệu' };

/** Kinds of work as the report names them (the app's own labels, in Vietnamese). */
const kindNames: Record<FieldLogKind, string> = {
  outreach: 'Tuyên truyền',
  patrol: 'Tuần tra',
  incident: 'Vụ việc',
  tip: 'Nguồn tin',
  mobilisation: 'Huy động PCCC, cứu nạn',
  'residence-report': 'Thông tin nhân khẩu',
  'reintegration-visit': 'Giúp đỡ tái hòa nhập',
  'good-deed': 'Việc tốt',
  model: 'Mô hình',
};

export const kindText = (kind: FieldLogKind): string => kindNames[kind];

/** Night minutes as hours with one decimal: 90 → "1,5". */
export const hoursText = (minutes: number): string => formatNumberVi(minutes / 60);

/**
 * A report as an Excel workbook (.xlsx): sheet "Chỉ tiêu" (the heading of the layout, then one
 * row per indicator with its numbers as numbers), "Công tác" (entries by kind) and "Trực đêm"
 * (nights of patrol duty per member and month, which provinces pay for); province staff's report
 * by commune as one sheet "Theo xã". exceljs is large, so it
 * is imported here, when a user asks for the file, and never lands in the app shell.
 */
import type { Worksheet } from 'exceljs';
import type { CampaignPlan } from '#src/shared/domain/campaign-plan.ts';
import type { CommuneReportLine } from '#src/shared/progress/commune-report.ts';
import { saveFile } from '#src/client/components/save-file.ts';
import type { ReportDocumentProps } from './components/report-document.tsx';
import type { Issuer } from './report-subject.ts';
import { basisText, dateLine, kindText, MOTTO, NATIONAL_NAME, periodText, tableHeaders, targetText, verdictText } from './report-text.ts';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const sheetNames = { indicators: 'Chỉ tiêu', kinds: 'Công tác', nights: 'Trực đêm', communes: 'Theo xã' } as const;

function headerRow(sheet: Worksheet, headers: readonly string[]): void {
  const row = sheet.addRow([...headers]);
  row.font = { bold: true };
  row.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
}

function heading(sheet: Worksheet, input: ReportDocumentProps): void {
  const { issuer, plan, report, scopeName, issuedOn } = input;
  sheet.addRow([issuer.superior, '', '', '', NATIONAL_NAME]);
  sheet.addRow([issuer.body, '', '', '', MOTTO]);
  sheet.addRow([`Số:    /${issuer.code}`, '', '', '', dateLine(issuer.place, issuedOn)]);
  sheet.addRow([]);
  sheet.addRow(['BÁO CÁO']).font = { bold: true, size: 14 };
  sheet.addRow([`Kết quả thực hiện ${plan.name} ${periodText(plan, report.period)} của ${scopeName}`]);
  sheet.addRow([basisText(plan)]);
  sheet.addRow([]);
}

/** The workbook's bytes. Numbers stay numbers: a share's value and the percentage in percent. */
export async function buildReportWorkbook(input: ReportDocumentProps): Promise<Uint8Array<ArrayBuffer>> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Sổ tay ANTT';
  const indicators = workbook.addWorksheet(sheetNames.indicators);
  heading(indicators, input);
  headerRow(indicators, [...tableHeaders.indicators, 'Tử số', 'Mẫu số']);
  input.report.lines.forEach((line, index) => {
    indicators.addRow([index + 1, line.label, line.paragraph, targetText(line.target), line.achieved, line.percent === null ? null : Math.round(line.percent * 10) / 10, verdictText[line.verdict], line.numerator, line.denominator]);
  });
  indicators.columns.forEach((column, index) => { column.width = index === 1 ? 50 : 14; });
  const kinds = workbook.addWorksheet(sheetNames.kinds);
  headerRow(kinds, tableHeaders.kinds);
  input.report.entryCounts.forEach((line, index) => kinds.addRow([index + 1, kindText(line.kind), line.count]));
  kinds.getColumn(2).width = 32;
  const nights = workbook.addWorksheet(sheetNames.nights);
  headerRow(nights, tableHeaders.nights);
  let order = 0;
  for (const { month, members } of input.report.nightDuty) {
    for (const line of members) {
      order += 1;
      nights.addRow([order, input.memberNames.get(line.memberId) ?? line.memberId, `${month.slice(5, 7)}/${month.slice(0, 4)}`, line.nights, Math.round((line.minutes / 60) * 10) / 10]);
    }
  }
  nights.getColumn(2).width = 30;
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** Province staff's report by commune: one sheet, a row per commune and indicator, numbers as numbers. */
export async function buildCommuneWorkbook(input: { issuer: Issuer; plan: CampaignPlan; lines: readonly CommuneReportLine[]; issuedOn: string }): Promise<Uint8Array<ArrayBuffer>> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Sổ tay ANTT';
  const sheet = workbook.addWorksheet(sheetNames.communes);
  sheet.addRow([input.issuer.superior, '', '', '', NATIONAL_NAME]);
  sheet.addRow([input.issuer.body, '', '', '', MOTTO]);
  sheet.addRow([`Số:    /${input.issuer.code}`, '', '', '', dateLine(input.issuer.place, input.issuedOn)]);
  sheet.addRow(['BÁO CÁO']).font = { bold: true, size: 14 };
  sheet.addRow([`Kết quả thực hiện ${input.plan.name} theo từng xã`]);
  sheet.addRow([]);
  headerRow(sheet, ['STT', 'Xã', 'Chỉ tiêu', 'Mục tiêu', 'Kết quả', 'Tỷ lệ', 'Đánh giá', 'Tử số', 'Mẫu số']);
  input.lines.forEach((line, index) => {
    sheet.addRow([index + 1, line.communeName, line.label, targetText(line.target), line.achieved, line.percent === null ? null : Math.round(line.percent * 10) / 10, verdictText[line.verdict], line.numerator, line.denominator]);
  });
  sheet.getColumn(3).width = 50;
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** A file name without diacritics or spaces: "bao-cao-2024-10.xlsx". */
export function workbookName(periodKey: string): string {
  return `bao-cao-${periodKey.replace(/^[a-z-]+:/, '').replace(/[^A-Za-z0-9-]/g, '-')}.xlsx`;
}

/** Hands a workbook to the browser as a downloaded file (on Android: Downloads). */
export function saveBytes(bytes: Uint8Array<ArrayBuffer>, fileName: string): void {
  saveFile(bytes, fileName, XLSX_MIME);
}

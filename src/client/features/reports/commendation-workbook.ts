/**
 * A commendation list as an Excel workbook: sheets "Tập thể", "Cá nhân" (leaders marked) and
 * "Hồ sơ" (the dossier's documents, ready or not). exceljs is imported here, on demand only.
 */
import type { CampaignPlan } from '#src/shared/domain/campaign-plan.ts';
import type { Nominee } from '#src/shared/domain/commendation.ts';
import type { Issuer } from './report-subject.ts';
import { basisText, dateLine, MOTTO, NATIONAL_NAME } from './report-text.ts';

export const commendationSheets = { collectives: 'Tập thể', individuals: 'Cá nhân', dossier: 'Hồ sơ' } as const;

export interface CommendationWorkbookInput {
  issuer: Issuer;
  plan: CampaignPlan;
  award: string;
  periodName: string;
  nominees: readonly Nominee[];
  dossier: ReadonlyArray<{ document: string; isReady: boolean }>;
  issuedOn: string;
}

export async function buildCommendationWorkbook(input: CommendationWorkbookInput): Promise<Uint8Array<ArrayBuffer>> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Sổ tay ANTT';
  const collectives = workbook.addWorksheet(commendationSheets.collectives);
  collectives.addRow([input.issuer.superior, '', NATIONAL_NAME]);
  collectives.addRow([input.issuer.body, '', MOTTO]);
  collectives.addRow(['', '', dateLine(input.issuer.place, input.issuedOn)]);
  collectives.addRow(['DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG']).font = { bold: true, size: 14 };
  collectives.addRow([`${input.award} — ${input.periodName}`]);
  collectives.addRow([basisText(input.plan)]);
  collectives.addRow([]);
  collectives.addRow(['STT', 'Tên tập thể', 'Thành tích']).font = { bold: true };
  input.nominees.filter((n) => n.subject === 'collective').forEach((n, i) => collectives.addRow([i + 1, n.name, n.achievements]));
  const individuals = workbook.addWorksheet(commendationSheets.individuals);
  individuals.addRow(['STT', 'Họ và tên', 'Lãnh đạo', 'Thành tích']).font = { bold: true };
  input.nominees.filter((n) => n.subject === 'individual').forEach((n, i) => individuals.addRow([i + 1, n.name, n.isLeader ? 'x' : '', n.achievements]));
  const dossier = workbook.addWorksheet(commendationSheets.dossier);
  dossier.addRow(['STT', 'Giấy tờ', 'Đã có']).font = { bold: true };
  input.dossier.forEach((item, i) => dossier.addRow([i + 1, item.document, item.isReady ? 'Có' : 'Chưa']));
  for (const sheet of workbook.worksheets) sheet.getColumn(2).width = 40;
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

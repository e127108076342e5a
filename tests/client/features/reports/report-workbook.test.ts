// The report's Excel file, read back with exceljs: its sheets, the indicator numbers as numbers,
// the work by kind and the nights of patrol duty per member.
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { buildCommuneWorkbook, buildReportWorkbook, sheetNames, workbookName } from '#src/client/features/reports/report-workbook.ts';
import { buildCommendationWorkbook, commendationSheets } from '#src/client/features/reports/commendation-workbook.ts';
import { buildPlanReport, type ReportEntry } from '#src/shared/progress/plan-report.ts';
import { communeReportLines } from '#src/shared/progress/commune-report.ts';
import type { Issuer } from '#src/client/features/reports/report-subject.ts';
import { at, fixtureId, generatedCommune, monthOfWork, planFrom } from '../../../support/progress-fixtures.ts';

const issuer: Issuer = {
  superior: 'CÔNG AN XÃ TÂN LẬP', body: 'TỔ BẢO VỆ ANTT ẤP 1', bodyName: 'Tổ bảo vệ ANTT Ấp 1', code: 'BC-TBV', place: 'Tân Lập',
  signerTitle: 'TỔ TRƯỞNG', signerName: 'Trần Thị Bình', recipients: ['Công an Xã Tân Lập'],
};

function rowsOf(sheet: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

describe('report workbook', () => {
  it('holds the indicators, the work by kind and the nights of duty, numbers as numbers', async () => {
    const c = generatedCommune();
    const plan = planFrom('001-dak-nong-2024');
    const { entries, values } = monthOfWork(c, '2024-10', '2024-09-30');
    const { m1, m2 } = c.member;
    const night: ReportEntry = { id: fixtureId('patrol'), teamId: c.team.t1, memberId: m1, date: '2024-10-05', reviewStatus: 'approved', kind: 'patrol', participantIds: [m1, m2], startAt: at('2024-10-05', '21:00'), endAt: at('2024-10-06', '01:30') };
    const approved: ReportEntry[] = [...entries.map((e) => (e.reviewStatus === 'returned' ? e : { ...e, reviewStatus: 'approved' as const })), night];
    const report = buildPlanReport({ plan, org: c.org, entries: approved, values, reader: { userId: fixtureId('police'), role: 'commune-police', teamId: null, supervisedTeamIds: [c.team.t1] }, scope: { level: 'team', id: c.team.t1 }, periodKey: 'month:2024-10', today: '2024-11-15' })!;
    const names = new Map([[m1, 'Nguyễn Văn An'], [m2, 'Đỗ Thị Hoa']]);

    const bytes = await buildReportWorkbook({ plan, report, issuer, scopeName: 'Tổ bảo vệ ANTT Ấp 1', issuedOn: '2024-11-15', memberNames: names });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes.buffer);

    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([sheetNames.indicators, sheetNames.kinds, sheetNames.nights]);
    const indicators = rowsOf(workbook.getWorksheet(sheetNames.indicators)!);
    expect(indicators[0]).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(indicators[2]).toContain('Tân Lập, ngày 15 tháng 11 năm 2024');
    const patrol = indicators.find((row) => row[1] === plan.indicators.find((i) => i.id === 'patrol-participation')!.label)!;
    // m1, m2, m3 of T1's four members patrolled: 75%, not met.
    expect(patrol.slice(3)).toEqual(['≥ 100%', 75, 75, 'Chưa đạt', 3, 4]);
    const residence = indicators.find((row) => row[1] === plan.indicators.find((i) => i.id === 'residence-info')!.label)!;
    expect(residence.slice(3)).toEqual(['> 90%', 15, 15, 'Chưa đạt', 3, 20]);

    const kinds = rowsOf(workbook.getWorksheet(sheetNames.kinds)!);
    expect(kinds[0]).toEqual(['STT', 'Nội dung công tác', 'Số lượt']);
    expect(kinds.find((row) => row[1] === 'Tuần tra')).toEqual([2, 'Tuần tra', 3]);

    // 22:00–01:30: 3.5 hours of night for both.
    const nights = rowsOf(workbook.getWorksheet(sheetNames.nights)!);
    expect(nights.slice(1).map((row) => row.slice(1))).toEqual(expect.arrayContaining([
      ['Nguyễn Văn An', '10/2024', 1, 3.5],
      ['Đỗ Thị Hoa', '10/2024', 1, 3.5],
    ]));
    expect(nights).toHaveLength(3);
    expect(workbookName('month:2024-10')).toBe('bao-cao-2024-10.xlsx');
  });

  it('holds a commendation list: collectives, individuals with leaders marked, the dossier ticked or not', async () => {
    const plan = planFrom('000-binh-phuoc-2023');
    const bytes = await buildCommendationWorkbook({
      issuer, plan, award: 'Bằng khen của Chủ tịch UBND tỉnh', periodName: 'Năm 2023', issuedOn: '2023-11-20',
      nominees: [
        { subject: 'collective', refId: fixtureId('team'), name: 'Tổ Ấp 1–2', unitKind: null, isLeader: false, achievements: 'Đạt 3/3 chỉ tiêu của kế hoạch' },
        { subject: 'individual', refId: fixtureId('m'), name: 'Trần Thị Bình', unitKind: null, isLeader: true, achievements: '41 nhật ký công tác được duyệt' },
        { subject: 'individual', refId: fixtureId('m'), name: 'Nguyễn Văn An', unitKind: null, isLeader: false, achievements: '37 nhật ký công tác được duyệt' },
      ],
      dossier: plan.dossiers[0]!.documents.map((document, index) => ({ document, isReady: index === 0 })),
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes.buffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(Object.values(commendationSheets));
    expect(rowsOf(workbook.getWorksheet(commendationSheets.collectives)!).at(-1)).toEqual([1, 'Tổ Ấp 1–2', 'Đạt 3/3 chỉ tiêu của kế hoạch']);
    expect(rowsOf(workbook.getWorksheet(commendationSheets.individuals)!).slice(1).map((row) => row.slice(0, 3))).toEqual([[1, 'Trần Thị Bình', 'x'], [2, 'Nguyễn Văn An', '']]);
    const dossier = rowsOf(workbook.getWorksheet(commendationSheets.dossier)!).slice(1);
    expect(dossier).toHaveLength(5);
    expect(dossier.map((row) => row[2])).toEqual(['Có', 'Chưa', 'Chưa', 'Chưa', 'Chưa']);
  });

  it('holds the report by commune of province staff, numbers as numbers', async () => {
    const plan = planFrom('000-binh-phuoc-2023');
    const indicator = plan.indicators.find((i) => i.metric.type === 'household-outreach-share')!;
    const lines = communeReportLines(plan, {
      planId: plan.planId, planVersion: 1, asOfDay: '2023-06-30', computedAt: '2023-06-30T10:00:00.000Z',
      communes: [{ id: 'c1', name: 'Xã Tân Lập' }, { id: 'c2', name: 'Xã Tân Hòa' }],
      indicators: [{ indicatorId: indicator.id, period: { key: 'year:2023', startDay: '2023-01-01', endDay: '2023-12-31' }, results: [
        { communeId: 'c1', numerator: 450, denominator: 500, value: 90, status: 'met', noDataReason: null, remaining: 0, projectionValue: 90 },
        { communeId: 'c2', numerator: 100, denominator: 400, value: 25, status: 'at-risk', noDataReason: null, remaining: 220, projectionValue: 50 },
      ] }],
    });
    const bytes = await buildCommuneWorkbook({ issuer, plan, lines, issuedOn: '2023-06-30' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes.buffer);
    const rows = rowsOf(workbook.getWorksheet(sheetNames.communes)!);
    expect(rows.slice(-2).map((row) => [row[1], row[4], row[5], row[6], row[7], row[8]])).toEqual([
      ['Xã Tân Lập', 90, 90, 'Đạt', 450, 500],
      ['Xã Tân Hòa', 25, 25, 'Chưa đạt', 100, 400],
    ]);
  });
});

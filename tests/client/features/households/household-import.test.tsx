// Importing households from CSV and Excel: headers with or without diacritics, a preview, one
// Vietnamese message per bad row, and all or nothing. The XLSX file is made by exceljs here.
import { describe, expect, it } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import ExcelJS from 'exceljs';
import { HouseholdImportScreen } from '#src/client/features/households/components/household-import-screen.tsx';
import { parseCsv } from '#src/client/features/households/household-file.ts';
import { planImport } from '#src/client/features/households/household-import.ts';
import { saveHouseholds } from '#src/client/db/household-repository.ts';
import type { Profile } from '#src/shared/domain/account.ts';
import { freshDb, hamletEast, hamletWest, memberProfile, renderWithDb } from '../test-kit.tsx';

const base = memberProfile();
const police: Profile = { ...base, user: { ...base.user, role: 'commune-police' }, team: null };

const GOOD_CSV = [
  'Tên chủ hộ,Địa chỉ,Số nhân khẩu,Thôn ấp,Nhà cho thuê,Kinh doanh có điều kiện',
  'Nguyễn Văn An,"Số 12, xóm 1",4,Thôn Đông,không,',
  'Lê Thị Dung,Số 9,3,thon tay,có,x',
].join('\n');

const BAD_CSV = [
  'ten_chu_ho,dia_chi,so_nhan_khau,thon_ap,nha_cho_thue',
  'Nguyễn Văn An,Số 12,4,Thôn Đông,',
  ',Số 3,2,Thôn Đông,',
  'Trần Văn Ba,Số 5,bốn,Thôn Đông,',
  'Phạm Thị Tư,Số 6,2,Thôn Bắc,',
  'Đỗ Văn Năm,Số 7,1,Thôn Tây,hình như có',
  'Nguyễn Văn An,Số 12,4,Thôn Đông,',
  'Vũ Thị Sáu,Số 8,200,Thôn Tây,',
].join('\n');

function csvFile(text: string, name = 'ho.csv'): File {
  return new File([text], name, { type: 'text/csv' });
}

async function xlsxFile(rows: unknown[][]): Promise<File> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Danh sách hộ');
  for (const row of rows) sheet.addRow(row);
  const buffer = await workbook.xlsx.writeBuffer();
  return new File([buffer], 'ho.xlsx', { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
}

describe('planImport', () => {
  it('gives one Vietnamese message per bad row, naming the row of the file', () => {
    const plan = planImport(parseCsv(BAD_CSV), police.hamlets);
    expect(plan.errors).toEqual([
      { rowNumber: 3, message: 'thiếu tên chủ hộ (cột ten_chu_ho)' },
      { rowNumber: 4, message: 'số nhân khẩu “bốn” không phải số nguyên' },
      { rowNumber: 5, message: 'không có thôn, ấp “Thôn Bắc” trong địa bàn của bạn' },
      { rowNumber: 6, message: 'cột nhà cho thuê phải là “có” hoặc “không”, không phải “hình như có”' },
      { rowNumber: 7, message: 'trùng với dòng 2 (cùng tên chủ hộ, địa chỉ, thôn ấp)' },
      { rowNumber: 8, message: 'số nhân khẩu quá lớn (tối đa 100)' },
    ]);
  });
});

describe('household import screen', () => {
  it('previews a good CSV and saves every household in one go', async () => {
    const db = freshDb();
    const user = userEvent.setup();
    renderWithDb(db, <HouseholdImportScreen profile={police} />);
    await user.upload(screen.getByLabelText('Tệp danh sách hộ'), csvFile(GOOD_CSV));
    expect(await screen.findByRole('heading', { name: 'Xem trước: 2 hộ' })).toBeInTheDocument();
    expect(screen.getByRole('cell', { name: 'Số 12, xóm 1' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Lưu 2 hộ' }));
    expect(await screen.findByText('Đã lưu 2 hộ.')).toBeInTheDocument();
    const saved = await db.household.orderBy('hamletId').toArray();
    expect(saved.map((row) => [row.headName, row.hamletId, row.memberCount, row.isRentalHousing, row.hasConditionalBusiness]).sort()).toEqual([
      ['Lê Thị Dung', hamletWest.id, 3, true, true],
      ['Nguyễn Văn An', hamletEast.id, 4, false, false],
    ]);
    expect(await db.outbox.count()).toBe(2);
  });

  it('lists the bad rows of a CSV and offers nothing to save', async () => {
    const db = freshDb();
    const user = userEvent.setup();
    renderWithDb(db, <HouseholdImportScreen profile={police} />);
    await user.upload(screen.getByLabelText('Tệp danh sách hộ'), csvFile(BAD_CSV));
    expect(await screen.findByText('Có 6 dòng lỗi. Sửa tệp rồi chọn lại; chưa hộ nào được lưu.')).toBeInTheDocument();
    expect(screen.getByText('Dòng 3: thiếu tên chủ hộ (cột ten_chu_ho)')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Lưu/ })).toBeNull();
    expect(await db.household.count()).toBe(0);
  });

  it('reads an Excel file, with its bad rows too', async () => {
    const db = freshDb();
    const user = userEvent.setup();
    renderWithDb(db, <HouseholdImportScreen profile={police} />);
    const file = await xlsxFile([
      ['Tên chủ hộ', 'Địa chỉ', 'Số nhân khẩu', 'Thôn ấp'],
      ['Hoàng Văn Bảy', 'Số 2', 5, 'Thôn Đông'],
      ['Mai Thị Tám', 'Số 4', -1, 'Thôn Tây'],
    ]);
    await user.upload(screen.getByLabelText('Tệp danh sách hộ'), file);
    expect(await screen.findByText('Dòng 3: số nhân khẩu “-1” không phải số nguyên', {}, { timeout: 10_000 })).toBeInTheDocument();

    await user.upload(screen.getByLabelText('Tệp danh sách hộ'), await xlsxFile([
      ['ten_chu_ho', 'dia_chi', 'so_nhan_khau', 'thon_ap'],
      ['Hoàng Văn Bảy', { richText: [{ text: 'Số 2, ' }, { text: 'xóm 3' }] }, 5, 'Thôn Đông'],
    ]));
    await user.click(await screen.findByRole('button', { name: 'Lưu 1 hộ' }, { timeout: 10_000 }));
    await waitFor(async () => expect(await db.household.toArray()).toMatchObject([{ headName: 'Hoàng Văn Bảy', address: 'Số 2, xóm 3', memberCount: 5 }]));
  });
});

describe('saveHouseholds', () => {
  it('writes all or nothing: one refused row leaves no row and no outbox entry', async () => {
    const db = freshDb();
    const plan = planImport(parseCsv(GOOD_CSV), police.hamlets);
    const broken = [...plan.households, { ...plan.households[0]!, id: 'not-a-uuid' }];
    await expect(saveHouseholds(db, broken)).rejects.toThrow();
    expect(await db.household.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });
});

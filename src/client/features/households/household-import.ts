/**
 * Turning a household table into households, all or nothing: every row is checked (the
 * columns below, then the shared schema) and each bad row gets one Vietnamese message naming
 * its row in the file. Nothing is saved unless every row is good (households-repository saves
 * them in one transaction).
 *
 * Columns (headers with or without diacritics): ten_chu_ho (required), dia_chi, so_nhan_khau,
 * thon_ap (required when the user covers several hamlets), nha_cho_thue, kinh_doanh_co_dieu_kien
 * (có / không, x, 1 / 0; empty = không).
 */
import type { OrgUnitSummary } from '#src/shared/domain/account.ts';
import { householdSchema, type Household } from '#src/shared/domain/household.ts';
import { uuidv7 } from '#src/shared/domain/ids.ts';
import { foldDiacritics } from '#src/shared/domain/text.ts';
import type { SheetTable } from './household-file.ts';

export interface RowError {
  rowNumber: number;
  message: string;
}

export interface ImportPlan {
  households: Household[];
  errors: RowError[];
}

const YES = new Set(['co', 'x', '1', 'yes', 'true', 'dung']);
const NO = new Set(['', 'khong', '0', 'no', 'false', 'sai']);

function flag(text: string): boolean | null {
  const folded = foldDiacritics(text);
  if (YES.has(folded)) return true;
  if (NO.has(folded)) return false;
  return null;
}

function hamletOf(text: string, hamlets: readonly OrgUnitSummary[]): OrgUnitSummary | null {
  if (text.trim() === '') return hamlets.length === 1 ? hamlets[0]! : null;
  const wanted = foldDiacritics(text);
  return hamlets.find((hamlet) => foldDiacritics(hamlet.name) === wanted) ?? null;
}

function rowError(cells: Record<string, string>, hamlets: readonly OrgUnitSummary[]): string | null {
  if (!cells.ten_chu_ho) return 'thiếu tên chủ hộ (cột ten_chu_ho)';
  if (!hamletOf(cells.thon_ap ?? '', hamlets)) {
    return cells.thon_ap ? `không có thôn, ấp “${cells.thon_ap}” trong địa bàn của bạn` : 'thiếu thôn, ấp (cột thon_ap)';
  }
  const count = cells.so_nhan_khau ?? '';
  if (count !== '' && !/^\d+$/.test(count)) return `số nhân khẩu “${count}” không phải số nguyên`;
  for (const [column, label] of [['nha_cho_thue', 'nhà cho thuê'], ['kinh_doanh_co_dieu_kien', 'kinh doanh có điều kiện']] as const) {
    if (flag(cells[column] ?? '') === null) return `cột ${label} phải là “có” hoặc “không”, không phải “${cells[column]}”`;
  }
  return null;
}

/** The households a table describes, or the messages of its bad rows (then nothing is saved). */
export function planImport(table: SheetTable, hamlets: readonly OrgUnitSummary[], now: Date = new Date()): ImportPlan {
  const households: Household[] = [];
  const errors: RowError[] = [];
  const seen = new Map<string, number>();
  for (const { rowNumber, cells } of table.rows) {
    const problem = rowError(cells, hamlets);
    if (problem) {
      errors.push({ rowNumber, message: problem });
      continue;
    }
    const hamlet = hamletOf(cells.thon_ap ?? '', hamlets)!;
    const parsed = householdSchema.safeParse({
      id: uuidv7(), hamletId: hamlet.id, headName: cells.ten_chu_ho, address: cells.dia_chi ?? '',
      memberCount: cells.so_nhan_khau ? Number(cells.so_nhan_khau) : 0,
      isRentalHousing: flag(cells.nha_cho_thue ?? '') ?? false, hasConditionalBusiness: flag(cells.kinh_doanh_co_dieu_kien ?? '') ?? false,
      mergedIntoId: null, updatedAt: now.toISOString(),
    });
    if (!parsed.success) {
      errors.push({ rowNumber, message: (parsed.error.issues[0]?.message ?? 'dữ liệu không hợp lệ').toLowerCase() });
      continue;
    }
    const key = `${hamlet.id}|${foldDiacritics(parsed.data.headName)}|${foldDiacritics(parsed.data.address)}`;
    const first = seen.get(key);
    if (first !== undefined) {
      errors.push({ rowNumber, message: `trùng với dòng ${first} (cùng tên chủ hộ, địa chỉ, thôn ấp)` });
      continue;
    }
    seen.set(key, rowNumber);
    households.push(parsed.data);
  }
  if (table.rows.length > 0 && !table.headers.includes('ten_chu_ho')) {
    return { households: [], errors: [{ rowNumber: 1, message: 'không có cột ten_chu_ho (tên chủ hộ)' }] };
  }
  return { households, errors };
}

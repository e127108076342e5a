/**
 * CSV import of teams and members (nhập danh sách tổ và tổ viên): one row per member. The
 * device parses the file (papaparse) and shows the rows; the server checks every row, answers
 * one Vietnamese message per bad row (line, column, what is wrong) and writes nothing unless
 * every row is good. The columns are documented in README.md ("CSV import").
 */
import { z } from 'zod';
import type { TeamPosition } from './account.ts';
import { displayNameSchema, newPasswordSchema, usernameSchema } from './admin.ts';
import { parseDisplayDay } from './dates.ts';
import { UUID_PATTERN } from './ids.ts';
import { foldDiacritics } from './text.ts';

/** Header names, in the order of the sample file (docs/mau-nhap-to.csv). */
export const importColumns = ['ten_to', 'ap', 'ngay_thanh_lap', 'ho_ten', 'ten_dang_nhap', 'chuc_vu', 'mat_khau'] as const;
export type ImportColumn = (typeof importColumns)[number];

/** A commune has about 25 teams of 3 to 9 people; every password is hashed (scrypt), so keep a batch modest. */
export const MAX_IMPORT_ROWS = 500;

export const importRequestSchema = z.object({
  communeId: z.string().regex(UUID_PATTERN, 'Mã không hợp lệ'),
  /** Check only: answer what would be created, write nothing. */
  dryRun: z.boolean().default(false),
  rows: z
    .array(z.object({ line: z.number().int().min(2), values: z.record(z.string(), z.string().max(500)) }))
    .min(1, 'Tệp không có dòng dữ liệu nào')
    .max(MAX_IMPORT_ROWS, `Tối đa ${MAX_IMPORT_ROWS} dòng mỗi lần nhập`),
});
export type ImportRequest = z.infer<typeof importRequestSchema>;

export const importResultSchema = z.looseObject({
  dryRun: z.boolean(),
  teamsCreated: z.number().int(),
  hamletsCreated: z.number().int(),
  accountsCreated: z.number().int(),
});
export type ImportResult = z.infer<typeof importResultSchema>;

/** A row whose columns are each well formed (the server still checks it against the database). */
export interface ImportRow {
  line: number;
  teamName: string;
  hamletNames: string[];
  establishedOn: string | null;
  displayName: string;
  username: string;
  position: TeamPosition;
  password: string;
}

export interface ImportProblem {
  column: ImportColumn;
  message: string;
}

const positionWords: Record<string, TeamPosition> = {
  'to truong': 'leader',
  'to pho': 'deputy',
  'to vien': 'member',
  leader: 'leader',
  deputy: 'deputy',
  member: 'member',
};

/** A sentence's words after "cột “x”:": its first letter in lower case. */
export function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

function firstIssue(result: z.ZodSafeParseResult<unknown>): string | null {
  return result.success ? null : lowerFirst(result.error.issues[0]?.message ?? 'Không hợp lệ');
}

/** Checks one row's columns on their own; returns the row or every problem found. */
export function checkImportRow(line: number, values: Record<string, string>): { row: ImportRow | null; problems: ImportProblem[] } {
  const get = (column: ImportColumn) => (values[column] ?? '').trim();
  const problems: ImportProblem[] = [];
  const teamName = get('ten_to');
  if (!teamName) problems.push({ column: 'ten_to', message: 'chưa có tên tổ' });
  else if (teamName.length > 120) problems.push({ column: 'ten_to', message: 'tên tổ quá dài (tối đa 120 ký tự)' });
  const hamletNames = get('ap').split(';').map((name) => name.trim()).filter(Boolean);
  if (hamletNames.some((name) => name.length > 120)) problems.push({ column: 'ap', message: 'tên ấp quá dài (tối đa 120 ký tự)' });
  const establishedText = get('ngay_thanh_lap');
  const establishedOn = establishedText ? parseDisplayDay(establishedText) : null;
  if (establishedText && !establishedOn) problems.push({ column: 'ngay_thanh_lap', message: `“${establishedText}” không phải ngày hợp lệ (dd/MM/yyyy)` });
  const nameIssue = firstIssue(displayNameSchema.safeParse(get('ho_ten')));
  if (nameIssue) problems.push({ column: 'ho_ten', message: nameIssue });
  const username = usernameSchema.safeParse(get('ten_dang_nhap'));
  if (!username.success) problems.push({ column: 'ten_dang_nhap', message: firstIssue(username)! });
  const position = positionWords[foldDiacritics(get('chuc_vu'))];
  if (!position) problems.push({ column: 'chuc_vu', message: 'chức vụ phải là Tổ trưởng, Tổ phó hoặc Tổ viên' });
  const passwordIssue = firstIssue(newPasswordSchema.safeParse(get('mat_khau')));
  if (passwordIssue) problems.push({ column: 'mat_khau', message: passwordIssue });
  if (problems.length > 0 || !position || !username.success) return { row: null, problems };
  return {
    row: { line, teamName, hamletNames, establishedOn, displayName: get('ho_ten'), username: username.data, position, password: get('mat_khau') },
    problems,
  };
}

/** One sentence for a bad row: "Dòng 4: cột “ho_ten”: chưa có họ tên; cột “chuc_vu”: …". */
export function describeRowProblems(line: number, problems: readonly ImportProblem[]): string {
  return `Dòng ${line}: ${problems.map((p) => `cột “${p.column}”: ${p.message}`).join('; ')}.`;
}

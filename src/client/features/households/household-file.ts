/**
 * Reading a household list from a file: CSV through papaparse, Excel (.xlsx) through exceljs.
 * exceljs is large (about 250 KB gzipped), so it is imported only here, when a user picks an
 * .xlsx file on the import screen, and never lands in the app shell. Both give the same table:
 * header names folded to snake_case without diacritics, and rows of trimmed text.
 */
import Papa from 'papaparse';
import { foldDiacritics } from '#src/shared/domain/text.ts';

export interface SheetTable {
  headers: string[];
  /** Data rows as text, by folded header; `rowNumber` is the row in the file (header = 1). */
  rows: Array<{ rowNumber: number; cells: Record<string, string> }>;
}

/** "Tên chủ hộ" → "ten_chu_ho". */
export function headerKey(header: string): string {
  return foldDiacritics(header).replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '');
}

function toTable(matrix: string[][]): SheetTable {
  const [head = [], ...body] = matrix;
  const headers = head.map(headerKey);
  const rows: SheetTable['rows'] = [];
  body.forEach((line, index) => {
    if (line.every((cell) => cell.trim() === '')) return;
    const cells: Record<string, string> = {};
    headers.forEach((header, column) => {
      if (header) cells[header] = (line[column] ?? '').trim();
    });
    rows.push({ rowNumber: index + 2, cells });
  });
  return { headers, rows };
}

export function parseCsv(text: string): SheetTable {
  const result = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: false });
  return toTable(result.data.map((line) => line.map((cell) => String(cell ?? ''))));
}

/** A cell's text whatever exceljs made of it (number, date, rich text, formula result, link). */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value !== 'object') return String(value);
  const cell = value as { richText?: Array<{ text: string }>; result?: unknown; text?: unknown };
  if (Array.isArray(cell.richText)) return cell.richText.map((part) => part.text).join('');
  if (cell.result !== undefined) return cellText(cell.result);
  if (cell.text !== undefined) return cellText(cell.text);
  return '';
}

export async function parseXlsx(data: ArrayBuffer): Promise<SheetTable> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(data);
  const sheet = workbook.worksheets[0];
  if (!sheet) return { headers: [], rows: [] };
  const matrix: string[][] = [];
  for (let row = 1; row <= sheet.rowCount; row += 1) {
    const values = sheet.getRow(row).values as unknown[];
    // exceljs rows are 1-based: index 0 is empty.
    matrix.push(values.slice(1).map(cellText));
  }
  return toTable(matrix);
}

/** A file's bytes or text through FileReader, which every WebView has (Blob.text() is newer). */
function readAs<T extends string | ArrayBuffer>(file: Blob, as: 'text' | 'buffer'): Promise<T> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as T);
    reader.onerror = () => reject(reader.error ?? new Error('FileReader failed'));
    if (as === 'text') reader.readAsText(file, 'utf-8');
    else reader.readAsArrayBuffer(file);
  });
}

/** Reads a picked file by its name: .xlsx as Excel, anything else as CSV (UTF-8). */
export async function readHouseholdFile(file: Blob & { name: string }): Promise<SheetTable> {
  if (/\.xlsx$/i.test(file.name)) return parseXlsx(await readAs<ArrayBuffer>(file, 'buffer'));
  return parseCsv(await readAs<string>(file, 'text'));
}

/**
 * A roster file's bytes → rows of text cells. CSV (papaparse) in UTF-8 with or without a BOM,
 * UTF-16 with a BOM (Excel's "Unicode text"), or Windows-1252 (Excel's "CSV" on Windows);
 * separators comma, semicolon or tab, detected; quoted fields with separators and line breaks.
 * XLSX through exceljs. Nothing here decides what a cell means (shared/import does).
 */
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import type { Separator, TableFile, TextEncodingChoice } from '@shared/contract/imports';
import { MAX_IMPORT_ROWS } from '@shared/import/rosterImport';
import { AppError } from '@shared/errors';

const SEPARATOR_CHARS: Record<Separator, string> = { comma: ',', semicolon: ';', tab: '\t' };
const MAX_COLUMNS = 200;

export interface ReadTableOptions {
  encoding: 'auto' | TextEncodingChoice;
  separator: 'auto' | Separator;
  sheet: string | null;
}

export async function readTable(bytes: Uint8Array, fileName: string, options: ReadTableOptions): Promise<TableFile> {
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return readWorkbook(bytes, options.sheet);
  if (bytes.length >= 4 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    throw new AppError('invalid_input', `${fileName} is an old Excel file (.xls). In Excel, use File > Save As and choose "Excel Workbook (.xlsx)" or "CSV UTF-8", then import that.`);
  }
  return readDelimitedText(bytes, options);
}

/** The text, and how it was decoded: a BOM decides; else strict UTF-8 if it is valid; else Windows-1252. */
export function decodeText(bytes: Uint8Array, encoding: 'auto' | TextEncodingChoice): { text: string; encoding: NonNullable<TableFile['encoding']> } {
  const hasUtf8Bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  if (encoding === 'windows-1252') return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
  if (encoding === 'utf-8') return { text: new TextDecoder('utf-8').decode(bytes), encoding: hasUtf8Bom ? 'utf-8-bom' : 'utf-8' };
  if (hasUtf8Bom) return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8-bom' };
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    return { text: new TextDecoder(bytes[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(bytes), encoding: 'utf-16' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
  }
}

function readDelimitedText(bytes: Uint8Array, options: ReadTableOptions): TableFile {
  const { text, encoding } = decodeText(bytes, options.encoding);
  if (text.includes('\u0000')) throw new AppError('invalid_input', 'This file is not a spreadsheet or a CSV file Backchain can read (it holds binary data).');
  const result = Papa.parse<string[]>(text, {
    header: false,
    skipEmptyLines: false,
    delimiter: options.separator === 'auto' ? '' : SEPARATOR_CHARS[options.separator],
    delimitersToGuess: [',', ';', '\t'],
  });
  const separator = (Object.entries(SEPARATOR_CHARS).find(([, char]) => char === result.meta.delimiter)?.[0] ?? 'comma') as Separator;
  const warnings = [...new Set(result.errors.filter((e) => e.type === 'Quotes').map((e) => `A quoted field is not closed${e.row !== undefined ? ` (from row ${e.row + 1})` : ''}: check the rows below it.`))];
  return { format: 'csv', encoding, separator, sheets: [], sheet: null, rows: tidyRows(result.data), warnings };
}

/** Trailing empty rows (the file's last line break) go; everything is text; sizes are capped. */
function tidyRows(rows: unknown[][]): string[][] {
  const out = rows.map((row) => row.map((cell) => (typeof cell === 'string' ? cell : String(cell ?? ''))));
  while (out.length > 0 && (out.at(-1) ?? []).every((cell) => cell.trim() === '')) out.pop();
  if (out.length > MAX_IMPORT_ROWS + 20) throw new AppError('invalid_input', `The file has more than ${MAX_IMPORT_ROWS} rows; a roster should be much shorter. Split it into smaller files.`);
  if (out.some((row) => row.length > MAX_COLUMNS)) throw new AppError('invalid_input', `The file has more than ${MAX_COLUMNS} columns; it does not look like a roster.`);
  return out;
}

async function readWorkbook(bytes: Uint8Array, wantedSheet: string | null): Promise<TableFile> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  } catch (error) {
    throw new AppError('invalid_input', `This workbook could not be read (${(error as Error).message.slice(0, 120)}). Save it again from your spreadsheet program as .xlsx or as CSV.`);
  }
  const sheets = workbook.worksheets.map((w) => w.name);
  const sheet = wantedSheet === null ? (workbook.worksheets.find((w) => w.actualRowCount > 0) ?? workbook.worksheets[0]) : workbook.getWorksheet(wantedSheet);
  if (!sheet) throw new AppError('invalid_input', wantedSheet === null ? 'This workbook has no sheets.' : `This workbook has no sheet called "${wantedSheet}".`);
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cells[column - 1] = cellText(cell.value);
    });
    rows[rowNumber - 1] = Array.from(cells, (c) => c ?? '');
  });
  return { format: 'xlsx', encoding: null, separator: null, sheets, sheet: sheet.name, rows: tidyRows(Array.from(rows, (r) => r ?? [])), warnings: [] };
}

/** A cell as the coach sees it: numbers as written, dates as YYYY-MM-DD, formulas by their result. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value && Array.isArray(value.richText)) return value.richText.map((part) => part.text).join('');
    if ('formula' in value || 'sharedFormula' in value) return cellText((value as { result?: ExcelJS.CellValue }).result ?? null);
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('error' in value) return '';
  }
  return String(value);
}

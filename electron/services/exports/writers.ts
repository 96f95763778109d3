/**
 * Writing exported tables to disk as they are read, never whole in memory:
 * - XLSX: exceljs's streaming workbook writer, a sheet per table; header row bold, frozen and
 *   filterable; dates as real dates, numbers as numbers with their decimals as the format;
 *   masses in the squad's unit with the unit in the header.
 * - CSV: papaparse writes the quoting; UTF-8 with a byte-order mark so Excel reads accents;
 *   Windows line ends. One table: one .csv file. Several: one .csv each, in one .zip (fflate,
 *   streamed), since a save dialog or a browser download hands over a single file.
 *
 * Every text cell goes through spreadsheetText (shared/exports/spreadsheetText.ts): a name or a
 * note starting with = + - @ is never run as a formula.
 *
 * The export calls `addRow` for each row and, every few hundred rows, awaits `drain()`, which
 * lets the file stream catch up (and main answer other calls) before more rows come.
 */
import ExcelJS from 'exceljs';
import { strToU8, Zip, ZipDeflate } from 'fflate';
import fs from 'node:fs';
import Papa from 'papaparse';
import {
  cellInUnit,
  columnHeader,
  csvCell,
  dateParts,
  excelNumberFormat,
  rowCells,
  rowDecimals,
  type ExportCell,
  type ExportColumn,
  type ExportRow,
} from '@shared/exports/columns';
import { spreadsheetCell } from '@shared/exports/spreadsheetText';
import type { MassUnit } from '@shared/units';

export interface TableWriter {
  startTable(names: { sheetName: string; fileName: string }, columns: readonly ExportColumn[]): void;
  addRow(row: ExportRow): void;
  endTable(): void;
  /** Resolves when the file has taken what was written so far. */
  drain(): Promise<void>;
  /** Finish the file (resolves when it is complete on disk). */
  finish(): Promise<void>;
  /** Stop: close the file as it is (the caller deletes it). */
  abort(): Promise<void>;
}

/** A write stream that remembers its first error and lets the writer wait for it to drain. */
function fileStream(file: string) {
  const out = fs.createWriteStream(file);
  let failure: Error | null = null;
  out.on('error', (error) => {
    failure = error;
  });
  return {
    out,
    write(chunk: Uint8Array | string): void {
      if (failure) throw failure;
      out.write(chunk);
    },
    async drain(): Promise<void> {
      if (failure) throw failure;
      if (out.writableNeedDrain) await new Promise<void>((resolve, reject) => {
        const done = () => {
          out.off('error', reject);
          resolve();
        };
        out.once('drain', done);
        out.once('error', reject);
      });
    },
    end(): Promise<void> {
      return new Promise<void>((resolve, reject) => {
        if (failure) {
          reject(failure);
          return;
        }
        out.once('error', reject);
        out.end(() => (failure ? reject(failure) : resolve()));
      });
    },
    destroy(): Promise<void> {
      return new Promise<void>((resolve) => {
        if (out.closed) resolve();
        else {
          out.once('close', () => resolve());
          out.destroy();
        }
      });
    },
  };
}

/** Width of a column in the workbook: declared, or from the header. */
function columnWidth(column: ExportColumn, header: string): number {
  return column.width ?? Math.max(10, Math.min(40, header.length + 2));
}

/** Sheet names: at most 31 characters, none of : \ / ? * [ ], unique in the workbook. */
function sheetName(name: string, used: Set<string>): string {
  const base = name.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31).trim() || 'Sheet';
  let candidate = base;
  for (let n = 2; used.has(candidate.toLowerCase()); n += 1) candidate = `${base.slice(0, 27)} (${n})`;
  used.add(candidate.toLowerCase());
  return candidate;
}

export function createXlsxWriter(file: string, unit: MassUnit, meta: { title: string; created: Date }): TableWriter {
  const stream = fileStream(file);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: stream.out, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Backchain';
  workbook.title = meta.title;
  workbook.created = meta.created;
  const used = new Set<string>();
  let sheet: ExcelJS.Worksheet | null = null;
  let columns: readonly ExportColumn[] = [];
  let formats: (string | null)[] = [];
  // exceljs looks a cell's style up by the style object itself (a WeakMap), and otherwise
  // serialises it for every cell: one shared object per number format keeps a 300,000-row
  // sheet from spending most of its time there. These objects are never changed.
  const plain: Partial<ExcelJS.Style> = {};
  const styles = new Map<string, Partial<ExcelJS.Style>>();
  const styleFor = (format: string | null): Partial<ExcelJS.Style> => {
    if (format === null) return plain;
    let style = styles.get(format);
    if (!style) styles.set(format, (style = { numFmt: format }));
    return style;
  };

  return {
    startTable(names, tableColumns) {
      columns = tableColumns;
      // Whole numbers read well in Excel's General format; decimals, masses and dates get their own.
      formats = columns.map((c) => (c.kind === 'integer' ? null : excelNumberFormat(c)));
      sheet = workbook.addWorksheet(sheetName(names.sheetName, used), { views: [{ state: 'frozen', ySplit: 1 }] });
      sheet.columns = columns.map((c, i) => {
        const header = columnHeader(c, unit);
        return { header, key: String(i), width: columnWidth(c, header) };
      });
      const head = sheet.getRow(1);
      head.font = { bold: true };
      head.alignment = { vertical: 'top', wrapText: true };
      sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: Math.max(1, columns.length) } };
      head.commit();
    },
    addRow(row) {
      if (!sheet) throw new Error('addRow before startTable');
      const cells = rowCells(row);
      const decimals = rowDecimals(row);
      const values = cells.map((value, i) => {
        const column = columns[i] as ExportColumn;
        if (column.kind === 'date' && typeof value === 'string' && value !== '') {
          const [y, m, d] = dateParts(value);
          return new Date(Date.UTC(y, m - 1, d));
        }
        return spreadsheetCell(cellInUnit(value, column, unit));
      });
      const added = sheet.addRow(values);
      for (let i = 0; i < values.length; i += 1) {
        const override = decimals?.[i];
        const format = override === undefined || override === null || typeof values[i] !== 'number' ? (formats[i] ?? null) : excelNumberFormat(columns[i] as ExportColumn, override);
        added.getCell(i + 1).style = styleFor(values[i] === null ? null : format);
      }
      added.commit();
    },
    endTable() {
      sheet?.commit();
      sheet = null;
    },
    drain: () => stream.drain(),
    async finish() {
      await workbook.commit();
      // The workbook ends the stream itself; wait until the file is closed.
      if (!stream.out.closed) await new Promise<void>((resolve, reject) => {
        stream.out.once('close', () => resolve());
        stream.out.once('error', reject);
      });
    },
    abort: () => stream.destroy(),
  };
}

const CSV_BATCH = 500;
const BOM = '\uFEFF';

/** Rows as CSV text; every text cell escaped against formula injection (one helper for CSV and XLSX). */
export function csvText(rows: readonly (readonly ExportCell[])[]): string {
  return Papa.unparse(
    rows.map((row) => row.map(spreadsheetCell)),
    { newline: '\r\n', escapeFormulae: false },
  );
}

/** The CSV of one table, in pieces: the header (with the byte-order mark) first, then batches of rows. */
class CsvTable {
  private batch: ExportCell[][] = [];
  constructor(
    private readonly columns: readonly ExportColumn[],
    private readonly unit: MassUnit,
    private readonly emit: (text: string) => void,
  ) {
    emit(`${BOM}${csvText([columns.map((c) => columnHeader(c, unit))])}\r\n`);
  }
  add(row: ExportRow): void {
    const decimals = rowDecimals(row);
    this.batch.push(rowCells(row).map((value, i) => csvCell(value, this.columns[i] as ExportColumn, this.unit, decimals?.[i])));
    if (this.batch.length >= CSV_BATCH) this.flush();
  }
  flush(): void {
    if (this.batch.length === 0) return;
    this.emit(`${csvText(this.batch)}\r\n`);
    this.batch = [];
  }
}

/** One table as one .csv file. */
export function createCsvWriter(file: string, unit: MassUnit): TableWriter {
  const stream = fileStream(file);
  let table: CsvTable | null = null;
  return {
    startTable(_names, columns) {
      if (table) throw new Error('A CSV file holds one table');
      table = new CsvTable(columns, unit, (text) => stream.write(text));
    },
    addRow(row) {
      table?.add(row);
    },
    endTable() {
      table?.flush();
    },
    drain: () => stream.drain(),
    finish: () => stream.end(),
    abort: () => stream.destroy(),
  };
}

/** Several tables as .csv files in one .zip. */
export function createCsvZipWriter(file: string, unit: MassUnit): TableWriter {
  const stream = fileStream(file);
  let zipFailure: Error | null = null;
  const zip = new Zip((error, chunk) => {
    if (error) zipFailure = error;
    else stream.write(chunk);
  });
  const used = new Set<string>();
  let entry: ZipDeflate | null = null;
  let table: CsvTable | null = null;
  const check = () => {
    if (zipFailure) throw zipFailure;
  };
  return {
    startTable(names, columns) {
      let name = `${names.fileName}.csv`;
      for (let n = 2; used.has(name); n += 1) name = `${names.fileName}-${n}.csv`;
      used.add(name);
      const current = new ZipDeflate(name, { level: 6 });
      entry = current;
      zip.add(current);
      table = new CsvTable(columns, unit, (text) => current.push(strToU8(text)));
      check();
    },
    addRow(row) {
      table?.add(row);
    },
    endTable() {
      table?.flush();
      entry?.push(new Uint8Array(0), true);
      entry = null;
      table = null;
      check();
    },
    async drain() {
      check();
      await stream.drain();
    },
    async finish() {
      zip.end();
      check();
      await stream.end();
    },
    async abort() {
      zip.terminate();
      await stream.destroy();
    },
  };
}

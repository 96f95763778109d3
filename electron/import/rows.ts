/**
 * The rows of a file as they are read (CSV or XLSX alike), kept within the limits: blank rows
 * between rows with something in them are kept (so row numbers match the spreadsheet), blank
 * rows at the end are not; more rows or columns than the limits stop the reading with a
 * sentence; a cell longer than the limit is cut and the coach is told which one.
 */
import { AppError } from '@shared/errors';
import { columnLetter } from '@shared/import/headings';
import { IMPORT_ROW_MARGIN, type ReadLimits } from '@shared/import/limits';

export function tooManyRows(limits: ReadLimits): AppError {
  return new AppError(
    'invalid_input',
    `The file has more than ${limits.maxRows - IMPORT_ROW_MARGIN} rows of data; a roster or a results file is much shorter. Split it into smaller files, or check it is the right file.`,
  );
}

export function tooManyColumns(limits: ReadLimits): AppError {
  return new AppError('invalid_input', `The file has more than ${limits.maxColumns} columns; it does not look like a roster or a results file.`);
}

export function tooMuchText(limits: ReadLimits): AppError {
  return new AppError(
    'invalid_input',
    `The file holds more than ${Math.round(limits.maxTotalChars / 1_000_000)} million characters of text; a roster or a results file holds far less. Check it is the right file.`,
  );
}

export class RowCollector {
  readonly rows: string[][] = [];
  private readonly cut: string[] = [];
  private totalChars = 0;

  constructor(private readonly limits: ReadLimits) {}

  /** A cell's text within the length limit (`wasCut` when it had to be shortened). */
  capCell(text: string): { text: string; wasCut: boolean } {
    if (text.length <= this.limits.maxCellChars) return { text, wasCut: false };
    return { text: text.slice(0, this.limits.maxCellChars), wasCut: true };
  }

  /** Row `index` (0-based) with its cells; `cutColumns` are cells already cut while reading. */
  put(index: number, cells: string[], cutColumns: readonly number[] = []): void {
    let length = cells.length;
    while (length > 0 && (cells[length - 1] ?? '').trim() === '') length -= 1;
    if (length === 0) return;
    if (index >= this.limits.maxRows) throw tooManyRows(this.limits);
    if (length > this.limits.maxColumns) throw tooManyColumns(this.limits);
    // Empty cells at the end stay as the file has them, unless there are more than the column limit of them.
    const kept = cells.length > this.limits.maxColumns ? cells.slice(0, length) : cells;
    const row = Array.from(kept, (cell, column) => {
      const capped = this.capCell(cell ?? '');
      if (capped.wasCut || cutColumns.includes(column)) this.noteCut(index, column);
      this.totalChars += capped.text.length;
      return capped.text;
    });
    if (this.totalChars > this.limits.maxTotalChars) throw tooMuchText(this.limits);
    while (this.rows.length < index) this.rows.push([]);
    if (index < this.rows.length) this.rows[index] = row;
    else this.rows.push(row);
  }

  private noteCut(row: number, column: number): void {
    this.cut.push(`row ${row + 1}, column ${columnLetter(column)}`);
  }

  /** What the coach should know about how the rows were read. */
  warnings(): string[] {
    if (this.cut.length === 0) return [];
    const shown = this.cut.slice(0, 3).join('; ');
    const more = this.cut.length > 3 ? ` and ${this.cut.length - 3} more` : '';
    return [`Text longer than ${this.limits.maxCellChars} characters was cut (${shown}${more}).`];
  }
}

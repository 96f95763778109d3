/**
 * The columns of an exported table and what their cells hold, the same for CSV and XLSX:
 * - text: as it is;
 * - integer / decimal: numbers (never text), with a number of decimals for display;
 * - date: an ISO `YYYY-MM-DD` date (a real date in the workbook, the same text in a CSV);
 * - mass: kilograms as stored, written in the squad's unit with the unit in the header
 *   ("Body mass (lb)"), so a coach never has to guess what a number means.
 * A table declares its columns once; the writers turn each kind into the right cell.
 */
import type { IsoDate } from '../dates';
import { kgToUnit, roundForDisplay, type MassUnit } from '../units';

export type ColumnKind = 'text' | 'integer' | 'decimal' | 'date' | 'mass';

export interface ExportColumn {
  header: string;
  kind: ColumnKind;
  /** Decimals shown for decimal and mass columns (a row may override them, see ExportRow). */
  decimals?: number;
  /** Width in characters in the workbook (a sensible default from the header otherwise). */
  width?: number;
}

/** A cell: text, a number, an ISO date (date columns), or empty. Masses are in kilograms. */
export type ExportCell = string | number | null;

/**
 * One row. Most tables give the cells alone; a table whose numbers change precision from row to
 * row (test results: cm to one decimal, seconds to two) gives the decimals of each cell too.
 */
export type ExportRow = readonly ExportCell[] | { readonly cells: readonly ExportCell[]; readonly decimals: readonly (number | null)[] };

export function rowCells(row: ExportRow): readonly ExportCell[] {
  return Array.isArray(row) ? row : (row as { cells: readonly ExportCell[] }).cells;
}

export function rowDecimals(row: ExportRow): readonly (number | null)[] | null {
  return Array.isArray(row) ? null : (row as { decimals: readonly (number | null)[] }).decimals;
}

/** "Body mass (kg)" for a mass column; the header as declared otherwise. */
export function columnHeader(column: ExportColumn, unit: MassUnit): string {
  return column.kind === 'mass' ? `${column.header} (${unit})` : column.header;
}

/** Decimals of a cell: the row's own when it gives them, else the column's (integers: 0). */
export function cellDecimals(column: ExportColumn, override: number | null | undefined): number | null {
  if (override !== undefined && override !== null) return override;
  if (column.kind === 'integer') return 0;
  if (column.kind === 'decimal' || column.kind === 'mass') return column.decimals ?? null;
  return null;
}

/** A cell's value in the squad's unit, full precision (the workbook formats, it does not round). */
export function cellInUnit(value: ExportCell, column: ExportColumn, unit: MassUnit): ExportCell {
  if (column.kind === 'mass' && typeof value === 'number') return kgToUnit(value, unit);
  return value;
}

/** A cell for a CSV: masses in the squad's unit, numbers rounded to their decimals (no 54.499999). */
export function csvCell(value: ExportCell, column: ExportColumn, unit: MassUnit, decimalsOverride?: number | null): ExportCell {
  const converted = cellInUnit(value, column, unit);
  if (typeof converted !== 'number') return converted;
  const decimals = cellDecimals(column, decimalsOverride);
  return decimals === null ? converted : roundForDisplay(converted, decimals);
}

/** The workbook's number format for a cell ("0.0", "yyyy-mm-dd"), or null for text. */
export function excelNumberFormat(column: ExportColumn, decimalsOverride?: number | null): string | null {
  if (column.kind === 'date') return 'yyyy-mm-dd';
  if (column.kind === 'text') return null;
  const decimals = cellDecimals(column, decimalsOverride);
  if (decimals === null) return null;
  return decimals === 0 ? '0' : `0.${'0'.repeat(decimals)}`;
}

/** Year, month and day of an ISO date (for a date cell that must not move with the time zone). */
export function dateParts(date: IsoDate): [number, number, number] {
  return [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))];
}

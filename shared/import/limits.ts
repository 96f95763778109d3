/**
 * How much of a file an import reads: a roster or a results file is at most a few thousand rows
 * and a few dozen columns; a single cell is a name, a number or a note. Anything bigger is a
 * mistake (the wrong file) or an attack (a file built to exhaust memory), and is refused or cut
 * with a sentence that says so.
 */

/** Rows of data (the headings and a few title rows come on top). */
export const MAX_IMPORT_ROWS = 5000;
/** Title rows, blank rows and the headings above the data. */
export const IMPORT_ROW_MARGIN = 20;
export const MAX_IMPORT_COLUMNS = 200;
/** Characters of one cell (injury notes, the longest text an import writes, are 1000). */
export const MAX_CELL_CHARS = 1000;

export interface ReadLimits {
  /** Rows read, counting everything from row 1 to the last row with something in it. */
  maxRows: number;
  maxColumns: number;
  maxCellChars: number;
  /** A workbook part (the sheet, its shared texts, its styles) unpacked, in bytes, as the zip's directory declares it. */
  maxPartBytes: number;
  /** All the parts read from one workbook together, unpacked. */
  maxWorkbookBytes: number;
  /** Texts in a workbook's shared list (every cell of the largest sheet it may hold). */
  maxSharedTexts: number;
  /**
   * Characters of all the cells read, together. A workbook can name one long shared text in
   * every cell, so a small file could otherwise become a table of a gigabyte of text.
   */
  maxTotalChars: number;
}

export const DEFAULT_READ_LIMITS: ReadLimits = {
  maxRows: MAX_IMPORT_ROWS + IMPORT_ROW_MARGIN,
  maxColumns: MAX_IMPORT_COLUMNS,
  maxCellChars: MAX_CELL_CHARS,
  maxPartBytes: 64 * 1024 * 1024,
  maxWorkbookBytes: 128 * 1024 * 1024,
  maxSharedTexts: (MAX_IMPORT_ROWS + IMPORT_ROW_MARGIN) * MAX_IMPORT_COLUMNS,
  maxTotalChars: 20_000_000,
};

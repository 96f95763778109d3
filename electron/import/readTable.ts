/**
 * A file's bytes → rows of text cells, for every import (the roster, re-test and timing files).
 * CSV (papaparse, row by row) in UTF-8 with or without a BOM, UTF-16 with or without a BOM
 * (Excel's "Unicode text"), or Windows-1252 (Excel's "CSV" on Windows); separators comma,
 * semicolon, tab or pipe, detected; quoted fields with separators and line breaks. XLSX through
 * ./xlsx.ts (the zip's directory checked before anything is unpacked, the sheet read as a stream).
 * Rows, columns and cell lengths are kept within the limits (shared/import/limits.ts); reading
 * stops as soon as a limit is passed.
 *
 * A pure function of the bytes, the choices and the limits: no files, no database, nothing of
 * the main thread, so it can run in a worker as it is. Nothing here decides what a cell means
 * (shared/import does).
 */
import Papa from 'papaparse';
import type { readTableInput, Separator, TableFile, TextEncodingChoice } from '@shared/contract/imports';
import type { z } from 'zod';
import { AppError } from '@shared/errors';
import { DEFAULT_READ_LIMITS, type ReadLimits } from '@shared/import/limits';
import { RowCollector, tooManyRows } from './rows';
import { readWorkbook } from './xlsx';

const SEPARATOR_CHARS: Record<Separator, string> = { comma: ',', semicolon: ';', tab: '\t', pipe: '|' };

export interface ReadTableOptions {
  encoding: 'auto' | TextEncodingChoice;
  separator: 'auto' | Separator;
  sheet: string | null;
}

export function readTable(bytes: Uint8Array, fileName: string, options: ReadTableOptions, limits: ReadLimits = DEFAULT_READ_LIMITS): TableFile {
  const starts = (...signature: number[]) => bytes.length >= signature.length && signature.every((b, i) => bytes[i] === b);
  if (starts(0x50, 0x4b, 0x03, 0x04) || starts(0x50, 0x4b, 0x05, 0x06)) return readWorkbook(bytes, options.sheet, limits);
  if (starts(0xd0, 0xcf, 0x11, 0xe0)) {
    throw new AppError('invalid_input', `${fileName} is an old Excel file (.xls). In Excel, use File > Save As and choose "Excel Workbook (.xlsx)" or "CSV UTF-8", then import that.`);
  }
  return readDelimitedText(bytes, options, limits);
}

/** A file as a call brings it (base64, with the coach's choices): decoded, then read. (Main's side of the call; readTable itself needs no Node.) */
export function readUploadedTable(input: z.output<typeof readTableInput>): TableFile {
  const bytes = Buffer.from(input.contentBase64, 'base64');
  return readTable(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), input.fileName, { encoding: input.encoding, separator: input.separator, sheet: input.sheet });
}

/** UTF-16 written without a byte-order mark: every other byte of Latin text is zero. */
function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const sample = bytes.subarray(0, Math.min(bytes.length, 4096) & ~1);
  if (sample.length < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < sample.length; i += 2) {
    if (sample[i] === 0) evenZeros += 1;
    if (sample[i + 1] === 0) oddZeros += 1;
  }
  const pairs = sample.length / 2;
  if (oddZeros > pairs * 0.4 && evenZeros < pairs * 0.05) return 'utf-16le';
  if (evenZeros > pairs * 0.4 && oddZeros < pairs * 0.05) return 'utf-16be';
  return null;
}

/** The text, and how it was decoded: a BOM decides; else UTF-16 if it looks so; else strict UTF-8 if it is valid; else Windows-1252. */
export function decodeText(bytes: Uint8Array, encoding: 'auto' | TextEncodingChoice): { text: string; encoding: NonNullable<TableFile['encoding']> } {
  const hasUtf8Bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  if (encoding === 'windows-1252') return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
  if (encoding === 'utf-8') return { text: new TextDecoder('utf-8').decode(bytes), encoding: hasUtf8Bom ? 'utf-8-bom' : 'utf-8' };
  if (hasUtf8Bom) return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8-bom' };
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    return { text: new TextDecoder(bytes[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(bytes), encoding: 'utf-16' };
  }
  const utf16 = utf16WithoutBom(bytes);
  if (utf16) return { text: new TextDecoder(utf16).decode(bytes), encoding: 'utf-16' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
  }
}

/** NUL characters, or more than a few other control characters (text has tabs and line breaks only). */
function looksBinary(text: string): boolean {
  if (text.includes('\u0000')) return true;
  const sample = text.slice(0, 4096);
  let controls = 0;
  for (let i = 0; i < sample.length; i += 1) {
    const code = sample.charCodeAt(i);
    if (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) controls += 1;
  }
  return controls > Math.max(2, sample.length * 0.01);
}

function guessSeparator(text: string): string {
  const sample = text.slice(0, 64 * 1024);
  return Papa.parse<string[]>(sample, { preview: 20, delimitersToGuess: Object.values(SEPARATOR_CHARS) }).meta.delimiter || ',';
}

function readDelimitedText(bytes: Uint8Array, options: ReadTableOptions, limits: ReadLimits): TableFile {
  const { text, encoding } = decodeText(bytes, options.encoding);
  if (looksBinary(text)) throw new AppError('invalid_input', 'This file is not a spreadsheet or a CSV file Backchain can read (it holds binary data).');
  const collector = new RowCollector(limits);
  // The separator is guessed from the start of the file: papaparse's own guess reads the whole
  // text once per candidate, which on a long file costs seconds.
  const delimiter = options.separator === 'auto' ? guessSeparator(text) : SEPARATOR_CHARS[options.separator];
  const quoteProblems = new Set<string>();
  let index = 0;
  let failure: unknown = null;
  // Row by row: the rows are checked against the limits as they come, and reading stops at the first one past them.
  Papa.parse<string[]>(text, {
    header: false,
    skipEmptyLines: false,
    delimiter,
    step: (result, parser) => {
      for (const error of result.errors) {
        if (error.type === 'Quotes') quoteProblems.add(`A quoted field is not closed (from row ${index + 1}): check the rows below it.`);
      }
      try {
        // Blank lines are skipped quickly, but not forever: a file of millions of them is not a roster.
        if (index >= limits.maxRows * 4) throw tooManyRows(limits);
        collector.put(index, result.data.map((cell) => (typeof cell === 'string' ? cell : String(cell ?? ''))));
      } catch (error) {
        failure = error;
        parser.abort();
      }
      index += 1;
    },
  });
  if (failure) throw failure;
  const separator = (Object.entries(SEPARATOR_CHARS).find(([, char]) => char === delimiter)?.[0] ?? 'comma') as Separator;
  return { format: 'csv', encoding, separator, sheets: [], sheet: null, rows: collector.rows, warnings: [...quoteProblems, ...collector.warnings()] };
}

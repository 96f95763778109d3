/**
 * The one reader of every import (electron/import/readTable.ts), on files as programs really
 * write them and on files built to hurt (issue 11: "forgiving with real files", item 2 of
 * "immune to hostile files"). The reader is a pure function of bytes and limits, so it is called
 * directly; tests/electron/rosterImport.test.ts and retestImport.test.ts go through the API.
 */
import ExcelJS from 'exceljs';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readTable, type ReadTableOptions } from '@main/import/readTable';
import type { TableFile } from '@shared/contract/imports';
import { AppError } from '@shared/errors';
import { DEFAULT_READ_LIMITS } from '@shared/import/limits';
import { buildXlsx, worksheetXml, zipBomb } from '../support/xlsxFiles';

const AUTO: ReadTableOptions = { encoding: 'auto', separator: 'auto', sheet: null };
const read = (bytes: Uint8Array, options: Partial<ReadTableOptions> = {}) => readTable(bytes, 'file', { ...AUTO, ...options });

function refusal(bytes: Uint8Array, options: Partial<ReadTableOptions> = {}): string {
  try {
    read(bytes, options);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return (error as AppError).message;
  }
  throw new Error('the file was read, but should have been refused');
}

// ---------------------------------------------------------------------------------------------
// Real files: every encoding and separator programs write.

const ROWS = [
  ['Athlete', 'Trial', '10 m', '20 m', 'Notes'],
  ['Núñez, José', '1', '1,92', '3,31', 'Windy; "gusts"'],
  ['Zoë Françoise', '2', '1.88', '3.25', ''],
];

/** One text, written with this separator (fields quoted where they must be). */
function csvText(separator: string): string {
  const quote = (cell: string) => (cell.includes(separator) || cell.includes('"') || cell.includes('\n') ? `"${cell.replace(/"/g, '""')}"` : cell);
  return ROWS.map((row) => row.map(quote).join(separator)).join('\r\n') + '\r\n';
}

const ENCODINGS: [string, (text: string) => Uint8Array, TableFile['encoding']][] = [
  ['UTF-8', (t) => Buffer.from(t, 'utf8'), 'utf-8'],
  ['UTF-8 with BOM (Excel "CSV UTF-8")', (t) => Buffer.from(`\uFEFF${t}`, 'utf8'), 'utf-8-bom'],
  ['UTF-16 LE with BOM (Excel "Unicode text")', (t) => Buffer.from(`\uFEFF${t}`, 'utf16le'), 'utf-16'],
  ['UTF-16 BE with BOM', (t) => Buffer.from(`\uFEFF${t}`, 'utf16le').swap16(), 'utf-16'],
  ['UTF-16 LE without BOM', (t) => Buffer.from(t, 'utf16le'), 'utf-16'],
  ['Windows-1252 (Excel "CSV" on Windows)', (t) => Buffer.from(t, 'latin1'), 'windows-1252'],
];
const SEPARATORS: [string, string][] = [
  [',', 'comma'],
  [';', 'semicolon'],
  ['\t', 'tab'],
  ['|', 'pipe'],
];

describe('CSV in any encoding and separator', () => {
  for (const [encodingName, encode, encoding] of ENCODINGS) {
    for (const [char, separator] of SEPARATORS) {
      it(`${encodingName}, ${separator}-separated`, () => {
        const table = read(encode(csvText(char)));
        expect(table).toMatchObject({ format: 'csv', encoding, separator, warnings: [] });
        expect(table.rows).toEqual(ROWS);
      });
    }
  }

  it('the coach can insist on an encoding and a separator', () => {
    const latin = Buffer.from(csvText(';'), 'latin1');
    expect(read(latin, { encoding: 'utf-8' }).rows[1]?.[0]).toBe('N\uFFFD\uFFFDez, Jos\uFFFD');
    // Forcing a comma splits the name at its comma and keeps the semicolons: the coach sees the columns go wrong.
    expect(read(latin, { separator: 'comma' }).rows[1]?.slice(0, 2)).toEqual(['Núñez', ' José;1;1']);
  });

  it('an unclosed quote is read as far as it goes, and said', () => {
    const table = read(Buffer.from('Name,Notes\nAna,"never closed\nBen,ok\n'));
    expect(table.warnings).toEqual(['A quoted field is not closed (from row 2): check the rows below it.']);
  });
});

// ---------------------------------------------------------------------------------------------
// Workbooks.

describe('XLSX as programs write it', () => {
  it('exceljs: shared texts, a date of birth, a formula, rich text, TRUE/FALSE, the first sheet with something in it', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Cover');
    const sheet = workbook.addWorksheet('Results');
    sheet.addRow(['Athlete', 'Born', 'CMJ', 'Injured']);
    sheet.addRow(['Ana López', new Date(Date.UTC(2009, 2, 14)), { formula: '30+4.5', result: 34.5 }, false]);
    sheet.addRow([{ richText: [{ text: 'Ben ', font: { bold: true } }, { text: 'Okafor' }] }, new Date(Date.UTC(2008, 10, 2)), 31, true]);
    sheet.getColumn(2).numFmt = 'dd/mm/yyyy';
    const table = read(new Uint8Array(await workbook.xlsx.writeBuffer()));
    expect(table).toMatchObject({ format: 'xlsx', sheets: ['Cover', 'Results'], sheet: 'Results', warnings: [] });
    expect(table.rows).toEqual([
      ['Athlete', 'Born', 'CMJ', 'Injured'],
      ['Ana López', '2009-03-14', '34.5', 'no'],
      ['Ben Okafor', '2008-11-02', '31', 'yes'],
    ]);
    expect(read(new Uint8Array(await workbook.xlsx.writeBuffer()), { sheet: 'Cover' }).rows).toEqual([]);
    expect(refusal(new Uint8Array(await workbook.xlsx.writeBuffer()), { sheet: 'Nope' })).toBe('This workbook has no sheet called "Nope".');
  });

  it('hand-written XML: a namespace prefix, inline strings, built-in and custom date styles, the 1904 date system, blank rows kept for the numbering', () => {
    const styles = `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="[$-409]d\\-mmm\\-yy;@"/></numFmts><cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="2"/></cellXfs></styleSheet>`;
    const rows = [
      '<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>Name</x:t></x:is></x:c><x:c r="B1" t="inlineStr"><x:is><x:t>Date</x:t></x:is></x:c><x:c r="C1" t="inlineStr"><x:is><x:t>Mass</x:t></x:is></x:c></x:row>',
      '<x:row r="4"><x:c r="A4" t="inlineStr"><x:is><x:r><x:t>Ana </x:t></x:r><x:r><x:t>L&amp;ópez</x:t></x:r></x:is></x:c><x:c r="B4" s="1"><x:v>0</x:v></x:c><x:c r="C4" s="3"><x:v>54.5</x:v></x:c></x:row>',
      '<x:row r="5"><x:c r="A5" t="str"><x:f>"Ben"</x:f><x:v>Ben</x:v></x:c><x:c r="B5" s="2"><x:v>1</x:v></x:c><x:c r="C5" t="e"><x:v>#DIV/0!</x:v></x:c></x:row>',
    ].join('');
    const xml = `<?xml version="1.0"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>${rows}</x:sheetData></x:worksheet>`;
    const table = read(buildXlsx([{ name: 'Sheet1', xml }], { styles, date1904: true }));
    // 1904 system: serial 0 is 1 Jan 1904, serial 1 is 2 Jan 1904.
    expect(table.rows).toEqual([['Name', 'Date', 'Mass'], [], [], ['Ana L&ópez', '1904-01-01', '54.5'], ['Ben', '1904-01-02']]);
  });

  it('the 1900 date system, with its phantom 29 Feb 1900', () => {
    const styles = '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>';
    // Serial 1 = 1 Jan 1900, 59 = 28 Feb 1900, 61 = 1 Mar 1900, 45907 = 7 Sep 2025 (Excel's own numbering).
    const cells = [1, 59, 61, 45907].map((serial, i) => `<row r="${i + 1}"><c r="A${i + 1}" s="1"><v>${serial}</v></c></row>`).join('');
    expect(read(buildXlsx([{ name: 'S', xml: worksheetXml(cells) }], { styles })).rows).toEqual([['1900-01-01'], ['1900-02-28'], ['1900-03-01'], ['2025-09-07']]);
  });

  it('an old .xls, an OpenDocument file and a broken zip are refused with what to do', () => {
    expect(refusal(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))).toMatch(/old Excel file \(\.xls\).*Save As/);
    expect(refusal(buildXlsxOds())).toMatch(/OpenDocument spreadsheet \(\.ods\)/);
    expect(refusal(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).toMatch(/workbook could not be read \(it is not a complete zip file\)/);
  });
});

function buildXlsxOds(): Uint8Array {
  return zipSync({ mimetype: strToU8('application/vnd.oasis.opendocument.spreadsheet'), 'content.xml': strToU8('<office:document-content/>') });
}

// ---------------------------------------------------------------------------------------------
// Hostile files.

/** Memory growth (JavaScript heap and array buffers) while `fn` runs, in MB. */
function heapGrowthMb(fn: () => void): number {
  const used = () => {
    const m = process.memoryUsage();
    return m.heapUsed + m.arrayBuffers;
  };
  const before = used();
  fn();
  return (used() - before) / 1024 / 1024;
}

describe('a zip bomb', () => {
  it('a 1 MB workbook whose sheet unpacks to 1 GB is refused from its zip directory, before anything is unpacked', () => {
    const bomb = zipBomb(1024 * 1024 * 1024, 'truth');
    expect(bomb.bytes.length).toBeLessThan(2 * 1024 * 1024);
    expect(bomb.unpackedSize).toBeGreaterThan(1024 * 1024 * 1024);
    let message = '';
    const started = performance.now();
    const growth = heapGrowthMb(() => (message = refusal(bomb.bytes)));
    expect(message).toBe(
      'This workbook is far too large once unpacked (1024 MB for one sheet; Backchain reads up to 64 MB). A roster or a results file is much smaller: check it is the right file, or save the sheet you need as CSV and import that.',
    );
    expect(performance.now() - started).toBeLessThan(1000);
    expect(growth).toBeLessThan(50);
  });

  it('the same bomb with a directory that lies (it claims 1 MB) unpacks no more than the 1 MB it claims, and is refused', () => {
    const bomb = zipBomb(1024 * 1024 * 1024, 1024 * 1024);
    let message = '';
    const growth = heapGrowthMb(() => (message = refusal(bomb.bytes)));
    expect(message).toMatch(/^This workbook could not be read/);
    expect(growth).toBeLessThan(100);
  });

  it('a sheet with one 5-million-character cell (within the size limit) is read with the cell cut to 1000 characters, and said', () => {
    const bomb = zipBomb(5 * 1024 * 1024, 'truth');
    const table = read(bomb.bytes);
    expect(table.rows).toHaveLength(1);
    expect(table.rows[0]?.[0]).toBe('A'.repeat(DEFAULT_READ_LIMITS.maxCellChars));
    expect(table.warnings).toEqual(['Text longer than 1000 characters was cut (row 1, column A).']);
  });

  it('a long shared text is cut the same way', () => {
    const long = 'B'.repeat(50_000);
    const sharedStrings = `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>Name</t></si><si><t>${long}</t></si></sst>`;
    const table = read(buildXlsx([{ name: 'S', xml: worksheetXml('<row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="2"><c r="A2" t="s"><v>1</v></c></row>') }], { sharedStrings }));
    expect(table.rows).toEqual([['Name'], ['B'.repeat(1000)]]);
    expect(table.warnings).toEqual(['Text longer than 1000 characters was cut (row 2, column A).']);
  });
});

describe('too much of everything', () => {
  it('a sheet of 200,000 rows stops at the row limit, fast', () => {
    const rows = Array.from({ length: 200_000 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`).join('');
    const bytes = buildXlsx([{ name: 'S', xml: worksheetXml(rows) }]);
    const started = performance.now();
    expect(refusal(bytes)).toBe('The file has more than 5000 rows of data; a roster or a results file is much shorter. Split it into smaller files, or check it is the right file.');
    expect(performance.now() - started).toBeLessThan(3000);
  });

  it('a CSV of 340,000 rows stops at the row limit', () => {
    const csv = Buffer.from(`Athlete,CMJ\n${'Ana López,34.5\n'.repeat(340_000)}`);
    expect(refusal(csv)).toMatch(/more than 5000 rows of data/);
  });

  it('5020 rows (data and title rows) are fine; the 5021st row with something in it is not', () => {
    const rows = (n: number) => Buffer.from(Array.from({ length: n }, (_, i) => `Runner ${i},${i}`).join('\n'));
    expect(read(rows(5020)).rows).toHaveLength(5020);
    expect(refusal(rows(5021))).toMatch(/more than 5000 rows/);
  });

  it('a value in column XFD is too many columns; empty styled cells out there are nothing', () => {
    const far = '<row r="1"><c r="A1" t="inlineStr"><is><t>Name</t></is></c><c r="XFD1" t="inlineStr"><is><t>x</t></is></c></row>';
    expect(refusal(buildXlsx([{ name: 'S', xml: worksheetXml(far) }]))).toMatch(/more than 200 columns/);
    const styled = '<row r="1"><c r="A1" t="inlineStr"><is><t>Name</t></is></c><c r="XFD1" s="1"/></row><row r="1048576" s="1"/>';
    expect(read(buildXlsx([{ name: 'S', xml: worksheetXml(styled) }])).rows).toEqual([['Name']]);
  });

  it('one long shared text named in every cell (a tiny file, a gigabyte of table) is refused', () => {
    const sharedStrings = `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>${'W'.repeat(1000)}</t></si></sst>`;
    const cells = '<c t="s"><v>0</v></c>'.repeat(200);
    const rows = Array.from({ length: 5000 }, (_, i) => `<row r="${i + 1}">${cells}</row>`).join('');
    const bytes = buildXlsx([{ name: 'S', xml: worksheetXml(rows) }], { sharedStrings });
    expect(bytes.length).toBeLessThan(1024 * 1024);
    expect(refusal(bytes)).toBe('The file holds more than 20 million characters of text; a roster or a results file holds far less. Check it is the right file.');
  });

  it('a document type declaration (entity expansion, "billion laughs") is refused', () => {
    const laughs = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol2;</t></is></c></row></sheetData></worksheet>`;
    expect(refusal(buildXlsx([{ name: 'S', xml: laughs }]))).toMatch(/document type declaration/);
  });

  it('binary junk is not a CSV', () => {
    expect(refusal(new Uint8Array([1, 0, 2, 0, 3, 0, 255, 0]))).toMatch(/binary data/);
    expect(refusal(new Uint8Array(Array.from({ length: 600 }, (_, i) => (i * 37) % 256)))).toMatch(/binary data/);
  });
});

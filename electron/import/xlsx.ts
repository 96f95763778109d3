/**
 * An Excel workbook (.xlsx: XML files in a zip) → rows of text cells, safe with a hostile file:
 * - the zip's directory is read first (fflate) and every part Backchain needs is checked against
 *   the limits by the size the directory declares, before anything is unpacked; a part is then
 *   unpacked into exactly that many bytes, so a directory that lies cannot make it bigger;
 * - the sheet and its shared texts are parsed as a stream of XML events (saxes), row by row,
 *   stopping at the row limit; a run of text too long for a cell is cut before the XML parser
 *   ever holds it, so one cell cannot grow to hundreds of millions of characters;
 * - no DOCTYPE (so no entity expansion) is accepted.
 * A pure function of the bytes and the limits (no files, no Node buffers, nothing of the main
 * thread): it can move into a worker as it is.
 *
 * Cells read as the coach sees them: numbers as written, dates (by their number format) as
 * YYYY-MM-DD, formulas by their result, rich text joined, errors blank, TRUE/FALSE as yes/no.
 */
import { unzipSync, type UnzipFileInfo } from 'fflate';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import type { TableFile } from '@shared/contract/imports';
import { AppError } from '@shared/errors';
import type { ReadLimits } from '@shared/import/limits';
import { RowCollector, tooManyColumns } from './rows';

const SAVE_AGAIN = 'Open it in your spreadsheet program and save it again as .xlsx, or as CSV, then import that.';

function unreadable(what: string): AppError {
  return new AppError('invalid_input', `This workbook could not be read (${what}). ${SAVE_AGAIN}`);
}

const megabytes = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

/** The parts of the zip, by name, from its directory: nothing unpacked yet. */
function zipDirectory(bytes: Uint8Array): Map<string, UnzipFileInfo> {
  const entries = new Map<string, UnzipFileInfo>();
  try {
    unzipSync(bytes, {
      filter: (file) => {
        entries.set(file.name, file);
        return false;
      },
    });
  } catch {
    throw unreadable('it is not a complete zip file');
  }
  return entries;
}

/**
 * Unpack some parts, each checked first against the limits by its declared size. fflate unpacks
 * a part into a buffer of exactly its declared size, so the output can never be larger.
 */
function unpack(bytes: Uint8Array, directory: Map<string, UnzipFileInfo>, names: readonly string[], limits: ReadLimits, budget: { used: number }): Map<string, Uint8Array> {
  const wanted = new Set(names.filter((n) => directory.has(n)));
  for (const name of wanted) {
    const info = directory.get(name) as UnzipFileInfo;
    if (info.compression !== 0 && info.compression !== 8) throw unreadable(`its part ${name} is packed in a way spreadsheet programs do not use`);
    if (info.originalSize > limits.maxPartBytes || budget.used + info.originalSize > limits.maxWorkbookBytes) {
      throw new AppError(
        'invalid_input',
        `This workbook is far too large once unpacked (${megabytes(info.originalSize)} for one sheet; Backchain reads up to ${megabytes(limits.maxPartBytes)}). A roster or a results file is much smaller: check it is the right file, or save the sheet you need as CSV and import that.`,
      );
    }
    budget.used += info.originalSize;
  }
  try {
    const files = unzipSync(bytes, { filter: (file) => wanted.has(file.name) });
    return new Map(Object.entries(files));
  } catch {
    throw unreadable('a part of it is damaged');
  }
}

/**
 * Feed XML bytes to a parser in pieces, never letting a run of text between two tags grow past
 * `maxRun` characters: the rest of such a run is dropped before the parser sees it. Setting
 * `control.stopped` from a handler ends the feeding.
 */
function feedXml(bytes: Uint8Array, parser: SaxesParser, maxRun: number, control: { stopped: boolean }): void {
  const decoder = new TextDecoder('utf-8');
  const CHUNK = 256 * 1024;
  let run = 0;
  let dropping = false;
  for (let offset = 0; offset < bytes.length && !control.stopped; offset += CHUNK) {
    const last = offset + CHUNK >= bytes.length;
    let text = decoder.decode(bytes.subarray(offset, offset + CHUNK), { stream: !last });
    // Keep every '<' and at most maxRun characters after each.
    let kept = '';
    let from = 0;
    while (from < text.length) {
      const lt = text.indexOf('<', from);
      const end = lt < 0 ? text.length : lt;
      if (!dropping) {
        const room = maxRun - run;
        if (end - from <= room) kept += text.slice(from, end);
        else {
          let piece = text.slice(from, from + room);
          // Never end inside an entity ("&am"): the parser would refuse the file for our cut.
          const amp = piece.lastIndexOf('&');
          if (amp >= 0 && !piece.includes(';', amp)) piece = piece.slice(0, amp);
          kept += piece;
          dropping = true;
        }
        run += end - from;
      }
      if (lt < 0) break;
      kept += '<';
      run = 0;
      dropping = false;
      from = lt + 1;
    }
    text = kept;
    try {
      parser.write(text);
    } catch (error) {
      if (control.stopped) return;
      throw error;
    }
  }
  if (!control.stopped) parser.close();
}

/**
 * The longest run of raw XML text kept for one cell: enough that what is kept still decodes to
 * more than a cell may hold (an entity like &#1114111; is 10 characters for one), so a cut run is
 * always seen, and cut, as a cell that is too long.
 */
const textRunLimit = (limits: ReadLimits) => limits.maxCellChars * 12;

/** "x:row" → "row": some programs write the workbook's XML with a namespace prefix. */
const local = (name: string) => name.slice(name.indexOf(':') + 1);

function newParser(): SaxesParser {
  const parser = new SaxesParser({ xmlns: false, position: false });
  parser.on('doctype', () => {
    throw unreadable('it carries a document type declaration, which spreadsheet programs never write');
  });
  return parser;
}

function parseXml(bytes: Uint8Array, what: string, maxRun: number, handlers: (parser: SaxesParser, control: { stopped: boolean }) => void): void {
  const parser = newParser();
  const control = { stopped: false };
  handlers(parser, control);
  try {
    feedXml(bytes, parser, maxRun, control);
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw unreadable(`its ${what} is not well-formed XML`);
  }
}

/** Every element's attributes as plain text. */
function attrs(tag: SaxesTagPlain): Record<string, string> {
  return tag.attributes as Record<string, string>;
}

interface SheetRef {
  name: string;
  path: string;
}

/** "xl/_rels/workbook.xml.rels" for "xl/workbook.xml". */
function relsPathOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** A relationship's target, resolved against the folder of the part that names it. */
function resolveTarget(fromPart: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = fromPart.split('/').slice(0, -1);
  for (const piece of target.split('/')) {
    if (piece === '..') parts.pop();
    else if (piece !== '.' && piece !== '') parts.push(piece);
  }
  return parts.join('/');
}

function readRelationships(bytes: Uint8Array | undefined, fromPart: string): Map<string, { type: string; target: string }> {
  const rels = new Map<string, { type: string; target: string }>();
  if (!bytes) return rels;
  parseXml(bytes, 'list of parts', 100_000, (parser) => {
    parser.on('opentag', (tag) => {
      if (local(tag.name) !== 'Relationship') return;
      const a = attrs(tag);
      if (a.Id && a.Target && a.TargetMode !== 'External') rels.set(a.Id, { type: a.Type ?? '', target: resolveTarget(fromPart, a.Target) });
    });
  });
  return rels;
}

interface WorkbookFacts {
  sheets: SheetRef[];
  date1904: boolean;
  stylesPath: string | null;
  sharedStringsPath: string | null;
}

function readWorkbookFacts(bytes: Uint8Array, directory: Map<string, UnzipFileInfo>, limits: ReadLimits, budget: { used: number }): WorkbookFacts {
  const root = unpack(bytes, directory, ['_rels/.rels'], limits, budget);
  // The package's own relationships name the workbook part (targets relative to the package root).
  const office = [...readRelationships(root.get('_rels/.rels'), '').values()].find((r) => r.type.endsWith('/officeDocument'));
  const workbookPath = office?.target ?? 'xl/workbook.xml';
  const parts = unpack(bytes, directory, [workbookPath, relsPathOf(workbookPath)], limits, budget);
  const workbookXml = parts.get(workbookPath);
  if (!workbookXml) {
    if (directory.has('content.xml') || directory.has('mimetype')) {
      throw new AppError('invalid_input', `This is an OpenDocument spreadsheet (.ods). Save it as "Excel Workbook (.xlsx)" or as CSV, then import that.`);
    }
    throw unreadable('it is a zip file without a workbook in it');
  }
  const rels = readRelationships(parts.get(relsPathOf(workbookPath)), workbookPath);
  const sheets: SheetRef[] = [];
  let date1904 = false;
  parseXml(workbookXml, 'workbook', 100_000, (parser) => {
    parser.on('opentag', (tag) => {
      const name = local(tag.name);
      const a = attrs(tag);
      if (name === 'workbookPr') date1904 = a.date1904 === '1' || a.date1904 === 'true';
      if (name !== 'sheet') return;
      const id = Object.entries(a).find(([key]) => local(key) === 'id')?.[1];
      const rel = id ? rels.get(id) : undefined;
      if (rel && rel.type.endsWith('/worksheet') && a.name) sheets.push({ name: a.name, path: rel.target });
    });
  });
  const byType = (suffix: string) => [...rels.values()].find((r) => r.type.endsWith(suffix))?.target ?? null;
  return { sheets, date1904, stylesPath: byType('/styles'), sharedStringsPath: byType('/sharedStrings') };
}

/** Built-in number formats that show a date (ECMA-376 §18.8.30, and the East Asian ones). */
const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 34, 35, 36, 50, 51, 52, 53, 54, 57, 58]);

/** A custom format shows a date if, outside quotes, escapes and [brackets], it has a day or a year. */
export function isDateFormat(code: string): boolean {
  const bare = code.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, '');
  return /[dy]/i.test(bare);
}

/** Which style indexes (the `s` of a cell) show a date. */
function readDateStyles(bytes: Uint8Array | undefined): Set<number> {
  const dates = new Set<number>();
  if (!bytes) return dates;
  const custom = new Map<number, string>();
  const xfs: number[] = [];
  let inCellXfs = false;
  parseXml(bytes, 'styles', 100_000, (parser) => {
    parser.on('opentag', (tag) => {
      const name = local(tag.name);
      const a = attrs(tag);
      if (name === 'numFmt' && a.numFmtId !== undefined) custom.set(Number(a.numFmtId), a.formatCode ?? '');
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) xfs.push(Number(a.numFmtId ?? 0));
    });
    parser.on('closetag', (tag) => {
      if (local(tag.name) === 'cellXfs') inCellXfs = false;
    });
  });
  xfs.forEach((id, index) => {
    const code = custom.get(id);
    if (code !== undefined ? isDateFormat(code) : BUILTIN_DATE_FORMATS.has(id)) dates.add(index);
  });
  return dates;
}

/** The workbook's shared texts, each within the cell limit. */
function readSharedStrings(bytes: Uint8Array | undefined, limits: ReadLimits): { texts: string[]; cut: Set<number> } {
  const texts: string[] = [];
  const cut = new Set<number>();
  if (!bytes) return { texts, cut };
  let current: string[] | null = null;
  let length = 0;
  let inText = false;
  let phonetic = 0;
  parseXml(
    bytes,
    'shared texts',
    textRunLimit(limits),
    (parser) => {
      parser.on('opentag', (tag) => {
        const name = local(tag.name);
        if (name === 'si') {
          current = [];
          length = 0;
        } else if (name === 'rPh') phonetic += 1;
        else if (name === 't' && phonetic === 0) inText = true;
      });
      const addText = (text: string) => {
        if (!inText || current === null) return;
        if (length >= limits.maxCellChars) {
          cut.add(texts.length);
          return;
        }
        current.push(text);
        length += text.length;
      };
      parser.on('text', addText);
      parser.on('cdata', addText);
      parser.on('closetag', (tag) => {
        const name = local(tag.name);
        if (name === 't') inText = false;
        else if (name === 'rPh') phonetic -= 1;
        else if (name === 'si' && current !== null) {
          if (texts.length >= limits.maxSharedTexts) throw tooManyTexts();
          const text = current.join('');
          if (text.length > limits.maxCellChars) cut.add(texts.length);
          texts.push(text.slice(0, limits.maxCellChars));
          current = null;
        }
      });
    },
  );
  return { texts, cut };
}

function tooManyTexts(): AppError {
  return new AppError('invalid_input', 'This workbook holds far more texts than a roster or a results file; check it is the right file, or save the sheet you need as CSV and import that.');
}

/** "BC12" → 54 (0-based column). */
function columnIndex(reference: string): number | null {
  const match = /^([A-Z]{1,3})\d*$/i.exec(reference);
  if (!match?.[1]) return null;
  let n = 0;
  for (const ch of match[1].toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** An Excel date serial number as YYYY-MM-DD (1900 system, with its phantom 29 Feb 1900; or 1904). */
export function serialToIsoDate(serial: number, date1904: boolean): string {
  const whole = Math.floor(serial);
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : whole < 61 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  const date = new Date(epoch + whole * 86_400_000);
  return Number.isNaN(date.getTime()) ? '' : date.toISOString().slice(0, 10);
}

/** A number as the spreadsheet shows it: at most 15 significant digits, as Excel does (3.31, not 3.3099999999999996). */
function numberText(raw: string): string {
  const value = Number(raw);
  return raw.trim() === '' || !Number.isFinite(value) ? raw.trim() : String(Number(value.toPrecision(15)));
}

interface SheetContext {
  shared: { texts: string[]; cut: Set<number> };
  dateStyles: Set<number>;
  date1904: boolean;
  limits: ReadLimits;
}

/** Read one sheet's rows into a collector, stopping at the limits. */
function readSheet(bytes: Uint8Array, context: SheetContext): RowCollector {
  const { limits } = context;
  const collector = new RowCollector(limits);
  let rowIndex = -1;
  let cells: string[] = [];
  let cutColumns: number[] = [];
  let nextColumn = 0;
  let cell: { column: number; type: string; style: number; pieces: string[]; length: number; wasCut: boolean } | null = null;
  let inValue = false;
  let inInline = 0;
  let phonetic = 0;

  const cellValue = (c: NonNullable<typeof cell>): string => {
    const raw = c.pieces.join('');
    switch (c.type) {
      case 's': {
        const index = Number(raw);
        if (context.shared.cut.has(index)) c.wasCut = true;
        return context.shared.texts[index] ?? '';
      }
      case 'inlineStr':
      case 'str':
        return raw;
      case 'b':
        return raw.trim() === '1' || raw.trim().toLowerCase() === 'true' ? 'yes' : raw.trim() === '' ? '' : 'no';
      case 'e':
        return '';
      case 'd':
        return raw.slice(0, 10);
      default: {
        if (context.dateStyles.has(c.style) && raw.trim() !== '' && Number.isFinite(Number(raw))) return serialToIsoDate(Number(raw), context.date1904);
        return numberText(raw);
      }
    }
  };

  parseXml(
    bytes,
    'sheet',
    textRunLimit(limits),
    (parser, control) => {
      parser.on('opentag', (tag) => {
        const name = local(tag.name);
        const a = attrs(tag);
        if (name === 'row') {
          const r = Number(a.r);
          rowIndex = Number.isInteger(r) && r >= 1 ? r - 1 : rowIndex + 1;
          cells = [];
          cutColumns = [];
          nextColumn = 0;
        } else if (name === 'c') {
          const column = a.r ? (columnIndex(a.r) ?? nextColumn) : nextColumn;
          cell = { column, type: a.t ?? 'n', style: Number(a.s ?? 0), pieces: [], length: 0, wasCut: false };
          nextColumn = column + 1;
        } else if (cell) {
          if (name === 'v' && inInline === 0) inValue = true;
          else if (name === 'is') inInline += 1;
          else if (name === 'rPh') phonetic += 1;
          else if (name === 't' && inInline > 0 && phonetic === 0) inValue = true;
        }
      });
      const addText = (text: string) => {
        if (!inValue || !cell) return;
        if (cell.length + text.length > limits.maxCellChars) {
          cell.pieces.push(text.slice(0, Math.max(0, limits.maxCellChars - cell.length)));
          cell.length = limits.maxCellChars;
          cell.wasCut = true;
          return;
        }
        cell.pieces.push(text);
        cell.length += text.length;
      };
      parser.on('text', addText);
      parser.on('cdata', addText);
      parser.on('closetag', (tag) => {
        const name = local(tag.name);
        if (name === 'v' || name === 't') inValue = false;
        else if (name === 'is') inInline -= 1;
        else if (name === 'rPh') phonetic -= 1;
        else if (name === 'c' && cell) {
          const value = cellValue(cell);
          if (value.trim() !== '') {
            if (cell.column >= limits.maxColumns) throw tooManyColumns(limits);
            while (cells.length < cell.column) cells.push('');
            cells[cell.column] = value;
            if (cell.wasCut) cutColumns.push(cell.column);
          }
          cell = null;
        } else if (name === 'row') {
          collector.put(rowIndex, cells, cutColumns);
        } else if (name === 'sheetData') {
          // Everything after the cells (print settings, drawings) is of no use here.
          control.stopped = true;
        }
      });
    },
  );
  return collector;
}

export function readWorkbook(bytes: Uint8Array, wantedSheet: string | null, limits: ReadLimits): TableFile {
  const directory = zipDirectory(bytes);
  const budget = { used: 0 };
  const facts = readWorkbookFacts(bytes, directory, limits, budget);
  if (facts.sheets.length === 0) throw new AppError('invalid_input', 'This workbook has no sheets.');
  const candidates = wantedSheet === null ? facts.sheets : facts.sheets.filter((s) => s.name === wantedSheet);
  if (candidates.length === 0) throw new AppError('invalid_input', `This workbook has no sheet called "${wantedSheet}".`);
  const shared = unpack(bytes, directory, [facts.sharedStringsPath, facts.stylesPath].filter((p): p is string => p !== null), limits, budget);
  const context: SheetContext = {
    shared: readSharedStrings(facts.sharedStringsPath ? shared.get(facts.sharedStringsPath) : undefined, limits),
    dateStyles: readDateStyles(facts.stylesPath ? shared.get(facts.stylesPath) : undefined),
    date1904: facts.date1904,
    limits,
  };
  // The sheet asked for, or the first with something in it.
  let chosen: { sheet: SheetRef; rows: RowCollector } | null = null;
  for (const sheet of candidates) {
    const part = unpack(bytes, directory, [sheet.path], limits, budget).get(sheet.path);
    const rows = part ? readSheet(part, context) : new RowCollector(limits);
    chosen ??= { sheet, rows };
    if (rows.rows.length > 0) {
      chosen = { sheet, rows };
      break;
    }
  }
  const result = chosen as { sheet: SheetRef; rows: RowCollector };
  return { format: 'xlsx', encoding: null, separator: null, sheets: facts.sheets.map((s) => s.name), sheet: result.sheet.name, rows: result.rows.rows, warnings: result.rows.warnings() };
}

/**
 * Workbooks built part by part for the reader's tests: the smallest valid .xlsx (the parts Excel
 * needs), so a test can write exactly the XML it means (a namespace prefix, a date style, a cell
 * far to the right), and zip bombs built without ever holding the unpacked data: Node's zlib
 * compresses one chunk with a sync flush (a byte-aligned, non-final deflate block) and the
 * stream repeats it, so a 1 GB sheet is a 1 MB file made in milliseconds.
 */
import { strToU8, zipSync } from 'fflate';
import zlib from 'node:zlib';

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`;
const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export interface SheetPart {
  name: string;
  /** The whole worksheet XML. */
  xml: string;
}

export function worksheetXml(rows: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`;
}

/** The parts of a workbook with these sheets (and, if given, shared texts and styles). */
export function workbookParts(sheets: SheetPart[], extra: { sharedStrings?: string; styles?: string; date1904?: boolean } = {}): Record<string, Uint8Array> {
  const relations = sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`);
  if (extra.sharedStrings) relations.push(`<Relationship Id="rIdS" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`);
  if (extra.styles) relations.push(`<Relationship Id="rIdT" Type="${REL}/styles" Target="styles.xml"/>`);
  const parts: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(CONTENT_TYPES),
    '_rels/.rels': strToU8(ROOT_RELS),
    'xl/workbook.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${REL}">${extra.date1904 ? '<workbookPr date1904="1"/>' : ''}<sheets>${sheets
        .map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
        .join('')}</sheets></workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${relations.join('')}</Relationships>`),
  };
  sheets.forEach((s, i) => (parts[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(s.xml)));
  if (extra.sharedStrings) parts['xl/sharedStrings.xml'] = strToU8(extra.sharedStrings);
  if (extra.styles) parts['xl/styles.xml'] = strToU8(extra.styles);
  return parts;
}

export function buildXlsx(sheets: SheetPart[], extra: Parameters<typeof workbookParts>[1] = {}): Uint8Array {
  return zipSync(workbookParts(sheets, extra));
}

/** A raw deflate stream of `prefix`, then `chunk` repeated `times`, then `suffix`, without building the whole. */
function repeatedDeflate(prefix: string, chunk: string, times: number, suffix: string): { data: Buffer; size: number } {
  const sync = (text: string) => zlib.deflateRawSync(Buffer.from(text, 'utf8'), { finishFlush: zlib.constants.Z_SYNC_FLUSH });
  const middle = sync(chunk);
  const parts = [sync(prefix), ...Array.from({ length: times }, () => middle), zlib.deflateRawSync(Buffer.from(suffix, 'utf8'))];
  return { data: Buffer.concat(parts), size: Buffer.byteLength(prefix) + Buffer.byteLength(chunk) * times + Buffer.byteLength(suffix) };
}

/**
 * A zip of `parts` (stored as fflate writes them) plus one deflated part written by hand, whose
 * directory declares `declaredSize` (the truth by default; a liar's number if given).
 */
function zipWithPart(parts: Record<string, Uint8Array>, name: string, deflated: Buffer, declaredSize: number): Uint8Array {
  const normal = Buffer.from(zipSync(parts, { level: 0 }));
  // Take fflate's zip apart at its central directory and add the hand-written entry.
  const eocd = normal.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const cdSize = normal.readUInt32LE(eocd + 12);
  const cdOffset = normal.readUInt32LE(eocd + 16);
  const count = normal.readUInt16LE(eocd + 10);
  const locals = normal.subarray(0, cdOffset);
  const central = normal.subarray(cdOffset, cdOffset + cdSize);
  const nameBytes = Buffer.from(name, 'utf8');
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(0, 6);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(0, 14); // CRC: not checked by the reader, and this test is about sizes
  local.writeUInt32LE(deflated.length, 18);
  local.writeUInt32LE(Math.min(declaredSize, 0xffffffff), 22);
  local.writeUInt16LE(nameBytes.length, 26);
  const entry = Buffer.alloc(46);
  entry.writeUInt32LE(0x02014b50, 0);
  entry.writeUInt16LE(20, 4);
  entry.writeUInt16LE(20, 6);
  entry.writeUInt16LE(8, 10);
  entry.writeUInt32LE(deflated.length, 20);
  entry.writeUInt32LE(Math.min(declaredSize, 0xffffffff), 24);
  entry.writeUInt16LE(nameBytes.length, 28);
  entry.writeUInt32LE(locals.length, 42);
  const newCentral = Buffer.concat([central, entry, nameBytes]);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(count + 1, 8);
  end.writeUInt16LE(count + 1, 10);
  end.writeUInt32LE(newCentral.length, 12);
  end.writeUInt32LE(locals.length + local.length + nameBytes.length + deflated.length, 16);
  return new Uint8Array(Buffer.concat([locals, local, nameBytes, deflated, newCentral, end]));
}

/**
 * A workbook whose only sheet is one cell holding `cellChars` copies of "A": the 6 MB file that
 * inflates to gigabytes. `declare` says what its zip directory claims: the truth, or a lie.
 */
export function zipBomb(cellChars: number, declare: 'truth' | number): { bytes: Uint8Array; unpackedSize: number } {
  const CHUNK = 1024 * 1024;
  const times = Math.floor(cellChars / CHUNK);
  const prefix = '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>';
  const suffix = '</t></is></c></row></sheetData></worksheet>';
  const { data, size } = repeatedDeflate(prefix, 'A'.repeat(CHUNK), times, suffix);
  const parts = workbookParts([{ name: 'Sheet1', xml: '' }]);
  delete parts['xl/worksheets/sheet1.xml'];
  return { bytes: zipWithPart(parts, 'xl/worksheets/sheet1.xml', data, declare === 'truth' ? size : declare), unpackedSize: size };
}

/**
 * Reading the PDFs the app prints (session sheets, reports) in Node, with Mozilla's PDF.js
 * (pdfjs-dist), for the end-to-end tests and the benchmark: page count and size, the text as
 * laid out (a table row on one line) and in reading order, the fonts, and pages rendered to PNG (through
 * PDF.js's Node canvas, @napi-rs/canvas) to look at. No system tools (poppler) needed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { getDocument, OPS, type PDFDocumentProxy, type PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem } from 'pdfjs-dist/types/src/display/api';

export async function openPdf(file: string): Promise<PDFDocumentProxy> {
  // PDF.js takes the bytes (it detaches the buffer it is given, hence the copy into a new array).
  return getDocument({ data: new Uint8Array(fs.readFileSync(file)), verbosity: 0, isEvalSupported: false }).promise;
}

async function withPdf<T>(file: string, read: (pdf: PDFDocumentProxy) => Promise<T>): Promise<T> {
  const pdf = await openPdf(file);
  try {
    return await read(pdf);
  } finally {
    await pdf.destroy();
  }
}

/** How many pages, and the first page's size in PostScript points rounded to whole points (A4 is 595 x 842, US Letter 612 x 792). */
export async function pdfInfo(file: string): Promise<{ pages: number; widthPt: number; heightPt: number }> {
  return withPdf(file, async (pdf) => {
    const first = await pdf.getPage(1);
    const { width, height } = first.getViewport({ scale: 1 });
    return { pages: pdf.numPages, widthPt: Math.round(width), heightPt: Math.round(height) };
  });
}

export async function pdfPageCount(file: string): Promise<number> {
  return withPdf(file, async (pdf) => pdf.numPages);
}

async function pageItems(pdf: PDFDocumentProxy, page: number): Promise<TextItem[]> {
  const content = await (await pdf.getPage(page)).getTextContent();
  return content.items.filter((item): item is TextItem => 'str' in item);
}

function pagesOf(pdf: PDFDocumentProxy, page?: number): number[] {
  if (page !== undefined) {
    if (page < 1 || page > pdf.numPages) throw new Error(`The PDF has ${pdf.numPages} pages; there is no page ${page}`);
    return [page];
  }
  return Array.from({ length: pdf.numPages }, (_, i) => i + 1);
}

/**
 * A page's text laid out as printed: pieces whose glyph boxes (baseline to font height) overlap
 * by at least half the smaller one's height make one line, so the cells of a table row stay on
 * one line though their fonts differ ("López, Ana 160 lb T choose"); a line reads left to right,
 * one space where pieces do not touch; lines from the top down. Pages are separated by a form
 * feed, as pdftotext does.
 */
function layoutText(items: readonly TextItem[]): string {
  const pieces = items
    .filter((item) => item.str.trim() !== '')
    .map((item) => ({ text: item.str, x: Number(item.transform[4]), y: Number(item.transform[5]), width: item.width, height: Math.max(item.height, 1) }))
    .sort((a, b) => b.y - a.y || a.x - b.x);
  // A line is the band its pieces cover; a piece joins the first band it overlaps by half its own
  // height (or half the band's, when the band is the smaller). Stacked lines overlap far less.
  const lines: { bottom: number; top: number; pieces: typeof pieces }[] = [];
  for (const piece of pieces) {
    const top = piece.y + piece.height;
    const line = lines.find((l) => Math.min(l.top, top) - Math.max(l.bottom, piece.y) >= Math.min(l.top - l.bottom, piece.height) / 2);
    if (line) {
      line.pieces.push(piece);
      line.top = Math.max(line.top, top);
      line.bottom = Math.min(line.bottom, piece.y);
    } else lines.push({ bottom: piece.y, top, pieces: [piece] });
  }
  return lines
    .map((line) => {
      const sorted = [...line.pieces].sort((a, b) => a.x - b.x);
      let text = '';
      let end = Number.NEGATIVE_INFINITY;
      for (const piece of sorted) {
        // Touching pieces (one word split in two runs) join; anything with a gap gets a space.
        const gap = piece.x - end;
        text += text === '' || gap < piece.height * 0.15 ? piece.text : ` ${piece.text}`;
        end = piece.x + piece.width;
      }
      return text.trimEnd();
    })
    .join('\n');
}

/** The text of a PDF (or of one page, counted from 1), laid out as printed: a table row stays on one line. */
export async function pdfText(file: string, page?: number): Promise<string> {
  return withPdf(file, async (pdf) => {
    const texts: string[] = [];
    for (const n of pagesOf(pdf, page)) texts.push(layoutText(await pageItems(pdf, n)));
    return texts.join('\n\f');
  });
}

/** The words in the order the page draws them, spaces collapsed: a phrase wrapped inside a table cell reads whole. */
export async function pdfWords(file: string, page?: number): Promise<string> {
  return withPdf(file, async (pdf) => {
    const texts: string[] = [];
    for (const n of pagesOf(pdf, page)) texts.push((await pageItems(pdf, n)).map((item) => `${item.str}${item.hasEOL ? ' ' : ''}`).join(''));
    return texts.join(' ').replace(/\s+/g, ' ').trim();
  });
}

/** The fonts a page (or the whole PDF) draws its text with, without the subset tag: e.g. ["Inter-Bold", "Inter-Regular"], sorted. */
export async function pdfFonts(file: string, page?: number): Promise<string[]> {
  return withPdf(file, async (pdf) => {
    const names = new Set<string>();
    for (const n of pagesOf(pdf, page)) {
      const proxy = await pdf.getPage(n);
      const operators = await proxy.getOperatorList();
      operators.fnArray.forEach((fn, i) => {
        if (fn !== OPS.setFont) return;
        const id = (operators.argsArray[i] as unknown[] | undefined)?.[0];
        const font = typeof id === 'string' ? (proxy.commonObjs.get(id) as { name?: unknown } | null) : null;
        if (typeof font?.name === 'string') names.add(font.name.replace(/^[A-Z]{6}\+/, ''));
      });
    }
    return [...names].sort();
  });
}

/**
 * The first `pages` pages as PNG files `<dir>/<name>-<n>.png`, at `dpi` (72 is the PDF's own
 * size), to look at; returns the files written.
 */
export async function pdfImages(file: string, dir: string, name: string, pages: number, dpi = 70): Promise<string[]> {
  fs.mkdirSync(dir, { recursive: true });
  return withPdf(file, async (pdf) => {
    const written: string[] = [];
    for (const n of pagesOf(pdf).slice(0, pages)) {
      const page = await pdf.getPage(n);
      const viewport = page.getViewport({ scale: dpi / 72 });
      const { canvas } = (pdf.canvasFactory as NodeCanvasFactory).create(Math.ceil(viewport.width), Math.ceil(viewport.height));
      // PDF.js's types name the browser's canvas; in Node its factory makes an @napi-rs/canvas one, which it draws on the same way.
      await page.render({ canvas: canvas as unknown as RenderParameters['canvas'], viewport }).promise;
      const target = path.join(dir, `${name}-${n}.png`);
      fs.writeFileSync(target, canvas.toBuffer('image/png'));
      written.push(target);
    }
    return written;
  });
}

type RenderParameters = Parameters<PDFPageProxy['render']>[0];

/** PDF.js's canvas factory in Node: it makes @napi-rs/canvas canvases. */
interface NodeCanvasFactory {
  create(width: number, height: number): { canvas: { toBuffer(mime: 'image/png'): Buffer } };
}

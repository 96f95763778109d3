/**
 * "Save as PDF" in the desktop app: ask where (a cancelled dialog is an answer, not an error),
 * have the hidden print window print the sheets' page, and write the file. Browser mode has no
 * such window: there the browser's own print dialog saves the PDF.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { SavedFile } from '@shared/contract/backups';
import type { PrintSelection } from '@shared/contract/sheets';
import { formatDateLong } from '@shared/dates';
import { AppError } from '@shared/errors';
import { sheetsPrintRoute } from '@shared/sheets/printRoute';
import type { ApiContext } from '@main/api/context';
import { sheetDay } from './sheets';

/** "Sheets Distance 2026-09-14.pdf", with nothing a file system refuses. */
export function suggestedPdfName(title: string, date: string, layout: PrintSelection['layout']): string {
  const safe = title.replace(/[\\/:*?"<>|\p{Cc}]+/gu, ' ').replace(/\s+/g, ' ').trim() || 'Sheets';
  return `${layout === 'clipboard' ? 'Clipboard' : 'Sheets'} ${safe} ${date}.pdf`;
}

export async function saveSheetsPdf(ctx: ApiContext, input: PrintSelection): Promise<SavedFile> {
  const day = sheetDay(ctx.db, input, ctx.now());
  if (day.sheets.length === 0) {
    throw new AppError('invalid_input', `Nothing is planned for ${day.title} on ${formatDateLong(input.date)}: there is no sheet to save.`, { date: 'Choose a day with sessions' });
  }
  if (!ctx.dialogs || !ctx.printer) {
    throw new AppError('invalid_input', 'Saving a PDF is done by the desktop app. In the browser, press Print and choose "Save as PDF" as the printer.');
  }
  const chosen = await ctx.dialogs.chooseSaveFile({
    title: 'Save the session sheets',
    defaultName: suggestedPdfName(day.title, input.date, input.layout),
    filters: [{ name: 'PDF', extensions: ['pdf'] }],
  });
  if (chosen === null) return { outcome: 'canceled' };
  const target = path.extname(chosen) ? chosen : `${chosen}.pdf`;
  const pdf = await ctx.printer.pdfOfRoute(sheetsPrintRoute(input), { pageSize: input.paper === 'a4' ? 'A4' : 'Letter', landscape: input.layout === 'clipboard' });
  // Written beside the target and renamed, so a failed write never leaves half a file under the coach's name.
  const partial = `${target}.partial`;
  try {
    await fs.promises.writeFile(partial, pdf);
    await fs.promises.rename(partial, target);
  } catch (error) {
    await fs.promises.rm(partial, { force: true });
    throw new AppError('invalid_input', `The PDF could not be saved to ${target} (${(error as Error).message}). Choose another folder.`);
  }
  return { outcome: 'saved', path: target, sizeBytes: pdf.byteLength };
}

/** Handlers of the session sheets, results and working maxes (shared/contract/sheets.ts). */
import type { sheetMethods } from '@shared/contract/sheets';
import { listMaxes, setMaxes } from '@main/services/sheets/maxes';
import { saveSheetsPdf } from '@main/services/sheets/printing';
import { resultsDay, saveResults } from '@main/services/sheets/results';
import { sheetDay } from '@main/services/sheets/sheets';
import type { HandlersOf } from '../handlerTypes';

export const sheetHandlers: HandlersOf<typeof sheetMethods> = {
  'sheets.day': (ctx, input) => sheetDay(ctx.db, input, ctx.now()),
  'sheets.savePdf': (ctx, input) => saveSheetsPdf(ctx, input),
  'results.day': (ctx, input) => resultsDay(ctx.db, input, ctx.now()),
  'results.save': (ctx, input) => saveResults(ctx.db, input, ctx.now()),
  'maxes.list': (ctx, input) => listMaxes(ctx.db, input, ctx.now()),
  'maxes.set': (ctx, input) => setMaxes(ctx.db, input.entries, ctx.now()),
};

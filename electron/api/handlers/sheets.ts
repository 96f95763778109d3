/** Handlers of the session sheets, results and working maxes (shared/contract/sheets.ts). */
import type { sheetMethods } from '../../../shared/contract/sheets';
import { listMaxes, setMaxes } from '../../services/sheets/maxes';
import { saveSheetsPdf } from '../../services/sheets/printing';
import { resultsDay, saveResults } from '../../services/sheets/results';
import { sheetDay } from '../../services/sheets/sheets';
import type { Handler } from '../handlers';

// Typed against the contract without importing handlers.ts at run time (it imports this file).
type SheetHandlers = { [M in keyof typeof sheetMethods]: Handler<M> };

export const sheetHandlers: SheetHandlers = {
  'sheets.day': (ctx, input) => sheetDay(ctx.db, input, ctx.now()),
  'sheets.savePdf': (ctx, input) => saveSheetsPdf(ctx, input),
  'results.day': (ctx, input) => resultsDay(ctx.db, input, ctx.now()),
  'results.save': (ctx, input) => saveResults(ctx.db, input, ctx.now()),
  'maxes.list': (ctx, input) => listMaxes(ctx.db, input, ctx.now()),
  'maxes.set': (ctx, input) => setMaxes(ctx.db, input.entries, ctx.now()),
};

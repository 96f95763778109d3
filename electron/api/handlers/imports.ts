import type { importMethods } from '@shared/contract/imports';
import { readUploadedTable } from '@main/import/readTable';
import { importRoster, undoRosterImport } from '@main/services/roster/import';
import type { HandlersOf } from '../handlerTypes';

/** Reading a file (for every import) needs no database; the roster import's writes do. */
export const importHandlers: HandlersOf<typeof importMethods> = {
  'imports.readTable': (_ctx, input) => readUploadedTable(input),
  'imports.roster': (ctx, input) => importRoster(ctx.db, input, ctx.now()),
  'imports.undoRoster': (ctx, input) => undoRosterImport(ctx.db, input.athleteIds, input.groupIds),
};

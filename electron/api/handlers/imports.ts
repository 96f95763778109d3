import type { importMethods } from '@shared/contract/imports';
import { readTable } from '@main/import/readTable';
import { importRoster, undoRosterImport } from '@main/services/roster/import';
import type { HandlersOf } from '../handlerTypes';

/** Roster import. Reading a file needs no database; the writes do. */
export const importHandlers: HandlersOf<typeof importMethods> = {
  'imports.readTable': (_ctx, input) =>
    readTable(Buffer.from(input.contentBase64, 'base64'), input.fileName, { encoding: input.encoding, separator: input.separator, sheet: input.sheet }),
  'imports.roster': (ctx, input) => importRoster(ctx.db, input, ctx.now()),
  'imports.undoRoster': (ctx, input) => undoRosterImport(ctx.db, input.athleteIds, input.groupIds),
};

import type { importMethods } from '../../../shared/contract/imports';
import { readTable } from '../../import/readTable';
import { importRoster, undoRosterImport } from '../../services/rosterImport';
import type { Handler } from '../handlers';

type ImportMethod = keyof typeof importMethods;

/** Roster import. Reading a file needs no database; the writes do. */
export const importHandlers: { [M in ImportMethod]: Handler<M> } = {
  'imports.readTable': (_ctx, input) =>
    readTable(Buffer.from(input.contentBase64, 'base64'), input.fileName, { encoding: input.encoding, separator: input.separator, sheet: input.sheet }),
  'imports.roster': (ctx, input) => importRoster(ctx.db, input, ctx.now()),
  'imports.undoRoster': (ctx, input) => undoRosterImport(ctx.db, input.athleteIds, input.groupIds),
};

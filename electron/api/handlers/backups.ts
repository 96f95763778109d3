import type { backupMethods } from '@shared/contract/backups';
import * as backups from '@main/services/backups';
import type { HandlersOf } from '../handlerTypes';

/** Backups and restore. None of these needs the database to be open except Back up now. */
export const backupHandlers: HandlersOf<typeof backupMethods> = {
  'backups.list': (ctx) => backups.listBackups(ctx),
  'backups.create': (ctx) => backups.createBackupForCoach(ctx),
  'backups.inspect': (ctx, input) => backups.inspectBackup(ctx, input.source),
  'backups.restore': (ctx, input) => backups.restoreBackup(ctx, input.stagedId),
  'backups.discard': (ctx, input) => backups.discardStaged(ctx, input.stagedId),
  'backups.startEmpty': (ctx) => backups.startEmptySquad(ctx),
};

import type { AppStatus } from '@shared/contract/roster';
import { DatabaseOpenError, databasePath, openSquadDatabase } from '../db/connection';
import { schemaVersion } from '../db/migrate';
import type { SquadDb } from '../db/types';
import type { FileDialogs } from '../files/dialogs';
import type { RoutePrinter } from '../files/printing';
import { takeDailyBackup } from '../services/backups';
import { createApiContext, type ApiContext } from './context';

export interface OpenApiOptions {
  dataDir: string;
  mode: AppStatus['mode'];
  appVersion: string;
  nativeBinding?: string;
  now?: () => Date;
  /** The desktop's file dialogs (browser mode has none: the page uploads and downloads). */
  dialogs?: FileDialogs | null;
  /** The desktop's PDF printing of app pages (browser mode has none: the browser prints). */
  printer?: RoutePrinter | null;
  log?: (message: string) => void;
}

/**
 * Open the squad in `dataDir` for the desktop app or the browser-mode server. A database that
 * cannot be opened (damaged, from a newer version...) does not crash the app: the context
 * reports the problem through `app.status`, the first thing the window asks, the backup
 * methods still work (to restore one), and every other method says the squad is unavailable.
 * When the squad opens, the day's automatic backup is taken (at most one a day).
 */
export async function openApi(options: OpenApiOptions): Promise<{ ctx: ApiContext; close: () => void }> {
  const file = databasePath(options.dataDir);
  let db: SquadDb | null = null;
  let problem: AppStatus['problem'] = null;
  try {
    db = await openSquadDatabase(file, { nativeBinding: options.nativeBinding, now: options.now });
  } catch (error) {
    if (!(error instanceof DatabaseOpenError)) throw error;
    problem = { kind: error.kind, message: error.message };
  }
  const status: AppStatus = {
    appVersion: options.appVersion,
    mode: options.mode,
    dataDir: options.dataDir,
    databasePath: file,
    schemaVersion: db ? schemaVersion(db) : null,
    problem,
  };
  const ctx = createApiContext({ db, status, now: options.now, nativeBinding: options.nativeBinding, dialogs: options.dialogs ?? null, printer: options.printer ?? null });
  ctx.transfers.clear();
  try {
    await takeDailyBackup(ctx);
  } catch (error) {
    // A failed backup must not keep the coach out of their squad; the Data section shows why.
    ctx.backupWarning = `Today's automatic backup failed: ${(error as Error).message}`;
    (options.log ?? console.error)(ctx.backupWarning);
  }
  return {
    ctx,
    close: () => {
      if (ctx.hasDatabase) ctx.db.close();
    },
  };
}

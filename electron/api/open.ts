import type { AppStatus } from '../../shared/contract/roster';
import { DatabaseOpenError, databasePath, openSquadDatabase } from '../db/connection';
import { schemaVersion } from '../db/migrate';
import type { SquadDb } from '../db/types';
import { createApiContext, type ApiContext } from './context';

export interface OpenApiOptions {
  dataDir: string;
  mode: AppStatus['mode'];
  appVersion: string;
  nativeBinding?: string;
  now?: () => Date;
}

/**
 * Open the squad in `dataDir` for the desktop app or the browser-mode server. A database that
 * cannot be opened does not crash the app: the context reports the problem through
 * `app.status`, the first thing the window asks, and every other method says it is unavailable.
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
  const ctx = createApiContext({ db, status, now: options.now });
  return { ctx, close: () => db?.close() };
}

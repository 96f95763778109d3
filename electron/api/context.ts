import type { AppStatus } from '@shared/contract/roster';
import { AppError } from '@shared/errors';
import { rawOpener, type RawOpen } from '../db/backupFile';
import type { SquadDb } from '../db/types';
import type { FileDialogs } from '../files/dialogs';
import type { RoutePrinter } from '../files/printing';
import { TransferArea } from '../files/transfers';

/**
 * What every handler gets: the open database (or a clear error when it could not be opened),
 * the clock (so tests can fix "now"), and the status shown on the app's first screen.
 *
 * The squad file itself (backups, restore, recovery from a damaged file) also needs: a way to
 * open database files with the right native module, the desktop's file dialogs (null in browser
 * mode, where the page uploads and downloads instead), the transfer area for those uploads and
 * downloads, and a way to put another database in place (after a restore).
 */
export interface ApiContext {
  readonly db: SquadDb;
  readonly status: AppStatus;
  now(): Date;
  /** Open any database file (a backup being checked) with this runtime's SQLite module. */
  readonly openRaw: RawOpen;
  /** How the squad file itself is opened (pragmas, checks, migrations); used again after a restore. */
  readonly nativeBinding: string | undefined;
  /** The desktop's save/open dialogs; null in browser mode. */
  readonly dialogs: FileDialogs | null;
  /** The desktop's PDF printing of app pages (session sheets); null in browser mode, where the browser prints. */
  readonly printer: RoutePrinter | null;
  /** Files uploaded by, or waiting to be downloaded to, the browser-mode page. */
  readonly transfers: TransferArea;
  /** Whether the database is open (without throwing like `db` does). */
  readonly hasDatabase: boolean;
  /** Put another database in place (or none, with the problem to show). The previous one is not closed here. */
  replaceDatabase(db: SquadDb | null, problem: AppStatus['problem']): void;
  /** A warning about the last automatic backup, shown in the Data section (null when it went well). */
  backupWarning: string | null;
}

export interface ApiContextOptions {
  db: SquadDb | null;
  status: AppStatus;
  now?: () => Date;
  nativeBinding?: string;
  dialogs?: FileDialogs | null;
  printer?: RoutePrinter | null;
}

export function createApiContext(options: ApiContextOptions): ApiContext {
  let db = options.db;
  let status = options.status;
  const transfers = new TransferArea(status.dataDir);
  return {
    get db(): SquadDb {
      if (!db) {
        throw new AppError('database_unavailable', status.problem?.message ?? 'The squad database is not open.');
      }
      return db;
    },
    get status(): AppStatus {
      return status;
    },
    get hasDatabase(): boolean {
      return db !== null;
    },
    now: options.now ?? (() => new Date()),
    openRaw: rawOpener(options.nativeBinding),
    nativeBinding: options.nativeBinding,
    dialogs: options.dialogs ?? null,
    printer: options.printer ?? null,
    transfers,
    replaceDatabase(next, problem) {
      db = next;
      status = { ...status, problem, schemaVersion: next ? (next.pragma('user_version', { simple: true }) as number) : null };
    },
    backupWarning: null,
  };
}

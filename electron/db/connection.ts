import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { backupFileName, localStamp, type BackupKind } from '@shared/domain/backups';
import { checkIntegrity, rawOpener, writeBackup, type RawOpen } from './backupFile';
import { createPrivateFile, ensurePrivateDir } from '@main/files/privacy';
import { migrate, migrations as allMigrations, schemaVersion, type Migration } from './migrate';
import { ensureBuiltinLibrary } from './planLibrarySeed';
import { hardenConnection, schemaProblem } from './schemaCheck';
import type { SquadDb } from './types';

export const DATABASE_FILE = 'squad.db';

export type OpenProblemKind = 'newer_version' | 'not_a_database' | 'damaged' | 'cannot_open';

/** Why the squad database could not be opened, in words a coach can act on. */
export class DatabaseOpenError extends Error {
  readonly kind: OpenProblemKind;
  constructor(kind: OpenProblemKind, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DatabaseOpenError';
    this.kind = kind;
  }
}

export interface OpenOptions {
  /** Path to a better_sqlite3.node built for this runtime (the desktop app in development). */
  nativeBinding?: string;
  /** Where the pre-migration backup goes; defaults to `<folder of the database>/backups`. */
  backupDir?: string;
  now?: () => Date;
  /** The migrations to apply; tests pass their own list. */
  migrations?: readonly Migration[];
}

export function databasePath(dataDir: string): string {
  return path.join(dataDir, DATABASE_FILE);
}

/** Where the automatic and safety backups of the squad in `dataDir` go. */
export function backupsDir(dataDir: string): string {
  return path.join(dataDir, 'backups');
}

/** A fresh path in `dir` for a backup of this kind taken now (never an existing file's name). */
export function newBackupPath(dir: string, kind: BackupKind, now: Date): string {
  ensurePrivateDir(dir);
  const stamp = localStamp(now);
  for (let copy = 1; ; copy += 1) {
    const candidate = path.join(dir, backupFileName(kind, stamp, copy));
    if (!fs.existsSync(candidate) && !fs.existsSync(`${candidate}.partial`)) return candidate;
  }
}

/** Online backup of the open squad into its backups folder. */
export async function backupSquad(db: SquadDb, dir: string, kind: BackupKind, now: Date, open: RawOpen): Promise<{ path: string; sizeBytes: number }> {
  return writeBackup(db, newBackupPath(dir, kind, now), open);
}

/**
 * Open (creating if needed) the squad database, check it is undamaged (PRAGMA quick_check), set
 * its pragmas, back it up if it needs migrating, and migrate it. A file that is damaged, not a
 * Backchain database, or from a newer version is refused and left exactly as it was.
 *
 * Pragmas, and why:
 * - journal_mode = WAL: readers never block the writer; a crash leaves a consistent file.
 * - synchronous = FULL: every commit is on disk before the coach sees "saved". In WAL mode
 *   NORMAL can lose the last commits on a power cut (not corrupt them); a season of minors'
 *   data entered by hand is worth the few milliseconds an fsync costs per save.
 * - foreign_keys = ON: an athlete can never point at a group that does not exist.
 * - busy_timeout = 5000: a backup or a second reader waits instead of failing at once.
 * - defensive mode and trusted_schema = OFF (schemaCheck.ts hardenConnection), and a schema that
 *   must be exactly what the migrations make for the file's version: a file carrying a trigger
 *   or view of someone else's is refused before anything runs on it.
 *
 * A new squad file (and its folder) is created readable by its owner only; SQLite gives the WAL
 * files beside it the same permissions.
 */
export async function openSquadDatabase(file: string, options: OpenOptions = {}): Promise<SquadDb> {
  let db: SquadDb;
  try {
    ensurePrivateDir(path.dirname(file));
    createPrivateFile(file);
    db = hardenConnection(new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}));
  } catch (cause) {
    throw new DatabaseOpenError('cannot_open', `The squad database at ${file} could not be opened: ${(cause as Error).message}`, { cause });
  }
  try {
    // Read the version before anything writes: a file we must refuse stays byte-for-byte as it was
    // (switching to WAL rewrites the header). Reading it also tells a non-database file apart.
    const migrations = options.migrations ?? allMigrations;
    const latestSchemaVersion = migrations.length;
    const version = schemaVersion(db);
    // quick_check reads every page (cheap: milliseconds for a season's file) and catches a
    // truncated file or a page of garbage before the app builds anything on it.
    const problem = checkIntegrity(db);
    if (problem) {
      throw new DatabaseOpenError('damaged', `The squad file ${file} is damaged (SQLite's check found: ${problem.slice(0, 200)}). Backchain has not changed it.`);
    }
    if (version === 0 && (db.prepare("SELECT count(*) FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%'").pluck().get() as number) > 0) {
      throw new DatabaseOpenError('not_a_database', `The file ${file} is a database made by another program, not a Backchain squad. Nothing was changed.`);
    }
    if (!Number.isInteger(version) || version < 0) {
      throw new DatabaseOpenError('not_a_database', `The file ${file} is not a Backchain squad (its data version, ${version}, is not one Backchain writes). Nothing was changed.`);
    }
    if (version > latestSchemaVersion) {
      throw new DatabaseOpenError(
        'newer_version',
        `This squad file was saved by a newer version of Backchain (data version ${version}; this app reads up to ${latestSchemaVersion}). ` +
          'Update Backchain to open it. Nothing was changed.',
      );
    }
    const foreign = version > 0 ? schemaProblem(db, version, migrations, () => hardenConnection(new Database(':memory:', options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}))) : null;
    if (foreign) {
      throw new DatabaseOpenError('damaged', `The squad file ${file} has been changed by another program: ${foreign}. Using it could change your entries behind your back, so Backchain has not opened it (nor changed it); restore a backup.`);
    }
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    if (version > 0 && version < latestSchemaVersion) {
      await backupBeforeMigration(db, version, options);
    }
    migrate(db, migrations);
    ensureBuiltinLibrary(db, options.now?.() ?? new Date());
    return db;
  } catch (error) {
    db.close();
    if (error instanceof DatabaseOpenError) throw error;
    const code = (error as { code?: string }).code ?? '';
    if (code === 'SQLITE_NOTADB') {
      throw new DatabaseOpenError('not_a_database', `The file ${file} is not a Backchain squad database (or it is damaged beyond recognition). Nothing was changed.`, { cause: error });
    }
    if (code.startsWith('SQLITE_CORRUPT')) {
      throw new DatabaseOpenError('damaged', `The squad file ${file} is damaged (${(error as Error).message}). Backchain has not changed it.`, { cause: error });
    }
    throw new DatabaseOpenError('cannot_open', `The squad database at ${file} could not be opened: ${(error as Error).message}`, { cause: error });
  }
}

/** SQLite's online backup of the database as it is before a migration changes it. */
async function backupBeforeMigration(db: SquadDb, version: number, options: OpenOptions): Promise<string> {
  const dir = options.backupDir ?? backupsDir(path.dirname(db.name));
  const { path: target } = await backupSquad(db, dir, `before-migration-v${version}`, options.now?.() ?? new Date(), rawOpener(options.nativeBinding));
  return target;
}

/**
 * Squad files as files: SQLite's online backup of the open database into a new file, and the
 * examination of a file someone hands us (a backup to restore) before anything trusts it.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import { AppError } from '@shared/errors';
import { createPrivateFile, makePrivate } from '@main/files/privacy';
import { migrations as allMigrations, type Migration } from './migrate';
import { hardenConnection, schemaProblem } from './schemaCheck';
import type { SquadDb } from './types';

/**
 * Opens a database file with the SQLite module built for this runtime (see
 * OpenOptions.nativeBinding), hardened like every connection (schemaCheck.ts hardenConnection).
 */
export type RawOpen = (file: string, options?: Database.Options) => SquadDb;

export function rawOpener(nativeBinding?: string): RawOpen {
  return (file, options = {}) => hardenConnection(new Database(file, nativeBinding ? { ...options, nativeBinding } : options));
}

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/** True when the file starts with SQLite's 16-byte header (so it is at least meant to be a database). */
export function hasSqliteHeader(file: string): boolean {
  const fd = fs.openSync(file, 'r');
  try {
    const head = Buffer.alloc(SQLITE_HEADER.length);
    const read = fs.readSync(fd, head, 0, head.length, 0);
    return read === head.length && head.equals(SQLITE_HEADER);
  } finally {
    fs.closeSync(fd);
  }
}

/** First problem SQLite's check reports, or null when it says "ok". */
export function checkIntegrity(db: SquadDb, thorough = false): string | null {
  const rows = db.pragma(thorough ? 'integrity_check(20)' : 'quick_check(20)', { simple: false }) as Record<string, string>[];
  const messages = rows.map((row) => Object.values(row)[0] ?? '');
  if (messages.length === 1 && messages[0] === 'ok') return null;
  return messages.filter(Boolean).slice(0, 3).join('; ') || 'unknown problem';
}

/**
 * SQLite's online backup of `db` (consistent even while the app keeps writing; never a raw
 * copy of a file that may be mid-write) into `target`. The copy is written under a temporary
 * name, turned into one self-contained file (rollback journal instead of WAL, so it is complete
 * on its own and can be mailed or copied to a USB stick), checked, and only then given its name.
 */
export async function writeBackup(db: SquadDb, target: string, open: RawOpen): Promise<{ path: string; sizeBytes: number }> {
  const partial = `${target}.partial`;
  fs.rmSync(partial, { force: true });
  try {
    // Created private first: SQLite keeps an existing file's permissions.
    createPrivateFile(partial);
    await db.backup(partial);
    const copy = open(partial);
    try {
      copy.pragma('journal_mode = DELETE');
      const problem = checkIntegrity(copy);
      if (problem) throw new Error(`the backup copy failed its check (${problem})`);
    } finally {
      copy.close();
    }
    makePrivate(partial);
    fs.renameSync(partial, target);
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw error;
  }
  return { path: target, sizeBytes: fs.statSync(target).size };
}

/** What a squad file holds, for the restore preview. */
export interface SquadFileFacts {
  schemaVersion: number;
  squadName: string | null;
  activeAthletes: number;
  archivedAthletes: number;
  groups: string[];
  /** The latest time anything in the file was created or changed (ISO), or null for an empty squad. */
  lastEntryAt: string | null;
}

const REQUIRED_TABLES = ['squad_settings', 'squad_group', 'athlete'];
const NOTHING_CHANGED = 'Nothing was changed.';

/**
 * Examine a squad file before it is used: a real SQLite database, undamaged (integrity and
 * foreign-key checks), made by Backchain (a data version of 1 or more, and exactly the tables,
 * indexes, triggers and views the migrations make for it: schemaCheck.ts), and not from a newer
 * version. Anything else is refused with a sentence saying which. The file must be a private copy
 * (it may be opened read-write).
 */
export function examineSquadFile(file: string, open: RawOpen, migrations: readonly Migration[] = allMigrations): SquadFileFacts {
  const latestSchemaVersion = migrations.length;
  const size = fs.statSync(file).size;
  if (size === 0) throw new AppError('invalid_input', `This file is empty, so it is not a Backchain backup. ${NOTHING_CHANGED}`);
  if (!hasSqliteHeader(file)) {
    throw new AppError('invalid_input', `This file is not a Backchain backup (it is not a database file at all). Choose a .backchain file saved by Back up now or from the backups folder. ${NOTHING_CHANGED}`);
  }
  let db: SquadDb;
  try {
    db = open(file, { fileMustExist: true });
  } catch (error) {
    throw new AppError('invalid_input', `This backup could not be opened (${(error as Error).message}). ${NOTHING_CHANGED}`);
  }
  try {
    const problem = checkIntegrity(db, true);
    if (problem) throw new AppError('invalid_input', `This backup is damaged: SQLite's integrity check failed (${problem.slice(0, 200)}). Choose another backup. ${NOTHING_CHANGED}`);
    const schemaVersion = db.pragma('user_version', { simple: true }) as number;
    const tables = new Set(db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").pluck().all() as string[]);
    if (!Number.isInteger(schemaVersion) || schemaVersion < 1 || REQUIRED_TABLES.some((t) => !tables.has(t))) {
      throw new AppError('invalid_input', `This database file was not made by Backchain (it has no squad, groups and athletes). ${NOTHING_CHANGED}`);
    }
    if (schemaVersion > latestSchemaVersion) {
      throw new AppError(
        'invalid_input',
        `This backup was saved by a newer version of Backchain (data version ${schemaVersion}; this app reads up to ${latestSchemaVersion}). Update Backchain to restore it. ${NOTHING_CHANGED}`,
      );
    }
    const foreign = schemaProblem(db, schemaVersion, migrations, () => open(':memory:'));
    if (foreign) {
      throw new AppError('invalid_input', `This backup has been changed by another program: ${foreign}. Restoring it could change your entries behind your back. Choose another backup. ${NOTHING_CHANGED}`);
    }
    const foreignKeyProblems = db.pragma('foreign_key_check') as unknown[];
    if (foreignKeyProblems.length > 0) {
      throw new AppError('invalid_input', `This backup is damaged: ${foreignKeyProblems.length} record(s) point at records that do not exist. Choose another backup. ${NOTHING_CHANGED}`);
    }
    return readFacts(db, schemaVersion, tables);
  } catch (error) {
    if (error instanceof AppError) throw error;
    // SQLITE_CORRUPT / SQLITE_NOTADB while reading: the file is damaged.
    throw new AppError('invalid_input', `This backup is damaged (${(error as Error).message}). Choose another backup. ${NOTHING_CHANGED}`);
  } finally {
    db.close();
  }
}

function readFacts(db: SquadDb, schemaVersion: number, tables: Set<string>): SquadFileFacts {
  const squadName = (db.prepare('SELECT squad_name FROM squad_settings WHERE id = 1').pluck().get() as string | undefined) ?? null;
  const counts = db.prepare('SELECT count(*) FILTER (WHERE archived_at IS NULL) AS active, count(*) FILTER (WHERE archived_at IS NOT NULL) AS archived FROM athlete').get() as {
    active: number;
    archived: number;
  };
  const groups = db.prepare('SELECT name FROM squad_group ORDER BY sort_order, id').pluck().all() as string[];
  // Every table that records when something was entered (created_at / updated_at / archived_at),
  // including tables later versions add: the newest of those is the last entry.
  let lastEntryAt: string | null = null;
  for (const table of tables) {
    if (table.startsWith('sqlite_')) continue;
    const columns = (db.pragma(`table_info("${table.replace(/"/g, '""')}")`) as { name: string }[]).map((c) => c.name).filter((c) => /^(created|updated|archived)_at$/.test(c));
    for (const column of columns) {
      const latest = db.prepare(`SELECT max("${column}") FROM "${table.replace(/"/g, '""')}"`).pluck().get() as string | null;
      if (typeof latest === 'string' && (lastEntryAt === null || latest > lastEntryAt)) lastEntryAt = latest;
    }
  }
  return { schemaVersion, squadName, activeAthletes: counts.active, archivedAthletes: counts.archived, groups, lastEntryAt };
}

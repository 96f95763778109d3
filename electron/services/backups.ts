/**
 * Backups and restore: the automatic daily backup and its rotation, "Back up now", and restoring
 * a backup (checked first, previewed, with a backup of the current squad taken before anything
 * is replaced). Also the way out of a damaged squad file: the damaged file is moved aside and
 * kept, never overwritten.
 *
 * These work on the squad FILE, so most of them also work when the database could not be
 * opened (they never touch `ctx.db` then).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { BackupInfo, BackupList, BackupPreview, BackupSource, InspectResult, RestoreResult, SavedFile } from '@shared/contract/backups';
import type { AppStatus } from '@shared/contract/roster';
import { BACKUP_EXTENSION, backupKindLabel, backupsToPrune, localStamp, parseBackupFileName, type BackupName } from '@shared/domain/backups';
import { AppError } from '@shared/errors';
import { safeFileStem } from '@shared/exports/fileNames';
import type { ApiContext } from '../api/context';
import { examineSquadFile, writeBackup, type SquadFileFacts } from '../db/backupFile';
import { backupsDir, backupSquad, openSquadDatabase } from '../db/connection';
import { latestSchemaVersion } from '../db/migrate';
import { getSettings } from './settings';

export { MAX_BACKUP_UPLOAD_BYTES } from '@shared/contract/backups';

const SQLITE_SIDE_FILES = ['-wal', '-shm', '-journal'];

function folderOf(ctx: ApiContext): string {
  return backupsDir(ctx.status.dataDir);
}

/** The backups in a folder, newest first (files with other names are not Backchain's and are left alone). */
export function readBackupFolder(folder: string): (BackupName & { sizeBytes: number })[] {
  let names: string[];
  try {
    names = fs.readdirSync(folder);
  } catch {
    return [];
  }
  const backups: (BackupName & { sizeBytes: number })[] = [];
  for (const name of names) {
    const parsed = parseBackupFileName(name);
    if (!parsed) continue;
    try {
      backups.push({ ...parsed, sizeBytes: fs.statSync(path.join(folder, name)).size });
    } catch {
      // Deleted while we looked.
    }
  }
  return backups.sort((a, b) => (a.date === b.date ? b.time.localeCompare(a.time) || b.name.localeCompare(a.name) : b.date.localeCompare(a.date)));
}

export function listBackups(ctx: ApiContext): BackupList {
  const folder = folderOf(ctx);
  const backups: BackupInfo[] = readBackupFolder(folder).map((b) => ({
    name: b.name,
    kind: b.kind,
    kindLabel: backupKindLabel(b.kind),
    date: b.date,
    time: b.time,
    sizeBytes: b.sizeBytes,
  }));
  return { folder, backups, warning: ctx.backupWarning };
}

/** Delete the backups the rotation no longer keeps (7 daily, 4 weekly, safety ones for a while). */
export function pruneBackups(folder: string, now: Date): string[] {
  const remove = backupsToPrune(readBackupFolder(folder), localStamp(now).date);
  for (const name of remove) fs.rmSync(path.join(folder, name), { force: true });
  // A backup cut short (the app was killed while writing it) leaves a .partial file (and the
  // journal SQLite kept beside it): never a backup, so they go once clearly abandoned.
  let names: string[];
  try {
    names = fs.readdirSync(folder);
  } catch {
    return remove;
  }
  for (const name of names) {
    if (!SQLITE_SIDE_FILES.some((side) => name.endsWith(`${BACKUP_EXTENSION}.partial${side}`)) && !name.endsWith(`${BACKUP_EXTENSION}.partial`)) continue;
    const file = path.join(folder, name);
    try {
      if (now.getTime() - fs.statSync(file).mtimeMs > 60 * 60 * 1000) fs.rmSync(file, { force: true });
    } catch {
      // Gone already.
    }
  }
  return remove;
}

/**
 * True while the coach has entered nothing (a brand-new squad): no settings saved, no group, no
 * athlete. Tables that migrations fill with built-in data (exercise library, test battery) do
 * not count. An empty squad is not backed up: its backup would only crowd out real ones.
 */
function isEmptySquad(db: ApiContext['db']): boolean {
  return db.prepare('SELECT NOT EXISTS (SELECT 1 FROM athlete) AND NOT EXISTS (SELECT 1 FROM squad_group) AND NOT EXISTS (SELECT 1 FROM squad_settings)').pluck().get() === 1;
}

/**
 * The automatic backup when the app starts: at most one a day (a second start the same day
 * only rotates), none of a squad with nothing in it (an empty backup would only crowd out
 * useful ones). Returns the new backup's path, or null when none was taken.
 */
export async function takeDailyBackup(ctx: ApiContext): Promise<string | null> {
  if (!ctx.hasDatabase) return null;
  const folder = folderOf(ctx);
  const now = ctx.now();
  const today = localStamp(now).date;
  let created: string | null = null;
  if (!isEmptySquad(ctx.db) && !readBackupFolder(folder).some((b) => b.kind === 'daily' && b.date === today)) {
    created = (await backupSquad(ctx.db, folder, 'daily', now, ctx.openRaw)).path;
  }
  pruneBackups(folder, now);
  return created;
}

/** "Riverside XC 2026-09-07.backchain": the squad's name made safe for every file system. */
export function suggestedBackupName(squadName: string, now: Date): string {
  return `${safeFileStem(squadName, 'Backchain squad')} ${localStamp(now).date}${BACKUP_EXTENSION}`;
}

/** Back up now: the whole squad in one file, where the coach chooses (desktop) or as a download (browser mode). */
export async function createBackupForCoach(ctx: ApiContext): Promise<SavedFile> {
  const db = ctx.db;
  const now = ctx.now();
  const defaultName = suggestedBackupName(getSettings(db, now).squadName, now);
  if (ctx.dialogs) {
    const chosen = await ctx.dialogs.chooseSaveFile({ title: 'Back up the squad', defaultName, filters: [{ name: 'Backchain backup', extensions: ['backchain'] }] });
    if (chosen === null) return { outcome: 'canceled' };
    const target = path.extname(chosen) ? chosen : `${chosen}${BACKUP_EXTENSION}`;
    try {
      const written = await writeBackup(db, target, ctx.openRaw);
      return { outcome: 'saved', path: written.path, sizeBytes: written.sizeBytes };
    } catch (error) {
      throw new AppError('invalid_input', `The backup could not be saved to ${target} (${(error as Error).message}). Choose another folder.`);
    }
  }
  const { id, path: file } = ctx.transfers.reserve(BACKUP_EXTENSION);
  const written = await writeBackup(db, file, ctx.openRaw);
  ctx.transfers.register({ id, kind: 'download', path: file, fileName: defaultName, fileDate: now.toISOString() });
  return { outcome: 'download', downloadId: id, fileName: defaultName, sizeBytes: written.sizeBytes };
}

/**
 * Take a private copy of a backup, check it, and say what it holds. Nothing in the squad
 * changes; the copy waits (by its id) for the coach to confirm or discard the restore.
 */
function stageBackup(ctx: ApiContext, source: { path: string; fileName: string; fileDate: string | null; move: boolean }): BackupPreview {
  const { id, path: staged } = ctx.transfers.reserve('.staged');
  let facts: SquadFileFacts;
  try {
    if (source.move) fs.renameSync(source.path, staged);
    else fs.copyFileSync(source.path, staged);
    facts = examineSquadFile(staged, ctx.openRaw);
    // One self-contained file, ready to be moved into place.
    const copy = ctx.openRaw(staged);
    copy.pragma('journal_mode = DELETE');
    copy.close();
  } catch (error) {
    fs.rmSync(staged, { force: true });
    for (const suffix of SQLITE_SIDE_FILES) fs.rmSync(`${staged}${suffix}`, { force: true });
    if (error instanceof AppError) throw error;
    throw new AppError('invalid_input', `The file could not be read (${(error as Error).message}). Nothing was changed.`);
  }
  ctx.transfers.register({ id, kind: 'staged', path: staged, fileName: source.fileName, fileDate: source.fileDate });
  return {
    stagedId: id,
    fileName: source.fileName,
    fileDate: source.fileDate,
    sizeBytes: fs.statSync(staged).size,
    squadName: facts.squadName,
    activeAthletes: facts.activeAthletes,
    archivedAthletes: facts.archivedAthletes,
    groups: facts.groups,
    lastEntryAt: facts.lastEntryAt,
    schemaVersion: facts.schemaVersion,
    appSchemaVersion: latestSchemaVersion,
    skipped: [],
  };
}

function fileDateOf(file: string): string | null {
  try {
    return fs.statSync(file).mtime.toISOString();
  } catch {
    return null;
  }
}

export async function inspectBackup(ctx: ApiContext, source: BackupSource): Promise<InspectResult> {
  const folder = folderOf(ctx);
  switch (source.kind) {
    case 'choose': {
      if (!ctx.dialogs) throw new AppError('invalid_input', 'Choosing a file from the disk works in the desktop app; in the browser, upload the file instead.');
      const chosen = await ctx.dialogs.chooseOpenFile({ title: 'Restore the squad from a backup', filters: [{ name: 'Backchain backup', extensions: ['backchain', 'db', 'sqlite'] }] });
      if (chosen === null) return { outcome: 'canceled' };
      if (!fs.existsSync(chosen)) throw new AppError('not_found', `The file ${chosen} does not exist (any more).`);
      return { outcome: 'ready', preview: stageBackup(ctx, { path: chosen, fileName: path.basename(chosen), fileDate: fileDateOf(chosen), move: false }) };
    }
    case 'upload': {
      const upload = ctx.transfers.get(source.uploadId, 'upload');
      if (!upload) throw new AppError('not_found', 'That upload is no longer here; choose the file again.');
      // The upload is consumed: its bytes become the staged copy (or are deleted if refused).
      try {
        return { outcome: 'ready', preview: stageBackup(ctx, { path: upload.path, fileName: upload.fileName, fileDate: upload.fileDate, move: true }) };
      } finally {
        ctx.transfers.discard(upload.id);
      }
    }
    case 'listed': {
      const file = path.join(folder, source.name);
      if (path.dirname(file) !== folder || !fs.existsSync(file)) throw new AppError('not_found', `There is no backup called ${source.name} in ${folder} (any more).`);
      const parsed = parseBackupFileName(source.name);
      return { outcome: 'ready', preview: stageBackup(ctx, { path: file, fileName: describeListed(parsed, source.name), fileDate: fileDateOf(file), move: false }) };
    }
    case 'newest': {
      const skipped: { name: string; reason: string }[] = [];
      const backups = readBackupFolder(folder);
      for (const backup of backups) {
        const file = path.join(folder, backup.name);
        try {
          const preview = stageBackup(ctx, { path: file, fileName: describeListed(backup, backup.name), fileDate: fileDateOf(file), move: false });
          return { outcome: 'ready', preview: { ...preview, skipped } };
        } catch (error) {
          skipped.push({ name: backup.name, reason: (error as Error).message });
        }
      }
      throw new AppError(
        'not_found',
        backups.length === 0 ? `There are no backups in ${folder} yet.` : `None of the ${backups.length} backups in ${folder} passed its checks.`,
      );
    }
  }
}

function describeListed(parsed: BackupName | null, name: string): string {
  return parsed ? `${backupKindLabel(parsed.kind)} backup of ${parsed.date} ${parsed.time.slice(0, 5)}` : name;
}

export function discardStaged(ctx: ApiContext, stagedId: string): { discarded: boolean } {
  const staged = ctx.transfers.get(stagedId, 'staged');
  if (!staged) return { discarded: false };
  ctx.transfers.discard(stagedId);
  return { discarded: true };
}

/** Rename a database file together with the files SQLite keeps beside it. */
function moveSquadFiles(from: string, to: string): void {
  if (fs.existsSync(from)) fs.renameSync(from, to);
  for (const suffix of SQLITE_SIDE_FILES) {
    if (fs.existsSync(`${from}${suffix}`)) fs.renameSync(`${from}${suffix}`, `${to}${suffix}`);
  }
}

function removeSquadFiles(file: string): void {
  fs.rmSync(file, { force: true });
  for (const suffix of SQLITE_SIDE_FILES) fs.rmSync(`${file}${suffix}`, { force: true });
}

/** `squad.damaged-2026-09-07_06-00-00.db` beside the squad file: kept for good, never overwritten. */
function setAsidePath(file: string, label: 'damaged' | 'set-aside' | 'replaced', now: Date): string {
  const stamp = localStamp(now);
  const two = (n: number) => String(n).padStart(2, '0');
  const base = `${path.basename(file, '.db')}.${label}-${stamp.date}_${two(stamp.hours)}-${two(stamp.minutes)}-${two(stamp.seconds)}`;
  for (let copy = 1; ; copy += 1) {
    const candidate = path.join(path.dirname(file), `${base}${copy > 1 ? `-${copy}` : ''}.db`);
    if (!fs.existsSync(candidate)) return candidate;
  }
}

const RESTORING: AppStatus['problem'] = { kind: 'cannot_open', message: 'The squad is being restored from a backup; try again in a moment.' };

/**
 * Make a checked backup the squad. In order: back up the current squad (if it is open; if that
 * fails nothing happens), close it, move its file aside, move the backup's copy into place and
 * open it (migrating an older one). If the backup does not open after all, the previous file is
 * put back exactly as it was. A damaged squad file is moved aside and kept, never deleted.
 */
export async function restoreBackup(ctx: ApiContext, stagedId: string): Promise<RestoreResult> {
  const staged = ctx.transfers.get(stagedId, 'staged');
  if (!staged) throw new AppError('not_found', 'That backup is no longer waiting to be restored; choose it again.');
  examineSquadFile(staged.path, ctx.openRaw);

  const file = ctx.status.databasePath;
  const folder = folderOf(ctx);
  const now = ctx.now();
  const problemBefore = ctx.status.problem;
  const previous = ctx.hasDatabase ? ctx.db : null;
  let safetyBackup: string | null = null;
  if (previous) {
    try {
      safetyBackup = (await backupSquad(previous, folder, 'before-restore', now, ctx.openRaw)).path;
    } catch (error) {
      throw new AppError('internal', `The current squad could not be backed up first (${(error as Error).message}), so nothing was restored.`);
    }
  }

  ctx.replaceDatabase(null, RESTORING);
  previous?.close();
  const aside = setAsidePath(file, previous ? 'replaced' : problemBefore?.kind === 'damaged' || problemBefore?.kind === 'not_a_database' ? 'damaged' : 'set-aside', now);
  try {
    moveSquadFiles(file, aside);
  } catch (error) {
    // Put back whatever was already moved (the file, or only some of its side files).
    try {
      moveSquadFiles(aside, file);
    } catch {
      // Reported below: reopenAfterFailure will not create a new squad over a missing file.
    }
    await reopenAfterFailure(ctx, file, previous !== null, problemBefore, aside);
    throw new AppError('internal', `The squad file could not be moved aside (${(error as Error).message}), so nothing was restored.`);
  }

  let restored;
  try {
    fs.renameSync(staged.path, file);
    restored = await openSquadDatabase(file, { nativeBinding: ctx.nativeBinding, now: () => now });
  } catch (error) {
    removeSquadFiles(file);
    moveSquadFiles(aside, file);
    await reopenAfterFailure(ctx, file, previous !== null, problemBefore, aside);
    ctx.transfers.discard(stagedId);
    throw new AppError('invalid_input', `The backup could not be opened after all (${(error as Error).message}). Your squad was put back as it was.`);
  }
  ctx.replaceDatabase(restored, null);
  ctx.transfers.discard(stagedId);
  // A healthy squad that was replaced is in the before-restore backup; a damaged one is kept.
  if (previous) removeSquadFiles(aside);
  pruneBackups(folder, now);
  return {
    restoredFrom: staged.fileName,
    safetyBackup: safetyBackup ? path.basename(safetyBackup) : null,
    movedAside: previous ? null : fs.existsSync(aside) ? aside : null,
    schemaVersion: ctx.status.schemaVersion ?? latestSchemaVersion,
  };
}

async function reopenAfterFailure(ctx: ApiContext, file: string, wasOpen: boolean, problemBefore: AppStatus['problem'], aside: string): Promise<void> {
  if (!wasOpen) {
    ctx.replaceDatabase(null, problemBefore);
    return;
  }
  if (!fs.existsSync(file)) {
    // Never open (and so create) an empty squad where the coach's file should be.
    ctx.replaceDatabase(null, { kind: 'cannot_open', message: `The squad file could not be put back in place. It is safe at ${aside}; close Backchain and move it back to ${file}.` });
    return;
  }
  try {
    ctx.replaceDatabase(await openSquadDatabase(file, { nativeBinding: ctx.nativeBinding, now: ctx.now }), null);
  } catch (error) {
    ctx.replaceDatabase(null, { kind: 'cannot_open', message: (error as Error).message });
  }
}

/**
 * The way out when the squad file is damaged and no backup helps: move the damaged file aside
 * (kept) and start an empty squad. Refused while the squad file is healthy.
 */
export async function startEmptySquad(ctx: ApiContext): Promise<{ movedAside: string }> {
  const problem = ctx.status.problem;
  if (ctx.hasDatabase || !problem || (problem.kind !== 'damaged' && problem.kind !== 'not_a_database')) {
    throw new AppError('conflict', 'Your squad file is not damaged, so it is left as it is. To replace it, restore a backup instead.');
  }
  const file = ctx.status.databasePath;
  const aside = setAsidePath(file, 'damaged', ctx.now());
  moveSquadFiles(file, aside);
  try {
    ctx.replaceDatabase(await openSquadDatabase(file, { nativeBinding: ctx.nativeBinding, now: ctx.now }), null);
  } catch (error) {
    removeSquadFiles(file);
    moveSquadFiles(aside, file);
    throw new AppError('internal', `A new squad could not be started (${(error as Error).message}); the damaged file was put back.`);
  }
  return { movedAside: aside };
}

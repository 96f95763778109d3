import { z } from 'zod';
import type { IsoDate } from '../dates';
import { BACKUP_NAME_PATTERN, type BackupKind } from '../domain/backups';
import { emptyInput } from './common';
import { method, SQUAD_AREAS } from './define';

/** Backups and restore (issue 6). The file work happens in main; the page only names what it wants. */

const transferIdSchema = z.string({ error: 'Choose the file again' }).regex(/^[0-9a-f]{32}$/, 'That file is no longer waiting here; choose it again');
const backupNameSchema = z.string({ error: 'Choose a backup from the list' }).max(120, 'Choose a backup from the list').regex(BACKUP_NAME_PATTERN, 'Choose a backup from the list');

/** Where the backup to look at comes from. */
/** Browser-mode uploads of a backup are refused above this size (a season's squad is a few MB); the page checks it before sending. */
export const MAX_BACKUP_UPLOAD_BYTES = 1024 * 1024 * 1024;

export const backupSourceSchema = z.discriminatedUnion(
  'kind',
  [
    /** Desktop: the open-file dialog. */
    z.object({ kind: z.literal('choose') }).strict(),
    /** Browser mode: a file the page uploaded (POST /files/upload). */
    z.object({ kind: z.literal('upload'), uploadId: transferIdSchema }).strict(),
    /** One of the automatic backups in the backups folder. */
    z.object({ kind: z.literal('listed'), name: backupNameSchema }).strict(),
    /** The newest automatic backup that passes its checks (for a damaged squad file). */
    z.object({ kind: z.literal('newest') }).strict(),
  ],
  { error: 'Choose a backup file' },
);
export type BackupSource = z.infer<typeof backupSourceSchema>;

export interface BackupInfo {
  name: string;
  kind: BackupKind;
  kindLabel: string;
  /** Local date and time it was taken. */
  date: IsoDate;
  time: string;
  sizeBytes: number;
}

export interface BackupList {
  /** The backups folder. */
  folder: string;
  backups: BackupInfo[];
  /** Why the last automatic backup failed, if it did. */
  warning: string | null;
}

/** A file made for the coach: saved where they chose (desktop), or waiting to be downloaded (browser mode). */
export type SavedFile =
  | { outcome: 'saved'; path: string; sizeBytes: number }
  | { outcome: 'download'; downloadId: string; fileName: string; sizeBytes: number }
  | { outcome: 'canceled' };

export interface BackupPreview {
  /** The checked private copy waiting for the coach's confirmation. */
  stagedId: string;
  /** The file as the coach knows it. */
  fileName: string;
  /** When the file was last changed (ISO), if known. */
  fileDate: string | null;
  sizeBytes: number;
  squadName: string | null;
  activeAthletes: number;
  archivedAthletes: number;
  groups: string[];
  /** The latest time anything in it was entered (ISO), null for an empty squad. */
  lastEntryAt: string | null;
  schemaVersion: number;
  /** The version this app writes; an older backup is brought up to it when restored. */
  appSchemaVersion: number;
  /** Newer backups that were checked and passed over (searching for the newest good one). */
  skipped: { name: string; reason: string }[];
}

export type InspectResult = { outcome: 'ready'; preview: BackupPreview } | { outcome: 'canceled' };

export interface RestoreResult {
  /** The file that is now the squad. */
  restoredFrom: string;
  /** The backup of the squad as it was just before (restore it to undo), if there was one to take. */
  safetyBackup: string | null;
  /** Where a damaged squad file was moved (kept, never deleted). */
  movedAside: string | null;
  schemaVersion: number;
}

export const backupMethods = {
  'backups.list': method(emptyInput, 'The automatic and safety backups in the backups folder, newest first').reads('backups').returns<BackupList>(),
  'backups.create': method(emptyInput, 'Back up now: a copy of the whole squad, saved where the coach chooses (or downloaded)').reads(...SQUAD_AREAS).returns<SavedFile>(),
  'backups.inspect': method(
    z.object({ source: backupSourceSchema }).strict(),
    'Check a backup and show what it holds, before restoring it (nothing changes yet)',
  ).reads().returns<InspectResult>(),
  'backups.restore': method(
    z.object({ stagedId: transferIdSchema }).strict(),
    'Replace the squad with a checked backup, after backing up the current squad',
  ).affects(...SQUAD_AREAS, 'backups', 'file').returns<RestoreResult>(),
  'backups.discard': method(z.object({ stagedId: transferIdSchema }).strict(), 'Forget a checked backup the coach decided not to restore').reads().returns<{ discarded: boolean }>(),
  'backups.startEmpty': method(
    emptyInput,
    'Only when the squad file is damaged: move it aside (kept) and start an empty squad',
  ).affects(...SQUAD_AREAS, 'backups', 'file').returns<{ movedAside: string }>(),
};

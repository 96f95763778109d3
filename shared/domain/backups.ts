/**
 * Backups of the squad file: how they are named, and which ones are kept.
 *
 * A backup's name says when it was taken (the laptop's local time, as the coach reads the clock)
 * and why: `2026-09-07_06-00-00_daily.backchain`. The name is the backup's only metadata, so a
 * folder of backups copied to another laptop still lists and rotates correctly.
 */
import { daysBetween, startOfWeek, type IsoDate } from '../dates';

export const BACKUP_EXTENSION = '.backchain';

/**
 * - daily: the automatic backup when the app starts (at most one a day);
 * - before-migration-vN: taken before a new version of the app changed the file's layout (N = the old version);
 * - before-restore: the squad as it was just before the coach restored another file over it.
 */
export type BackupKind = 'daily' | 'before-restore' | `before-migration-v${number}`;

export const BACKUP_KIND_LABELS = {
  daily: 'Daily (automatic)',
  'before-restore': 'Before a restore',
  'before-migration': 'Before an app update',
} as const;

export function backupKindLabel(kind: BackupKind): string {
  if (kind === 'daily' || kind === 'before-restore') return BACKUP_KIND_LABELS[kind];
  return BACKUP_KIND_LABELS['before-migration'];
}

/** What the name of a backup tells. */
export interface BackupName {
  name: string;
  kind: BackupKind;
  /** Local calendar date and time it was taken. */
  date: IsoDate;
  time: string;
}

const NAME = /^(\d{4}-\d{2}-\d{2})_(\d{2})-(\d{2})-(\d{2})_(daily|before-restore|before-migration-v\d{1,4})(?:-(\d{1,3}))?\.backchain$/;

/** Local date-time parts of `now`, for a name. Pure arithmetic on the parts the caller read from the clock. */
export interface LocalStamp {
  date: IsoDate;
  hours: number;
  minutes: number;
  seconds: number;
}

const two = (n: number) => String(n).padStart(2, '0');

/** `2026-09-07_06-00-00_daily.backchain`; `copy` (2, 3...) tells apart two taken in the same second. */
export function backupFileName(kind: BackupKind, stamp: LocalStamp, copy = 1): string {
  const suffix = copy > 1 ? `-${copy}` : '';
  return `${stamp.date}_${two(stamp.hours)}-${two(stamp.minutes)}-${two(stamp.seconds)}_${kind}${suffix}${BACKUP_EXTENSION}`;
}

/** The parts of a backup's name, or null for any other file (which Backchain never lists or deletes). */
export function parseBackupFileName(name: string): BackupName | null {
  const match = NAME.exec(name);
  if (!match) return null;
  const [, date, hh, mm, ss, kind] = match;
  if (!date || !hh || !mm || !ss || !kind) return null;
  return { name, kind: kind as BackupKind, date, time: `${hh}:${mm}:${ss}` };
}

/** The name a backup file is checked against before it is used as a path (no folders, no `..`). */
export const BACKUP_NAME_PATTERN = NAME;

/** How many of each are kept. Safety backups (before an update or a restore) are kept longer. */
export const BACKUP_RETENTION = {
  /** The newest daily backup of each of the last 7 days that have one. */
  days: 7,
  /** ...and the newest of each of the last 4 weeks that have one. */
  weeks: 4,
  /** Safety backups younger than this are always kept... */
  safetyDays: 60,
  /** ...and the newest 3 of each kind whatever their age. */
  safetyMinimum: 3,
} as const;

function newestFirst(a: BackupName, b: BackupName): number {
  return a.date === b.date ? (a.time === b.time ? b.name.localeCompare(a.name) : b.time.localeCompare(a.time)) : b.date.localeCompare(a.date);
}

/**
 * The backups to delete so that what is left is: 7 daily and 4 weekly (grandfather-father-son
 * over the daily backups), and every safety backup younger than 60 days plus the newest 3 of
 * each kind. Never deletes a file whose name it does not recognise.
 */
export function backupsToPrune(backups: readonly BackupName[], today: IsoDate): string[] {
  const keep = new Set<string>();
  const daily = backups.filter((b) => b.kind === 'daily').sort(newestFirst);
  const days = new Set<string>();
  const weeks = new Set<string>();
  for (const backup of daily) {
    const week = startOfWeek(backup.date, 1);
    if (!days.has(backup.date) && days.size < BACKUP_RETENTION.days) {
      days.add(backup.date);
      keep.add(backup.name);
    }
    if (!weeks.has(week) && weeks.size < BACKUP_RETENTION.weeks) {
      weeks.add(week);
      keep.add(backup.name);
    }
    // A day or week already represented by a newer backup keeps only that one.
    days.add(backup.date);
    weeks.add(week);
  }
  const safetyKinds = new Map<string, BackupName[]>();
  for (const backup of backups) {
    if (backup.kind === 'daily') continue;
    const group = backup.kind.startsWith('before-migration') ? 'before-migration' : backup.kind;
    safetyKinds.set(group, [...(safetyKinds.get(group) ?? []), backup]);
  }
  for (const list of safetyKinds.values()) {
    list.sort(newestFirst).forEach((backup, index) => {
      if (index < BACKUP_RETENTION.safetyMinimum || daysBetween(backup.date, today) <= BACKUP_RETENTION.safetyDays) keep.add(backup.name);
    });
  }
  return backups.filter((b) => !keep.has(b.name)).map((b) => b.name);
}

/** The local date and time of `now` on this laptop, for a backup's name. */
export function localStamp(now: Date): LocalStamp {
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return {
    date: `${pad(now.getFullYear(), 4)}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`,
    hours: now.getHours(),
    minutes: now.getMinutes(),
    seconds: now.getSeconds(),
  };
}

import { describe, expect, it } from 'vitest';
import { addDays } from '@shared/dates';
import { backupFileName, backupsToPrune, localStamp, parseBackupFileName, type BackupName } from '@shared/domain/backups';

function daily(date: string, time = '06:00:00'): BackupName {
  return { name: `${date}_${time.replace(/:/g, '-')}_daily.backchain`, kind: 'daily', date, time };
}

describe('backup names', () => {
  it('say when (local time) and why, and read back', () => {
    const name = backupFileName('before-migration-v3', { date: '2026-09-07', hours: 6, minutes: 5, seconds: 9 });
    expect(name).toBe('2026-09-07_06-05-09_before-migration-v3.backchain');
    expect(parseBackupFileName(name)).toEqual({ name, kind: 'before-migration-v3', date: '2026-09-07', time: '06:05:09' });
    expect(backupFileName('daily', { date: '2026-09-07', hours: 23, minutes: 59, seconds: 59 }, 2)).toBe('2026-09-07_23-59-59_daily-2.backchain');
    expect(parseBackupFileName('2026-09-07_23-59-59_daily-2.backchain')?.kind).toBe('daily');
  });

  it('do not recognise other files, paths or look-alikes (so they are never listed or deleted)', () => {
    for (const name of ['squad.db', 'notes.txt', '../2026-09-07_06-00-00_daily.backchain', '2026-09-07_06-00-00_daily.backchain.partial', '2026-09-07_06-00-00_weekly.backchain', '2026-09-07_06-00-00_daily.db']) {
      expect(parseBackupFileName(name), name).toBeNull();
    }
  });

  it('take the local date and time of the clock', () => {
    // new Date(y, m, d, h, m, s) is local time by definition, whatever the machine's zone.
    expect(localStamp(new Date(2026, 8, 7, 6, 5, 9))).toEqual({ date: '2026-09-07', hours: 6, minutes: 5, seconds: 9 });
    expect(localStamp(new Date(2027, 0, 1, 0, 0, 0)).date).toBe('2027-01-01');
  });
});

describe('backup rotation', () => {
  it('keeps 7 daily and 4 weekly backups of a season of daily backups', () => {
    // One backup every day from 1 Aug to Wed 30 Sep 2026 (61 days). Weeks start on Monday
    // (2026-09-07 is a Monday, so 14, 21, 28 Sep are too). Kept by hand:
    // days: 24..30 Sep (the newest 7);
    // weeks: week of 28 Sep -> 30 Sep (already kept), of 21 Sep -> 27 Sep (kept),
    //        of 14 Sep -> 20 Sep, of 7 Sep -> 13 Sep.
    const all = Array.from({ length: 61 }, (_, i) => daily(addDays('2026-08-01', i)));
    expect(all.at(-1)?.date).toBe('2026-09-30');
    const removed = new Set(backupsToPrune(all, '2026-09-30'));
    const kept = all.filter((b) => !removed.has(b.name)).map((b) => b.date);
    expect(kept.sort()).toEqual(['2026-09-13', '2026-09-20', '2026-09-24', '2026-09-25', '2026-09-26', '2026-09-27', '2026-09-28', '2026-09-29', '2026-09-30']);
  });

  it('keeps only the newest backup of a day', () => {
    const removed = backupsToPrune([daily('2026-09-07', '06:00:00'), daily('2026-09-07', '18:30:00')], '2026-09-07');
    expect(removed).toEqual(['2026-09-07_06-00-00_daily.backchain']);
  });

  it('keeps safety backups for 60 days, and always the newest 3 of each kind', () => {
    const migration = (date: string): BackupName => ({ name: `${date}_06-00-00_before-migration-v1.backchain`, kind: 'before-migration-v1', date, time: '06:00:00' });
    const restore: BackupName = { name: '2026-01-01_06-00-00_before-restore.backchain', kind: 'before-restore', date: '2026-01-01', time: '06:00:00' };
    const list = ['2026-05-01', '2026-06-01', '2026-07-01', '2026-07-15', '2026-08-15'].map(migration);
    // Today 30 Sep: 15 Aug is 46 days old (kept by age); 15 Jul and 1 Jul are 77 and 91 days old,
    // kept as two of the newest 3; 1 Jun and 1 May go. The lone before-restore backup stays.
    const removed = backupsToPrune([...list, restore], '2026-09-30');
    expect(removed.sort()).toEqual(['2026-05-01_06-00-00_before-migration-v1.backchain', '2026-06-01_06-00-00_before-migration-v1.backchain']);
  });
});

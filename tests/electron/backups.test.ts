import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { ApiContext } from '@main/api/context';
import { openApi } from '@main/api/open';
import { backupsDir, databasePath } from '@main/db/connection';
import { latestSchemaVersion } from '@main/db/migrate';
import type { FileDialogs } from '@main/files/dialogs';
import { loadGeneratedSquad } from '@main/services/sample/squad';
import type { MethodInput, MethodName } from '@shared/contract';
import { apiCallsOn } from '../support/calls';
import { databaseFingerprint, tableCounts, tempDir } from '../support/tempSquad';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

function folder(): string {
  const t = tempDir();
  cleanups.push(t.cleanup);
  return t.dir;
}

/** A fake of the desktop's dialogs: answers with the paths a test gives, records what was asked. */
function fakeDialogs(answers: { save?: string | null; open?: string | null }) {
  const asked: { kind: 'save' | 'open'; defaultName?: string }[] = [];
  const dialogs: FileDialogs = {
    chooseSaveFile: async ({ defaultName }) => {
      asked.push({ kind: 'save', defaultName });
      return answers.save ?? null;
    },
    chooseOpenFile: async () => {
      asked.push({ kind: 'open' });
      return answers.open ?? null;
    },
  };
  return { dialogs, asked };
}

async function open(dataDir: string, options: { now?: Date; dialogs?: FileDialogs } = {}) {
  const api = await openApi({ dataDir, mode: options.dialogs ? 'desktop' : 'browser', appVersion: 'test', now: () => options.now ?? new Date(2026, 8, 7, 6, 0, 0), dialogs: options.dialogs, log: () => undefined });
  cleanups.unshift(() => api.close());
  return api;
}

/** `ok(ctx, method, input)` / `refused(ctx, method, input)` on whichever squad a test opened. */
const ok = <M extends MethodName>(ctx: ApiContext, method: M, input: MethodInput<M>) => apiCallsOn(() => ctx).ok(method, input);
const refused = (ctx: ApiContext, method: MethodName, input: unknown) => apiCallsOn(() => ctx).refused(method, input);

function backupNames(dataDir: string): string[] {
  return fs.existsSync(backupsDir(dataDir)) ? fs.readdirSync(backupsDir(dataDir)).sort() : [];
}

describe('automatic backups', () => {
  it('backs up when the app starts, at most once a day, with a readable name (not while the squad is empty)', async () => {
    const dir = folder();
    const first = await open(dir, { now: new Date(2026, 8, 7, 6, 0, 0) });
    expect(backupNames(dir)).toEqual([]);
    await ok(first.ctx, 'athletes.create', { givenName: 'Ana', familyName: 'López' });
    first.close();
    (await open(dir, { now: new Date(2026, 8, 7, 18, 0, 0) })).close();
    (await open(dir, { now: new Date(2026, 8, 7, 19, 0, 0) })).close();
    expect(backupNames(dir)).toEqual(['2026-09-07_18-00-00_daily.backchain']);
    const nextDay = await open(dir, { now: new Date(2026, 8, 8, 7, 30, 0) });
    expect(backupNames(dir)).toEqual(['2026-09-07_18-00-00_daily.backchain', '2026-09-08_07-30-00_daily.backchain']);
    const list = await ok(nextDay.ctx, 'backups.list', {});
    expect(list.folder).toBe(backupsDir(dir));
    expect(list.backups.map((b) => [b.date, b.time, b.kind, b.kindLabel])).toEqual([
      ['2026-09-08', '07:30:00', 'daily', 'Daily (automatic)'],
      ['2026-09-07', '18:00:00', 'daily', 'Daily (automatic)'],
    ]);
    expect(list.backups[0]?.sizeBytes).toBeGreaterThan(4096);
  });

  it('writes a self-contained backup file (not WAL) that holds the squad as it was', async () => {
    const dir = folder();
    const first = await open(dir, { now: new Date(2026, 8, 7, 6, 0, 0) });
    loadGeneratedSquad(first.ctx.db, { seed: 3, size: 'sample' }, new Date('2026-09-07T06:00:00Z'));
    const expected = databaseFingerprint(first.ctx.db);
    first.close();
    await open(dir, { now: new Date(2026, 8, 8, 6, 0, 0) });
    const file = path.join(backupsDir(dir), '2026-09-08_06-00-00_daily.backchain');
    // Byte 18 and 19 of the header are 1 for a rollback-journal file, 2 for WAL.
    expect([...fs.readFileSync(file).subarray(18, 20)]).toEqual([1, 1]);
    const copy = new Database(file, { readonly: true });
    expect(databaseFingerprint(copy)).toBe(expected);
    copy.close();
  });

  it('rotates: after 40 days of starts, 7 daily and the weekly ones are left', async () => {
    const dir = folder();
    const start = await open(dir, { now: new Date(2026, 6, 31, 6, 0, 0) });
    await ok(start.ctx, 'athletes.create', { givenName: 'Ana', familyName: 'López' });
    start.close();
    for (let day = 0; day < 40; day += 1) (await open(dir, { now: new Date(2026, 7, 1 + day, 6, 0, 0) })).close();
    // 1 Aug + 39 days = 9 Sep 2026 (a Wednesday; weeks start Monday 7 Sep, 31 Aug, 24 Aug, 17 Aug).
    // Days kept: 3..9 Sep. Weeks: 7 Sep (9 Sep), 31 Aug (6 Sep), 24 Aug (30 Aug), 17 Aug (23 Aug).
    expect(backupNames(dir).map((n) => n.slice(0, 10))).toEqual(['2026-08-23', '2026-08-30', '2026-09-03', '2026-09-04', '2026-09-05', '2026-09-06', '2026-09-07', '2026-09-08', '2026-09-09']);
  });

  it('a failed automatic backup does not keep the coach out, and the Data section says why', async () => {
    const dir = folder();
    const first = await open(dir, { now: new Date(2026, 8, 6, 6, 0, 0) });
    await ok(first.ctx, 'athletes.create', { givenName: 'Ana', familyName: 'López' });
    first.close();
    fs.writeFileSync(path.join(dir, 'backups'), 'a file where the folder should be');
    const api = await open(dir);
    expect(api.ctx.hasDatabase).toBe(true);
    const list = await ok(api.ctx, 'backups.list', {});
    expect(list.warning).toMatch(/^Today's automatic backup failed/);
  });
});

describe('back up now', () => {
  it('in browser mode, leaves a file to download named after the squad', async () => {
    const api = await open(folder());
    await ok(api.ctx, 'settings.update', { ...(await ok(api.ctx, 'settings.get', {})), squadName: 'Riverside XC: Varsity/JV' });
    const saved = await ok(api.ctx, 'backups.create', {});
    expect(saved).toMatchObject({ outcome: 'download', fileName: 'Riverside XC Varsity JV 2026-09-07.backchain' });
    if (saved.outcome !== 'download') return;
    const entry = api.ctx.transfers.get(saved.downloadId, 'download');
    expect(entry && fs.statSync(entry.path).size).toBe(saved.sizeBytes);
  });

  it('in the desktop app, saves where the coach chose, and a cancelled dialog saves nothing', async () => {
    const dir = folder();
    const target = path.join(dir, 'elsewhere', 'my squad');
    fs.mkdirSync(path.dirname(target));
    const { dialogs, asked } = fakeDialogs({ save: target });
    const api = await open(dir, { dialogs });
    await ok(api.ctx, 'athletes.create', { givenName: 'Ana', familyName: 'López' });
    const saved = await ok(api.ctx, 'backups.create', {});
    expect(asked).toEqual([{ kind: 'save', defaultName: 'My squad 2026-09-07.backchain' }]);
    // No extension typed: the backup gets .backchain.
    expect(saved).toMatchObject({ outcome: 'saved', path: `${target}.backchain` });
    const copy = new Database(`${target}.backchain`, { readonly: true });
    expect(copy.prepare('SELECT given_name FROM athlete').pluck().all()).toEqual(['Ana']);
    copy.close();

    const cancelled = await open(folder(), { dialogs: fakeDialogs({ save: null }).dialogs });
    expect(await ok(cancelled.ctx, 'backups.create', {})).toEqual({ outcome: 'canceled' });
  });
});

describe('restore', () => {
  it('round trip on the large squad: every table and every row comes back', async () => {
    const dir = folder();
    const api = await open(dir);
    loadGeneratedSquad(api.ctx.db, { seed: 11, size: 'large' }, new Date('2026-09-07T06:00:00Z'));
    const counts = tableCounts(api.ctx.db);
    const fingerprint = databaseFingerprint(api.ctx.db);
    expect(counts.athlete).toBe(300);

    // Back up now (browser mode: the download), then change a lot.
    const saved = await ok(api.ctx, 'backups.create', {});
    if (saved.outcome !== 'download') throw new Error('expected a download');
    const backupFile = path.join(dir, 'kept.backchain');
    fs.copyFileSync(api.ctx.transfers.get(saved.downloadId, 'download')?.path ?? '', backupFile);
    const athletes = await ok(api.ctx, 'athletes.list', { status: 'active' });
    await ok(api.ctx, 'athletes.archive', { ids: athletes.slice(0, 120).map((a) => a.id) });
    await ok(api.ctx, 'athletes.create', { givenName: 'New', familyName: 'Runner' });
    expect(databaseFingerprint(api.ctx.db)).not.toBe(fingerprint);

    // Restore it, as the desktop app does (the open dialog picks the file).
    const desktop = await open(dir, { dialogs: fakeDialogs({ open: backupFile }).dialogs });
    api.close();
    const inspected = await ok(desktop.ctx, 'backups.inspect', { source: { kind: 'choose' } });
    if (inspected.outcome !== 'ready') throw new Error('expected a preview');
    expect(inspected.preview).toMatchObject({ fileName: 'kept.backchain', activeAthletes: 300, archivedAthletes: 0, squadName: 'Large benchmark squad' });
    expect(inspected.preview.groups).toEqual(['Sprints', 'Hurdles & jumps', 'Middle distance', 'Distance']);
    const restored = await ok(desktop.ctx, 'backups.restore', { stagedId: inspected.preview.stagedId });
    expect(restored.restoredFrom).toBe('kept.backchain');
    expect(restored.safetyBackup).toMatch(/^2026-09-07_06-00-00_before-restore\.backchain$/);
    expect(tableCounts(desktop.ctx.db)).toEqual(counts);
    expect(databaseFingerprint(desktop.ctx.db)).toBe(fingerprint);

    // The safety backup holds what was there before the restore: restoring it is the undo.
    const undo = await ok(desktop.ctx, 'backups.inspect', { source: { kind: 'listed', name: restored.safetyBackup ?? '' } });
    if (undo.outcome !== 'ready') throw new Error('expected a preview');
    expect(undo.preview).toMatchObject({ activeAthletes: 181, archivedAthletes: 120 });
    // The large squad carries two seasons of training logs (about 90 MB): checking, copying and comparing it takes a while.
  }, 90_000);

  it('the preview tells squad name, athletes, groups, last entry, version and file date', async () => {
    const dir = folder();
    const api = await open(dir);
    loadGeneratedSquad(api.ctx.db, { seed: 3, size: 'sample' }, new Date('2026-09-01T06:00:00Z'));
    const ana = await ok(api.ctx, 'athletes.list', { status: 'active' });
    await ok(api.ctx, 'athletes.archive', { ids: [ana[0]?.id ?? 0] });
    const saved = await ok(api.ctx, 'backups.create', {});
    if (saved.outcome !== 'download') throw new Error('expected a download');
    const file = api.ctx.transfers.get(saved.downloadId, 'download')?.path ?? '';
    const upload = api.ctx.transfers.reserve('.upload');
    fs.copyFileSync(file, upload.path);
    api.ctx.transfers.register({ id: upload.id, kind: 'upload', path: upload.path, fileName: 'squad.backchain', fileDate: '2026-09-06T10:00:00.000Z' });
    const inspected = await ok(api.ctx, 'backups.inspect', { source: { kind: 'upload', uploadId: upload.id } });
    if (inspected.outcome !== 'ready') throw new Error('expected a preview');
    expect(inspected.preview).toMatchObject({
      fileName: 'squad.backchain',
      fileDate: '2026-09-06T10:00:00.000Z',
      activeAthletes: 23,
      archivedAthletes: 1,
      groups: ['Sprints', 'Hurdles & jumps', 'Middle distance', 'Distance'],
      // The archive (the clock of this test: 7 Sep 06:00 local) is the last thing entered.
      lastEntryAt: new Date(2026, 8, 7, 6, 0, 0).toISOString(),
      schemaVersion: latestSchemaVersion,
      appSchemaVersion: latestSchemaVersion,
    });
    // The upload was consumed; discarding the preview deletes the staged copy.
    expect(api.ctx.transfers.get(upload.id, 'upload')).toBeNull();
    expect(await ok(api.ctx, 'backups.discard', { stagedId: inspected.preview.stagedId })).toEqual({ discarded: true });
    expect((await refused(api.ctx, 'backups.restore', { stagedId: inspected.preview.stagedId })).code).toBe('not_found');
  });

  it('refuses garbage, an empty file, another program\'s database, a newer version and a damaged backup; nothing changes', async () => {
    const dir = folder();
    const files = path.join(dir, 'files');
    fs.mkdirSync(files);
    const garbage = path.join(files, 'notes.backchain');
    fs.writeFileSync(garbage, 'Monday: 6x400 at mile pace\n'.repeat(100));
    const empty = path.join(files, 'empty.backchain');
    fs.writeFileSync(empty, '');
    const foreign = path.join(files, 'foreign.db');
    const other = new Database(foreign);
    other.exec('CREATE TABLE recipes (name TEXT)');
    other.close();
    const newer = path.join(files, 'newer.backchain');
    const future = new Database(newer);
    future.exec('CREATE TABLE squad_settings (id INTEGER); CREATE TABLE squad_group (id INTEGER); CREATE TABLE athlete (id INTEGER);');
    future.pragma(`user_version = ${latestSchemaVersion + 1}`);
    future.close();

    const expectations: [string, RegExp][] = [
      [garbage, /not a database file at all/],
      [empty, /empty/],
      [foreign, /not made by Backchain/],
      [newer, /newer version of Backchain .*Update Backchain/],
    ];
    for (const [file, message] of expectations) {
      const api = await open(dir, { dialogs: fakeDialogs({ open: file }).dialogs });
      await ok(api.ctx, 'athletes.create', { givenName: 'Keep', familyName: `Me ${path.basename(file)}` });
      const squadBefore = databaseFingerprint(api.ctx.db);
      const error = await refused(api.ctx, 'backups.inspect', { source: { kind: 'choose' } });
      expect(error.message, file).toMatch(message);
      expect(error.message).toMatch(/Nothing was changed/);
      expect(databaseFingerprint(api.ctx.db)).toBe(squadBefore);
      // No staged leftovers.
      expect(fs.readdirSync(api.ctx.transfers.dir)).toEqual([]);
      api.close();
    }
  });

  it('checks the backup again when the coach confirms: a copy spoiled since the preview is refused, the squad untouched', async () => {
    const dir = folder();
    const api = await open(dir);
    await ok(api.ctx, 'athletes.create', { givenName: 'Ana', familyName: 'López' });
    const saved = await ok(api.ctx, 'backups.create', {});
    if (saved.outcome !== 'download') throw new Error('expected a download');
    const upload = api.ctx.transfers.reserve('.upload');
    fs.copyFileSync(api.ctx.transfers.get(saved.downloadId, 'download')?.path ?? '', upload.path);
    api.ctx.transfers.register({ id: upload.id, kind: 'upload', path: upload.path, fileName: 'x.backchain', fileDate: null });
    const inspected = await ok(api.ctx, 'backups.inspect', { source: { kind: 'upload', uploadId: upload.id } });
    if (inspected.outcome !== 'ready') throw new Error('expected a preview');
    fs.writeFileSync(api.ctx.transfers.get(inspected.preview.stagedId, 'staged')?.path ?? '', 'spoiled');
    const squadBytes = fs.readFileSync(databasePath(dir));
    expect((await refused(api.ctx, 'backups.restore', { stagedId: inspected.preview.stagedId })).message).toMatch(/not a database file/);
    expect(api.ctx.hasDatabase).toBe(true);
    expect(fs.readFileSync(databasePath(dir)).equals(squadBytes)).toBe(true);
    expect(backupNames(dir).filter((n) => n.includes('before-restore'))).toEqual([]);
  });

  it('a cancelled open dialog changes nothing', async () => {
    const api = await open(folder(), { dialogs: fakeDialogs({ open: null }).dialogs });
    expect(await ok(api.ctx, 'backups.inspect', { source: { kind: 'choose' } })).toEqual({ outcome: 'canceled' });
  });

  it('refuses a backup name that is not a backup in the folder (no paths)', async () => {
    const api = await open(folder());
    for (const name of ['../squad.db', '/etc/passwd', '2026-09-07_06-00-00_daily.backchain/../../x', 'squad.db']) {
      expect((await refused(api.ctx, 'backups.inspect', { source: { kind: 'listed', name } })).code).toBe('invalid_input');
    }
    expect((await refused(api.ctx, 'backups.inspect', { source: { kind: 'listed', name: '2020-01-01_06-00-00_daily.backchain' } })).code).toBe('not_found');
    expect((await refused(api.ctx, 'backups.inspect', { source: { kind: 'choose' } })).message).toMatch(/desktop app/);
  });

  it('restores an older-version backup by bringing it up to date', async () => {
    const dir = folder();
    const api = await open(dir);
    const old = path.join(dir, 'old.backchain');
    // A version-1 squad, as the first release wrote it (migration 001 only).
    const v1 = new Database(old);
    const { migrations } = await import('@main/db/migrate');
    v1.exec(migrations[0]?.sql ?? '');
    v1.pragma('user_version = 1');
    v1.prepare("INSERT INTO athlete (given_name, family_name, name_key, sex, created_at, updated_at) VALUES ('Old', 'Timer', 'old|timer', 'male', '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z')").run();
    v1.close();
    const upload = api.ctx.transfers.reserve('.upload');
    fs.copyFileSync(old, upload.path);
    api.ctx.transfers.register({ id: upload.id, kind: 'upload', path: upload.path, fileName: 'old.backchain', fileDate: null });
    const inspected = await ok(api.ctx, 'backups.inspect', { source: { kind: 'upload', uploadId: upload.id } });
    if (inspected.outcome !== 'ready') throw new Error('expected a preview');
    expect(inspected.preview).toMatchObject({ schemaVersion: 1, activeAthletes: 1, squadName: null, lastEntryAt: '2025-01-01T00:00:00Z' });
    await ok(api.ctx, 'backups.restore', { stagedId: inspected.preview.stagedId });
    expect(api.ctx.status.schemaVersion).toBe(latestSchemaVersion);
    expect((await ok(api.ctx, 'athletes.list', { status: 'all' })).map((a) => a.familyName)).toEqual(['Timer']);
  });
});

describe('a damaged squad file', () => {
  /** A squad with data, closed cleanly (everything checkpointed into squad.db), with daily backups of 6 and 7 Sep. */
  async function makeSquadOnDisk(dir: string, size: 'sample' | 'large'): Promise<void> {
    const api = await open(dir, { now: new Date(2026, 8, 5, 6, 0, 0) });
    loadGeneratedSquad(api.ctx.db, { seed: 5, size }, new Date('2026-09-05T06:00:00Z'));
    api.close();
    (await open(dir, { now: new Date(2026, 8, 6, 6, 0, 0) })).close();
    (await open(dir, { now: new Date(2026, 8, 7, 6, 0, 0) })).close();
  }

  // The large squad (about 90 MB with its logs) is made once and copied for each test that damages it.
  let largeOnDisk: { dir: string; cleanup: () => void } | null = null;
  afterAll(() => largeOnDisk?.cleanup());

  async function squadOnDisk(size: 'sample' | 'large' = 'sample'): Promise<{ dir: string; file: string }> {
    const dir = folder();
    if (size === 'large') {
      if (!largeOnDisk) {
        largeOnDisk = tempDir('backchain-large-');
        await makeSquadOnDisk(largeOnDisk.dir, 'large');
      }
      fs.cpSync(largeOnDisk.dir, dir, { recursive: true });
    } else {
      await makeSquadOnDisk(dir, size);
    }
    return { dir, file: databasePath(dir) };
  }

  const damages: [string, (file: string) => void, RegExp][] = [
    [
      'truncated to half',
      (file) => fs.truncateSync(file, Math.floor(fs.statSync(file).size / 2 / 4096) * 4096 + 100),
      /damaged|not a Backchain squad database/,
    ],
    ['overwritten with garbage', (file) => fs.writeFileSync(file, Buffer.alloc(64 * 1024, 'garbage! ')), /not a Backchain squad database/],
    [
      'with a zeroed page in the middle',
      (file) => {
        const bytes = fs.readFileSync(file);
        const pageSize = bytes.readUInt16BE(16);
        const pages = bytes.length / pageSize;
        const middle = Math.floor(pages / 2);
        bytes.fill(0, middle * pageSize, (middle + 1) * pageSize);
        fs.writeFileSync(file, bytes);
      },
      /damaged/,
    ],
  ];

  for (const [what, damage, message] of damages) {
    it(`${what}: a clear problem, never an overwrite; the newest good backup is checked and restored; the damaged file is kept`, async () => {
      const { dir, file } = await squadOnDisk('large');
      damage(file);
      const damagedBytes = fs.readFileSync(file);

      const api = await open(dir, { now: new Date(2026, 8, 8, 6, 0, 0) });
      const status = await ok(api.ctx, 'app.status', {});
      expect(status.problem?.kind).toMatch(/^(damaged|not_a_database)$/);
      expect(status.problem?.message).toMatch(message);
      expect(fs.readFileSync(file).equals(damagedBytes)).toBe(true);
      // Everything else says the squad is unavailable; the backups still answer.
      expect((await refused(api.ctx, 'athletes.list', { status: 'active' })).code).toBe('database_unavailable');
      expect((await ok(api.ctx, 'backups.list', {})).backups.map((b) => b.name)).toEqual(['2026-09-07_06-00-00_daily.backchain', '2026-09-06_06-00-00_daily.backchain']);

      const newest = await ok(api.ctx, 'backups.inspect', { source: { kind: 'newest' } });
      if (newest.outcome !== 'ready') throw new Error('expected a preview');
      expect(newest.preview).toMatchObject({ activeAthletes: 300, skipped: [] });
      const restored = await ok(api.ctx, 'backups.restore', { stagedId: newest.preview.stagedId });
      expect(restored.safetyBackup).toBeNull();
      expect(restored.movedAside).toMatch(/squad\.damaged-2026-09-08_06-00-00\.db$/);
      expect(fs.readFileSync(restored.movedAside ?? '').equals(damagedBytes)).toBe(true);
      expect((await ok(api.ctx, 'app.status', {})).problem).toBeNull();
      expect(await ok(api.ctx, 'athletes.list', { status: 'active' })).toHaveLength(300);
      // The first of these makes the large squad (copied for the others): longer than the usual 30 s on a busy machine.
    }, 120_000);
  }

  it('skips a damaged backup on the way to the newest good one, and says so', async () => {
    const { dir, file } = await squadOnDisk();
    fs.writeFileSync(file, 'garbage');
    fs.writeFileSync(path.join(backupsDir(dir), '2026-09-07_06-00-00_daily.backchain'), 'also garbage');
    const api = await open(dir, { now: new Date(2026, 8, 8, 6, 0, 0) });
    const newest = await ok(api.ctx, 'backups.inspect', { source: { kind: 'newest' } });
    if (newest.outcome !== 'ready') throw new Error('expected a preview');
    expect(newest.preview.fileName).toBe('Daily (automatic) backup of 2026-09-06 06:00');
    expect(newest.preview.skipped).toEqual([{ name: '2026-09-07_06-00-00_daily.backchain', reason: expect.stringMatching(/not a database file/) }]);
  });

  it('with no backup at all, can start an empty squad, keeping the damaged file; refused for a healthy squad', async () => {
    const dir = folder();
    fs.writeFileSync(databasePath(dir), 'not a database');
    const api = await open(dir);
    expect((await refused(api.ctx, 'backups.inspect', { source: { kind: 'newest' } })).message).toMatch(/no backups/);
    const { movedAside } = await ok(api.ctx, 'backups.startEmpty', {});
    expect(fs.readFileSync(movedAside, 'utf8')).toBe('not a database');
    expect(await ok(api.ctx, 'athletes.list', { status: 'active' })).toEqual([]);
    expect((await refused(api.ctx, 'backups.startEmpty', {})).code).toBe('conflict');
  });
});

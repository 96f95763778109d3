/**
 * Crafted squad files (issue 11, items 1 and 7): a backup carrying a trigger of someone else's,
 * a view where a table should be, a data version below 1; the same things in the squad file
 * itself; every connection in SQLite's defensive mode with trusted_schema off; and the folders
 * and files Backchain makes readable by their owner only.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiContext } from '@main/api/context';
import { openApi } from '@main/api/open';
import { rawOpener } from '@main/db/backupFile';
import { backupsDir, databasePath } from '@main/db/connection';
import { TRANSFER_LIFETIME_MS, TransferArea } from '@main/files/transfers';
import type { MethodInput, MethodName } from '@shared/contract';
import { apiCallsOn } from '../support/calls';
import { databaseFingerprint, tempDir } from '../support/tempSquad';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

function folder(): string {
  const t = tempDir();
  cleanups.push(t.cleanup);
  return t.dir;
}

async function open(dataDir: string, now = new Date(2026, 8, 7, 6, 0, 0)) {
  const api = await openApi({ dataDir, mode: 'browser', appVersion: 'test', now: () => now, log: () => undefined });
  cleanups.unshift(() => api.close());
  return api;
}

const ok = <M extends MethodName>(ctx: ApiContext, method: M, input: MethodInput<M>) => apiCallsOn(() => ctx).ok(method, input);
const refused = (ctx: ApiContext, method: MethodName, input: unknown) => apiCallsOn(() => ctx).refused(method, input);

/** A squad with an injured athlete, and a backup of it (Back up now), as a file path. */
async function squadWithBackup(dir: string): Promise<{ ctx: ApiContext; backup: string; close: () => void }> {
  const api = await open(dir);
  await ok(api.ctx, 'athletes.create', { givenName: 'Ana', familyName: 'López', injured: true, injuryNotes: 'Shin splints' });
  const saved = await ok(api.ctx, 'backups.create', {});
  if (saved.outcome !== 'download') throw new Error('expected a download');
  const backup = path.join(dir, 'crafted.backchain');
  fs.copyFileSync(api.ctx.transfers.get(saved.downloadId, 'download')?.path ?? '', backup);
  return { ctx: api.ctx, backup, close: api.close };
}

/** Change a file the way an attacker would: plain SQL on a plain connection. */
function craft(file: string, sql: string, userVersion?: number): void {
  const db = new Database(file);
  db.exec(sql);
  if (userVersion !== undefined) db.pragma(`user_version = ${userVersion}`);
  db.close();
}

function uploadAs(ctx: ApiContext, file: string): string {
  const upload = ctx.transfers.reserve('.upload');
  fs.copyFileSync(file, upload.path);
  ctx.transfers.register({ id: upload.id, kind: 'upload', path: upload.path, fileName: path.basename(file), fileDate: null });
  return upload.id;
}

const CLEAR_INJURIES = 'CREATE TRIGGER clear_injuries AFTER INSERT ON athlete BEGIN UPDATE athlete SET injured = 0, injury_notes = \'\'; END;';

describe('a crafted backup is refused with a sentence, and nothing changes', () => {
  const crafted: [string, string, RegExp][] = [
    ['an extra trigger that clears injury flags on every insert', CLEAR_INJURIES, /trigger "clear_injuries" that Backchain does not make/],
    [
      'a view in place of a table',
      'DROP TABLE retest_settings; CREATE VIEW retest_settings AS SELECT 1 AS id, 0.2 AS swc_factor;',
      /view "retest_settings" stands where Backchain keeps a table; trigger .* are missing/,
    ],
    ['an extra table', 'CREATE TABLE notes_for_later (body TEXT);', /table "notes_for_later" that Backchain does not make/],
    ['a changed trigger', "DROP TRIGGER athlete_day_new_athlete; CREATE TRIGGER athlete_day_new_athlete AFTER INSERT ON athlete BEGIN UPDATE athlete SET injured = 0; END;", /trigger "athlete_day_new_athlete" is not as Backchain makes it/],
    ['an index dropped', 'DROP INDEX athlete_by_group;', /index "athlete_by_group" is missing/],
  ];

  for (const [what, sql, message] of crafted) {
    it(what, async () => {
      const dir = folder();
      const { ctx, backup } = await squadWithBackup(dir);
      craft(backup, sql);
      const before = databaseFingerprint(ctx.db);
      const error = await refused(ctx, 'backups.inspect', { source: { kind: 'upload', uploadId: uploadAs(ctx, backup) } });
      expect(error.message).toMatch(/^This backup has been changed by another program: /);
      expect(error.message).toMatch(/Restoring it could change your entries behind your back\. Choose another backup\./);
      expect(error.message).toMatch(message);
      expect(error.message).toMatch(/Nothing was changed\.$/);
      expect(databaseFingerprint(ctx.db)).toBe(before);
      // No staged copy is left behind (the Back up now download is the only file).
      expect(fs.readdirSync(ctx.transfers.dir).filter((name) => !name.endsWith('.backchain'))).toEqual([]);
    });
  }

  it('a data version below 1 (0 or negative) is not a Backchain backup', async () => {
    const dir = folder();
    const { ctx, backup } = await squadWithBackup(dir);
    for (const version of [0, -1]) {
      const copy = path.join(dir, `v${version}.backchain`);
      fs.copyFileSync(backup, copy);
      craft(copy, 'SELECT 1', version);
      const error = await refused(ctx, 'backups.inspect', { source: { kind: 'upload', uploadId: uploadAs(ctx, copy) } });
      expect(error.message).toMatch(/not made by Backchain/);
    }
  });

  it('the daily backups folder: a crafted "newest" backup is skipped (and said so) on the way to a good one', async () => {
    const dir = folder();
    const { ctx, backup, close } = await squadWithBackup(dir);
    fs.mkdirSync(backupsDir(dir), { recursive: true });
    const good = path.join(backupsDir(dir), '2026-09-06_06-00-00_daily.backchain');
    fs.copyFileSync(backup, good);
    craft(backup, CLEAR_INJURIES);
    fs.copyFileSync(backup, path.join(backupsDir(dir), '2026-09-08_06-00-00_daily.backchain'));
    void ctx;
    close();
    // The squad file itself carries the trigger too: the app refuses to use it, and recovery restores the good backup.
    craft(databasePath(dir), CLEAR_INJURIES);
    const damagedBytes = fs.readFileSync(databasePath(dir));
    const api = await open(dir, new Date(2026, 8, 9, 6, 0, 0));
    const status = await ok(api.ctx, 'app.status', {});
    expect(status.problem?.kind).toBe('damaged');
    expect(status.problem?.message).toMatch(/has been changed by another program: it holds trigger "clear_injuries" that Backchain does not make\. Using it could change your entries behind your back, so Backchain has not opened it/);
    expect(fs.readFileSync(databasePath(dir)).equals(damagedBytes)).toBe(true);
    const newest = await ok(api.ctx, 'backups.inspect', { source: { kind: 'newest' } });
    if (newest.outcome !== 'ready') throw new Error('expected a preview');
    expect(newest.preview.skipped).toEqual([{ name: '2026-09-08_06-00-00_daily.backchain', reason: expect.stringMatching(/trigger "clear_injuries"/) }]);
    await ok(api.ctx, 'backups.restore', { stagedId: newest.preview.stagedId });
    // The restored squad has no foreign trigger: a new athlete leaves Ana's injury flag alone.
    await ok(api.ctx, 'athletes.create', { givenName: 'Ben', familyName: 'Okafor' });
    const ana = (await ok(api.ctx, 'athletes.list', { status: 'active' })).find((a) => a.familyName === 'López');
    expect(ana).toMatchObject({ injured: true, injuryNotes: 'Shin splints' });
    expect(api.ctx.db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'clear_injuries'").pluck().get()).toBe(0);
  });
});

describe('every connection is hardened', () => {
  it('the squad connection and the raw ones (backups, checks, exports) run with trusted_schema off and in defensive mode', async () => {
    const dir = folder();
    const api = await open(dir);
    const raw = rawOpener()(path.join(dir, 'other.db'));
    cleanups.unshift(() => raw.close());
    for (const db of [api.ctx.db, raw]) {
      expect(db.pragma('trusted_schema', { simple: true })).toBe(0);
      // Defensive mode: the schema table cannot be written by hand, even with writable_schema.
      db.pragma('writable_schema = ON');
      expect(() => db.exec("UPDATE sqlite_schema SET sql = sql WHERE type = 'table'")).toThrow(/may not be modified/);
      db.pragma('writable_schema = OFF');
    }
  });
});

describe('private folders and files', () => {
  it.skipIf(process.platform === 'win32')('the data folder, the squad file, backups and the transfer area are readable by their owner only', async () => {
    const parent = folder();
    const dir = path.join(parent, 'new-data');
    const api = await open(dir);
    await ok(api.ctx, 'athletes.create', { givenName: 'Ana', familyName: 'López' });
    const saved = await ok(api.ctx, 'backups.create', {});
    if (saved.outcome !== 'download') throw new Error('expected a download');
    api.close();
    await open(dir, new Date(2026, 8, 8, 6, 0, 0)); // takes a daily backup
    const mode = (file: string) => fs.statSync(file).mode & 0o777;
    expect(mode(dir)).toBe(0o700);
    expect(mode(databasePath(dir))).toBe(0o600);
    expect(mode(backupsDir(dir))).toBe(0o700);
    const daily = fs.readdirSync(backupsDir(dir)).filter((n) => n.endsWith('.backchain'));
    expect(daily.length).toBeGreaterThan(0);
    for (const name of daily) expect(mode(path.join(backupsDir(dir), name)), name).toBe(0o600);
    const transfers = new TransferArea(dir);
    const reserved = transfers.reserve('.upload');
    expect(mode(transfers.dir)).toBe(0o700);
    expect(mode(reserved.path)).toBe(0o600);
  });
});

describe('the transfer area forgets what is never used', () => {
  it('an upload, a download and a staged restore left for over an hour are deleted', async () => {
    const dir = folder();
    let now = Date.now();
    const area = new TransferArea(dir, () => now);
    const entries = (['upload', 'download', 'staged'] as const).map((kind) => {
      const { id, path: file } = area.reserve(`.${kind}`);
      fs.writeFileSync(file, kind);
      return area.register({ id, kind, path: file, fileName: `${kind}.bin`, fileDate: null });
    });
    const fresh = area.reserve('.upload');
    fs.writeFileSync(fresh.path, 'fresh');
    area.register({ id: fresh.id, kind: 'upload', path: fresh.path, fileName: 'fresh.bin', fileDate: null });
    // Still there within the hour.
    now += TRANSFER_LIFETIME_MS - 60_000;
    for (const entry of entries) expect(area.get(entry.id, entry.kind)).not.toBeNull();
    // The three old ones were last written more than an hour ago; the fresh one was touched just now.
    const old = new Date(Date.now() - 61 * 60 * 1000);
    for (const entry of entries) fs.utimesSync(entry.path, old, old);
    now = Date.now();
    expect(area.sweep()).toBe(3);
    for (const entry of entries) {
      expect(area.get(entry.id, entry.kind)).toBeNull();
      expect(fs.existsSync(entry.path)).toBe(false);
    }
    expect(area.get(fresh.id, 'upload')).not.toBeNull();
  });
});

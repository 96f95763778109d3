import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DatabaseOpenError, databasePath, openSquadDatabase } from '@main/db/connection';
import { loadMigrations, migrate, migrations, schemaVersion, type Migration } from '@main/db/migrate';
import { tempDir } from '../support/tempSquad';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

function folder() {
  const t = tempDir();
  cleanups.push(t.cleanup);
  return t.dir;
}

describe('migration files', () => {
  it('are numbered 1..n with no gaps, so the schema version is the count', () => {
    expect(migrations.length).toBeGreaterThan(0);
    migrations.forEach((m, i) => expect(m.version).toBe(i + 1));
  });

  it('refuse a gap or a repeated number', () => {
    expect(() => loadMigrations({ './migrations/001_a.sql': '', './migrations/003_c.sql': '' })).toThrow(/without gaps/);
    expect(() => loadMigrations({ './migrations/001_a.sql': '', './migrations/001_b.sql': '' })).toThrow(/without gaps/);
    expect(() => loadMigrations({ './migrations/one.sql': '' })).toThrow(/001_name/);
  });

  it('create only STRICT tables', () => {
    const db = new Database(':memory:');
    migrate(db);
    const tables = db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'table'").all() as { name: string; sql: string }[];
    expect(tables.length).toBeGreaterThan(2);
    // STRICT, and WITHOUT ROWID where the primary key is the table (strength_set).
    for (const t of tables) expect(t.sql, t.name).toMatch(/\)\s*STRICT(\s*,\s*WITHOUT ROWID)?\s*$/);
    db.close();
  });
});

describe('opening the squad database', () => {
  it('creates a new file at the latest version with WAL, foreign keys and synchronous FULL', async () => {
    const file = databasePath(folder());
    const db = await openSquadDatabase(file);
    expect(schemaVersion(db)).toBe(migrations.length);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    db.close();
  });

  it('applies all pending migrations in one transaction: a failing one leaves the file as it was', () => {
    const db = new Database(':memory:');
    const list: Migration[] = [
      { version: 1, name: 'ok', sql: 'CREATE TABLE a (x INTEGER) STRICT;' },
      { version: 2, name: 'broken', sql: 'CREATE TABLE b (y INTEGER) STRICT; INSERT INTO nowhere VALUES (1);' },
    ];
    expect(() => migrate(db, list)).toThrow(/no such table: nowhere/);
    expect(schemaVersion(db)).toBe(0);
    expect(db.prepare("SELECT count(*) FROM sqlite_schema WHERE type = 'table'").pluck().get()).toBe(0);
    db.close();
  });

  it('refuses a file from a newer version of the app, with a readable message, and leaves it untouched', async () => {
    const dir = folder();
    const file = databasePath(dir);
    const raw = new Database(file);
    raw.pragma(`user_version = ${migrations.length + 5}`);
    raw.exec('CREATE TABLE future (x INTEGER)');
    raw.close();
    const before = fs.readFileSync(file);

    const attempt = openSquadDatabase(file);
    await expect(attempt).rejects.toBeInstanceOf(DatabaseOpenError);
    await expect(attempt).rejects.toMatchObject({ kind: 'newer_version', message: expect.stringMatching(/newer version of Backchain.*Nothing was changed/s) });
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('refuses a file that is not a database and does not overwrite it', async () => {
    const dir = folder();
    const file = databasePath(dir);
    const garbage = Buffer.from('These are my running notes, not a database.\n'.repeat(200));
    fs.writeFileSync(file, garbage);
    await expect(openSquadDatabase(file)).rejects.toMatchObject({ kind: 'not_a_database' });
    expect(fs.readFileSync(file).equals(garbage)).toBe(true);
  });

  it('backs the file up (SQLite online backup) before migrating an existing squad', async () => {
    const dir = folder();
    const file = databasePath(dir);
    const v1: Migration[] = [{ version: 1, name: 'one', sql: 'CREATE TABLE note (text TEXT NOT NULL) STRICT;' }];
    const v2: Migration[] = [...v1, { version: 2, name: 'two', sql: 'ALTER TABLE note ADD COLUMN author TEXT;' }];

    const first = await openSquadDatabase(file, { migrations: v1 });
    first.prepare('INSERT INTO note (text) VALUES (?)').run('written at version 1');
    first.close();

    const second = await openSquadDatabase(file, { migrations: v2, now: () => new Date(2026, 8, 1, 6, 0, 0) });
    expect(schemaVersion(second)).toBe(2);
    second.close();

    const backups = fs.readdirSync(path.join(dir, 'backups'));
    expect(backups).toHaveLength(1);
    // Named by the laptop's local time and the version it was at.
    expect(backups[0]).toBe('2026-09-01_06-00-00_before-migration-v1.backchain');
    const copy = new Database(path.join(dir, 'backups', backups[0] ?? ''), { readonly: true });
    expect(schemaVersion(copy)).toBe(1);
    expect(copy.prepare('SELECT text FROM note').pluck().all()).toEqual(['written at version 1']);
    copy.close();
  });

  it('refuses a database made by another program (tables, but no Backchain version) and leaves it untouched', async () => {
    const file = databasePath(folder());
    const other = new Database(file);
    other.exec("CREATE TABLE recipes (name TEXT); INSERT INTO recipes VALUES ('flapjacks')");
    other.close();
    const before = fs.readFileSync(file);
    await expect(openSquadDatabase(file)).rejects.toMatchObject({ kind: 'not_a_database', message: expect.stringMatching(/another program/) });
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('does not back up a brand-new file or one already at the latest version', async () => {
    const dir = folder();
    const file = databasePath(dir);
    (await openSquadDatabase(file)).close();
    (await openSquadDatabase(file)).close();
    expect(fs.existsSync(path.join(dir, 'backups'))).toBe(false);
  });
});

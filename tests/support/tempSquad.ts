import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApiContext, type ApiContext } from '@main/api/context';
import { databasePath, openSquadDatabase, type OpenOptions } from '@main/db/connection';
import { schemaVersion } from '@main/db/migrate';
import type { SquadDb } from '@main/db/types';

/** A fresh folder under the OS temp dir; removed by `cleanup`. */
export function tempDir(prefix = 'backchain-test-'): { dir: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

export interface TempSquad {
  dir: string;
  db: SquadDb;
  ctx: ApiContext;
  close(): void;
}

/** A real squad database file in a temp folder, migrated, with an API context on top. */
export async function openTempSquad(options: OpenOptions & { now?: () => Date } = {}): Promise<TempSquad> {
  const { dir, cleanup } = tempDir();
  const file = databasePath(dir);
  const db = await openSquadDatabase(file, options);
  const ctx = createApiContext({
    db,
    now: options.now,
    status: { appVersion: 'test', mode: 'browser', dataDir: dir, databasePath: file, schemaVersion: schemaVersion(db), problem: null },
  });
  return {
    dir,
    db,
    ctx,
    close: () => {
      db.close();
      cleanup();
    },
  };
}

/** Row counts of every table: "nothing changed" is checked by comparing two of these. */
export function tableCounts(db: SquadDb): Record<string, number> {
  const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
  return Object.fromEntries(tables.map((t) => [t, (db.prepare(`SELECT count(*) FROM "${t}"`).pluck().get() as number)]));
}

/**
 * A checksum of every row of every table, to prove a failed call left the data exactly as it was,
 * or an undo put it back. The change counters (data_version, migration 006) are left out: they
 * count writes, and an undo is a write.
 */
export function databaseFingerprint(db: SquadDb): string {
  const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'data_version' ORDER BY name").pluck().all() as string[];
  // A WITHOUT ROWID table (strength_set) has no rowid: its rows are ordered by every column instead.
  const withoutRowid = new Set((db.pragma('table_list') as { name: string; wr: number }[]).filter((t) => t.wr === 1).map((t) => t.name));
  const order = (t: string) => (withoutRowid.has(t) ? (db.pragma(`table_info("${t}")`) as unknown[]).map((_, i) => i + 1).join(', ') : 'rowid');
  return tables.map((t) => `${t}:${JSON.stringify(db.prepare(`SELECT * FROM "${t}" ORDER BY ${order(t)}`).raw().all())}`).join('\n');
}

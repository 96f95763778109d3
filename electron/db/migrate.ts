import type { SquadDb } from './types';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

const MIGRATION_FILE = /\/(\d{3})_([a-z0-9_]+)\.sql$/;

/**
 * Every file in ./migrations, found by the bundler at build time (no hand-kept list), in
 * version order. The numbering is checked here so a gap or a duplicate fails loudly at start-up
 * and in the tests, never silently on a coach's laptop.
 */
export function loadMigrations(files: Record<string, string>): Migration[] {
  const migrations = Object.entries(files).map(([path, sql]) => {
    const match = MIGRATION_FILE.exec(path);
    if (!match) throw new Error(`Migration file name must look like 001_name.sql: ${path}`);
    return { version: Number(match[1]), name: match[2] ?? '', sql };
  });
  migrations.sort((a, b) => a.version - b.version);
  migrations.forEach((m, index) => {
    if (m.version !== index + 1) {
      throw new Error(`Migrations must be numbered 1, 2, 3... without gaps or repeats; found ${m.version} at position ${index + 1}`);
    }
  });
  return migrations;
}

export const migrations = loadMigrations(
  import.meta.glob<string>('./migrations/*.sql', { query: '?raw', import: 'default', eager: true }),
);

export const latestSchemaVersion = migrations.length;

export function schemaVersion(db: SquadDb): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Apply every pending migration in ONE transaction: either the database moves to the latest
 * version or it stays exactly as it was (user_version is part of the transaction).
 */
export function migrate(db: SquadDb, list: readonly Migration[] = migrations): { from: number; to: number } {
  const from = schemaVersion(db);
  const pending = list.filter((m) => m.version > from);
  if (pending.length === 0) return { from, to: from };
  db.transaction(() => {
    for (const m of pending) {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    }
  })();
  return { from, to: schemaVersion(db) };
}

/**
 * A squad file's schema must be exactly what Backchain's migrations make for its version: every
 * table, index, trigger and view, with the same SQL. A file someone hands us (a backup to
 * restore, a squad file found in the data folder) could carry an extra trigger (one that clears
 * injury flags on every insert) or a view where a table should be: SQLite would run them on the
 * coach's later entries and copy them into every later backup. So the file's schema is compared
 * with the one the migrations build in memory, and any extra, missing or different object is a
 * refusal that names it.
 */
import Database from 'better-sqlite3';
import type { Migration } from './migrate';
import type { SquadDb } from './types';

interface SchemaObject {
  type: string;
  name: string;
  tableName: string;
  sql: string | null;
}

/** Tables SQLite itself may add to any file (ANALYZE, PRAGMA optimize), with the SQL it gives them. */
const SQLITE_OWN_TABLES: Readonly<Record<string, string>> = {
  sqlite_stat1: 'CREATE TABLE sqlite_stat1(tbl,idx,stat)',
  sqlite_stat4: 'CREATE TABLE sqlite_stat4(tbl,idx,neq,nlt,ndlt,sample)',
};

function readSchema(db: SquadDb): SchemaObject[] {
  return db.prepare('SELECT type, name, tbl_name AS tableName, sql FROM sqlite_schema ORDER BY type, name').all() as SchemaObject[];
}

/** Open a fresh connection to compare against (the same SQLite build as the file's). */
export type MemoryOpen = () => SquadDb;

const expectedCache = new WeakMap<readonly Migration[], Map<number, Map<string, SchemaObject>>>();

/** What migrations 1..version build, keyed by type and name. */
function expectedSchema(version: number, migrations: readonly Migration[], openMemory: MemoryOpen): Map<string, SchemaObject> {
  let byVersion = expectedCache.get(migrations);
  if (!byVersion) expectedCache.set(migrations, (byVersion = new Map()));
  const cached = byVersion.get(version);
  if (cached) return cached;
  const db = openMemory();
  try {
    for (const migration of migrations) if (migration.version <= version) db.exec(migration.sql);
    const schema = new Map(readSchema(db).map((o) => [`${o.type} ${o.name}`, o]));
    byVersion.set(version, schema);
    return schema;
  } finally {
    db.close();
  }
}

const KIND_WORDS: Record<string, string> = { table: 'table', index: 'index', trigger: 'trigger', view: 'view' };

function describe(o: SchemaObject): string {
  return `${KIND_WORDS[o.type] ?? o.type} "${o.name.slice(0, 60)}"`;
}

/**
 * What is wrong with the file's schema for its version, as a list a coach can read (empty when it
 * is exactly what Backchain makes). `version` must be one the migrations know.
 */
export function schemaDifferences(db: SquadDb, version: number, migrations: readonly Migration[], openMemory: MemoryOpen = () => new Database(':memory:')): string[] {
  const expected = expectedSchema(version, migrations, openMemory);
  const actual = readSchema(db);
  const seen = new Set<string>();
  const extra: string[] = [];
  const replaced: string[] = [];
  const changed: string[] = [];
  for (const object of actual) {
    const key = `${object.type} ${object.name}`;
    seen.add(key);
    const wanted = expected.get(key);
    if (wanted) {
      if (wanted.sql !== object.sql || wanted.tableName !== object.tableName) changed.push(describe(object));
      continue;
    }
    if (object.type === 'table' && SQLITE_OWN_TABLES[object.name] === object.sql) continue;
    // A view (or anything else) under the name of one of Backchain's tables.
    const sameName = [...expected.values()].find((o) => o.name === object.name);
    if (sameName) replaced.push(`${describe(object)} stands where Backchain keeps a ${KIND_WORDS[sameName.type] ?? sameName.type}`);
    else extra.push(describe(object));
  }
  const missing = [...expected.entries()].filter(([key, o]) => !seen.has(key) && !actual.some((a) => a.name === o.name)).map(([, o]) => describe(o));
  const problems: string[] = [];
  if (extra.length > 0) problems.push(`it holds ${list(extra)} that Backchain does not make`);
  problems.push(...replaced);
  if (changed.length > 0) problems.push(`${list(changed)} ${changed.length === 1 ? 'is' : 'are'} not as Backchain makes ${changed.length === 1 ? 'it' : 'them'}`);
  if (missing.length > 0) problems.push(`${list(missing)} ${missing.length === 1 ? 'is' : 'are'} missing`);
  return problems;
}

/** "a", "a and b", "a, b and c", "a, b, c and 4 more". */
function list(items: string[]): string {
  const shown = items.slice(0, 3);
  if (items.length > shown.length) return `${shown.join(', ')} and ${items.length - shown.length} more`;
  return shown.length <= 1 ? (shown[0] ?? '') : `${shown.slice(0, -1).join(', ')} and ${shown.at(-1)}`;
}

/** What is foreign in a file's schema, as one clause ("it holds trigger "x" that Backchain does not make"), or null when nothing is. */
export function schemaProblem(db: SquadDb, version: number, migrations: readonly Migration[], openMemory?: MemoryOpen): string | null {
  const differences = schemaDifferences(db, version, migrations, openMemory);
  return differences.length === 0 ? null : differences.join('; ');
}

/**
 * Every connection Backchain opens: SQLite's defensive mode (no writing the schema table by hand,
 * no corrupting the file through pragmas) and trusted_schema off (a trigger or view in a file
 * may not call functions with side effects). better-sqlite3 turns defensive mode on by default;
 * this says so where it matters, and a test checks both.
 */
export function hardenConnection(db: SquadDb): SquadDb {
  db.unsafeMode(false);
  db.pragma('trusted_schema = OFF');
  return db;
}

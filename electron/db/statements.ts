import type Database from 'better-sqlite3';
import type { SquadDb } from './types';

/**
 * Prepare a repository's SQL once per open database and reuse the statements: preparing is the
 * expensive part of a small query, and a screen asks for the same lists again and again.
 */
export function preparedStatements<Names extends string>(sql: Record<Names, string>) {
  const cache = new WeakMap<SquadDb, Record<Names, Database.Statement>>();
  return (db: SquadDb): Record<Names, Database.Statement> => {
    let prepared = cache.get(db);
    if (!prepared) {
      prepared = Object.fromEntries(Object.entries<string>(sql).map(([name, text]) => [name, db.prepare(text)])) as Record<Names, Database.Statement>;
      cache.set(db, prepared);
    }
    return prepared;
  };
}

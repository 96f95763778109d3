import type Database from 'better-sqlite3';

/** The open squad database. Only electron/ ever holds one. */
export type SquadDb = Database.Database;

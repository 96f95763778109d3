import type { AppStatus } from '../../shared/contract/roster';
import { AppError } from '../../shared/errors';
import type { SquadDb } from '../db/types';

/**
 * What every handler gets: the open database (or a clear error when it could not be opened),
 * the clock (so tests can fix "now"), and the status shown on the app's first screen.
 */
export interface ApiContext {
  readonly db: SquadDb;
  readonly status: AppStatus;
  now(): Date;
}

export function createApiContext(options: { db: SquadDb | null; status: AppStatus; now?: () => Date }): ApiContext {
  const { db, status } = options;
  return {
    get db(): SquadDb {
      if (!db) {
        throw new AppError('database_unavailable', status.problem?.message ?? 'The squad database is not open.');
      }
      return db;
    },
    status,
    now: options.now ?? (() => new Date()),
  };
}

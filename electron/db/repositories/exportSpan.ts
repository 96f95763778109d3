/**
 * The dates a squad spans, for the exports' "All dates": the first and last of its blocks, test
 * days and races, test sessions, and the training logs (strength sessions, runs, wellness checks).
 */
import type { IsoDate } from '@shared/dates';
import { preparedStatements } from '../statements';
import type { SquadDb } from '../types';

// One subquery per bound, so SQLite answers each from the end of an index (a min() and a max()
// in one SELECT would scan it). A block's end has no index of its own: blocks are few.
export const DATED_SPAN_SQL = {
  blocks: 'SELECT (SELECT min(start_date) FROM block) AS first, (SELECT max(end_date) FROM block) AS last',
  events: 'SELECT (SELECT min(date) FROM calendar_event) AS first, (SELECT max(date) FROM calendar_event) AS last',
  sessions: 'SELECT (SELECT min(session_date) FROM test_session) AS first, (SELECT max(session_date) FROM test_session) AS last',
  strengthLogs: 'SELECT (SELECT min(date) FROM strength_log) AS first, (SELECT max(date) FROM strength_log) AS last',
  runLogs: 'SELECT (SELECT min(date) FROM run_log) AS first, (SELECT max(date) FROM run_log) AS last',
  wellness: 'SELECT (SELECT min(date) FROM wellness_entry) AS first, (SELECT max(date) FROM wellness_entry) AS last',
} as const;

const sql = preparedStatements(DATED_SPAN_SQL);

export function datedSpan(db: SquadDb): { first: IsoDate; last: IsoDate } | null {
  let first: string | null = null;
  let last: string | null = null;
  for (const statement of Object.values(sql(db))) {
    const row = statement.get() as { first: string | null; last: string | null };
    if (row.first !== null && (first === null || row.first < first)) first = row.first;
    if (row.last !== null && (last === null || row.last > last)) last = row.last;
  }
  return first !== null && last !== null ? { first, last } : null;
}

/**
 * The dates a squad spans, for the exports' "All dates": the first and last of its blocks, test
 * days and races, and test sessions. Each part is a min/max read from an index.
 */
import type { IsoDate } from '../../../shared/dates';
import { preparedStatements } from '../statements';
import type { SquadDb } from '../types';

export const DATED_SPAN_SQL = {
  blocks: 'SELECT min(start_date) AS first, max(end_date) AS last FROM block',
  events: 'SELECT min(date) AS first, max(date) AS last FROM calendar_event',
  sessions: 'SELECT min(session_date) AS first, max(session_date) AS last FROM test_session',
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

/**
 * One athlete's training logs over a date range, oldest first, for the exports: strength sessions
 * with a count of their sets, the sets themselves and runs (wellness checks: loadMonitoring's
 * wellnessChecksInRange, which the load series reads too). Each query walks the
 * table's (athlete_id, date) key, so an export of 300 athletes is 300 short index range scans.
 */
import type { IsoDate } from '@shared/dates';
import type { LoggedRunType, LoggedSetResult, RunStatus, StrengthStatus } from '@shared/sheets/results';
import { preparedStatements } from '../statements';
import { LOAD_WELLNESS_SQL } from './loadMonitoring';
import type { SquadDb } from '../types';

export interface StrengthLogRow {
  date: IsoDate;
  templateName: string;
  status: StrengthStatus;
  sessionRpe: number | null;
  minutes: number | null;
  note: string;
  setCount: number;
}

/** A logged set with its session's date and name. */
export type StrengthSetRow = LoggedSetResult & { date: IsoDate; templateName: string };

export interface RunLogRow {
  date: IsoDate;
  runType: LoggedRunType;
  status: RunStatus;
  minutes: number | null;
  sessionRpe: number | null;
  note: string;
}

export const LOG_RANGE_SQL = {
  strength: `SELECT l.date, l.template_name AS templateName, l.status, l.session_rpe AS sessionRpe, l.minutes, l.note,
               (SELECT count(*) FROM strength_set s WHERE s.log_id = l.id) AS setCount
             FROM strength_log l WHERE l.athlete_id = ? AND l.date BETWEEN ? AND ? ORDER BY l.date`,
  sets: `SELECT l.date, l.template_name AS templateName, s.position, s.set_number AS setNumber, s.exercise_id AS exerciseId,
           s.reps, s.load_kg AS loadKg, s.seconds, s.metres, s.contacts, s.planned_dose AS plannedDose,
           s.planned_load_kg AS plannedLoadKg, s.reps_in_reserve AS repsInReserve
         FROM strength_log l JOIN strength_set s ON s.log_id = l.id
         WHERE l.athlete_id = ? AND l.date BETWEEN ? AND ? ORDER BY l.date, s.log_id, s.athlete_id, s.date, s.position, s.set_number`,
  runs: `SELECT date, run_type AS runType, status, minutes, session_rpe AS sessionRpe, note
         FROM run_log WHERE athlete_id = ? AND date BETWEEN ? AND ? ORDER BY date`,
  wellness: LOAD_WELLNESS_SQL,
  countStrength: 'SELECT count(*) AS n FROM strength_log WHERE date BETWEEN ? AND ?',
  countSets: 'SELECT count(*) AS n FROM strength_log l JOIN strength_set s ON s.log_id = l.id WHERE l.date BETWEEN ? AND ?',
  countRuns: 'SELECT count(*) AS n FROM run_log WHERE date BETWEEN ? AND ?',
  countWellness: 'SELECT count(*) AS n FROM wellness_entry WHERE date BETWEEN ? AND ?',
} as const;

const sql = preparedStatements(LOG_RANGE_SQL);

export function strengthLogsInRange(db: SquadDb, athleteId: number, from: IsoDate, to: IsoDate): StrengthLogRow[] {
  return sql(db).strength.all(athleteId, from, to) as StrengthLogRow[];
}

export function strengthSetsInRange(db: SquadDb, athleteId: number, from: IsoDate, to: IsoDate): StrengthSetRow[] {
  return sql(db).sets.all(athleteId, from, to) as StrengthSetRow[];
}

export function runLogsInRange(db: SquadDb, athleteId: number, from: IsoDate, to: IsoDate): RunLogRow[] {
  return sql(db).runs.all(athleteId, from, to) as RunLogRow[];
}

/** Rows in the range for the whole squad (the progress bar's estimate: other athletes' rows included). */
export function countLogsInRange(db: SquadDb, what: 'strength' | 'sets' | 'runs' | 'wellness', from: IsoDate, to: IsoDate): number {
  const statements = sql(db);
  const statement = { strength: statements.countStrength, sets: statements.countSets, runs: statements.countRuns, wellness: statements.countWellness }[what];
  return (statement.get(from, to) as { n: number }).n;
}

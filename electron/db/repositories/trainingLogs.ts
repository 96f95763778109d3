/**
 * What athletes did: strength sessions with their sets, runs, and the daily wellness check (one
 * of each per athlete per day). Written by the result-entry screen and the sample squad; read by
 * the entry screen, the sheets (estimated maxes) and load monitoring.
 */
import type { DayResults, LoggedSetResult, RunResult, StrengthResult, WellnessResult } from '@shared/sheets/results';
import { preparedStatements } from '../statements';
import type { SquadDb } from '../types';

interface StrengthRow {
  id: number;
  template_id: number | null;
  template_name: string;
  status: StrengthResult['status'];
  session_rpe: number | null;
  minutes: number | null;
  note: string;
}

interface SetRow {
  position: number;
  set_number: number;
  exercise_id: number;
  reps: number | null;
  load_kg: number | null;
  seconds: number | null;
  metres: number | null;
  contacts: number | null;
  planned_dose: number | null;
  planned_load_kg: number | null;
  reps_in_reserve: number | null;
}

interface RunRow {
  run_type: RunResult['runType'];
  status: RunResult['status'];
  minutes: number | null;
  session_rpe: number | null;
  note: string;
}

interface WellnessRow {
  fatigue: number | null;
  sleep_quality: number | null;
  muscle_soreness: number | null;
  stress: number | null;
  mood: number | null;
  hamstring_tight: number | null;
}

/** The entry screen's reads: one athlete's day, each through its (athlete_id, date) key. */
export const STRENGTH_LOG_SQL = 'SELECT id, template_id, template_name, status, session_rpe, minutes, note FROM strength_log WHERE athlete_id = ? AND date = ?';
/** A session's sets, in order, from the primary key (its first three columns are the session's). */
export const SETS_OF_LOG_SQL = `SELECT position, set_number, exercise_id, reps, load_kg, seconds, metres, contacts, planned_dose, planned_load_kg, reps_in_reserve
  FROM strength_set WHERE log_id = ? AND athlete_id = ? AND date = ? ORDER BY position, set_number`;
export const RUN_LOG_SQL = 'SELECT run_type, status, minutes, session_rpe, note FROM run_log WHERE athlete_id = ? AND date = ?';
export const WELLNESS_SQL = 'SELECT fatigue, sleep_quality, muscle_soreness, stress, mood, hamstring_tight FROM wellness_entry WHERE athlete_id = ? AND date = ?';

const sql = preparedStatements({
  strength: STRENGTH_LOG_SQL,
  sets: SETS_OF_LOG_SQL,
  run: RUN_LOG_SQL,
  wellness: WELLNESS_SQL,
  deleteStrength: 'DELETE FROM strength_log WHERE athlete_id = ? AND date = ?',
  insertStrength: `INSERT INTO strength_log (athlete_id, date, template_id, template_name, status, session_rpe, minutes, note, updated_at)
                   VALUES (@athleteId, @date, @templateId, @templateName, @status, @sessionRpe, @minutes, @note, @now)`,
  insertSet: `INSERT INTO strength_set (log_id, athlete_id, date, position, set_number, exercise_id, reps, load_kg, seconds, metres, contacts, planned_dose, planned_load_kg, reps_in_reserve)
              VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  deleteRun: 'DELETE FROM run_log WHERE athlete_id = ? AND date = ?',
  insertRun: `INSERT INTO run_log (athlete_id, date, run_type, status, minutes, session_rpe, note, updated_at)
              VALUES (@athleteId, @date, @runType, @status, @minutes, @sessionRpe, @note, @now)`,
  deleteWellness: 'DELETE FROM wellness_entry WHERE athlete_id = ? AND date = ?',
  insertWellness: `INSERT INTO wellness_entry (athlete_id, date, fatigue, sleep_quality, muscle_soreness, stress, mood, hamstring_tight, updated_at)
                   VALUES (@athleteId, @date, @fatigue, @sleepQuality, @muscleSoreness, @stress, @mood, @hamstringTight, @now)`,
});

export function readDayResults(db: SquadDb, athleteId: number, date: string): DayResults {
  const s = sql(db);
  const strengthRow = s.strength.get(athleteId, date) as StrengthRow | undefined;
  const runRow = s.run.get(athleteId, date) as RunRow | undefined;
  const wellnessRow = s.wellness.get(athleteId, date) as WellnessRow | undefined;
  const strength: StrengthResult | null = strengthRow
    ? {
        templateId: strengthRow.template_id,
        status: strengthRow.status,
        sessionRpe: strengthRow.session_rpe,
        minutes: strengthRow.minutes,
        note: strengthRow.note,
        sets: (s.sets.all(strengthRow.id, athleteId, date) as SetRow[]).map(
          (r): LoggedSetResult => ({
            position: r.position,
            setNumber: r.set_number,
            exerciseId: r.exercise_id,
            reps: r.reps,
            loadKg: r.load_kg,
            seconds: r.seconds,
            metres: r.metres,
            contacts: r.contacts,
            plannedDose: r.planned_dose,
            plannedLoadKg: r.planned_load_kg,
            repsInReserve: r.reps_in_reserve,
          }),
        ),
      }
    : null;
  const run: RunResult | null = runRow ? { runType: runRow.run_type, status: runRow.status, minutes: runRow.minutes, sessionRpe: runRow.session_rpe, note: runRow.note } : null;
  const wellness: WellnessResult | null = wellnessRow
    ? {
        fatigue: wellnessRow.fatigue,
        sleepQuality: wellnessRow.sleep_quality,
        muscleSoreness: wellnessRow.muscle_soreness,
        stress: wellnessRow.stress,
        mood: wellnessRow.mood,
        hamstringTight: wellnessRow.hamstring_tight === null ? null : wellnessRow.hamstring_tight === 1,
      }
    : null;
  return { athleteId, date, strength, run, wellness };
}

/**
 * Replace everything logged for one athlete on one day with `results` (null parts are removed).
 * Call inside a transaction. `templateName` is what the session was called.
 */
export function writeDayResults(db: SquadDb, results: DayResults, templateName: string, now: string): void {
  const s = sql(db);
  const { athleteId, date } = results;
  s.deleteStrength.run(athleteId, date);
  s.deleteRun.run(athleteId, date);
  s.deleteWellness.run(athleteId, date);
  if (results.strength) writeStrength(db, athleteId, date, results.strength, templateName, now);
  if (results.run) insertRun(db, athleteId, date, results.run, now);
  if (results.wellness) insertWellness(db, athleteId, date, results.wellness, now);
}

/** Insert one strength session and its sets (no session on that day may exist yet). */
export function writeStrength(db: SquadDb, athleteId: number, date: string, strength: StrengthResult, templateName: string, now: string): void {
  const s = sql(db);
  const { sets, ...fields } = strength;
  const logId = Number(s.insertStrength.run({ athleteId, date, ...fields, templateName, now }).lastInsertRowid);
  // Positional: the sample squad writes a million of these.
  for (const x of sets) {
    s.insertSet.run(logId, athleteId, date, x.position, x.setNumber, x.exerciseId, x.reps, x.loadKg, x.seconds, x.metres, x.contacts, x.plannedDose, x.plannedLoadKg, x.repsInReserve);
  }
}

export function insertRun(db: SquadDb, athleteId: number, date: string, run: RunResult, now: string): void {
  sql(db).insertRun.run({ athleteId, date, ...run, now });
}

export function insertWellness(db: SquadDb, athleteId: number, date: string, wellness: WellnessResult, now: string): void {
  sql(db).insertWellness.run({ athleteId, date, ...wellness, hamstringTight: wellness.hamstringTight === null ? null : wellness.hamstringTight ? 1 : 0, now });
}

/**
 * Many rows of one table with multi-row INSERTs (64 rows a statement): the sample squad's million
 * logged sets go in several times faster than one statement per row.
 */
function bulkInserter(db: SquadDb, table: string, columns: readonly string[], beforeWrite: () => void = () => undefined, rowsPerStatement = 64) {
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  // A partial batch has 1-63 rows: prepare each size once, not on every flush.
  const statements = new Map<number, ReturnType<SquadDb['prepare']>>();
  const statementFor = (rows: number) => {
    let statement = statements.get(rows);
    if (!statement) {
      statement = db.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${Array.from({ length: rows }, () => tuple).join(', ')}`);
      statements.set(rows, statement);
    }
    return statement;
  };
  const full = statementFor(rowsPerStatement);
  let values: unknown[] = [];
  let rows = 0;
  return {
    add(row: readonly unknown[]): void {
      values.push(...row);
      rows += 1;
      if (rows === rowsPerStatement) {
        beforeWrite();
        full.run(values);
        values = [];
        rows = 0;
      }
    },
    flush(): void {
      if (rows > 0) {
        beforeWrite();
        statementFor(rows).run(values);
      }
      values = [];
      rows = 0;
    },
  };
}

/**
 * Writes many athletes' days at once (the sample squad), into a squad with no logs yet; call
 * `finish` before reading them back. Inside the caller's transaction.
 */
export function bulkLogWriter(db: SquadDb, now: string) {
  let nextLogId = ((db.prepare('SELECT max(id) FROM strength_log').pluck().get() as number | null) ?? 0) + 1;
  const logs = bulkInserter(db, 'strength_log', ['id', 'athlete_id', 'date', 'template_id', 'template_name', 'status', 'session_rpe', 'minutes', 'note', 'updated_at']);
  const sets = bulkInserter(db, 'strength_set', [
    'log_id',
    'athlete_id',
    'date',
    'position',
    'set_number',
    'exercise_id',
    'reps',
    'load_kg',
    'seconds',
    'metres',
    'contacts',
    'planned_dose',
    'planned_load_kg',
    'reps_in_reserve',
  ], () => logs.flush());
  const runs = bulkInserter(db, 'run_log', ['athlete_id', 'date', 'run_type', 'status', 'minutes', 'session_rpe', 'note', 'updated_at']);
  const wellness = bulkInserter(db, 'wellness_entry', ['athlete_id', 'date', 'fatigue', 'sleep_quality', 'muscle_soreness', 'stress', 'mood', 'hamstring_tight', 'updated_at']);
  return {
    strength(athleteId: number, date: string, s: StrengthResult, templateName: string): void {
      const logId = nextLogId++;
      logs.add([logId, athleteId, date, s.templateId, templateName, s.status, s.sessionRpe, s.minutes, s.note, now]);
      for (const x of s.sets) {
        sets.add([logId, athleteId, date, x.position, x.setNumber, x.exerciseId, x.reps, x.loadKg, x.seconds, x.metres, x.contacts, x.plannedDose, x.plannedLoadKg, x.repsInReserve]);
      }
    },
    run(athleteId: number, date: string, r: RunResult): void {
      runs.add([athleteId, date, r.runType, r.status, r.minutes, r.sessionRpe, r.note, now]);
    },
    wellness(athleteId: number, date: string, w: WellnessResult): void {
      wellness.add([athleteId, date, w.fatigue, w.sleepQuality, w.muscleSoreness, w.stress, w.mood, w.hamstringTight === null ? null : w.hamstringTight ? 1 : 0, now]);
    },
    /** Sessions first: their sets refer to them. */
    finish(): void {
      logs.flush();
      sets.flush();
      runs.flush();
      wellness.flush();
    },
  };
}

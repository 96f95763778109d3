/**
 * Working maxes the coach entered (tested 1RMs and starting loads) and the logged sets an
 * estimated 1RM comes from.
 */
import type { CoachMax, LoggedSet } from '@shared/sheets/workingMax';
import { preparedStatements } from '../statements';
import type { SquadDb } from '../types';

interface MaxRow {
  athlete_id: number;
  exercise_id: number;
  tested_kg: number | null;
  tested_on: string | null;
  starting_kg: number | null;
  starting_reps: number | null;
}

export interface StoredMax extends CoachMax {
  athleteId: number;
  exerciseId: number;
}

const COLUMNS = 'athlete_id, exercise_id, tested_kg, tested_on, starting_kg, starting_reps';

/** One athlete's entries (a sheet, the per-athlete screen): the primary key's range. */
export const MAXES_OF_ATHLETE_SQL = `SELECT ${COLUMNS} FROM working_max WHERE athlete_id = ?`;
/** One exercise's entries across the squad (the screen for a group and an exercise). */
export const MAXES_OF_EXERCISE_SQL = `SELECT ${COLUMNS} FROM working_max WHERE exercise_id = ?`;
/** An athlete's loaded sets of an exercise in a date range (the estimated 1RM), from the partial index alone. */
export const ESTIMATE_SETS_SQL = `SELECT date, load_kg, reps, reps_in_reserve FROM strength_set
  WHERE athlete_id = ? AND exercise_id = ? AND date >= ? AND date < ? AND load_kg > 0 AND reps > 0`;

const sql = preparedStatements({
  ofAthlete: MAXES_OF_ATHLETE_SQL,
  ofExercise: MAXES_OF_EXERCISE_SQL,
  one: `SELECT ${COLUMNS} FROM working_max WHERE athlete_id = ? AND exercise_id = ?`,
  upsert: `INSERT INTO working_max (athlete_id, exercise_id, tested_kg, tested_on, starting_kg, starting_reps, updated_at)
           VALUES (@athleteId, @exerciseId, @testedKg, @testedOn, @startingKg, @startingReps, @now)
           ON CONFLICT (athlete_id, exercise_id) DO UPDATE SET tested_kg = excluded.tested_kg, tested_on = excluded.tested_on,
             starting_kg = excluded.starting_kg, starting_reps = excluded.starting_reps, updated_at = excluded.updated_at`,
  remove: 'DELETE FROM working_max WHERE athlete_id = ? AND exercise_id = ?',
  estimateSets: ESTIMATE_SETS_SQL,
});

function toStored(r: MaxRow): StoredMax {
  return { athleteId: r.athlete_id, exerciseId: r.exercise_id, testedKg: r.tested_kg, testedOn: r.tested_on, startingKg: r.starting_kg, startingReps: r.starting_reps };
}

export function maxesOfAthlete(db: SquadDb, athleteId: number): StoredMax[] {
  return (sql(db).ofAthlete.all(athleteId) as MaxRow[]).map(toStored);
}

export function maxesOfExercise(db: SquadDb, exerciseId: number): StoredMax[] {
  return (sql(db).ofExercise.all(exerciseId) as MaxRow[]).map(toStored);
}

export function findMax(db: SquadDb, athleteId: number, exerciseId: number): StoredMax | null {
  const row = sql(db).one.get(athleteId, exerciseId) as MaxRow | undefined;
  return row ? toStored(row) : null;
}

/** Write one athlete's entry for one exercise; all four fields empty removes it. */
export function writeMax(db: SquadDb, max: StoredMax, now: string): void {
  if (max.testedKg === null && max.startingKg === null) {
    sql(db).remove.run(max.athleteId, max.exerciseId);
    return;
  }
  sql(db).upsert.run({ ...max, now });
}

/** Loaded sets of one exercise by one athlete on days in [from, before). */
export function estimateSets(db: SquadDb, athleteId: number, exerciseId: number, from: string, before: string): LoggedSet[] {
  return (sql(db).estimateSets.raw(true).all(athleteId, exerciseId, from, before) as [string, number, number, number | null][]).map(([date, loadKg, reps, repsInReserve]) => ({
    date,
    loadKg,
    reps,
    repsInReserve,
  }));
}

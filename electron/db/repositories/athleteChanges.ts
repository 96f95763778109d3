/**
 * An athlete's own changes on top of the group plan (one row per athlete and day) and their
 * exercise swaps.
 */
import type { DayChange, DayChangeFields, ExerciseSwap, RunType } from '@shared/plan/model';
import { preparedStatements } from '../statements';
import type { SquadDb } from '../types';

interface ChangeRow {
  athlete_id: number;
  date: string;
  strength_change: 'skip' | 'replace' | 'moved_out' | 'moved_in' | null;
  strength_template_id: number | null;
  strength_moved_date: string | null;
  run_change: 'skip' | 'set' | null;
  run_type: RunType | null;
  run_minutes: number | null;
  run_rpe: number | null;
  deload: number | null;
  note: string;
}

interface SwapRow {
  id: number;
  athlete_id: number;
  exercise_id: number;
  replacement_id: number;
  from_date: string;
  to_date: string | null;
  reason: 'injury' | 'coach';
  note: string;
}

const COLUMNS = 'athlete_id, date, strength_change, strength_template_id, strength_moved_date, run_change, run_type, run_minutes, run_rpe, deload, note';
const SWAP_COLUMNS = 'id, athlete_id, exercise_id, replacement_id, from_date, to_date, reason, note';

export const ATHLETE_CHANGES_RANGE_SQL = `SELECT ${COLUMNS} FROM athlete_day_change WHERE athlete_id = ? AND date BETWEEN ? AND ? ORDER BY date`;
export const ATHLETE_SWAPS_OVERLAPPING_SQL = `SELECT ${SWAP_COLUMNS} FROM exercise_swap WHERE athlete_id = @athleteId AND from_date <= @to AND (to_date IS NULL OR to_date >= @from) ORDER BY from_date, id`;

const sql = preparedStatements({
  get: `SELECT ${COLUMNS} FROM athlete_day_change WHERE athlete_id = ? AND date = ?`,
  range: ATHLETE_CHANGES_RANGE_SQL,
  all: `SELECT ${COLUMNS} FROM athlete_day_change WHERE athlete_id = ? ORDER BY date`,
  extent: 'SELECT min(date) AS first, max(date) AS last FROM athlete_day_change WHERE athlete_id = ?',
  upsert: `INSERT INTO athlete_day_change (${COLUMNS}, updated_at)
           VALUES (@athleteId, @date, @strengthChange, @strengthTemplateId, @strengthMovedDate, @runChange, @runType, @runMinutes, @runRpe, @deload, @note, @now)
           ON CONFLICT (athlete_id, date) DO UPDATE SET strength_change = excluded.strength_change, strength_template_id = excluded.strength_template_id,
             strength_moved_date = excluded.strength_moved_date, run_change = excluded.run_change, run_type = excluded.run_type,
             run_minutes = excluded.run_minutes, run_rpe = excluded.run_rpe, deload = excluded.deload, note = excluded.note, updated_at = excluded.updated_at`,
  remove: 'DELETE FROM athlete_day_change WHERE athlete_id = ? AND date = ?',
  swapsOf: `SELECT ${SWAP_COLUMNS} FROM exercise_swap WHERE athlete_id = ? ORDER BY from_date, id`,
  swapsOverlapping: ATHLETE_SWAPS_OVERLAPPING_SQL,
  swapById: `SELECT ${SWAP_COLUMNS} FROM exercise_swap WHERE id = ?`,
  insertSwap: `INSERT INTO exercise_swap (athlete_id, exercise_id, replacement_id, from_date, to_date, reason, note, created_at)
               VALUES (@athleteId, @exerciseId, @replacementId, @fromDate, @toDate, @reason, @note, @now)`,
  removeSwap: 'DELETE FROM exercise_swap WHERE id = ?',
  swapAthletes: 'SELECT DISTINCT athlete_id FROM exercise_swap',
});

export function toChangeFields(row: ChangeRow): DayChangeFields {
  let strength: DayChangeFields['strength'];
  switch (row.strength_change) {
    case 'skip':
      strength = { kind: 'skip' };
      break;
    case 'replace':
      strength = { kind: 'replace', templateId: row.strength_template_id ?? 0 };
      break;
    case 'moved_out':
      strength = { kind: 'moved_out', to: row.strength_moved_date ?? '' };
      break;
    case 'moved_in':
      strength = { kind: 'moved_in', templateId: row.strength_template_id ?? 0, from: row.strength_moved_date ?? '' };
      break;
    default:
      strength = null;
  }
  const run: DayChangeFields['run'] =
    row.run_change === 'skip' ? { kind: 'skip' } : row.run_change === 'set' ? { kind: 'set', type: row.run_type ?? 'easy', minutes: row.run_minutes ?? 0, rpe: row.run_rpe ?? 0 } : null;
  return { strength, run, deload: row.deload === null ? null : row.deload === 1, note: row.note };
}

function toChange(row: ChangeRow): DayChange {
  return { athleteId: row.athlete_id, date: row.date, ...toChangeFields(row) };
}

export function getChange(db: SquadDb, athleteId: number, date: string): DayChange | null {
  const row = sql(db).get.get(athleteId, date) as ChangeRow | undefined;
  return row ? toChange(row) : null;
}

export function listChanges(db: SquadDb, athleteId: number, from: string | null = null, to: string | null = null): DayChange[] {
  const rows = from !== null && to !== null ? sql(db).range.all(athleteId, from, to) : sql(db).all.all(athleteId);
  return (rows as ChangeRow[]).map(toChange);
}

export function changeExtent(db: SquadDb, athleteId: number): { first: string; last: string } | null {
  const row = sql(db).extent.get(athleteId) as { first: string | null; last: string | null };
  return row.first !== null && row.last !== null ? { first: row.first, last: row.last } : null;
}

/** Write an athlete's day as given; an empty change removes the row. */
export function writeChange(db: SquadDb, athleteId: number, date: string, change: DayChangeFields | null, now: string): void {
  const empty = change === null || (change.strength === null && change.run === null && change.deload === null && change.note.trim() === '');
  if (empty) {
    sql(db).remove.run(athleteId, date);
    return;
  }
  const s = change.strength;
  const r = change.run;
  sql(db).upsert.run({
    athleteId,
    date,
    strengthChange: s?.kind ?? null,
    strengthTemplateId: s && (s.kind === 'replace' || s.kind === 'moved_in') ? s.templateId : null,
    strengthMovedDate: s?.kind === 'moved_out' ? s.to : s?.kind === 'moved_in' ? s.from : null,
    runChange: r?.kind ?? null,
    runType: r?.kind === 'set' ? r.type : null,
    runMinutes: r?.kind === 'set' ? r.minutes : null,
    runRpe: r?.kind === 'set' ? r.rpe : null,
    deload: change.deload === null ? null : change.deload ? 1 : 0,
    note: change.note.trim(),
    now,
  });
}

function toSwap(row: SwapRow): ExerciseSwap {
  return {
    id: row.id,
    athleteId: row.athlete_id,
    exerciseId: row.exercise_id,
    replacementId: row.replacement_id,
    fromDate: row.from_date,
    toDate: row.to_date,
    reason: row.reason,
    note: row.note,
  };
}

export function listSwaps(db: SquadDb, athleteId: number): ExerciseSwap[] {
  return (sql(db).swapsOf.all(athleteId) as SwapRow[]).map(toSwap);
}

export function swapsOverlapping(db: SquadDb, athleteId: number, from: string, to: string): ExerciseSwap[] {
  return (sql(db).swapsOverlapping.all({ athleteId, from, to }) as SwapRow[]).map(toSwap);
}

export function findSwap(db: SquadDb, id: number): ExerciseSwap | null {
  const row = sql(db).swapById.get(id) as SwapRow | undefined;
  return row ? toSwap(row) : null;
}

export function insertSwap(db: SquadDb, swap: Omit<ExerciseSwap, 'id'>, now: string): number {
  return Number(sql(db).insertSwap.run({ ...swap, now }).lastInsertRowid);
}

export function deleteSwap(db: SquadDb, id: number): void {
  sql(db).removeSwap.run(id);
}

/** Athletes with at least one exercise swap. */
export function athletesWithSwaps(db: SquadDb): number[] {
  return sql(db).swapAthletes.pluck().all() as number[];
}

import type { BlockFields } from '@shared/contract/plan';
import type { Block, Phase, RhythmDay, RunType } from '@shared/plan/model';
import { preparedStatements } from '../statements';
import type { SquadDb } from '../types';

interface BlockRow {
  id: number;
  name: string;
  phase: Phase;
  start_date: string;
  end_date: string;
  weeks: number;
  deload_week: number | null;
  weekly_progression: number;
  deload_set_reduction: number;
  deload_load_reduction: number;
  deload_rir_increase: number;
  notes: string;
}

interface RhythmRow {
  block_id: number;
  weekday: number;
  template_id: number | null;
  strength_from_week: number;
  run_type: RunType | null;
  run_minutes: number | null;
  run_rpe: number | null;
}

const COLUMNS = `id, name, phase, start_date, end_date, weeks, deload_week, weekly_progression, deload_set_reduction,
  deload_load_reduction, deload_rir_increase, notes`;

export const BLOCK_LIST_SQL = `SELECT ${COLUMNS} FROM block ORDER BY start_date, end_date, id`;
/** Blocks overlapping a date range (the calendar's rebuilds). */
export const BLOCKS_OVERLAPPING_SQL = `SELECT ${COLUMNS} FROM block WHERE start_date <= @to AND end_date >= @from ORDER BY start_date, end_date, id`;

const sql = preparedStatements({
  list: BLOCK_LIST_SQL,
  overlapping: BLOCKS_OVERLAPPING_SQL,
  byId: `SELECT ${COLUMNS} FROM block WHERE id = ?`,
  targets: 'SELECT block_id, group_id, athlete_id FROM block_target',
  targetsOf: 'SELECT block_id, group_id, athlete_id FROM block_target WHERE block_id = ?',
  rhythm: 'SELECT block_id, weekday, template_id, strength_from_week, run_type, run_minutes, run_rpe FROM block_day ORDER BY block_id, weekday',
  rhythmOf: 'SELECT block_id, weekday, template_id, strength_from_week, run_type, run_minutes, run_rpe FROM block_day WHERE block_id = ? ORDER BY weekday',
  count: 'SELECT count(*) AS n, min(start_date) AS first, max(end_date) AS last FROM block',
  insert: `INSERT INTO block (name, phase, start_date, end_date, weeks, deload_week, weekly_progression, deload_set_reduction,
             deload_load_reduction, deload_rir_increase, notes, created_at, updated_at)
           VALUES (@name, @phase, @startDate, @endDate, @weeks, @deloadWeek, @weeklyProgression, @setReduction, @loadReduction,
             @rirIncrease, @notes, @now, @now)`,
  update: `UPDATE block SET name = @name, phase = @phase, start_date = @startDate, end_date = @endDate, weeks = @weeks,
             deload_week = @deloadWeek, weekly_progression = @weeklyProgression, deload_set_reduction = @setReduction,
             deload_load_reduction = @loadReduction, deload_rir_increase = @rirIncrease, notes = @notes, updated_at = @now
           WHERE id = @id`,
  remove: 'DELETE FROM block WHERE id = ?',
  clearTargets: 'DELETE FROM block_target WHERE block_id = ?',
  insertGroupTarget: 'INSERT INTO block_target (block_id, group_id) VALUES (?, ?)',
  insertAthleteTarget: 'INSERT INTO block_target (block_id, athlete_id) VALUES (?, ?)',
  clearRhythm: 'DELETE FROM block_day WHERE block_id = ?',
  insertRhythm: `INSERT INTO block_day (block_id, weekday, template_id, strength_from_week, run_type, run_minutes, run_rpe)
                 VALUES (@blockId, @weekday, @templateId, @strengthFromWeek, @runType, @runMinutes, @runRpe)`,
});

function toRhythmDay(row: RhythmRow): RhythmDay {
  return {
    weekday: row.weekday,
    templateId: row.template_id,
    strengthFromWeek: row.strength_from_week,
    run: row.run_type === null ? null : { type: row.run_type, minutes: row.run_minutes ?? 0, rpe: row.run_rpe ?? 0 },
  };
}

/** All seven weekdays, Sunday first; days the block leaves empty are empty entries. */
function fullWeek(days: readonly RhythmDay[]): RhythmDay[] {
  return Array.from({ length: 7 }, (_, weekday) => days.find((d) => d.weekday === weekday) ?? { weekday, templateId: null, strengthFromWeek: 1, run: null });
}

function toBlock(row: BlockRow, targets: { groupIds: number[]; athleteIds: number[] }, rhythm: RhythmDay[]): Block {
  return {
    id: row.id,
    name: row.name,
    phase: row.phase,
    startDate: row.start_date,
    endDate: row.end_date,
    weeks: row.weeks,
    deloadWeek: row.deload_week,
    weeklyProgression: row.weekly_progression,
    deload: { setReduction: row.deload_set_reduction, loadReduction: row.deload_load_reduction, rirIncrease: row.deload_rir_increase },
    groupIds: targets.groupIds,
    athleteIds: targets.athleteIds,
    rhythm: fullWeek(rhythm),
    notes: row.notes,
  };
}

interface TargetRow {
  block_id: number;
  group_id: number | null;
  athlete_id: number | null;
}

function assemble(db: SquadDb, rows: BlockRow[]): Block[] {
  if (rows.length === 0) return [];
  const targets = new Map<number, { groupIds: number[]; athleteIds: number[] }>();
  for (const t of sql(db).targets.all() as TargetRow[]) {
    let entry = targets.get(t.block_id);
    if (!entry) targets.set(t.block_id, (entry = { groupIds: [], athleteIds: [] }));
    if (t.group_id !== null) entry.groupIds.push(t.group_id);
    if (t.athlete_id !== null) entry.athleteIds.push(t.athlete_id);
  }
  const rhythm = new Map<number, RhythmDay[]>();
  for (const r of sql(db).rhythm.all() as RhythmRow[]) {
    const list = rhythm.get(r.block_id) ?? [];
    list.push(toRhythmDay(r));
    rhythm.set(r.block_id, list);
  }
  return rows.map((row) => toBlock(row, targets.get(row.id) ?? { groupIds: [], athleteIds: [] }, rhythm.get(row.id) ?? []));
}

export function listBlocks(db: SquadDb): Block[] {
  return assemble(db, sql(db).list.all() as BlockRow[]);
}

export function blocksOverlapping(db: SquadDb, from: string, to: string): Block[] {
  return assemble(db, sql(db).overlapping.all({ from, to }) as BlockRow[]);
}

export function findBlock(db: SquadDb, id: number): Block | null {
  const row = sql(db).byId.get(id) as BlockRow | undefined;
  if (!row) return null;
  const targets = { groupIds: [] as number[], athleteIds: [] as number[] };
  for (const t of sql(db).targetsOf.all(id) as TargetRow[]) {
    if (t.group_id !== null) targets.groupIds.push(t.group_id);
    if (t.athlete_id !== null) targets.athleteIds.push(t.athlete_id);
  }
  return toBlock(row, targets, (sql(db).rhythmOf.all(id) as RhythmRow[]).map(toRhythmDay));
}

export function blockStats(db: SquadDb): { count: number; first: string | null; last: string | null } {
  const row = sql(db).count.get() as { n: number; first: string | null; last: string | null };
  return { count: row.n, first: row.first, last: row.last };
}

function params(fields: BlockFields, endDate: string, now: string) {
  return {
    name: fields.name,
    phase: fields.phase,
    startDate: fields.startDate,
    endDate,
    weeks: fields.weeks,
    deloadWeek: fields.deloadWeek,
    weeklyProgression: fields.weeklyProgression,
    setReduction: fields.deload.setReduction,
    loadReduction: fields.deload.loadReduction,
    rirIncrease: fields.deload.rirIncrease,
    notes: fields.notes,
    now,
  };
}

function writeDetails(db: SquadDb, id: number, fields: BlockFields): void {
  const s = sql(db);
  s.clearTargets.run(id);
  for (const g of fields.groupIds) s.insertGroupTarget.run(id, g);
  for (const a of fields.athleteIds) s.insertAthleteTarget.run(id, a);
  s.clearRhythm.run(id);
  for (const d of fields.rhythm) {
    if (d.templateId === null && d.run === null) continue;
    s.insertRhythm.run({
      blockId: id,
      weekday: d.weekday,
      templateId: d.templateId,
      strengthFromWeek: d.strengthFromWeek,
      runType: d.run?.type ?? null,
      runMinutes: d.run?.minutes ?? null,
      runRpe: d.run?.rpe ?? null,
    });
  }
}

export function insertBlock(db: SquadDb, fields: BlockFields, endDate: string, now: string): number {
  const id = Number(sql(db).insert.run(params(fields, endDate, now)).lastInsertRowid);
  writeDetails(db, id, fields);
  return id;
}

export function updateBlock(db: SquadDb, id: number, fields: BlockFields, endDate: string, now: string): void {
  sql(db).update.run({ ...params(fields, endDate, now), id });
  writeDetails(db, id, fields);
}

export function deleteBlock(db: SquadDb, id: number): void {
  sql(db).remove.run(id);
}

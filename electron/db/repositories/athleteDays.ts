/**
 * The calendar table (athlete_day): one row per active athlete per day that carries anything.
 * Written only by electron/services/plan/calendarStore.ts; read by the grid, the day detail,
 * session sheets, load monitoring and the exports, always through a `FreshCalendarDb`.
 */
import type { RaceGoal } from '@shared/domain/roster';
import type { Phase, RunType, SessionType } from '@shared/plan/model';
import { preparedStatements } from '../statements';
import type { FreshCalendarDb, SquadDb } from '../types';

/** The grid's read: every athlete's cells for a day range, from the covering index alone. */
export const GRID_SQL = `SELECT athlete_id, day, grid_code, coalesce(template_id, planned_template_id)
  FROM athlete_day WHERE day BETWEEN ? AND ?`;

/** One athlete's days from a day on (rule checks, the day detail). */
export const ATHLETE_DAYS_SQL = `SELECT d.day, d.block_id, d.week, d.phase, d.is_deload, t.session_type, d.run_type, d.rule_flags, d.grid_code
  FROM athlete_day d LEFT JOIN session_template t ON t.id = d.template_id
  WHERE d.athlete_id = ? AND d.day BETWEEN ? AND ? ORDER BY d.day`;

/** One athlete's days in a range, every column, in date order (exports: the day-by-day plan, the calendar file). */
export const ATHLETE_DAY_RANGE_SQL = `SELECT athlete_id, day, date, block_id, week, phase, is_deload, planned_template_id, template_id, planned_run_type, run_type,
  run_minutes, run_rpe, rule_flags, grid_code FROM athlete_day WHERE athlete_id = ? AND day BETWEEN ? AND ? ORDER BY day`;

/** What an athlete does each day of a range (a group's calendar compares its members with the group plan). */
export const ATHLETE_DOING_SQL = 'SELECT day, template_id, run_type, run_minutes, run_rpe FROM athlete_day WHERE athlete_id = ? AND day BETWEEN ? AND ?';
/** How many of an athlete's days a range holds (the export's progress bar). */
export const ATHLETE_DAY_COUNT_SQL = 'SELECT count(*) AS n FROM athlete_day WHERE athlete_id = ? AND day BETWEEN ? AND ?';

/** The grid's rows: every active athlete (read from the roster's partial index). */
export const ACTIVE_ATHLETE_IDS_SQL = 'SELECT id FROM athlete WHERE archived_at IS NULL';

export interface StoredDay {
  day: number;
  block_id: number | null;
  week: number | null;
  phase: Phase | null;
  is_deload: number;
  session_type: SessionType | null;
  run_type: RunType | null;
  rule_flags: number;
  grid_code: number;
}

export interface AthleteDayRow {
  athleteId: number;
  day: number;
  date: string;
  blockId: number | null;
  week: number | null;
  phase: Phase | null;
  isDeload: boolean;
  plannedTemplateId: number | null;
  templateId: number | null;
  plannedRunType: RunType | null;
  runType: RunType | null;
  runMinutes: number | null;
  runRpe: number | null;
  ruleFlags: number;
  gridCode: number;
}

export interface PlanAthlete {
  id: number;
  group_id: number | null;
  race_goal: RaceGoal | null;
  archived_at: string | null;
}

const sql = preparedStatements({
  grid: GRID_SQL,
  athleteDays: ATHLETE_DAYS_SQL,
  oneDay: `SELECT athlete_id, day, date, block_id, week, phase, is_deload, planned_template_id, template_id, planned_run_type, run_type, run_minutes, run_rpe, rule_flags, grid_code
           FROM athlete_day WHERE athlete_id = ? AND day = ?`,
  insert: `INSERT INTO athlete_day (athlete_id, day, date, block_id, week, phase, is_deload, planned_template_id, template_id, planned_run_type, run_type, run_minutes, run_rpe, rule_flags, grid_code)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  range: `SELECT day, planned_template_id, template_id, planned_run_type, run_type FROM athlete_day WHERE athlete_id = ? AND day BETWEEN ? AND ? ORDER BY day`,
  deleteRange: 'DELETE FROM athlete_day WHERE athlete_id = ? AND day BETWEEN ? AND ?',
  deleteAll: 'DELETE FROM athlete_day WHERE athlete_id = ?',
  setFlags: 'UPDATE athlete_day SET rule_flags = ?, grid_code = ? WHERE athlete_id = ? AND day = ?',
  pending: 'SELECT athlete_id FROM athlete_day_pending',
  clearPending: 'DELETE FROM athlete_day_pending',
  athlete: 'SELECT id, group_id, race_goal, archived_at FROM athlete WHERE id = ?',
  activeIds: ACTIVE_ATHLETE_IDS_SQL,
  activeInGroup: 'SELECT id FROM athlete WHERE group_id = ? AND archived_at IS NULL',
  usingTemplate: 'SELECT DISTINCT athlete_id FROM athlete_day WHERE template_id = @id OR planned_template_id = @id',
  lastDay: 'SELECT max(day) AS last FROM athlete_day WHERE athlete_id = ?',
  dayRange: ATHLETE_DAY_RANGE_SQL,
  countRange: ATHLETE_DAY_COUNT_SQL,
  doing: ATHLETE_DOING_SQL,
  firstDate: 'SELECT min(date) FROM athlete_day',
  pastWork: `SELECT athlete_id, day, block_id, week, is_deload, template_id, run_type, run_minutes, run_rpe
     FROM athlete_day WHERE day < ? AND (template_id IS NOT NULL OR (run_type IS NOT NULL AND run_type <> 'rest')) ORDER BY athlete_id, day`,
  deloadDates: 'SELECT date FROM athlete_day WHERE athlete_id = ? AND is_deload = 1 AND day BETWEEN ? AND ? ORDER BY day',
});

/** The grid query, rows as arrays: [athleteId, day, gridCode, templateId | null]. */
export function gridRows(db: FreshCalendarDb, fromDay: number, toDay: number): [number, number, number, number | null][] {
  return sql(db).grid.raw(true).all(fromDay, toDay) as [number, number, number, number | null][];
}

export function storedDays(db: FreshCalendarDb, athleteId: number, fromDay: number, toDay: number): StoredDay[] {
  return sql(db).athleteDays.all(athleteId, fromDay, toDay) as StoredDay[];
}

export function storedDay(db: FreshCalendarDb, athleteId: number, day: number): AthleteDayRow | null {
  const r = sql(db).oneDay.get(athleteId, day) as AthleteDaySqlRow | undefined;
  return r ? athleteDayOf(r) : null;
}

export function insertAthleteDay(db: SquadDb, r: AthleteDayRow): void {
  sql(db).insert.run(
    r.athleteId,
    r.day,
    r.date,
    r.blockId,
    r.week,
    r.phase,
    r.isDeload ? 1 : 0,
    r.plannedTemplateId,
    r.templateId,
    r.plannedRunType,
    r.runType,
    r.runMinutes,
    r.runRpe,
    r.ruleFlags,
    r.gridCode,
  );
}

export function deleteAthleteDays(db: SquadDb, athleteId: number, fromDay: number | null = null, toDay: number | null = null): void {
  if (fromDay === null || toDay === null) sql(db).deleteAll.run(athleteId);
  else sql(db).deleteRange.run(athleteId, fromDay, toDay);
}

export function setDayFlags(db: SquadDb, athleteId: number, day: number, ruleFlags: number, gridCode: number): void {
  sql(db).setFlags.run(ruleFlags, gridCode, athleteId, day);
}

export function pendingAthletes(db: SquadDb): number[] {
  return sql(db).pending.pluck().all() as number[];
}

export function clearPending(db: SquadDb): void {
  sql(db).clearPending.run();
}

export function planAthlete(db: SquadDb, id: number): PlanAthlete | null {
  return (sql(db).athlete.get(id) as PlanAthlete | undefined) ?? null;
}

export function activeAthleteIds(db: SquadDb): number[] {
  return sql(db).activeIds.pluck().all() as number[];
}

export function activeAthletesInGroup(db: SquadDb, groupId: number): number[] {
  return sql(db).activeInGroup.pluck().all(groupId) as number[];
}

export function athletesUsingTemplate(db: FreshCalendarDb, templateId: number): number[] {
  return sql(db).usingTemplate.pluck().all({ id: templateId }) as number[];
}

export function lastAthleteDay(db: FreshCalendarDb, athleteId: number): number | null {
  return (sql(db).lastDay.get(athleteId) as { last: number | null }).last;
}

/** What is planned and what the athlete does on each stored day of a range. */
export interface DaySessions {
  day: number;
  planned_template_id: number | null;
  template_id: number | null;
  planned_run_type: RunType | null;
  run_type: RunType | null;
}

export function daySessions(db: FreshCalendarDb, athleteId: number, fromDay: number, toDay: number): DaySessions[] {
  return sql(db).range.all(athleteId, fromDay, toDay) as DaySessions[];
}

/** A row of athlete_day as SQLite returns it (oneDay, ATHLETE_DAY_RANGE_SQL). */
interface AthleteDaySqlRow {
  athlete_id: number;
  day: number;
  date: string;
  block_id: number | null;
  week: number | null;
  phase: Phase | null;
  is_deload: number;
  planned_template_id: number | null;
  template_id: number | null;
  planned_run_type: RunType | null;
  run_type: RunType | null;
  run_minutes: number | null;
  run_rpe: number | null;
  rule_flags: number;
  grid_code: number;
}

/** A stored row in the app's shape. */
function athleteDayOf(r: AthleteDaySqlRow): AthleteDayRow {
  return {
    athleteId: r.athlete_id,
    day: r.day,
    date: r.date,
    blockId: r.block_id,
    week: r.week,
    phase: r.phase,
    isDeload: r.is_deload === 1,
    plannedTemplateId: r.planned_template_id,
    templateId: r.template_id,
    plannedRunType: r.planned_run_type,
    runType: r.run_type,
    runMinutes: r.run_minutes,
    runRpe: r.run_rpe,
    ruleFlags: r.rule_flags,
    gridCode: r.grid_code,
  };
}

/** One athlete's stored days in [fromDay, toDay], in date order (exports). */
export function athleteDaysInRange(db: FreshCalendarDb, athleteId: number, fromDay: number, toDay: number): AthleteDayRow[] {
  return (sql(db).dayRange.all(athleteId, fromDay, toDay) as AthleteDaySqlRow[]).map(athleteDayOf);
}

export function countAthleteDays(db: FreshCalendarDb, athleteId: number, fromDay: number, toDay: number): number {
  return (sql(db).countRange.get(athleteId, fromDay, toDay) as { n: number }).n;
}

/** What an athlete does each stored day of a range, as arrays [day, templateId, runType, runMinutes, runRpe] (a group's calendar compares many athletes). */
export function athleteDoingInRange(db: FreshCalendarDb, athleteId: number, fromDay: number, toDay: number): [number, number | null, RunType | null, number | null, number | null][] {
  return sql(db).doing.raw(true).all(athleteId, fromDay, toDay) as [number, number | null, RunType | null, number | null, number | null][];
}

/** The first day anyone has anything planned (null: nothing is planned). */
export function firstCalendarDate(db: FreshCalendarDb): string | null {
  return sql(db).firstDate.pluck().get() as string | null;
}

/** A day with a session or a run to do, before `beforeDay` (the sample squad logs them). */
export interface PastWorkDay {
  athlete_id: number;
  day: number;
  block_id: number | null;
  week: number | null;
  is_deload: number;
  template_id: number | null;
  run_type: RunType | null;
  run_minutes: number | null;
  run_rpe: number | null;
}

/** Every athlete's days with a session or a run before `beforeDay`, by athlete then day (read whole: write after). */
export function pastWorkDays(db: FreshCalendarDb, beforeDay: number): PastWorkDay[] {
  return sql(db).pastWork.all(beforeDay) as PastWorkDay[];
}

/** An athlete's deload days in [fromDay, toDay], in date order. */
export function deloadDates(db: FreshCalendarDb, athleteId: number, fromDay: number, toDay: number): string[] {
  return sql(db).deloadDates.pluck().all(athleteId, fromDay, toDay) as string[];
}

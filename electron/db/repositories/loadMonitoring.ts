/**
 * Load monitoring's reads (issue 7): one athlete's plan days, logged sessions and wellness checks
 * over a date range, and their deload days, each through an index (tests/electron/loadQueryPlans.test.ts).
 * The arithmetic is shared/load/series.ts; this file only reads.
 */
import type { IsoDate } from '@shared/dates';
import type { LoggedSessionInput, PlanDayInput, WellnessInput } from '@shared/load/series';
import { dayNumber, isoDate } from '@shared/plan/days';
import { preparedStatements } from '../statements';
import type { FreshCalendarDb, SquadDb } from '../types';

/** An athlete's plan days in a day range (the session's target and the block's deload rule come from PlanLookups). */
export const LOAD_PLAN_DAYS_SQL = `SELECT date, is_deload, template_id, block_id, run_type, run_minutes, run_rpe
  FROM athlete_day WHERE athlete_id = ? AND day BETWEEN ? AND ?`;
/** Every template's target RPE and minutes, and every block's share of sets removed on a deload (a few hundred rows). */
export const TEMPLATE_DOSES_SQL = 'SELECT id, target_rpe, planned_minutes FROM session_template';
export const BLOCK_DELOADS_SQL = 'SELECT id, deload_set_reduction FROM block';
export const LOAD_STRENGTH_SQL = 'SELECT date, status, session_rpe, minutes FROM strength_log WHERE athlete_id = ? AND date BETWEEN ? AND ?';
export const LOAD_RUNS_SQL = 'SELECT date, status, session_rpe, minutes FROM run_log WHERE athlete_id = ? AND date BETWEEN ? AND ?';
export const LOAD_WELLNESS_SQL = `SELECT date, fatigue, sleep_quality, muscle_soreness, stress, mood, hamstring_tight
  FROM wellness_entry WHERE athlete_id = ? AND date BETWEEN ? AND ? ORDER BY date`;
/** The last deload day before a day, and the first one after (the partial index athlete_day_deload). */
export const LAST_DELOAD_SQL = 'SELECT max(day) FROM athlete_day WHERE athlete_id = ? AND is_deload = 1 AND day < ?';
export const NEXT_DELOAD_SQL = 'SELECT min(day) FROM athlete_day WHERE athlete_id = ? AND is_deload = 1 AND day > ?';
/** Where an athlete's data starts: their first plan day and first logged session. */
export const FIRST_PLAN_DAY_SQL = 'SELECT min(day) FROM athlete_day WHERE athlete_id = ?';
export const FIRST_STRENGTH_LOG_SQL = 'SELECT min(date) FROM strength_log WHERE athlete_id = ?';
export const FIRST_RUN_LOG_SQL = 'SELECT min(date) FROM run_log WHERE athlete_id = ?';

const sql = preparedStatements({
  plan: LOAD_PLAN_DAYS_SQL,
  templates: TEMPLATE_DOSES_SQL,
  blocks: BLOCK_DELOADS_SQL,
  strength: LOAD_STRENGTH_SQL,
  runs: LOAD_RUNS_SQL,
  wellness: LOAD_WELLNESS_SQL,
  lastDeload: LAST_DELOAD_SQL,
  nextDeload: NEXT_DELOAD_SQL,
  firstPlan: FIRST_PLAN_DAY_SQL,
  firstStrength: FIRST_STRENGTH_LOG_SQL,
  firstRun: FIRST_RUN_LOG_SQL,
});

type PlanRow = [string, number, number | null, number | null, string | null, number | null, number | null];
type LogRow = [string, LoggedSessionInput['status'], number | null, number | null];
type WellnessRow = [string, number | null, number | null, number | null, number | null, number | null, number | null];

/** An athlete's data for a range: plan days, logged sessions, wellness checks. */
export interface AthleteLoadData {
  plan: PlanDayInput[];
  logs: LoggedSessionInput[];
  wellness: WellnessInput[];
}

/** Templates' doses and blocks' deload rules, read once for a request that reads many athletes. */
export interface PlanLookups {
  templates: Map<number, { rpe: number; minutes: number }>;
  blockSetReduction: Map<number, number>;
}

export function readPlanLookups(db: SquadDb): PlanLookups {
  const s = sql(db);
  return {
    templates: new Map((s.templates.raw(true).all() as [number, number, number][]).map(([id, rpe, minutes]) => [id, { rpe, minutes }])),
    blockSetReduction: new Map(s.blocks.raw(true).all() as [number, number][]),
  };
}

/**
 * An athlete's logs from `from` to `to`, their plan days from `ranges.planFrom` and their wellness
 * checks from `ranges.wellnessFrom` (each on or after `from`: the series needs less of them).
 */
export function readAthleteLoadData(
  db: FreshCalendarDb,
  athleteId: number,
  from: IsoDate,
  to: IsoDate,
  lookups: PlanLookups,
  ranges: { planFrom?: IsoDate; wellnessFrom?: IsoDate } = {},
): AthleteLoadData {
  const s = sql(db);
  const planFrom = ranges.planFrom ?? from;
  const wellnessFrom = ranges.wellnessFrom ?? from;
  const plan = (s.plan.raw(true).all(athleteId, dayNumber(planFrom), dayNumber(to)) as PlanRow[]).map(
    ([date, isDeload, templateId, blockId, runType, runMinutes, runRpe]): PlanDayInput => ({
      date,
      isDeload: isDeload === 1,
      strength: templateId === null ? null : (lookups.templates.get(templateId) ?? null),
      deloadSetReduction: blockId === null ? null : (lookups.blockSetReduction.get(blockId) ?? null),
      run: runType !== null && runType !== 'rest' && runMinutes !== null && runRpe !== null ? { rpe: runRpe, minutes: runMinutes } : null,
    }),
  );
  const logs: LoggedSessionInput[] = [];
  for (const [date, status, rpe, minutes] of s.strength.raw(true).all(athleteId, from, to) as LogRow[]) logs.push({ date, kind: 'strength', status, rpe, minutes });
  for (const [date, status, rpe, minutes] of s.runs.raw(true).all(athleteId, from, to) as LogRow[]) logs.push({ date, kind: 'run', status, rpe, minutes });
  const wellness = wellnessChecksInRange(db, athleteId, wellnessFrom, to);
  return { plan, logs, wellness };
}

/** An athlete's wellness checks from `from` to `to`, oldest first (the series; the exports). */
export function wellnessChecksInRange(db: SquadDb, athleteId: number, from: IsoDate, to: IsoDate): WellnessInput[] {
  return (sql(db).wellness.raw(true).all(athleteId, from, to) as WellnessRow[]).map(
    ([date, fatigue, sleepQuality, muscleSoreness, stress, mood, hamstring]): WellnessInput => ({
      date,
      fatigue,
      sleepQuality,
      muscleSoreness,
      stress,
      mood,
      hamstringTight: hamstring === null ? null : hamstring === 1,
    }),
  );
}

/** The last deload day before `date`, or null. */
export function lastDeloadBefore(db: FreshCalendarDb, athleteId: number, date: IsoDate): IsoDate | null {
  const day = sql(db).lastDeload.pluck().get(athleteId, dayNumber(date)) as number | null;
  return day === null ? null : isoDate(day);
}

/** The first deload day after `date`, or null. */
export function nextDeloadAfter(db: FreshCalendarDb, athleteId: number, date: IsoDate): IsoDate | null {
  const day = sql(db).nextDeload.pluck().get(athleteId, dayNumber(date)) as number | null;
  return day === null ? null : isoDate(day);
}

/** The athlete's first plan day, and the first day of their data (plan or a logged session). */
export function dataStart(db: FreshCalendarDb, athleteId: number): { firstPlanDay: IsoDate | null; firstDataDay: IsoDate | null } {
  const s = sql(db);
  const planDay = s.firstPlan.pluck().get(athleteId) as number | null;
  const firstPlanDay = planDay === null ? null : isoDate(planDay);
  const candidates = [firstPlanDay, s.firstStrength.pluck().get(athleteId) as string | null, s.firstRun.pluck().get(athleteId) as string | null].filter(
    (d): d is string => d !== null,
  );
  return { firstPlanDay, firstDataDay: candidates.length === 0 ? null : candidates.reduce((a, b) => (a < b ? a : b)) };
}

/**
 * Writes load monitoring's part of the generated squads (shared/sample/loadHistory.ts) inside the
 * sample-squad loader's transaction, after the plan, the re-tests and the logs: the 24-athlete
 * sample's summer base, and the featured athletes whose recent logs raise each kind of warning.
 * Only session RPE, minutes, runs and wellness checks change: logged sets (and so the estimated
 * maxes on the sheets) stay as the log generator wrote them.
 */
import { preparedStatements } from '@main/db/statements';
import { addDays, localToday, weekday, type IsoDate } from '@shared/dates';
import type { EventFocus } from '@shared/domain/roster';
import type { SquadSize } from '@shared/sample/generator';
import {
  featuredAthletes,
  loadHistoryStream,
  lowCheck,
  summerRun,
  SUMMER_BASE_WEEKS,
  usualCheck,
  usualWellness,
  type WarningRole,
} from '@shared/sample/loadHistory';
import type { SeededRandom } from '@shared/sample/random';
import type { WellnessResult } from '@shared/sheets/results';
import { dayNumber } from '@shared/plan/days';
import type { ChangeSnapshot } from '@shared/plan/views';
import { insertRun, insertWellness } from '@main/db/repositories/trainingLogs';
import type { FreshCalendarDb, SquadDb } from '@main/db/types';
import { deloadDates, firstCalendarDate } from '@main/db/repositories/athleteDays';
import { applyChange, restoreChanges } from '../plan/changes';

export interface LoadSampleAthlete {
  injured: boolean;
  eventFocus: EventFocus | null;
}

export function loadSampleLoadHistory(
  db: FreshCalendarDb,
  options: { seed: number; size: SquadSize; athletes: readonly LoadSampleAthlete[]; athleteIds: readonly number[] },
  now: Date,
): { summerRuns: number; featured: Map<number, WarningRole> } {
  const random = loadHistoryStream(options.seed);
  const today = localToday(now);
  const stamp = now.toISOString();
  const planStart = firstCalendarDate(db);
  const roles = featuredAthletes(options.athletes, options.size);
  const featured = new Map<number, WarningRole>();
  for (const [index, role] of roles) {
    const id = options.athleteIds[index];
    if (id !== undefined) featured.set(id, role);
  }
  const usual = options.athleteIds.map(() => usualWellness(random));

  // The sample's summer base: runs and a daily check before the plan, for everyone.
  let summerRuns = 0;
  if (options.size === 'sample' && planStart !== null) {
    const first = addDays(planStart, -SUMMER_BASE_WEEKS * 7);
    options.athleteIds.forEach((athleteId, i) => {
      const athlete = options.athletes[i] as LoadSampleAthlete;
      const scale = random.normal(1, 0.1, 0.8, 1.2);
      const ownDays: ChangeSnapshot[] = [];
      for (let date = first; date < planStart; date = addDays(date, 1)) {
        const run = summerRun(random, athlete.eventFocus, weekday(date), scale);
        if (run) {
          insertRun(db, athleteId, date, run, stamp);
          summerRuns += 1;
          if (featured.get(athleteId) === 'deload-overdue') {
            const planned = { minutes: run.minutes ?? 30, rpe: run.sessionRpe ?? 3 };
            ownDays.push({ athleteId, date, change: { strength: null, run: { kind: 'set', type: run.runType, ...planned }, deload: null, note: date === first ? 'Summer base with the club' : '' } });
          }
        }
        if (random.chance(0.85)) insertWellness(db, athleteId, date, usualCheck(random, usual[i] as (typeof usual)[number], random.chance(athlete.injured ? 0.2 : 0.03)), stamp);
      }
      // Her summer runs are in the plan as her own days: no deload since they began.
      if (ownDays.length > 0) restoreChanges(db, ownDays, now);
    });
  }

  for (const [athleteId, role] of featured) {
    const i = options.athleteIds.indexOf(athleteId);
    const own = usual[i] as (typeof usual)[number];
    switch (role) {
      case 'deload-overdue':
        if (options.size === 'large') undoRecentDeloads(db, athleteId, today, now);
        scaleLogs(db, athleteId, addDays(today, -7), addDays(today, -1), 1.4);
        writeChecks(db, athleteId, today, stamp, random, own, (back) => (back <= 3 ? 'low' : 'usual'));
        break;
      case 'load-spike': {
        // Their usual day (the three weeks before the spike, as logged), those weeks at about a third, then a week well above.
        const usualDay = averageDailyLoad(db, athleteId, addDays(today, -28), addDays(today, -8));
        scaleLogs(db, athleteId, addDays(today, -28), addDays(today, -8), 0.35);
        SPIKE_WEEK.forEach((share, k) => evenDay(db, athleteId, addDays(today, k - 7), Math.round(usualDay * share), stamp));
        break;
      }
      case 'monotony':
        for (let back = 8; back >= 1; back -= 1) evenDay(db, athleteId, addDays(today, -back), random.int(150, 450), stamp);
        break;
      case 'wellness':
        writeChecks(db, athleteId, today, stamp, random, own, (back) => (back <= 3 ? 'low' : 'usual'));
        break;
      case 'hamstring':
        writeChecks(db, athleteId, today, stamp, random, own, (back) => (back === 1 || back === 3 || back === 5 ? 'tight' : 'usual'));
        break;
    }
  }
  return { summerRuns, featured };
}

/**
 * The spike week's days as shares of the usual day (yesterday last): 1.4 on average, uneven
 * (monotony about 1.7, under the 2.0 alarm). From about a third of the usual load for three weeks,
 * the EWMA ratio ends near 1.6 (acute 0.35 -> 1.40, chronic 0.46 -> 0.84 of the usual day).
 */
const SPIKE_WEEK = [2.2, 1.0, 0.2, 1.8, 0.9, 1.6, 2.3];

const sql = preparedStatements({
  dayLoads: `SELECT coalesce((SELECT sum(session_rpe * minutes) FROM strength_log WHERE athlete_id = @id AND date BETWEEN @from AND @to), 0)
           + coalesce((SELECT sum(session_rpe * minutes) FROM run_log WHERE athlete_id = @id AND date BETWEEN @from AND @to), 0)`,
  scaleStrength: 'UPDATE strength_log SET minutes = max(1, min(300, round(minutes * ?))) WHERE athlete_id = ? AND date BETWEEN ? AND ? AND minutes IS NOT NULL',
  scaleRuns: 'UPDATE run_log SET minutes = max(1, min(600, round(minutes * ?))) WHERE athlete_id = ? AND date BETWEEN ? AND ? AND minutes IS NOT NULL',
  strengthOn: "SELECT id FROM strength_log WHERE athlete_id = ? AND date = ? AND status <> 'missed'",
  setStrength: 'UPDATE strength_log SET session_rpe = ?, minutes = ? WHERE id = ?',
  deleteRun: 'DELETE FROM run_log WHERE athlete_id = ? AND date = ?',
  deleteWellness: 'DELETE FROM wellness_entry WHERE athlete_id = ? AND date = ?',
});

/** Mean daily load (AU) over a range, rest days included; 250 AU when nothing was logged. */
function averageDailyLoad(db: SquadDb, athleteId: number, from: IsoDate, to: IsoDate): number {
  const total = sql(db).dayLoads.pluck().get({ id: athleteId, from, to }) as number;
  const days = dayNumber(to) - dayNumber(from) + 1;
  return total > 0 ? total / days : 250;
}

/** Minutes of every session and run in a range times `factor` (RPE kept). */
function scaleLogs(db: SquadDb, athleteId: number, from: IsoDate, to: IsoDate, factor: number): void {
  sql(db).scaleStrength.run(factor, athleteId, from, to);
  sql(db).scaleRuns.run(factor, athleteId, from, to);
}

/** A day whose total is about `load` AU: the session (if done) at RPE 5 for 40% of it, an easy run (RPE 4) for the rest. */
function evenDay(db: SquadDb, athleteId: number, date: IsoDate, load: number, stamp: string): void {
  const session = sql(db).strengthOn.get(athleteId, date) as { id: number } | undefined;
  let strengthLoad = 0;
  if (session) {
    const minutes = Math.max(10, Math.round((load * 0.4) / 5));
    sql(db).setStrength.run(5, minutes, session.id);
    strengthLoad = 5 * minutes;
  }
  sql(db).deleteRun.run(athleteId, date);
  insertRun(db, athleteId, date, { runType: 'easy', status: 'done', minutes: Math.max(10, Math.round((load - strengthLoad) / 4)), sessionRpe: 4, note: '' }, stamp);
}

/** Complete daily checks for the 35 days before today, each usual, low or with tight hamstrings. */
function writeChecks(
  db: SquadDb,
  athleteId: number,
  today: IsoDate,
  stamp: string,
  random: SeededRandom,
  usual: ReturnType<typeof usualWellness>,
  kind: (daysBack: number) => 'usual' | 'low' | 'tight',
): void {
  for (let back = 35; back >= 1; back -= 1) {
    const date = addDays(today, -back);
    const k = kind(back);
    const check: WellnessResult = k === 'low' ? lowCheck(random, usual) : usualCheck(random, usual, k === 'tight');
    sql(db).deleteWellness.run(athleteId, date);
    insertWellness(db, athleteId, date, check, stamp);
  }
}

/** The large squad plans a deload every few weeks: the featured athlete's last ones are marked "not a deload". */
function undoRecentDeloads(db: FreshCalendarDb, athleteId: number, today: IsoDate, now: Date): void {
  const dates = deloadDates(db, athleteId, dayNumber(today) - 70, dayNumber(today) + 7);
  // Contiguous runs of deload days, each changed in one step.
  let start: string | null = null;
  let previous: string | null = null;
  const flush = () => {
    if (start !== null && previous !== null) applyChange(db, { athleteIds: [athleteId], from: start, to: previous, action: { kind: 'deload', deload: false } }, now);
  };
  for (const date of dates) {
    if (previous === null || addDays(previous, 1) !== date) {
      flush();
      start = date;
    }
    previous = date;
  }
  flush();
}

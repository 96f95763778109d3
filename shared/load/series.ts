/**
 * One athlete's training load, day by day (issue 7; REFERENCE.md §4, §6.3): planned and actual
 * session load, acute and chronic load, the acute:chronic ratio with its method, weekly load and
 * its change, monotony and strain, deload days and weeks since the last one, and the wellness
 * check against the athlete's own baseline.
 *
 * Pure: the repository reads the plan's days, the logs and the wellness checks; this module does
 * the arithmetic with shared/science (sessionLoad, weeklyLoad, weekOverWeekChangePercent,
 * monotonyAndStrain, ewmaSeries, acuteChronicWorkloadRatio, assessWellness). Nothing here
 * re-derives a formula.
 *
 * Conventions (each said where it is shown):
 * - A day's actual load is the sum of its logged sessions (strength and run, RPE x minutes). A
 *   session logged as missed counts 0. A past day with a planned session and nothing logged is
 *   "not logged" (missing, null): REFERENCE.md §0 keeps it apart from a rest day, and a ratio is
 *   refused when more than 10% of its window is missing. A day with nothing planned and nothing
 *   logged is a rest day (0). A day with one session logged and another planned but not logged
 *   counts what was logged.
 * - A session logged as done without its RPE or minutes has no load: the day is "not logged"
 *   unless another of its sessions has one.
 * - Planned load: the template's target RPE x planned minutes, plus the run's target RPE x
 *   minutes. On a deload day the strength session keeps its RPE and loses the block's share of
 *   sets from its minutes (sets -50% by default: half the minutes); the run is unchanged (the
 *   running coach controls mileage, REFERENCE.md §6.2).
 * - The computation starts at the athlete's first day of data or LOAD_HISTORY_DAYS before the
 *   first day shown, whichever is later, so a chart and the warnings agree to within 0.2% (the
 *   chronic EWMA has all but forgotten its seed after 90 days: 0.931^90 = 0.2%). Days shown
 *   before the athlete's first data are 'no-data' (nothing is known, not rest), so a day's
 *   numbers never depend on the range asked for.
 * - Today, planned and not logged yet, is still open: it is not counted as a missing day (which
 *   would refuse every ratio each morning) and the ratios stop at yesterday until it is logged.
 */
import type { IsoDate } from '../dates';
import { dayNumber, isoDate, weekStartOf } from '../plan/days';
import {
  ACUTE_WINDOW_DAYS,
  CHRONIC_WINDOW_DAYS,
  acuteChronicWorkloadRatio,
  assessWellness,
  ewmaSeries,
  monotonyAndStrain,
  sessionLoad,
  weekOverWeekChangePercent,
  weeklyLoad,
  wellnessTotal,
  WELLNESS_DEFAULTS,
  type DayLoad,
  type LoadUnavailableReason,
  type SdConvention,
  type WellnessItem,
  type WellnessItems,
} from '../science';

/** `date` moved by `days` (day arithmetic: this runs for every athlete of a squad). */
export function shiftDate(date: IsoDate, days: number): IsoDate {
  return isoDate(dayNumber(date) + days);
}

/** Days of history read before the first day shown (and before the warnings' day). */
export const LOAD_HISTORY_DAYS = 90;

/** Flagged wellness days in a row are counted from this many days before the first day shown. */
export const WELLNESS_RUN_LOOKBACK_DAYS = 14;

/** Default share of sets removed on a deload day when the day has no block (REFERENCE.md §6.2). */
export const DEFAULT_DELOAD_SET_REDUCTION = 0.5;

export const ACWR_METHODS = ['ewma', 'rolling-uncoupled', 'rolling-coupled'] as const;
export type AcwrMethod = (typeof ACWR_METHODS)[number];

/** How each method is labelled wherever its number is shown (REFERENCE.md §4.3, §4.4). */
export const ACWR_METHOD_LABELS: Readonly<Record<AcwrMethod, string>> = {
  ewma: 'EWMA 7/28 days (seed: first day)',
  'rolling-uncoupled': 'Rolling 7 days / the 21 days before',
  'rolling-coupled': 'Rolling 7 days / 28 days (coupled)',
};

/** A planned or logged session's RPE (CR-10) and minutes. */
export interface SessionDose {
  rpe: number;
  minutes: number;
}

/** One day of the athlete's plan (athlete_day), as the repository reads it. */
export interface PlanDayInput {
  date: IsoDate;
  isDeload: boolean;
  /** The strength session the athlete does that day (template target RPE and planned minutes), or null. */
  strength: SessionDose | null;
  /** Share of sets removed on this day if it is a deload (the block's rule); null = no block. */
  deloadSetReduction: number | null;
  /** The run (target RPE and minutes), or null for none or a rest day. */
  run: SessionDose | null;
}

export type LoggedStatus = 'done' | 'modified' | 'missed';

/** One logged session (strength_log or run_log). */
export interface LoggedSessionInput {
  date: IsoDate;
  kind: 'strength' | 'run';
  status: LoggedStatus;
  rpe: number | null;
  minutes: number | null;
}

/** One day's wellness check (wellness_entry): items 1-5 or null when left blank. */
export interface WellnessInput {
  date: IsoDate;
  fatigue: number | null;
  sleepQuality: number | null;
  muscleSoreness: number | null;
  stress: number | null;
  mood: number | null;
  hamstringTight: boolean | null;
}

export interface LoadSeriesInput {
  /** First and last day shown (inclusive). */
  from: IsoDate;
  to: IsoDate;
  /** Today: later days are "future" (planned only). */
  today: IsoDate;
  /**
   * The first day the computation starts on (see LOAD_HISTORY_DAYS and `historyStart`). After
   * `from` when the athlete's data starts later: the days before it are 'no-data'.
   */
  historyFrom: IsoDate;
  /** True when the athlete has data before historyFrom (the ratios are not warming up then). */
  hasEarlierData: boolean;
  firstDayOfWeek: number;
  acwrMethod: AcwrMethod;
  /** False: leave `weeks` empty (the warnings read the days only). */
  withWeeks?: boolean;
  /** Monotony's SD convention (REFERENCE.md §4.2): sample by default. */
  monotonySd: SdConvention;
  wellness: { zThreshold: number; itemThreshold: number; consecutiveDays: number };
  /** The athlete's last deload day before the first plan day given, and their first plan day ever (null = none). */
  lastDeloadBefore: IsoDate | null;
  firstPlanDay: IsoDate | null;
  /** Plan days: at least from 28 days before `from` and the week before its week (earlier ones only mark days as rest or not logged, which count 0 alike). */
  plan: readonly PlanDayInput[];
  /** Logged sessions from historyFrom (the EWMAs start there). */
  logs: readonly LoggedSessionInput[];
  /** Wellness checks: at least from 42 days before `from` (the baseline of the days whose runs are counted). */
  wellnessChecks: readonly WellnessInput[];
}

/**
 * What is known about a day's training: 'done' (a session logged as done or modified), 'missed'
 * (only missed sessions logged: load 0), 'rest' (nothing planned, nothing logged: load 0),
 * 'not-logged' (planned, in the past or today, nothing logged: load unknown), 'future' (after
 * today), 'no-data' (before the athlete's first plan day or log: nothing is known).
 */
export type LoadDayStatus = 'done' | 'missed' | 'rest' | 'not-logged' | 'future' | 'no-data';

export interface WellnessDaySummary {
  /** Sum of the five items (5-25) when all five were answered; null otherwise. */
  total: number | null;
  /** Mean of the athlete's complete checks over the 28 days before; null with fewer than 14. */
  baselineMean: number | null;
  /** (total - baseline mean) / baseline SD. */
  z: number | null;
  /** Items at or below the item threshold, with their scores. */
  lowItems: { item: WellnessItem; score: number }[];
  hamstringTight: boolean | null;
  /** z at or below the threshold, or any item at or below the item threshold. */
  flagged: boolean;
  /** Consecutive flagged days ending this day (a day without a check breaks the run; counted from 14 days before the first day shown). */
  flaggedRun: number;
}

export interface LoadDay {
  date: IsoDate;
  /** First day of the squad week this day is in. */
  weekStart: IsoDate;
  status: LoadDayStatus;
  /** Planned session load (AU), 0 when nothing is planned. */
  plannedLoad: number;
  /** Logged session load (AU); null when not logged or in the future. */
  actualLoad: number | null;
  /** Sessions logged as done or modified. */
  sessions: number;
  /** The plan marks this day a deload. */
  isDeload: boolean;
  /** Whole weeks since the last deload day (0 during a deload); null when the plan has none and no plan day came before. */
  weeksSinceDeload: number | null;
  /** Sum of the last 7 days' actual load (AU), missing days as 0; null in the future. */
  acuteSum: number | null;
  /** Acute and chronic load in AU a day, by the method: EWMA values, or the rolling means. Null in the future or when rolling has too little history. */
  acuteLoad: number | null;
  chronicLoad: number | null;
  /** acuteLoad / chronicLoad, or null (see acwrUnavailable). */
  acwr: number | null;
  acwrUnavailable: LoadUnavailableReason | null;
  /** Fewer than 28 days of data: EWMA values are "warming up". */
  warmingUp: boolean;
  wellness: WellnessDaySummary | null;
}

export interface LoadWeek {
  weekStart: IsoDate;
  /** Days of this week within the range shown (a week cut by the range has fewer). */
  days: number;
  /** True when all 7 days are on or before today. */
  complete: boolean;
  plannedLoad: number;
  /** Sum of the week's logged load (missing days 0); a lower bound when missingDays > 0. */
  load: number;
  missingDays: number;
  /** Change against the week before, % (REFERENCE.md §4.3); null when the week before was 0 or is unknown. */
  changePercent: number | null;
  /** Foster monotony and strain (REFERENCE.md §4.2); null with a reason for incomplete weeks, too many missing days or no variation. */
  monotony: number | null;
  strain: number | null;
  monotonyUnavailable: LoadUnavailableReason | 'week-not-over' | null;
  deloadDays: number;
}

export interface LoadSeries {
  acwrMethod: AcwrMethod;
  acwrMethodLabel: string;
  monotonySd: SdConvention;
  days: LoadDay[];
  weeks: LoadWeek[];
  /** The athlete's last deload day on or before `to`, and their first plan day ever (null = none). */
  lastDeload: IsoDate | null;
  firstPlanDay: IsoDate | null;
}

const ITEMS: readonly WellnessItem[] = ['fatigue', 'sleepQuality', 'muscleSoreness', 'stress', 'mood'];

function completeItems(w: WellnessInput): WellnessItems | null {
  const { fatigue, sleepQuality, muscleSoreness, stress, mood } = w;
  if (fatigue === null || sleepQuality === null || muscleSoreness === null || stress === null || mood === null) return null;
  return { fatigue, sleepQuality, muscleSoreness, stress, mood };
}

/** Planned session load of a plan day (see the module's conventions). */
export function plannedDayLoad(day: PlanDayInput): number {
  let load = 0;
  if (day.strength) {
    const kept = day.isDeload ? 1 - (day.deloadSetReduction ?? DEFAULT_DELOAD_SET_REDUCTION) : 1;
    load += sessionLoad(day.strength.rpe, day.strength.minutes * kept);
  }
  if (day.run) load += sessionLoad(day.run.rpe, day.run.minutes);
  return load;
}

/**
 * Wellness day by day against the athlete's own baseline (REFERENCE.md §6.3): the total's z-score
 * uses complete checks only (a total with an item left blank is not comparable); an item at or
 * below the item threshold flags the day whether or not the check is complete.
 */
function wellnessDays(
  dates: readonly IsoDate[],
  byDate: ReadonlyMap<IsoDate, WellnessInput>,
  options: LoadSeriesInput['wellness'],
  assessFrom: number,
): (WellnessDaySummary | null)[] {
  const totals: (number | null)[] = [];
  let run = 0;
  return dates.map((date, i) => {
    const check = byDate.get(date);
    const items = check ? completeItems(check) : null;
    if (!check || i < assessFrom) {
      // Before the days that are looked at, only the totals are needed (the baseline).
      totals.push(items ? wellnessTotal(items) : null);
      run = 0;
      return null;
    }
    let total: number | null = null;
    let baselineMean: number | null = null;
    let z: number | null = null;
    let flagZ = false;
    if (items) {
      const a = assessWellness(items, totals.slice(-WELLNESS_DEFAULTS.baselineWindowDays), {
        zThreshold: options.zThreshold,
        itemThreshold: options.itemThreshold,
      });
      total = a.total;
      baselineMean = a.baselineMean;
      z = a.z;
      flagZ = a.flagZ;
    }
    totals.push(total);
    const lowItems = ITEMS.flatMap((item) => {
      const score = check[item];
      return score !== null && score <= options.itemThreshold ? [{ item, score }] : [];
    });
    const flagged = flagZ || lowItems.length > 0;
    run = flagged ? run + 1 : 0;
    return { total, baselineMean, z, lowItems, hamstringTight: check.hamstringTight, flagged, flaggedRun: run };
  });
}

/** Build the day-by-day and week-by-week series for [from, to], computed from historyFrom. */
export function buildLoadSeries(input: LoadSeriesInput): LoadSeries {
  if (input.to < input.from) throw new RangeError(`The last day (${input.to}) is before the first (${input.from}).`);
  const start = dayNumber(input.historyFrom);
  const end = dayNumber(input.to);
  const todayDay = dayNumber(input.today);
  const count = Math.max(0, end - start + 1);
  const dates = Array.from({ length: count }, (_, i) => isoDate(start + i));

  const planByDate = new Map(input.plan.map((p) => [p.date, p]));
  const logsByDate = new Map<IsoDate, LoggedSessionInput[]>();
  for (const log of input.logs) {
    const list = logsByDate.get(log.date);
    if (list) list.push(log);
    else logsByDate.set(log.date, [log]);
  }

  // Actual daily load and status, through today.
  const statuses: LoadDayStatus[] = [];
  const loads: DayLoad[] = [];
  const sessions: number[] = [];
  for (let i = 0; i < count; i += 1) {
    const day = start + i;
    const date = dates[i] as IsoDate;
    const plan = planByDate.get(date);
    const logs = logsByDate.get(date) ?? [];
    let load = 0;
    let done = 0;
    let known = false;
    let missed = 0;
    for (const log of logs) {
      if (log.status === 'missed') {
        missed += 1;
      } else if (log.rpe !== null && log.minutes !== null) {
        load += sessionLoad(log.rpe, log.minutes);
        done += 1;
        known = true;
      }
    }
    sessions.push(done);
    if (day > todayDay) {
      statuses.push('future');
      loads.push(null);
    } else if (known) {
      statuses.push('done');
      loads.push(load);
    } else if (missed > 0 && missed === logs.length) {
      statuses.push('missed');
      loads.push(0);
    } else if (logs.length === 0 && !(plan && (plan.strength || plan.run))) {
      statuses.push('rest');
      loads.push(0);
    } else {
      statuses.push('not-logged');
      loads.push(null);
    }
  }

  // The ratios are computed up to today (later days have no load yet), or up to yesterday while
  // today's planned training is not logged yet.
  const todayOpen = statuses[todayDay - start] === 'not-logged';
  const pastCount = Math.max(0, Math.min(count, todayDay - start + (todayOpen ? 0 : 1)));
  const pastLoads = loads.slice(0, pastCount);
  const acuteEwma = pastCount > 0 ? ewmaSeries(pastLoads, ACUTE_WINDOW_DAYS, 'first') : [];
  const chronicEwma = pastCount > 0 ? ewmaSeries(pastLoads, CHRONIC_WINDOW_DAYS, 'first') : [];

  // Deload days and weeks since the last one.
  let lastDeload = input.lastDeloadBefore === null ? null : dayNumber(input.lastDeloadBefore);
  const firstPlan = input.firstPlanDay === null ? null : dayNumber(input.firstPlanDay);

  const wellnessByDate = new Map(input.wellnessChecks.map((w) => [w.date, w]));
  const fromIndex = dayNumber(input.from) - start;
  const wellness = wellnessDays(dates, wellnessByDate, input.wellness, fromIndex - WELLNESS_RUN_LOOKBACK_DAYS);

  const days: LoadDay[] = [];
  // Days shown before the athlete's first data: nothing is known of them.
  for (let day = dayNumber(input.from); day <= Math.min(end, start - 1); day += 1) days.push(noDataDay(day, input.firstDayOfWeek));
  for (let i = 0; i < count; i += 1) {
    const day = start + i;
    const date = dates[i] as IsoDate;
    const plan = planByDate.get(date);
    const isDeload = plan?.isDeload ?? false;
    if (isDeload) lastDeload = day;
    if (i < fromIndex) continue;
    const weeksSinceDeload =
      lastDeload !== null ? Math.floor((day - lastDeload) / 7) : firstPlan !== null && firstPlan <= day ? Math.floor((day - firstPlan) / 7) : null;
    let acuteSum: number | null = null;
    let acuteLoad: number | null = null;
    let chronicLoad: number | null = null;
    let acwr: number | null = null;
    let acwrUnavailable: LoadUnavailableReason | null = null;
    if (i < pastCount) {
      const window = pastLoads.slice(Math.max(0, i - CHRONIC_WINDOW_DAYS + 1), i + 1);
      const ratio = acuteChronicWorkloadRatio(window, { seed: 'first' });
      acuteSum = ratio.acuteSum ?? window.reduce<number>((sum, l) => sum + (l ?? 0), 0);
      // A window cut by the start of the history is "insufficient history", not "missing days".
      const historyShort = !input.hasEarlierData && i + 1 < CHRONIC_WINDOW_DAYS;
      if (input.acwrMethod === 'ewma') {
        acuteLoad = acuteEwma[i] ?? null;
        chronicLoad = chronicEwma[i] ?? null;
        if (ratio.ewmaRatio.reason === 'too-many-missing-days') acwrUnavailable = 'too-many-missing-days';
        else if (chronicLoad === null || chronicLoad === 0) acwrUnavailable = 'zero-chronic-load';
        else acwr = (acuteLoad ?? 0) / chronicLoad;
      } else {
        const coupled = input.acwrMethod === 'rolling-coupled';
        const result = coupled ? ratio.rollingCoupled : ratio.rollingUncoupled;
        if (window.length === CHRONIC_WINDOW_DAYS && !historyShort) {
          acuteLoad = ratio.acuteMean;
          chronicLoad = coupled ? ratio.chronicMeanCoupled : ratio.chronicMeanUncoupled;
          acwr = result.value;
          acwrUnavailable = result.reason;
        } else {
          acwrUnavailable = 'insufficient-history';
        }
      }
    }
    days.push({
      date,
      weekStart: isoDate(weekStartOf(day, input.firstDayOfWeek)),
      status: statuses[i] as LoadDayStatus,
      plannedLoad: plan ? plannedDayLoad(plan) : 0,
      actualLoad: loads[i] ?? null,
      sessions: sessions[i] ?? 0,
      isDeload,
      weeksSinceDeload,
      acuteSum,
      acuteLoad,
      chronicLoad,
      acwr,
      acwrUnavailable,
      warmingUp: !input.hasEarlierData && i + 1 < CHRONIC_WINDOW_DAYS,
      wellness: wellness[i] ?? null,
    });
  }

  return {
    acwrMethod: input.acwrMethod,
    acwrMethodLabel: ACWR_METHOD_LABELS[input.acwrMethod],
    monotonySd: input.monotonySd,
    days,
    weeks: input.withWeeks === false ? [] : buildWeeks(input, start, loads, planByDate, todayDay),
    lastDeload: lastDeload === null ? null : isoDate(lastDeload),
    firstPlanDay: input.firstPlanDay,
  };
}

/** Calendar weeks (the squad's first day of the week) overlapping [from, to]. */
function buildWeeks(
  input: LoadSeriesInput,
  start: number,
  loads: readonly DayLoad[],
  planByDate: ReadonlyMap<IsoDate, PlanDayInput>,
  todayDay: number,
): LoadWeek[] {
  const from = dayNumber(input.from);
  const to = dayNumber(input.to);
  const weeks: LoadWeek[] = [];
  let previousLoad: number | null = null;
  // Begin a week early so the first week shown has a change against the one before.
  const firstWeek = weekStartOf(from, input.firstDayOfWeek) - 7;
  for (let w = firstWeek; w <= to; w += 7) {
    const weekLoads: DayLoad[] = [];
    let plannedLoad = 0;
    let deloadDays = 0;
    let known = true;
    let futureDays = 0;
    for (let d = w; d < w + 7; d += 1) {
      const i = d - start;
      const plan = planByDate.get(isoDate(d));
      if (plan) {
        plannedLoad += plannedDayLoad(plan);
        if (plan.isDeload) deloadDays += 1;
      }
      if (i < 0 || i >= loads.length) known = false;
      if (d > todayDay) futureDays += 1;
      weekLoads.push(i >= 0 && i < loads.length ? (loads[i] ?? null) : null);
    }
    const week = weeklyLoad(weekLoads);
    const complete = futureDays === 0;
    const comparable = known && complete;
    const change = previousLoad !== null && comparable ? weekOverWeekChangePercent(previousLoad, week.load) : null;
    previousLoad = comparable ? week.load : null;
    if (w < weekStartOf(from, input.firstDayOfWeek)) continue;
    let monotony: number | null = null;
    let strain: number | null = null;
    let monotonyUnavailable: LoadWeek['monotonyUnavailable'];
    if (!complete) monotonyUnavailable = 'week-not-over';
    else if (!known) monotonyUnavailable = 'insufficient-history';
    else {
      const m = monotonyAndStrain(weekLoads, { sd: input.monotonySd });
      monotony = m.monotony;
      strain = m.strain;
      monotonyUnavailable = m.reason;
    }
    const shownDays = Math.min(w + 6, to) - Math.max(w, from) + 1;
    weeks.push({
      weekStart: isoDate(w),
      days: shownDays,
      complete,
      plannedLoad,
      load: week.load,
      missingDays: week.missingDays - futureDays,
      changePercent: change,
      monotony,
      strain,
      monotonyUnavailable,
      deloadDays,
    });
  }
  return weeks;
}

/** A day shown before the athlete's first plan day or log. */
function noDataDay(day: number, firstDayOfWeek: number): LoadDay {
  return {
    date: isoDate(day),
    weekStart: isoDate(weekStartOf(day, firstDayOfWeek)),
    status: 'no-data',
    plannedLoad: 0,
    actualLoad: null,
    sessions: 0,
    isDeload: false,
    weeksSinceDeload: null,
    acuteSum: null,
    acuteLoad: null,
    chronicLoad: null,
    acwr: null,
    acwrUnavailable: 'insufficient-history',
    warmingUp: true,
    wellness: null,
  };
}

/**
 * The history start for a range: LOAD_HISTORY_DAYS before `from`, not before the athlete's first
 * data; the athlete's first data when it comes after `from`; and after `to` when there is none
 * (every day shown is then 'no-data').
 */
export function historyStart(from: IsoDate, to: IsoDate, firstDataDay: IsoDate | null): { historyFrom: IsoDate; hasEarlierData: boolean } {
  const earliest = shiftDate(from, -LOAD_HISTORY_DAYS);
  if (firstDataDay === null) return { historyFrom: shiftDate(to, 1), hasEarlierData: false };
  if (firstDataDay > from) return { historyFrom: firstDataDay, hasEarlierData: false };
  if (firstDataDay >= earliest) return { historyFrom: firstDataDay, hasEarlierData: false };
  return { historyFrom: earliest, hasEarlierData: firstDataDay < earliest };
}

/**
 * Training load: session RPE load, daily and weekly totals, monotony and strain, and the
 * acute:chronic workload ratio (REFERENCE.md §4).
 *
 * A day's load is a `DayLoad`: a number of arbitrary units (AU) when the day was recorded (0 for
 * a recorded rest day) or `null` when nothing was recorded. REFERENCE.md §0: a missing day counts
 * as 0 in the arithmetic but is kept distinct, and a ratio is refused when more than 10% of the
 * window it uses is missing.
 */
import { requireFraction, requireInRange, requireIntegerInRange, requireNonNegative } from './guards';
import type { SdConvention } from './stats';
import { mean, standardDeviation } from './stats';

/** A day's training load in AU; 0 = recorded rest day; null = nothing recorded (missing). */
export type DayLoad = number | null;

/** Days in the acute window (REFERENCE.md §4.3). */
export const ACUTE_WINDOW_DAYS = 7;
/** Days in the chronic window, and the history needed before ratios stop "warming up" (REFERENCE.md §4.3). */
export const CHRONIC_WINDOW_DAYS = 28;
/** Largest share of a window that may be missing before a ratio is refused (REFERENCE.md §0). */
export const MAX_MISSING_FRACTION_DEFAULT = 0.1;

/** The criticisms the app shows wherever an ACWR number is shown (REFERENCE.md §4.4). */
export const ACWR_CAVEATS: readonly { readonly title: string; readonly text: string }[] = [
  {
    title: 'Mathematical coupling',
    text:
      'In the coupled form the acute week is part of the chronic load, which creates a spurious correlation ' +
      '(Lolli et al. 2019; Windt & Gabbett 2019). The uncoupled form and the EWMA avoid this.',
  },
  {
    title: 'Ratio problems',
    text:
      'A ratio assumes acute load scales with chronic load, which it often does not; effects credited to the ' +
      'ratio can come from acute load alone (Lolli et al. 2019; Impellizzeri et al. 2021).',
  },
  {
    title: 'Weak, non-causal evidence',
    text:
      'The bands come from observational team-sport data, predict little for one athlete, and there is no ' +
      'evidence that steering the ratio prevents injury (Impellizzeri et al. 2020).',
  },
  {
    title: 'Arbitrary windows and missing data',
    text:
      'The 7- and 28-day windows are arbitrary, and unrecorded days counted as zero inflate or deflate the ' +
      'ratio; the app refuses a ratio when more than 10% of a window is missing.',
  },
];

/** How the ratio is worded and shown (REFERENCE.md §4.4 "Recommended presentation"). */
export const ACWR_PRESENTATION_NOTE =
  'Acute load, chronic load and the weekly change are shown as separate lines, with the ratio as a secondary, ' +
  'method-labelled number. Bands are off by default, and a plan is never blocked on the ratio alone.';

/** Shown beside monotony (REFERENCE.md §4.2). */
export const MONOTONY_CAVEAT =
  'The often-quoted "monotony above 2.0" alarm is a rule of thumb; compare an athlete with their own history. ' +
  'The SD convention (sample or population) is a setting and is shown with the number.';

function checkLoads(loads: readonly DayLoad[], what: string): void {
  loads.forEach((load, i) => {
    if (load !== null) requireNonNegative(load, `${what} (day ${i + 1})`);
  });
}

function sumLoads(loads: readonly DayLoad[]): number {
  let total = 0;
  for (const load of loads) total += load ?? 0;
  return total;
}

function countMissing(loads: readonly DayLoad[]): number {
  return loads.filter((load) => load === null).length;
}

function tooManyMissing(window: readonly DayLoad[], maxMissingFraction: number): boolean {
  return window.length > 0 && countMissing(window) / window.length > maxMissingFraction;
}

/** Session load in AU = session RPE (CR-10, 0–10) × duration in minutes (Foster 2001; REFERENCE.md §4.1). */
export function sessionLoad(rpe: number, minutes: number): number {
  requireInRange(rpe, 0, 10, 'Session RPE (CR-10)');
  requireNonNegative(minutes, 'Minutes');
  return rpe * minutes;
}

// ---- calendar days (ISO YYYY-MM-DD, no time zone: UTC day numbers) ----

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

function dayNumber(date: string, what: string): number {
  const match = ISO_DATE.exec(date);
  const year = Number(match?.[1]);
  const month = Number(match?.[2]);
  const day = Number(match?.[3]);
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  if (!match || check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    throw new RangeError(`${what} must be a real date written YYYY-MM-DD (got "${date}").`);
  }
  return ms / MS_PER_DAY;
}

function isoDate(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** A logged session: date (ISO YYYY-MM-DD), session RPE (CR-10) and minutes. */
export interface LoggedSession {
  readonly date: string;
  readonly rpe: number;
  readonly minutes: number;
}

/** What is known about a calendar day. */
export type DayStatus = 'logged' | 'rest' | 'missing';

/** One calendar day's total load. */
export interface DailyLoad {
  /** ISO YYYY-MM-DD. */
  readonly date: string;
  /** Sum of the day's session loads in AU; 0 for a rest day; null when nothing was recorded. */
  readonly load: DayLoad;
  readonly sessions: number;
  readonly status: DayStatus;
}

/**
 * Daily load totals for every calendar day from `from` to `to` inclusive (REFERENCE.md §4.1):
 * two sessions on one day are summed; a day with no session is a rest day (load 0) if it is in
 * `restDays`, otherwise missing (load null). Sessions outside the range are ignored.
 */
export function dailyLoads(
  sessions: readonly LoggedSession[],
  range: { readonly from: string; readonly to: string; readonly restDays?: readonly string[] },
): DailyLoad[] {
  const first = dayNumber(range.from, 'Start date');
  const last = dayNumber(range.to, 'End date');
  if (last < first) throw new RangeError(`The end date (${range.to}) is before the start date (${range.from}).`);
  const totals = new Map<number, { load: number; sessions: number }>();
  sessions.forEach((session, i) => {
    const day = dayNumber(session.date, `Session ${i + 1} date`);
    const load = sessionLoad(session.rpe, session.minutes);
    if (day < first || day > last) return;
    const entry = totals.get(day) ?? { load: 0, sessions: 0 };
    totals.set(day, { load: entry.load + load, sessions: entry.sessions + 1 });
  });
  const rest = new Set((range.restDays ?? []).map((d, i) => dayNumber(d, `Rest day ${i + 1}`)));
  const days: DailyLoad[] = [];
  for (let day = first; day <= last; day++) {
    const entry = totals.get(day);
    const date = isoDate(day);
    if (entry) days.push({ date, load: entry.load, sessions: entry.sessions, status: 'logged' });
    else if (rest.has(day)) days.push({ date, load: 0, sessions: 0, status: 'rest' });
    else days.push({ date, load: null, sessions: 0, status: 'missing' });
  }
  return days;
}

/** A week's load (REFERENCE.md §4.1). */
export interface WeeklyLoad {
  /** Sum of the 7 daily totals in AU, missing days counted as 0. */
  readonly load: number;
  /** Days with nothing recorded: when > 0 the load is a lower bound. */
  readonly missingDays: number;
}

/** Weekly load = sum of the 7 daily totals (REFERENCE.md §4.1). */
export function weeklyLoad(week: readonly DayLoad[]): WeeklyLoad {
  if (week.length !== 7) throw new RangeError(`Weekly load needs exactly 7 daily totals (got ${week.length}).`);
  checkLoads(week, 'Daily load');
  return { load: sumLoads(week), missingDays: countMissing(week) };
}

/** Week-over-week change in percent, 100 × (this − last)/last; null when last week's load was 0 (REFERENCE.md §4.3). */
export function weekOverWeekChangePercent(previousWeekLoad: number, currentWeekLoad: number): number | null {
  requireNonNegative(previousWeekLoad, 'Previous week\u2019s load');
  requireNonNegative(currentWeekLoad, 'This week\u2019s load');
  return previousWeekLoad === 0 ? null : (100 * (currentWeekLoad - previousWeekLoad)) / previousWeekLoad;
}

/** Why monotony, strain or a ratio could not be computed. */
export type LoadUnavailableReason = 'insufficient-history' | 'too-many-missing-days' | 'no-variation' | 'zero-chronic-load';

/** Sentences for the coach, one per reason. */
export const LOAD_UNAVAILABLE_MESSAGES: Readonly<Record<LoadUnavailableReason, string>> = {
  'insufficient-history': 'Not enough history yet: rolling ratios need 28 days of loads.',
  'too-many-missing-days': 'Too many days without a record in this window (more than 10%) to compute it.',
  'no-variation': 'Every day had the same load, so monotony is undefined (shown as n/a).',
  'zero-chronic-load': 'The chronic load is zero, so the ratio is undefined.',
};

/** Monotony and strain of one week (REFERENCE.md §4.2). */
export type MonotonyResult = {
  readonly weeklyLoad: number;
  readonly meanDailyLoad: number;
  readonly sdDailyLoad: number;
  readonly sdConvention: SdConvention;
} & (
  | { readonly monotony: number; readonly strain: number; readonly reason: null }
  | { readonly monotony: null; readonly strain: null; readonly reason: 'no-variation' | 'too-many-missing-days' }
);

/**
 * Monotony = mean/SD of the 7 daily totals (rest days 0) and strain = weekly load × monotony
 * (Foster 1998; REFERENCE.md §4.2). The SD convention is explicit, sample by default. SD = 0 gives
 * null with reason 'no-variation', never Infinity; more than 10% missing days gives null.
 */
export function monotonyAndStrain(
  week: readonly DayLoad[],
  options: { readonly sd?: SdConvention; readonly maxMissingFraction?: number } = {},
): MonotonyResult {
  const sdConvention = options.sd ?? 'sample';
  const maxMissing = requireFraction(options.maxMissingFraction ?? MAX_MISSING_FRACTION_DEFAULT, 'Allowed share of missing days');
  const { load } = weeklyLoad(week);
  const values = week.map((l) => l ?? 0);
  const base = { weeklyLoad: load, meanDailyLoad: mean(values), sdDailyLoad: standardDeviation(values, sdConvention), sdConvention };
  if (tooManyMissing(week, maxMissing)) return { ...base, monotony: null, strain: null, reason: 'too-many-missing-days' };
  if (base.sdDailyLoad === 0) return { ...base, monotony: null, strain: null, reason: 'no-variation' };
  const monotony = base.meanDailyLoad / base.sdDailyLoad;
  return { ...base, monotony, strain: load * monotony, reason: null };
}

/** Strain = weekly load × monotony (Foster 1998; REFERENCE.md §4.2). */
export function strain(weeklyLoadAu: number, monotony: number): number {
  requireNonNegative(weeklyLoadAu, 'Weekly load');
  requireNonNegative(monotony, 'Monotony');
  return weeklyLoadAu * monotony;
}

/** EWMA decay λ = 2/(N + 1) for a window of N days: 0.25 for 7, 0.0690 for 28 (Williams 2017; REFERENCE.md §4.3). */
export function ewmaLambda(windowDays: number): number {
  requireIntegerInRange(windowDays, 1, 365, 'EWMA window (days)');
  return 2 / (windowDays + 1);
}

/**
 * How the EWMA starts (REFERENCE.md §4.3): 'first' sets EWMA₀ = L₀ (R package ACWR, the app
 * default); 'zero' sets EWMA₋₁ = 0, so EWMA₀ = λ·L₀.
 */
export type EwmaSeed = 'first' | 'zero';

/**
 * EWMA of daily loads, EWMA_t = λ·L_t + (1 − λ)·EWMA_(t−1) with λ = 2/(N + 1), one value per day
 * (Williams 2017; REFERENCE.md §4.3). Missing days count as 0.
 */
export function ewmaSeries(loads: readonly DayLoad[], windowDays: number, seed: EwmaSeed = 'first'): number[] {
  checkLoads(loads, 'Daily load');
  const lambda = ewmaLambda(windowDays);
  const out: number[] = [];
  let previous = 0;
  loads.forEach((l, t) => {
    const load = l ?? 0;
    // e + λ(L − e) is the same recursion, written so that a constant series stays exactly constant.
    previous = t === 0 && seed === 'first' ? load : previous + lambda * (load - previous);
    out.push(previous);
  });
  return out;
}

/** A ratio, or why there is none. */
export type RatioResult =
  | { readonly value: number; readonly reason: null }
  | { readonly value: null; readonly reason: 'insufficient-history' | 'too-many-missing-days' | 'zero-chronic-load' };

/** Options for the acute:chronic workload ratio (REFERENCE.md §4.3, §8). */
export interface AcwrOptions {
  /** EWMA seed, 'first' by default. */
  readonly seed?: EwmaSeed;
  /** Largest share of a window that may be missing, 0.1 by default. */
  readonly maxMissingFraction?: number;
}

/** The acute:chronic picture on the last day of the series (REFERENCE.md §4.3). */
export interface AcwrResult {
  /** Days in the series, oldest first, ending today. */
  readonly daysOfData: number;
  /** True until 28 days of data exist: EWMA values are shown as "warming up". */
  readonly warmingUp: boolean;
  /** Sum of the last 7 days (AU); null with fewer than 7 days. */
  readonly acuteSum: number | null;
  /** Mean of the last 7 days; null with fewer than 7 days. */
  readonly acuteMean: number | null;
  /** Mean of the last 28 days (acute week included); null with fewer than 28 days. */
  readonly chronicMeanCoupled: number | null;
  /** Mean of the 21 days before the acute week (days t−27..t−7); null with fewer than 28 days. */
  readonly chronicMeanUncoupled: number | null;
  /** mean(L[t−6..t]) / mean(L[t−27..t]) = 7-day sum / (28-day sum / 4). */
  readonly rollingCoupled: RatioResult;
  /** mean(L[t−6..t]) / mean(L[t−27..t−7]). */
  readonly rollingUncoupled: RatioResult;
  readonly seed: EwmaSeed;
  readonly lambdaAcute: number;
  readonly lambdaChronic: number;
  /** Acute EWMA (N = 7) today. */
  readonly ewmaAcute: number;
  /** Chronic EWMA (N = 28) today. */
  readonly ewmaChronic: number;
  /** ewmaAcute / ewmaChronic; present during warm-up (check `warmingUp`). */
  readonly ewmaRatio: RatioResult;
}

function lastOf(series: readonly number[]): number {
  const last = series[series.length - 1];
  if (last === undefined) throw new RangeError('At least one day of loads is needed (got none).');
  return last;
}

function ratio(numerator: number, denominator: number): RatioResult {
  return denominator === 0 ? { value: null, reason: 'zero-chronic-load' } : { value: numerator / denominator, reason: null };
}

/**
 * Acute:chronic workload ratio on the last day of a daily series, oldest first: rolling coupled,
 * rolling uncoupled and EWMA (N = 7 and 28) side by side (REFERENCE.md §4.3). Rolling ratios are
 * null with fewer than 28 days; any ratio is null when more than 10% of a window it uses is missing
 * (the acute week, and the 28-day or 21-day chronic window). Read ACWR_CAVEATS before showing it.
 */
export function acuteChronicWorkloadRatio(loads: readonly DayLoad[], options: AcwrOptions = {}): AcwrResult {
  if (loads.length === 0) throw new RangeError('Acute:chronic ratio: at least one day of loads is needed (got none).');
  checkLoads(loads, 'Daily load');
  const seed = options.seed ?? 'first';
  const maxMissing = requireFraction(options.maxMissingFraction ?? MAX_MISSING_FRACTION_DEFAULT, 'Allowed share of missing days');
  const n = loads.length;

  const acuteWindow = loads.slice(-ACUTE_WINDOW_DAYS);
  const chronicWindow = loads.slice(-CHRONIC_WINDOW_DAYS);
  const uncoupledWindow = n >= CHRONIC_WINDOW_DAYS ? loads.slice(n - CHRONIC_WINDOW_DAYS, n - ACUTE_WINDOW_DAYS) : [];
  const acuteMissing = tooManyMissing(acuteWindow, maxMissing);

  const acuteSum = n >= ACUTE_WINDOW_DAYS ? sumLoads(acuteWindow) : null;
  const acuteMean = acuteSum === null ? null : acuteSum / ACUTE_WINDOW_DAYS;
  const enoughHistory = n >= CHRONIC_WINDOW_DAYS;
  const chronicMeanCoupled = enoughHistory ? sumLoads(chronicWindow) / CHRONIC_WINDOW_DAYS : null;
  const chronicMeanUncoupled = enoughHistory ? sumLoads(uncoupledWindow) / uncoupledWindow.length : null;

  const rolling = (chronicMean: number | null, window: readonly DayLoad[]): RatioResult => {
    if (acuteMean === null || chronicMean === null) return { value: null, reason: 'insufficient-history' };
    if (acuteMissing || tooManyMissing(window, maxMissing)) return { value: null, reason: 'too-many-missing-days' };
    return ratio(acuteMean, chronicMean);
  };

  const ewmaAcute = lastOf(ewmaSeries(loads, ACUTE_WINDOW_DAYS, seed));
  const ewmaChronic = lastOf(ewmaSeries(loads, CHRONIC_WINDOW_DAYS, seed));
  const ewmaRatio: RatioResult =
    acuteMissing || tooManyMissing(chronicWindow, maxMissing)
      ? { value: null, reason: 'too-many-missing-days' }
      : ratio(ewmaAcute, ewmaChronic);

  return {
    daysOfData: n,
    warmingUp: n < CHRONIC_WINDOW_DAYS,
    acuteSum,
    acuteMean,
    chronicMeanCoupled,
    chronicMeanUncoupled,
    rollingCoupled: rolling(chronicMeanCoupled, chronicWindow),
    rollingUncoupled: rolling(chronicMeanUncoupled, uncoupledWindow),
    seed,
    lambdaAcute: ewmaLambda(ACUTE_WINDOW_DAYS),
    lambdaChronic: ewmaLambda(CHRONIC_WINDOW_DAYS),
    ewmaAcute,
    ewmaChronic,
    ewmaRatio,
  };
}

/** Configurable ACWR bands; the app ships them switched off (REFERENCE.md §4.3, §4.4). */
export interface AcwrBands {
  /** Below this: 'below usual'. */
  readonly low: number;
  /** Up to and including this: 'usual range'. */
  readonly high: number;
  /** From this up: 'well above usual'; between high and this: 'rising faster than usual'. */
  readonly veryHigh: number;
}

/** The commonly quoted bands: 0.8–1.3 "sweet spot", ≥ 1.5 "danger zone" (Gabbett 2016; REFERENCE.md §4.3). */
export const GABBETT_2016_BANDS: AcwrBands = { low: 0.8, high: 1.3, veryHigh: 1.5 };

/** Neutral band words (REFERENCE.md §4.4: "load rising faster than usual", never "injury risk"). */
export type AcwrBand = 'below usual' | 'usual range' | 'rising faster than usual' | 'well above usual';

/** Place a ratio in configurable bands: < low, low–high inclusive, (high, veryHigh), ≥ veryHigh (REFERENCE.md §4.3). */
export function acwrBand(acwr: number, bands: AcwrBands = GABBETT_2016_BANDS): AcwrBand {
  requireNonNegative(acwr, 'Acute:chronic ratio');
  if (!(bands.low <= bands.high && bands.high <= bands.veryHigh)) {
    throw new RangeError('ACWR bands must be in order: low ≤ high ≤ very high.');
  }
  if (acwr < bands.low) return 'below usual';
  if (acwr <= bands.high) return 'usual range';
  if (acwr < bands.veryHigh) return 'rising faster than usual';
  return 'well above usual';
}

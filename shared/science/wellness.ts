/**
 * McLean wellness questionnaire and the app's warning flags (REFERENCE.md §6.3).
 * Five items scored 1–5, higher = better; total 5–25.
 */
import { requireFinite, requireIntegerInRange } from './guards';
import { mean, sampleSd } from './stats';

/** The five McLean et al. (2010) items, each 1–5, higher = better. */
export interface WellnessItems {
  readonly fatigue: number;
  readonly sleepQuality: number;
  readonly muscleSoreness: number;
  readonly stress: number;
  readonly mood: number;
}

export type WellnessItem = keyof WellnessItems;

/** Item labels for forms and flags. */
export const WELLNESS_ITEM_LABELS: Readonly<Record<WellnessItem, string>> = {
  fatigue: 'Fatigue',
  sleepQuality: 'Sleep quality',
  muscleSoreness: 'General muscle soreness',
  stress: 'Stress',
  mood: 'Mood',
};

const ITEMS = Object.keys(WELLNESS_ITEM_LABELS) as WellnessItem[];

/** Shown beside wellness flags (REFERENCE.md §6.3). */
export const WELLNESS_CAVEAT =
  'These flags are heuristics: no validated cut-offs exist. They are suggestions to look closer, not diagnoses, ' +
  'and a deload is recommended only when two or more independent signals agree; the coach decides.';

/** Flag settings (REFERENCE.md §6.3, §8). */
export interface WellnessFlagOptions {
  /** Fewest recorded baseline days before a z-score is given; 14 by default. */
  readonly minBaselineDays?: number;
  /** Baseline window: the days before today that are used; 28 by default. */
  readonly baselineWindowDays?: number;
  /** Flag when z ≤ this; −1.0 by default. */
  readonly zThreshold?: number;
  /** Flag when any item ≤ this; 2 by default. */
  readonly itemThreshold?: number;
}

export const WELLNESS_DEFAULTS: Required<WellnessFlagOptions> = {
  minBaselineDays: 14,
  baselineWindowDays: 28,
  zThreshold: -1.0,
  itemThreshold: 2,
};

/** Consecutive flagged days that make a wellness signal (REFERENCE.md §6.3). */
export const WELLNESS_CONSECUTIVE_DAYS_DEFAULT = 2;

/** Total of the five items, 5–25 (McLean 2010; REFERENCE.md §6.3). Each item must be a whole number 1–5. */
export function wellnessTotal(items: WellnessItems): number {
  let total = 0;
  for (const item of ITEMS) total += requireIntegerInRange(items[item], 1, 5, WELLNESS_ITEM_LABELS[item]);
  return total;
}

/** One day's wellness against the athlete's own baseline. */
export interface WellnessAssessment {
  readonly total: number;
  /** Recorded days in the baseline window. */
  readonly baselineDays: number;
  /** Mean and sample SD of the baseline totals; null with fewer than minBaselineDays. */
  readonly baselineMean: number | null;
  readonly baselineSd: number | null;
  /** (total − baseline mean)/baseline SD; null with a short baseline or SD 0 (see zReason). */
  readonly z: number | null;
  readonly zReason: 'insufficient-baseline' | 'no-variation' | null;
  /** 100 × total / baseline mean. */
  readonly percentOfBaseline: number | null;
  /** Items at or below the item threshold. */
  readonly lowItems: readonly WellnessItem[];
  /** z ≤ zThreshold. */
  readonly flagZ: boolean;
  /** Any item ≤ itemThreshold. */
  readonly flagItem: boolean;
  /** flagZ or flagItem. */
  readonly flagged: boolean;
}

function resolve(options: WellnessFlagOptions): Required<WellnessFlagOptions> {
  // Field by field with ??, so that an option passed as undefined falls back to its default.
  const o = {
    minBaselineDays: options.minBaselineDays ?? WELLNESS_DEFAULTS.minBaselineDays,
    baselineWindowDays: options.baselineWindowDays ?? WELLNESS_DEFAULTS.baselineWindowDays,
    zThreshold: options.zThreshold ?? WELLNESS_DEFAULTS.zThreshold,
    itemThreshold: options.itemThreshold ?? WELLNESS_DEFAULTS.itemThreshold,
  };
  requireIntegerInRange(o.baselineWindowDays, 2, 365, 'Baseline window (days)');
  requireIntegerInRange(o.minBaselineDays, 2, o.baselineWindowDays, 'Fewest baseline days');
  requireFinite(o.zThreshold, 'z threshold');
  requireIntegerInRange(o.itemThreshold, 1, 5, 'Item threshold');
  return o;
}

/**
 * Today's total against the athlete's own rolling baseline (REFERENCE.md §6.3): z of the total
 * against the mean and sample SD of the recorded totals in the last `baselineWindowDays` days
 * before today (oldest first; null = no questionnaire that day), flag z ≤ −1.0 or any item ≤ 2.
 */
export function assessWellness(
  today: WellnessItems,
  baselineTotals: readonly (number | null)[],
  options: WellnessFlagOptions = {},
): WellnessAssessment {
  const o = resolve(options);
  const total = wellnessTotal(today);
  const baseline = baselineTotals
    .slice(-o.baselineWindowDays)
    .filter((t): t is number => t !== null)
    .map((t, i) => requireIntegerInRange(t, 5, 25, `Baseline wellness total ${i + 1}`));
  const lowItems = ITEMS.filter((item) => today[item] <= o.itemThreshold);
  const flagItem = lowItems.length > 0;
  const common = { total, baselineDays: baseline.length, lowItems, flagItem };
  if (baseline.length < o.minBaselineDays) {
    return { ...common, baselineMean: null, baselineSd: null, z: null, zReason: 'insufficient-baseline', percentOfBaseline: null, flagZ: false, flagged: flagItem };
  }
  const baselineMean = mean(baseline);
  const baselineSd = sampleSd(baseline);
  const percentOfBaseline = (100 * total) / baselineMean;
  if (baselineSd === 0) {
    return { ...common, baselineMean, baselineSd, z: null, zReason: 'no-variation', percentOfBaseline, flagZ: false, flagged: flagItem };
  }
  const z = (total - baselineMean) / baselineSd;
  const flagZ = z <= o.zThreshold;
  return { ...common, baselineMean, baselineSd, z, zReason: null, percentOfBaseline, flagZ, flagged: flagZ || flagItem };
}

/** Number of consecutive flagged days ending with the last day (0 if the last day is not flagged) (REFERENCE.md §6.3). */
export function consecutiveFlaggedDays(flags: readonly boolean[]): number {
  let run = 0;
  for (let i = flags.length - 1; i >= 0 && flags[i] === true; i--) run++;
  return run;
}

/** One calendar day of a wellness series. */
export interface WellnessDay {
  /** Null when no questionnaire was filled in that day. */
  readonly assessment: WellnessAssessment | null;
  /** Consecutive flagged days ending this day; a day without a questionnaire breaks the run. */
  readonly consecutiveFlaggedDays: number;
  /** consecutiveFlaggedDays ≥ the signal length (2 by default). */
  readonly signal: boolean;
}

/**
 * Assess every day of an athlete's wellness series (one entry per calendar day, oldest first; null
 * = no questionnaire), each against the days before it, and count consecutive flagged days
 * (REFERENCE.md §6.3).
 */
export function assessWellnessSeries(
  days: readonly (WellnessItems | null)[],
  options: WellnessFlagOptions & { readonly consecutiveDaysForSignal?: number } = {},
): WellnessDay[] {
  const signalDays = requireIntegerInRange(options.consecutiveDaysForSignal ?? WELLNESS_CONSECUTIVE_DAYS_DEFAULT, 1, 28, 'Consecutive days for a signal');
  const totals = days.map((d) => (d === null ? null : wellnessTotal(d)));
  let run = 0;
  return days.map((items, i) => {
    const assessment = items === null ? null : assessWellness(items, totals.slice(0, i), options);
    run = assessment?.flagged ? run + 1 : 0;
    return { assessment, consecutiveFlaggedDays: run, signal: run >= signalDays };
  });
}


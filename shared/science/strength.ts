/**
 * Strength: estimated 1RM, RPE/RIR and percent-based loading, weekly progression, plate rounding
 * (REFERENCE.md §5; kg↔lb is in shared/units.ts). Loads are in kilograms unless a name says otherwise; the rounding
 * functions work in whatever unit their equipment steps are given in.
 */
import { requireInRange, requireIntegerInRange, requireNonNegative, requirePositive } from './guards';

/** The e1RM formulas of REFERENCE.md §5.1. */
export type E1rmFormula = 'epley' | 'brzycki' | 'lander' | 'lombardi' | 'mayhew' | 'oconner' | 'wathan';

/** Names to show in a formula picker (REFERENCE.md §5.1). */
export const E1RM_FORMULA_NAMES: Readonly<Record<E1rmFormula, string>> = {
  epley: 'Epley',
  brzycki: 'Brzycki',
  lander: 'Lander',
  lombardi: 'Lombardi',
  mayhew: 'Mayhew',
  oconner: 'O\u2019Conner',
  wathan: 'Wathan',
};

/** Default formula (REFERENCE.md §5.1, §8). */
export const E1RM_FORMULA_DEFAULT: E1rmFormula = 'epley';

/** Estimates get worse above this many reps, and the app warns (REFERENCE.md §5.1). */
export const E1RM_WARN_ABOVE_REPS = 10;

/** Most reps accepted for an estimate (Brzycki and Lander break down near 37). */
export const E1RM_MAX_REPS = 30;

/** Shown with an estimated 1RM (REFERENCE.md §5.1). */
export const E1RM_CAVEAT =
  'Estimates get worse above about 10 reps; use sets of 3–8 reps to failure or at RPE 8 or more. Keep one ' +
  'formula per athlete and exercise so that trends are comparable.';

/** Shown with the RPE chart (REFERENCE.md §5.3). */
export const RPE_CHART_CAVEAT =
  'RTS-style chart: practitioner-derived, not a peer-reviewed table, and versions differ by 1–2 points. ' +
  'Novices under-rate how close they are to failure; for high-school runners prescribe RIR 2–4.';

/** The raw formula value of REFERENCE.md §5.1 for `load` × `reps`, with no n = 1 special case. */
export function e1rmByFormula(load: number, reps: number, formula: E1rmFormula): number {
  requirePositive(load, 'Load');
  requireIntegerInRange(reps, 1, E1RM_MAX_REPS, 'Reps for an estimated 1RM');
  switch (formula) {
    case 'epley':
      return load * (1 + reps / 30);
    case 'brzycki':
      return (load * 36) / (37 - reps);
    case 'lander':
      return (100 * load) / (101.3 - 2.67123 * reps);
    case 'lombardi':
      return load * reps ** 0.1;
    case 'mayhew':
      return (100 * load) / (52.2 + 41.9 * Math.exp(-0.055 * reps));
    case 'oconner':
      return load * (1 + 0.025 * reps);
    case 'wathan':
      return (100 * load) / (48.8 + 53.8 * Math.exp(-0.075 * reps));
  }
}

/** An estimated 1RM as the app uses it. */
export interface OneRepMaxEstimate {
  /** Same unit as the load. */
  readonly e1rm: number;
  readonly formula: E1rmFormula;
  readonly reps: number;
  /** True above 10 reps: the estimate is unreliable (REFERENCE.md §5.1). */
  readonly highRepWarning: boolean;
}

/** Estimated 1RM with the app's conventions: a single rep is the 1RM itself, warn above 10 reps (REFERENCE.md §5.1). */
export function estimateOneRepMax(load: number, reps: number, formula: E1rmFormula = E1RM_FORMULA_DEFAULT): OneRepMaxEstimate {
  const raw = e1rmByFormula(load, reps, formula);
  return { e1rm: reps === 1 ? load : raw, formula, reps, highRepWarning: reps > E1RM_WARN_ABOVE_REPS };
}

/** An RPE chart: fraction of 1RM keyed by reps + RIR written as a number ("7", "7.5"). Coaches may edit it. */
export type RpeChart = Readonly<Record<string, number>>;

/** RTS-style %1RM chart keyed by reps + RIR, as fractions (REFERENCE.md §5.3; same as the vector inputs). */
export const RTS_STYLE_RPE_CHART: RpeChart = {
  '1': 1.0, '1.5': 0.978, '2': 0.955, '2.5': 0.939, '3': 0.922, '3.5': 0.907, '4': 0.892, '4.5': 0.878,
  '5': 0.863, '5.5': 0.85, '6': 0.837, '6.5': 0.824, '7': 0.811, '7.5': 0.799, '8': 0.786, '8.5': 0.774,
  '9': 0.762, '9.5': 0.751, '10': 0.739, '10.5': 0.723, '11': 0.707, '11.5': 0.694, '12': 0.68, '12.5': 0.667,
  '13': 0.653, '13.5': 0.64, '14': 0.626, '14.5': 0.613, '15': 0.599, '15.5': 0.586, '16': 0.572,
};

function requireRpe(rpe: number): number {
  requireInRange(rpe, 0, 10, 'RPE');
  if (!Number.isInteger(rpe * 2)) throw new RangeError(`RPE is rated in whole or half points (got ${rpe}).`);
  return rpe;
}

/** Reps in reserve for an RIR-based RPE: RIR = 10 − RPE (Zourdos 2016; REFERENCE.md §5.3). */
export function rirFromRpe(rpe: number): number {
  return 10 - requireRpe(rpe);
}

/**
 * Fraction of 1RM for `reps` at `rpe`: chart[reps + (10 − RPE)] (REFERENCE.md §5.3). Null when
 * reps + RIR is not on the chart (beyond 16 on the default chart).
 */
export function oneRmFractionFromRpe(reps: number, rpe: number, chart: RpeChart = RTS_STYLE_RPE_CHART): number | null {
  requireIntegerInRange(reps, 1, E1RM_MAX_REPS, 'Reps');
  const key = String(reps + rirFromRpe(rpe));
  const fraction = Object.hasOwn(chart, key) ? chart[key] : undefined;
  if (fraction === undefined) return null;
  if (!(fraction > 0 && fraction <= 1)) {
    throw new RangeError(`The RPE chart value for reps + RIR = ${key} must be a fraction of 1RM above 0 and at most 1 (got ${fraction}).`);
  }
  return fraction;
}

/** Unrounded load for `reps` at `rpe` from a 1RM: 1RM × chart fraction; null when off the chart (REFERENCE.md §5.3). */
export function loadForRpe(oneRm: number, reps: number, rpe: number, chart: RpeChart = RTS_STYLE_RPE_CHART): number | null {
  requirePositive(oneRm, '1RM');
  const fraction = oneRmFractionFromRpe(reps, rpe, chart);
  return fraction === null ? null : oneRm * fraction;
}

/** e1RM from a set rated by RPE: load / chart fraction; null when off the chart (REFERENCE.md §5.3). */
export function e1rmFromRpeSet(load: number, reps: number, rpe: number, chart: RpeChart = RTS_STYLE_RPE_CHART): number | null {
  requirePositive(load, 'Load');
  const fraction = oneRmFractionFromRpe(reps, rpe, chart);
  return fraction === null ? null : load / fraction;
}

/** NSCA reps–%1RM table as fractions of 1RM (Baechle & Earle; REFERENCE.md §5.2). 13 and 14 reps are not in the table. */
export const NSCA_ONE_RM_FRACTION_BY_REPS: Readonly<Record<number, number>> = {
  1: 1.0, 2: 0.95, 3: 0.93, 4: 0.9, 5: 0.87, 6: 0.85, 7: 0.83, 8: 0.8, 9: 0.77, 10: 0.75, 11: 0.7, 12: 0.67, 15: 0.65,
};

/** Fraction of 1RM for a number of reps from the NSCA table; null when the table has no row (REFERENCE.md §5.2). */
export function nscaOneRmFraction(reps: number): number | null {
  requireIntegerInRange(reps, 1, E1RM_MAX_REPS, 'Reps');
  return NSCA_ONE_RM_FRACTION_BY_REPS[reps] ?? null;
}

// ---- rounding to what the gym can load ----

/** 'nearest' rounds exact halves up; 'down' never rounds up (safer near the 1RM) (REFERENCE.md §5.6). */
export type RoundingMode = 'nearest' | 'down';

/** Loads a piece of equipment can make: minimum, minimum + increment, minimum + 2 × increment, … */
export interface EquipmentSteps {
  /** The smallest step: a pair of the smallest plates for a barbell, the dumbbell spacing otherwise. */
  readonly increment: number;
  /** The lightest possible load: the empty bar, or the lightest dumbbell. */
  readonly minimum: number;
}

/** Barbell in kg: 20 kg bar, 2 × 1.25 kg plates (REFERENCE.md §5.6; DOMAIN.md "Loads on the sheet"). */
export const BARBELL_KG: EquipmentSteps = { increment: 2.5, minimum: 20 };
/** Barbell in lb: 45 lb bar, 2 × 2.5 lb plates. */
export const BARBELL_LB: EquipmentSteps = { increment: 5, minimum: 45 };
/** Dumbbells and kettlebells in kg: 2 kg steps from 2 kg. */
export const DUMBBELL_KG: EquipmentSteps = { increment: 2, minimum: 2 };
/** Dumbbells and kettlebells in lb: 5 lb steps from 5 lb. */
export const DUMBBELL_LB: EquipmentSteps = { increment: 5, minimum: 5 };

// Float division can leave a whole or half step a hair off (e.g. 2.9999999999999996); anything
// within a billionth of a step is treated as on it, so rounding is idempotent.
const STEP_SNAP = 1e-9;
function snapToInteger(q: number): number {
  const nearest = Math.round(q);
  return Math.abs(q - nearest) < STEP_SNAP ? nearest : q;
}

/**
 * Round to a multiple of `increment`: nearest = inc × floor(x/inc + 0.5), halves always up, never
 * banker's rounding; down = inc × floor(x/inc) (REFERENCE.md §5.6). `value` ≥ 0.
 */
export function roundToIncrement(value: number, increment: number, mode: RoundingMode = 'nearest'): number {
  requireNonNegative(value, 'Load');
  requirePositive(increment, 'Rounding increment');
  const q = value / increment;
  const steps = mode === 'nearest' ? Math.floor(snapToInteger(q + 0.5)) : Math.floor(snapToInteger(q));
  return steps * increment;
}

/** A load rounded to what the equipment can make. */
export interface RoundedLoad {
  readonly load: number;
  /** True when the prescription was below the equipment's minimum (e.g. the empty bar) and was raised to it. */
  readonly raisedToMinimum: boolean;
}

/**
 * Round a load to the equipment's steps, never below its minimum (REFERENCE.md §5.6). Steps count
 * from the minimum, so a 20 kg bar with 2.5 kg steps gives the same loads as inc × floor(x/inc + 0.5).
 */
export function roundLoad(value: number, equipment: EquipmentSteps, mode: RoundingMode = 'nearest'): RoundedLoad {
  requireNonNegative(value, 'Load');
  requireNonNegative(equipment.minimum, 'Lightest load of the equipment');
  requirePositive(equipment.increment, 'Equipment step');
  if (value < equipment.minimum) return { load: equipment.minimum, raisedToMinimum: true };
  return { load: equipment.minimum + roundToIncrement(value - equipment.minimum, equipment.increment, mode), raisedToMinimum: false };
}

// ---- progression ----

/** Default weekly progression for main lifts: +2.5% (REFERENCE.md §5.4, §8). */
export const WEEKLY_PROGRESSION_DEFAULT = 0.025;

/** Shown with the progression setting (REFERENCE.md §5.4). */
export const PROGRESSION_NOTE =
  'Loads are planned from the unrounded series and rounded each week; compounding on last week\u2019s rounded ' +
  'load can stall forever (40 kg × 1.025 = 41 kg rounds back to 40 kg). The 2–5% per week range is a ' +
  'practitioner convention, not a trial result.';

/** Unrounded load in week `week` (1-based): base × (1 + rate)^(week − 1) (REFERENCE.md §5.4; DOMAIN.md). */
export function plannedLoad(baseLoad: number, weeklyRate: number, week: number): number {
  requireNonNegative(baseLoad, 'Starting load');
  requireInRange(weeklyRate, -0.5, 0.5, 'Weekly progression');
  requireIntegerInRange(week, 1, 104, 'Week');
  return baseLoad * (1 + weeklyRate) ** (week - 1);
}

/** One week of a progression plan. */
export interface ProgressionWeek {
  /** 1-based week of the block. */
  readonly week: number;
  /** base × (1 + rate)^(week − 1), never rounded. */
  readonly unroundedLoad: number;
  /** The unrounded load rounded to the equipment. */
  readonly load: number;
  readonly raisedToMinimum: boolean;
}

/** Weekly loads for weeks 1…`weeks`, each rounded from the unrounded plan, never from last week's rounded load (REFERENCE.md §5.4). */
export function progressionPlan(
  baseLoad: number,
  weeklyRate: number,
  weeks: number,
  equipment: EquipmentSteps,
  mode: RoundingMode = 'nearest',
): ProgressionWeek[] {
  requireIntegerInRange(weeks, 1, 104, 'Number of weeks');
  return Array.from({ length: weeks }, (_, i) => {
    const unroundedLoad = plannedLoad(baseLoad, weeklyRate, i + 1);
    const rounded = roundLoad(unroundedLoad, equipment, mode);
    return { week: i + 1, unroundedLoad, load: rounded.load, raisedToMinimum: rounded.raisedToMinimum };
  });
}

/**
 * Limb symmetry and inter-limb asymmetry for single-leg jumps, hops and balance
 * (REFERENCE.md §1.7, §7.2). Scores are in the test's unit (cm, s); both limbs ≥ 0.
 */
import { requireNonNegative, requirePositive } from './guards';

export type Limb = 'left' | 'right';

/** Shown wherever an asymmetry is displayed (REFERENCE.md §1.7 "Caveats", §7.2). */
export const ASYMMETRY_CAVEAT =
  'Which leg is better often flips between sessions, so the side is shown separately from the size. ' +
  'An asymmetry is only real if it is larger than the test\u2019s own trial-to-trial variability, and the ' +
  'common 10–15% flag is a convention, not a validated cut-off.';

/** Default asymmetry flag, in percent: a convention at the low end of the 10–15% range (REFERENCE.md §1.7). */
export const ASYMMETRY_FLAG_PERCENT_DEFAULT = 10;

/** Limb symmetry index, 100 × involved / uninvolved, rehab convention (REFERENCE.md §1.7). */
export function limbSymmetryIndex(involved: number, uninvolved: number): number {
  requireNonNegative(involved, 'Involved-limb score');
  requirePositive(uninvolved, 'Uninvolved-limb score');
  return (100 * involved) / uninvolved;
}

/** Asymmetry relative to the stronger limb, with the side stored apart from the size (REFERENCE.md §1.7). */
export interface LimbAsymmetry {
  /** 100 × (larger − smaller) / larger, always ≥ 0 (Bishop et al. 2016, 2018). */
  readonly asymmetryPercent: number;
  /** The limb with the better score (the larger one if higher is better); null when they are equal. */
  readonly betterLimb: Limb | null;
}

/**
 * Asymmetry % relative to the stronger limb, 100 × (max − min)/max, and which limb is better
 * (Bishop et al. 2016; REFERENCE.md §1.7). For lower-is-better tests (e.g. sway) the better limb
 * is the one with the smaller score; the size uses the same formula. Null when both scores are 0.
 */
export function limbAsymmetry(left: number, right: number, options: { readonly higherIsBetter?: boolean } = {}): LimbAsymmetry | null {
  requireNonNegative(left, 'Left-limb score');
  requireNonNegative(right, 'Right-limb score');
  const larger = Math.max(left, right);
  if (larger === 0) return null;
  const smaller = Math.min(left, right);
  const higherIsBetter = options.higherIsBetter ?? true;
  let betterLimb: Limb | null = null;
  if (left !== right) betterLimb = (left > right) === higherIsBetter ? 'left' : 'right';
  // min() keeps float rounding (e.g. 100.00000000000001 when one limb is near 0) inside the 0–100 range.
  return { asymmetryPercent: Math.min(100, (100 * (larger - smaller)) / larger), betterLimb };
}

/** Asymmetry relative to the mean of both limbs, 100 × |L − R| / ((L + R)/2); null when both are 0 (REFERENCE.md §1.7). */
export function asymmetryOfMeanPercent(left: number, right: number): number | null {
  requireNonNegative(left, 'Left-limb score');
  requireNonNegative(right, 'Right-limb score');
  const meanOfLimbs = (left + right) / 2;
  return meanOfLimbs === 0 ? null : (100 * Math.abs(left - right)) / meanOfLimbs;
}

/**
 * Symmetry angle, (45° − atan(L/R)) / 90 × 100 (Zifchock et al. 2008; REFERENCE.md §1.7).
 * Signed: positive when the right score is larger, 0 for perfect symmetry, ±50 at most.
 * Null when both scores are 0.
 */
export function symmetryAnglePercent(left: number, right: number): number | null {
  requireNonNegative(left, 'Left-limb score');
  requireNonNegative(right, 'Right-limb score');
  if (left === 0 && right === 0) return null;
  const angleDeg = (Math.atan2(left, right) * 180) / Math.PI;
  return ((45 - angleDeg) / 90) * 100;
}

/** Whether an asymmetry is worth showing (REFERENCE.md §1.7 "Caveats"). */
export interface AsymmetryFlag {
  /** asymmetry% > threshold (strict: exactly 10% with a 10% threshold is not flagged, as LSI 90% passes). */
  readonly exceedsThreshold: boolean;
  /** asymmetry% > the test's CV% (Exell et al., in Bishop 2016); null when no CV is known. */
  readonly exceedsTestNoise: boolean | null;
  /** exceedsThreshold, and also exceedsTestNoise when a CV is known. */
  readonly flagged: boolean;
}

/** Flag an asymmetry above a threshold (10% default) and above the test's own CV (REFERENCE.md §1.7). */
export function asymmetryFlag(
  asymmetryPercent: number,
  options: { readonly thresholdPercent?: number; readonly testCvPercent?: number } = {},
): AsymmetryFlag {
  requireNonNegative(asymmetryPercent, 'Asymmetry');
  const threshold = requireNonNegative(options.thresholdPercent ?? ASYMMETRY_FLAG_PERCENT_DEFAULT, 'Asymmetry threshold');
  const exceedsThreshold = asymmetryPercent > threshold;
  const exceedsTestNoise =
    options.testCvPercent === undefined ? null : asymmetryPercent > requireNonNegative(options.testCvPercent, 'Test CV%');
  return { exceedsThreshold, exceedsTestNoise, flagged: exceedsThreshold && exceedsTestNoise !== false };
}

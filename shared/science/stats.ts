/**
 * Descriptive statistics and the standard normal distribution (REFERENCE.md §0 conventions).
 */
import { requireFinite, requireInRange, requireValues } from './guards';

/** Which standard deviation a calculation uses: sample (n − 1, the app default) or population (n). */
export type SdConvention = 'sample' | 'population';

/**
 * z for a two-sided 90% interval as REFERENCE.md writes it (§1.5 rule D: "z = 1.645 for 90%").
 * The vectors use this rounded value; the exact quantile is Φ⁻¹(0.95) = 1.6448536…
 */
export const Z_90 = 1.645;

/**
 * z for a two-sided 95% interval as REFERENCE.md writes it (§1.3 limits of agreement, MDC95).
 * The vectors use this rounded value; the exact quantile is Φ⁻¹(0.975) = 1.9599640…
 */
export const Z_95 = 1.96;

/** Arithmetic mean of at least one value (REFERENCE.md §0). */
export function mean(values: readonly number[]): number {
  requireValues(values, 1, 'Mean');
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

function sumOfSquaredDeviations(values: readonly number[]): number {
  const m = mean(values);
  let ss = 0;
  for (const v of values) ss += (v - m) * (v - m);
  return ss;
}

/** Sample standard deviation, n − 1 denominator, the app default; needs ≥ 2 values (REFERENCE.md §0). */
export function sampleSd(values: readonly number[]): number {
  requireValues(values, 2, 'Standard deviation');
  return Math.sqrt(sumOfSquaredDeviations(values) / (values.length - 1));
}

/** Population standard deviation, n denominator; needs ≥ 1 value (REFERENCE.md §0, §4.2). */
export function populationSd(values: readonly number[]): number {
  requireValues(values, 1, 'Standard deviation');
  return Math.sqrt(sumOfSquaredDeviations(values) / values.length);
}

/** Standard deviation under an explicit convention, sample by default (REFERENCE.md §0). */
export function standardDeviation(values: readonly number[], convention: SdConvention = 'sample'): number {
  return convention === 'sample' ? sampleSd(values) : populationSd(values);
}

/**
 * Standard normal cumulative distribution Φ(x) (used by REFERENCE.md §1.5 rule E).
 *
 * Hart (1968) algorithm 5666 in the double-precision form given by G. West (2005), "Better
 * approximations to cumulative normal functions", Wilmott Magazine: a rational approximation for
 * |x| < 7.07 and a continued fraction beyond. Absolute error below 1e-15 everywhere; relative
 * error of the lower tail below 1e-8 even at x = −9 (checked in the tests against erfc reference
 * values). Returns exactly 0 or 1 beyond |x| > 37.
 */
export function normalCdf(x: number): number {
  requireFinite(x, 'z');
  const ax = Math.abs(x);
  let tail: number; // Φ(−|x|)
  if (ax > 37) {
    tail = 0;
  } else {
    const e = Math.exp((-ax * ax) / 2);
    if (ax < 7.07106781186547) {
      let num = 3.52624965998911e-2 * ax + 0.700383064443688;
      num = num * ax + 6.37396220353165;
      num = num * ax + 33.912866078383;
      num = num * ax + 112.079291497871;
      num = num * ax + 221.213596169931;
      num = num * ax + 220.206867912376;
      let den = 8.83883476483184e-2 * ax + 1.75566716318264;
      den = den * ax + 16.064177579207;
      den = den * ax + 86.7807322029461;
      den = den * ax + 296.564248779674;
      den = den * ax + 637.333633378831;
      den = den * ax + 793.826512519948;
      den = den * ax + 440.413735824752;
      tail = (e * num) / den;
    } else {
      let cf = ax + 0.65;
      cf = ax + 4 / cf;
      cf = ax + 3 / cf;
      cf = ax + 2 / cf;
      cf = ax + 1 / cf;
      tail = e / cf / 2.506628274631;
    }
  }
  return x > 0 ? 1 - tail : tail;
}

// Acklam's rational approximation to the normal quantile (relative error < 1.15e-9).
const A = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239] as const;
const B = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1] as const;
const C = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783] as const;
const D = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416] as const;

function acklamLowerHalf(p: number): number {
  // p in (0, 0.5]
  if (p < 0.02425) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (
      (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5]) /
      ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1)
    );
  }
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q) /
    (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1)
  );
}

/**
 * Inverse standard normal CDF Φ⁻¹(p) for 0 < p < 1 (z of an interval, REFERENCE.md §1.3, §1.5).
 *
 * P. J. Acklam's rational approximation (relative error < 1.15e-9) followed by one Halley step
 * on `normalCdf`: relative error about 1e-15 for 1e-3 ≤ p ≤ 0.999 and below 1e-9 down to p = 1e-12
 * (checked in the tests against reference quantiles). The upper half is
 * computed as −Φ⁻¹(1 − p), which is exact in floating point for p ≥ 0.5.
 */
export function inverseNormalCdf(p: number): number {
  requireInRange(p, 0, 1, 'Probability');
  if (p === 0 || p === 1) throw new RangeError(`Probability must be strictly between 0 and 1 (got ${p}).`);
  if (p > 0.5) return -inverseNormalCdf(1 - p);
  const x = acklamLowerHalf(p);
  const err = normalCdf(x) - p;
  const u = err * Math.sqrt(2 * Math.PI) * Math.exp((x * x) / 2);
  return x - u / (1 + (x * u) / 2);
}

/** Exact z for a two-sided interval at `confidence` (0.90 → 1.6449, 0.95 → 1.9600), REFERENCE.md §1.5. */
export function twoSidedZ(confidence: number): number {
  requireInRange(confidence, 0, 1, 'Confidence level');
  if (confidence === 0 || confidence === 1) {
    throw new RangeError(`Confidence level must be strictly between 0 and 1 (got ${confidence}).`);
  }
  return inverseNormalCdf(0.5 + confidence / 2);
}

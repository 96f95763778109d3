/**
 * Squad comparison: z-scores, T-scores and the total score of athleticism (REFERENCE.md §1.8).
 */
import { requireFinite, requireNonNegative, requireValues } from './guards';
import { mean, sampleSd } from './stats';

/** Shown beside squad z- and T-scores (REFERENCE.md §1.8 "Caveats"). */
export const Z_SCORE_CAVEAT =
  'With fewer than about 10 athletes, z-scores swing when one athlete joins or leaves; a frozen ' +
  'reference (e.g. last season\u2019s squad) keeps them stable. Compare against sex-specific (and, for ' +
  'adolescents, age- or maturity-specific) references.';

/** The mean and SD a z-score is measured against: the current squad or a frozen reference. */
export interface ZReference {
  readonly mean: number;
  /** SD in the test's unit; sample SD when built from a squad. */
  readonly sd: number;
}

/** The squad's mean and sample SD as a z reference (REFERENCE.md §1.8). */
export function squadReference(values: readonly number[]): ZReference {
  requireValues(values, 2, 'Squad reference');
  return { mean: mean(values), sd: sampleSd(values) };
}

/**
 * z = (x − mean)/SD, multiplied by −1 for lower-is-better tests so that positive = better
 * (REFERENCE.md §1.8). Null when the reference SD is 0 (everyone scored the same).
 */
export function zScore(value: number, reference: ZReference, higherIsBetter = true): number | null {
  requireFinite(value, 'Score');
  requireFinite(reference.mean, 'Reference mean');
  requireNonNegative(reference.sd, 'Reference SD');
  if (reference.sd === 0) return null;
  const z = (value - reference.mean) / reference.sd;
  return higherIsBetter ? z : -z;
}

/**
 * z-scores of a whole squad against its own mean and sample SD, or against a frozen reference
 * (REFERENCE.md §1.8). Null when the SD is 0.
 */
export function squadZScores(
  values: readonly number[],
  options: { readonly higherIsBetter?: boolean; readonly reference?: ZReference } = {},
): number[] | null {
  const reference = options.reference ?? squadReference(values);
  const higherIsBetter = options.higherIsBetter ?? true;
  const scores: number[] = [];
  for (const v of values) {
    const z = zScore(v, reference, higherIsBetter);
    if (z === null) return null;
    scores.push(z);
  }
  return scores;
}

/** T = 50 + 10·z, which keeps printed sheets free of negative numbers (REFERENCE.md §1.8). */
export function tScore(z: number): number {
  requireFinite(z, 'z-score');
  return 50 + 10 * z;
}

/** Total score of athleticism for one athlete (REFERENCE.md §1.8). */
export interface TotalScoreOfAthleticism {
  /** Mean of the available z-scores; null when the athlete has none. */
  readonly score: number | null;
  /** How many tests contributed (missing tests are left out, not counted as 0). */
  readonly testsUsed: number;
}

/** Total score of athleticism: the mean of an athlete's z-scores across the battery (Turner et al. 2019; REFERENCE.md §1.8). */
export function totalScoreOfAthleticism(zScores: readonly (number | null)[]): TotalScoreOfAthleticism {
  const available = zScores.filter((z): z is number => z !== null);
  if (available.length === 0) return { score: null, testsUsed: 0 };
  return { score: mean(available), testsUsed: available.length };
}

/**
 * Single-leg balance: stork stand norms and the Y-Balance Test lower quarter (REFERENCE.md §7).
 * Times in seconds, reaches and limb length in cm.
 */
import { requireNonNegative, requirePositive } from './guards';

export type Sex = 'female' | 'male';

/** Stork-stand band for ages 16–19 (REFERENCE.md §7.1). */
export type StorkStandRating = 'excellent' | 'above average' | 'average' | 'below average' | 'poor';

/** Shown with stork-stand ratings (REFERENCE.md §7.1). */
export const STORK_STAND_CAVEAT =
  'Norms for ages 16–19 from Arnot & Gaines (1984), via Mackenzie (2005); the sample behind them is ' +
  'undocumented, so they are context only. Squad z-scores and each athlete\u2019s own change matter more.';

/** Shown with Y-Balance results (REFERENCE.md §7.3). */
export const Y_BALANCE_CAVEAT =
  'Screening flags, not injury predictions. The cut-offs come from the Star Excursion Balance Test in ' +
  'high-school basketball players (Plisky 2006; composite < 94% in girls) and later evidence is mixed. ' +
  'Inter-rater error for the anterior reach is about 3 cm, so a 4–5 cm difference is close to noise: ' +
  'use the best of 3 and the same tester.';

/**
 * Band edges in seconds (REFERENCE.md §7.1 table). Excellent is strictly above its cut; every other
 * band starts at its lower edge inclusive, so a time between printed whole-second bands (40.5 s
 * for a boy) falls in the lower band.
 */
export const STORK_STAND_BANDS_16_19: Readonly<
  Record<Sex, { readonly excellentAbove: number; readonly aboveAverageFrom: number; readonly averageFrom: number; readonly belowAverageFrom: number }>
> = {
  male: { excellentAbove: 50, aboveAverageFrom: 41, averageFrom: 31, belowAverageFrom: 20 },
  female: { excellentAbove: 30, aboveAverageFrom: 23, averageFrom: 16, belowAverageFrom: 10 },
};

/** Stork-stand rating for a 16–19-year-old from seconds held (Arnot & Gaines 1984; REFERENCE.md §7.1). */
export function storkStandRating(seconds: number, sex: Sex): StorkStandRating {
  requireNonNegative(seconds, 'Stork stand time');
  const b = STORK_STAND_BANDS_16_19[sex];
  if (seconds > b.excellentAbove) return 'excellent';
  if (seconds >= b.aboveAverageFrom) return 'above average';
  if (seconds >= b.averageFrom) return 'average';
  if (seconds >= b.belowAverageFrom) return 'below average';
  return 'poor';
}

/** Best-of-3 reaches of one stance limb, cm. */
export interface YBalanceReaches {
  /** ASIS to medial malleolus, measured supine. */
  readonly limbLengthCm: number;
  readonly anteriorCm: number;
  readonly posteromedialCm: number;
  readonly posterolateralCm: number;
}

/** One limb's normalised reaches and composite, in % of limb length. */
export interface YBalanceLimb {
  readonly anteriorPercent: number;
  readonly posteromedialPercent: number;
  readonly posterolateralPercent: number;
  /** 100 × (ANT + PM + PL) / (3 × limb length). */
  readonly compositePercent: number;
}

/** Normalised reach (100 × reach / limb length) and composite score of one limb (REFERENCE.md §7.3). */
export function yBalanceLimb(reaches: YBalanceReaches): YBalanceLimb {
  const length = requirePositive(reaches.limbLengthCm, 'Limb length');
  const a = requireNonNegative(reaches.anteriorCm, 'Anterior reach');
  const pm = requireNonNegative(reaches.posteromedialCm, 'Posteromedial reach');
  const pl = requireNonNegative(reaches.posterolateralCm, 'Posterolateral reach');
  return {
    anteriorPercent: (100 * a) / length,
    posteromedialPercent: (100 * pm) / length,
    posterolateralPercent: (100 * pl) / length,
    compositePercent: (100 * (a + pm + pl)) / (3 * length),
  };
}

/** Flag thresholds (Plisky 2006; REFERENCE.md §7.3, §8). */
export interface YBalanceThresholds {
  /** Flag when |right − left| anterior reach is strictly more than this, in cm; 4 by default. */
  readonly anteriorDifferenceCm?: number;
  /** Flag a limb whose composite is strictly below this, in %; 94 by default. */
  readonly compositePercent?: number;
}

/** Both limbs of a Y-Balance test with the screening flags. */
export interface YBalanceScreen {
  readonly left: YBalanceLimb;
  readonly right: YBalanceLimb;
  /** |right − left| anterior reach in cm (absolute, not normalised). */
  readonly anteriorDifferenceCm: number;
  /** Right composite − left composite, percentage points. */
  readonly compositeDifferencePoints: number;
  readonly flagAnteriorDifference: boolean;
  readonly flagLowCompositeLeft: boolean;
  readonly flagLowCompositeRight: boolean;
}

/** Y-Balance screen: composites, anterior difference > 4 cm flag, composite < 94% flag (REFERENCE.md §7.3). */
export function yBalanceScreen(
  limbs: { readonly left: YBalanceReaches; readonly right: YBalanceReaches },
  thresholds: YBalanceThresholds = {},
): YBalanceScreen {
  const maxDiff = requireNonNegative(thresholds.anteriorDifferenceCm ?? 4, 'Anterior difference threshold');
  const minComposite = requireNonNegative(thresholds.compositePercent ?? 94, 'Composite threshold');
  const left = yBalanceLimb(limbs.left);
  const right = yBalanceLimb(limbs.right);
  const anteriorDifferenceCm = Math.abs(limbs.right.anteriorCm - limbs.left.anteriorCm);
  return {
    left,
    right,
    anteriorDifferenceCm,
    compositeDifferencePoints: right.compositePercent - left.compositePercent,
    flagAnteriorDifference: anteriorDifferenceCm > maxDiff,
    flagLowCompositeLeft: left.compositePercent < minComposite,
    flagLowCompositeRight: right.compositePercent < minComposite,
  };
}

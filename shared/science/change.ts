/**
 * Re-test comparison: smallest worthwhile change, "is this change real" (rules A–E), percent
 * change conventions (REFERENCE.md §1.4–§1.6).
 *
 * Orientation: every test stores `higherIsBetter` (REFERENCE.md §0). "Better by" is the change
 * turned so that positive always means better (a faster sprint time gives a positive value).
 */
import { requireFinite, requireNonNegative, requirePositive, requireValues } from './guards';
import { Z_90, Z_95, mean, normalCdf, sampleSd } from './stats';
import type { MdcLevel } from './reliability';

/** Shown beside every SWC (REFERENCE.md §1.4 "Caveat"). */
export const SWC_CAVEAT =
  'The smallest worthwhile change is a group yardstick (0.2 × the squad\u2019s between-athlete SD). ' +
  'With a squad of 8–20 athletes that SD, and so the SWC, is imprecise: it is shown with its n, and a ' +
  'locked season reference SD keeps it stable across blocks.';

/** Shown beside the chances and the interval (REFERENCE.md §1.5 "Responsible framing"). */
export const CHANGE_UNCERTAINTY_CAVEAT =
  'These chances describe the uncertainty of one athlete\u2019s change given the test\u2019s noise; they are ' +
  'not proof. The wording comes from magnitude-based inference, which has been criticised as a research ' +
  'method (Sainani 2018). When the typical error comes from a small squad, the noise estimate is itself uncertain.';

/** Label for rule B (REFERENCE.md §1.5 table). */
export const RULE_B_HEURISTIC_NOTE =
  'Change > SWC + typical error is a practitioner heuristic with no single canonical source.';

/**
 * Hopkins' scale of standardized effects (REFERENCE.md §1.4): thresholds in between-athlete SDs.
 * 0.2 is the default SWC factor.
 */
export const STANDARDIZED_EFFECT_THRESHOLDS = {
  small: 0.2,
  moderate: 0.6,
  large: 1.2,
  veryLarge: 2.0,
  extremelyLarge: 4.0,
} as const;

/** Default SWC factor for fitness tests (REFERENCE.md §1.4). */
export const SWC_FACTOR_DEFAULT = STANDARDIZED_EFFECT_THRESHOLDS.small;

/** SWC = factor × between-athlete SD, factor 0.2 by default (Hopkins 2004; REFERENCE.md §1.4). */
export function smallestWorthwhileChange(betweenAthleteSd: number, factor: number = SWC_FACTOR_DEFAULT): number {
  requireNonNegative(betweenAthleteSd, 'Between-athlete SD');
  requirePositive(factor, 'SWC factor');
  return factor * betweenAthleteSd;
}

/**
 * Between-athlete SD with measurement noise removed, √(SD_obs² − TE²) (REFERENCE.md §1.4).
 * Null when TE ≥ SD_obs: the noise explains all the observed spread and no "pure" SD is left.
 */
export function pureBetweenAthleteSd(observedSd: number, typicalError: number): number | null {
  requireNonNegative(observedSd, 'Between-athlete SD');
  requireNonNegative(typicalError, 'Typical error');
  const variance = observedSd * observedSd - typicalError * typicalError;
  return variance > 0 ? Math.sqrt(variance) : null;
}

/** SWC from the squad's baseline (pre-block) scores (REFERENCE.md §1.4). */
export interface SwcFromBaseline {
  /** Number of baseline scores, to show beside the SWC. */
  readonly n: number;
  /** Sample SD of the baseline scores. */
  readonly betweenAthleteSd: number;
  readonly factor: number;
  /** factor × betweenAthleteSd. */
  readonly swc: number;
  /** √(SD² − TE²) when a typical error was given and is smaller than the SD, else null. */
  readonly pureBetweenAthleteSd: number | null;
  /** factor × pureBetweenAthleteSd, or null. */
  readonly swcFromPureSd: number | null;
}

/** SWC (and the optional SD_pure version) from baseline scores, sample SD (REFERENCE.md §1.4). */
export function swcFromBaselineScores(
  baselineScores: readonly number[],
  options: { readonly factor?: number; readonly typicalError?: number } = {},
): SwcFromBaseline {
  requireValues(baselineScores, 2, 'Baseline scores for the SWC');
  const factor = options.factor ?? SWC_FACTOR_DEFAULT;
  const sd = sampleSd(baselineScores);
  const pure = options.typicalError === undefined ? null : pureBetweenAthleteSd(sd, options.typicalError);
  return {
    n: baselineScores.length,
    betweenAthleteSd: sd,
    factor,
    swc: smallestWorthwhileChange(sd, factor),
    pureBetweenAthleteSd: pure,
    swcFromPureSd: pure === null ? null : factor * pure,
  };
}

/**
 * SWC for an individual sport's competition performance, in percent: factor × within-athlete CV%,
 * factor 0.3 (Hopkins 2004, updated) or 0.5 (older Hopkins material) (REFERENCE.md §1.4).
 * For race times, not for gym or field tests.
 */
export function swcIndividualSportPercent(competitionCvPercent: number, factor = 0.3): number {
  requireNonNegative(competitionCvPercent, 'Competition CV%');
  requirePositive(factor, 'SWC factor');
  return factor * competitionCvPercent;
}

/** post − pre turned so that positive = better for this test (REFERENCE.md §0 "Direction", §1.5). */
export function orientedChange(pre: number, post: number, higherIsBetter: boolean): number {
  requireFinite(pre, 'Pre-test score');
  requireFinite(post, 'Post-test score');
  return higherIsBetter ? post - pre : pre - post;
}

/** Noise SD of one change score, σΔ = √2 × TE, because both tests carry error (REFERENCE.md §1.5). */
export function changeNoiseSd(typicalError: number): number {
  requireNonNegative(typicalError, 'Typical error');
  return Math.SQRT2 * typicalError;
}

/** Verdict of a threshold rule on an oriented change: beyond +threshold, beyond −threshold, or neither. */
export type ChangeDirection = 'better' | 'worse' | 'within';

function beyond(betterBy: number, threshold: number): ChangeDirection {
  if (betterBy > threshold) return 'better';
  if (betterBy < -threshold) return 'worse';
  return 'within';
}

/** Rule A: the oriented change is strictly beyond ±SWC; ignores noise (REFERENCE.md §1.5). */
export function ruleBeyondSwc(betterBy: number, swc: number): ChangeDirection {
  requireFinite(betterBy, 'Change');
  requireNonNegative(swc, 'Smallest worthwhile change');
  return beyond(betterBy, swc);
}

/** Rule B: strictly beyond ±(SWC + TE), a practitioner heuristic (REFERENCE.md §1.5). */
export function ruleBeyondSwcPlusTypicalError(betterBy: number, swc: number, typicalError: number): ChangeDirection {
  requireFinite(betterBy, 'Change');
  requireNonNegative(swc, 'Smallest worthwhile change');
  requireNonNegative(typicalError, 'Typical error');
  return beyond(betterBy, swc + typicalError);
}

/** Rule C: strictly beyond ±MDC (z·√2·TE; 95% by default, or 90%) (Weir 2005; REFERENCE.md §1.5). */
export function ruleBeyondMdc(betterBy: number, typicalError: number, level: MdcLevel = 95): ChangeDirection {
  requireFinite(betterBy, 'Change');
  const z = level === 95 ? Z_95 : Z_90;
  return beyond(betterBy, z * changeNoiseSd(typicalError));
}

/** Rule D verdict, the app default (REFERENCE.md §1.5, §8). */
export type ChangeClassification = 'clear improvement' | 'clear decline' | 'trivial' | 'unclear';

/**
 * Rule D: classify an interval of the oriented change against ±SWC (REFERENCE.md §1.5).
 * Clear improvement if low > +SWC; clear decline if high < −SWC; trivial if −SWC ≤ low and
 * high ≤ +SWC; otherwise unclear. Thresholds are strict for the "clear" verdicts, inclusive for trivial.
 */
export function classifyChangeInterval(lowBetterBy: number, highBetterBy: number, swc: number): ChangeClassification {
  requireFinite(lowBetterBy, 'Lower limit of the change');
  requireFinite(highBetterBy, 'Upper limit of the change');
  requireNonNegative(swc, 'Smallest worthwhile change');
  if (lowBetterBy > highBetterBy) throw new RangeError('The lower limit of the change is above the upper limit.');
  if (lowBetterBy > swc) return 'clear improvement';
  if (highBetterBy < -swc) return 'clear decline';
  if (lowBetterBy >= -swc && highBetterBy <= swc) return 'trivial';
  return 'unclear';
}

/** Chances that the true change is beneficial, trivial or harmful (REFERENCE.md §1.5 rule E). */
export interface ChangeChances {
  /** 1 − Φ((SWC − Δ)/σΔ). */
  readonly benefit: number;
  /** 1 − benefit − harm. */
  readonly trivial: number;
  /** Φ((−SWC − Δ)/σΔ). */
  readonly harm: number;
}

/**
 * Rule E: p_benefit = 1 − Φ((SWC − Δ)/σΔ), p_harm = Φ((−SWC − Δ)/σΔ), p_trivial = the rest,
 * with Δ the oriented change and σΔ = √2·TE (Hopkins 2004; REFERENCE.md §1.5). TE must be > 0.
 */
export function changeChances(betterBy: number, swc: number, typicalError: number): ChangeChances {
  requireFinite(betterBy, 'Change');
  requireNonNegative(swc, 'Smallest worthwhile change');
  requirePositive(typicalError, 'Typical error');
  const noise = changeNoiseSd(typicalError);
  // 1 − Φ(a) is computed as Φ(−a) so that tiny chances keep their precision.
  const benefit = normalCdf((betterBy - swc) / noise);
  const harm = normalCdf((-swc - betterBy) / noise);
  return { benefit, trivial: Math.max(0, 1 - benefit - harm), harm };
}

/** Hopkins' verbal scale for a chance (REFERENCE.md §1.5 rule E). */
export type ChanceDescriptor =
  | 'most unlikely'
  | 'very unlikely'
  | 'unlikely'
  | 'possibly'
  | 'likely'
  | 'very likely'
  | 'most likely';

/**
 * Hopkins' verbal scale: < 0.5% most unlikely, 0.5–5% very unlikely, 5–25% unlikely, 25–75%
 * possibly, 75–95% likely, 95–99.5% very likely, > 99.5% most likely (REFERENCE.md §1.5).
 * A chance exactly on a boundary gets the less extreme word (5% is "unlikely", 95% is "likely"),
 * so the scale is symmetric: describeChance(p) mirrors describeChance(1 − p).
 */
export function describeChance(p: number): ChanceDescriptor {
  requireFinite(p, 'Chance');
  if (p < 0 || p > 1) throw new RangeError(`A chance must be between 0 and 1 (got ${p}).`);
  if (p < 0.005) return 'most unlikely';
  if (p < 0.05) return 'very unlikely';
  if (p < 0.25) return 'unlikely';
  if (p <= 0.75) return 'possibly';
  if (p <= 0.95) return 'likely';
  if (p <= 0.995) return 'very likely';
  return 'most likely';
}

/** Inputs for one athlete's pre/post comparison (REFERENCE.md §1.5). */
export interface ChangeInput {
  /** Pre-test score, in the test's unit. */
  readonly pre: number;
  /** Post-test score, in the test's unit. */
  readonly post: number;
  /** Typical error of the test (same unit), > 0. */
  readonly typicalError: number;
  /** Smallest worthwhile change (same unit), ≥ 0. */
  readonly swc: number;
  readonly higherIsBetter: boolean;
  /** z of the interval; 1.645 (90%, REFERENCE.md rule D) by default. */
  readonly z?: number;
}

/** Everything the re-test screen shows for one athlete (REFERENCE.md §1.5 "App default"). */
export interface ChangeAssessment {
  /** post − pre in the test's unit (negative for a faster sprint). */
  readonly change: number;
  /** The change oriented so that positive = better. */
  readonly betterBy: number;
  /** 100 × (post − pre)/pre; null when pre is 0 (scores must be ≥ 0). */
  readonly percentChange: number | null;
  /** Percent change with the sign flipped for lower-is-better tests; null when pre is 0. */
  readonly improvementPercent: number | null;
  /** σΔ = √2 × TE. */
  readonly noiseSd: number;
  /** Interval of `change` (post − pre, test units): change ± z·σΔ. */
  readonly interval: { readonly z: number; readonly low: number; readonly high: number };
  readonly rules: {
    /** Rule A. */
    readonly beyondSwc: ChangeDirection;
    /** Rule B (heuristic). */
    readonly beyondSwcPlusTypicalError: ChangeDirection;
    /** Rule C at 90% and 95%. */
    readonly beyondMdc90: ChangeDirection;
    readonly beyondMdc95: ChangeDirection;
  };
  /** Rule D on the interval: the app's default verdict, the only one that colours the result. */
  readonly classification: ChangeClassification;
  /** Rule E. */
  readonly chances: ChangeChances;
  readonly chanceWords: { readonly benefit: ChanceDescriptor; readonly trivial: ChanceDescriptor; readonly harm: ChanceDescriptor };
}

/** One athlete's change with rules A–E and the default interval verdict (REFERENCE.md §1.5). */
export function assessChange(input: ChangeInput): ChangeAssessment {
  const { pre, post, typicalError, swc, higherIsBetter } = input;
  const z = input.z ?? Z_90;
  requirePositive(z, 'z');
  requirePositive(typicalError, 'Typical error');
  requireNonNegative(swc, 'Smallest worthwhile change');
  const betterBy = orientedChange(pre, post, higherIsBetter);
  const change = post - pre;
  const noiseSd = changeNoiseSd(typicalError);
  const halfWidth = z * noiseSd;
  const chances = changeChances(betterBy, swc, typicalError);
  return {
    change,
    betterBy,
    percentChange: percentChange(pre, post),
    improvementPercent: improvementPercent(pre, post, higherIsBetter),
    noiseSd,
    interval: { z, low: change - halfWidth, high: change + halfWidth },
    rules: {
      beyondSwc: ruleBeyondSwc(betterBy, swc),
      beyondSwcPlusTypicalError: ruleBeyondSwcPlusTypicalError(betterBy, swc, typicalError),
      beyondMdc90: ruleBeyondMdc(betterBy, typicalError, 90),
      beyondMdc95: ruleBeyondMdc(betterBy, typicalError, 95),
    },
    classification: classifyChangeInterval(betterBy - halfWidth, betterBy + halfWidth, swc),
    chances,
    chanceWords: {
      benefit: describeChance(chances.benefit),
      trivial: describeChance(chances.trivial),
      harm: describeChance(chances.harm),
    },
  };
}

/** Percent change 100 × (post − pre)/pre; null when pre = 0 (REFERENCE.md §1.6). Scores must be ≥ 0. */
export function percentChange(pre: number, post: number): number | null {
  requireNonNegative(pre, 'Pre-test score');
  requireNonNegative(post, 'Post-test score');
  return pre === 0 ? null : (100 * (post - pre)) / pre;
}

/** "Improvement %": percent change with the sign flipped for lower-is-better tests, so + means better (REFERENCE.md §1.6). */
export function improvementPercent(pre: number, post: number, higherIsBetter: boolean): number | null {
  const pct = percentChange(pre, post);
  return pct === null ? null : higherIsBetter ? pct : -pct;
}

/** Log form of percent change, 100 × (exp(ln post − ln pre) − 1); both scores > 0 (REFERENCE.md §1.6). */
export function logPercentChange(pre: number, post: number): number {
  requirePositive(pre, 'Pre-test score');
  requirePositive(post, 'Post-test score');
  return 100 * (Math.exp(Math.log(post) - Math.log(pre)) - 1);
}

/** Squad mean percent change via the mean of log ratios, 100 × (exp(mean ln(post/pre)) − 1) (REFERENCE.md §1.6). */
export function meanPercentChangeFromLogs(pairs: readonly { readonly pre: number; readonly post: number }[]): number {
  if (pairs.length === 0) throw new RangeError('Mean percent change: at least one athlete is needed (got none).');
  const logRatios = pairs.map((p, i) =>
    Math.log(requirePositive(p.post, `Post-test score (athlete ${i + 1})`) / requirePositive(p.pre, `Pre-test score (athlete ${i + 1})`)),
  );
  return 100 * (Math.exp(mean(logRatios)) - 1);
}

/** Speed change from two times over the same distance, 100 × (t_pre/t_post − 1); + = faster (REFERENCE.md §1.6). */
export function speedChangePercentFromTimes(timePreS: number, timePostS: number): number {
  requirePositive(timePreS, 'Pre-test time');
  requirePositive(timePostS, 'Post-test time');
  return 100 * (timePreS / timePostS - 1);
}

/**
 * Reliability of a test from a reliability session: typical error, CV, ICC, limits of
 * agreement and minimal detectable change (REFERENCE.md §1.1–§1.3).
 *
 * Scores are in the test's own unit (cm for jumps, s for sprints and balance). A reliability
 * session is a repeat of the same test in the same conditions a short time apart, with no
 * training effect in between (REFERENCE.md §1.1 "Data requirement").
 */
import { requireFinite, requireInRange, requireNonNegative, requirePositive, requireSameLength, requireValues } from './guards';
import { Z_90, Z_95, mean, sampleSd } from './stats';

/** What the UI shows beside any typical error: it is itself an estimate (REFERENCE.md §1.1). */
export const TYPICAL_ERROR_CAVEAT =
  'The typical error comes from a reliability session of this squad. With a squad-sized sample it is ' +
  'itself uncertain (Hopkins recommends about 50 athletes and 3 or more trials), so it is shown with its ' +
  'number of athletes and date.';

/** Typical error from two trials per athlete (REFERENCE.md §1.1 "Two trials"). */
export interface TwoTrialTypicalError {
  /** Number of athletes. */
  readonly athletes: number;
  /** trial2 − trial1 per athlete, in the test's unit. */
  readonly differences: readonly number[];
  /** Mean of the differences: the systematic shift (learning or fatigue), reported separately. */
  readonly meanShift: number;
  /** Sample SD of the differences. */
  readonly sdOfDifferences: number;
  /** SD(differences) / √2: the within-athlete noise of one measurement. */
  readonly typicalError: number;
  /** Mean of all scores of both trials. */
  readonly grandMean: number;
}

/** Typical error from two trials, SD(trial2 − trial1)/√2, plus the mean shift (REFERENCE.md §1.1). */
export function typicalErrorFromTwoTrials(trial1: readonly number[], trial2: readonly number[]): TwoTrialTypicalError {
  requireSameLength(trial1, trial2, 'Typical error');
  requireValues(trial1, 2, 'Typical error, trial 1');
  requireValues(trial2, 2, 'Typical error, trial 2');
  const differences = trial1.map((first, i) => (trial2[i] as number) - first);
  const sdOfDifferences = sampleSd(differences);
  return {
    athletes: trial1.length,
    differences,
    meanShift: mean(differences),
    sdOfDifferences,
    typicalError: sdOfDifferences / Math.SQRT2,
    grandMean: mean([...trial1, ...trial2]),
  };
}

/** Two-way (athlete × trial) ANOVA without replication and what follows from it (REFERENCE.md §1.1, §1.3). */
export interface TrialsReliability {
  readonly athletes: number;
  readonly trials: number;
  readonly grandMean: number;
  /** Mean of each trial across athletes (shows learning or fatigue between trials). */
  readonly trialMeans: readonly number[];
  readonly msAthletes: number;
  readonly msTrials: number;
  /** Residual (error) mean square. */
  readonly msError: number;
  /** √(residual mean square); equals SD(diff)/√2 when there are two trials. */
  readonly typicalError: number;
  /** 100 × TE / grand mean; null when the grand mean is not positive. */
  readonly cvPercent: number | null;
  /** ICC(3,1) = (MS_athletes − MS_error)/(MS_athletes + (k − 1)·MS_error); null when every score is identical. */
  readonly icc31: number | null;
}

function checkScoreTable(scores: readonly (readonly number[])[]): { n: number; k: number } {
  if (scores.length < 2) {
    throw new RangeError(`Reliability: scores from at least 2 athletes are needed (got ${scores.length}).`);
  }
  const k = scores[0]?.length ?? 0;
  if (k < 2) throw new RangeError(`Reliability: at least 2 trials per athlete are needed (got ${k}).`);
  scores.forEach((row, i) => {
    if (row.length !== k) {
      throw new RangeError(
        `Reliability: every athlete needs the same number of trials (athlete ${i + 1} has ${row.length}, athlete 1 has ${k}).`,
      );
    }
    row.forEach((v, j) => requireFinite(v, `Reliability score (athlete ${i + 1}, trial ${j + 1})`));
  });
  return { n: scores.length, k };
}

/**
 * Typical error, CV and ICC(3,1) from k ≥ 2 trials per athlete via the two-way ANOVA residual
 * (REFERENCE.md §1.1 "More than two trials", §1.3). `scores[athlete][trial]`, no missing values.
 */
export function reliabilityFromTrials(scores: readonly (readonly number[])[]): TrialsReliability {
  const { n, k } = checkScoreTable(scores);
  const all = scores.flat();
  const grandMean = mean(all);
  const athleteMeans = scores.map((row) => mean(row));
  const trialMeans = Array.from({ length: k }, (_, j) => mean(scores.map((row) => row[j] as number)));

  let ssAthletes = 0;
  for (const m of athleteMeans) ssAthletes += k * (m - grandMean) ** 2;
  let ssTrials = 0;
  for (const m of trialMeans) ssTrials += n * (m - grandMean) ** 2;
  let ssError = 0;
  scores.forEach((row, i) =>
    row.forEach((x, j) => {
      ssError += (x - (athleteMeans[i] as number) - (trialMeans[j] as number) + grandMean) ** 2;
    }),
  );

  const msAthletes = ssAthletes / (n - 1);
  const msTrials = ssTrials / (k - 1);
  const msError = ssError / ((n - 1) * (k - 1));
  const typicalError = Math.sqrt(msError);
  const iccDenominator = msAthletes + (k - 1) * msError;
  return {
    athletes: n,
    trials: k,
    grandMean,
    trialMeans,
    msAthletes,
    msTrials,
    msError,
    typicalError,
    cvPercent: grandMean > 0 ? (100 * typicalError) / grandMean : null,
    icc31: iccDenominator > 0 ? (msAthletes - msError) / iccDenominator : null,
  };
}

/** A single athlete's repeated trials: the SD is that athlete's typical error (REFERENCE.md §1.1, §1.2). */
export interface SingleAthleteTypicalError {
  readonly trials: number;
  readonly mean: number;
  /** Sample SD of the trials. */
  readonly typicalError: number;
  /** 100 × SD / mean; null when the mean is not positive. */
  readonly cvPercent: number | null;
}

/** Typical error of one athlete from many trials: their sample SD, with CV% (REFERENCE.md §1.1 "One athlete"). */
export function singleAthleteTypicalError(trials: readonly number[]): SingleAthleteTypicalError {
  requireValues(trials, 2, 'Single-athlete typical error');
  const m = mean(trials);
  const sd = sampleSd(trials);
  return { trials: trials.length, mean: m, typicalError: sd, cvPercent: m > 0 ? (100 * sd) / m : null };
}

/** Coefficient of variation, raw form: 100 × TE / mean (REFERENCE.md §1.2). */
export function cvPercent(typicalError: number, meanScore: number): number {
  requireNonNegative(typicalError, 'Typical error');
  requirePositive(meanScore, 'Mean score');
  return (100 * typicalError) / meanScore;
}

/**
 * Coefficient of variation, log form: TE of the natural logs via the ANOVA residual, then
 * 100 × (exp(TE_log) − 1) (REFERENCE.md §1.2). Every score must be > 0. `scores[athlete][trial]`.
 */
export function logCvPercent(scores: readonly (readonly number[])[]): number {
  checkScoreTable(scores);
  const logs = scores.map((row, i) => row.map((x, j) => Math.log(requirePositive(x, `Score for the log CV (athlete ${i + 1}, trial ${j + 1})`))));
  return 100 * (Math.exp(reliabilityFromTrials(logs).typicalError) - 1);
}

/**
 * SEM from an ICC, SD_all × √(1 − ICC) (Weir 2005; REFERENCE.md §1.3). Not the same as the
 * typical error; the app shows the typical error and offers this only for comparison.
 */
export function semFromIcc(sdOfAllScores: number, icc: number): number {
  requireNonNegative(sdOfAllScores, 'SD of all scores');
  requireInRange(icc, -1, 1, 'ICC');
  return sdOfAllScores * Math.sqrt(1 - icc);
}

/** Bland–Altman limits of agreement, mean(d) ± z·SD(d), 95% with z = 1.96 by default (REFERENCE.md §1.3). */
export interface LimitsOfAgreement {
  readonly meanDifference: number;
  readonly low: number;
  readonly high: number;
}

/** 95% limits of agreement between two trials, mean(d) ± 1.96·SD(d) (REFERENCE.md §1.3). */
export function limitsOfAgreement(trial1: readonly number[], trial2: readonly number[], z: number = Z_95): LimitsOfAgreement {
  requirePositive(z, 'z');
  const { meanShift, sdOfDifferences } = typicalErrorFromTwoTrials(trial1, trial2);
  return { meanDifference: meanShift, low: meanShift - z * sdOfDifferences, high: meanShift + z * sdOfDifferences };
}

/** Confidence of a minimal detectable change, in percent. */
export type MdcLevel = 90 | 95;

/**
 * Minimal detectable change, z × √2 × TE: MDC95 ≈ 2.77 × TE (z = 1.96), MDC90 ≈ 2.33 × TE
 * (z = 1.645) (Weir 2005; REFERENCE.md §1.3). Same unit as the typical error.
 */
export function minimalDetectableChange(typicalError: number, level: MdcLevel = 95): number {
  requireNonNegative(typicalError, 'Typical error');
  return (level === 95 ? Z_95 : Z_90) * Math.SQRT2 * typicalError;
}

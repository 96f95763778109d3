import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  cvPercent,
  limitsOfAgreement,
  logCvPercent,
  minimalDetectableChange,
  reliabilityFromTrials,
  sampleSd,
  semFromIcc,
  singleAthleteTypicalError,
  typicalErrorFromTwoTrials,
} from '@shared/science';
import { expectAllClose, expectClose, loadVector, numbers } from './vectors';

describe('vector hopkins2000_example_TE_CV (Hopkins 2000 worked example)', () => {
  const { inputs, expected, tolerance } = loadVector(
    'hopkins2000_example_TE_CV',
    z.object({ trial1: numbers, trial2: numbers }),
    z.object({
      diff: numbers,
      mean_diff: z.number(),
      sd_diff: z.number(),
      typical_error: z.number(),
      grand_mean: z.number(),
      cv_percent_raw: z.number(),
      cv_percent_log: z.number(),
      icc_3_1: z.number(),
      loa95_low: z.number(),
      loa95_high: z.number(),
      mdc95: z.number(),
      sd_trial1: z.number(),
      sd_all_scores: z.number(),
      sem_from_icc_sd_all: z.number(),
    }),
  );
  const { trial1, trial2 } = inputs;
  const byAthlete = trial1.map((t, i) => [t, trial2[i] as number]);

  it('typical error from the difference scores, with the mean shift reported separately', () => {
    const te = typicalErrorFromTwoTrials(trial1, trial2);
    expectAllClose(te.differences, expected.diff, tolerance, 'differences');
    expectClose(te.meanShift, expected.mean_diff, tolerance, 'mean shift');
    expectClose(te.sdOfDifferences, expected.sd_diff, tolerance, 'SD of differences');
    expectClose(te.typicalError, expected.typical_error, tolerance, 'TE');
    expectClose(te.grandMean, expected.grand_mean, tolerance, 'grand mean');
    expect(te.athletes).toBe(5);
  });

  it('the ANOVA residual gives the same TE, plus CV and ICC(3,1)', () => {
    const anova = reliabilityFromTrials(byAthlete);
    expectClose(anova.typicalError, expected.typical_error, tolerance, 'TE (ANOVA)');
    expectClose(anova.grandMean, expected.grand_mean, tolerance, 'grand mean');
    expectClose(anova.cvPercent, expected.cv_percent_raw, tolerance, 'CV% raw');
    expectClose(anova.icc31, expected.icc_3_1, tolerance, 'ICC(3,1)');
    expectClose(cvPercent(anova.typicalError, anova.grandMean), expected.cv_percent_raw, tolerance, 'cvPercent()');
  });

  it('log-form CV, limits of agreement, MDC95 and the SEM-from-ICC comparison', () => {
    expectClose(logCvPercent(byAthlete), expected.cv_percent_log, tolerance, 'CV% log');
    const loa = limitsOfAgreement(trial1, trial2);
    expectClose(loa.low, expected.loa95_low, tolerance, 'LoA low');
    expectClose(loa.high, expected.loa95_high, tolerance, 'LoA high');
    const { typicalError } = typicalErrorFromTwoTrials(trial1, trial2);
    expectClose(minimalDetectableChange(typicalError), expected.mdc95, tolerance, 'MDC95');
    expectClose(sampleSd(trial1), expected.sd_trial1, tolerance, 'SD trial 1');
    const sdAll = sampleSd([...trial1, ...trial2]);
    expectClose(sdAll, expected.sd_all_scores, tolerance, 'SD of all scores');
    const icc = reliabilityFromTrials(byAthlete).icc31;
    if (icc === null) throw new Error('ICC expected');
    expectClose(semFromIcc(sdAll, icc), expected.sem_from_icc_sd_all, tolerance, 'SEM from ICC');
  });
});

describe('vector hopkins2001_single_subject_six_trials', () => {
  const { inputs, expected, tolerance } = loadVector(
    'hopkins2001_single_subject_six_trials',
    z.object({ trials: numbers }),
    z.object({ mean: z.number(), sd: z.number() }),
  );

  it('one athlete\u2019s TE is the SD of their trials (76.2 ± 2.8)', () => {
    const result = singleAthleteTypicalError(inputs.trials);
    expectClose(result.mean, expected.mean, tolerance, 'mean');
    expectClose(result.typicalError, expected.sd, tolerance, 'TE');
    // CV = 100 × SD / mean (REFERENCE.md §1.2): 100 × 2.786874 / 76.166667 = 3.658918%.
    expectClose(result.cvPercent, 3.658918, 1e-5, 'CV%');
  });
});

describe('typical error from more than two trials (no vector: worked by hand)', () => {
  // Athletes × trials, chosen so the ANOVA comes out in whole numbers:
  //   A: 10 11 12 (mean 11)   B: 13 15 14 (mean 14)   C: 13 13 16 (mean 14)
  //   trial means 12, 13, 14; grand mean 13.
  // Residuals x − athlete mean − trial mean + grand mean:
  //   A: 0 0 0   B: 0 1 −1   C: 0 −1 1  → SS_error = 4, df = (3−1)(3−1) = 4, MS_error = 1, TE = 1.
  // SS_athletes = 3 × (4 + 1 + 1) = 18, MS_athletes = 9; SS_trials = 3 × (1 + 0 + 1) = 6, MS_trials = 3.
  // Check: total SS around 13 = 9+4+1+0+4+1+0+0+9 = 28 = 18 + 6 + 4.
  // ICC(3,1) = (9 − 1)/(9 + 2 × 1) = 8/11; CV = 100 × 1/13 = 7.692308%.
  const scores = [
    [10, 11, 12],
    [13, 15, 14],
    [13, 13, 16],
  ];

  it('uses the two-way ANOVA residual mean square', () => {
    const r = reliabilityFromTrials(scores);
    expect(r.athletes).toBe(3);
    expect(r.trials).toBe(3);
    expectAllClose(r.trialMeans, [12, 13, 14], 1e-12, 'trial means');
    expectClose(r.msAthletes, 9, 1e-12, 'MS athletes');
    expectClose(r.msTrials, 3, 1e-12, 'MS trials');
    expectClose(r.msError, 1, 1e-12, 'MS error');
    expectClose(r.typicalError, 1, 1e-12, 'TE');
    expectClose(r.icc31, 8 / 11, 1e-12, 'ICC(3,1)');
    expectClose(r.cvPercent, 100 / 13, 1e-12, 'CV%');
  });

  it('returns a null ICC rather than NaN when every score is identical', () => {
    const r = reliabilityFromTrials([
      [5, 5],
      [5, 5],
    ]);
    expect(r.typicalError).toBe(0);
    expect(r.icc31).toBeNull();
  });

  it('refuses ragged tables, one athlete, one trial and non-numbers with readable messages', () => {
    expect(() => reliabilityFromTrials([[1, 2], [3]])).toThrow('every athlete needs the same number of trials');
    expect(() => reliabilityFromTrials([[1, 2]])).toThrow('at least 2 athletes');
    expect(() => reliabilityFromTrials([[1], [2]])).toThrow('at least 2 trials per athlete');
    expect(() => reliabilityFromTrials([[1, Number.NaN], [2, 3]])).toThrow('athlete 1, trial 2');
    expect(() => typicalErrorFromTwoTrials([1, 2, 3], [1, 2])).toThrow('one value per athlete (got 3 and 2)');
    expect(() => logCvPercent([[1, 0], [2, 3]])).toThrow('must be greater than zero');
  });
});

describe('minimal detectable change (no vector for MDC90: worked by hand)', () => {
  it('MDC90 = 1.645 × √2 × TE and MDC95 = 1.96 × √2 × TE', () => {
    // TE = 2: MDC90 = 1.645 × 1.41421356237 × 2 = 4.65276262; MDC95 = 1.96 × 1.41421356237 × 2 = 5.54371716.
    expectClose(minimalDetectableChange(2, 90), 4.65276262, 1e-8, 'MDC90');
    expectClose(minimalDetectableChange(2, 95), 5.54371716, 1e-8, 'MDC95');
    expect(() => minimalDetectableChange(-1)).toThrow('Typical error cannot be negative');
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  assessChange,
  changeChances,
  classifyChangeInterval,
  describeChance,
  improvementPercent,
  logPercentChange,
  meanPercentChangeFromLogs,
  minimalDetectableChange,
  orientedChange,
  percentChange,
  pureBetweenAthleteSd,
  ruleBeyondMdc,
  ruleBeyondSwc,
  ruleBeyondSwcPlusTypicalError,
  sampleSd,
  smallestWorthwhileChange,
  speedChangePercentFromTimes,
  swcFromBaselineScores,
  swcIndividualSportPercent,
  typicalErrorFromTwoTrials,
} from '@shared/science';
import { expectClose, loadVector, numberRecord, numbers } from './vectors';

describe('vector squad_cmj_retest_decision_rules', () => {
  const athlete = z.object({
    change: z.number(),
    pct_change: z.number(),
    rule_gt_swc: z.boolean(),
    rule_gt_swc_plus_te: z.boolean(),
    rule_gt_mdc95: z.boolean(),
    p_beneficial: z.number(),
    p_trivial: z.number(),
    p_harmful: z.number(),
    ci90_low: z.number(),
    ci90_high: z.number(),
  });
  const { inputs, expected, tolerance } = loadVector(
    'squad_cmj_retest_decision_rules',
    z.object({
      reliability_trial1_cm: numbers,
      reliability_trial2_cm: numbers,
      pre_cm: numberRecord,
      post_cm: numberRecord,
      higher_is_better: z.boolean(),
    }),
    z.object({
      typical_error_cm: z.number(),
      between_athlete_sd_pre_cm: z.number(),
      swc_cm: z.number(),
      pure_between_sd_cm: z.number(),
      swc_from_pure_sd_cm: z.number(),
      noise_sd_of_change_cm: z.number(),
      mdc95_cm: z.number(),
      athletes: z.record(z.string(), athlete),
    }),
  );
  const te = typicalErrorFromTwoTrials(inputs.reliability_trial1_cm, inputs.reliability_trial2_cm).typicalError;
  const swc = swcFromBaselineScores(Object.values(inputs.pre_cm), { typicalError: te });

  it('TE, SWC (observed and pure SD), noise of a change and MDC95', () => {
    expectClose(te, expected.typical_error_cm, tolerance, 'TE');
    expectClose(swc.betweenAthleteSd, expected.between_athlete_sd_pre_cm, tolerance, 'between-athlete SD');
    expectClose(swc.swc, expected.swc_cm, tolerance, 'SWC');
    expectClose(swc.pureBetweenAthleteSd, expected.pure_between_sd_cm, tolerance, 'pure SD');
    expectClose(swc.swcFromPureSd, expected.swc_from_pure_sd_cm, tolerance, 'SWC from pure SD');
    expect(swc.n).toBe(8);
    expectClose(Math.SQRT2 * te, expected.noise_sd_of_change_cm, tolerance, 'noise SD');
    expectClose(minimalDetectableChange(te), expected.mdc95_cm, tolerance, 'MDC95');
  });

  it.each(Object.keys(expected.athletes))('athlete %s: change, rules A–C, chances and the 90% interval', (id) => {
    const want = expected.athletes[id];
    const pre = inputs.pre_cm[id];
    const post = inputs.post_cm[id];
    if (!want || pre === undefined || post === undefined) throw new Error(`athlete ${id} missing from the vector`);
    const a = assessChange({ pre, post, typicalError: te, swc: swc.swc, higherIsBetter: inputs.higher_is_better });
    expectClose(a.change, want.change, tolerance, 'change');
    expectClose(a.percentChange, want.pct_change, tolerance, '% change');
    expect(a.rules.beyondSwc === 'better').toBe(want.rule_gt_swc);
    expect(a.rules.beyondSwcPlusTypicalError === 'better').toBe(want.rule_gt_swc_plus_te);
    expect(a.rules.beyondMdc95 === 'better').toBe(want.rule_gt_mdc95);
    expectClose(a.chances.benefit, want.p_beneficial, tolerance, 'p beneficial');
    expectClose(a.chances.trivial, want.p_trivial, tolerance, 'p trivial');
    expectClose(a.chances.harm, want.p_harmful, tolerance, 'p harmful');
    expectClose(a.interval.low, want.ci90_low, tolerance, 'CI90 low');
    expectClose(a.interval.high, want.ci90_high, tolerance, 'CI90 high');
  });

  it('athlete C (+1.7 cm) reads as REFERENCE.md §1.5 describes: rules A and B yes, MDC95 no, "likely", unclear', () => {
    const a = assessChange({ pre: 28.9, post: 30.6, typicalError: te, swc: swc.swc, higherIsBetter: true });
    expect(a.rules).toEqual({ beyondSwc: 'better', beyondSwcPlusTypicalError: 'better', beyondMdc90: 'better', beyondMdc95: 'within' });
    expect(a.chanceWords.benefit).toBe('likely');
    expect(a.classification).toBe('unclear');
  });

  it('classifies A and E as clear improvements and D as a clear decline (their whole interval is beyond ±SWC)', () => {
    const verdict = (id: string) =>
      assessChange({ pre: inputs.pre_cm[id] ?? Number.NaN, post: inputs.post_cm[id] ?? Number.NaN, typicalError: te, swc: swc.swc, higherIsBetter: true })
        .classification;
    // A: CI 1.10 to 4.10 > 0.742; E: 2.00 to 5.00; D: −4.10 to −1.10 < −0.742; B: −1.10 to 1.90 crosses both.
    expect(verdict('A')).toBe('clear improvement');
    expect(verdict('E')).toBe('clear improvement');
    expect(verdict('D')).toBe('clear decline');
    expect(verdict('B')).toBe('unclear');
  });
});

describe('vector hopkins2000_example_TE_CV: SWC from the trial-1 SD', () => {
  const { inputs, expected, tolerance } = loadVector(
    'hopkins2000_example_TE_CV',
    z.object({ trial1: numbers }),
    z.object({ 'swc_0.2_sd_trial1': z.number() }),
  );
  it('SWC = 0.2 × SD', () => {
    expectClose(smallestWorthwhileChange(sampleSd(inputs.trial1)), expected['swc_0.2_sd_trial1'], tolerance, 'SWC');
  });
});

describe.each(['swc_individual_sport_runs_to_1500m', 'swc_individual_sport_longer_runs_and_steeplechase'])('vector %s', (name) => {
  const { inputs, expected, tolerance } = loadVector(
    name,
    z.object({ competition_to_competition_cv_percent: z.number() }),
    z.object({ 'swc_0.3cv_percent': z.number(), 'swc_0.5cv_percent': z.number() }),
  );
  it('SWC% = 0.3 × CV% (default) or 0.5 × CV%', () => {
    const cv = inputs.competition_to_competition_cv_percent;
    expectClose(swcIndividualSportPercent(cv), expected['swc_0.3cv_percent'], tolerance, '0.3 × CV');
    expectClose(swcIndividualSportPercent(cv, 0.5), expected['swc_0.5cv_percent'], tolerance, '0.5 × CV');
  });
});

describe('vector percent_change_conventions (30 m sprint 4.52 → 4.41 s)', () => {
  const { inputs, expected, tolerance } = loadVector(
    'percent_change_conventions',
    z.object({ pre: z.number(), post: z.number() }),
    z.object({ pct_change: z.number(), improvement_pct: z.number(), log_pct_change: z.number(), speed_pct_change: z.number() }),
  );
  it('time change −2.43%, improvement +2.43%, speed +2.49%', () => {
    expectClose(percentChange(inputs.pre, inputs.post), expected.pct_change, tolerance, '% change');
    expectClose(improvementPercent(inputs.pre, inputs.post, false), expected.improvement_pct, tolerance, 'improvement %');
    expectClose(logPercentChange(inputs.pre, inputs.post), expected.log_pct_change, tolerance, 'log % change');
    expectClose(speedChangePercentFromTimes(inputs.pre, inputs.post), expected.speed_pct_change, tolerance, 'speed % change');
  });
});

describe('a lower-is-better test (no vector: worked by hand)', () => {
  // 30 m sprint 4.60 → 4.45 s, TE 0.05 s, SWC 0.02 s.
  // change = −0.15 s; oriented (positive = better) = +0.15 s.
  // σΔ = √2 × 0.05 = 0.0707106781; half-width of the 90% CI = 1.645 × 0.0707106781 = 0.1163190655.
  // Raw interval −0.15 ± 0.1163190655 = −0.2663190655 to −0.0336809345; oriented 0.0336809345 to
  // 0.2663190655, whose lower limit is above +0.02 → clear improvement.
  // p_benefit = Φ((0.15 − 0.02)/0.0707106781) = Φ(1.8384776) = 0.9670039725 (Python math.erfc);
  // p_harm = Φ((−0.02 − 0.15)/0.0707106781) = Φ(−2.4041631) = 0.0081047707.
  // Rule B: 0.15 > 0.02 + 0.05; MDC95 = 1.96 × 0.0707106781 = 0.1385929291 < 0.15.
  // Improvement % = −100 × (4.45 − 4.60)/4.60 = +3.2608696%.
  const faster = assessChange({ pre: 4.6, post: 4.45, typicalError: 0.05, swc: 0.02, higherIsBetter: false });

  it('orients the change so that a faster time is better', () => {
    expectClose(faster.change, -0.15, 1e-12, 'change');
    expectClose(faster.betterBy, 0.15, 1e-12, 'better by');
    expectClose(faster.improvementPercent, 3.2608696, 1e-7, 'improvement %');
    expectClose(faster.percentChange, -3.2608696, 1e-7, '% change');
    expectClose(faster.interval.low, -0.2663190655, 1e-9, 'CI low');
    expectClose(faster.interval.high, -0.0336809345, 1e-9, 'CI high');
    expectClose(faster.chances.benefit, 0.9670039725, 1e-9, 'p benefit');
    expectClose(faster.chances.harm, 0.0081047707, 1e-9, 'p harm');
    expectClose(faster.chances.trivial, 1 - 0.9670039725 - 0.0081047707, 1e-9, 'p trivial');
    expect(faster.classification).toBe('clear improvement');
    expect(faster.rules).toEqual({ beyondSwc: 'better', beyondSwcPlusTypicalError: 'better', beyondMdc90: 'better', beyondMdc95: 'better' });
    expect(faster.chanceWords).toEqual({ benefit: 'very likely', trivial: 'very unlikely', harm: 'very unlikely' });
  });

  it('the same numbers the other way round are a clear decline', () => {
    const slower = assessChange({ pre: 4.45, post: 4.6, typicalError: 0.05, swc: 0.02, higherIsBetter: false });
    expect(slower.classification).toBe('clear decline');
    expect(slower.rules.beyondSwc).toBe('worse');
    expect(slower.rules.beyondMdc95).toBe('worse');
    expectClose(slower.chances.harm, 0.9670039725, 1e-9, 'p harm');
  });
});

describe('rule D thresholds: the 90% interval against ±SWC', () => {
  const swc = 0.5;
  it('clear improvement only when the lower limit is strictly above +SWC', () => {
    expect(classifyChangeInterval(0.5, 2, swc)).toBe('unclear'); // at the threshold
    expect(classifyChangeInterval(0.5000001, 2, swc)).toBe('clear improvement'); // just above
    expect(classifyChangeInterval(0.4999999, 2, swc)).toBe('unclear'); // just below
  });
  it('clear decline only when the upper limit is strictly below −SWC', () => {
    expect(classifyChangeInterval(-2, -0.5, swc)).toBe('unclear');
    expect(classifyChangeInterval(-2, -0.5000001, swc)).toBe('clear decline');
    expect(classifyChangeInterval(-2, -0.4999999, swc)).toBe('unclear');
  });
  it('trivial when the whole interval lies within ±SWC, limits included', () => {
    expect(classifyChangeInterval(-0.5, 0.5, swc)).toBe('trivial');
    expect(classifyChangeInterval(-0.4999999, 0.4999999, swc)).toBe('trivial');
    expect(classifyChangeInterval(-0.5000001, 0.5, swc)).toBe('unclear');
    expect(classifyChangeInterval(-0.5, 0.5000001, swc)).toBe('unclear');
  });
  it('assessChange puts the boundary where betterBy − 1.645·√2·TE = SWC', () => {
    // TE = 0.1 → half-width 1.645 × 0.1414213562 = 0.2326381310; boundary betterBy = 0.5 + 0.2326381310.
    const at = 0.5 + 1.645 * Math.SQRT2 * 0.1;
    const verdict = (post: number) => assessChange({ pre: 10, post, typicalError: 0.1, swc, higherIsBetter: true }).classification;
    expect(verdict(10 + at + 1e-6)).toBe('clear improvement');
    expect(verdict(10 + at - 1e-6)).toBe('unclear');
    // Trivial needs a narrow interval: TE 0.1 gives half-width 0.2326, so betterBy 0.2 → −0.03 to 0.43.
    expect(verdict(10.2)).toBe('trivial');
  });
  it('refuses an interval whose limits are the wrong way round', () => {
    expect(() => classifyChangeInterval(1, 0, swc)).toThrow(RangeError);
  });
});

describe('rules A–C thresholds', () => {
  it('are strict: a change equal to the threshold is "within"', () => {
    expect(ruleBeyondSwc(0.5, 0.5)).toBe('within');
    expect(ruleBeyondSwc(0.5000001, 0.5)).toBe('better');
    expect(ruleBeyondSwc(-0.5000001, 0.5)).toBe('worse');
    // SWC + TE = 0.5 + 0.25 = 0.75.
    expect(ruleBeyondSwcPlusTypicalError(0.75, 0.5, 0.25)).toBe('within');
    expect(ruleBeyondSwcPlusTypicalError(0.7500001, 0.5, 0.25)).toBe('better');
    // MDC95 for TE = 2: 1.96 × √2 × 2 = 5.5437171645; MDC90: 1.645 × √2 × 2 = 4.6527626194.
    expect(ruleBeyondMdc(5.5437, 2)).toBe('within');
    expect(ruleBeyondMdc(5.5438, 2)).toBe('better');
    expect(ruleBeyondMdc(4.6527, 2, 90)).toBe('within');
    expect(ruleBeyondMdc(-4.6528, 2, 90)).toBe('worse');
  });
});

describe('chances and Hopkins\u2019 verbal scale', () => {
  it('puts each boundary in the less extreme word', () => {
    const table: readonly [number, string][] = [
      [0.0049999, 'most unlikely'],
      [0.005, 'very unlikely'],
      [0.0499999, 'very unlikely'],
      [0.05, 'unlikely'],
      [0.2499999, 'unlikely'],
      [0.25, 'possibly'],
      [0.75, 'possibly'],
      [0.7500001, 'likely'],
      [0.95, 'likely'],
      [0.9500001, 'very likely'],
      [0.995, 'very likely'],
      [0.9950001, 'most likely'],
    ];
    for (const [p, word] of table) expect(describeChance(p), `p = ${p}`).toBe(word);
    expect(() => describeChance(1.2)).toThrow('between 0 and 1');
  });

  it('chances sum to 1 and p_benefit grows with the change', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -20, max: 20, noNaN: true }),
        fc.double({ min: 0, max: 5, noNaN: true }),
        fc.double({ min: 0.01, max: 5, noNaN: true }),
        fc.double({ min: 0, max: 5, noNaN: true }),
        (change, swc, te, step) => {
          const c = changeChances(change, swc, te);
          for (const p of [c.benefit, c.trivial, c.harm]) {
            expect(p).toBeGreaterThanOrEqual(0);
            expect(p).toBeLessThanOrEqual(1);
          }
          expect(Math.abs(c.benefit + c.trivial + c.harm - 1)).toBeLessThan(1e-12);
          expect(changeChances(change + step, swc, te).benefit).toBeGreaterThanOrEqual(c.benefit);
        },
      ),
    );
  });

  it('needs a positive typical error', () => {
    expect(() => changeChances(1, 0.5, 0)).toThrow('Typical error must be greater than zero (got 0)');
    expect(() => assessChange({ pre: 1, post: 2, typicalError: -1, swc: 0.2, higherIsBetter: true })).toThrow(RangeError);
  });
});

describe('SWC helpers (no vector: worked by hand)', () => {
  it('SWC and SD_pure from baseline scores 30, 32, 34', () => {
    // mean 32, sample SD = √((4 + 0 + 4)/2) = 2; SWC = 0.2 × 2 = 0.4.
    // With TE 1.2: SD_pure = √(4 − 1.44) = √2.56 = 1.6; SWC_pure = 0.32.
    const r = swcFromBaselineScores([30, 32, 34], { typicalError: 1.2 });
    expectClose(r.swc, 0.4, 1e-12, 'SWC');
    expectClose(r.pureBetweenAthleteSd, 1.6, 1e-12, 'SD pure');
    expectClose(r.swcFromPureSd, 0.32, 1e-12, 'SWC pure');
    expect(swcFromBaselineScores([30, 32, 34]).pureBetweenAthleteSd).toBeNull();
    expectClose(swcFromBaselineScores([30, 32, 34], { factor: 0.6 }).swc, 1.2, 1e-12, 'moderate threshold');
  });

  it('SD_pure is null once the noise explains all the spread (TE ≥ SD)', () => {
    expect(pureBetweenAthleteSd(2, 2)).toBeNull();
    expect(pureBetweenAthleteSd(2, 2.1)).toBeNull();
    expect(pureBetweenAthleteSd(2, 1.99)).toBeGreaterThan(0);
  });
});

describe('percent change conventions (no vector beyond the sprint: worked by hand)', () => {
  it('returns null instead of Infinity when the pre score is 0, and refuses negative scores', () => {
    expect(percentChange(0, 5)).toBeNull();
    expect(improvementPercent(0, 5, true)).toBeNull();
    expect(() => percentChange(-1, 5)).toThrow('Pre-test score cannot be negative');
    expect(() => logPercentChange(0, 5)).toThrow('must be greater than zero');
  });

  it('averages percent changes through logs', () => {
    // +10% and −10%: ln(1.1) + ln(0.9) = 0.0953102 − 0.1053605 = −0.0100503; mean −0.00502517;
    // 100 × (e^−0.00502517 − 1) = −0.5012563%, not the arithmetic mean 0%.
    expectClose(meanPercentChangeFromLogs([{ pre: 10, post: 11 }, { pre: 10, post: 9 }]), -0.5012563, 1e-7, 'mean log %');
    expect(() => meanPercentChangeFromLogs([])).toThrow(RangeError);
  });

  it('improvement % and the oriented change always agree in sign with the orientation', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 1000, noNaN: true }), fc.double({ min: 0.01, max: 1000, noNaN: true }), fc.boolean(), (pre, post, higherIsBetter) => {
        const improvement = improvementPercent(pre, post, higherIsBetter);
        if (improvement === null) throw new Error('pre > 0 must give a number');
        const better = higherIsBetter ? post > pre : post < pre;
        const worse = higherIsBetter ? post < pre : post > pre;
        expect(improvement > 0).toBe(better);
        expect(improvement < 0).toBe(worse);
        // === rather than toBe: a no-change case may give 0 on one side and −0 on the other.
        expect(Math.sign(orientedChange(pre, post, higherIsBetter)) === Math.sign(improvement)).toBe(true);
      }),
      { examples: [[4.5, 4.5, false], [4.5, 4.5, true]] },
    );
  });
});

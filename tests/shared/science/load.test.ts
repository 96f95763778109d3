import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { DayLoad } from '@shared/science';
import {
  acuteChronicWorkloadRatio,
  acwrBand,
  dailyLoads,
  ewmaLambda,
  ewmaSeries,
  mean,
  monotonyAndStrain,
  populationSd,
  sessionLoad,
  strain,
  weekOverWeekChangePercent,
  weeklyLoad,
} from '@shared/science';
import { expectClose, loadVector, numbers } from './vectors';

describe('vector srpe_week_monotony_strain', () => {
  const { inputs, expected, tolerance } = loadVector(
    'srpe_week_monotony_strain',
    z.object({ sessions_rpe_cr10_x_minutes_by_day: z.array(z.tuple([z.number(), z.number()])) }),
    z.object({
      daily_load_AU: numbers,
      weekly_load_AU: z.number(),
      mean_daily: z.number(),
      sd_sample: z.number(),
      sd_population: z.number(),
      monotony_sample_sd: z.number(),
      strain_sample_sd: z.number(),
      monotony_population_sd: z.number(),
      strain_population_sd: z.number(),
    }),
  );
  // One session per day on 1–7 Sep 2025; day 4 is a logged 0-minute session (load 0, not missing).
  const sessions = inputs.sessions_rpe_cr10_x_minutes_by_day.map(([rpe, minutes], i) => ({ date: `2025-09-0${i + 1}`, rpe, minutes }));
  const days = dailyLoads(sessions, { from: '2025-09-01', to: '2025-09-07' });
  const loads = days.map((d) => d.load);

  it('session load = RPE × minutes, summed per day', () => {
    expect(loads).toEqual(expected.daily_load_AU);
    expect(days.every((d) => d.status === 'logged')).toBe(true);
    expect(weeklyLoad(loads)).toEqual({ load: expected.weekly_load_AU, missingDays: 0 });
  });

  it('monotony and strain under both SD conventions (sample is the default)', () => {
    const sample = monotonyAndStrain(loads);
    expect(sample.sdConvention).toBe('sample');
    expectClose(sample.meanDailyLoad, expected.mean_daily, tolerance, 'mean');
    expectClose(sample.sdDailyLoad, expected.sd_sample, tolerance, 'sample SD');
    expectClose(sample.monotony, expected.monotony_sample_sd, tolerance, 'monotony (sample)');
    expectClose(sample.strain, expected.strain_sample_sd, tolerance, 'strain (sample)');
    const population = monotonyAndStrain(loads, { sd: 'population' });
    expectClose(population.sdDailyLoad, expected.sd_population, tolerance, 'population SD');
    expectClose(population.monotony, expected.monotony_population_sd, tolerance, 'monotony (population)');
    expectClose(population.strain, expected.strain_population_sd, tolerance, 'strain (population)');
  });
});

describe('vector foster2001_table5_schematic_diary', () => {
  const { inputs, expected, tolerance } = loadVector(
    'foster2001_table5_schematic_diary',
    z.object({ session_loads_AU_as_printed: numbers, daily_totals_AU_Sun_to_Sat: numbers }),
    z.object({
      weekly_load_printed: z.number(),
      monotony_printed: z.number(),
      strain_printed: z.number(),
      weekly_load_check: z.number(),
      monotony_days_sample_sd: z.number(),
      monotony_days_population_sd: z.number(),
      monotony_sessions_population_sd: z.number(),
      strain_printed_check: z.number(),
    }),
  );
  const days = inputs.daily_totals_AU_Sun_to_Sat;
  const sessions = inputs.session_loads_AU_as_printed;

  it('weekly load 3400 and strain = load × monotony = 4284', () => {
    expect(weeklyLoad(days).load).toBe(expected.weekly_load_check);
    expect(sessions.reduce((a, b) => a + b, 0)).toBe(expected.weekly_load_printed);
    expectClose(strain(expected.weekly_load_printed, expected.monotony_printed), expected.strain_printed_check, tolerance, 'strain');
    expect(expected.strain_printed_check).toBe(expected.strain_printed);
  });

  it('the app\u2019s day-based monotony does not give the printed 1.26 (REFERENCE.md §4.2: the table is schematic)', () => {
    expectClose(monotonyAndStrain(days).monotony, expected.monotony_days_sample_sd, tolerance, 'days, sample SD');
    expectClose(monotonyAndStrain(days, { sd: 'population' }).monotony, expected.monotony_days_population_sd, tolerance, 'days, population SD');
    // Only mean/population SD over the nine sessions reproduces 1.26; the app does not define monotony that way.
    expectClose(mean(sessions) / populationSd(sessions), expected.monotony_sessions_population_sd, tolerance, 'sessions, population SD');
  });
});

const acwrExpected = z.object({
  acute_7d_sum: z.number(),
  acute_7d_mean: z.number(),
  chronic_28d_mean_coupled: z.number(),
  acwr_rolling_coupled: z.number(),
  acwr_weekly_sum_form: z.number(),
  'chronic_21d_mean_uncoupled_days_t-27_to_t-7': z.number(),
  acwr_rolling_uncoupled: z.number(),
  ewma_acute_seed_first: z.number(),
  ewma_chronic_seed_first: z.number(),
  acwr_ewma_seed_first: z.number(),
  ewma_acute_seed_zero: z.number(),
  ewma_chronic_seed_zero: z.number(),
  acwr_ewma_seed_zero: z.number(),
  lambda_acute: z.number(),
  lambda_chronic: z.number(),
});

describe.each(['acwr_ACWRpkg_test_series_21x30_then_7x50', 'acwr_28day_runner_series', 'acwr_28day_runner_with_spike_week'])('vector %s', (name) => {
  const { inputs, expected, tolerance } = loadVector(name, z.object({ daily_load_AU: numbers, last_day_index: z.literal(27) }), acwrExpected);
  const loads = inputs.daily_load_AU;

  it('rolling coupled and uncoupled ratios on day 28', () => {
    const r = acuteChronicWorkloadRatio(loads);
    expect(r.daysOfData).toBe(28);
    expect(r.warmingUp).toBe(false);
    expectClose(r.acuteSum, expected.acute_7d_sum, tolerance, 'acute sum');
    expectClose(r.acuteMean, expected.acute_7d_mean, tolerance, 'acute mean');
    expectClose(r.chronicMeanCoupled, expected.chronic_28d_mean_coupled, tolerance, 'chronic mean coupled');
    expectClose(r.chronicMeanUncoupled, expected['chronic_21d_mean_uncoupled_days_t-27_to_t-7'], tolerance, 'chronic mean uncoupled');
    expectClose(r.rollingCoupled.value, expected.acwr_rolling_coupled, tolerance, 'coupled');
    expectClose(r.rollingCoupled.value, expected.acwr_weekly_sum_form, tolerance, 'weekly-sum form');
    expectClose(r.rollingUncoupled.value, expected.acwr_rolling_uncoupled, tolerance, 'uncoupled');
  });

  it('EWMA with seed "first" (default) and seed "zero"', () => {
    const first = acuteChronicWorkloadRatio(loads);
    expect(first.seed).toBe('first');
    expectClose(first.lambdaAcute, expected.lambda_acute, tolerance, 'λ acute');
    expectClose(first.lambdaChronic, expected.lambda_chronic, tolerance, 'λ chronic');
    expectClose(first.ewmaAcute, expected.ewma_acute_seed_first, tolerance, 'EWMA acute (first)');
    expectClose(first.ewmaChronic, expected.ewma_chronic_seed_first, tolerance, 'EWMA chronic (first)');
    expectClose(first.ewmaRatio.value, expected.acwr_ewma_seed_first, tolerance, 'EWMA ratio (first)');
    const zero = acuteChronicWorkloadRatio(loads, { seed: 'zero' });
    expectClose(zero.ewmaAcute, expected.ewma_acute_seed_zero, tolerance, 'EWMA acute (zero)');
    expectClose(zero.ewmaChronic, expected.ewma_chronic_seed_zero, tolerance, 'EWMA chronic (zero)');
    expectClose(zero.ewmaRatio.value, expected.acwr_ewma_seed_zero, tolerance, 'EWMA ratio (zero)');
  });
});

describe('vector acwr_14day_series_insufficient_history', () => {
  const { inputs, expected, tolerance } = loadVector(
    'acwr_14day_series_insufficient_history',
    z.object({ daily_load_AU: numbers }),
    z.object({
      acwr_rolling_coupled: z.null(),
      acwr_rolling_uncoupled: z.null(),
      ewma_acute_seed_first: z.number(),
      ewma_chronic_seed_first: z.number(),
      acwr_ewma_seed_first: z.number(),
      acute_7d_sum: z.number(),
      warm_up_flag: z.literal(true),
    }),
  );
  it('rolling ratios are null; EWMA values are given but flagged as warming up', () => {
    const r = acuteChronicWorkloadRatio(inputs.daily_load_AU);
    expect(r.rollingCoupled).toEqual({ value: expected.acwr_rolling_coupled, reason: 'insufficient-history' });
    expect(r.rollingUncoupled).toEqual({ value: expected.acwr_rolling_uncoupled, reason: 'insufficient-history' });
    expect(r.chronicMeanCoupled).toBeNull();
    expect(r.warmingUp).toBe(expected.warm_up_flag);
    expectClose(r.acuteSum, expected.acute_7d_sum, tolerance, 'acute sum');
    expectClose(r.ewmaAcute, expected.ewma_acute_seed_first, tolerance, 'EWMA acute');
    expectClose(r.ewmaChronic, expected.ewma_chronic_seed_first, tolerance, 'EWMA chronic');
    expectClose(r.ewmaRatio.value, expected.acwr_ewma_seed_first, tolerance, 'EWMA ratio');
  });
});

describe('ACWR history and missing-day thresholds (no vector: built on the runner series)', () => {
  const runner = loadVector('acwr_28day_runner_series', z.object({ daily_load_AU: numbers }), z.object({ acwr_rolling_coupled: z.number() }));
  const series = runner.inputs.daily_load_AU;
  // Days 1, 4, 8, 11 and 25 (0-based) are recorded rest days (load 0) in this series, so turning
  // them into missing days leaves every sum unchanged: only the missing-day rule can change a result.
  const withMissing = (indices: readonly number[]): DayLoad[] => series.map((l, i) => (indices.includes(i) ? null : l));

  it('uses recorded rest days of the series as the days to blank out', () => {
    expect([1, 4, 8, 11, 25].map((i) => series[i])).toEqual([0, 0, 0, 0, 0]);
  });

  it('warming up until 28 days: 27 days give no rolling ratio, 28 days do', () => {
    const day27 = acuteChronicWorkloadRatio(series.slice(0, 27));
    expect(day27.warmingUp).toBe(true);
    expect(day27.rollingCoupled.reason).toBe('insufficient-history');
    expect(day27.ewmaRatio.value).not.toBeNull();
    const day28 = acuteChronicWorkloadRatio(series);
    expect(day28.warmingUp).toBe(false);
    expect(day28.rollingCoupled.value).not.toBeNull();
  });

  it('2 missing days of 28 (7.1%; 2 of 21 = 9.5%) still give every ratio; 3 (10.7%; 14.3%) give none', () => {
    const two = acuteChronicWorkloadRatio(withMissing([1, 4]));
    expect(two.rollingCoupled.value).toBe(acuteChronicWorkloadRatio(series).rollingCoupled.value);
    expectClose(two.rollingCoupled.value, runner.expected.acwr_rolling_coupled, runner.tolerance, 'coupled with 2 missing');
    expect(two.rollingUncoupled.value).not.toBeNull();
    expect(two.ewmaRatio.value).not.toBeNull();
    const three = acuteChronicWorkloadRatio(withMissing([1, 4, 8]));
    expect(three.rollingCoupled).toEqual({ value: null, reason: 'too-many-missing-days' });
    expect(three.rollingUncoupled).toEqual({ value: null, reason: 'too-many-missing-days' });
    expect(three.ewmaRatio).toEqual({ value: null, reason: 'too-many-missing-days' });
    expect(three.ewmaAcute).toBeGreaterThan(0); // the lines are still drawn
  });

  it('a share exactly at the allowed fraction is accepted (the rule is "more than")', () => {
    // maxMissingFraction 3/28: coupled 3/28 is not more than 3/28 → value; uncoupled 3/21 is → null.
    const r = acuteChronicWorkloadRatio(withMissing([1, 4, 8]), { maxMissingFraction: 3 / 28 });
    expect(r.rollingCoupled.value).not.toBeNull();
    expect(r.rollingUncoupled.reason).toBe('too-many-missing-days');
    expect(r.ewmaRatio.value).not.toBeNull();
  });

  it('one missing day in the acute week (1/7 = 14%) refuses every ratio', () => {
    const r = acuteChronicWorkloadRatio(withMissing([25]));
    expect(r.rollingCoupled.reason).toBe('too-many-missing-days');
    expect(r.rollingUncoupled.reason).toBe('too-many-missing-days');
    expect(r.ewmaRatio.reason).toBe('too-many-missing-days');
  });

  it('a zero chronic load gives a reason, never Infinity or NaN', () => {
    const r = acuteChronicWorkloadRatio(Array.from({ length: 28 }, () => 0));
    expect(r.rollingCoupled).toEqual({ value: null, reason: 'zero-chronic-load' });
    expect(r.rollingUncoupled).toEqual({ value: null, reason: 'zero-chronic-load' });
    expect(r.ewmaRatio).toEqual({ value: null, reason: 'zero-chronic-load' });
  });

  it('refuses empty series and negative loads', () => {
    expect(() => acuteChronicWorkloadRatio([])).toThrow('at least one day of loads');
    expect(() => acuteChronicWorkloadRatio([100, -5])).toThrow('Daily load (day 2) cannot be negative (got -5)');
    expect(() => acuteChronicWorkloadRatio(series, { maxMissingFraction: 1 })).toThrow(RangeError);
  });
});

describe('EWMA (no vector for the series itself: worked by hand)', () => {
  it('λ = 2/(N + 1) and the recursion from both seeds', () => {
    expect(ewmaLambda(7)).toBe(0.25);
    expectClose(ewmaLambda(28), 2 / 29, 1e-15, 'λ 28');
    // Loads 100, 0, 200 with λ = 0.25:
    // seed first: 100; 0.25×0 + 0.75×100 = 75; 0.25×200 + 0.75×75 = 50 + 56.25 = 106.25.
    // seed zero: 0.25×100 = 25; 0.75×25 = 18.75; 50 + 0.75×18.75 = 64.0625.
    expect(ewmaSeries([100, 0, 200], 7)).toEqual([100, 75, 106.25]);
    expect(ewmaSeries([100, 0, 200], 7, 'zero')).toEqual([25, 18.75, 64.0625]);
    // A missing day counts as 0 in the arithmetic.
    expect(ewmaSeries([100, null, 200], 7)).toEqual([100, 75, 106.25]);
  });

  it('stays between the smallest and largest load so far (seed first) or between 0 and the largest (seed zero)', () => {
    const load = fc.option(fc.double({ min: 0, max: 2000, noNaN: true }), { freq: 8 });
    fc.assert(
      fc.property(fc.array(load, { minLength: 1, maxLength: 60 }), fc.constantFrom(7, 28), (loads, n) => {
        const values = loads.map((l) => l ?? 0);
        const first = ewmaSeries(loads, n, 'first');
        const zero = ewmaSeries(loads, n, 'zero');
        values.forEach((_, t) => {
          const soFar = values.slice(0, t + 1);
          const lo = Math.min(...soFar);
          const hi = Math.max(...soFar);
          const slack = 1e-9 * Math.max(1, hi);
          expect(first[t]).toBeGreaterThanOrEqual(lo - slack);
          expect(first[t]).toBeLessThanOrEqual(hi + slack);
          expect(zero[t]).toBeGreaterThanOrEqual(0);
          expect(zero[t]).toBeLessThanOrEqual(hi + slack);
        });
      }),
    );
  });
});

describe('monotony edge cases', () => {
  it('identical loads every day: null with a reason, never Infinity', () => {
    const r = monotonyAndStrain([300, 300, 300, 300, 300, 300, 300]);
    expect(r.monotony).toBeNull();
    expect(r.strain).toBeNull();
    expect(r.reason).toBe('no-variation');
    expect(r.weeklyLoad).toBe(2100);
  });

  it('a missing day in the week (1/7 > 10%) refuses monotony; the week must have 7 days', () => {
    const week: DayLoad[] = [360, 135, 600, null, 250, 360, 60];
    expect(monotonyAndStrain(week).reason).toBe('too-many-missing-days');
    expect(weeklyLoad(week)).toEqual({ load: 1765, missingDays: 1 });
    // Allowing 1/7 missing: the missing day counts as 0, giving the vector week's numbers.
    expect(monotonyAndStrain(week, { maxMissingFraction: 1 / 7 }).monotony).not.toBeNull();
    expect(() => monotonyAndStrain([1, 2, 3])).toThrow('exactly 7 daily totals (got 3)');
  });
});

describe('daily totals from logged sessions (no vector: worked by hand)', () => {
  it('sums two sessions on a day and keeps rest days apart from missing days, across a leap day', () => {
    const days = dailyLoads(
      [
        { date: '2024-02-27', rpe: 6, minutes: 60 }, // 360
        { date: '2024-02-27', rpe: 3, minutes: 20 }, // + 60 = 420
        { date: '2024-03-01', rpe: 5, minutes: 50 }, // 250
        { date: '2024-03-02', rpe: 0, minutes: 0 }, // logged, 0
        { date: '2024-03-05', rpe: 9, minutes: 90 }, // outside the range: ignored
      ],
      { from: '2024-02-27', to: '2024-03-02', restDays: ['2024-02-28'] },
    );
    expect(days).toEqual([
      { date: '2024-02-27', load: 420, sessions: 2, status: 'logged' },
      { date: '2024-02-28', load: 0, sessions: 0, status: 'rest' },
      { date: '2024-02-29', load: null, sessions: 0, status: 'missing' },
      { date: '2024-03-01', load: 250, sessions: 1, status: 'logged' },
      { date: '2024-03-02', load: 0, sessions: 1, status: 'logged' },
    ]);
  });

  it('refuses impossible sessions and dates with sentences a coach can read', () => {
    expect(() => sessionLoad(11, 60)).toThrow('Session RPE (CR-10) must be between 0 and 10 (got 11).');
    expect(() => sessionLoad(5, -5)).toThrow('Minutes cannot be negative (got -5).');
    expect(() => dailyLoads([], { from: '2024-02-30', to: '2024-03-02' })).toThrow('Start date must be a real date written YYYY-MM-DD (got "2024-02-30").');
    expect(() => dailyLoads([], { from: '2024-03-02', to: '2024-03-01' })).toThrow('is before the start date');
    expect(() => dailyLoads([{ date: '2024-3-1', rpe: 5, minutes: 10 }], { from: '2024-03-01', to: '2024-03-02' })).toThrow('Session 1 date');
    expect(sessionLoad(10, 0)).toBe(0);
  });
});

describe('week-over-week change and bands (no vector: worked by hand)', () => {
  it('100 × (this − last)/last, null after a zero week', () => {
    // (1150 − 1000)/1000 = +15%; (1000 − 1200)/1200 = −16.6667%.
    expect(weekOverWeekChangePercent(1000, 1150)).toBeCloseTo(15, 12);
    expectClose(weekOverWeekChangePercent(1200, 1000), -16.666667, 1e-6, 'drop');
    expect(weekOverWeekChangePercent(0, 500)).toBeNull();
  });

  it('places a ratio in the Gabbett bands at, just below and just above each edge', () => {
    expect(acwrBand(0.7999)).toBe('below usual');
    expect(acwrBand(0.8)).toBe('usual range');
    expect(acwrBand(1.3)).toBe('usual range');
    expect(acwrBand(1.3001)).toBe('rising faster than usual');
    expect(acwrBand(1.4999)).toBe('rising faster than usual');
    expect(acwrBand(1.5)).toBe('well above usual');
    expect(() => acwrBand(1, { low: 1.3, high: 0.8, veryHigh: 1.5 })).toThrow('must be in order');
  });
});

/**
 * An athlete's load series against REFERENCE.md's worked vectors (tests/fixtures/science-vectors.json,
 * computed by build_vectors.py, not by this code) and hand calculations written out below.
 */
import { describe, expect, it } from 'vitest';
import { addDays } from '@shared/dates';
import { buildLoadSeries, historyStart, plannedDayLoad, type LoadSeriesInput, type LoggedSessionInput, type WellnessInput } from '@shared/load/series';

// acwr_28day_runner_with_spike_week: 28 daily loads (AU), day 1 = Monday 2026-09-07.
const SPIKE = [420, 0, 360, 300, 0, 540, 240, 450, 0, 390, 300, 0, 600, 240, 480, 0, 420, 330, 0, 630, 270, 650, 300, 700, 500, 0, 900, 450];
const START = '2026-09-07';

function base(overrides: Partial<LoadSeriesInput> = {}): LoadSeriesInput {
  return {
    from: START,
    to: addDays(START, 27),
    today: addDays(START, 27),
    historyFrom: START,
    hasEarlierData: false,
    firstDayOfWeek: 1,
    acwrMethod: 'ewma',
    monotonySd: 'sample',
    wellness: { zThreshold: -1, itemThreshold: 2, consecutiveDays: 2 },
    lastDeloadBefore: null,
    firstPlanDay: null,
    plan: [],
    logs: [],
    wellnessChecks: [],
    ...overrides,
  };
}

/** Each non-zero load as one run of RPE load/100 for 100 minutes; zero days have nothing planned (rest). */
const spikeLogs: LoggedSessionInput[] = SPIKE.flatMap((load, i) => (load === 0 ? [] : [{ date: addDays(START, i), kind: 'run' as const, status: 'done' as const, rpe: load / 100, minutes: 100 }]));

describe('planned load', () => {
  it('is target RPE x minutes of the session plus the run; a deload day keeps the strength session\u2019s RPE and loses its share of sets from the minutes', () => {
    // Foundational A: RPE 6 x 50 min = 300; easy run RPE 3 x 30 min = 90; together 390.
    const day = { date: START, isDeload: false, strength: { rpe: 6, minutes: 50 }, deloadSetReduction: 0.5, run: { rpe: 3, minutes: 30 } };
    expect(plannedDayLoad(day)).toBe(390);
    // Deload (sets -50%): 6 x 50 x 0.5 = 150, run unchanged 90: 240.
    expect(plannedDayLoad({ ...day, isDeload: true })).toBe(240);
    // A deload day outside any block uses the default -50%: the same 240.
    expect(plannedDayLoad({ ...day, isDeload: true, deloadSetReduction: null })).toBe(240);
    // Sets -40%: 6 x 50 x 0.6 = 180 + 90 = 270.
    expect(plannedDayLoad({ ...day, isDeload: true, deloadSetReduction: 0.4 })).toBe(270);
  });
});

describe('acute and chronic load and the ratio (vector acwr_28day_runner_with_spike_week)', () => {
  it('EWMA 7/28 seeded with the first day: acute 478.032297, chronic 391.391436, ratio 1.221366 on day 28', () => {
    const last = buildLoadSeries(base({ logs: spikeLogs })).days.at(-1);
    expect(last?.acuteLoad).toBeCloseTo(478.032297, 5);
    expect(last?.chronicLoad).toBeCloseTo(391.391436, 5);
    expect(last?.acwr).toBeCloseTo(1.221366, 6);
    expect(last?.acuteSum).toBeCloseTo(3500, 6);
    expect(last?.warmingUp).toBe(false);
  });

  it('rolling uncoupled 500 / 284.285714 = 1.758794 and coupled 500 / 338.214286 = 1.478353', () => {
    const uncoupled = buildLoadSeries(base({ logs: spikeLogs, acwrMethod: 'rolling-uncoupled' }));
    expect(uncoupled.days.at(-1)?.acwr).toBeCloseTo(1.758794, 6);
    expect(uncoupled.days.at(-1)?.chronicLoad).toBeCloseTo(284.285714, 5);
    expect(uncoupled.acwrMethodLabel).toMatch(/21 days/);
    const coupled = buildLoadSeries(base({ logs: spikeLogs, acwrMethod: 'rolling-coupled' }));
    expect(coupled.days.at(-1)?.acwr).toBeCloseTo(1.478353, 6);
    // Day 27 has only 27 days of history: rolling ratios are refused, EWMA is "warming up".
    expect(coupled.days.at(-2)).toMatchObject({ acwr: null, acwrUnavailable: 'insufficient-history' });
    expect(buildLoadSeries(base({ logs: spikeLogs })).days.at(-2)?.warmingUp).toBe(true);
  });

  it('the same day gives the same numbers when the chart starts later (history read before the first day shown)', () => {
    const shown = buildLoadSeries(base({ logs: spikeLogs, from: addDays(START, 20) }));
    expect(shown.days).toHaveLength(8);
    expect(shown.days.at(-1)?.acwr).toBeCloseTo(1.221366, 6);
  });

  it('a planned day with nothing logged is missing, not rest: one in the acute week refuses the ratio (1/7 > 10%)', () => {
    // Day 27 (index 26, 900 AU) planned but not logged.
    const logs = spikeLogs.filter((l) => l.date !== addDays(START, 26));
    const plan = [{ date: addDays(START, 26), isDeload: false, strength: null, deloadSetReduction: null, run: { rpe: 9, minutes: 100 } }];
    const series = buildLoadSeries(base({ logs, plan }));
    expect(series.days[26]).toMatchObject({ status: 'not-logged', actualLoad: null, plannedLoad: 900 });
    expect(series.days.at(-1)).toMatchObject({ acwr: null, acwrUnavailable: 'too-many-missing-days' });
  });
});

describe('day status', () => {
  it('done, missed, rest, not logged and future', () => {
    const plan = [0, 1, 3, 4].map((i) => ({ date: addDays(START, i), isDeload: false, strength: { rpe: 6, minutes: 50 }, deloadSetReduction: 0.5, run: null }));
    const logs: LoggedSessionInput[] = [
      // Day 1: strength 7 x 40 = 280 and a run 5 x 30 = 150: 430.
      { date: START, kind: 'strength', status: 'done', rpe: 7, minutes: 40 },
      { date: START, kind: 'run', status: 'done', rpe: 5, minutes: 30 },
      { date: addDays(START, 1), kind: 'strength', status: 'missed', rpe: null, minutes: null },
    ];
    const days = buildLoadSeries(base({ to: addDays(START, 4), today: addDays(START, 3), plan, logs })).days;
    expect(days.map((d) => [d.status, d.actualLoad, d.sessions])).toEqual([
      ['done', 430, 2],
      ['missed', 0, 0],
      ['rest', 0, 0],
      ['not-logged', null, 0],
      ['future', null, 0],
    ]);
  });
});

describe('weeks', () => {
  it('weekly load and change: 1860, 1980, 2130, 3500 AU; +6.5%, +7.6%, +64.3%', () => {
    // Week sums of SPIKE: 420+0+360+300+0+540+240 = 1860; 450+0+390+300+0+600+240 = 1980;
    // 480+0+420+330+0+630+270 = 2130; 650+300+700+500+0+900+450 = 3500 (the vector's acute sum).
    const weeks = buildLoadSeries(base({ logs: spikeLogs })).weeks;
    expect(weeks.map((w) => w.load)).toEqual([1860, 1980, 2130, 3500]);
    // Change: (1980-1860)/1860 = 6.4516%; (2130-1980)/1980 = 7.5758%; (3500-2130)/2130 = 64.3192%.
    expect(weeks[0]?.changePercent).toBeNull();
    expect(weeks[1]?.changePercent).toBeCloseTo(6.4516, 3);
    expect(weeks[2]?.changePercent).toBeCloseTo(7.5758, 3);
    expect(weeks[3]?.changePercent).toBeCloseTo(64.3192, 3);
  });

  it('monotony and strain of vector srpe_week_monotony_strain: 1.215 (sample SD), 1.312 (population); strain = 1765 x monotony', () => {
    const loads = [360, 135, 600, 0, 250, 360, 60];
    const logs = loads.flatMap((load, i) => (load === 0 ? [] : [{ date: addDays(START, i), kind: 'run' as const, status: 'done' as const, rpe: load / 100, minutes: 100 }]));
    const sample = buildLoadSeries(base({ logs, to: addDays(START, 6), today: addDays(START, 6) })).weeks[0];
    expect(sample?.load).toBeCloseTo(1765, 6);
    expect(sample?.monotony).toBeCloseTo(1.215, 3);
    expect(sample?.strain).toBeCloseTo(1765 * (sample?.monotony ?? 0), 6);
    const population = buildLoadSeries(base({ logs, to: addDays(START, 6), today: addDays(START, 6), monotonySd: 'population' })).weeks[0];
    expect(population?.monotony).toBeCloseTo(1.312, 3);
    // A week not over yet has no monotony.
    const running = buildLoadSeries(base({ logs, to: addDays(START, 6), today: addDays(START, 5) })).weeks[0];
    expect(running).toMatchObject({ monotony: null, monotonyUnavailable: 'week-not-over', complete: false });
  });
});

describe('deloads', () => {
  it('weeks since the last deload: 4 Oct to 16 Nov is 43 days, 6 whole weeks; 0 during a deload', () => {
    const plan = [{ date: '2026-11-16', isDeload: false, strength: null, deloadSetReduction: null, run: null }];
    const after = buildLoadSeries(base({ from: '2026-11-16', to: '2026-11-16', today: '2026-11-16', historyFrom: '2026-11-16', lastDeloadBefore: '2026-10-04', plan }));
    expect(after.days[0]?.weeksSinceDeload).toBe(6);
    const during = buildLoadSeries(base({ from: '2026-11-16', to: '2026-11-16', today: '2026-11-16', historyFrom: '2026-11-16', plan: [{ ...plan[0]!, isDeload: true }] }));
    expect(during.days[0]).toMatchObject({ weeksSinceDeload: 0, isDeload: true });
    // No deload ever: counted from the first plan day (7 Sep to 16 Nov = 70 days = 10 weeks).
    const never = buildLoadSeries(base({ from: '2026-11-16', to: '2026-11-16', today: '2026-11-16', historyFrom: '2026-11-16', firstPlanDay: '2026-09-07', plan }));
    expect(never.days[0]?.weeksSinceDeload).toBe(10);
  });
});

describe('wellness against the athlete\u2019s own baseline (vector mclean_wellness_z_flag)', () => {
  // Baseline totals 21, 20, 22, 21, 19, 20, 21, 22, 20, 21, 20, 19, 21, 22 (no item below 3).
  const totals = [21, 20, 22, 21, 19, 20, 21, 22, 20, 21, 20, 19, 21, 22];
  const itemsFor: Record<number, [number, number, number, number, number]> = { 19: [4, 4, 3, 4, 4], 20: [4, 4, 4, 4, 4], 21: [5, 4, 4, 4, 4], 22: [5, 5, 4, 4, 4] };
  const check = (date: string, [fatigue, sleepQuality, muscleSoreness, stress, mood]: number[], hamstringTight: boolean | null = null): WellnessInput => ({
    date,
    fatigue: fatigue ?? null,
    sleepQuality: sleepQuality ?? null,
    muscleSoreness: muscleSoreness ?? null,
    stress: stress ?? null,
    mood: mood ?? null,
    hamstringTight,
  });
  const baseline = totals.map((t, i) => check(addDays(START, i), itemsFor[t] as number[]));

  it('day 15 low total (19): z = -1.629482, flagged; day 16 soreness 2: flagged by the item, two days in a row', () => {
    const checks = [...baseline, check(addDays(START, 14), [4, 4, 3, 4, 4]), check(addDays(START, 15), [5, 5, 2, 4, 4])];
    const days = buildLoadSeries(base({ to: addDays(START, 15), today: addDays(START, 15), wellnessChecks: checks })).days;
    expect(days[13]?.wellness).toMatchObject({ total: 22, baselineMean: null, flagged: false, flaggedRun: 0 });
    expect(days[14]?.wellness?.total).toBe(19);
    expect(days[14]?.wellness?.baselineMean).toBeCloseTo(20.642857, 5);
    expect(days[14]?.wellness?.z).toBeCloseTo(-1.629482, 5);
    expect(days[14]?.wellness).toMatchObject({ flagged: true, flaggedRun: 1, lowItems: [] });
    expect(days[15]?.wellness).toMatchObject({ flagged: true, flaggedRun: 2, lowItems: [{ item: 'muscleSoreness', score: 2 }] });
  });

  it('a check with an item left blank has no total (not comparable) but its low items still flag the day; a day without a check breaks the run', () => {
    const checks = [check(addDays(START, 0), [2, 4]), check(addDays(START, 2), [3, 3, 3, 3, 3], true)];
    const days = buildLoadSeries(base({ to: addDays(START, 2), today: addDays(START, 2), wellnessChecks: checks })).days;
    expect(days[0]?.wellness).toMatchObject({ total: null, lowItems: [{ item: 'fatigue', score: 2 }], flagged: true, flaggedRun: 1 });
    expect(days[1]?.wellness).toBeNull();
    expect(days[2]?.wellness).toMatchObject({ total: 15, flagged: false, flaggedRun: 0, hamstringTight: true });
  });
});

describe('history start', () => {
  it('90 days before the first day shown, not before the athlete\u2019s first data; their first data when it comes later; after the range when there is none', () => {
    // 2026-11-16 minus 90 days = 2026-08-18 (Nov 16 -> Oct 16 = 31, -> Sep 16 = 61, -> Aug 18 = 90).
    expect(historyStart('2026-11-16', '2026-11-29', '2025-01-01')).toEqual({ historyFrom: '2026-08-18', hasEarlierData: true });
    expect(historyStart('2026-11-16', '2026-11-29', '2026-10-01')).toEqual({ historyFrom: '2026-10-01', hasEarlierData: false });
    expect(historyStart('2026-11-16', '2026-11-29', '2026-11-20')).toEqual({ historyFrom: '2026-11-20', hasEarlierData: false });
    expect(historyStart('2026-11-16', '2026-11-29', null)).toEqual({ historyFrom: '2026-11-30', hasEarlierData: false });
  });

  it('days shown before the athlete\u2019s first data are "no data", and a day\u2019s numbers do not depend on the range asked for', () => {
    // The spike vector's athlete, shown from 10 days before their first day: the last day still
    // reads acute 478.032297, chronic 391.391436, ratio 1.221366 (not a ratio seeded with 10 zeros).
    const series = buildLoadSeries(base({ logs: spikeLogs, from: addDays(START, -10) }));
    expect(series.days).toHaveLength(38);
    expect(series.days.slice(0, 10).every((d) => d.status === 'no-data' && d.actualLoad === null && d.acwr === null)).toBe(true);
    expect(series.days[10]?.status).toBe('done');
    expect(series.days.at(-1)?.acwr).toBeCloseTo(1.221366, 6);
    // The weeks before: nothing logged and every day missing, so no weekly load to show as 0 alone.
    const firstWeek = series.weeks[0];
    expect(firstWeek?.missingDays).toBeGreaterThan(0);
    // No data at all: every day shown is "no data".
    const none = buildLoadSeries(base({ historyFrom: addDays(START, 28) }));
    expect(none.days).toHaveLength(28);
    expect(new Set(none.days.map((d) => d.status))).toEqual(new Set(['no-data']));
  });
});

describe('today', () => {
  it('planned and not logged yet is still open: the ratios stop at yesterday instead of being refused for a missing day', () => {
    // Day 28 (today) planned and not logged. Day 27 by hand, EWMA seeded with day 1 (lambda 2/8 and
    // 2/29 over days 1-27): acute 487.376396, chronic 387.050061, ratio 1.259208.
    const logs = spikeLogs.filter((l) => l.date !== addDays(START, 27));
    const plan = [{ date: addDays(START, 27), isDeload: false, strength: null, deloadSetReduction: null, run: { rpe: 4.5, minutes: 100 } }];
    const days = buildLoadSeries(base({ logs, plan })).days;
    expect(days[26]?.acuteLoad).toBeCloseTo(487.376396, 5);
    expect(days[26]?.chronicLoad).toBeCloseTo(387.050061, 5);
    expect(days[26]?.acwr).toBeCloseTo(1.259208, 6);
    expect(days[27]).toMatchObject({ status: 'not-logged', actualLoad: null, acwr: null, acwrUnavailable: null, acuteLoad: null });
    // Once logged, today counts: the vector's day 28.
    expect(buildLoadSeries(base({ logs: spikeLogs, plan })).days[27]?.acwr).toBeCloseTo(1.221366, 6);
  });
});

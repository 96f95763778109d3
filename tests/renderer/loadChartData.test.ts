/**
 * The athlete chart's data mapping: load.athlete's result to one recharts row per day, the
 * deload spans, the sentences for missing numbers, and the ranges. The series below is written
 * out by hand; each expectation says where its number comes from.
 */
import { describe, expect, it } from 'vitest';
import { chartRows, deloadSpans, formatChange, hasLoadData, rangeDates, ratioNotes } from '@renderer/features/load/chartData';
import { makeAthleteLoad, makeDay, makeWeek } from './loadFixtures';

const W1 = '2026-11-09';
const W2 = '2026-11-16';

/** Mon 9 to Sun 22 Nov 2026; today is Wednesday 18 Nov. */
function twoWeeks() {
  const days = [
    makeDay('2026-11-09', W1, { status: 'done', plannedLoad: 390, actualLoad: 405, acuteLoad: 101.25, chronicLoad: 405, acwr: 0.25, warmingUp: true }),
    makeDay('2026-11-10', W1, { status: 'missed', plannedLoad: 400, actualLoad: 0, acuteLoad: 75.9, chronicLoad: 377, acwr: 0.2, warmingUp: true }),
    makeDay('2026-11-11', W1, { status: 'not-logged', plannedLoad: 120, actualLoad: null, acwrUnavailable: 'too-many-missing-days', warmingUp: false }),
    makeDay('2026-11-12', W1, { status: 'rest', acwrUnavailable: 'too-many-missing-days', isDeload: true }),
    makeDay('2026-11-13', W1, { status: 'done', plannedLoad: 300, actualLoad: 280, acuteLoad: 120, chronicLoad: 100, acwr: 1.2, isDeload: true }),
    makeDay('2026-11-14', W1, { status: 'rest', acuteLoad: 90, chronicLoad: 95, acwr: 90 / 95 }),
    makeDay('2026-11-15', W1, { status: 'rest', acuteLoad: 70, chronicLoad: 90, acwr: 70 / 90 }),
    makeDay('2026-11-16', W2, {
      status: 'done',
      plannedLoad: 500,
      actualLoad: 300,
      acuteLoad: 130,
      chronicLoad: 110,
      acwr: 130 / 110,
      wellness: { total: null, baselineMean: 19.5, z: null, lowItems: [{ item: 'muscleSoreness', score: 2 }], hamstringTight: true, flagged: true, flaggedRun: 1 },
    }),
    makeDay('2026-11-17', W2, {
      status: 'rest',
      acuteLoad: 100,
      chronicLoad: 105,
      acwr: 100 / 105,
      wellness: { total: 21, baselineMean: 19.5, z: 0.8, lowItems: [], hamstringTight: false, flagged: false, flaggedRun: 0 },
    }),
    // Today, nothing logged yet: the series calls it not logged and gives a lower acute load (the day as 0) and no ratio.
    makeDay('2026-11-18', W2, { status: 'not-logged', plannedLoad: 250, actualLoad: null, acuteLoad: 75, chronicLoad: 98, acwrUnavailable: 'too-many-missing-days' }),
    makeDay('2026-11-19', W2, { status: 'future', plannedLoad: 320, actualLoad: null }),
    makeDay('2026-11-20', W2, { status: 'future', actualLoad: null }),
    makeDay('2026-11-21', W2, { status: 'future', plannedLoad: 375, actualLoad: null }),
    makeDay('2026-11-22', W2, { status: 'future', actualLoad: null }),
  ];
  const weeks = [
    // 405 + 0 + 280 = 685 logged, one day not logged; +12.5% on the week before.
    makeWeek(W1, { plannedLoad: 1210, load: 685, missingDays: 1, changePercent: 12.5 }),
    makeWeek(W2, { complete: false, plannedLoad: 1445, load: 300, missingDays: 1 }),
  ];
  return makeAthleteLoad(days, weeks);
}

describe('chart rows', () => {
  const rows = chartRows(twoWeeks());
  const on = (date: string) => rows.find((r) => r.date === date);

  it('one row per day, with planned and logged load; a day not logged is a marker, never a 0 bar', () => {
    expect(rows).toHaveLength(14);
    expect(rows.slice(0, 4).map((r) => [r.planned, r.actual, r.notLogged])).toEqual([
      [390, 405, null], // done
      [400, 0, null], // missed counts 0
      [120, null, 0], // not logged: no bar, a marker on the axis
      [null, 0, null], // rest: 0, and no empty planned outline
    ]);
    expect(on('2026-11-19')).toMatchObject({ status: 'future', planned: 320, actual: null, acute: null, chronic: null, acwr: null });
  });

  it('treats today as open while nothing is logged: no marker, no acute or chronic dip, no ratio gap reason', () => {
    expect(on('2026-11-18')).toMatchObject({ status: 'open', planned: 250, actual: null, notLogged: null, acute: null, chronic: null, acwr: null, acwrUnavailable: null });
    expect(on('2026-11-17')).toMatchObject({ acute: 100, chronic: 105 });
  });

  it('draws the ratio dashed while warming up, joining the solid line on the first day after', () => {
    expect(rows.slice(0, 3).map((r) => [r.acwr, r.acwrWarmingUp])).toEqual([
      [null, 0.25],
      [null, 0.2],
      // 11 Nov is past warming up but has no ratio (too many days not logged): a gap in both.
      [null, null],
    ]);
    expect(on('2026-11-13')).toMatchObject({ acwr: 1.2, acwrWarmingUp: null });
  });

  it('puts each week\u2019s load on its days and its change (rounded) on the middle day shown; "so far" for this week', () => {
    expect(rows.slice(0, 7).every((r) => r.weekLoad === 685 && r.weekPlanned === 1210)).toBe(true);
    expect(rows.slice(7).every((r) => r.weekLoad === 300 && r.weekPlanned === 1445)).toBe(true);
    // Seven days each: the label sits on the 4th (index 3): Thu 12 and Thu 19 Nov; 12.5% rounds to +13%.
    expect(rows.filter((r) => r.weekLabel !== null).map((r) => [r.date, r.weekLabel])).toEqual([
      ['2026-11-12', '+13%'],
      ['2026-11-19', 'so far'],
    ]);
  });

  it('leaves a week with nothing logged empty instead of 0, and weeks to come empty', () => {
    const load = twoWeeks();
    load.series.weeks[0] = makeWeek(W1, { load: 0, missingDays: 4 });
    const future = makeAthleteLoad([makeDay('2026-11-23', '2026-11-23', { status: 'future' })], [makeWeek('2026-11-23', { complete: false, plannedLoad: 900 })]);
    expect(chartRows(load)[0]?.weekLoad).toBeNull();
    expect(chartRows(future)[0]).toMatchObject({ weekLoad: null, weekPlanned: 900, weekLabel: null });
  });

  it('plots wellness against the own baseline, and marks flagged days and tight hamstrings', () => {
    // 16 Nov: soreness 2/5 flags the day though an item was blank (no total): the marker sits at 6.
    expect(on('2026-11-16')).toMatchObject({ wellness: null, baseline: 19.5, wellnessFlagged: 6, hamstring: 24 });
    expect(on('2026-11-17')).toMatchObject({ wellness: 21, baseline: 19.5, wellnessFlagged: null, hamstring: null });
    expect(on('2026-11-15')).toMatchObject({ wellness: null, baseline: null, wellnessFlagged: null });
  });
});

describe('what goes with the rows', () => {
  it('shades each run of deload days once', () => {
    const days = ['d1', 'd2', 'd3', 'd4', 'd5'].map((date, i) => ({ date, deload: [false, true, true, false, true][i] as boolean }));
    expect(deloadSpans(days)).toEqual([
      { from: 'd2', to: 'd3' },
      { from: 'd5', to: 'd5' },
    ]);
    expect(deloadSpans(chartRows(twoWeeks()))).toEqual([{ from: '2026-11-12', to: '2026-11-13' }]);
  });

  it('says in words why the ratio is dashed or missing', () => {
    expect(ratioNotes(chartRows(twoWeeks()))).toEqual([
      'Warming up until Tue 10 Nov 2026 (dashed): fewer than 28 days of data, so the ratio still leans on its first day and moves a lot.',
      'No ratio on 2 days (11 Nov to 12 Nov): Too many days without a record in this window (more than 10%) to compute it.',
      'Today is not logged yet: the lines stop at yesterday.',
    ]);
  });

  it('says there is nothing before the athlete\u2019s first data instead of a reason for each day', () => {
    const days = [
      makeDay('2026-11-09', W1, { status: 'no-data', actualLoad: null, acwrUnavailable: 'insufficient-history', warmingUp: true }),
      makeDay('2026-11-10', W1, { status: 'no-data', actualLoad: null, acwrUnavailable: 'insufficient-history', warmingUp: true }),
      makeDay('2026-11-11', W1, { status: 'done', plannedLoad: 300, actualLoad: 300, acuteLoad: 300, chronicLoad: 300, acwr: 1, warmingUp: true }),
    ];
    const notes = ratioNotes(chartRows(makeAthleteLoad(days, [], { today: '2026-11-11' })));
    expect(notes).toContain('Nothing planned or logged before Wed 11 Nov 2026: no numbers for the days before.');
    expect(notes.some((n) => n.startsWith('No ratio'))).toBe(false);
  });

  it('writes a change with its sign and a real minus', () => {
    expect([12.5, -8.4, 0.4, -0.4, 100].map(formatChange)).toEqual(['+13%', '\u22128%', '0%', '0%', '+100%']);
  });

  it('knows when there is nothing to chart', () => {
    const empty = [makeDay('2026-11-09', W1), makeDay('2026-11-10', W1, { status: 'future', actualLoad: null })];
    expect(hasLoadData(empty)).toBe(false);
    const wellnessOnly = [makeDay('2026-11-09', W1, { wellness: { total: 20, baselineMean: null, z: null, lowItems: [], hamstringTight: false, flagged: false, flaggedRun: 0 } })];
    expect(hasLoadData(wellnessOnly)).toBe(true);
  });
});

describe('ranges', () => {
  it('"N weeks" is the last N squad weeks and the coming one', () => {
    // Saturday 21 Nov 2026, weeks from Monday: this week starts 16 Nov; 3 weeks earlier is 26 Oct; next week ends Sun 29 Nov.
    expect(rangeDates('4w', '2026-11-21', 1, null)).toEqual({ from: '2026-10-26', to: '2026-11-29' });
    // Weeks from Sunday: this week starts Sun 15 Nov; 11 weeks (77 days) earlier is Sun 30 Aug; next week ends Sat 28 Nov.
    expect(rangeDates('12w', '2026-11-21', 0, null)).toEqual({ from: '2026-08-30', to: '2026-11-28' });
  });

  it('"Season" is the season of the settings, its last 740 days when longer', () => {
    expect(rangeDates('season', '2026-11-21', 1, { seasonStart: '2026-09-07', seasonEnd: '2027-06-27' })).toEqual({ from: '2026-09-07', to: '2027-06-27' });
    // 27 Jun 2027 back 730 days (no 29 Feb in between) is 27 Jun 2025, 9 more is 18 Jun 2025: 740 days inclusive.
    expect(rangeDates('season', '2026-11-21', 1, { seasonStart: '2025-01-01', seasonEnd: '2027-06-27' })).toEqual({ from: '2025-06-18', to: '2027-06-27' });
  });
});

/**
 * Training load through the dispatcher on a real squad file (issue 7): an athlete's series from
 * the plan and what was logged, the squad's weekly matrix, and refusals that change nothing.
 * Numbers are hand calculations from DOMAIN.md's default week (written out below).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addDays } from '@shared/dates';
import { planApi } from '../support/planSquad';
import { openTempSquad, type TempSquad } from '../support/tempSquad';

let squad: TempSquad;
const api = planApi(() => squad);
const { ok, refused } = api;

beforeEach(async () => {
  // Thursday 1 October 2026, noon: week 4 of the block (the deload week, 28 Sep - 4 Oct).
  squad = await openTempSquad({ now: () => new Date('2026-10-01T12:00:00Z') });
});
afterEach(() => squad.close());

/** Ana, Ben (Distance) and Cara (Sprints); the foundational block for Distance from Mon 7 Sep, deload week 4. */
async function withBlock() {
  const ids = await api.smallSquad();
  await ok('blocks.create', { ...(await api.foundationalBlock()), groupIds: [ids.distance] });
  return ids;
}

describe('load.athlete', () => {
  it('gives planned load from the plan and actual load from the logs, day by day and week by week', async () => {
    const ids = await withBlock();
    const a = await api.templateId('foundational_a');
    // Mon 7 Sep: A done at RPE 7 for 45 min (315) and the easy run at RPE 3 for 30 min (90): 405.
    await ok('results.save', {
      athleteId: ids.ana,
      date: '2026-09-07',
      strength: { templateId: a, status: 'done', sessionRpe: 7, minutes: 45 },
      run: { runType: 'easy', status: 'done', minutes: 30, sessionRpe: 3 },
      wellness: null,
    });
    // Tue 8 Sep: the intervals missed (0).
    await ok('results.save', { athleteId: ids.ana, date: '2026-09-08', strength: null, run: { runType: 'intervals', status: 'missed' }, wellness: null });

    const load = await ok('load.athlete', { athleteId: ids.ana, from: '2026-09-07', to: '2026-09-13' });
    expect(load.athlete).toMatchObject({ name: 'Ana López', groupName: 'Distance' });
    expect(load.series.acwrMethod).toBe('ewma');
    // Planned (DOMAIN.md's week): Mon A 6 x 50 = 300 + easy 3 x 30 = 90 -> 390; Tue intervals 8 x 50 = 400;
    // Wed easy 3 x 40 = 120; Thu B 5 x 35 = 175 + easy 90 -> 265; Fri rest 0; Sat long 5 x 75 = 375; Sun 0.
    expect(load.series.days.map((d) => d.plannedLoad)).toEqual([390, 400, 120, 265, 0, 375, 0]);
    expect(load.series.days.map((d) => d.status)).toEqual(['done', 'missed', 'not-logged', 'not-logged', 'rest', 'not-logged', 'rest']);
    expect(load.series.days.map((d) => d.actualLoad)).toEqual([405, 0, null, null, 0, null, 0]);
    // The week: planned 390 + 400 + 120 + 265 + 375 = 1550; logged 405 with 3 days not logged.
    expect(load.series.weeks).toHaveLength(1);
    expect(load.series.weeks[0]).toMatchObject({ weekStart: '2026-09-07', plannedLoad: 1550, load: 405, missingDays: 3, complete: true });
    expect(load.acwrCaveats.map((c) => c.title)).toContain('Mathematical coupling');
    expect(load.presentationNote).toMatch(/off by default/);
  });

  it('marks the deload week and lowers its planned strength load by the deload\u2019s share of sets', async () => {
    const ids = await withBlock();
    const load = await ok('load.athlete', { athleteId: ids.ana, from: '2026-09-21', to: '2026-10-04' });
    const [week3, deload] = load.series.weeks;
    expect(week3).toMatchObject({ weekStart: '2026-09-21', deloadDays: 0, plannedLoad: 1550 });
    // Deload: Mon A 300 x 0.5 = 150 + 90 = 240; Thu B 175 x 0.5 = 87.5 + 90 = 177.5; 240 + 400 + 120 + 177.5 + 375 = 1312.5.
    expect(deload).toMatchObject({ weekStart: '2026-09-28', deloadDays: 7, plannedLoad: 1312.5, complete: false });
    // Today (1 Oct) is in the deload: 0 weeks since; 24 Sep was 2 whole weeks after the first plan day (7 Sep).
    expect(load.series.days.find((d) => d.date === '2026-10-01')?.weeksSinceDeload).toBe(0);
    expect(load.series.days.find((d) => d.date === '2026-09-24')?.weeksSinceDeload).toBe(2);
    expect(load.series.days.find((d) => d.date === '2026-10-02')?.status).toBe('future');
    expect(load.nextDeload).toBe('2026-10-02');
  });

  it('the ratio method can be chosen per call and is labelled', async () => {
    const ids = await withBlock();
    const rolling = await ok('load.athlete', { athleteId: ids.ana, from: '2026-09-07', to: '2026-09-13', acwrMethod: 'rolling-uncoupled' });
    expect(rolling.series.acwrMethodLabel).toMatch(/Rolling/);
    expect(rolling.series.days.every((d) => d.acwr === null && d.acwrUnavailable !== null)).toBe(true);
  });

  it('refuses an unknown athlete, a backwards or too long range and an unknown method, changing nothing', async () => {
    const ids = await withBlock();
    expect((await refused('load.athlete', { athleteId: 999, from: '2026-09-07', to: '2026-09-13' })).code).toBe('not_found');
    expect((await refused('load.athlete', { athleteId: ids.ana, from: '2026-09-13', to: '2026-09-07' })).fields).toMatchObject({ to: 'The last day must not be before the first' });
    expect((await refused('load.athlete', { athleteId: ids.ana, from: '2024-01-01', to: '2026-09-07' })).fields?.to).toMatch(/At most 740 days/);
    expect((await refused('load.athlete', { athleteId: ids.ana, from: '2026-09-07', to: '2026-09-13', acwrMethod: 'magic' })).fields?.acwrMethod).toMatch(/ratio method/);
    expect((await refused('load.athlete', { athleteId: ids.ana, from: '2026-09-07', to: '2026-09-13', extra: 1 })).code).toBe('invalid_input');
  });
});

describe('load.squadWeeks', () => {
  it('gives every active athlete\u2019s weekly load, grouped in the squad\u2019s order, with unknown weeks empty', async () => {
    const ids = await withBlock();
    await ok('results.save', { athleteId: ids.ana, date: '2026-09-12', strength: null, run: { runType: 'long', status: 'done', minutes: 80, sessionRpe: 5 }, wellness: null });
    const matrix = await ok('load.squadWeeks', { from: '2026-09-09', to: '2026-10-20', measure: 'weeklyLoad' });
    // Weeks from the Monday of 9 Sep to the Monday of 20 Oct: 7, 14, 21, 28 Sep, 5, 12, 19 Oct.
    expect(matrix.weeks).toEqual(['2026-09-07', '2026-09-14', '2026-09-21', '2026-09-28', '2026-10-05', '2026-10-12', '2026-10-19']);
    expect(matrix.weekComplete).toEqual([true, true, true, false, false, false, false]);
    expect(matrix.groups.map((g) => [g.name, g.order])).toEqual([['Distance', 0], ['Sprints', 1]]);
    expect(matrix.athletes.map((a) => a.name)).toEqual(['Ana López', 'Ben Okafor', 'Cara Nguyen']);
    const [ana, ben, cara] = matrix.athletes;
    // Ana: the long run 5 x 80 = 400 in week 1; nothing logged after: unknown; future weeks empty.
    expect(ana?.values).toEqual([400, null, null, null, null, null, null]);
    expect(ana?.deloadWeeks).toEqual([false, false, false, true, false, false, false]);
    // Ben logged nothing: unknown, not zero. Cara has no plan and no logs: nothing is known of her
    // weeks either (no data, never a 0 that reads as a week of rest).
    expect(ben?.values.every((v) => v === null)).toBe(true);
    expect(cara?.values).toEqual([null, null, null, null, null, null, null]);
    expect(matrix.acwrCaveats).toEqual([]);
  });

  it('the ratio matrix carries its method and the criticisms; a bad measure is refused', async () => {
    await withBlock();
    const matrix = await ok('load.squadWeeks', { from: '2026-09-07', to: '2026-09-20', measure: 'acwr', acwrMethod: 'rolling-coupled' });
    expect(matrix.acwrMethodLabel).toMatch(/coupled/);
    expect(matrix.acwrCaveats.length).toBeGreaterThan(0);
    expect((await refused('load.squadWeeks', { from: '2026-09-07', to: '2026-09-20', measure: 'strain' })).fields?.measure).toMatch(/weekly load or the acute:chronic ratio/);
    expect((await refused('load.squadWeeks', { from: '2025-01-01', to: '2026-09-20', measure: 'acwr' })).fields?.to).toMatch(/53 weeks/);
    // 371 days (53 x 7) from a Wednesday touch 54 Monday weeks: refused, not drawn as 54 columns.
    const wide = await refused('load.squadWeeks', { from: '2026-09-09', to: '2027-09-14', measure: 'weeklyLoad' });
    expect(wide.fields?.to).toBe('At most 53 weeks');
    expect(wide.message).toMatch(/touch 54 of the squad's weeks/);
  });

  it("an athlete whose data starts inside the range reads the same ratios as when the range starts with it", async () => {
    const ids = await withBlock();
    // Ana logs a run every day from Mon 7 Sep (the block's first day) to Wed 30 Sep (today is 1 Oct).
    for (let i = 0; i < 24; i += 1) {
      const date = addDays('2026-09-07', i);
      await ok('results.save', { athleteId: ids.ana, date, strength: null, run: { runType: 'easy', status: 'done', minutes: 30 + i, sessionRpe: 4 }, wellness: null });
    }
    const early = await ok('load.athlete', { athleteId: ids.ana, from: '2026-08-10', to: '2026-09-30' });
    const late = await ok('load.athlete', { athleteId: ids.ana, from: '2026-09-07', to: '2026-09-30' });
    expect(early.series.days.filter((d) => d.date < '2026-09-07').every((d) => d.status === 'no-data')).toBe(true);
    const lastEarly = early.series.days.at(-1);
    const lastLate = late.series.days.at(-1);
    expect(lastEarly?.acwr).not.toBeNull();
    expect(lastEarly?.acwr).toBe(lastLate?.acwr);
    expect(lastEarly?.chronicLoad).toBe(lastLate?.chronicLoad);
  });
});

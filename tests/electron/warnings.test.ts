/**
 * Deload warnings through the dispatcher on a real squad file (issue 7): a sequence of logs raises
 * a warning, "Schedule deload" changes the plan and the warning clears, undo puts everything back;
 * dismissing with a note; the thresholds; refusals that change nothing.
 *
 * The plan is DOMAIN.md's default distance week (tests/support/planSquad.ts, without the Sunday C
 * of week 5 on) in an 8-week block with no deload, from Monday 7 September 2026. A normal week's load is 1550 AU (Mon A 6 x 50 +
 * easy 3 x 30 = 390, Tue intervals 8 x 50 = 400, Wed easy 3 x 40 = 120, Thu B 5 x 35 + easy 90 =
 * 265, Sat long 5 x 75 = 375).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addDays, weekday } from '@shared/dates';
import { databaseFingerprint } from '../support/tempSquad';
import { planApi } from '../support/planSquad';
import { openTempSquad, type TempSquad } from '../support/tempSquad';

let squad: TempSquad;
let now = new Date('2026-10-14T18:00:00Z');
const api = planApi(() => squad);
const { ok, refused } = api;

beforeEach(async () => {
  now = new Date('2026-10-14T18:00:00Z');
  squad = await openTempSquad({ now: () => now });
});
afterEach(() => squad.close());

interface Setup {
  ana: number;
  ben: number;
  cara: number;
  distance: number;
  a: number;
  b: number;
}

async function setup(): Promise<Setup> {
  const ids = await api.smallSquad();
  const block = await api.foundationalBlock({ weeks: 8, deloadWeek: null });
  // DOMAIN.md's Sunday C starts in week 5; left out here so every week is the same 1550 AU.
  block.rhythm = (block.rhythm ?? []).map((d) => (d.weekday === 0 ? { weekday: 0, run: d.run } : d));
  await ok('blocks.create', { ...block, groupIds: [ids.distance] });
  return { ...ids, a: await api.templateId('foundational_a'), b: await api.templateId('foundational_b') };
}

/** Log a day as planned, its minutes times `scale`, with a wellness check (soreness as given). */
async function logDay(s: Setup, athleteId: number, date: string, scale = 1, soreness = 4) {
  const m = (minutes: number) => Math.round(minutes * scale);
  const day = weekday(date);
  const strength =
    day === 1
      ? { templateId: s.a, status: 'done' as const, sessionRpe: 6, minutes: m(50) }
      : day === 4
        ? { templateId: s.b, status: 'done' as const, sessionRpe: 5, minutes: m(35) }
        : null;
  const runs: Record<number, { runType: 'easy' | 'intervals' | 'long'; minutes: number; rpe: number } | null> = {
    0: null,
    1: { runType: 'easy', minutes: 30, rpe: 3 },
    2: { runType: 'intervals', minutes: 50, rpe: 8 },
    3: { runType: 'easy', minutes: 40, rpe: 3 },
    4: { runType: 'easy', minutes: 30, rpe: 3 },
    5: null,
    6: { runType: 'long', minutes: 75, rpe: 5 },
  };
  const r = runs[day] ?? null;
  await ok('results.save', {
    athleteId,
    date,
    strength,
    run: r && { runType: r.runType, status: 'done', minutes: m(r.minutes), sessionRpe: r.rpe },
    wellness: { fatigue: 4, sleepQuality: 4, muscleSoreness: soreness, stress: 4, mood: 4, hamstringTight: false },
  });
}

async function logRange(s: Setup, athleteId: number, from: string, to: string, scale = 1, soreness = 4) {
  for (let d = from; d <= to; d = addDays(d, 1)) await logDay(s, athleteId, d, scale, soreness);
}

describe('a sequence of logs raises a warning; Schedule deload clears it; undo brings it back', () => {
  it('works end to end', async () => {
    const s = await setup();
    // Five weeks as planned, Mon 7 Sep to Wed 7 Oct, for Ana and Ben.
    await logRange(s, s.ana, '2026-09-07', '2026-10-07');
    await logRange(s, s.ben, '2026-09-07', '2026-10-14');
    now = new Date('2026-10-07T18:00:00Z');
    expect((await ok('warnings.list', {})).warnings).toEqual([]);

    // Ana's next seven days at 1.2 x the minutes (1550 x 1.2 = 1860 AU), sore on the last two.
    now = new Date('2026-10-14T18:00:00Z');
    await logRange(s, s.ana, '2026-10-08', '2026-10-12', 1.2);
    await logRange(s, s.ana, '2026-10-13', '2026-10-14', 1.2, 2);
    const list = await ok('warnings.list', {});
    expect(list.warnings.map((w) => w.athleteName)).toEqual(['Ana López']);
    const [warning] = list.warnings;
    expect(warning).toMatchObject({ level: 'act', status: 'active', loadAsOf: '2026-10-14', suggestedDeloadFrom: '2026-10-19' });
    // 1860 vs 1550 is +20%, above the 1550 planned; soreness 2/5 on 13 and 14 Oct. Today's total 18 against the 28 days
    // before (16 Sep - 13 Oct: 27 x 20 and one 18, mean 558/28 = 19.93, SD 0.378): z = -5.1. Two families: act.
    expect(warning?.reasons).toBe('load up 20% on the week before (1,860 AU vs 1,550 AU over 7 days; 1,550 AU planned); soreness 2/5; wellness 18/25 against their usual 19.9, 2 days in a row');
    expect(warning?.action).toMatch(/^Consider a deload week from 19 Oct/);
    expect(list.counts).toEqual({ act: 1, watch: 0, dismissed: 0, deloadPlanned: 0 });

    // Schedule the deload from Monday 19 Oct: seven days of Ana's plan become deload days.
    const scheduled = await ok('warnings.scheduleDeload', { athleteId: s.ana, from: '2026-10-19', note: 'Easy week before the meet' });
    expect(scheduled.changed).toBe(7);
    expect(scheduled.action).toMatchObject({ kind: 'deload_scheduled', deloadFrom: '2026-10-19', deloadTo: '2026-10-25', level: 'act', note: 'Easy week before the meet' });
    const plan = await ok('load.athlete', { athleteId: s.ana, from: '2026-10-18', to: '2026-10-26' });
    expect(plan.series.days.map((d) => d.isDeload)).toEqual([false, true, true, true, true, true, true, true, false]);
    // The deload's Monday: A at 6 x 50 x 0.5 = 150 plus the easy run 90.
    expect(plan.series.days[1]?.plannedLoad).toBe(240);
    expect((await ok('calendar.day', { athleteId: s.ana, date: '2026-10-21' })).isDeload).toBe(true);
    // Ben's plan is untouched.
    expect((await ok('load.athlete', { athleteId: s.ben, from: '2026-10-19', to: '2026-10-25' })).series.days.some((d) => d.isDeload)).toBe(false);

    // The warning clears: answered by the deload within the week.
    expect((await ok('warnings.list', {})).warnings).toEqual([]);
    const all = await ok('warnings.list', { status: 'all' });
    expect(all.warnings.map((w) => [w.athleteName, w.status, w.nextDeload])).toEqual([['Ana López', 'deload-planned', '2026-10-19']]);
    expect(all.counts.deloadPlanned).toBe(1);
    expect((await ok('warnings.history', {})).map((h) => h.kind)).toEqual(['deload_scheduled']);

    // Undo: the plan goes back exactly, the history entry goes, the warning is back.
    const undone = await ok('warnings.restore', { actionId: scheduled.action.id });
    expect(undone.changed).toBe(7);
    expect((await ok('calendar.day', { athleteId: s.ana, date: '2026-10-21' })).isDeload).toBe(false);
    expect((await ok('warnings.history', {})).length).toBe(0);
    expect((await ok('warnings.list', {})).warnings.map((w) => w.athleteName)).toEqual(['Ana López']);
    expect((await refused('warnings.restore', { actionId: scheduled.action.id })).code).toBe('not_found');
  });
});

describe('dismiss with a note', () => {
  it('hides the warning, keeps it in the history, and undo brings it back', async () => {
    const s = await setup();
    await logRange(s, s.ana, '2026-10-01', '2026-10-12');
    await logRange(s, s.ana, '2026-10-13', '2026-10-14', 1, 2);
    const before = await ok('warnings.forAthlete', { athleteId: s.ana });
    expect(before.warning).toMatchObject({ level: 'watch', status: 'active', reasons: 'soreness 2/5, 2 days in a row' });
    expect(before.warning?.action).toMatch(/^Ask how they are sleeping and feeling/);

    const dismissed = await ok('warnings.dismiss', { athleteId: s.ana, note: '  Spoke to her: new shoes  ' });
    expect(dismissed).toMatchObject({ kind: 'dismissed', note: 'Spoke to her: new shoes', signals: ['wellness-low'], reasons: 'soreness 2/5, 2 days in a row' });
    expect((await ok('warnings.list', {})).warnings).toEqual([]);
    expect((await ok('warnings.list', { status: 'all' })).warnings[0]).toMatchObject({ status: 'dismissed', dismissal: { note: 'Spoke to her: new shoes' } });
    const after = await ok('warnings.forAthlete', { athleteId: s.ana });
    expect(after.history.map((h) => h.note)).toEqual(['Spoke to her: new shoes']);
    expect((await ok('warnings.history', { athleteId: s.ana })).length).toBe(1);

    // A new kind of signal brings it back: the hamstrings tight twice.
    for (const date of ['2026-10-13', '2026-10-14']) {
      await ok('results.save', { athleteId: s.ana, date, strength: null, run: null, wellness: { muscleSoreness: 2, hamstringTight: true } });
    }
    expect((await ok('warnings.list', {})).warnings[0]).toMatchObject({ status: 'active', level: 'act' });

    await ok('warnings.restore', { actionId: dismissed.id });
    expect(await ok('warnings.history', {})).toEqual([]);
  });
});

describe('thresholds', () => {
  it('start at the defaults, are saved, and change the warnings', async () => {
    const s = await setup();
    await logRange(s, s.ana, '2026-09-28', '2026-10-07');
    await logRange(s, s.ana, '2026-10-08', '2026-10-14', 1.2);
    const { thresholds, defaults } = await ok('warnings.thresholds', {});
    expect(thresholds).toEqual(defaults);
    expect(defaults).toMatchObject({ weeksSinceDeload: 6, weeklyJumpPercent: 15, acwrHigh: 1.5, acwrMethod: 'ewma', monotonyHigh: 2, wellnessZ: -1, wellnessItem: 2, wellnessDays: 2 });
    expect((await ok('warnings.list', {})).warnings[0]?.signals.map((x) => x.key)).toEqual(['weekly-jump']);
    // +20% is under a 25% setting.
    const saved = await ok('warnings.updateThresholds', { ...thresholds, weeklyJumpPercent: 25 });
    expect(saved.thresholds.weeklyJumpPercent).toBe(25);
    expect((await ok('warnings.list', {})).warnings).toEqual([]);
    // Five whole weeks since the first plan day (7 Sep to 14 Oct, 37 days): over a 4-week limit.
    await ok('warnings.updateThresholds', { ...thresholds, weeksSinceDeload: 4 });
    const list = await ok('warnings.list', {});
    expect(list.warnings.map((w) => [w.athleteName, w.reasons.split(';')[0]])).toEqual([
      ['Ana López', '5 weeks of training with no deload in the plan'],
      ['Ben Okafor', '5 weeks of training with no deload in the plan'],
    ]);
    expect((await ok('warnings.list', { group: s.distance, level: 'act' })).warnings).toHaveLength(2);
    expect((await ok('warnings.list', { group: 'none' })).warnings).toHaveLength(0);
    expect((await ok('warnings.list', { level: 'watch' })).warnings).toHaveLength(0);
  });

  it('refuses out-of-range values with the range in the message, changing nothing', async () => {
    await setup();
    const { thresholds } = await ok('warnings.thresholds', {});
    expect((await refused('warnings.updateThresholds', { ...thresholds, weeksSinceDeload: 1 })).fields?.weeksSinceDeload).toBe('Weeks since the last deload must be a whole number from 2 to 16');
    expect((await refused('warnings.updateThresholds', { ...thresholds, acwrHigh: 0.5 })).fields?.acwrHigh).toBe('The acute:chronic ratio must be from 1 to 3');
    expect((await refused('warnings.updateThresholds', { ...thresholds, hamstringTimes: 9, hamstringWindowDays: 7 })).fields?.hamstringTimes).toMatch(/more hamstring reports than days/);
    expect((await refused('warnings.updateThresholds', { ...thresholds, acwrMethod: 'spline' })).fields?.acwrMethod).toMatch(/ratio method/);
  });
});

describe('refusals', () => {
  it('scheduling a deload in the past, too far ahead, for an athlete with no warning or unknown; dismissing nothing', async () => {
    const s = await setup();
    await logRange(s, s.ana, '2026-10-01', '2026-10-12');
    await logRange(s, s.ana, '2026-10-13', '2026-10-14', 1, 2);
    expect((await refused('warnings.scheduleDeload', { athleteId: s.ana, from: '2026-10-13' })).fields?.from).toBe('Choose today or a later day');
    expect((await refused('warnings.scheduleDeload', { athleteId: s.ana, from: '2027-06-01' })).fields?.from).toMatch(/within 120 days/);
    expect((await refused('warnings.scheduleDeload', { athleteId: s.ben, from: '2026-10-19' })).message).toMatch(/Ben Okafor has no warning today/);
    expect((await refused('warnings.scheduleDeload', { athleteId: 999, from: '2026-10-19' })).code).toBe('not_found');
    expect((await refused('warnings.dismiss', { athleteId: s.cara, note: '' })).code).toBe('conflict');
    expect((await refused('warnings.dismiss', { athleteId: s.ana, note: 'x'.repeat(501) })).fields?.note).toBe('Keep the note to 500 characters');
    expect((await refused('warnings.history', { athleteId: 999 })).code).toBe('not_found');
    expect((await refused('warnings.list', { level: 'panic' })).fields?.level).toBe('Choose all levels, watch or act');
  });

  it('an archived athlete has no warning and cannot be acted on', async () => {
    const s = await setup();
    await logRange(s, s.ana, '2026-10-01', '2026-10-12');
    await logRange(s, s.ana, '2026-10-13', '2026-10-14', 1, 2);
    await ok('athletes.archive', { ids: [s.ana] });
    // The first read after the archive brings the calendar up to date (its rows for Ana go).
    await ok('warnings.list', {});
    const before = databaseFingerprint(squad.db);
    expect((await ok('warnings.forAthlete', { athleteId: s.ana })).warning).toBeNull();
    expect((await ok('warnings.list', { status: 'all' })).warnings).toEqual([]);
    expect(databaseFingerprint(squad.db)).toBe(before);
    expect((await refused('warnings.dismiss', { athleteId: s.ana, note: '' })).message).toMatch(/archived/);
  });
});

import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { loadGeneratedSquad } from '@main/services/sample/squad';
import type { AthleteResultsInput } from '@shared/contract/retests';
import { BUILTIN_TESTS, type TestDefinition, type TestSession } from '@shared/domain/retests';
import { apiCalls, uploadOf } from '../support/calls';
import { readWorkbook, savedPath } from '../support/exportFiles';
import { databaseFingerprint, openTempSquad, type TempSquad } from '../support/tempSquad';
import { expectClose, loadVector } from '../shared/science/vectors';

let squad: TempSquad;
beforeEach(async () => {
  squad = await openTempSquad({ now: () => new Date('2026-09-07T06:00:00Z') });
});
afterEach(() => squad.close());

const { ok, refused } = apiCalls(() => squad);

async function battery(): Promise<Record<string, TestDefinition>> {
  const tests = await ok('retests.listTests', {});
  return Object.fromEntries(tests.map((t) => [t.builtinKey ?? t.shortName, t]));
}

async function athletes(names: readonly string[], groupId: number | null = null): Promise<Record<string, number>> {
  const ids: Record<string, number> = {};
  for (const name of names) ids[name] = (await ok('athletes.create', { givenName: 'Athlete', familyName: name, groupId })).id;
  return ids;
}

async function session(kind: TestSession['kind'], date: string, label: string, testIds: number[]): Promise<TestSession> {
  return ok('retests.createSession', { date, kind, label, testIds });
}

/** One trial per athlete for an unsided test. */
function oneTrialEach(testId: number, values: Record<string, number>, ids: Record<string, number>): AthleteResultsInput[] {
  return Object.entries(values).map(([name, value]) => ({
    athleteId: ids[name] as number,
    tests: [{ testId, trials: [{ side: 'none' as const, trial: 1, value }] }],
  }));
}

const cmjVector = loadVector(
  'squad_cmj_retest_decision_rules',
  z.object({
    reliability_trial1_cm: z.array(z.number()),
    reliability_trial2_cm: z.array(z.number()),
    pre_cm: z.record(z.string(), z.number()),
    post_cm: z.record(z.string(), z.number()),
  }),
  z.object({
    typical_error_cm: z.number(),
    swc_cm: z.number(),
    swc_from_pure_sd_cm: z.number(),
    athletes: z.record(
      z.string(),
      z.object({ change: z.number(), pct_change: z.number(), p_beneficial: z.number(), p_trivial: z.number(), p_harmful: z.number(), ci90_low: z.number(), ci90_high: z.number() }),
    ),
  }),
);

describe('the battery', () => {
  it('holds DOMAIN.md\u2019s seven tests with the shipped defaults, each typical error marked as a default', async () => {
    const tests = await ok('retests.listTests', {});
    expect(tests.map((t) => t.builtinKey)).toEqual(BUILTIN_TESTS.map((b) => b.key));
    for (const b of BUILTIN_TESTS) {
      const t = tests.find((x) => x.builtinKey === b.key) as TestDefinition;
      expect({ name: t.name, unit: t.unit, hib: t.higherIsBetter, trials: t.trials, rule: t.scoreRule, min: t.rangeMin, max: t.rangeMax, sided: t.sided }).toEqual({
        name: b.name, unit: b.unit, hib: b.higherIsBetter, trials: b.trials, rule: b.scoreRule, min: b.rangeMin, max: b.rangeMax, sided: b.sided,
      });
      expect(t.typicalError).toMatchObject({ value: b.defaultTypicalError, source: 'default', n: null });
      expect(t.defaultTypicalErrorNote).toBe(b.defaultTypicalErrorNote);
    }
    // DOMAIN.md's table, spelled out: sprint 10 m is seconds, lower is better, 2 trials, best, 1.4-3.5.
    expect(tests.find((t) => t.builtinKey === 'sprint_10')).toMatchObject({ unit: 's', higherIsBetter: false, trials: 2, scoreRule: 'best', rangeMin: 1.4, rangeMax: 3.5 });
    expect(tests.find((t) => t.builtinKey === 'balance_eyes_closed')).toMatchObject({ sided: true, rangeMin: 0, rangeMax: 120 });
  });

  it('adds a coach\u2019s test, refuses a duplicate or a built-in\u2019s identity change, hides (never deletes) built-ins', async () => {
    const plank = await ok('retests.createTest', { name: 'Front plank', shortName: 'Plank', unit: 's', higherIsBetter: true, decimals: 0, rangeMin: 5, rangeMax: 600, trials: 1, scoreRule: 'best', sided: false });
    expect(plank).toMatchObject({ builtinKey: null, typicalError: { value: null, source: 'none' }, hidden: false });
    const dup = await refused('retests.createTest', { name: ' front  PLANK', shortName: 'FP', unit: 's', higherIsBetter: true, decimals: 0, rangeMin: 5, rangeMax: 600, trials: 1, scoreRule: 'best', sided: false });
    expect(dup.fields?.name).toMatch(/already a test called/);
    const badRange = await refused('retests.createTest', { name: 'Hops', shortName: 'Hops', unit: 'n', higherIsBetter: true, decimals: 0, rangeMin: 50, rangeMax: 10, trials: 1, scoreRule: 'best', sided: false });
    expect(badRange.fields?.rangeMax).toBe('The highest valid value must be above the lowest');

    const { cmj } = await battery();
    const asSeconds = await refused('retests.updateTest', { id: cmj!.id, fields: { name: cmj!.name, shortName: cmj!.shortName, unit: 's', higherIsBetter: true, decimals: 1, rangeMin: 5, rangeMax: 90, trials: 3, scoreRule: 'best', sided: false, kind: 'jump' } });
    expect(asSeconds.fields?.unit).toMatch(/built-in test keeps its unit/);
    expect((await refused('retests.removeTest', { id: cmj!.id })).message).toMatch(/hide it instead/);
    expect(await ok('retests.setTestHidden', { id: cmj!.id, hidden: true })).toMatchObject({ hidden: true });
    expect(await ok('retests.removeTest', { id: plank.id })).toMatchObject({ name: 'Front plank' });
  });

  it('sets the typical error from the coach, back to the default, and refuses a default a coach\u2019s test does not have', async () => {
    const { sprint_10: s10 } = await battery();
    const coach = await ok('retests.setTypicalError', { id: s10!.id, source: 'coach', value: 0.03 });
    expect(coach.typicalError).toEqual({ value: 0.03, source: 'coach', n: null, date: '2026-09-07', sessionId: null });
    expect((await ok('retests.setTypicalError', { id: s10!.id, source: 'default' })).typicalError).toMatchObject({ value: 0.04, source: 'default' });
    const plank = await ok('retests.createTest', { name: 'Front plank', shortName: 'Plank', unit: 's', higherIsBetter: true, decimals: 0, rangeMin: 5, rangeMax: 600, trials: 1, scoreRule: 'best', sided: false });
    expect((await refused('retests.setTypicalError', { id: plank.id, source: 'default' })).message).toMatch(/no default typical error/);
    expect((await refused('retests.setTypicalError', { id: s10!.id, source: 'coach', value: 0 })).fields?.value).toMatch(/more than 0/);
  });
});

describe('re-test statistics end to end (REFERENCE.md \u00a71.5 worked vector squad_cmj_retest_decision_rules)', () => {
  async function cmjSquad() {
    const { cmj } = await battery();
    const names = Object.keys(cmjVector.inputs.pre_cm);
    const ids = await athletes(names);
    const reliability = await session('reliability', '2026-09-01', 'Reliability check', [cmj!.id]);
    await ok('retests.saveResults', {
      sessionId: reliability.id,
      athletes: names.map((name, i) => ({
        athleteId: ids[name] as number,
        tests: [{ testId: cmj!.id, trials: [{ side: 'none' as const, trial: 1, value: cmjVector.inputs.reliability_trial1_cm[i] as number }, { side: 'none' as const, trial: 2, value: cmjVector.inputs.reliability_trial2_cm[i] as number }] }],
      })),
    });
    const baseline = await session('baseline', '2026-09-03', 'Baseline', [cmj!.id]);
    await ok('retests.saveResults', { sessionId: baseline.id, athletes: oneTrialEach(cmj!.id, cmjVector.inputs.pre_cm, ids) });
    const retest = await session('retest', '2026-10-29', 'End of block 1', [cmj!.id]);
    await ok('retests.saveResults', { sessionId: retest.id, athletes: oneTrialEach(cmj!.id, cmjVector.inputs.post_cm, ids) });
    return { cmj: cmj!, ids, names, reliability, baseline, retest };
  }

  it('takes the typical error from the reliability session with its n and date, then judges every athlete as the vector does', async () => {
    const { cmj, ids, names, reliability, baseline, retest } = await cmjSquad();
    const [result] = (await ok('retests.reliability', { sessionId: reliability.id })).filter((r) => r.testId === cmj.id);
    expectClose(result?.typicalError, cmjVector.expected.typical_error_cm, cmjVector.tolerance, 'TE');
    expect(result?.pairs).toBe(8);
    const applied = await ok('retests.setTypicalError', { id: cmj.id, source: 'reliability', sessionId: reliability.id });
    expect(applied.typicalError).toMatchObject({ source: 'reliability', n: 8, date: '2026-09-01', sessionId: reliability.id });

    const comparison = await ok('retests.compare', { sessionId: retest.id });
    expect(comparison.against?.id).toBe(baseline.id);
    expect(comparison.baseline?.id).toBe(baseline.id);
    const column = comparison.columns[0]!;
    expectClose(column.noise.swc.value, cmjVector.expected.swc_cm, cmjVector.tolerance, 'SWC');
    expect(column.noise.swc.n).toBe(8);
    expect(column.noise.typicalError.note).toMatch(/reliability session of 2026-09-01: 8 pairs/);

    const verdicts: Record<string, string | null> = {};
    for (const name of names) {
      const row = comparison.rows.find((r) => r.athlete.id === ids[name])!;
      const view = row.cells[column.key]!.vsAgainst!;
      const want = cmjVector.expected.athletes[name]!;
      const tol = cmjVector.tolerance;
      expectClose(view.change, want.change, tol, `${name} change`);
      expectClose(view.improvementPercent, want.pct_change, tol, `${name} %`);
      expectClose(view.interval?.low, want.ci90_low, tol, `${name} CI low`);
      expectClose(view.interval?.high, want.ci90_high, tol, `${name} CI high`);
      expectClose(view.chances?.benefit, want.p_beneficial, tol, `${name} p benefit`);
      expectClose(view.chances?.trivial, want.p_trivial, tol, `${name} p trivial`);
      expectClose(view.chances?.harm, want.p_harmful, tol, `${name} p harm`);
      verdicts[name] = view.classification;
    }
    // Rule D by hand from the vector's intervals and SWC 0.742: A (1.10..4.10) and E (2.00..5.00) lie above +SWC;
    // D (-4.10..-1.10) lies below -SWC; the others cross +SWC, so they are unclear (C is REFERENCE.md's "unclear").
    expect(verdicts).toEqual({ A: 'clear improvement', B: 'unclear', C: 'unclear', D: 'clear decline', E: 'clear improvement', F: 'unclear', G: 'unclear', H: 'unclear' });

    // The deload warnings see D's decline, and only D's.
    const declines = await ok('retests.declines', {});
    expect(declines.map((d) => [d.athleteId, d.testId, d.sessionDate, d.classification])).toEqual([[ids.D, cmj.id, '2026-10-29', 'clear decline']]);
    expectClose(declines[0]?.change, -2.6, 1e-9, 'D change');
    expect(await ok('retests.declines', { since: '2026-11-01' })).toEqual([]);
  });

  it('uses SD_pure for the SWC when the coach asks (REFERENCE.md \u00a71.4: 0.7311 cm)', async () => {
    const { cmj, reliability, retest } = await cmjSquad();
    await ok('retests.setTypicalError', { id: cmj.id, source: 'reliability', sessionId: reliability.id });
    await ok('retests.updateSettings', { swcFactor: 0.2, swcUsePureSd: true, asymmetryFlagPercent: 10 });
    const comparison = await ok('retests.compare', { sessionId: retest.id });
    expectClose(comparison.columns[0]!.noise.swc.value, cmjVector.expected.swc_from_pure_sd_cm, 1e-4, 'SWC from SD_pure');
  });

  it('refuses a reliability typical error from a session that is not a reliability session', async () => {
    const { cmj, baseline } = await cmjSquad();
    const error = await refused('retests.setTypicalError', { id: cmj.id, source: 'reliability', sessionId: baseline.id });
    expect(error.message).toMatch(/not a reliability session/);
  });
});

describe('ranks and z-scores in the squad and the group (REFERENCE.md \u00a71.8 vector z_T_scores_and_total_score_of_athleticism)', () => {
  it('inverts the sprint, ranks best first, and scores each group against itself', async () => {
    const vector = loadVector(
      'z_T_scores_and_total_score_of_athleticism',
      z.object({ cmj_cm: z.record(z.string(), z.number()), sprint30_s: z.record(z.string(), z.number()) }),
      z.object({ z_cmj: z.record(z.string(), z.number()), z_sprint_inverted: z.record(z.string(), z.number()) }),
    );
    const { cmj, sprint_30: s30 } = await battery();
    const g1 = await ok('groups.create', { name: 'Distance', color: '#2f9e44' });
    const g2 = await ok('groups.create', { name: 'Sprints', color: '#e8590c' });
    const ids = { ...(await athletes(['A', 'B', 'C'], g1.id)), ...(await athletes(['D', 'E'], g2.id)) };
    const s = await session('baseline', '2026-09-03', 'Baseline', [cmj!.id, s30!.id]);
    await ok('retests.saveResults', {
      sessionId: s.id,
      athletes: Object.keys(ids).map((name) => ({
        athleteId: ids[name] as number,
        tests: [
          { testId: cmj!.id, trials: [{ side: 'none' as const, trial: 1, value: vector.inputs.cmj_cm[name] as number }] },
          { testId: s30!.id, trials: [{ side: 'none' as const, trial: 1, value: vector.inputs.sprint30_s[name] as number }] },
        ],
      })),
    });
    const comparison = await ok('retests.compare', { sessionId: s.id });
    const cell = (name: string, key: string) => comparison.rows.find((r) => r.athlete.id === ids[name])!.cells[key]!;
    for (const name of Object.keys(ids)) {
      expectClose(cell(name, String(cmj!.id)).squadZ, vector.expected.z_cmj[name] as number, vector.tolerance, `z cmj ${name}`);
      expectClose(cell(name, String(s30!.id)).squadZ, vector.expected.z_sprint_inverted[name] as number, vector.tolerance, `z sprint ${name}`);
    }
    // CMJ 37.0 (D) > 36.9 (E) > 35.9 (B) > 34.1 (A) > 30.6 (C); 30 m 4.40 (D) < 4.48 (B) < 4.52 (E) < 4.61 (A) < 4.75 (C).
    expect(['A', 'B', 'C', 'D', 'E'].map((n) => cell(n, String(cmj!.id)).squadRank)).toEqual([4, 3, 5, 1, 2]);
    expect(['A', 'B', 'C', 'D', 'E'].map((n) => cell(n, String(s30!.id)).squadRank)).toEqual([4, 2, 5, 1, 3]);
    // Group Distance (A, B, C): CMJ mean 33.5333, deviations +0.5667, +2.3667, -2.9333, SD sqrt(14.5267/2) = 2.69506,
    // so z(A) = 0.5667/2.69506 = 0.21026. Group Sprints (D, E): SD = 0.1/sqrt(2) = 0.070711, z(D) = 0.05/0.070711 = 0.70711.
    expectClose(cell('A', String(cmj!.id)).groupZ, 0.21026, 1e-4, 'group z A');
    expectClose(cell('D', String(cmj!.id)).groupZ, 0.70711, 1e-4, 'group z D');
    expect(cell('A', String(cmj!.id)).groupRank).toBe(2);
    expect(cell('E', String(cmj!.id)).groupRank).toBe(2);
  });
});

describe('left/right asymmetry (REFERENCE.md \u00a71.7, \u00a77.2 vectors)', () => {
  it('relative to the stronger limb, side stored apart, flagged above 10% and above the test\u2019s own CV', async () => {
    const { balance_eyes_closed: balance } = await battery();
    const ids = await athletes(['X', 'Y']);
    const s = await session('baseline', '2026-09-03', 'Baseline', [balance!.id]);
    const sides = (left: number, right: number) => [
      { side: 'left' as const, trial: 1, value: left },
      { side: 'right' as const, trial: 1, value: right },
    ];
    await ok('retests.saveResults', {
      sessionId: s.id,
      athletes: [
        { athleteId: ids.X as number, tests: [{ testId: balance!.id, trials: sides(24.0, 27.5) }] },
        { athleteId: ids.Y as number, tests: [{ testId: balance!.id, trials: sides(18.0, 31.0) }] },
      ],
    });
    const asym = async (name: string) => (await ok('retests.compare', { sessionId: s.id })).rows.find((r) => r.athlete.id === ids[name])!.asymmetry[String(balance!.id)]!;
    const x = await asym('X');
    const y = await asym('Y');
    expectClose(x.percent, 12.727273, 1e-6, 'X asymmetry (vector limb_symmetry_and_asymmetry)');
    expectClose(y.percent, 41.935484, 1e-6, 'Y asymmetry (vector single_leg_balance_asymmetry)');
    expect([x.betterSide, y.betterSide]).toEqual(['right', 'right']);
    // Default TE 3.0 s; squad mean of all four sides (24 + 27.5 + 18 + 31)/4 = 25.125 s, so the test's CV is
    // 100 x 3/25.125 = 11.94%: both asymmetries are above 10% and above the CV.
    expect([x.flagged, y.flagged]).toEqual([true, true]);
    // With a typical error of 4 s the CV is 15.92%: X's 12.7% is above the 10% convention but within the noise.
    await ok('retests.setTypicalError', { id: balance!.id, source: 'coach', value: 4 });
    const x4 = await asym('X');
    expect(x4).toMatchObject({ exceedsThreshold: true, exceedsTestNoise: false, flagged: false });
    expect((await asym('Y')).flagged).toBe(true);
  });
});

describe('the "is this change real" verdict around its thresholds', () => {
  async function plankSquad(swcFixed: number) {
    const plank = await ok('retests.createTest', { name: 'Front plank', shortName: 'Plank', unit: 's', higherIsBetter: true, decimals: 2, rangeMin: 1, rangeMax: 600, trials: 1, scoreRule: 'best', sided: false, swcFixed });
    const shuttle = await ok('retests.createTest', { name: 'Shuttle', shortName: 'Shuttle', unit: 's', higherIsBetter: false, decimals: 2, rangeMin: 1, rangeMax: 600, trials: 1, scoreRule: 'best', sided: false, swcFixed });
    for (const t of [plank, shuttle]) await ok('retests.setTypicalError', { id: t.id, source: 'coach', value: 0.43 });
    return { plank, shuttle };
  }

  // Half-width of the 90% interval: 1.645 x sqrt(2) x 0.43 = 1.000349 s.
  async function verdicts(swcFixed: number, changes: readonly number[]) {
    const { plank, shuttle } = await plankSquad(swcFixed);
    const names = changes.map((_, i) => `P${i}`);
    const ids = await athletes(names);
    const pre = await session('baseline', '2026-09-03', 'Baseline', [plank.id, shuttle.id]);
    const post = await session('retest', '2026-10-01', 'End of block 1', [plank.id, shuttle.id]);
    const save = (sessionId: number, value: (c: number) => number, shuttleValue: (c: number) => number) =>
      ok('retests.saveResults', {
        sessionId,
        athletes: changes.map((c, i) => ({
          athleteId: ids[names[i] as string] as number,
          tests: [
            { testId: plank.id, trials: [{ side: 'none' as const, trial: 1, value: value(c) }] },
            { testId: shuttle.id, trials: [{ side: 'none' as const, trial: 1, value: shuttleValue(c) }] },
          ],
        })),
      });
    await save(pre.id, () => 100, () => 100);
    // The plank gets longer by c; the shuttle time gets longer by c too, which is worse.
    await save(post.id, (c) => 100 + c, (c) => 100 + c);
    const comparison = await ok('retests.compare', { sessionId: post.id });
    const of = (testId: number) => names.map((n) => comparison.rows.find((r) => r.athlete.id === ids[n])!.cells[String(testId)]!.vsAgainst!.classification);
    return { plank: of(plank.id), shuttle: of(shuttle.id) };
  }

  it('SWC 0.5 s: clear only when the whole interval is beyond it (change 1.51 vs 1.49)', async () => {
    // 1.51 - 1.000349 = 0.5097 > 0.5: clear; 1.49 - 1.000349 = 0.4897 < 0.5 and the interval is wider than
    // the trivial zone, so unclear. For the shuttle (lower is better) the same changes are declines.
    const result = await verdicts(0.5, [1.51, 1.49, -1.51]);
    expect(result.plank).toEqual(['clear improvement', 'unclear', 'clear decline']);
    expect(result.shuttle).toEqual(['clear decline', 'unclear', 'clear improvement']);
  });

  it('SWC 2 s: trivial inside the zone (0.99), unclear just past it (1.01), clear past 3.0 (3.01 vs 2.99)', async () => {
    // 0.99 -> -0.0103..1.9903 within +-2: trivial. 1.01 -> high 2.0103 > 2: unclear.
    // 3.01 -> low 2.0097 > 2: clear improvement. 2.99 -> low 1.9897: unclear.
    const result = await verdicts(2, [0.99, 1.01, 3.01, 2.99, -0.99]);
    expect(result.plank).toEqual(['trivial', 'unclear', 'clear improvement', 'unclear', 'trivial']);
    expect(result.shuttle).toEqual(['trivial', 'unclear', 'clear decline', 'unclear', 'trivial']);
  });

  it('gives no verdict without a typical error, and says why', async () => {
    const plank = await ok('retests.createTest', { name: 'Front plank', shortName: 'Plank', unit: 's', higherIsBetter: true, decimals: 0, rangeMin: 1, rangeMax: 600, trials: 1, scoreRule: 'best', sided: false, swcFixed: 2 });
    const ids = await athletes(['P']);
    const pre = await session('baseline', '2026-09-03', 'Baseline', [plank.id]);
    const post = await session('retest', '2026-10-01', 'Re-test', [plank.id]);
    await ok('retests.saveResults', { sessionId: pre.id, athletes: oneTrialEach(plank.id, { P: 60 }, ids) });
    await ok('retests.saveResults', { sessionId: post.id, athletes: oneTrialEach(plank.id, { P: 90 }, ids) });
    const view = (await ok('retests.compare', { sessionId: post.id })).rows[0]!.cells[String(plank.id)]!.vsAgainst!;
    expect(view).toMatchObject({ change: 30, improvementPercent: 50, classification: null, noVerdictReason: expect.stringMatching(/No typical error/) });
  });
});

describe('entering results', () => {
  async function sprintSession() {
    const tests = await battery();
    const ids = await athletes(['Ana', 'Ben']);
    const s = await session('retest', '2026-10-01', 'End of block 1', Object.values(tests).map((t) => t.id));
    return { tests, ids, s };
  }

  it('refuses a sprint of 0.3 s or 45 s with the reason, and changes nothing', async () => {
    const { tests, ids, s } = await sprintSession();
    const attempt = (value: number) => refused('retests.saveResults', { sessionId: s.id, athletes: [{ athleteId: ids.Ana, tests: [{ testId: tests.sprint_10!.id, trials: [{ side: 'none' as const, trial: 1, value }] }] }] });
    const low = await attempt(0.3);
    expect(low.fields?.['athletes.0.tests.0.trials.0.value']).toBe('Athlete Ana: 0.3 s is below the 1.4\u20133.5 s range for Sprint 10 m');
    expect((await attempt(45)).message).toMatch(/45 s is above the 1\.4\u20133\.5 s range for Sprint 10 m\. Nothing was saved\./);
  });

  it('stores a jump entered as flight time as h = g t\u00b2/8 and keeps the flight time (0.600 s \u2192 44.1 cm, REFERENCE.md \u00a72.1)', async () => {
    const { tests, ids, s } = await sprintSession();
    const saved = await ok('retests.saveResults', {
      sessionId: s.id,
      athletes: [{ athleteId: ids.Ana as number, tests: [{ testId: tests.cmj!.id, trials: [{ side: 'none' as const, trial: 1, value: null, flightTimeS: 0.6 }, { side: 'none' as const, trial: 2, value: 43.9 }] }] }],
    });
    // 9.81 x 0.6^2 / 8 = 0.441450 m = 44.145 cm, better than the typed 43.9: the best-of rule picks it.
    const entry = saved.entries[0]!;
    expectClose(entry.trials[0]?.value, 44.145, 1e-9, 'height from flight time');
    expect(entry.trials[0]?.flightTimeS).toBe(0.6);
    expectClose(entry.score, 44.145, 1e-9, 'best of trials');
    // 0.9 s of flight would be 9.81 x 0.81/8 = 99.3 cm, above the 5-90 cm range.
    const tooHigh = await refused('retests.saveResults', { sessionId: s.id, athletes: [{ athleteId: ids.Ana, tests: [{ testId: tests.cmj!.id, trials: [{ side: 'none' as const, trial: 1, value: null, flightTimeS: 0.9 }] }] }] });
    expect(tooHigh.message).toMatch(/0\.9 s of flight is 99\.3 cm, above the 5\u201390 cm range/);
    expect((await refused('retests.saveResults', { sessionId: s.id, athletes: [{ athleteId: ids.Ana, tests: [{ testId: tests.sprint_10!.id, trials: [{ side: 'none' as const, trial: 1, value: null, flightTimeS: 0.5 }] }] }] })).message).toMatch(/not a jump/);
  });

  it('keeps the splits of one run together and refuses a 20 m time earlier than the 10 m time of the same run', async () => {
    const { tests, ids, s } = await sprintSession();
    const run = (t10: number, t20: number, t30: number) =>
      [
        [tests.sprint_10!, t10],
        [tests.sprint_20!, t20],
        [tests.sprint_30!, t30],
      ] as const;
    const input = (runs: ReturnType<typeof run>[]) => ({
      sessionId: s.id,
      athletes: [
        {
          athleteId: ids.Ben as number,
          tests: [tests.sprint_10!, tests.sprint_20!, tests.sprint_30!].map((test) => ({
            testId: test.id,
            trials: runs.map((r, i) => ({ side: 'none' as const, trial: i + 1, value: r.find(([t]) => t.id === test.id)![1], runNumber: i + 1 })),
          })),
        },
      ],
    });
    // Both times are within their own ranges (10 m 1.4-3.5 s, 20 m 2.5-5.5 s), but 2.8 s at 20 m cannot follow 2.9 s at 10 m.
    const error = await refused('retests.saveResults', input([run(1.95, 3.3, 4.6), run(2.9, 2.8, 4.7)]));
    expect(error.message).toMatch(/Run 2: the 20 m time \(2\.8 s\) must be later than the 10 m time \(2\.9 s\) of the same run/);
    const saved = await ok('retests.saveResults', input([run(1.95, 3.3, 4.6), run(1.92, 3.31, 4.62)]));
    const sheet = await ok('retests.getSession', { id: s.id });
    const s10 = sheet.entries.find((e) => e.testId === tests.sprint_10!.id)!;
    expect(s10.score).toBe(1.92); // best = lowest time
    expect(s10.trials.map((t) => t.runNumber)).toEqual([1, 2]);
    expect(saved.previous).toEqual([{ athleteId: ids.Ben, tests: [tests.sprint_10!, tests.sprint_20!, tests.sprint_30!].map((t) => ({ testId: t.id, mark: null, addedLoadKg: null, eyes: null, trials: [] })) }]);
  });

  it('marks absent and injured, refuses a trial the test does not have, and undoes a save by saving back what was there', async () => {
    const { tests, ids, s } = await sprintSession();
    await ok('retests.saveResults', { sessionId: s.id, athletes: [{ athleteId: ids.Ana as number, tests: [{ testId: tests.loaded_jump!.id, addedLoadKg: 20, trials: [{ side: 'none' as const, trial: 1, value: 25.5 }] }] }] });
    const before = await ok('retests.getSession', { id: s.id });
    const third = await refused('retests.saveResults', { sessionId: s.id, athletes: [{ athleteId: ids.Ana, tests: [{ testId: tests.sprint_10!.id, trials: [{ side: 'none' as const, trial: 3, value: 1.9 }] }] }] });
    expect(third.message).toMatch(/Sprint 10 m takes 2 trials; there is no trial 3/);
    const marked = await ok('retests.saveResults', {
      sessionId: s.id,
      athletes: [{ athleteId: ids.Ana as number, tests: [{ testId: tests.loaded_jump!.id, mark: 'injured', trials: [] }, { testId: tests.balance_eyes_closed!.id, mark: 'absent', trials: [] }] }],
    });
    expect(marked.entries.filter((e) => e.testId === tests.balance_eyes_closed!.id).map((e) => [e.side, e.status])).toEqual([
      ['left', 'absent'],
      ['right', 'absent'],
    ]);
    // Undo = save back what was there (the loaded jump with its load; no balance at all).
    await ok('retests.saveResults', { sessionId: s.id, athletes: marked.previous });
    const sheet = await ok('retests.getSession', { id: s.id });
    expect(sheet).toEqual(before);
    expect(sheet.entries.map((e) => [e.testId, e.status, e.score, e.addedLoadKg])).toEqual([[tests.loaded_jump!.id, 'ok', 25.5, 20]]);
  });

  it('re-scores every result when the rule changes from best to mean', async () => {
    const plank = await ok('retests.createTest', { name: 'Front plank', shortName: 'Plank', unit: 's', higherIsBetter: true, decimals: 0, rangeMin: 1, rangeMax: 600, trials: 2, scoreRule: 'best', sided: false });
    const ids = await athletes(['P']);
    const s = await session('baseline', '2026-09-03', 'Baseline', [plank.id]);
    await ok('retests.saveResults', { sessionId: s.id, athletes: [{ athleteId: ids.P as number, tests: [{ testId: plank.id, trials: [{ side: 'none' as const, trial: 1, value: 60 }, { side: 'none' as const, trial: 2, value: 90 }] }] }] });
    const fields = { name: 'Front plank', shortName: 'Plank', unit: 's', higherIsBetter: true, decimals: 0, rangeMin: 1, rangeMax: 600, trials: 2, sided: false };
    await ok('retests.updateTest', { id: plank.id, fields: { ...fields, scoreRule: 'mean' } });
    expect((await ok('retests.getSession', { id: s.id })).entries[0]?.score).toBe(75);
    // Narrowing the range below a recorded value, or dropping a recorded trial, is refused.
    expect((await refused('retests.updateTest', { id: plank.id, fields: { ...fields, scoreRule: 'mean', rangeMax: 80 } })).message).toMatch(/run from 60 to 90 s/);
    expect((await refused('retests.updateTest', { id: plank.id, fields: { ...fields, scoreRule: 'mean', trials: 1 } })).fields?.trials).toMatch(/At least 2/);
  });
});

describe('sessions', () => {
  it('lists newest first, refuses to drop a test that has results, deletes and restores a session exactly', async () => {
    const { cmj, sprint_10: s10 } = await battery();
    const ids = await athletes(['Ana']);
    const older = await session('baseline', '2026-09-03', 'Baseline', [cmj!.id]);
    const newer = await session('retest', '2026-10-29', 'End of block 1', [cmj!.id, s10!.id]);
    await ok('retests.saveResults', { sessionId: newer.id, athletes: oneTrialEach(cmj!.id, { Ana: 33.3 }, ids) });
    expect((await ok('retests.listSessions', {})).map((s) => [s.label, s.athleteCount])).toEqual([
      ['End of block 1', 1],
      ['Baseline', 0],
    ]);
    const drop = await refused('retests.updateSession', { id: newer.id, fields: { date: '2026-10-29', kind: 'retest', label: 'End of block 1', testIds: [s10!.id] } });
    expect(drop.message).toMatch(/Countermovement jump has 1 results in this session/);
    expect((await refused('retests.createSession', { date: '2026-02-30', kind: 'retest', label: 'X', testIds: [cmj!.id] })).fields?.date).toBe('Enter a real date as YYYY-MM-DD');
    expect((await refused('retests.createSession', { date: '2026-03-01', kind: 'retest', label: 'X', testIds: [] })).fields?.testIds).toBe('Choose at least one test');

    const sheetBefore = await ok('retests.getSession', { id: newer.id });
    const snapshot = await ok('retests.removeSession', { id: newer.id });
    expect((await ok('retests.listSessions', {})).map((s) => s.id)).toEqual([older.id]);
    // An athlete with results cannot be deleted while the session exists, only archived; once it is gone, restore it.
    await ok('retests.restoreSession', { snapshot });
    expect(await ok('retests.getSession', { id: newer.id })).toEqual(sheetBefore);
    expect((await refused('athletes.remove', { id: ids.Ana })).message).toMatch(/can only be archived/);
  });
});

describe('import of a results file', () => {
  async function importSquad() {
    const tests = await battery();
    const ids: Record<string, number> = {};
    for (const [given, family] of [['Ana', 'López'], ['Ben', 'Okafor'], ['Cara', 'Nguyen']] as const) {
      ids[given] = (await ok('athletes.create', { givenName: given, familyName: family })).id;
    }
    const s = await session('retest', '2026-10-29', 'End of block 1', [tests.sprint_10!.id, tests.sprint_20!.id, tests.sprint_30!.id]);
    return { tests, ids, s };
  }

  const good = [
    'Athlete,10 m,20 m,30 m,Group',
    'Ana López,1.95,3.31,4.62,Distance',
    'Ana López,1.93,3.29,4.60,Distance',
    '"Okafor, Ben",1.88,3.20,4.45,Sprints',
    'cara nguyen,absent,absent,absent,',
  ].join('\n');

  it('previews a good timing-gate file (each row a run), writes nothing, then imports it whole', async () => {
    const { tests, ids, s } = await importSquad();
    const before = databaseFingerprint(squad.db);
    const preview = await ok('retests.previewImport', { sessionId: s.id, file: uploadOf(good) });
    expect(databaseFingerprint(squad.db)).toBe(before);
    expect(preview).toMatchObject({ layout: 'wide', acceptedRows: 4, rejectedRows: 0, refusedCells: 0, rejectedColumns: 0, fileProblem: null, addsTestIds: [] });
    expect(preview.file).toMatchObject({ format: 'csv', encoding: 'utf-8', separator: 'comma', warnings: [] });
    expect(preview.columns.map((c) => c.meaning)).toEqual(['Athlete name', 'Sprint 10 m, next trial', 'Sprint 20 m, next trial', 'Sprint 30 m, next trial', null]);
    expect(preview.rows[1]?.values).toEqual(['10 m 2: 1.93 s', '20 m 2: 3.29 s', '30 m 2: 4.6 s']);

    const outcome = await ok('retests.commitImport', { sessionId: s.id, file: uploadOf(good), skipRejected: false, expected: { acceptedRows: 4, rejectedRows: 0, refusedCells: 0 } });
    expect(outcome.entriesWritten).toBe(9);
    const sheet = await ok('retests.getSession', { id: s.id });
    const ana10 = sheet.entries.find((e) => e.athleteId === ids.Ana && e.testId === tests.sprint_10!.id)!;
    expect(ana10.score).toBe(1.93);
    expect(ana10.trials.map((t) => [t.trial, t.value, t.runNumber])).toEqual([
      [1, 1.95, 1],
      [2, 1.93, 2],
    ]);
    expect(sheet.entries.filter((e) => e.athleteId === ids.Cara).map((e) => e.status)).toEqual(['absent', 'absent', 'absent']);
    // Undo: save back what each athlete had (nothing).
    await ok('retests.saveResults', { sessionId: s.id, athletes: outcome.previous });
    expect((await ok('retests.getSession', { id: s.id })).entries).toEqual([]);
  });

  const bad = [
    'Name,10 m,Reaction,20 m',
    'Jon Smtih,1.90,0.2,3.3',
    'Ana López,0.3,,3.3',
    'Ben Okafor,fast,,3.2',
    'Cara Nguyen,1.99,,1.5',
  ].join('\n');

  it('refuses an impossible cell only (the rest of its row is kept), a row without a known athlete, an unknown test column; nothing without consent', async () => {
    const { tests, ids, s } = await importSquad();
    const before = databaseFingerprint(squad.db);
    const preview = await ok('retests.previewImport', { sessionId: s.id, file: uploadOf(bad) });
    expect(preview).toMatchObject({ acceptedRows: 3, rejectedRows: 1, refusedCells: 3, rejectedColumns: 1 });
    expect(preview.columns[2]?.problem).toMatch(/"Reaction" is not a test in your battery/);
    expect(preview.rows.map((r) => [r.line, r.status, r.problems, r.refused, r.values])).toEqual([
      [2, 'rejected', ['No athlete called "Jon Smtih" in the squad (check the spelling, or add them to the roster first)'], [], []],
      [3, 'accepted', [], [{ column: '10 m', value: '0.3', reason: '0.3 s is below the 1.4\u20133.5 s range for Sprint 10 m' }], ['20 m 1: 3.3 s']],
      [4, 'accepted', [], [{ column: '10 m', value: 'fast', reason: 'not a number' }], ['20 m 1: 3.2 s']],
      [5, 'accepted', [], [{ column: '20 m', value: '1.5', reason: '1.5 s is below the 2.5\u20135.5 s range for Sprint 20 m' }], ['10 m 1: 1.99 s']],
    ]);
    expect(databaseFingerprint(squad.db)).toBe(before);
    const expected = { acceptedRows: 3, rejectedRows: 1, refusedCells: 3 };
    const error = await refused('retests.commitImport', { sessionId: s.id, file: uploadOf(bad), skipRejected: false, expected });
    expect(error.message).toBe('The file has 1 rejected row, 1 rejected column and 3 refused cells. Fix the file, or choose to import only the rest. Nothing was imported.');
    const outcome = await ok('retests.commitImport', { sessionId: s.id, file: uploadOf(bad), skipRejected: true, expected });
    expect(outcome.entriesWritten).toBe(3);
    const sheet = await ok('retests.getSession', { id: s.id });
    expect(sheet.entries.map((e) => [e.athleteId, e.testId, e.score]).sort()).toEqual(
      [
        [ids.Ana, tests.sprint_20!.id, 3.3],
        [ids.Ben, tests.sprint_20!.id, 3.2],
        [ids.Cara, tests.sprint_10!.id, 1.99],
      ].sort(),
    );
  });

  it('a split earlier than the one before it is refused; the other splits of that run are kept', async () => {
    const { tests, ids, s } = await importSquad();
    const preview = await ok('retests.previewImport', { sessionId: s.id, file: uploadOf('Athlete,10 m,20 m,30 m\nAna López,3.0,2.8,4.6\n') });
    expect(preview.rows[0]).toMatchObject({
      status: 'accepted',
      refused: [{ column: '20 m', value: '2.8', reason: 'the 20 m time (2.8 s) must be later than the 10 m time (3 s) of the same run' }],
      values: ['10 m 1: 3 s', '30 m 1: 4.6 s'],
    });
    await ok('retests.commitImport', { sessionId: s.id, file: uploadOf('Athlete,10 m,20 m,30 m\nAna López,3.0,2.8,4.6\n'), skipRejected: true, expected: { acceptedRows: 1, rejectedRows: 0, refusedCells: 1 } });
    const sheet = await ok('retests.getSession', { id: s.id });
    expect(sheet.entries.filter((e) => e.athleteId === ids.Ana).map((e) => [e.testId, e.score, e.trials.map((t) => t.runNumber)])).toEqual([
      [tests.sprint_10!.id, 3, [1]],
      [tests.sprint_30!.id, 4.6, [1]],
    ]);
  });

  it('imports the good rows and cells of a mixed file only when told to leave the refused ones out, all in one go', async () => {
    const { tests, ids, s } = await importSquad();
    const mixed = ['Athlete,10 m,20 m', 'Ana López,1.95,3.31', 'Ben Okafor,1.89,1.2', 'Cara Nguyen,2.01,3.45'].join('\n');
    const preview = await ok('retests.previewImport', { sessionId: s.id, file: uploadOf(mixed) });
    expect(preview.rows.map((r) => [r.status, r.refused.length])).toEqual([
      ['accepted', 0],
      ['accepted', 1],
      ['accepted', 0],
    ]);
    const expected = { acceptedRows: 3, rejectedRows: 0, refusedCells: 1 };
    const error = await refused('retests.commitImport', { sessionId: s.id, file: uploadOf(mixed), skipRejected: false, expected });
    expect(error.fields?.skipRejected).toBeDefined();
    expect((await refused('retests.commitImport', { sessionId: s.id, file: uploadOf(mixed), skipRejected: true, expected: { ...expected, refusedCells: 0 } })).message).toMatch(/changed since the preview/);
    await ok('retests.commitImport', { sessionId: s.id, file: uploadOf(mixed), skipRejected: true, expected });
    const sheet = await ok('retests.getSession', { id: s.id });
    expect(new Set(sheet.entries.map((e) => e.athleteId))).toEqual(new Set([ids.Ana, ids.Ben, ids.Cara]));
    expect(sheet.entries.filter((e) => e.athleteId === ids.Ben).map((e) => e.testId)).toEqual([tests.sprint_10!.id]);
    expect(sheet.entries.find((e) => e.athleteId === ids.Cara && e.testId === tests.sprint_20!.id)?.score).toBe(3.45);
  });

  it('reads a jump app\u2019s long export with flight times in ms and sides, and adds the tests to the session', async () => {
    const { tests, ids, s } = await importSquad();
    const csv = [
      'Name;Test;Trial;Side;Flight time (ms);Value',
      'Ana López;CMJ;1;;600;',
      'Ana López;CMJ;2;;;43.9',
      'Ana López;Balance;1;L;;18',
      'Ana López;Balance;1;R;;31',
    ].join('\n');
    const preview = await ok('retests.previewImport', { sessionId: s.id, file: uploadOf(csv) });
    expect(preview).toMatchObject({ layout: 'long', acceptedRows: 4, rejectedRows: 0, file: { separator: 'semicolon' } });
    expect(preview.addsTestIds.sort()).toEqual([tests.cmj!.id, tests.balance_eyes_closed!.id].sort());
    await ok('retests.commitImport', { sessionId: s.id, file: uploadOf(csv), skipRejected: false, expected: { acceptedRows: 4, rejectedRows: 0, refusedCells: 0 } });
    const sheet = await ok('retests.getSession', { id: s.id });
    expect(sheet.session.testIds).toEqual(expect.arrayContaining([tests.cmj!.id, tests.balance_eyes_closed!.id]));
    // 600 ms of flight = 44.145 cm (9.81 x 0.6^2 / 8), the better of the two.
    expectClose(sheet.entries.find((e) => e.athleteId === ids.Ana && e.testId === tests.cmj!.id)?.score, 44.145, 1e-9, 'CMJ from flight time');
    expect(sheet.entries.filter((e) => e.testId === tests.balance_eyes_closed!.id).map((e) => [e.side, e.score, e.eyes])).toEqual([
      ['left', 18, 'closed'],
      ['right', 31, 'closed'],
    ]);
  });

  it('refuses a file without a name column as a whole, and a file that is not one', async () => {
    const { s } = await importSquad();
    expect((await ok('retests.previewImport', { sessionId: s.id, file: uploadOf('10 m,20 m\n1.9,3.3') })).fileProblem).toMatch(/No athlete name column/);
    expect((await ok('retests.previewImport', { sessionId: s.id, file: uploadOf('') })).fileProblem).toBe('The file is empty.');
    expect((await refused('retests.previewImport', { sessionId: s.id, file: uploadOf(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0]), 'gates.xls') })).message).toMatch(/old Excel file/);
  });
});

describe('exports', () => {
  it('writes the comparison as CSV and as an XLSX that exceljs reads back', async () => {
    const { cmj } = await battery();
    const ids = await athletes(['A', 'B']);
    await ok('retests.setTypicalError', { id: cmj!.id, source: 'coach', value: 0.64365 });
    const pre = await session('baseline', '2026-09-03', 'Baseline', [cmj!.id]);
    const post = await session('retest', '2026-10-29', 'End of block 1', [cmj!.id]);
    await ok('retests.saveResults', { sessionId: pre.id, athletes: oneTrialEach(cmj!.id, { A: 31.5, B: 35.5 }, ids) });
    await ok('retests.saveResults', { sessionId: post.id, athletes: oneTrialEach(cmj!.id, { A: 34.1, B: 35.9 }, ids) });

    // Through the download channel, as every export (no file content in the answer).
    const csv = await ok('retests.exportComparison', { sessionId: post.id, format: 'csv' });
    expect(csv).toMatchObject({ outcome: 'download', fileName: 'retest-end-of-block-1-2026-10-29.csv' });
    const csvText = (file: typeof csv) => fs.readFileSync(savedPath(squad.ctx, file), 'utf8');
    const lines = csvText(csv).replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    expect(lines[0]).toMatch(/^Athlete,Group,Test,Side,Unit,Status,Score,Previous score,Change vs previous,Improvement % vs previous,Verdict vs previous/);
    // A: 31.5 -> 34.1 = +2.6 cm, +8.3% (100 x 2.6/31.5 = 8.25). SWC = 0.2 x SD(31.5, 35.5) = 0.2 x 2.8284 = 0.5657;
    // the 90% interval 2.6 +- 1.645 x sqrt(2) x 0.64365 = 1.10..4.10 lies above it: clear improvement.
    expect(lines[1]).toMatch(/^Athlete A,,Countermovement jump,,cm,ok,34\.1,31\.5,2\.6,8\.3,Clear improvement,1\.1,4\.1,/);

    const xlsx = await ok('retests.exportComparison', { sessionId: post.id, format: 'xlsx' });
    expect(xlsx).toMatchObject({ outcome: 'download', fileName: 'retest-end-of-block-1-2026-10-29.xlsx' });
    const workbook = await readWorkbook(savedPath(squad.ctx, xlsx));
    const sheet = workbook.getWorksheet('Comparison')!;
    expect(sheet.rowCount).toBe(3);
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const rowA = (sheet.getRow(2).values as unknown[]).slice(1);
    const at = (name: string) => rowA[header.indexOf(name)];
    expect(at('Athlete')).toBe('Athlete A');
    expectClose(at('Change vs previous') as number, 2.6, 1e-9, 'change in the XLSX');
    expect(at('Verdict vs previous')).toBe('Clear improvement');
    expectClose(at('Smallest worthwhile change') as number, 0.2 * Math.sqrt(8), 1e-9, 'SWC in the XLSX');
    const summary = workbook.getWorksheet('Summary')!;
    expect(summary.getCell('A1').value).toBe('End of block 1 (2026-10-29)');

    // By group: both athletes have none, so "no group" keeps them and a real group keeps nobody.
    const sprints = await ok('groups.create', { name: 'Sprints', color: '#e8590c' });
    const noGroup = await ok('retests.exportComparison', { sessionId: post.id, format: 'csv', group: 'none' });
    expect(noGroup).toMatchObject({ fileName: 'retest-end-of-block-1-2026-10-29-no-group.csv' });
    expect(csvText(noGroup).trim().split(/\r?\n/)).toHaveLength(3);
    const onlySprints = await ok('retests.exportComparison', { sessionId: post.id, format: 'csv', group: sprints.id });
    expect(csvText(onlySprints).trim().split(/\r?\n/)).toHaveLength(1);
    expect((await refused('retests.exportComparison', { sessionId: post.id, format: 'csv', group: 999 })).fields?.group).toBe('Choose a group from the list');
  });
});

describe('the sample squads', () => {
  it('gives the sample squad a reliability session, a baseline and two re-tests, with the typical errors taken from the reliability session', async () => {
    loadGeneratedSquad(squad.db, { seed: 1, size: 'sample' }, new Date('2026-09-07T06:00:00Z'));
    const sessions = await ok('retests.listSessions', {});
    expect(sessions.map((s) => s.kind)).toEqual(['retest', 'retest', 'baseline', 'reliability']);
    expect(sessions.every((s) => s.athleteCount === 24)).toBe(true);
    for (const t of await ok('retests.listTests', {})) expect(t.typicalError).toMatchObject({ source: 'reliability', n: expect.any(Number), date: sessions[3]!.date });
    const comparison = await ok('retests.compare', { sessionId: sessions[0]!.id });
    const verdicts = comparison.rows.flatMap((r) => Object.values(r.cells).map((c) => c.vsBaseline?.classification));
    expect(verdicts).toContain('clear improvement');
    expect(verdicts).toContain('clear decline');
    expect(comparison.rows.some((r) => Object.values(r.cells).some((c) => c.status === 'absent'))).toBe(true);
    expect(comparison.rows.some((r) => Object.values(r.asymmetry).some((a) => a.flagged))).toBe(true);
    expect((await ok('retests.declines', {})).length).toBeGreaterThan(0);
  });

  it('gives the large squad 18 sessions over three seasons plus a reliability session', async () => {
    loadGeneratedSquad(squad.db, { seed: 7, size: 'large' }, new Date('2026-09-07T06:00:00Z'));
    const sessions = await ok('retests.listSessions', {});
    expect(sessions.filter((s) => s.kind !== 'reliability')).toHaveLength(18);
    expect(sessions.filter((s) => s.kind === 'baseline')).toHaveLength(3);
    expect(sessions.filter((s) => s.kind === 'reliability')).toHaveLength(1);
    const comparison = await ok('retests.compare', { sessionId: sessions[0]!.id });
    expect(comparison.rows).toHaveLength(300);
    expect(comparison.squadTrend[String(comparison.tests[0]!.id)]).toHaveLength(18);
  });
});

describe('declines for the deload warnings', () => {
  it('come from re-tests of active athletes only, not from a new season\u2019s baseline', async () => {
    const { cmj } = await battery();
    await ok('retests.setTypicalError', { id: cmj!.id, source: 'coach', value: 0.5 });
    const ids = await athletes(['A', 'B', 'C']);
    const base1 = await session('baseline', '2025-09-01', 'Season 1 baseline', [cmj!.id]);
    const retest = await session('retest', '2025-11-01', 'Season 1, end of block 1', [cmj!.id]);
    const base2 = await session('baseline', '2026-09-01', 'Season 2 baseline', [cmj!.id]);
    await ok('retests.saveResults', { sessionId: base1.id, athletes: oneTrialEach(cmj!.id, { A: 30, B: 34, C: 38 }, ids) });
    // B drops 4 cm at the re-test: SWC = 0.2 x SD(30, 34, 38) = 0.2 x 4 = 0.8 cm; the 90% interval
    // -4 +- 1.645 x sqrt(2) x 0.5 = -5.16..-2.84 lies below -0.8: a clear decline. C drops as much but is archived.
    await ok('retests.saveResults', { sessionId: retest.id, athletes: oneTrialEach(cmj!.id, { A: 30.2, B: 30, C: 34 }, ids) });
    // After the summer everyone starts lower: not a re-test, so not a warning.
    await ok('retests.saveResults', { sessionId: base2.id, athletes: oneTrialEach(cmj!.id, { A: 25, B: 25, C: 25 }, ids) });
    await ok('athletes.archive', { ids: [ids.C as number] });
    const declines = await ok('retests.declines', {});
    expect(declines.map((d) => [d.athleteId, d.sessionId])).toEqual([]);
    // Without the new baseline, B's re-test decline is the latest result and is reported.
    await ok('retests.removeSession', { id: base2.id });
    expect((await ok('retests.declines', {})).map((d) => [d.athleteId, d.sessionId, d.change])).toEqual([[ids.B, retest.id, -4]]);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { athleteResultsSchema, testFieldsSchema } from '@shared/contract/retests';
import {
  flightTimeProblem,
  formatSigned,
  jumpHeightCmFromFlightTime,
  parseTypedNumber,
  valueProblem,
  type TestDefinition,
} from '@shared/domain/retests';
import { buildEntryRecords, inputFromEntries, sprintRunProblems } from '@shared/retests/entries';
import { previewImport } from '@shared/retests/importRows';
import { ranksOf, scoreOfTrials } from '@shared/retests/scoring';
import { changeSentence, changeText } from '@shared/retests/words';
import { generateRetests } from '@shared/sample/retests';
import { generateSquad } from '@shared/sample/generator';
import { builtinBattery } from './retestFixtures';
import { expectClose, loadVector } from './science/vectors';
import { z } from 'zod';

const tests = builtinBattery;
const byKey = Object.fromEntries(tests.map((t) => [t.builtinKey, t])) as Record<string, TestDefinition>;

describe('values as typed', () => {
  it('reads "1.95", "1,95" and " 2 " as numbers and nothing else', () => {
    expect(['1.95', '1,95', ' 2 ', '.5', '0.3'].map(parseTypedNumber)).toEqual([1.95, 1.95, 2, 0.5, 0.3]);
    expect(['', 'fast', '1.9.5', '1,9,5', '1e3', 'NaN', '--1'].map(parseTypedNumber)).toEqual([null, null, null, null, null, null, null]);
  });

  it('refuses a sprint of 0.3 s or 45 s with the range and the test in the reason (DOMAIN.md: 1.4-3.5 s)', () => {
    expect(valueProblem(byKey.sprint_10!, 0.3)).toBe('0.3 s is below the 1.4\u20133.5 s range for Sprint 10 m');
    expect(valueProblem(byKey.sprint_10!, 45)).toBe('45 s is above the 1.4\u20133.5 s range for Sprint 10 m');
    // The ends of the range are valid.
    expect([1.4, 3.5].map((v) => valueProblem(byKey.sprint_10!, v))).toEqual([null, null]);
  });

  it('turns flight time into jump height with h = g t\u00b2/8 (REFERENCE.md \u00a72.1 vector jump_height_from_flight_time)', () => {
    const vector = loadVector('jump_height_from_flight_time', z.object({ flight_time_s: z.array(z.number()) }), z.object({ height_m: z.array(z.number()) }));
    // The vector gives metres; the app stores cm.
    vector.inputs.flight_time_s.forEach((t, i) => expectClose(jumpHeightCmFromFlightTime(t), 100 * (vector.expected.height_m[i] as number), 100 * vector.tolerance, `t = ${t}`));
    expect(flightTimeProblem(byKey.cmj!, 0.6)).toBeNull();
    // 9.81 x 0.9^2 / 8 = 0.99326 m: above 90 cm. 600 (ms typed as s) is not a flight time at all.
    expect(flightTimeProblem(byKey.cmj!, 0.9)).toBe('0.9 s of flight is 99.3 cm, above the 5\u201390 cm range for Countermovement jump');
    expect(flightTimeProblem(byKey.cmj!, 600)).toMatch(/not a flight time .* divide milliseconds by 1000/);
  });

  it('signs changes with a true minus and shows improvement as better/worse', () => {
    expect(formatSigned(-0.05, 2, 's')).toBe('\u22120.05 s');
    expect(formatSigned(2.6, 1, 'cm')).toBe('+2.6 cm');
    expect(formatSigned(0.0001, 1)).toBe('\u00b10.0');
    expect(changeText(byKey.sprint_30!, { change: -0.11, improvementPercent: 2.433628 })).toBe('\u22120.11 s (+2.4% better)');
  });
});

describe('scores and ranks', () => {
  it('takes the best trial (highest jump, lowest time) or the mean', () => {
    expect(scoreOfTrials([33.1, 34.5, 34.0], 'best', true)).toBe(34.5);
    expect(scoreOfTrials([1.95, 1.92], 'best', false)).toBe(1.92);
    expect(scoreOfTrials([60, 90], 'mean', true)).toBe(75);
    expect(scoreOfTrials([], 'best', true)).toBeNull();
  });

  it('ranks best first with ties sharing a rank', () => {
    expect(ranksOf([34.1, 35.9, 30.6, 37.0, 36.9], true)).toEqual([4, 3, 5, 1, 2]);
    expect(ranksOf([4.5, 4.4, 4.5, 4.6], false)).toEqual([2, 1, 2, 4]);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 1, maxLength: 30 }), (values) => {
        const ranks = ranksOf(values, true);
        values.forEach((v, i) => expect(ranks[i]).toBe(1 + values.filter((w) => w > v).length));
      }),
    );
  });
});

describe('an athlete\u2019s entry for a test', () => {
  it('stores both legs of a left/right test, each with its own best', () => {
    const { records, problems } = buildEntryRecords(byKey.balance_eyes_closed!, {
      testId: 3,
      mark: null,
      addedLoadKg: null,
      eyes: null,
      trials: [
        { side: 'left', trial: 1, value: 12, flightTimeS: null, runNumber: null },
        { side: 'left', trial: 2, value: 18, flightTimeS: null, runNumber: null },
        { side: 'right', trial: 1, value: 31, flightTimeS: null, runNumber: null },
      ],
    });
    expect(problems).toEqual([]);
    expect(records.map((r) => [r.side, r.score, r.eyes])).toEqual([
      ['left', 18, 'closed'],
      ['right', 31, 'closed'],
    ]);
  });

  it('names every problem: no side, a third trial, a duplicate, a load on a test without one', () => {
    const { problems } = buildEntryRecords(byKey.cmj!, {
      testId: 1,
      mark: null,
      addedLoadKg: 20,
      eyes: null,
      trials: [
        { side: 'left', trial: 1, value: 30, flightTimeS: null, runNumber: null },
        { side: 'none', trial: 4, value: 30, flightTimeS: null, runNumber: null },
        { side: 'none', trial: 1, value: 30, flightTimeS: null, runNumber: null },
        { side: 'none', trial: 1, value: 31, flightTimeS: null, runNumber: null },
      ],
    });
    expect(problems.map((p) => [p.path, p.message])).toEqual([
      ['addedLoadKg', 'Countermovement jump does not take an added load'],
      ['trials.0.side', 'Countermovement jump has no left and right'],
      ['trials.1.trial', 'Countermovement jump takes 3 trials; there is no trial 4'],
      ['trials.3.trial', 'Countermovement jump, trial 1 is entered twice'],
    ]);
  });

  it('round-trips stored entries back to the input that stores them (undo)', () => {
    const input = {
      testId: 1,
      mark: null,
      addedLoadKg: null,
      eyes: null,
      trials: [
        { side: 'none' as const, trial: 1, value: null, flightTimeS: 0.55, runNumber: null },
        { side: 'none' as const, trial: 2, value: 36.2, flightTimeS: null, runNumber: null },
      ],
    };
    const { records } = buildEntryRecords(byKey.cmj!, input);
    expect(inputFromEntries(1, records)).toEqual(input);
  });

  it('checks that the splits of a run get later with distance', () => {
    const split = (key: string, value: number, runNumber = 1) => ({ test: byKey[key]!, runNumber, value });
    expect(sprintRunProblems([split('sprint_10', 1.9), split('sprint_20', 3.2), split('sprint_30', 4.5)])).toEqual([]);
    expect(sprintRunProblems([split('sprint_30', 4.5), split('sprint_10', 1.9), split('sprint_20', 4.6)])).toEqual([
      { runNumber: 1, message: 'Run 1: the 30 m time (4.5 s) must be later than the 20 m time (4.6 s) of the same run' },
    ]);
  });
});

describe('CSV rows', () => {
  const athletes = [
    { id: 1, givenName: 'Ana', familyName: 'López', archived: false },
    { id: 2, givenName: 'Ben', familyName: 'Okafor', archived: false },
    { id: 3, givenName: 'Ben', familyName: 'Okafor-Smith', archived: true },
  ];
  const preview = (rows: string[][], existing: string[] = []) =>
    previewImport({ rows, tests, athletes, sessionTestIds: [byKey.cmj!.id], existing: new Set(existing) });

  it('reads names as people write them, without accents or in last-first order', () => {
    const result = preview([['Athlete', 'CMJ'], ['ana lopez', '33'], ['Okafor, Ben', '35'], ['Ben Okafor-Smith', '30']]);
    expect(result.rows.map((r) => r.athleteId)).toEqual([1, 2, 3]);
    expect(result.rows[2]?.notes[0]).toMatch(/archived/);
  });

  it('reads trial numbers, sides, flight times and loads from the headers', () => {
    const result = preview([
      ['First name', 'Last name', 'CMJ 1', 'CMJ trial 2', 'Balance L', 'Balance (R)', 'Loaded jump load (lb)', 'Loaded jump', 'CMJ flight (ms)'],
      ['Ana', 'López', '33.1', '34', '12', '14', '44.092452', '24', '600'],
    ]);
    expect(result.columns.map((c) => c.meaning)).toEqual([
      'First name',
      'Last name',
      'Countermovement jump, trial 1',
      'Countermovement jump, trial 2',
      'Single-leg balance, eyes closed, left, next trial',
      'Single-leg balance, eyes closed, right, next trial',
      'Loaded jump: added load (lb)',
      'Loaded jump, next trial',
      'Countermovement jump, next trial, flight time in ms, turned into height',
    ]);
    const loaded = result.entries.find((e) => e.testId === byKey.loaded_jump!.id)!;
    // 44.092452 lb / 2.2046226 = 20 kg.
    expectClose(loaded.addedLoadKg, 20, 1e-6, 'load in kg');
    const cmj = result.entries.find((e) => e.testId === byKey.cmj!.id)!;
    expect(cmj.trials.map((t) => [t.trial, t.value, t.flightTimeS])).toEqual([
      [1, 33.1, null],
      [2, 34, null],
      [3, null, 0.6],
    ]);
    expect(result.addsTestIds.sort()).toEqual([byKey.loaded_jump!.id, byKey.balance_eyes_closed!.id].sort());
  });

  it('says which existing results an import replaces, and refuses a balance column without a side', () => {
    const result = preview([['Athlete', 'CMJ', 'Balance'], ['Ana López', '33', '12']], ['1|1']);
    expect(result.replaces).toBe(1);
    expect(result.rows[0]?.notes).toContain('Replaces the CMJ results already entered for this athlete');
    expect(result.columns[2]?.problem).toMatch(/measured on each leg; name the columns "Balance L" and "Balance R"/);
  });

  it('rejects a row that puts a fourth CMJ trial in, or marks absent an athlete who has values', () => {
    const result = preview([['Athlete', 'CMJ'], ['Ana López', '33'], ['Ana López', '34'], ['Ana López', '35'], ['Ana López', '36'], ['Ben Okafor', '30'], ['Ben Okafor', 'absent']]);
    expect(result.rows.map((r) => r.status)).toEqual(['accepted', 'accepted', 'accepted', 'rejected', 'accepted', 'rejected']);
    // The row's one value is refused, so the row is, with the cell named.
    expect(result.rows[3]?.problems[0]).toBe('CMJ “36”: Ana López has more than 3 trials of Countermovement jump in the file (the test takes 3)');
    expect(result.rows[5]?.problems[0]).toMatch(/^CMJ “absent”: Ben Okafor has Countermovement jump values in the file, so cannot also be marked absent/);
  });

  it('never throws, whatever the cells hold', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string({ maxLength: 12 }), { maxLength: 6 }), { maxLength: 8 }), (rows) => {
        const result = preview([['Athlete', 'CMJ', '10 m', 'Balance L'], ...rows]);
        expect(result.acceptedRows + result.rejectedRows).toBeLessThanOrEqual(rows.length);
      }),
      { numRuns: 300 },
    );
  });
});

describe('words for a report', () => {
  it('says what the verdict means in plain words, with the smallest change that matters', () => {
    const view = { pre: 31.5, post: 34.1, change: 2.6, percentChange: 8.25, improvementPercent: 8.253968, classification: 'clear improvement' as const, noVerdictReason: null, interval: { low: 1.1, high: 4.1 }, chances: { benefit: 0.98, trivial: 0.02, harm: 0 } };
    expect(changeSentence(byKey.cmj!, view, { value: 0.742 })).toBe(
      'Countermovement jump: +2.6 cm (+8.3% better), a real improvement, bigger than the test\u2019s usual ups and downs (the smallest change that matters here is 0.74 cm).',
    );
  });
});

describe('contract', () => {
  it('refuses a test range below zero and a value given twice for one trial', () => {
    expect(testFieldsSchema.safeParse({ name: 'X', shortName: 'X', unit: 'cm', higherIsBetter: true, decimals: 1, rangeMin: -5, rangeMax: 5, trials: 1, scoreRule: 'best', sided: false }).success).toBe(false);
    const both = athleteResultsSchema.safeParse({ athleteId: 1, tests: [{ testId: 1, trials: [{ side: 'none', trial: 1, value: 30, flightTimeS: 0.5 }] }] });
    expect(both.success).toBe(false);
  });
});

describe('the generated re-tests', () => {
  it('are the same for the same seed, and every value lies in its test\u2019s range', () => {
    const squad = generateSquad({ seed: 3, size: 'sample', referenceYear: 2026 });
    const a = generateRetests({ seed: 3, size: 'sample', today: '2026-09-07', athletes: squad.athletes });
    expect(generateRetests({ seed: 3, size: 'sample', today: '2026-09-07', athletes: squad.athletes })).toEqual(a);
    expect(a.sessions.map((s) => [s.kind, s.date])).toEqual([
      ['reliability', '2026-05-15'],
      ['baseline', '2026-05-18'],
      ['retest', '2026-07-13'],
      ['retest', '2026-09-02'],
    ]);
    for (const r of a.results) for (const t of r.trials) expect(valueProblem(byKey[r.testKey]!, t.value)).toBeNull();
    expect(a.results.filter((r) => r.mark === 'absent').length).toBeGreaterThan(0);
  });
});

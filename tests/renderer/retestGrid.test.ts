import { describe, expect, it } from 'vitest';
import { athleteTestInputSchema } from '@shared/contract/retests';
import type { TestDefinition } from '@shared/domain/retests';
import {
  cellHint,
  cellKey,
  cellProblem,
  draftFromEntries,
  gridColumns,
  gridPages,
  liveScores,
  normaliseMarks,
  rowProblems,
  rowToInput,
  sameDraft,
  type RowDraft,
} from '@renderer/features/retests/gridModel';
import { builtinBattery } from '../shared/retestFixtures';

const tests = builtinBattery;
const [cmj, loaded, balance, s10, s20, s30] = tests as [TestDefinition, TestDefinition, TestDefinition, TestDefinition, TestDefinition, TestDefinition];
const pages = gridPages(tests);
const page = (key: string) => pages.find((p) => p.key === key)!;
const empty = (): RowDraft => ({ cells: {}, marks: {}, load: {}, eyes: {} });

describe('the entry grid\u2019s pages and columns', () => {
  it('puts the 10/20/30 m splits on one page of runs and every other test on its own', () => {
    expect(pages.map((p) => p.title)).toEqual(['CMJ', 'Loaded jump', 'Balance', 'Sprint runs (10 m / 20 m / 30 m)', 'Flying 30']);
    expect(gridColumns(page('runs')).map((c) => c.label)).toEqual(['Run 1 \u00b7 10 m', 'Run 1 \u00b7 20 m', 'Run 1 \u00b7 30 m', 'Run 2 \u00b7 10 m', 'Run 2 \u00b7 20 m', 'Run 2 \u00b7 30 m']);
    expect(gridColumns(page(String(balance.id))).map((c) => c.label)).toEqual(['L 1', 'L 2', 'R 1', 'R 2']);
  });
});

describe('a cell as it is typed', () => {
  it('says why a value is refused, and accepts the marks and a comma decimal', () => {
    expect(cellProblem(s10, { text: '0.3', input: 'height' })).toBe('0.3 s is below the 1.4\u20133.5 s range for Sprint 10 m');
    expect(cellProblem(s10, { text: '45', input: 'height' })).toBe('45 s is above the 1.4\u20133.5 s range for Sprint 10 m');
    expect(cellProblem(s10, { text: 'quick', input: 'height' })).toBe('"quick" is not a number');
    expect(cellProblem(s10, { text: '1,95', input: 'height' })).toBeNull();
    expect(cellProblem(s10, { text: 'a', input: 'height' })).toBeNull();
  });

  it('reads a jump as flight time when the grid is set to it, and shows the height (0.600 s \u2192 44.1 cm)', () => {
    expect(cellHint(cmj, { text: '0.6', input: 'flight' })).toBe('= 44.1 cm');
    // The same text typed as a height is 0.6 cm, which no jump is.
    expect(cellProblem(cmj, { text: '0.6', input: 'height' })).toBe('0.6 cm is below the 5\u201390 cm range for Countermovement jump');
  });
});

describe('a row', () => {
  it('scores live by the test\u2019s rule and turns into what main stores', () => {
    const p = page(String(loaded.id));
    const draft: RowDraft = { ...empty(), cells: { [cellKey(loaded.id, 'none', 1)]: { text: '24.5', input: 'height' }, [cellKey(loaded.id, 'none', 2)]: { text: '0.45', input: 'flight' } }, load: { [loaded.id]: '44.092452' } };
    // 9.81 x 0.45^2 / 8 = 0.24832 m = 24.83 cm, better than 24.5.
    expect(liveScores(p, draft)[`${loaded.id}:none`]).toBeCloseTo(24.832, 3);
    const input = rowToInput(p, 7, draft, 'lb');
    expect(input.tests[0]).toMatchObject({ testId: loaded.id, mark: null, trials: [{ trial: 1, value: 24.5, flightTimeS: null }, { trial: 2, value: null, flightTimeS: 0.45 }] });
    // 44.092452 lb / 2.2046226 = 20 kg.
    expect(input.tests[0]?.addedLoadKg).toBeCloseTo(20, 6);
    expect(athleteTestInputSchema.safeParse(input.tests[0]).success).toBe(true);
  });

  it('treats "a" typed in a split as the athlete missing the whole run', () => {
    const p = page('runs');
    const draft: RowDraft = { ...empty(), cells: { [cellKey(s10.id, 'none', 1)]: { text: 'a', input: 'height' }, [cellKey(s20.id, 'none', 1)]: { text: '3.1', input: 'height' } } };
    const marked = normaliseMarks(p, draft);
    expect([s10.id, s20.id, s30.id].map((id) => marked.marks[id])).toEqual(['absent', 'absent', 'absent']);
    expect(marked.cells).toEqual({});
    expect(rowToInput(p, 1, marked, 'kg').tests.map((t) => [t.mark, t.trials])).toEqual([
      ['absent', []],
      ['absent', []],
      ['absent', []],
    ]);
  });

  it('numbers each split with its run', () => {
    const p = page('runs');
    const cells: RowDraft['cells'] = {};
    [
      [s10, 1, '1.95'],
      [s20, 1, '3.30'],
      [s10, 2, '1.92'],
    ].forEach(([t, trial, text]) => (cells[cellKey((t as TestDefinition).id, 'none', trial as number)] = { text: text as string, input: 'height' }));
    const input = rowToInput(p, 1, { ...empty(), cells }, 'kg');
    expect(input.tests.find((t) => t.testId === s10.id)?.trials.map((t) => [t.trial, t.runNumber])).toEqual([
      [1, 1],
      [2, 2],
    ]);
  });

  it('lists the refused cells and knows when nothing changed', () => {
    const p = page(String(cmj.id));
    const stored = draftFromEntries(p, [{ athleteId: 1, testId: cmj.id, side: 'none', status: 'ok', score: 33, addedLoadKg: null, eyes: null, trials: [{ trial: 1, value: 33, flightTimeS: null, runNumber: null }] }], 'kg');
    expect(stored.cells[cellKey(cmj.id, 'none', 1)]).toEqual({ text: '33.0', input: 'height' });
    expect(sameDraft(p, stored, { ...stored, cells: { [cellKey(cmj.id, 'none', 1)]: { text: '33', input: 'height' } } })).toBe(true);
    const bad: RowDraft = { ...stored, cells: { ...stored.cells, [cellKey(cmj.id, 'none', 2)]: { text: '95', input: 'height' } } };
    expect(sameDraft(p, stored, bad)).toBe(false);
    expect(rowProblems(p, bad, 'kg')).toEqual({ [cellKey(cmj.id, 'none', 2)]: '95 cm is above the 5\u201390 cm range for Countermovement jump' });
  });
});

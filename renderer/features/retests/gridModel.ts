/**
 * The entry grid's model: which tests share a page (the sprint splits of one run), the columns
 * of a page, a row's cells as typed text, the check of each cell as it is typed, and the row
 * turned into what main stores. No React here, so the behaviour is testable on its own.
 */
import type { AthleteResultsInput } from '@shared/contract/retests';
import {
  flightTimeProblem,
  formatNumber,
  jumpHeightCmFromFlightTime,
  MARK_LABELS,
  parseTypedNumber,
  sidesOf,
  SIDE_SHORT,
  valueProblem,
  type EntryMark,
  type Eyes,
  type Side,
  type TestDefinition,
  type TestEntry,
} from '@shared/domain/retests';
import { scoreOfTrials } from '@shared/retests/scoring';
import { kgToUnit, roundForDisplay, unitToKg, type MassUnit } from '@shared/units';

/** One tab of the grid: a test, or the sprint splits timed together in runs. */
export interface GridPage {
  key: string;
  title: string;
  tests: TestDefinition[];
  /** Splits of one run: trial k of each split test is run k. */
  runs: boolean;
}

export function gridPages(sessionTests: readonly TestDefinition[]): GridPage[] {
  const splits = sessionTests.filter((t) => t.kind === 'sprint' && t.sprintDistanceM !== null).sort((a, b) => (a.sprintDistanceM ?? 0) - (b.sprintDistanceM ?? 0));
  const pages: GridPage[] = [];
  let runsAdded = false;
  for (const test of sessionTests) {
    if (splits.length >= 2 && splits.includes(test)) {
      if (!runsAdded) {
        pages.push({ key: 'runs', title: `Sprint runs (${splits.map((s) => s.shortName).join(' / ')})`, tests: splits, runs: true });
        runsAdded = true;
      }
      continue;
    }
    pages.push({ key: String(test.id), title: test.shortName, tests: [test], runs: false });
  }
  return pages;
}

export interface GridColumn {
  key: string;
  test: TestDefinition;
  side: Side;
  trial: number;
  /** Column heading: "Trial 1", "L 2", "Run 1 · 10 m". */
  label: string;
}

export function cellKey(testId: number, side: Side, trial: number): string {
  return `${testId}:${side}:${trial}`;
}

export function gridColumns(page: GridPage): GridColumn[] {
  if (page.runs) {
    const runs = Math.max(...page.tests.map((t) => t.trials));
    const out: GridColumn[] = [];
    for (let run = 1; run <= runs; run += 1) {
      for (const test of page.tests) {
        if (run <= test.trials) out.push({ key: cellKey(test.id, 'none', run), test, side: 'none', trial: run, label: `Run ${run} \u00b7 ${test.shortName}` });
      }
    }
    return out;
  }
  const test = page.tests[0] as TestDefinition;
  return sidesOf(test).flatMap((side) =>
    Array.from({ length: test.trials }, (_, i) => ({
      key: cellKey(test.id, side, i + 1),
      test,
      side,
      trial: i + 1,
      label: side === 'none' ? `Trial ${i + 1}` : `${SIDE_SHORT[side]} ${i + 1}`,
    })),
  );
}

/** How a jump's cells are typed: height in cm, or flight time in s (REFERENCE.md §2.1). */
export type JumpInput = 'height' | 'flight';

export interface CellDraft {
  text: string;
  /** For jumps: whether `text` is a height or a flight time. */
  input: JumpInput;
}

/** What the coach has typed for one athlete on one page. */
export interface RowDraft {
  cells: Record<string, CellDraft>;
  /** By test id. */
  marks: Record<number, EntryMark | null>;
  /** Added load in the squad's unit, as typed (loaded jump). */
  load: Record<number, string>;
  eyes: Record<number, Eyes>;
}

export function isJump(test: TestDefinition): boolean {
  return test.kind === 'jump' || test.kind === 'loaded_jump';
}

/** A stored value in the test's decimals ("44.0"), unless that would hide digits it has ("1.953"). */
export function storedText(value: number, decimals: number): string {
  const fixed = formatNumber(value, decimals);
  return Number(fixed) === value ? fixed : String(value);
}

/** The row as stored, as the cells show it. */
export function draftFromEntries(page: GridPage, entries: readonly TestEntry[], unit: MassUnit): RowDraft {
  const draft: RowDraft = { cells: {}, marks: {}, load: {}, eyes: {} };
  for (const test of page.tests) {
    const mine = entries.filter((e) => e.testId === test.id);
    const marked = mine.find((e) => e.status !== 'ok');
    draft.marks[test.id] = marked ? (marked.status as EntryMark) : null;
    const load = mine.find((e) => e.addedLoadKg !== null)?.addedLoadKg;
    draft.load[test.id] = load === undefined || load === null ? '' : String(roundForDisplay(kgToUnit(load, unit), 1));
    draft.eyes[test.id] = mine.find((e) => e.eyes !== null)?.eyes ?? 'closed';
    for (const entry of mine) {
      for (const t of entry.trials) {
        draft.cells[cellKey(test.id, entry.side, t.trial)] =
          t.flightTimeS !== null ? { text: String(t.flightTimeS), input: 'flight' } : { text: storedText(t.value, test.decimals), input: 'height' };
      }
    }
  }
  return draft;
}

/** A single letter typed in a cell marks the athlete for that test. */
export function markFromText(text: string): EntryMark | null {
  const t = text.trim().toLowerCase();
  if (t === 'a' || t === 'abs' || t === 'absent') return 'absent';
  if (t === 'i' || t === 'inj' || t === 'injured') return 'injured';
  return null;
}

/**
 * A cell that says "a" or "i" marks its test absent or injured and clears the test's cells; on
 * a page of sprint runs it marks every split (an athlete misses the whole run).
 */
export function normaliseMarks(page: GridPage, draft: RowDraft): RowDraft {
  const markOf = (testId: number) =>
    Object.entries(draft.cells)
      .filter(([key]) => key.startsWith(`${testId}:`))
      .map(([, cell]) => markFromText(cell.text))
      .find((m) => m !== null) ?? null;
  const found = page.tests.map((t) => markOf(t.id));
  const pageMark = page.runs ? (found.find((m) => m !== null) ?? null) : null;
  let out = draft;
  page.tests.forEach((test, i) => {
    const mark = pageMark ?? found[i] ?? null;
    if (!mark) return;
    const cells = Object.fromEntries(Object.entries(out.cells).filter(([key]) => !key.startsWith(`${test.id}:`)));
    out = { ...out, cells, marks: { ...out.marks, [test.id]: mark } };
  });
  return out;
}

/** Why a cell's text cannot be saved, as the coach types it; null when it can (or is empty). */
export function cellProblem(test: TestDefinition, cell: CellDraft | undefined): string | null {
  const text = cell?.text.trim() ?? '';
  if (text === '' || markFromText(text)) return null;
  const value = parseTypedNumber(text);
  if (value === null) return `"${text}" is not a number`;
  if (cell?.input === 'flight' && isJump(test)) return flightTimeProblem(test, value);
  return valueProblem(test, value);
}

/** "= 44.1 cm" under a flight time; null otherwise. */
export function cellHint(test: TestDefinition, cell: CellDraft | undefined): string | null {
  if (!cell || cell.input !== 'flight' || !isJump(test)) return null;
  const value = parseTypedNumber(cell.text);
  if (value === null || cellProblem(test, cell) !== null) return null;
  return `= ${formatNumber(jumpHeightCmFromFlightTime(value), test.decimals)} cm`;
}

export function loadProblem(text: string, unit: MassUnit): string | null {
  if (text.trim() === '') return null;
  const value = parseTypedNumber(text);
  if (value === null) return `"${text}" is not a number`;
  const kg = unitToKg(value, unit);
  if (kg < 0 || kg > 300) return `An added load must be between 0 and ${Math.round(kgToUnit(300, unit))} ${unit}`;
  return null;
}

/** Every problem of a row on a page, by cell key (and "load:<testId>"). */
export function rowProblems(page: GridPage, draft: RowDraft, unit: MassUnit): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const column of gridColumns(page)) {
    const problem = cellProblem(column.test, draft.cells[column.key]);
    if (problem) problems[column.key] = problem;
  }
  for (const test of page.tests) {
    if (test.kind !== 'loaded_jump') continue;
    const problem = loadProblem(draft.load[test.id] ?? '', unit);
    if (problem) problems[`load:${test.id}`] = problem;
  }
  return problems;
}

/** The score the row would get per side, live as the coach types. */
export function liveScores(page: GridPage, draft: RowDraft): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const test of page.tests) {
    for (const side of sidesOf(test)) {
      const values: number[] = [];
      for (let trial = 1; trial <= test.trials; trial += 1) {
        const cell = draft.cells[cellKey(test.id, side, trial)];
        if (!cell || cellProblem(test, cell) !== null || markFromText(cell.text)) continue;
        const value = parseTypedNumber(cell.text);
        if (value === null) continue;
        values.push(cell.input === 'flight' && isJump(test) ? jumpHeightCmFromFlightTime(value) : value);
      }
      out[`${test.id}:${side}`] = scoreOfTrials(values, test.scoreRule, test.higherIsBetter);
    }
  }
  return out;
}

/** The row as the input main stores (call only when rowProblems is empty). */
export function rowToInput(page: GridPage, athleteId: number, draft: RowDraft, unit: MassUnit): AthleteResultsInput {
  return {
    athleteId,
    tests: page.tests.map((test) => {
      const mark = draft.marks[test.id] ?? null;
      const trials: NonNullable<AthleteResultsInput['tests'][number]['trials']> = [];
      if (mark === null) {
        for (const side of sidesOf(test)) {
          for (let trial = 1; trial <= test.trials; trial += 1) {
            const cell = draft.cells[cellKey(test.id, side, trial)];
            const value = cell ? parseTypedNumber(cell.text) : null;
            if (value === null) continue;
            const flight = cell?.input === 'flight' && isJump(test);
            trials.push({ side, trial, value: flight ? null : value, flightTimeS: flight ? value : null, runNumber: page.runs ? trial : null });
          }
        }
      }
      const loadText = draft.load[test.id] ?? '';
      const load = test.kind === 'loaded_jump' && mark === null ? parseTypedNumber(loadText) : null;
      return {
        testId: test.id,
        mark,
        addedLoadKg: load === null ? null : unitToKg(load, unit),
        eyes: test.kind === 'balance' && mark === null ? (draft.eyes[test.id] ?? 'closed') : null,
        trials,
      };
    }),
  };
}

/** Two drafts store the same thing (so an unchanged row is not saved again). */
export function sameDraft(page: GridPage, a: RowDraft, b: RowDraft): boolean {
  for (const column of gridColumns(page)) {
    const x = a.cells[column.key];
    const y = b.cells[column.key];
    const tx = x?.text.trim() ?? '';
    const ty = y?.text.trim() ?? '';
    if (tx !== ty) {
      const nx = parseTypedNumber(tx);
      if (nx === null || nx !== parseTypedNumber(ty)) return false;
    }
    if (tx !== '' && x?.input !== y?.input && isJump(column.test)) return false;
  }
  for (const test of page.tests) {
    if ((a.marks[test.id] ?? null) !== (b.marks[test.id] ?? null)) return false;
    if (test.kind === 'loaded_jump' && parseTypedNumber(a.load[test.id] ?? '') !== parseTypedNumber(b.load[test.id] ?? '')) return false;
    if (test.kind === 'balance' && (a.eyes[test.id] ?? 'closed') !== (b.eyes[test.id] ?? 'closed')) return false;
  }
  return true;
}

export function markLabel(mark: EntryMark | null): string {
  return mark ? MARK_LABELS[mark] : '';
}

/**
 * One athlete's results for one test in one session, as entered (grid or CSV), checked against
 * the test's definition and turned into what is stored: one entry per side with its score and
 * its trials. The same check runs in the grid's cells, the CSV preview and main.
 */
import { sprintSplits } from '../science';
import {
  ADDED_LOAD_RANGE_KG,
  flightTimeProblem,
  jumpHeightCmFromFlightTime,
  sidesOf,
  SIDE_LABELS,
  valueProblem,
  type EntryMark,
  type EntryStatus,
  type Eyes,
  type Side,
  type TestDefinition,
} from '../domain/retests';
import { scoreOfTrials } from './scoring';

export interface TrialInput {
  side: Side;
  trial: number;
  /** The score in the test's unit; null when the jump was entered as flight time. */
  value: number | null;
  flightTimeS: number | null;
  runNumber: number | null;
}

/** What the grid (or an import row) sends for one athlete and one test. */
export interface AthleteTestInput {
  testId: number;
  /** Absent or injured: no trials. Null with no trials clears the athlete's results for the test. */
  mark: EntryMark | null;
  addedLoadKg: number | null;
  eyes: Eyes | null;
  trials: TrialInput[];
}

export interface StoredTrial {
  trial: number;
  value: number;
  flightTimeS: number | null;
  runNumber: number | null;
}

/** One row of test_entry with its trials. */
export interface EntryRecord {
  side: Side;
  status: EntryStatus;
  score: number | null;
  addedLoadKg: number | null;
  eyes: Eyes | null;
  trials: StoredTrial[];
}

export interface EntryProblem {
  /** Where, in the input: "trials.2.value", "addedLoadKg". */
  path: string;
  message: string;
}

function trialName(test: TestDefinition, side: Side, trial: number): string {
  return `${test.name}${side === 'none' ? '' : `, ${SIDE_LABELS[side].toLowerCase()}`}, trial ${trial}`;
}

/**
 * Check an athlete's input for one test and build the entries to store. Problems name the
 * trial and say what is wrong; when there is any, nothing should be written.
 */
export function buildEntryRecords(test: TestDefinition, input: AthleteTestInput): { records: EntryRecord[]; problems: EntryProblem[] } {
  const problems: EntryProblem[] = [];
  const sides = sidesOf(test);
  const isJump = test.kind === 'jump' || test.kind === 'loaded_jump';

  let addedLoadKg = input.addedLoadKg;
  if (addedLoadKg !== null) {
    if (test.kind !== 'loaded_jump') {
      problems.push({ path: 'addedLoadKg', message: `${test.name} does not take an added load` });
      addedLoadKg = null;
    } else if (!(addedLoadKg >= ADDED_LOAD_RANGE_KG.min && addedLoadKg <= ADDED_LOAD_RANGE_KG.max)) {
      problems.push({ path: 'addedLoadKg', message: `An added load must be between ${ADDED_LOAD_RANGE_KG.min} and ${ADDED_LOAD_RANGE_KG.max} kg` });
    }
  }
  let eyes = input.eyes;
  if (test.kind === 'balance') eyes ??= 'closed';
  else if (eyes !== null) {
    problems.push({ path: 'eyes', message: `${test.name} does not record eyes open or closed` });
    eyes = null;
  }

  if (input.mark !== null) {
    if (input.trials.length > 0) problems.push({ path: 'trials', message: `An athlete marked ${input.mark} has no trials; clear the values or the mark` });
    return { records: sides.map((side) => ({ side, status: input.mark as EntryMark, score: null, addedLoadKg: null, eyes: null, trials: [] })), problems };
  }

  const bySide = new Map<Side, StoredTrial[]>(sides.map((s) => [s, []]));
  input.trials.forEach((t, i) => {
    const at = (field: string) => `trials.${i}.${field}`;
    const list = bySide.get(t.side);
    if (!list) {
      problems.push({ path: at('side'), message: test.sided ? `${test.name} needs a side: left or right` : `${test.name} has no left and right` });
      return;
    }
    if (!Number.isInteger(t.trial) || t.trial < 1 || t.trial > test.trials) {
      problems.push({ path: at('trial'), message: `${test.name} takes ${test.trials} trial${test.trials === 1 ? '' : 's'}; there is no trial ${t.trial}` });
      return;
    }
    if (list.some((x) => x.trial === t.trial)) {
      problems.push({ path: at('trial'), message: `${trialName(test, t.side, t.trial)} is entered twice` });
      return;
    }
    let value = t.value;
    if (t.flightTimeS !== null) {
      if (!isJump) {
        problems.push({ path: at('flightTimeS'), message: `${test.name} is not a jump; enter the value in ${test.unit}` });
        return;
      }
      const problem = flightTimeProblem(test, t.flightTimeS);
      if (problem) {
        problems.push({ path: at('flightTimeS'), message: problem });
        return;
      }
      value = jumpHeightCmFromFlightTime(t.flightTimeS);
    } else if (value === null) {
      problems.push({ path: at('value'), message: `Enter a value for ${trialName(test, t.side, t.trial)}` });
      return;
    } else {
      const problem = valueProblem(test, value);
      if (problem) {
        problems.push({ path: at('value'), message: problem });
        return;
      }
    }
    if (t.runNumber !== null && test.kind !== 'sprint') {
      problems.push({ path: at('runNumber'), message: `${test.name} is not a sprint split; it has no run` });
      return;
    }
    list.push({ trial: t.trial, value: value as number, flightTimeS: t.flightTimeS, runNumber: t.runNumber });
  });

  const records: EntryRecord[] = [];
  for (const side of sides) {
    const trials = (bySide.get(side) ?? []).sort((a, b) => a.trial - b.trial);
    if (trials.length === 0) continue;
    records.push({
      side,
      status: 'ok',
      score: scoreOfTrials(trials.map((t) => t.value), test.scoreRule, test.higherIsBetter),
      addedLoadKg,
      eyes,
      trials,
    });
  }
  return { records, problems };
}

/** A split of a sprint run, for the order check. */
export interface RunSplit {
  test: TestDefinition;
  runNumber: number;
  value: number;
}

/**
 * Splits of one run must get later with distance: the 20 m time comes after the 10 m time
 * (REFERENCE.md §3.1; checked with the science module's split calculation). Returns one
 * message per run that is out of order.
 */
export function sprintRunProblems(splits: readonly RunSplit[]): { runNumber: number; message: string }[] {
  const runs = new Map<number, RunSplit[]>();
  for (const s of splits) {
    if (s.test.sprintDistanceM === null) continue;
    runs.set(s.runNumber, [...(runs.get(s.runNumber) ?? []), s]);
  }
  const problems: { runNumber: number; message: string }[] = [];
  for (const [runNumber, list] of runs) {
    const ordered = [...list].sort((a, b) => (a.test.sprintDistanceM as number) - (b.test.sprintDistanceM as number));
    try {
      sprintSplits(ordered.map((s) => ({ distanceM: s.test.sprintDistanceM as number, timeS: s.value })));
    } catch {
      const bad = ordered.findIndex((s, i) => i > 0 && s.value <= (ordered[i - 1] as RunSplit).value);
      const later = ordered[bad] ?? ordered[0];
      const earlier = ordered[bad - 1];
      problems.push({
        runNumber,
        message:
          later && earlier
            ? `Run ${runNumber}: the ${later.test.shortName} time (${later.value} s) must be later than the ${earlier.test.shortName} time (${earlier.value} s) of the same run`
            : `Run ${runNumber}: the split times are not in order`,
      });
    }
  }
  return problems;
}

/** An athlete's stored entries for one test, as the input that would store them again (undo). */
export function inputFromEntries(testId: number, entries: readonly { side: Side; status: EntryStatus; addedLoadKg: number | null; eyes: Eyes | null; trials: readonly StoredTrial[] }[]): AthleteTestInput {
  const empty: AthleteTestInput = { testId, mark: null, addedLoadKg: null, eyes: null, trials: [] };
  const first = entries[0];
  if (!first) return empty;
  const marked = entries.find((e) => e.status !== 'ok');
  if (marked) return { ...empty, mark: marked.status as EntryMark };
  return {
    testId,
    mark: null,
    addedLoadKg: first.addedLoadKg,
    eyes: first.eyes,
    trials: entries.flatMap((e) =>
      e.trials.map((t) => ({ side: e.side, trial: t.trial, value: t.flightTimeS === null ? t.value : null, flightTimeS: t.flightTimeS, runNumber: t.runNumber })),
    ),
  };
}

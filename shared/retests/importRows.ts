/**
 * Import of a test session's results (timing gates, a jump app's export, a spreadsheet): the
 * rows of a file (read by the same reader as every import, CSV or XLSX) in, a preview out that
 * lists every row, what it adds, and every refused row or cell with the reason. Nothing here
 * writes; main writes the preview's entries in one transaction once the coach confirms.
 *
 * Two layouts are understood:
 * - wide: one row per athlete (or per run), a column per test: "CMJ", "CMJ 2", "Balance L",
 *   "10 m", "20 m", "30 m" (the splits of a row are one run), "CMJ flight (s)", "Loaded jump load (kg)".
 * - long: one row per trial, with "Test" and "Value" columns (and optional "Side",
 *   "Flight time", "Load", "Eyes"): the usual jump-app export.
 * In either, a "Trial" (or "Run", "Attempt", "Rep") column says which try the row is. The
 * headings are the ones every import shares (shared/import/headings.ts): a roster's "Grade" or
 * "Group" column is known and left out. Names may be "First Last" or "Last, First", in any case,
 * with or without accents. A cell may say "absent" or "injured" instead of a value.
 *
 * One impossible value (a 0.3 s sprint, "fast", a 20 m split before the 10 m one) refuses that
 * cell only: the row's other values, the other splits of that run, are kept, and the preview
 * says which cell was refused and why. A row is refused only when it cannot be placed at all
 * (no such athlete, no test named).
 */
import { headingKind, headingKey } from '../import/headings';
import { unitToKg } from '../units';
import {
  ADDED_LOAD_RANGE_KG,
  BUILTIN_TESTS,
  flightTimeProblem,
  looseNameKey,
  parseTypedNumber,
  sidesOf,
  SIDE_LABELS,
  type EntryMark,
  type Eyes,
  type Side,
  type TestDefinition,
  valueProblem,
} from '../domain/retests';
import { buildEntryRecords, sprintRunProblems, type AthleteTestInput, type RunSplit, type TrialInput } from './entries';

export interface ImportAthlete {
  id: number;
  givenName: string;
  familyName: string;
  archived: boolean;
}

export interface ImportColumn {
  index: number;
  header: string;
  /** What the column was read as ("Countermovement jump, trial 1"), or null when it is ignored. */
  meaning: string | null;
  /** Why the column's values cannot be imported, or null. */
  problem: string | null;
}

/** A cell whose value is not imported, and why (the rest of its row is). */
export interface RefusedCell {
  /** The column's heading as in the file (in the long layout, the test named on the row). */
  column: string;
  /** As written in the file. */
  value: string;
  reason: string;
}

export interface ImportRow {
  /** Line in the file (the header is line 1). */
  line: number;
  athleteName: string;
  athleteId: number | null;
  /** Accepted: it adds something (perhaps with refused cells); rejected: it adds nothing, and says why. */
  status: 'accepted' | 'rejected' | 'empty';
  /** Why the row adds nothing. */
  problems: string[];
  /** Cells not imported, and why. */
  refused: RefusedCell[];
  /** What the row adds: "CMJ 1: 34.5 cm". */
  values: string[];
  notes: string[];
}

export interface ImportedEntry extends AthleteTestInput {
  athleteId: number;
}

export interface ImportPreview {
  layout: 'wide' | 'long';
  columns: ImportColumn[];
  rows: ImportRow[];
  acceptedRows: number;
  rejectedRows: number;
  /** Cells refused in accepted rows (their rows' other values are imported). */
  refusedCells: number;
  /** Columns whose values are not imported (unknown tests, a sided test without a side...). */
  rejectedColumns: number;
  /** Athlete × test results to write. */
  entries: ImportedEntry[];
  /** Tests in the file that the session does not include yet; importing adds them. */
  addsTestIds: number[];
  /** Athlete × test results already in the session that the import replaces. */
  replaces: number;
  /** A problem with the whole file (no name column, no rows...), or null. */
  fileProblem: string | null;
}

type ColumnRole =
  | { role: 'ignored' }
  | { role: 'fullName' }
  | { role: 'givenName' }
  | { role: 'familyName' }
  | { role: 'eyes' }
  | { role: 'trial' }
  | { role: 'test'; test: TestDefinition; side: Side | null; trial: number | null; flight: 'none' | 's' | 'ms'; load: 'kg' | 'lb' | null }
  | { role: 'unknown'; problem: string };

const ABSENT_WORDS = new Set(['absent', 'abs', 'a', 'dns', 'did not start', 'not present']);
const INJURED_WORDS = new Set(['injured', 'inj', 'i', 'injury', 'hurt']);
const UNIT_TOKENS = new Set(['cm', 's', 'sec', 'secs', 'seconds', 'time', 'height', 'result', 'value']);
const TRIAL_WORDS = new Set(['trial', 't', 'try', 'attempt', 'rep', 'run', 'no']);

function markOf(text: string): EntryMark | null {
  const key = looseNameKey(text);
  if (ABSENT_WORDS.has(key)) return 'absent';
  if (INJURED_WORDS.has(key)) return 'injured';
  return null;
}

function sideOf(token: string): Side | null {
  if (['l', 'left', 'lt', 'links', 'gauche'].includes(token)) return 'left';
  if (['r', 'right', 'rt', 'rechts', 'droite'].includes(token)) return 'right';
  return null;
}

/** Every key a test may be called by in a file. */
function testKeys(tests: readonly TestDefinition[]): Map<string, TestDefinition> {
  const keys = new Map<string, TestDefinition>();
  for (const test of tests) {
    const builtin = BUILTIN_TESTS.find((b) => b.key === test.builtinKey);
    for (const name of [test.name, test.shortName, ...(builtin?.aliases ?? [])]) {
      const key = looseNameKey(name);
      if (key && !keys.has(key)) keys.set(key, test);
    }
  }
  return keys;
}

/** Read a wide-layout header: a test name with a trial number, a side, a flight-time or load marker, a unit. */
function readTestHeader(header: string, keys: Map<string, TestDefinition>, options: { sideInOtherColumn?: boolean } = {}): ColumnRole {
  const tokens = looseNameKey(header).split(' ').filter(Boolean);
  let side: Side | null = null;
  let trial: number | null = null;
  let flight: 'none' | 's' | 'ms' = 'none';
  let load: 'kg' | 'lb' | null = null;
  while (tokens.length > 0) {
    const test = keys.get(tokens.join(' '));
    if (test) return describeTestColumn(test, side, trial, flight, load, header, options.sideInOtherColumn ?? false);
    const last = tokens.pop() as string;
    const joined = /^(?:t|trial|try|attempt|rep|run)?(\d)$/.exec(last);
    if (joined && trial === null) {
      trial = Number(joined[1]);
      if (tokens.length > 0 && TRIAL_WORDS.has(tokens.at(-1) as string)) tokens.pop();
      continue;
    }
    const s = sideOf(last);
    if (s && side === null) {
      side = s;
      continue;
    }
    if (last === 'ms') {
      flight = 'ms';
      continue;
    }
    if (last === 'flight' || last === 'ft') {
      if (flight === 'none') flight = 's';
      continue;
    }
    if (last === 'kg' || last === 'lb' || last === 'lbs') {
      load = last === 'kg' ? 'kg' : 'lb';
      continue;
    }
    if (last === 'load' || last === 'weight' || last === 'added') {
      load ??= 'kg';
      continue;
    }
    if (UNIT_TOKENS.has(last)) continue;
    break;
  }
  return { role: 'unknown', problem: `"${header}" is not a test in your battery: its values are not imported. Rename the column to a test's name (e.g. CMJ, 10 m, Balance L) or add the test in Test settings.` };
}

function describeTestColumn(
  test: TestDefinition,
  side: Side | null,
  trial: number | null,
  flight: 'none' | 's' | 'ms',
  load: 'kg' | 'lb' | null,
  header: string,
  sideInOtherColumn: boolean,
): ColumnRole {
  if (load !== null && test.kind !== 'loaded_jump') return { role: 'unknown', problem: `"${header}": ${test.name} does not take an added load.` };
  if (flight !== 'none' && test.kind !== 'jump' && test.kind !== 'loaded_jump') return { role: 'unknown', problem: `"${header}": ${test.name} is not a jump, so it has no flight time.` };
  if (test.sided && side === null && load === null && !sideInOtherColumn) return { role: 'unknown', problem: `"${header}": ${test.name} is measured on each leg; name the columns "${test.shortName} L" and "${test.shortName} R".` };
  if (!test.sided && side !== null) return { role: 'unknown', problem: `"${header}": ${test.name} has no left and right.` };
  if (trial !== null && trial > test.trials) return { role: 'unknown', problem: `"${header}": ${test.name} takes ${test.trials} trials; there is no trial ${trial}.` };
  return { role: 'test', test, side, trial, flight, load };
}

function columnMeaning(role: ColumnRole): string | null {
  switch (role.role) {
    case 'fullName':
      return 'Athlete name';
    case 'givenName':
      return 'First name';
    case 'familyName':
      return 'Last name';
    case 'eyes':
      return 'Eyes open or closed (balance)';
    case 'trial':
      return 'Trial (or run) of the row';
    case 'test': {
      if (role.load) return `${role.test.name}: added load (${role.load})`;
      const parts = [role.test.name];
      if (role.side && role.side !== 'none') parts.push(SIDE_LABELS[role.side].toLowerCase());
      parts.push(role.trial === null ? 'next trial' : `trial ${role.trial}`);
      if (role.flight !== 'none') parts.push(`flight time in ${role.flight}, turned into height`);
      return parts.join(', ');
    }
    default:
      return null;
  }
}

/** Find athletes by the names people type: "Ana López", "López, Ana", "lopez ana". */
class AthleteFinder {
  private readonly byKey = new Map<string, ImportAthlete[]>();
  constructor(athletes: readonly ImportAthlete[]) {
    for (const a of athletes) {
      const keys = new Set([looseNameKey(`${a.givenName} ${a.familyName}`), looseNameKey(`${a.familyName} ${a.givenName}`)]);
      for (const key of keys) this.byKey.set(key, [...(this.byKey.get(key) ?? []), a]);
    }
  }
  find(name: string): { athlete: ImportAthlete | null; problem: string | null } {
    const key = looseNameKey(name);
    if (!key) return { athlete: null, problem: 'No athlete name in this row' };
    const found = this.byKey.get(key) ?? [];
    const unique = [...new Set(found)];
    if (unique.length === 1) return { athlete: unique[0] as ImportAthlete, problem: null };
    if (unique.length > 1) return { athlete: null, problem: `"${name}" matches ${unique.length} athletes; use the full name as on the roster` };
    return { athlete: null, problem: `No athlete called "${name}" in the squad (check the spelling, or add them to the roster first)` };
  }
}

interface RowValue {
  test: TestDefinition;
  side: Side;
  /** Explicit trial number, or null for "the next one". */
  trial: number | null;
  mark: EntryMark | null;
  value: number | null;
  flightTimeS: number | null;
  loadKg: number | null;
  eyes: Eyes | null;
  /** Sprint splits of one wide row are one run. */
  inRowRun: boolean;
  /** The cell it came from, for a refusal. */
  column: string;
  text: string;
}

/** Pending results per athlete and test while rows are read. */
interface Pending {
  athleteId: number;
  test: TestDefinition;
  mark: EntryMark | null;
  markLine: number | null;
  addedLoadKg: number | null;
  eyes: Eyes | null;
  trials: (TrialInput & { line: number })[];
}

function formatRowValue(v: RowValue, trial: number): string {
  const side = v.side === 'none' ? '' : ` ${SIDE_LABELS[v.side].charAt(0)}`;
  if (v.mark) return `${v.test.shortName}${side}: ${v.mark}`;
  const flight = v.flightTimeS !== null ? ` (flight ${v.flightTimeS} s)` : '';
  if (v.value === null && v.flightTimeS === null) return `${v.test.shortName}: load ${v.loadKg?.toFixed(1)} kg`;
  // Six significant digits, as the refusals say them: a spreadsheet's 3.3099999999999996 is 3.31.
  const shown = v.flightTimeS !== null ? 'height from flight time' : `${Number((v.value as number).toPrecision(6))} ${v.test.unit}`;
  return `${v.test.shortName}${side} ${trial}: ${shown}${flight}`;
}

export interface ImportInput {
  /** The file's rows (as the shared reader gives them): the first row is the header. */
  rows: readonly (readonly string[])[];
  tests: readonly TestDefinition[];
  athletes: readonly ImportAthlete[];
  /** Tests already in the session. */
  sessionTestIds: readonly number[];
  /** "athleteId|testId" of results already in the session. */
  existing: ReadonlySet<string>;
}

interface LongColumns {
  test: number;
  value: number;
  side: number;
  flight: number;
  load: number;
  eyes: number;
}

/** A trial or run number from a cell ("2", "Run 2", "#2", "T2"), or null. */
function trialNumber(text: string): number | null {
  const match = /^(?:#|no\.?|t|trial|try|attempt|rep|run)?\s*(\d{1,2})$/i.exec(text.trim());
  const n = match?.[1] ? Number(match[1]) : NaN;
  return Number.isInteger(n) && n >= 1 ? n : null;
}

export function previewImport(input: ImportInput): ImportPreview {
  const empty = (fileProblem: string): ImportPreview => ({
    layout: 'wide', columns: [], rows: [], acceptedRows: 0, rejectedRows: 0, refusedCells: 0, rejectedColumns: 0, entries: [], addsTestIds: [], replaces: 0, fileProblem,
  });
  const [headerRow, ...dataRows] = input.rows;
  if (!headerRow || headerRow.every((h) => h.trim() === '')) return empty('The file is empty.');
  const headers = headerRow.map((h) => h.trim());
  const kinds = headers.map((h) => headingKind(h));
  const tests = testKeys(input.tests);
  const first = (kind: string) => kinds.findIndex((k) => k === kind);
  const longColumns: LongColumns = { test: first('test'), value: first('value'), side: first('side'), flight: first('flightTime'), load: first('addedLoad'), eyes: first('eyes') };
  const layout: 'wide' | 'long' = longColumns.test >= 0 && (longColumns.value >= 0 || longColumns.flight >= 0) ? 'long' : 'wide';
  const trialColumn = first('trial');

  // In the wide layout, a heading like "Time" or "Load" may be a test's own name: read it as one.
  const longOnly = new Set<string>(['test', 'value', 'side', 'flightTime', 'addedLoad']);
  const roles: ColumnRole[] = headers.map((header, i) => {
    const kind = kinds[i] ?? null;
    if (kind === 'fullName' || kind === 'givenName' || kind === 'familyName') return { role: kind };
    if (i === trialColumn) return { role: 'trial' };
    if (header === '' || layout === 'long') return { role: 'ignored' };
    if (kind === 'eyes') return { role: 'eyes' };
    if (kind !== null && !longOnly.has(kind)) return { role: 'ignored' };
    return readTestHeader(header, tests);
  });
  const fullName = roles.findIndex((r) => r.role === 'fullName');
  const given = roles.findIndex((r) => r.role === 'givenName');
  const family = roles.findIndex((r) => r.role === 'familyName');
  if (fullName < 0 && (given < 0 || family < 0)) {
    return empty('No athlete name column: name one column "Athlete" (or "First name" and "Last name").');
  }

  const columns: ImportColumn[] = headers.map((header, index) => {
    const role = roles[index] as ColumnRole;
    if (layout === 'long' && role.role === 'ignored') {
      const key = headingKey(header);
      const meaning =
        index === longColumns.test ? 'Test' : index === longColumns.value ? 'Value' : index === longColumns.side ? 'Side'
          : index === longColumns.flight ? `Flight time (${/ms/.test(key) ? 'ms' : 's'}), turned into height` : index === longColumns.load ? `Added load (${/lb/.test(key) ? 'lb' : 'kg'})`
          : index === longColumns.eyes ? 'Eyes open or closed' : null;
      return { index, header, meaning, problem: null };
    }
    return { index, header, meaning: columnMeaning(role), problem: role.role === 'unknown' ? role.problem : null };
  });

  const finder = new AthleteFinder(input.athletes);
  const pending = new Map<string, Pending>();
  const runsPerAthlete = new Map<number, number>();
  const rows: ImportRow[] = [];

  dataRows.forEach((cells, rowIndex) => {
    const line = rowIndex + 2;
    const cell = (i: number) => (i >= 0 ? (cells[i] ?? '').trim() : '');
    if (cells.every((c) => c.trim() === '')) return;
    const name = fullName >= 0 ? cell(fullName) : `${cell(given)} ${cell(family)}`.trim();
    const row: ImportRow = { line, athleteName: name, athleteId: null, status: 'accepted', problems: [], refused: [], values: [], notes: [] };
    rows.push(row);
    const refusedValues = new Set<RowValue>();
    const refuse = (v: RowValue, reason: string) => {
      row.refused.push({ column: v.column, value: v.text, reason });
      refusedValues.add(v);
    };
    const { athlete, problem } = finder.find(name);
    if (problem) row.problems.push(problem);
    if (athlete) {
      row.athleteId = athlete.id;
      if (athlete.archived) row.notes.push(`${athlete.givenName} ${athlete.familyName} is archived; the results are kept with their record`);
    }

    // The row's trial (or run), from a Trial/Run/Attempt/Rep column in either layout.
    let rowTrial: number | null = null;
    const trialText = cell(trialColumn);
    if (trialText) {
      rowTrial = trialNumber(trialText);
      if (rowTrial === null) row.problems.push(`"${trialText}" in the ${headers[trialColumn] ?? 'trial'} column is not a trial number`);
    }

    const values: RowValue[] = layout === 'wide' ? readWideRow(cells, roles, headers, row) : readLongRow(cells, longColumns, headers, tests, row);
    if (values.length === 0 && row.problems.length === 0 && row.refused.length === 0) {
      row.status = 'empty';
      row.notes.push('Nothing to import in this row');
      return;
    }
    if (!athlete || row.problems.length > 0) {
      rejectRow(row);
      return;
    }

    // Place the row's values into the athlete's pending results, on a copy so a rejected row changes nothing.
    const touched = new Map<string, Pending>();
    const pendingFor = (test: TestDefinition): Pending => {
      const key = `${athlete.id}|${test.id}`;
      let p = touched.get(key);
      if (!p) {
        const current = pending.get(key);
        p = current
          ? { ...current, trials: [...current.trials] }
          : { athleteId: athlete.id, test, mark: null, markLine: null, addedLoadKg: null, eyes: null, trials: [] };
        touched.set(key, p);
      }
      return p;
    };
    const who = `${athlete.givenName} ${athlete.familyName}`;
    const isSplitRow = values.some((v) => v.inRowRun && v.test.kind === 'sprint' && v.mark === null && v.value !== null);
    const runNumber = isSplitRow ? (rowTrial ?? (runsPerAthlete.get(athlete.id) ?? 0) + 1) : null;
    const placed: { v: RowValue; trial: number; p: Pending }[] = [];
    for (const v of values) {
      const p = pendingFor(v.test);
      if (v.mark) {
        if (p.trials.length > 0) {
          refuse(v, `${who} has ${v.test.name} values in the file, so cannot also be marked ${v.mark}`);
          continue;
        }
        p.mark = v.mark;
        p.markLine = line;
        row.values.push(formatRowValue(v, 0));
        continue;
      }
      if (v.loadKg !== null) {
        // An impossible load refuses its cell (in a row per trial, that trial).
        if (!(v.loadKg >= ADDED_LOAD_RANGE_KG.min && v.loadKg <= ADDED_LOAD_RANGE_KG.max)) {
          refuse(v, `An added load must be between ${ADDED_LOAD_RANGE_KG.min} and ${ADDED_LOAD_RANGE_KG.max} kg`);
          continue;
        }
        if (p.addedLoadKg !== null && Math.abs(p.addedLoadKg - v.loadKg) > 1e-9) {
          refuse(v, `Two different added loads for ${who}'s ${v.test.name}`);
          continue;
        }
        p.addedLoadKg = v.loadKg;
      }
      if (v.eyes !== null) p.eyes = v.eyes;
      if (v.value === null && v.flightTimeS === null) {
        row.values.push(formatRowValue(v, 0));
        continue;
      }
      // The value itself: in the test's range (a flight time: a real one, giving a height in range).
      const valueIssue = v.flightTimeS !== null ? flightTimeProblem(v.test, v.flightTimeS) : valueProblem(v.test, v.value as number);
      if (valueIssue) {
        refuse(v, valueIssue);
        continue;
      }
      if (p.mark) {
        refuse(v, `${who} is marked ${p.mark} for ${v.test.name} on line ${p.markLine}, so this value is not imported`);
        continue;
      }
      const side = v.side === 'none' ? '' : ` ${v.side}`;
      const used = new Set(p.trials.filter((t) => t.side === v.side).map((t) => t.trial));
      let trial = v.trial ?? rowTrial;
      if (trial === null) {
        trial = 1;
        while (used.has(trial)) trial += 1;
      } else if (used.has(trial)) {
        refuse(v, `${v.test.name}${side} trial ${trial} for ${who} is in the file twice`);
        continue;
      }
      if (trial > v.test.trials) {
        refuse(v, `${who} has more than ${v.test.trials} trials of ${v.test.name}${v.side === 'none' ? '' : ` (${v.side})`} in the file (the test takes ${v.test.trials})`);
        continue;
      }
      const isSplit = v.inRowRun && v.test.kind === 'sprint';
      p.trials.push({ side: v.side, trial, value: v.value, flightTimeS: v.flightTimeS, runNumber: isSplit ? runNumber : null, line });
      placed.push({ v, trial, p });
    }

    // The splits of this row's run must get later with distance (the entry grid's own check,
    // sprintRunProblems): taken in distance order, a split that breaks the run is refused, the others stay.
    if (runNumber !== null) {
      const splits = placed.filter(({ v }) => v.inRowRun && v.test.kind === 'sprint' && v.test.sprintDistanceM !== null).sort((a, b) => (a.v.test.sprintDistanceM as number) - (b.v.test.sprintDistanceM as number));
      const run: RunSplit[] = [];
      for (const split of splits) {
        const candidate = { test: split.v.test, runNumber, value: split.v.value as number };
        const [problem] = sprintRunProblems([...run, candidate]);
        if (problem) {
          refuse(split.v, problem.message.replace(/^Run \d+: /, ''));
          split.p.trials = split.p.trials.filter((t) => !(t.line === line && t.trial === split.trial && t.side === split.v.side));
          continue;
        }
        run.push(candidate);
      }
    }
    const kept = placed.filter(({ v }) => !refusedValues.has(v));
    for (const { v, trial } of kept) row.values.push(formatRowValue(v, trial));

    // Whatever is left must be valid as a whole (the same check as the entry grid's and main's).
    for (const p of touched.values()) {
      const { problems } = buildEntryRecords(p.test, toInput(p));
      for (const entryProblem of problems) row.problems.push(entryProblem.message);
    }
    if (row.problems.length > 0 || row.values.length === 0) {
      rejectRow(row);
      return;
    }
    for (const [key, p] of touched) pending.set(key, p);
    if (runNumber !== null && rowTrial === null) runsPerAthlete.set(athlete.id, runNumber);
    else if (runNumber !== null) runsPerAthlete.set(athlete.id, Math.max(runsPerAthlete.get(athlete.id) ?? 0, runNumber));
  });

  const entries: ImportedEntry[] = [...pending.values()].filter((p) => p.trials.length > 0 || p.mark !== null || p.addedLoadKg !== null).map((p) => ({ athleteId: p.athleteId, ...toInput(p) }));
  const session = new Set(input.sessionTestIds);
  const addsTestIds = [...new Set(entries.map((e) => e.testId))].filter((id) => !session.has(id));
  const replaces = entries.filter((e) => input.existing.has(`${e.athleteId}|${e.testId}`)).length;
  for (const row of rows) {
    if (row.status !== 'accepted' || row.athleteId === null) continue;
    const replaced = entries.filter((e) => e.athleteId === row.athleteId && input.existing.has(`${e.athleteId}|${e.testId}`));
    if (replaced.length > 0) {
      const names = replaced.map((e) => input.tests.find((t) => t.id === e.testId)?.shortName ?? '?');
      row.notes.push(`Replaces the ${names.join(', ')} results already entered for this athlete`);
    }
  }
  const accepted = rows.filter((r) => r.status === 'accepted');
  return {
    layout,
    columns,
    rows,
    acceptedRows: accepted.length,
    rejectedRows: rows.filter((r) => r.status === 'rejected').length,
    refusedCells: accepted.reduce((n, r) => n + r.refused.length, 0),
    rejectedColumns: columns.filter((c) => c.problem !== null).length,
    entries,
    addsTestIds,
    replaces,
    fileProblem: rows.length === 0 ? 'The file has a header but no rows of results.' : null,
  };
}

/** A row that adds nothing: its refused cells are among its reasons, each with its cell. */
function rejectRow(row: ImportRow): void {
  row.status = 'rejected';
  row.values = [];
  for (const r of row.refused) row.problems.push(`${r.column} “${r.value}”: ${r.reason}`);
  row.problems = [...new Set(row.problems)];
}

function toInput(p: Pending): AthleteTestInput {
  return {
    testId: p.test.id,
    mark: p.trials.length > 0 ? null : p.mark,
    addedLoadKg: p.addedLoadKg,
    eyes: p.test.kind === 'balance' ? (p.eyes ?? 'closed') : null,
    trials: p.trials.map(({ line: _line, ...t }) => t),
  };
}

function readEyes(text: string, row: ImportRow): Eyes | null {
  const key = looseNameKey(text);
  if (!key) return null;
  if (key.startsWith('open') || key === 'eo') return 'open';
  if (key.startsWith('closed') || key === 'ec') return 'closed';
  row.problems.push(`"${text}" is not eyes open or closed`);
  return null;
}

function readWideRow(cells: readonly string[], roles: readonly ColumnRole[], headers: readonly string[], row: ImportRow): RowValue[] {
  const values: RowValue[] = [];
  const eyesColumn = roles.findIndex((r) => r.role === 'eyes');
  const eyes = eyesColumn >= 0 ? readEyes(cells[eyesColumn] ?? '', row) : null;
  roles.forEach((role, i) => {
    if (role.role !== 'test') return;
    const text = (cells[i] ?? '').trim();
    if (text === '') return;
    const column = headers[i] ?? '';
    const mark = markOf(text);
    const side: Side = role.side ?? 'none';
    const base = {
      test: role.test, side, trial: role.trial, mark: null, value: null, flightTimeS: null, loadKg: null, eyes: role.test.kind === 'balance' ? eyes : null, inRowRun: true, column, text,
    } satisfies RowValue;
    if (mark) {
      if (role.load === null) values.push({ ...base, mark });
      return;
    }
    const number = parseTypedNumber(text);
    if (number === null) {
      row.refused.push({ column, value: text, reason: 'not a number' });
      return;
    }
    if (role.load !== null) values.push({ ...base, loadKg: unitToKg(number, role.load) });
    else if (role.flight !== 'none') values.push({ ...base, flightTimeS: role.flight === 'ms' ? number / 1000 : number });
    else values.push({ ...base, value: number });
  });
  return values;
}

function readLongRow(cells: readonly string[], columns: LongColumns, headers: readonly string[], tests: Map<string, TestDefinition>, row: ImportRow): RowValue[] {
  const cell = (i: number) => (i >= 0 ? (cells[i] ?? '').trim() : '');
  const testText = cell(columns.test);
  if (testText === '') {
    row.problems.push('No test named in this row');
    return [];
  }
  const role = readTestHeader(testText, tests, { sideInOtherColumn: true });
  if (role.role !== 'test') {
    row.problems.push(`"${testText}" is not a test in your battery`);
    return [];
  }
  const test = role.test;
  let side: Side = role.side ?? 'none';
  const sideText = cell(columns.side);
  if (sideText) {
    const s = sideOf(looseNameKey(sideText));
    if (!s) row.problems.push(`"${sideText}" is not a side (left or right)`);
    else side = s;
  }
  if (test.sided && side === 'none') row.problems.push(`${test.name} needs a side (left or right)`);
  if (!sidesOf(test).includes(side)) {
    if (!test.sided) row.problems.push(`${test.name} has no left and right`);
    return [];
  }
  const eyes = test.kind === 'balance' ? readEyes(cell(columns.eyes), row) : null;
  const base = { test, side, trial: role.trial, mark: null, value: null, flightTimeS: null, loadKg: null, eyes, inRowRun: false, column: testText, text: '' } satisfies RowValue;
  const valueText = cell(columns.value);
  const flightText = cell(columns.flight);
  const loadText = cell(columns.load);
  const mark = markOf(valueText || flightText);
  if (mark) return [{ ...base, mark, text: valueText || flightText }];
  const number = (text: string, column: number) => {
    const n = parseTypedNumber(text);
    if (n === null) row.refused.push({ column: `${test.shortName} (${headers[column] ?? ''})`, value: text, reason: 'not a number' });
    return n;
  };
  let loadKg: number | null = null;
  if (loadText) {
    const n = number(loadText, columns.load);
    if (n !== null) loadKg = unitToKg(n, /lb/.test(headingKey(headers[columns.load] ?? '')) ? 'lb' : 'kg');
  }
  if (valueText) {
    const n = number(valueText, columns.value);
    return n === null ? [] : [{ ...base, value: n, loadKg, column: `${test.shortName} (${headers[columns.value] ?? ''})`, text: valueText }];
  }
  if (flightText) {
    const n = number(flightText, columns.flight);
    const ms = /ms/.test(headingKey(headers[columns.flight] ?? ''));
    return n === null ? [] : [{ ...base, flightTimeS: ms ? n / 1000 : n, loadKg, column: `${test.shortName} (${headers[columns.flight] ?? ''})`, text: flightText }];
  }
  row.problems.push(`No value for ${test.name} in this row`);
  return [];
}

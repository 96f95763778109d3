/**
 * CSV import of a test session (timing gates, a jump app's export, a spreadsheet): the parsed
 * rows in, a preview out that lists every row, the rejected ones with the reason, and exactly
 * what would be written. Nothing here writes; main writes the preview's entries in one
 * transaction once the coach confirms.
 *
 * Two layouts are understood:
 * - wide: one row per athlete (or per run), a column per test: "CMJ", "CMJ 2", "Balance L",
 *   "10 m", "20 m", "30 m" (the splits of a row are one run), "CMJ flight (s)", "Loaded jump load (kg)".
 * - long: one row per trial, with "Test" and "Value" columns (and optional "Trial", "Side",
 *   "Flight time", "Load", "Eyes"): the usual jump-app export.
 * A cell may say "absent" or "injured" instead of a value.
 */
import { unitToKg } from '../units';
import {
  BUILTIN_TESTS,
  looseNameKey,
  parseTypedNumber,
  sidesOf,
  SIDE_LABELS,
  type EntryMark,
  type Eyes,
  type Side,
  type TestDefinition,
} from '../domain/retests';
import { buildEntryRecords, sprintRunProblems, type AthleteTestInput, type TrialInput } from './entries';

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

export interface ImportRow {
  /** Line in the file (the header is line 1). */
  line: number;
  athleteName: string;
  athleteId: number | null;
  status: 'accepted' | 'rejected' | 'empty';
  /** Why the row is rejected. */
  problems: string[];
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
  | { role: 'test'; test: TestDefinition; side: Side | null; trial: number | null; flight: 'none' | 's' | 'ms'; load: 'kg' | 'lb' | null }
  | { role: 'unknown'; problem: string };

const IGNORED_HEADERS = new Set([
  'group', 'team', 'squad', 'club', 'date', 'time of day', 'notes', 'note', 'comment', 'comments', 'id', 'athlete id', 'bib', 'number', 'no',
  'sex', 'gender', 'grade', 'age', 'session', 'device', 'wind', 'surface', 'start', 'start type', 'gate', 'tester', 'dob', 'birth year',
]);
const FULL_NAME_HEADERS = new Set(['athlete', 'name', 'athlete name', 'full name', 'player', 'runner', 'student']);
const GIVEN_NAME_HEADERS = new Set(['first name', 'given name', 'first', 'firstname', 'forename']);
const FAMILY_NAME_HEADERS = new Set(['last name', 'family name', 'surname', 'last', 'lastname']);
const LONG_TEST_HEADERS = new Set(['test', 'test name', 'exercise', 'jump type', 'metric', 'type']);
const LONG_VALUE_HEADERS = new Set(['value', 'result', 'score', 'height', 'jump height', 'height cm', 'time', 'time s']);
const LONG_TRIAL_HEADERS = new Set(['trial', 'attempt', 'rep', 'try', 'run', 'trial number']);
const LONG_SIDE_HEADERS = new Set(['side', 'leg', 'limb']);
const LONG_FLIGHT_HEADERS = new Set(['flight time', 'flight time s', 'flight', 'flight s', 'flight time ms', 'flight ms', 'ft']);
const LONG_LOAD_HEADERS = new Set(['load', 'added load', 'load kg', 'added load kg', 'load lb', 'added load lb']);
const LONG_EYES_HEADERS = new Set(['eyes', 'eyes open closed', 'vision']);

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
  const shown = v.flightTimeS !== null ? 'height from flight time' : `${v.value} ${v.test.unit}`;
  return `${v.test.shortName}${side} ${trial}: ${shown}${flight}`;
}

export interface ImportInput {
  /** Parsed CSV: the first row is the header. */
  rows: readonly (readonly string[])[];
  tests: readonly TestDefinition[];
  athletes: readonly ImportAthlete[];
  /** Tests already in the session. */
  sessionTestIds: readonly number[];
  /** "athleteId|testId" of results already in the session. */
  existing: ReadonlySet<string>;
}

export function previewImport(input: ImportInput): ImportPreview {
  const empty = (fileProblem: string): ImportPreview => ({
    layout: 'wide', columns: [], rows: [], acceptedRows: 0, rejectedRows: 0, rejectedColumns: 0, entries: [], addsTestIds: [], replaces: 0, fileProblem,
  });
  const [headerRow, ...dataRows] = input.rows;
  if (!headerRow || headerRow.every((h) => h.trim() === '')) return empty('The file is empty.');
  const headers = headerRow.map((h) => h.trim());
  const keys = headers.map((h) => looseNameKey(h));
  const tests = testKeys(input.tests);
  const longTest = keys.findIndex((k) => LONG_TEST_HEADERS.has(k));
  const longValue = keys.findIndex((k) => LONG_VALUE_HEADERS.has(k));
  const longFlight = keys.findIndex((k) => LONG_FLIGHT_HEADERS.has(k));
  const layout: 'wide' | 'long' = longTest >= 0 && (longValue >= 0 || longFlight >= 0) ? 'long' : 'wide';

  const roles: ColumnRole[] = keys.map((key, i) => {
    if (FULL_NAME_HEADERS.has(key)) return { role: 'fullName' };
    if (GIVEN_NAME_HEADERS.has(key)) return { role: 'givenName' };
    if (FAMILY_NAME_HEADERS.has(key)) return { role: 'familyName' };
    if (key === '' || IGNORED_HEADERS.has(key)) return { role: 'ignored' };
    if (layout === 'long') return { role: 'ignored' };
    if (LONG_EYES_HEADERS.has(key)) return { role: 'eyes' };
    return readTestHeader(headers[i] as string, tests);
  });
  const fullName = roles.findIndex((r) => r.role === 'fullName');
  const given = roles.findIndex((r) => r.role === 'givenName');
  const family = roles.findIndex((r) => r.role === 'familyName');
  if (fullName < 0 && (given < 0 || family < 0)) {
    return empty('No athlete name column: name one column "Athlete" (or "First name" and "Last name").');
  }

  const longColumns = {
    test: longTest,
    value: longValue,
    trial: keys.findIndex((k) => LONG_TRIAL_HEADERS.has(k)),
    side: keys.findIndex((k) => LONG_SIDE_HEADERS.has(k)),
    flight: longFlight,
    load: keys.findIndex((k) => LONG_LOAD_HEADERS.has(k)),
    eyes: keys.findIndex((k) => LONG_EYES_HEADERS.has(k)),
  };
  const columns: ImportColumn[] = headers.map((header, index) => {
    const role = roles[index] as ColumnRole;
    if (layout === 'long' && role.role === 'ignored') {
      const meaning =
        index === longColumns.test ? 'Test' : index === longColumns.value ? 'Value' : index === longColumns.trial ? 'Trial' : index === longColumns.side ? 'Side'
          : index === longColumns.flight ? `Flight time (${/ms/.test(keys[index] ?? '') ? 'ms' : 's'}), turned into height` : index === longColumns.load ? `Added load (${/lb/.test(keys[index] ?? '') ? 'lb' : 'kg'})`
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
    const row: ImportRow = { line, athleteName: name, athleteId: null, status: 'accepted', problems: [], values: [], notes: [] };
    rows.push(row);
    const { athlete, problem } = finder.find(name);
    if (problem) row.problems.push(problem);
    if (athlete) {
      row.athleteId = athlete.id;
      if (athlete.archived) row.notes.push(`${athlete.givenName} ${athlete.familyName} is archived; the results are kept with their record`);
    }

    const values: RowValue[] = layout === 'wide' ? readWideRow(cells, roles, row) : readLongRow(cells, longColumns, headers, keys, tests, row);
    if (values.length === 0 && row.problems.length === 0) {
      row.status = 'empty';
      row.notes.push('Nothing to import in this row');
      return;
    }
    if (!athlete || row.problems.length > 0) {
      row.status = 'rejected';
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
    const hasSplits = values.some((v) => v.inRowRun && v.test.kind === 'sprint' && v.mark === null && v.value !== null);
    const runNumber = hasSplits ? (runsPerAthlete.get(athlete.id) ?? 0) + 1 : null;
    for (const v of values) {
      const p = pendingFor(v.test);
      if (v.mark) {
        if (p.trials.length > 0) row.problems.push(`${athlete.givenName} ${athlete.familyName} has ${v.test.name} values in the file, so cannot also be marked ${v.mark}`);
        p.mark = v.mark;
        p.markLine = line;
        row.values.push(formatRowValue(v, 0));
        continue;
      }
      if (v.loadKg !== null) {
        if (p.addedLoadKg !== null && Math.abs(p.addedLoadKg - v.loadKg) > 1e-9) row.problems.push(`Two different added loads for ${athlete.givenName} ${athlete.familyName}'s ${v.test.name}`);
        p.addedLoadKg = v.loadKg;
      }
      if (v.eyes !== null) p.eyes = v.eyes;
      if (v.value === null && v.flightTimeS === null) {
        row.values.push(formatRowValue(v, 0));
        continue;
      }
      if (p.mark) row.problems.push(`${athlete.givenName} ${athlete.familyName} is marked ${p.mark} for ${v.test.name} on line ${p.markLine}, but has values here`);
      const used = new Set(p.trials.filter((t) => t.side === v.side).map((t) => t.trial));
      let trial = v.trial;
      if (trial === null) {
        trial = 1;
        while (used.has(trial)) trial += 1;
      } else if (used.has(trial)) {
        row.problems.push(`${v.test.name}${v.side === 'none' ? '' : ` ${v.side}`} trial ${trial} for ${athlete.givenName} ${athlete.familyName} is in the file twice`);
        continue;
      }
      if (trial > v.test.trials) {
        row.problems.push(`${athlete.givenName} ${athlete.familyName} has more than ${v.test.trials} trials of ${v.test.name}${v.side === 'none' ? '' : ` (${v.side})`} in the file (the test takes ${v.test.trials})`);
        continue;
      }
      const isSplit = v.inRowRun && v.test.kind === 'sprint';
      p.trials.push({ side: v.side, trial, value: v.value, flightTimeS: v.flightTimeS, runNumber: isSplit ? runNumber : null, line });
      row.values.push(formatRowValue(v, trial));
    }
    // Each result the row touches must still be valid (range, trial count, flight time...).
    for (const p of touched.values()) {
      const { problems } = buildEntryRecords(p.test, toInput(p));
      for (const problem of problems) row.problems.push(problem.message);
    }
    if (runNumber !== null) {
      const splits = [...touched.values()].flatMap((p) =>
        p.trials.filter((t) => t.line === line && t.runNumber === runNumber && t.value !== null).map((t) => ({ test: p.test, runNumber, value: t.value as number })),
      );
      for (const problem of sprintRunProblems(splits)) row.problems.push(problem.message.replace(/^Run \d+: /, ''));
    }
    if (row.problems.length > 0) {
      row.status = 'rejected';
      row.values = [];
      return;
    }
    for (const [key, p] of touched) pending.set(key, p);
    if (runNumber !== null) runsPerAthlete.set(athlete.id, runNumber);
  });

  const entries: ImportedEntry[] = [...pending.values()].map((p) => ({ athleteId: p.athleteId, ...toInput(p) }));
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
  return {
    layout,
    columns,
    rows,
    acceptedRows: rows.filter((r) => r.status === 'accepted').length,
    rejectedRows: rows.filter((r) => r.status === 'rejected').length,
    rejectedColumns: columns.filter((c) => c.problem !== null).length,
    entries,
    addsTestIds,
    replaces,
    fileProblem: rows.length === 0 ? 'The file has a header but no rows of results.' : null,
  };
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

function readNumber(text: string, what: string, row: ImportRow): number | null {
  const value = parseTypedNumber(text);
  if (value === null) row.problems.push(`"${text}" in ${what} is not a number`);
  return value;
}

function readWideRow(cells: readonly string[], roles: readonly ColumnRole[], row: ImportRow): RowValue[] {
  const values: RowValue[] = [];
  const eyesColumn = roles.findIndex((r) => r.role === 'eyes');
  const eyes = eyesColumn >= 0 ? readEyes(cells[eyesColumn] ?? '', row) : null;
  roles.forEach((role, i) => {
    if (role.role !== 'test') return;
    const text = (cells[i] ?? '').trim();
    if (text === '') return;
    const mark = markOf(text);
    const side: Side = role.side ?? 'none';
    const base = {
      test: role.test, side, trial: role.trial, mark: null, value: null, flightTimeS: null, loadKg: null, eyes: role.test.kind === 'balance' ? eyes : null, inRowRun: true,
    } satisfies RowValue;
    if (mark) {
      if (role.load === null) values.push({ ...base, mark });
      return;
    }
    const number = readNumber(text, `the ${role.test.shortName} column`, row);
    if (number === null) return;
    if (role.load !== null) values.push({ ...base, loadKg: unitToKg(number, role.load) });
    else if (role.flight !== 'none') values.push({ ...base, flightTimeS: role.flight === 'ms' ? number / 1000 : number });
    else values.push({ ...base, value: number });
  });
  return values;
}

function readLongRow(
  cells: readonly string[],
  columns: { test: number; value: number; trial: number; side: number; flight: number; load: number; eyes: number },
  headers: readonly string[],
  keys: readonly string[],
  tests: Map<string, TestDefinition>,
  row: ImportRow,
): RowValue[] {
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
  let trial = role.trial;
  const trialText = cell(columns.trial);
  if (trialText) {
    const n = parseTypedNumber(trialText);
    if (n === null || !Number.isInteger(n) || n < 1) row.problems.push(`"${trialText}" is not a trial number`);
    else trial = n;
  }
  const eyes = test.kind === 'balance' ? readEyes(cell(columns.eyes), row) : null;
  const base = { test, side, trial, mark: null, value: null, flightTimeS: null, loadKg: null, eyes, inRowRun: false } satisfies RowValue;
  const valueText = cell(columns.value);
  const flightText = cell(columns.flight);
  const loadText = cell(columns.load);
  const mark = markOf(valueText || flightText);
  if (mark) return [{ ...base, mark }];
  let loadKg: number | null = null;
  if (loadText) {
    const n = readNumber(loadText, headers[columns.load] ?? 'load', row);
    if (n !== null) loadKg = unitToKg(n, /lb/.test(keys[columns.load] ?? '') ? 'lb' : 'kg');
  }
  if (valueText) {
    const n = readNumber(valueText, `${test.shortName}`, row);
    return n === null ? [] : [{ ...base, value: n, loadKg }];
  }
  if (flightText) {
    const n = readNumber(flightText, 'flight time', row);
    const ms = /ms/.test(keys[columns.flight] ?? '');
    return n === null ? [] : [{ ...base, flightTimeS: ms ? n / 1000 : n, loadKg }];
  }
  row.problems.push(`No value for ${test.name} in this row`);
  return [];
}

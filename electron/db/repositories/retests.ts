/**
 * SQL of the re-tests: the battery (test_definition), squad settings (retest_settings),
 * sessions (test_session, test_session_test) and results (test_entry with its test_trial rows).
 * The list queries a screen uses are exported so their plans can be checked by a test.
 */
import type {
  BuiltinTestKey,
  EntryStatus,
  Eyes,
  RetestSettings,
  ScoreRule,
  SessionKind,
  Side,
  TestDefinition,
  TestEntry,
  TestKind,
  TestSession,
  TypicalErrorSource,
} from '@shared/domain/retests';
import type { ScoreRecord } from '@shared/retests/compare';
import type { EntryRecord } from '@shared/retests/entries';
import { preparedStatements } from '../statements';
import type { SquadDb } from '../types';

interface TestRow {
  id: number;
  builtin_key: BuiltinTestKey | null;
  name: string;
  short_name: string;
  unit: string;
  higher_is_better: number;
  decimals: number;
  range_min: number;
  range_max: number;
  trials: number;
  score_rule: ScoreRule;
  sided: number;
  kind: TestKind;
  sprint_distance_m: number | null;
  default_typical_error: number | null;
  default_typical_error_note: string;
  typical_error: number | null;
  typical_error_source: TypicalErrorSource;
  typical_error_n: number | null;
  typical_error_date: string | null;
  typical_error_session_id: number | null;
  swc_fixed: number | null;
  hidden: number;
  sort_order: number;
  entry_count: number;
}

const TEST_COLUMNS = `t.id, t.builtin_key, t.name, t.short_name, t.unit, t.higher_is_better, t.decimals, t.range_min, t.range_max, t.trials,
  t.score_rule, t.sided, t.kind, t.sprint_distance_m, t.default_typical_error, t.default_typical_error_note, t.typical_error,
  t.typical_error_source, t.typical_error_n, t.typical_error_date, t.typical_error_session_id, t.swc_fixed, t.hidden, t.sort_order,
  (SELECT count(*) FROM test_entry e WHERE e.test_id = t.id) AS entry_count`;

/** The battery in its order (Test settings, the new-session form, every comparison). */
export const TEST_LIST_SQL = `SELECT ${TEST_COLUMNS} FROM test_definition t ORDER BY t.sort_order, t.id`;

/** Sessions newest first, with how many athletes have results (the Tests screen's list). */
export const SESSION_LIST_SQL = `SELECT s.id, s.session_date, s.kind, s.label, s.notes,
  (SELECT count(*) FROM (SELECT 1 FROM test_entry e WHERE e.session_id = s.id GROUP BY e.athlete_id)) AS athlete_count
  FROM test_session s ORDER BY s.session_date DESC, s.id DESC`;

/** Every entry and trial of one session (the entry grid). */
export const SESSION_ENTRIES_SQL = `SELECT e.id AS entry_id, e.athlete_id, e.test_id, e.side, e.status, e.score, e.added_load_kg, e.eyes,
  r.trial, r.value, r.flight_time_s, r.run_number
  FROM test_entry e LEFT JOIN test_trial r ON r.entry_id = e.id WHERE e.session_id = ?`;

/** Scores of one session (comparisons). */
export const SESSION_SCORES_SQL = `SELECT session_id, athlete_id, test_id, side, status, score, added_load_kg, eyes FROM test_entry WHERE session_id = ?`;

/** One athlete's scores in every session (trend charts). */
export const ATHLETE_SCORES_SQL = `SELECT session_id, athlete_id, test_id, side, status, score, added_load_kg, eyes FROM test_entry WHERE athlete_id = ?`;

/** The squad's mean per test, side and session (squad trend), read from an index alone. */
export const SQUAD_TREND_SQL = `SELECT test_id, side, session_id, count(score) AS n, avg(score) AS mean FROM test_entry
  WHERE score IS NOT NULL GROUP BY test_id, side, session_id`;

interface SessionRow {
  id: number;
  session_date: string;
  kind: SessionKind;
  label: string;
  notes: string;
  athlete_count: number;
}

interface ScoreRow {
  session_id: number;
  athlete_id: number;
  test_id: number;
  side: Side;
  status: EntryStatus;
  score: number | null;
  added_load_kg: number | null;
  eyes: Eyes | null;
}

interface EntryTrialRow {
  entry_id: number;
  athlete_id: number;
  test_id: number;
  side: Side;
  status: EntryStatus;
  score: number | null;
  added_load_kg: number | null;
  eyes: Eyes | null;
  trial: number | null;
  value: number | null;
  flight_time_s: number | null;
  run_number: number | null;
}

const sql = preparedStatements({
  testList: TEST_LIST_SQL,
  testById: `SELECT ${TEST_COLUMNS} FROM test_definition t WHERE t.id = ?`,
  testByNameKey: 'SELECT id FROM test_definition WHERE name_key = ?',
  testByShortNameKey: 'SELECT id FROM test_definition WHERE short_name_key = ?',
  nextTestOrder: 'SELECT coalesce(max(sort_order), 0) + 1 AS next FROM test_definition',
  insertTest: `INSERT INTO test_definition (builtin_key, name, name_key, short_name, short_name_key, unit, higher_is_better, decimals, range_min,
      range_max, trials, score_rule, sided, kind, sprint_distance_m, default_typical_error, default_typical_error_note, typical_error,
      typical_error_source, swc_fixed, hidden, sort_order, created_at, updated_at)
    VALUES (NULL, @name, @nameKey, @shortName, @shortNameKey, @unit, @higherIsBetter, @decimals, @rangeMin, @rangeMax, @trials, @scoreRule,
      @sided, @kind, NULL, NULL, '', NULL, 'none', @swcFixed, 0, @sortOrder, @now, @now)`,
  updateTest: `UPDATE test_definition SET name = @name, name_key = @nameKey, short_name = @shortName, short_name_key = @shortNameKey, unit = @unit,
      higher_is_better = @higherIsBetter, decimals = @decimals, range_min = @rangeMin, range_max = @rangeMax, trials = @trials,
      score_rule = @scoreRule, sided = @sided, kind = @kind, swc_fixed = @swcFixed, updated_at = @now WHERE id = @id`,
  setHidden: 'UPDATE test_definition SET hidden = @hidden, updated_at = @now WHERE id = @id',
  setTypicalError: `UPDATE test_definition SET typical_error = @value, typical_error_source = @source, typical_error_n = @n,
      typical_error_date = @date, typical_error_session_id = @sessionId, updated_at = @now WHERE id = @id`,
  removeTest: 'DELETE FROM test_definition WHERE id = ?',
  testSessionCount: 'SELECT count(*) AS n FROM test_session_test WHERE test_id = ?',

  settings: 'SELECT swc_factor, swc_use_pure_sd, asymmetry_flag_percent FROM retest_settings WHERE id = 1',
  writeSettings: `UPDATE retest_settings SET swc_factor = @swcFactor, swc_use_pure_sd = @swcUsePureSd,
      asymmetry_flag_percent = @asymmetryFlagPercent, updated_at = @now WHERE id = 1`,

  sessionList: SESSION_LIST_SQL,
  sessionById: `SELECT s.id, s.session_date, s.kind, s.label, s.notes, s.created_at,
      (SELECT count(*) FROM (SELECT 1 FROM test_entry e WHERE e.session_id = s.id GROUP BY e.athlete_id)) AS athlete_count
    FROM test_session s WHERE s.id = ?`,
  allSessionTests: 'SELECT session_id, test_id FROM test_session_test ORDER BY session_id',
  sessionTests: 'SELECT test_id FROM test_session_test WHERE session_id = ?',
  insertSession: `INSERT INTO test_session (id, session_date, kind, label, notes, created_at, updated_at)
    VALUES (@id, @date, @kind, @label, @notes, @createdAt, @now)`,
  updateSession: 'UPDATE test_session SET session_date = @date, kind = @kind, label = @label, notes = @notes, updated_at = @now WHERE id = @id',
  removeSession: 'DELETE FROM test_session WHERE id = ?',
  clearSessionTests: 'DELETE FROM test_session_test WHERE session_id = ?',
  addSessionTest: 'INSERT OR IGNORE INTO test_session_test (session_id, test_id) VALUES (?, ?)',
  sessionTestEntryCount: 'SELECT count(*) AS n FROM test_entry WHERE session_id = ? AND test_id = ?',

  sessionEntries: SESSION_ENTRIES_SQL,
  sessionScores: SESSION_SCORES_SQL,
  athleteScores: ATHLETE_SCORES_SQL,
  squadTrend: SQUAD_TREND_SQL,
  allScores: 'SELECT session_id, athlete_id, test_id, side, status, score, added_load_kg, eyes FROM test_entry WHERE score IS NOT NULL',
  athleteTestEntries: `SELECT e.id AS entry_id, e.athlete_id, e.test_id, e.side, e.status, e.score, e.added_load_kg, e.eyes,
      r.trial, r.value, r.flight_time_s, r.run_number
    FROM test_entry e LEFT JOIN test_trial r ON r.entry_id = e.id WHERE e.session_id = ? AND e.test_id = ? AND e.athlete_id = ?`,
  deleteAthleteTest: 'DELETE FROM test_entry WHERE session_id = ? AND test_id = ? AND athlete_id = ?',
  insertEntry: `INSERT INTO test_entry (session_id, test_id, athlete_id, side, status, score, added_load_kg, eyes, updated_at)
    VALUES (@sessionId, @testId, @athleteId, @side, @status, @score, @addedLoadKg, @eyes, @now)`,
  insertTrial: 'INSERT INTO test_trial (entry_id, trial, value, flight_time_s, run_number) VALUES (@entryId, @trial, @value, @flightTimeS, @runNumber)',
  testTrials: `SELECT e.id AS entry_id, r.value FROM test_entry e JOIN test_trial r ON r.entry_id = e.id WHERE e.test_id = ? AND e.status = 'ok'`,
  maxTrial: 'SELECT coalesce(max(r.trial), 0) AS n FROM test_entry e JOIN test_trial r ON r.entry_id = e.id WHERE e.test_id = ?',
  valueRange: `SELECT min(r.value) AS low, max(r.value) AS high, count(*) AS n FROM test_entry e JOIN test_trial r ON r.entry_id = e.id WHERE e.test_id = ?`,
  setScore: 'UPDATE test_entry SET score = ? WHERE id = ?',
  reliabilityTrials: `SELECT e.athlete_id, e.test_id, e.side, r.trial, r.value FROM test_entry e JOIN test_trial r ON r.entry_id = e.id
    WHERE e.session_id = ? AND e.status = 'ok' AND r.trial <= 2`,
});

function toTest(row: TestRow): TestDefinition {
  return {
    id: row.id,
    builtinKey: row.builtin_key,
    name: row.name,
    shortName: row.short_name,
    unit: row.unit,
    higherIsBetter: row.higher_is_better === 1,
    decimals: row.decimals,
    rangeMin: row.range_min,
    rangeMax: row.range_max,
    trials: row.trials,
    scoreRule: row.score_rule,
    sided: row.sided === 1,
    kind: row.kind,
    sprintDistanceM: row.sprint_distance_m,
    defaultTypicalError: row.default_typical_error,
    defaultTypicalErrorNote: row.default_typical_error_note,
    typicalError: {
      value: row.typical_error,
      source: row.typical_error_source,
      n: row.typical_error_n,
      date: row.typical_error_date,
      sessionId: row.typical_error_session_id,
    },
    swcFixed: row.swc_fixed,
    hidden: row.hidden === 1,
    sortOrder: row.sort_order,
    entryCount: row.entry_count,
  };
}

export function listTests(db: SquadDb): TestDefinition[] {
  return (sql(db).testList.all() as TestRow[]).map(toTest);
}

export function findTest(db: SquadDb, id: number): TestDefinition | null {
  const row = sql(db).testById.get(id) as TestRow | undefined;
  return row ? toTest(row) : null;
}

export function findTestIdByNameKey(db: SquadDb, nameKey: string): number | null {
  return (sql(db).testByNameKey.get(nameKey) as { id: number } | undefined)?.id ?? null;
}

export function findTestIdByShortNameKey(db: SquadDb, key: string): number | null {
  return (sql(db).testByShortNameKey.get(key) as { id: number } | undefined)?.id ?? null;
}

export interface TestWrite {
  name: string;
  nameKey: string;
  shortName: string;
  shortNameKey: string;
  unit: string;
  higherIsBetter: boolean;
  decimals: number;
  rangeMin: number;
  rangeMax: number;
  trials: number;
  scoreRule: ScoreRule;
  sided: boolean;
  kind: TestKind;
  swcFixed: number | null;
}

function testParams(t: TestWrite, now: string) {
  return { ...t, higherIsBetter: t.higherIsBetter ? 1 : 0, sided: t.sided ? 1 : 0, now };
}

export function insertTest(db: SquadDb, test: TestWrite, now: string): number {
  const { next } = sql(db).nextTestOrder.get() as { next: number };
  return Number(sql(db).insertTest.run({ ...testParams(test, now), sortOrder: next }).lastInsertRowid);
}

export function updateTest(db: SquadDb, id: number, test: TestWrite, now: string): void {
  sql(db).updateTest.run({ ...testParams(test, now), id });
}

export function setTestHidden(db: SquadDb, id: number, hidden: boolean, now: string): void {
  sql(db).setHidden.run({ id, hidden: hidden ? 1 : 0, now });
}

export function setTypicalError(
  db: SquadDb,
  id: number,
  te: { value: number | null; source: TypicalErrorSource; n: number | null; date: string | null; sessionId: number | null },
  now: string,
): void {
  sql(db).setTypicalError.run({ id, ...te, now });
}

export function deleteTest(db: SquadDb, id: number): void {
  sql(db).removeTest.run(id);
}

export function countSessionsWithTest(db: SquadDb, testId: number): number {
  return (sql(db).testSessionCount.get(testId) as { n: number }).n;
}

export function readRetestSettings(db: SquadDb): RetestSettings {
  const row = sql(db).settings.get() as { swc_factor: number; swc_use_pure_sd: number; asymmetry_flag_percent: number };
  return { swcFactor: row.swc_factor, swcUsePureSd: row.swc_use_pure_sd === 1, asymmetryFlagPercent: row.asymmetry_flag_percent };
}

export function writeRetestSettings(db: SquadDb, settings: RetestSettings, now: string): void {
  sql(db).writeSettings.run({ ...settings, swcUsePureSd: settings.swcUsePureSd ? 1 : 0, now });
}

function toSession(row: SessionRow, testIds: number[]): TestSession {
  return { id: row.id, date: row.session_date, kind: row.kind, label: row.label, notes: row.notes, testIds, athleteCount: row.athlete_count };
}

export function listSessions(db: SquadDb): TestSession[] {
  const tests = new Map<number, number[]>();
  for (const r of sql(db).allSessionTests.all() as { session_id: number; test_id: number }[]) {
    const list = tests.get(r.session_id);
    if (list) list.push(r.test_id);
    else tests.set(r.session_id, [r.test_id]);
  }
  return (sql(db).sessionList.all() as SessionRow[]).map((row) => toSession(row, tests.get(row.id) ?? []));
}

export function findSession(db: SquadDb, id: number): (TestSession & { createdAt: string }) | null {
  const row = sql(db).sessionById.get(id) as (SessionRow & { created_at: string }) | undefined;
  if (!row) return null;
  const testIds = (sql(db).sessionTests.all(id) as { test_id: number }[]).map((r) => r.test_id);
  return { ...toSession(row, testIds), createdAt: row.created_at };
}

export function insertSession(
  db: SquadDb,
  session: { id?: number | null; date: string; kind: SessionKind; label: string; notes: string; createdAt: string },
  now: string,
): number {
  return Number(sql(db).insertSession.run({ ...session, id: session.id ?? null, now }).lastInsertRowid);
}

export function updateSession(db: SquadDb, id: number, session: { date: string; kind: SessionKind; label: string; notes: string }, now: string): void {
  sql(db).updateSession.run({ ...session, id, now });
}

export function deleteSession(db: SquadDb, id: number): void {
  sql(db).removeSession.run(id);
}

export function setSessionTests(db: SquadDb, sessionId: number, testIds: readonly number[]): void {
  sql(db).clearSessionTests.run(sessionId);
  for (const testId of testIds) sql(db).addSessionTest.run(sessionId, testId);
}

export function addSessionTest(db: SquadDb, sessionId: number, testId: number): void {
  sql(db).addSessionTest.run(sessionId, testId);
}

export function countSessionTestEntries(db: SquadDb, sessionId: number, testId: number): number {
  return (sql(db).sessionTestEntryCount.get(sessionId, testId) as { n: number }).n;
}

function groupEntries(rows: EntryTrialRow[]): TestEntry[] {
  const entries = new Map<number, TestEntry>();
  for (const r of rows) {
    let entry = entries.get(r.entry_id);
    if (!entry) {
      entry = { athleteId: r.athlete_id, testId: r.test_id, side: r.side, status: r.status, score: r.score, addedLoadKg: r.added_load_kg, eyes: r.eyes, trials: [] };
      entries.set(r.entry_id, entry);
    }
    if (r.trial !== null && r.value !== null) entry.trials.push({ trial: r.trial, value: r.value, flightTimeS: r.flight_time_s, runNumber: r.run_number });
  }
  for (const e of entries.values()) e.trials.sort((a, b) => a.trial - b.trial);
  return [...entries.values()];
}

export function sessionEntries(db: SquadDb, sessionId: number): TestEntry[] {
  return groupEntries(sql(db).sessionEntries.all(sessionId) as EntryTrialRow[]);
}

export function athleteTestEntries(db: SquadDb, sessionId: number, testId: number, athleteId: number): TestEntry[] {
  return groupEntries(sql(db).athleteTestEntries.all(sessionId, testId, athleteId) as EntryTrialRow[]);
}

function toScore(r: ScoreRow): ScoreRecord {
  return {
    sessionId: r.session_id,
    athleteId: r.athlete_id,
    testId: r.test_id,
    side: r.side,
    status: r.status,
    score: r.score,
    addedLoadKg: r.added_load_kg,
    eyes: r.eyes,
  };
}

export function sessionScores(db: SquadDb, sessionId: number): ScoreRecord[] {
  return (sql(db).sessionScores.all(sessionId) as ScoreRow[]).map(toScore);
}

export function athleteScores(db: SquadDb, athleteId: number): ScoreRecord[] {
  return (sql(db).athleteScores.all(athleteId) as ScoreRow[]).map(toScore);
}

export function allScores(db: SquadDb): ScoreRecord[] {
  return (sql(db).allScores.all() as ScoreRow[]).map(toScore);
}

export function squadTrendRows(db: SquadDb): { testId: number; side: Side; sessionId: number; n: number; mean: number }[] {
  return (sql(db).squadTrend.all() as { test_id: number; side: Side; session_id: number; n: number; mean: number }[]).map((r) => ({
    testId: r.test_id,
    side: r.side,
    sessionId: r.session_id,
    n: r.n,
    mean: r.mean,
  }));
}

/** Replace one athlete's results for one test in a session (trials go with their entries). */
export function replaceAthleteTest(db: SquadDb, target: { sessionId: number; testId: number; athleteId: number }, records: readonly EntryRecord[], now: string): void {
  const s = sql(db);
  s.deleteAthleteTest.run(target.sessionId, target.testId, target.athleteId);
  for (const record of records) {
    const entryId = Number(
      s.insertEntry.run({ ...target, side: record.side, status: record.status, score: record.score, addedLoadKg: record.addedLoadKg, eyes: record.eyes, now })
        .lastInsertRowid,
    );
    for (const t of record.trials) s.insertTrial.run({ entryId, trial: t.trial, value: t.value, flightTimeS: t.flightTimeS, runNumber: t.runNumber });
  }
}

/** Every trial value of a test's scored entries, by entry (to recompute scores after a rule change). */
export function trialValuesOfTest(db: SquadDb, testId: number): Map<number, number[]> {
  const byEntry = new Map<number, number[]>();
  for (const r of sql(db).testTrials.all(testId) as { entry_id: number; value: number }[]) {
    const list = byEntry.get(r.entry_id);
    if (list) list.push(r.value);
    else byEntry.set(r.entry_id, [r.value]);
  }
  return byEntry;
}

export function setEntryScore(db: SquadDb, entryId: number, score: number): void {
  sql(db).setScore.run(score, entryId);
}

export function highestTrialOfTest(db: SquadDb, testId: number): number {
  return (sql(db).maxTrial.get(testId) as { n: number }).n;
}

export function valueRangeOfTest(db: SquadDb, testId: number): { low: number | null; high: number | null; n: number } {
  return sql(db).valueRange.get(testId) as { low: number | null; high: number | null; n: number };
}

export function reliabilityTrials(db: SquadDb, sessionId: number): { athleteId: number; testId: number; side: Side; trial: number; value: number }[] {
  return (sql(db).reliabilityTrials.all(sessionId) as { athlete_id: number; test_id: number; side: Side; trial: number; value: number }[]).map((r) => ({
    athleteId: r.athlete_id,
    testId: r.test_id,
    side: r.side,
    trial: r.trial,
    value: r.value,
  }));
}

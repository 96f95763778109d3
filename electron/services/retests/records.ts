/**
 * Re-tests: the battery, test sessions and their results (issue 5). Every write runs in one
 * transaction and checks what the schema cannot say nicely (a value out of range, a duplicate
 * name, a test with results that would change meaning), so a failed call changes nothing.
 */
import type { AthleteResults, SessionSnapshot, TestFields, TypicalErrorChoice, SaveResultsOutcome } from '@shared/contract/retests';
import { localToday } from '@shared/dates';
import { athleteFullName } from '@shared/domain/roster';
import { testNameKey, type RetestSettings, type SessionKind, type TestDefinition, type TestSession, type TestSessionSheet } from '@shared/domain/retests';
import { AppError } from '@shared/errors';
import { buildEntryRecords, inputFromEntries, sprintRunProblems, type AthleteTestInput, type EntryRecord, type RunSplit } from '@shared/retests/entries';
import { scoreOfTrials } from '@shared/retests/scoring';
import { findAthlete } from '@main/db/repositories/athletes';
import * as repo from '@main/db/repositories/retests';
import type { SquadDb } from '@main/db/types';
import { reliabilityOfSession } from './compare';

export function requireTest(db: SquadDb, id: number, field = 'id'): TestDefinition {
  const test = repo.findTest(db, id);
  if (!test) throw new AppError('not_found', `There is no test with record number ${id}; it may have been removed.`, { [field]: 'Choose a test from the battery' });
  return test;
}

export function requireSession(db: SquadDb, id: number, field = 'id'): TestSession & { createdAt: string } {
  const session = repo.findSession(db, id);
  if (!session) throw new AppError('not_found', `There is no test session with record number ${id}; it may have been deleted.`, { [field]: 'Choose a session from the list' });
  return session;
}

// ---------------------------------------------------------------- the battery

export function listTests(db: SquadDb): TestDefinition[] {
  return repo.listTests(db);
}

function checkUniqueNames(db: SquadDb, fields: TestFields, exceptId: number | null): { nameKey: string; shortNameKey: string } {
  const nameKey = testNameKey(fields.name);
  const shortNameKey = testNameKey(fields.shortName);
  const byName = repo.findTestIdByNameKey(db, nameKey);
  if (byName !== null && byName !== exceptId) {
    throw new AppError('conflict', `There is already a test called "${fields.name}".`, { name: `There is already a test called "${fields.name}"` });
  }
  const byShort = repo.findTestIdByShortNameKey(db, shortNameKey);
  if (byShort !== null && byShort !== exceptId) {
    throw new AppError('conflict', `Another test already uses the short name "${fields.shortName}".`, { shortName: `Another test already uses "${fields.shortName}"` });
  }
  return { nameKey, shortNameKey };
}

export function createTest(db: SquadDb, fields: TestFields, now: Date): TestDefinition {
  return db.transaction(() => {
    if (fields.kind === 'sprint') {
      throw new AppError('invalid_input', 'Linked sprint splits are the built-in 10, 20 and 30 m tests; make your own sprint test a plain test.', {
        kind: 'Choose plain, jump, loaded jump or balance',
      });
    }
    const keys = checkUniqueNames(db, fields, null);
    const id = repo.insertTest(db, { ...fields, ...keys }, now.toISOString());
    return requireTest(db, id);
  })();
}

/**
 * Edit a test. A built-in keeps what makes it that test (unit, direction, sides, kind); any test
 * with results keeps its unit, direction, sides and kind, keeps enough trials for what is
 * recorded and a range that holds every recorded value. A new best-or-mean rule re-scores
 * every result.
 */
export function updateTest(db: SquadDb, id: number, fields: TestFields, now: Date): TestDefinition {
  return db.transaction(() => {
    const test = requireTest(db, id);
    const fixed: [keyof TestFields, string][] = [
      ['unit', 'unit'],
      ['higherIsBetter', 'direction (higher or lower is better)'],
      ['sided', 'left/right setting'],
      ['kind', 'kind'],
    ];
    for (const [field, words] of fixed) {
      if (fields[field] === test[field]) continue;
      if (test.builtinKey !== null) {
        throw new AppError('invalid_input', `The ${words} of a built-in test cannot change; add your own test instead.`, { [field]: `A built-in test keeps its ${words}` });
      }
      if (test.entryCount > 0) {
        throw new AppError('invalid_input', `${test.name} already has ${test.entryCount} results, so its ${words} cannot change; add a new test instead.`, {
          [field]: `Results already use this ${words}`,
        });
      }
    }
    if (fields.kind === 'sprint' && test.kind !== 'sprint') {
      throw new AppError('invalid_input', 'Linked sprint splits are the built-in 10, 20 and 30 m tests.', { kind: 'Choose plain, jump, loaded jump or balance' });
    }
    const highestTrial = repo.highestTrialOfTest(db, id);
    if (fields.trials < highestTrial) {
      throw new AppError('invalid_input', `Some results of ${test.name} have ${highestTrial} trials; keep at least ${highestTrial}.`, { trials: `At least ${highestTrial}: results use them` });
    }
    const recorded = repo.valueRangeOfTest(db, id);
    if (recorded.n > 0 && recorded.low !== null && recorded.high !== null && (recorded.low < fields.rangeMin || recorded.high > fields.rangeMax)) {
      const message = `Recorded values of ${test.name} run from ${recorded.low} to ${recorded.high} ${test.unit}; the valid range must include them.`;
      throw new AppError('invalid_input', message, { [recorded.low < fields.rangeMin ? 'rangeMin' : 'rangeMax']: message });
    }
    const keys = checkUniqueNames(db, fields, id);
    repo.updateTest(db, id, { ...fields, ...keys }, now.toISOString());
    if (fields.scoreRule !== test.scoreRule) {
      for (const [entryId, values] of repo.trialValuesOfTest(db, id)) {
        repo.setEntryScore(db, entryId, scoreOfTrials(values, fields.scoreRule, fields.higherIsBetter) as number);
      }
    }
    return requireTest(db, id);
  })();
}

export function setTestHidden(db: SquadDb, id: number, hidden: boolean, now: Date): TestDefinition {
  return db.transaction(() => {
    requireTest(db, id);
    repo.setTestHidden(db, id, hidden, now.toISOString());
    return requireTest(db, id);
  })();
}

export function setTypicalError(db: SquadDb, choice: TypicalErrorChoice, now: Date): TestDefinition {
  return db.transaction(() => {
    const test = requireTest(db, choice.id);
    const stamp = now.toISOString();
    switch (choice.source) {
      case 'coach':
        repo.setTypicalError(db, test.id, { value: choice.value, source: 'coach', n: null, date: localToday(now), sessionId: null }, stamp);
        break;
      case 'default':
        if (test.defaultTypicalError === null) {
          throw new AppError('invalid_input', `${test.name} has no default typical error: enter your own or use a reliability session.`, { source: 'No default for this test' });
        }
        repo.setTypicalError(db, test.id, { value: test.defaultTypicalError, source: 'default', n: null, date: null, sessionId: null }, stamp);
        break;
      case 'none':
        repo.setTypicalError(db, test.id, { value: null, source: 'none', n: null, date: null, sessionId: null }, stamp);
        break;
      case 'reliability': {
        const session = requireSession(db, choice.sessionId, 'sessionId');
        if (session.kind !== 'reliability') {
          throw new AppError('invalid_input', `${session.label} is not a reliability session: a typical error needs two trials in the same conditions with no training between.`, {
            sessionId: 'Choose a reliability session',
          });
        }
        const result = reliabilityOfSession(db, session.id).find((r) => r.testId === test.id);
        if (!result || result.typicalError === null || result.typicalError <= 0) {
          throw new AppError('invalid_input', result?.problem ?? `${session.label} has no ${test.name} results with two trials per athlete.`, { sessionId: 'Not enough pairs of trials' });
        }
        repo.setTypicalError(db, test.id, { value: result.typicalError, source: 'reliability', n: result.pairs, date: session.date, sessionId: session.id }, stamp);
        break;
      }
    }
    return requireTest(db, test.id);
  })();
}

export function removeTest(db: SquadDb, id: number): TestDefinition {
  return db.transaction(() => {
    const test = requireTest(db, id);
    if (test.builtinKey !== null) throw new AppError('conflict', `${test.name} is built in: hide it instead of deleting it.`);
    if (test.entryCount > 0 || repo.countSessionsWithTest(db, id) > 0) {
      throw new AppError('conflict', `${test.name} is used by a test session, so it can only be hidden, not deleted.`);
    }
    repo.deleteTest(db, id);
    return test;
  })();
}

export function getRetestSettings(db: SquadDb): RetestSettings {
  return repo.readRetestSettings(db);
}

export function updateRetestSettings(db: SquadDb, settings: RetestSettings, now: Date): RetestSettings {
  return db.transaction(() => {
    repo.writeRetestSettings(db, settings, now.toISOString());
    return repo.readRetestSettings(db);
  })();
}

// ---------------------------------------------------------------- sessions

interface SessionFields {
  date: string;
  kind: SessionKind;
  label: string;
  notes: string;
  testIds: number[];
}

function checkSessionTests(db: SquadDb, testIds: readonly number[]): number[] {
  const unique = [...new Set(testIds)];
  unique.forEach((id) => requireTest(db, id, 'testIds'));
  return unique;
}

export function listSessions(db: SquadDb): TestSession[] {
  return repo.listSessions(db);
}

function publicSession(session: TestSession & { createdAt?: string }): TestSession {
  const { createdAt: _c, ...rest } = session;
  return rest;
}

export function getSessionSheet(db: SquadDb, id: number): TestSessionSheet {
  const session = requireSession(db, id);
  return { session: publicSession(session), entries: repo.sessionEntries(db, id) };
}

export function createSession(db: SquadDb, fields: SessionFields, now: Date): TestSession {
  return db.transaction(() => {
    const testIds = checkSessionTests(db, fields.testIds);
    const stamp = now.toISOString();
    const id = repo.insertSession(db, { ...fields, createdAt: stamp }, stamp);
    repo.setSessionTests(db, id, testIds);
    return publicSession(requireSession(db, id));
  })();
}

export function updateSession(db: SquadDb, id: number, fields: SessionFields, now: Date): TestSession {
  return db.transaction(() => {
    const session = requireSession(db, id);
    const testIds = checkSessionTests(db, fields.testIds);
    for (const dropped of session.testIds.filter((t) => !testIds.includes(t))) {
      const count = repo.countSessionTestEntries(db, id, dropped);
      if (count > 0) {
        const test = requireTest(db, dropped);
        throw new AppError('conflict', `${test.name} has ${count} results in this session; clear them before taking the test out.`, { testIds: `${test.name} has results` });
      }
    }
    repo.updateSession(db, id, fields, now.toISOString());
    repo.setSessionTests(db, id, testIds);
    return publicSession(requireSession(db, id));
  })();
}

/** Every athlete's results in a session, as inputs that would store them again. */
function sessionResults(db: SquadDb, sessionId: number): AthleteResults[] {
  const byAthlete = new Map<number, Map<number, ReturnType<typeof repo.sessionEntries>>>();
  for (const entry of repo.sessionEntries(db, sessionId)) {
    let tests = byAthlete.get(entry.athleteId);
    if (!tests) byAthlete.set(entry.athleteId, (tests = new Map()));
    tests.set(entry.testId, [...(tests.get(entry.testId) ?? []), entry]);
  }
  return [...byAthlete].map(([athleteId, tests]) => ({ athleteId, tests: [...tests].map(([testId, entries]) => inputFromEntries(testId, entries)) }));
}

export function removeSession(db: SquadDb, id: number): SessionSnapshot {
  return db.transaction(() => {
    const session = requireSession(db, id);
    const snapshot: SessionSnapshot = {
      id,
      date: session.date,
      kind: session.kind,
      label: session.label,
      notes: session.notes,
      testIds: session.testIds,
      createdAt: session.createdAt,
      results: sessionResults(db, id),
    };
    repo.deleteSession(db, id);
    return snapshot;
  })();
}

export function restoreSession(db: SquadDb, snapshot: SessionSnapshot, now: Date): TestSession {
  return db.transaction(() => {
    if (repo.findSession(db, snapshot.id)) throw new AppError('conflict', `${snapshot.label} is already there; nothing to restore.`);
    const testIds = checkSessionTests(db, snapshot.testIds);
    repo.insertSession(db, { ...snapshot }, now.toISOString());
    repo.setSessionTests(db, snapshot.id, testIds);
    if (snapshot.results.length > 0) writeResults(db, snapshot.id, snapshot.results, now);
    return publicSession(requireSession(db, snapshot.id));
  })();
}

// ---------------------------------------------------------------- results

/**
 * Check and store athletes' results, replacing what each had for those tests. Returns what was
 * there before (for undo). Must run inside a transaction.
 */
function writeResults(db: SquadDb, sessionId: number, athletes: readonly AthleteResults[], now: Date): SaveResultsOutcome {
  const session = requireSession(db, sessionId, 'sessionId');
  const stamp = now.toISOString();
  const tests = new Map<number, TestDefinition>();
  const problems: Record<string, string> = {};
  const planned: { athleteId: number; testId: number; records: EntryRecord[] }[] = [];
  const previous: AthleteResults[] = [];

  athletes.forEach((athleteInput, a) => {
    const athlete = findAthlete(db, athleteInput.athleteId);
    if (!athlete) {
      problems[`athletes.${a}.athleteId`] = `There is no athlete with record number ${athleteInput.athleteId}`;
      return;
    }
    const name = athleteFullName(athlete);
    const splits: RunSplit[] = [];
    const seen = new Set<number>();
    const before: AthleteTestInput[] = [];
    athleteInput.tests.forEach((input, t) => {
      const at = `athletes.${a}.tests.${t}`;
      let test = tests.get(input.testId);
      if (!test) {
        const found = repo.findTest(db, input.testId);
        if (!found) {
          problems[`${at}.testId`] = `There is no test with record number ${input.testId}`;
          return;
        }
        tests.set(found.id, (test = found));
      }
      if (!session.testIds.includes(test.id)) {
        problems[`${at}.testId`] = `${test.name} is not part of ${session.label}; add it to the session first`;
        return;
      }
      if (seen.has(test.id)) {
        problems[`${at}.testId`] = `${test.name} is given twice for ${name}`;
        return;
      }
      seen.add(test.id);
      const { records, problems: found } = buildEntryRecords(test, input);
      for (const p of found) problems[`${at}.${p.path}`] ??= `${name}: ${p.message}`;
      for (const r of records) for (const trial of r.trials) if (trial.runNumber !== null) splits.push({ test, runNumber: trial.runNumber, value: trial.value });
      planned.push({ athleteId: athlete.id, testId: test.id, records });
      before.push(inputFromEntries(test.id, repo.athleteTestEntries(db, sessionId, test.id, athlete.id)));
    });
    for (const p of sprintRunProblems(splits)) problems[`athletes.${a}.tests`] ??= `${name}: ${p.message}`;
    previous.push({ athleteId: athleteInput.athleteId, tests: before });
  });

  const messages = Object.values(problems);
  if (messages.length > 0) {
    const more = messages.length > 1 ? ` (and ${messages.length - 1} more problem${messages.length === 2 ? '' : 's'})` : '';
    throw new AppError('invalid_input', `${messages[0]}${more}. Nothing was saved.`, problems);
  }
  for (const p of planned) repo.replaceAthleteTest(db, { sessionId, testId: p.testId, athleteId: p.athleteId }, p.records, stamp);
  const saved = new Set(planned.map((p) => `${p.athleteId}|${p.testId}`));
  const entries = repo
    .sessionEntries(db, sessionId)
    .filter((e) => saved.has(`${e.athleteId}|${e.testId}`))
    .map((e) => ({ ...e, sessionId }));
  return { entries, previous };
}

export function saveResults(db: SquadDb, sessionId: number, athletes: readonly AthleteResults[], now: Date): SaveResultsOutcome {
  return db.transaction(() => writeResults(db, sessionId, athletes, now))();
}

/** Used by the import: add tests to the session, then write, in the caller's transaction. */
export function writeImportedResults(db: SquadDb, sessionId: number, addTestIds: readonly number[], athletes: readonly AthleteResults[], now: Date): SaveResultsOutcome {
  for (const testId of addTestIds) repo.addSessionTest(db, sessionId, testId);
  return writeResults(db, sessionId, athletes, now);
}

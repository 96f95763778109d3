/**
 * Writes the generated re-test sessions (shared/sample/retests.ts) for the sample and the large
 * squad, inside loadGeneratedSquad's transaction, then takes each test's typical error from the
 * generated reliability session, as a coach would after running one.
 */
import { localToday } from '@shared/dates';
import { AppError } from '@shared/errors';
import type { TestDefinition } from '@shared/domain/retests';
import type { SquadSize } from '@shared/sample/generator';
import { generateRetests, type RetestSampleAthlete } from '@shared/sample/retests';
import { buildEntryRecords } from '@shared/retests/entries';
import * as repo from '@main/db/repositories/retests';
import type { SquadDb } from '@main/db/types';
import { reliabilityOfSession } from '../retests/compare';

export function loadSampleRetests(
  db: SquadDb,
  options: { seed: number; size: SquadSize; athletes: readonly RetestSampleAthlete[]; athleteIds: readonly number[] },
  now: Date,
): { sessions: number; entries: number } {
  if (repo.listSessions(db).length > 0) {
    throw new AppError('conflict', 'The sample squad can only be loaded into a squad with no test sessions, so it never mixes with your real results.');
  }
  const stamp = now.toISOString();
  const generated = generateRetests({ seed: options.seed, size: options.size, today: localToday(now), athletes: options.athletes });
  const tests = new Map<string, TestDefinition>();
  for (const t of repo.listTests(db)) if (t.builtinKey) tests.set(t.builtinKey, t);
  const testOf = (key: string): TestDefinition => {
    const test = tests.get(key);
    if (!test) throw new Error(`The built-in test ${key} is missing from the battery`);
    return test;
  };

  const sessionIds = generated.sessions.map((s) => {
    const id = repo.insertSession(db, { date: s.date, kind: s.kind, label: s.label, notes: s.notes, createdAt: stamp }, stamp);
    repo.setSessionTests(db, id, s.testKeys.map((k) => testOf(k).id));
    return id;
  });
  let entries = 0;
  for (const r of generated.results) {
    const test = testOf(r.testKey);
    const { records, problems } = buildEntryRecords(test, {
      testId: test.id,
      mark: r.mark,
      addedLoadKg: r.addedLoadKg,
      eyes: r.eyes,
      trials: r.trials.map((t) => ({ ...t, flightTimeS: null })),
    });
    if (problems.length > 0) throw new Error(`Generated re-test result is invalid: ${problems.map((p) => p.message).join('; ')}`);
    const sessionId = sessionIds[r.sessionIndex] as number;
    const athleteId = options.athleteIds[r.athleteIndex] as number;
    repo.replaceAthleteTest(db, { sessionId, testId: test.id, athleteId }, records, stamp);
    entries += records.length;
  }

  const reliabilityIndex = generated.sessions.findIndex((s) => s.kind === 'reliability');
  const reliability = generated.sessions[reliabilityIndex];
  if (reliability) {
    const sessionId = sessionIds[reliabilityIndex] as number;
    for (const result of reliabilityOfSession(db, sessionId)) {
      if (result.typicalError === null || result.typicalError <= 0) continue;
      repo.setTypicalError(db, result.testId, { value: result.typicalError, source: 'reliability', n: result.pairs, date: reliability.date, sessionId }, stamp);
    }
  }
  return { sessions: sessionIds.length, entries };
}

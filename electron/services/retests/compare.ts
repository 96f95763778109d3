/**
 * Reading re-tests: the typical error from a reliability session, the squad comparison, an
 * athlete's trend and the declines the deload warnings use. The meaning of the numbers is
 * decided in shared/retests/compare.ts; this module reads what it needs, with indexed queries.
 */
import type { ReliabilityResult } from '@shared/contract/retests';
import { columnKey, type TestDefinition, type TestSession } from '@shared/domain/retests';
import { AppError } from '@shared/errors';
import {
  baselineFor,
  buildAthleteTrend,
  buildSquadComparison,
  comparableSessions,
  findRetestDeclines,
  previousSession,
  type AthleteTrend,
  type ComparedAthlete,
  type RetestDecline,
  type ScoreRecord,
  type SquadComparison,
  type SquadTrendPoint,
} from '@shared/retests/compare';
import { reliabilityFromTrials, typicalErrorFromTwoTrials } from '@shared/science';
import { findAthlete, listAthletes } from '@main/db/repositories/athletes';
import * as repo from '@main/db/repositories/retests';
import type { SquadDb } from '@main/db/types';

function compared(a: { id: number; givenName: string; familyName: string; groupId: number | null; archivedAt: string | null }): ComparedAthlete {
  return { id: a.id, givenName: a.givenName, familyName: a.familyName, groupId: a.groupId, archived: a.archivedAt !== null };
}

function findSessionIn(sessions: readonly TestSession[], id: number, field: string): TestSession {
  const session = sessions.find((s) => s.id === id);
  if (!session) throw new AppError('not_found', `There is no test session with record number ${id}; it may have been deleted.`, { [field]: 'Choose a session from the list' });
  return session;
}

/**
 * Typical error per test from a reliability session: trial 1 and trial 2 of each athlete (each
 * leg of a left/right test counts as one pair), SD(trial 2 − trial 1)/√2 (REFERENCE.md §1.1),
 * with the mean shift, CV and ICC(3,1) of the same pairs.
 */
export function reliabilityOfSession(db: SquadDb, sessionId: number): ReliabilityResult[] {
  const pairs = new Map<number, Map<string, [number | null, number | null]>>();
  for (const r of repo.reliabilityTrials(db, sessionId)) {
    let byTest = pairs.get(r.testId);
    if (!byTest) pairs.set(r.testId, (byTest = new Map()));
    const key = `${r.athleteId}|${r.side}`;
    const pair = byTest.get(key) ?? [null, null];
    pair[r.trial - 1] = r.value;
    byTest.set(key, pair);
  }
  const session = repo.findSession(db, sessionId);
  if (!session) throw new AppError('not_found', `There is no test session with record number ${sessionId}; it may have been deleted.`, { sessionId: 'Choose a session from the list' });
  const testIds = [...new Set([...session.testIds, ...pairs.keys()])];
  return testIds.map((testId) => {
    const complete = [...(pairs.get(testId)?.values() ?? [])].filter((p): p is [number, number] => p[0] !== null && p[1] !== null);
    if (complete.length < 2) {
      return {
        testId,
        side: 'pooled' as const,
        pairs: complete.length,
        typicalError: null,
        meanShift: null,
        cvPercent: null,
        icc: null,
        problem: `Needs two trials from at least 2 athletes (has ${complete.length}).`,
      };
    }
    const te = typicalErrorFromTwoTrials(
      complete.map((p) => p[0]),
      complete.map((p) => p[1]),
    );
    const anova = reliabilityFromTrials(complete);
    return {
      testId,
      side: 'pooled' as const,
      pairs: te.athletes,
      typicalError: te.typicalError,
      meanShift: te.meanShift,
      cvPercent: anova.cvPercent,
      icc: anova.icc31,
      problem: te.typicalError > 0 ? null : 'Every pair of trials is identical, so the noise cannot be measured.',
    };
  });
}

/** Squad mean per column and session, oldest session first (baselines and re-tests only). */
function squadTrend(db: SquadDb, sessions: readonly TestSession[]): { trend: Record<string, SquadTrendPoint[]>; means: Map<number, Map<string, number>> } {
  const ordered = comparableSessions(sessions);
  const position = new Map(ordered.map((s, i) => [s.id, i]));
  const trend: Record<string, SquadTrendPoint[]> = {};
  const means = new Map<number, Map<string, number>>();
  for (const row of repo.squadTrendRows(db)) {
    const at = position.get(row.sessionId);
    if (at === undefined) continue;
    const session = ordered[at] as TestSession;
    const key = columnKey(row.testId, row.side);
    (trend[key] ??= []).push({ sessionId: session.id, date: session.date, label: session.label, mean: row.mean, n: row.n });
    let sessionMeans = means.get(session.id);
    if (!sessionMeans) means.set(session.id, (sessionMeans = new Map()));
    sessionMeans.set(key, row.mean);
  }
  for (const points of Object.values(trend)) points.sort((a, b) => (position.get(a.sessionId) as number) - (position.get(b.sessionId) as number));
  return { trend, means };
}

/** The squad's scores in the sessions an SWC can be taken from: every baseline, and the first session. */
function referenceScores(db: SquadDb, sessions: readonly TestSession[]): Map<number, Map<string, number[]>> {
  const ordered = comparableSessions(sessions);
  const ids = new Set(ordered.filter((s) => s.kind === 'baseline').map((s) => s.id));
  if (ordered[0]) ids.add(ordered[0].id);
  const out = new Map<number, Map<string, number[]>>();
  for (const id of ids) {
    const byColumn = new Map<string, number[]>();
    for (const r of repo.sessionScores(db, id)) {
      if (r.score === null) continue;
      const key = columnKey(r.testId, r.side);
      const list = byColumn.get(key);
      if (list) list.push(r.score);
      else byColumn.set(key, [r.score]);
    }
    out.set(id, byColumn);
  }
  return out;
}

export interface ComparisonChoice {
  sessionId: number;
  againstSessionId?: number | null;
  baselineSessionId?: number | null;
}

export function compareSessions(db: SquadDb, choice: ComparisonChoice): SquadComparison {
  const sessions = repo.listSessions(db);
  const session = findSessionIn(sessions, choice.sessionId, 'sessionId');
  const against =
    choice.againstSessionId === undefined ? previousSession(session, sessions) : choice.againstSessionId === null ? null : findSessionIn(sessions, choice.againstSessionId, 'againstSessionId');
  const baseline =
    choice.baselineSessionId === undefined ? baselineFor(session, sessions) : choice.baselineSessionId === null ? null : findSessionIn(sessions, choice.baselineSessionId, 'baselineSessionId');
  if (against?.id === session.id) throw new AppError('invalid_input', 'Choose a different session to compare with.', { againstSessionId: 'Choose another session' });

  const inSession = new Set(session.testIds);
  const tests = repo.listTests(db).filter((t) => inSession.has(t.id));
  const scores: ScoreRecord[] = [];
  const read = new Set<number>();
  for (const s of [session, against, baseline]) {
    if (!s || read.has(s.id)) continue;
    read.add(s.id);
    scores.push(...repo.sessionScores(db, s.id));
  }
  const withResults = new Set(scores.map((s) => s.athleteId));
  const athletes = listAthletes(db, 'all')
    .filter((a) => a.archivedAt === null || withResults.has(a.id))
    .map(compared);
  return buildSquadComparison({
    session,
    against,
    baseline,
    tests,
    athletes,
    scores,
    squadTrend: squadTrend(db, sessions).trend,
    settings: repo.readRetestSettings(db),
  });
}

export function athleteTrend(db: SquadDb, athleteId: number): AthleteTrend {
  const athlete = findAthlete(db, athleteId);
  if (!athlete) throw new AppError('not_found', `There is no athlete with record number ${athleteId}.`, { athleteId: 'Choose an athlete from the list' });
  const sessions = repo.listSessions(db);
  const scores = repo.athleteScores(db, athleteId);
  const tested = new Set(scores.map((s) => s.testId));
  const tests: TestDefinition[] = repo.listTests(db).filter((t) => tested.has(t.id));
  return buildAthleteTrend({
    athlete: compared(athlete),
    tests,
    sessions,
    scores,
    referenceScores: referenceScores(db, sessions),
    sessionMeans: squadTrend(db, sessions).means,
    settings: repo.readRetestSettings(db),
  });
}

/**
 * Re-test declines beyond the noise for every active athlete: the service the deload warnings
 * call (DOMAIN.md "Monitoring and deload warnings"). `since` keeps only sessions on or after a date.
 */
export function retestDeclines(db: SquadDb, options: { since?: string } = {}): RetestDecline[] {
  const sessions = repo.listSessions(db);
  return findRetestDeclines({
    athletes: listAthletes(db, 'active').map(compared),
    tests: repo.listTests(db),
    sessions,
    scores: repo.allScores(db),
    referenceScores: referenceScores(db, sessions),
    settings: repo.readRetestSettings(db),
    since: options.since,
  });
}

/**
 * Re-test comparisons, put together from shared/science (REFERENCE.md §1): each athlete's
 * change against the previous session and the baseline with the "is this real" verdict
 * (rule D, 90% interval vs ±SWC, with rule E's chances), asymmetry (§1.7), ranks and z-scores
 * in the squad and in the group (§1.8), the athlete's trend, and the declines that feed the
 * deload warnings. Pure: the service reads the scores, this decides what they mean.
 */
import type { IsoDate } from '../dates';
import {
  asymmetryFlag,
  changeChances,
  changeNoiseSd,
  classifyChangeInterval,
  improvementPercent,
  orientedChange,
  percentChange,
  Z_90,
  cvPercent,
  limbAsymmetry,
  mean,
  squadReference,
  swcFromBaselineScores,
  zScore,
  type ChangeClassification,
  type Limb,
} from '../science';
import {
  columnKey,
  columnLabel,
  DEFAULT_TE_SUFFIX,
  sidesOf,
  type EntryStatus,
  type Eyes,
  type RetestSettings,
  type Side,
  type TestDefinition,
  type TestEntry,
  type TestSession,
} from '../domain/retests';
import { ranksOf } from './scoring';

/** One athlete's score (or mark) for one test side in one session, as the comparisons read it. */
export type ScoreRecord = Omit<TestEntry, 'trials'> & { sessionId: number };

export interface ComparedAthlete {
  id: number;
  givenName: string;
  familyName: string;
  groupId: number | null;
  archived: boolean;
}

/** The typical error used, in words, with its n and date (REFERENCE.md §1.1). */
export interface TypicalErrorInfo {
  value: number | null;
  source: TestDefinition['typicalError']['source'];
  n: number | null;
  date: IsoDate | null;
  note: string;
}

/** The smallest worthwhile change used, in words, with its n (REFERENCE.md §1.4 "Caveat"). */
export interface SwcInfo {
  value: number | null;
  source: 'fixed' | 'baseline' | 'none';
  /** Scores the between-athlete SD came from. */
  n: number | null;
  betweenAthleteSd: number | null;
  sessionId: number | null;
  note: string;
}

export interface ColumnNoise {
  typicalError: TypicalErrorInfo;
  swc: SwcInfo;
}

/** One change (pre → post) and what it means. */
export interface ChangeView {
  pre: number;
  post: number;
  /** post − pre, in the test's unit. */
  change: number;
  /** 100 × (post − pre)/pre; null when pre is 0. */
  percentChange: number | null;
  /** Percent change signed so that + is better for every test (REFERENCE.md §1.6). */
  improvementPercent: number | null;
  /** Rule D verdict; null when it cannot be given (see noVerdictReason). */
  classification: ChangeClassification | null;
  noVerdictReason: string | null;
  /** 90% interval of post − pre, in the test's unit. */
  interval: { low: number; high: number } | null;
  /** Rule E chances, 0..1. */
  chances: { benefit: number; trivial: number; harm: number } | null;
}

export interface CellComparison {
  status: EntryStatus | 'missing';
  score: number | null;
  addedLoadKg: number | null;
  eyes: Eyes | null;
  vsAgainst: ChangeView | null;
  vsBaseline: ChangeView | null;
  squadRank: number | null;
  squadZ: number | null;
  groupRank: number | null;
  groupZ: number | null;
}

/** Asymmetry relative to the stronger limb, the better side stored apart (REFERENCE.md §1.7). */
export interface AsymmetryView {
  left: number;
  right: number;
  percent: number;
  betterSide: Limb | null;
  exceedsThreshold: boolean;
  exceedsTestNoise: boolean | null;
  flagged: boolean;
}

export interface ComparisonColumn {
  key: string;
  testId: number;
  side: Side;
  label: string;
  noise: ColumnNoise;
  /** Athletes with a score in the session, for "rank 3 of 24". */
  scored: number;
}

export interface AthleteComparisonRow {
  athlete: ComparedAthlete;
  cells: Record<string, CellComparison>;
  /** By test id, for sided tests with both sides scored. */
  asymmetry: Record<string, AsymmetryView>;
}

export interface SquadTrendPoint {
  sessionId: number;
  date: IsoDate;
  label: string;
  mean: number;
  n: number;
}

export interface SquadComparison {
  session: TestSession;
  against: TestSession | null;
  baseline: TestSession | null;
  tests: TestDefinition[];
  columns: ComparisonColumn[];
  rows: AthleteComparisonRow[];
  /** Squad mean per session and column, over every baseline and re-test. */
  squadTrend: Record<string, SquadTrendPoint[]>;
  settings: RetestSettings;
}

export function typicalErrorInfo(test: TestDefinition): TypicalErrorInfo {
  const te = test.typicalError;
  let note: string;
  switch (te.source) {
    case 'default':
      note = `Default: ${test.defaultTypicalErrorNote} ${DEFAULT_TE_SUFFIX}`;
      break;
    case 'coach':
      note = `Entered by the coach${te.date ? ` on ${te.date}` : ''}.`;
      break;
    case 'reliability':
      note = `From the reliability session of ${te.date ?? 'an unknown date'}: ${te.n ?? '?'} pairs of trials (REFERENCE.md §1.1).`;
      break;
    default:
      note = 'No typical error yet: enter one in Test settings or run a reliability session.';
  }
  return { value: te.value, source: te.source, n: te.n, date: te.date, note };
}

/**
 * SWC for a column: the coach's fixed value, else factor × SD of the squad's scores in the
 * baseline session (optionally SD_pure), REFERENCE.md §1.4.
 */
export function swcInfo(
  test: TestDefinition,
  baselineScores: readonly number[],
  baseline: Pick<TestSession, 'id' | 'label' | 'date'> | null,
  settings: RetestSettings,
): SwcInfo {
  if (test.swcFixed !== null) {
    return { value: test.swcFixed, source: 'fixed', n: null, betweenAthleteSd: null, sessionId: null, note: 'Set by the coach in Test settings.' };
  }
  if (!baseline || baselineScores.length < 2) {
    return {
      value: null,
      source: 'none',
      n: baselineScores.length,
      betweenAthleteSd: null,
      sessionId: baseline?.id ?? null,
      note: baseline
        ? `Needs at least 2 scores in ${baseline.label} (${baseline.date}) to measure the squad's spread.`
        : 'Needs a baseline session with at least 2 scores.',
    };
  }
  const te = test.typicalError.value ?? undefined;
  const swc = swcFromBaselineScores(baselineScores, { factor: settings.swcFactor, typicalError: te });
  const usePure = settings.swcUsePureSd && swc.swcFromPureSd !== null;
  const value = usePure ? (swc.swcFromPureSd as number) : swc.swc;
  const sdWords = usePure ? 'the noise-free SD' : 'the SD';
  return {
    value,
    source: 'baseline',
    n: swc.n,
    betweenAthleteSd: swc.betweenAthleteSd,
    sessionId: baseline.id,
    note: `${settings.swcFactor} × ${sdWords} of ${swc.n} scores in ${baseline.label} (${baseline.date}).`,
  };
}

/** Why two results cannot be compared (a different load or eyes condition), or null. */
function conditionsProblem(pre: ScoreRecord, post: ScoreRecord): string | null {
  if (pre.addedLoadKg !== null && post.addedLoadKg !== null && Math.abs(pre.addedLoadKg - post.addedLoadKg) > 1e-9) {
    return 'The added load changed between the two sessions, so the jumps are not the same test.';
  }
  if (pre.eyes !== null && post.eyes !== null && pre.eyes !== post.eyes) {
    return `Eyes ${pre.eyes} at one session and ${post.eyes} at the other: not the same test.`;
  }
  return null;
}

/**
 * One change with the app's default verdict (REFERENCE.md §1.5 "App default"): the 90% interval
 * of the change against ±SWC (rule D) and the chances of rule E, from shared/science.
 */
export function changeView(test: TestDefinition, pre: ScoreRecord, post: ScoreRecord, noise: ColumnNoise): ChangeView | null {
  if (pre.score === null || post.score === null) return null;
  const change = post.score - pre.score;
  const percent = pre.score > 0 ? percentChange(pre.score, post.score) : null;
  const improvement = pre.score > 0 ? improvementPercent(pre.score, post.score, test.higherIsBetter) : null;
  const base = { pre: pre.score, post: post.score, change, percentChange: percent, improvementPercent: improvement };
  const problem = conditionsProblem(pre, post);
  const te = noise.typicalError.value;
  const swc = noise.swc.value;
  const reason =
    problem ??
    (te === null ? 'No typical error for this test yet, so the noise is unknown.' : swc === null ? 'No smallest worthwhile change yet (needs a baseline with 2 or more scores).' : null);
  if (reason !== null || te === null || swc === null) {
    return { ...base, classification: null, noVerdictReason: reason, interval: null, chances: null };
  }
  const betterBy = orientedChange(pre.score, post.score, test.higherIsBetter);
  const halfWidth = Z_90 * changeNoiseSd(te);
  return {
    ...base,
    classification: classifyChangeInterval(betterBy - halfWidth, betterBy + halfWidth, swc),
    noVerdictReason: null,
    interval: { low: change - halfWidth, high: change + halfWidth },
    chances: changeChances(betterBy, swc, te),
  };
}

/** Asymmetry and its flag for one session's left and right scores (REFERENCE.md §1.7). */
export function asymmetryView(test: TestDefinition, left: number, right: number, squadMean: number | null, settings: RetestSettings): AsymmetryView | null {
  const asym = limbAsymmetry(left, right, { higherIsBetter: test.higherIsBetter });
  if (!asym) return null;
  const te = test.typicalError.value;
  const testCvPercent = te !== null && squadMean !== null && squadMean > 0 ? cvPercent(te, squadMean) : undefined;
  const flag = asymmetryFlag(asym.asymmetryPercent, { thresholdPercent: settings.asymmetryFlagPercent, testCvPercent });
  return {
    left,
    right,
    percent: asym.asymmetryPercent,
    betterSide: asym.betterLimb,
    exceedsThreshold: flag.exceedsThreshold,
    exceedsTestNoise: flag.exceedsTestNoise,
    flagged: flag.flagged,
  };
}

/** Scores indexed by session, column and athlete. */
export class ScoreIndex {
  private readonly map = new Map<number, Map<string, Map<number, ScoreRecord>>>();
  constructor(records: Iterable<ScoreRecord>) {
    for (const r of records) {
      let bySession = this.map.get(r.sessionId);
      if (!bySession) this.map.set(r.sessionId, (bySession = new Map()));
      const key = columnKey(r.testId, r.side);
      let byColumn = bySession.get(key);
      if (!byColumn) bySession.set(key, (byColumn = new Map()));
      byColumn.set(r.athleteId, r);
    }
  }
  get(sessionId: number, column: string, athleteId: number): ScoreRecord | undefined {
    return this.map.get(sessionId)?.get(column)?.get(athleteId);
  }
  /** The scores of the given athletes in a session for a column. */
  scores(sessionId: number, column: string, athleteIds: ReadonlySet<number>): number[] {
    const out: number[] = [];
    for (const [id, r] of this.map.get(sessionId)?.get(column) ?? []) if (r.score !== null && athleteIds.has(id)) out.push(r.score);
    return out;
  }
}

export interface ColumnSpec {
  key: string;
  test: TestDefinition;
  side: Side;
  label: string;
}

export function columnsOf(tests: readonly TestDefinition[]): ColumnSpec[] {
  return tests.flatMap((test) => sidesOf(test).map((side) => ({ key: columnKey(test.id, side), test, side, label: columnLabel(test, side) })));
}

/** z and rank of each athlete's score among those given (REFERENCE.md §1.8). */
function standings(values: { athleteId: number; score: number }[], higherIsBetter: boolean): Map<number, { rank: number; z: number | null }> {
  const out = new Map<number, { rank: number; z: number | null }>();
  if (values.length === 0) return out;
  const scores = values.map((v) => v.score);
  const ranks = ranksOf(scores, higherIsBetter);
  const reference = scores.length >= 2 ? squadReference(scores) : null;
  values.forEach((v, i) => out.set(v.athleteId, { rank: ranks[i] as number, z: reference ? zScore(v.score, reference, higherIsBetter) : null }));
  return out;
}

export interface SquadComparisonInput {
  session: TestSession;
  against: TestSession | null;
  baseline: TestSession | null;
  tests: TestDefinition[];
  athletes: ComparedAthlete[];
  scores: Iterable<ScoreRecord>;
  squadTrend: Record<string, SquadTrendPoint[]>;
  settings: RetestSettings;
}

/** The squad table for two sessions (and the baseline), REFERENCE.md §1.4–§1.8. */
export function buildSquadComparison(input: SquadComparisonInput): SquadComparison {
  const { session, against, baseline, tests, athletes, settings } = input;
  const index = new ScoreIndex(input.scores);
  const ids = new Set(athletes.map((a) => a.id));
  const specs = columnsOf(tests);
  // SWC from the baseline; with no baseline chosen, from the earlier session compared.
  const swcSession = baseline ?? against;

  const columns: ComparisonColumn[] = [];
  const cells = new Map<number, Record<string, CellComparison>>(athletes.map((a) => [a.id, {}]));
  const byGroup = new Map<number | null, ComparedAthlete[]>();
  for (const a of athletes) byGroup.set(a.groupId, [...(byGroup.get(a.groupId) ?? []), a]);

  for (const spec of specs) {
    const noise: ColumnNoise = {
      typicalError: typicalErrorInfo(spec.test),
      swc: swcInfo(spec.test, swcSession ? index.scores(swcSession.id, spec.key, ids) : [], swcSession, settings),
    };
    const scored: { athleteId: number; score: number }[] = [];
    for (const a of athletes) {
      const s = index.get(session.id, spec.key, a.id)?.score;
      if (s !== undefined && s !== null) scored.push({ athleteId: a.id, score: s });
    }
    columns.push({ key: spec.key, testId: spec.test.id, side: spec.side, label: spec.label, noise, scored: scored.length });
    const squad = standings(scored, spec.test.higherIsBetter);
    const group = new Map<number, { rank: number; z: number | null }>();
    for (const members of byGroup.values()) {
      const memberIds = new Set(members.map((m) => m.id));
      for (const [id, standing] of standings(scored.filter((s) => memberIds.has(s.athleteId)), spec.test.higherIsBetter)) group.set(id, standing);
    }
    for (const a of athletes) {
      const post = index.get(session.id, spec.key, a.id);
      const pre = against ? index.get(against.id, spec.key, a.id) : undefined;
      const base = baseline ? index.get(baseline.id, spec.key, a.id) : undefined;
      (cells.get(a.id) as Record<string, CellComparison>)[spec.key] = {
        status: post?.status ?? 'missing',
        score: post?.score ?? null,
        addedLoadKg: post?.addedLoadKg ?? null,
        eyes: post?.eyes ?? null,
        vsAgainst: post && pre ? changeView(spec.test, pre, post, noise) : null,
        vsBaseline: post && base && baseline?.id !== session.id ? changeView(spec.test, base, post, noise) : null,
        squadRank: squad.get(a.id)?.rank ?? null,
        squadZ: squad.get(a.id)?.z ?? null,
        groupRank: a.groupId === null ? null : (group.get(a.id)?.rank ?? null),
        groupZ: a.groupId === null ? null : (group.get(a.id)?.z ?? null),
      };
    }
  }

  // The squad's mean of both sides, for the asymmetry's "beyond the test's own noise" check.
  const sidedMeans = new Map<number, number | null>();
  for (const test of tests.filter((t) => t.sided)) {
    const all = [...index.scores(session.id, columnKey(test.id, 'left'), ids), ...index.scores(session.id, columnKey(test.id, 'right'), ids)];
    sidedMeans.set(test.id, all.length > 0 ? mean(all) : null);
  }
  const rows: AthleteComparisonRow[] = athletes.map((a) => {
    const asymmetry: Record<string, AsymmetryView> = {};
    for (const test of tests.filter((t) => t.sided)) {
      const left = index.get(session.id, columnKey(test.id, 'left'), a.id)?.score;
      const right = index.get(session.id, columnKey(test.id, 'right'), a.id)?.score;
      if (left === undefined || left === null || right === undefined || right === null) continue;
      const view = asymmetryView(test, left, right, sidedMeans.get(test.id) ?? null, settings);
      if (view) asymmetry[String(test.id)] = view;
    }
    return { athlete: a, cells: cells.get(a.id) as Record<string, CellComparison>, asymmetry };
  });

  return { session, against, baseline, tests, columns, rows, squadTrend: input.squadTrend, settings };
}

export type ComparisonBasis = 'against' | 'baseline';

export interface ClassificationCounts {
  'clear improvement': number;
  'clear decline': number;
  trivial: number;
  unclear: number;
  /** Compared, but no verdict possible (no TE, no SWC, conditions differ). */
  noVerdict: number;
}

/** How many athletes improved clearly, declined clearly... in one column. */
export function countClassifications(rows: readonly AthleteComparisonRow[], key: string, basis: ComparisonBasis): ClassificationCounts {
  const counts: ClassificationCounts = { 'clear improvement': 0, 'clear decline': 0, trivial: 0, unclear: 0, noVerdict: 0 };
  for (const row of rows) {
    const cell = row.cells[key];
    const view = basis === 'against' ? cell?.vsAgainst : cell?.vsBaseline;
    if (!view) continue;
    if (view.classification === null) counts.noVerdict += 1;
    else counts[view.classification] += 1;
  }
  return counts;
}

/** The baseline that applies to a session: the latest baseline on or before its date (not itself). */
export function baselineFor(session: Pick<TestSession, 'id' | 'date'>, sessions: readonly TestSession[]): TestSession | null {
  let best: TestSession | null = null;
  for (const s of sessions) {
    if (s.kind !== 'baseline' || s.id === session.id || s.date > session.date) continue;
    if (!best || s.date > best.date || (s.date === best.date && s.id > best.id)) best = s;
  }
  return best;
}

/** Sessions that compare (baselines and re-tests), oldest first. Reliability sessions measure noise only. */
export function comparableSessions(sessions: readonly TestSession[]): TestSession[] {
  return sessions.filter((s) => s.kind !== 'reliability').sort((a, b) => (a.date === b.date ? a.id - b.id : a.date < b.date ? -1 : 1));
}

/** The session a re-test is compared with by default: the one before it (not a reliability session). */
export function previousSession(session: Pick<TestSession, 'id' | 'date'>, sessions: readonly TestSession[]): TestSession | null {
  const ordered = comparableSessions(sessions);
  const at = ordered.findIndex((s) => s.id === session.id);
  if (at > 0) return ordered[at - 1] ?? null;
  if (at === 0) return null;
  return ordered.filter((s) => s.date < session.date).at(-1) ?? null;
}

export interface TrendPoint {
  sessionId: number;
  date: IsoDate;
  label: string;
  kind: TestSession['kind'];
  status: EntryStatus;
  score: number | null;
  addedLoadKg: number | null;
  eyes: Eyes | null;
  vsPrevious: ChangeView | null;
  vsBaseline: ChangeView | null;
}

export interface TrendColumn {
  key: string;
  testId: number;
  side: Side;
  label: string;
  /** Noise for the latest point (its baseline's SWC). */
  noise: ColumnNoise;
  /** The baseline the band is drawn around: the latest point's baseline. */
  baseline: { sessionId: number; date: IsoDate; label: string; score: number } | null;
  points: TrendPoint[];
}

export interface AthleteTrend {
  athlete: ComparedAthlete;
  tests: TestDefinition[];
  columns: TrendColumn[];
  /** Left vs right per session, by test id. */
  asymmetry: Record<string, { sessionId: number; date: IsoDate; label: string; view: AsymmetryView }[]>;
}

export interface TrendInput {
  athlete: ComparedAthlete;
  tests: TestDefinition[];
  sessions: TestSession[];
  /** This athlete's scores in every session. */
  scores: ScoreRecord[];
  /** The squad's scores in each baseline session (and the first session), for the SWC. */
  referenceScores: Map<number, Map<string, number[]>>;
  /** The squad's mean per session and column, for the asymmetry's test-noise check. */
  sessionMeans: Map<number, Map<string, number>>;
  settings: RetestSettings;
}

/** The swc reference session for a session: its baseline, else the first comparable session. */
function swcSessionFor(session: TestSession, ordered: readonly TestSession[]): TestSession | null {
  return baselineFor(session, ordered) ?? (ordered[0] && ordered[0].id !== session.id ? ordered[0] : null);
}

/** An athlete's history per test, each point judged against the previous one and the baseline. */
export function buildAthleteTrend(input: TrendInput): AthleteTrend {
  const { athlete, tests, settings } = input;
  const ordered = comparableSessions(input.sessions);
  const index = new ScoreIndex(input.scores);
  const noiseCache = new Map<string, ColumnNoise>();
  const noiseAt = (spec: ColumnSpec, session: TestSession): ColumnNoise => {
    const ref = swcSessionFor(session, ordered);
    const cacheKey = `${spec.key}|${ref?.id ?? 0}`;
    let noise = noiseCache.get(cacheKey);
    if (!noise) {
      noise = {
        typicalError: typicalErrorInfo(spec.test),
        swc: swcInfo(spec.test, ref ? (input.referenceScores.get(ref.id)?.get(spec.key) ?? []) : [], ref, settings),
      };
      noiseCache.set(cacheKey, noise);
    }
    return noise;
  };

  const columns: TrendColumn[] = columnsOf(tests).map((spec) => {
    const points: TrendPoint[] = [];
    let previous: ScoreRecord | null = null;
    for (const session of ordered) {
      const record = index.get(session.id, spec.key, athlete.id);
      if (!record) continue;
      const noise = noiseAt(spec, session);
      const baseline = baselineFor(session, ordered);
      const base = baseline ? index.get(baseline.id, spec.key, athlete.id) : undefined;
      points.push({
        sessionId: session.id,
        date: session.date,
        label: session.label,
        kind: session.kind,
        status: record.status,
        score: record.score,
        addedLoadKg: record.addedLoadKg,
        eyes: record.eyes,
        vsPrevious: previous ? changeView(spec.test, previous, record, noise) : null,
        vsBaseline: base ? changeView(spec.test, base, record, noise) : null,
      });
      if (record.score !== null) previous = record;
    }
    const last = ordered.filter((s) => points.some((p) => p.sessionId === s.id)).at(-1) ?? ordered.at(-1);
    const baselineSession = last ? (last.kind === 'baseline' ? last : baselineFor(last, ordered)) : null;
    const baselineScore = baselineSession ? index.get(baselineSession.id, spec.key, athlete.id)?.score : null;
    return {
      key: spec.key,
      testId: spec.test.id,
      side: spec.side,
      label: spec.label,
      noise: last ? noiseAt(spec, last) : { typicalError: typicalErrorInfo(spec.test), swc: swcInfo(spec.test, [], null, settings) },
      baseline:
        baselineSession && baselineScore !== undefined && baselineScore !== null
          ? { sessionId: baselineSession.id, date: baselineSession.date, label: baselineSession.label, score: baselineScore }
          : null,
      points,
    };
  });

  const asymmetry: AthleteTrend['asymmetry'] = {};
  for (const test of tests.filter((t) => t.sided)) {
    const series: AthleteTrend['asymmetry'][string] = [];
    for (const session of ordered) {
      const left = index.get(session.id, columnKey(test.id, 'left'), athlete.id)?.score;
      const right = index.get(session.id, columnKey(test.id, 'right'), athlete.id)?.score;
      if (left === undefined || left === null || right === undefined || right === null) continue;
      const means = input.sessionMeans.get(session.id);
      const l = means?.get(columnKey(test.id, 'left'));
      const r = means?.get(columnKey(test.id, 'right'));
      const squadMean = l !== undefined && r !== undefined ? (l + r) / 2 : null;
      const view = asymmetryView(test, left, right, squadMean, settings);
      if (view) series.push({ sessionId: session.id, date: session.date, label: session.label, view });
    }
    asymmetry[String(test.id)] = series;
  }
  return { athlete, tests, columns, asymmetry };
}

/** A re-test decline beyond the noise: what the deload warnings read (DOMAIN.md "Monitoring"). */
export interface RetestDecline {
  athleteId: number;
  athleteName: string;
  testId: number;
  testName: string;
  side: Side;
  sessionId: number;
  sessionDate: IsoDate;
  sessionLabel: string;
  previousSessionDate: IsoDate;
  /** post − pre in the test's unit, and the improvement % (negative here). */
  change: number;
  unit: string;
  improvementPercent: number | null;
  classification: 'clear decline';
}

/**
 * For each athlete and test side: the latest score, when it is a re-test, against the athlete's
 * previous score, kept when rule D calls it a clear decline (the interval lies wholly below −SWC).
 */
export function findRetestDeclines(input: {
  athletes: ComparedAthlete[];
  tests: TestDefinition[];
  sessions: TestSession[];
  scores: ScoreRecord[];
  referenceScores: Map<number, Map<string, number[]>>;
  settings: RetestSettings;
  since?: IsoDate;
}): RetestDecline[] {
  const ordered = comparableSessions(input.sessions);
  const position = new Map(ordered.map((s, i) => [s.id, i]));
  const byAthleteColumn = new Map<string, ScoreRecord[]>();
  for (const r of input.scores) {
    if (r.score === null || !position.has(r.sessionId)) continue;
    const key = `${r.athleteId}|${columnKey(r.testId, r.side)}`;
    const list = byAthleteColumn.get(key);
    if (list) list.push(r);
    else byAthleteColumn.set(key, [r]);
  }
  const athletes = new Map(input.athletes.map((a) => [a.id, a]));
  const tests = new Map(input.tests.map((t) => [t.id, t]));
  const declines: RetestDecline[] = [];
  for (const list of byAthleteColumn.values()) {
    if (list.length < 2) continue;
    list.sort((a, b) => (position.get(a.sessionId) as number) - (position.get(b.sessionId) as number));
    const post = list.at(-1) as ScoreRecord;
    const pre = list.at(-2) as ScoreRecord;
    const session = ordered[position.get(post.sessionId) as number] as TestSession;
    const previous = ordered[position.get(pre.sessionId) as number] as TestSession;
    // A re-test's decline: a new season's baseline after the off-season is not a warning sign.
    if (session.kind !== 'retest') continue;
    if (input.since && session.date < input.since) continue;
    const test = tests.get(post.testId);
    const athlete = athletes.get(post.athleteId);
    if (!test || !athlete) continue;
    const spec: ColumnSpec = { key: columnKey(test.id, post.side), test, side: post.side, label: columnLabel(test, post.side) };
    const ref = swcSessionFor(session, ordered);
    const noise: ColumnNoise = {
      typicalError: typicalErrorInfo(test),
      swc: swcInfo(test, ref ? (input.referenceScores.get(ref.id)?.get(spec.key) ?? []) : [], ref, input.settings),
    };
    const view = changeView(test, pre, post, noise);
    if (view?.classification !== 'clear decline') continue;
    declines.push({
      athleteId: athlete.id,
      athleteName: `${athlete.givenName} ${athlete.familyName}`,
      testId: test.id,
      testName: spec.label === test.shortName ? test.name : `${test.name} (${post.side})`,
      side: post.side,
      sessionId: session.id,
      sessionDate: session.date,
      sessionLabel: session.label,
      previousSessionDate: previous.date,
      change: view.change,
      unit: test.unit,
      improvementPercent: view.improvementPercent,
      classification: 'clear decline',
    });
  }
  return declines.sort((a, b) => a.athleteName.localeCompare(b.athleteName) || a.testId - b.testId);
}

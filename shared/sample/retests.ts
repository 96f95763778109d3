/**
 * Re-test sessions for the generated squads, from their own seeded stream (so adding them
 * never reshuffles the roster). Each athlete gets a true level per test that drifts with
 * training, and each trial adds measurement noise of about the size of the default typical
 * errors, so the comparisons show real improvements, trivial changes, unclear ones and a
 * couple of real declines, a few absences and injuries, and left/right asymmetries.
 *
 * - sample (24 athletes): a reliability session, a baseline and two end-of-block re-tests.
 * - large (300 athletes): three seasons of a baseline and five end-of-block re-tests (18
 *   sessions, about 8 weeks apart, the last a few days ago) and one reliability session.
 */
import { addDays, type IsoDate } from '../dates';
import { BUILTIN_TESTS, builtinTest, type BuiltinTestKey, type EntryMark, type Eyes, type SessionKind, type Side } from '../domain/retests';
import type { EventFocus, Sex } from '../domain/roster';
import type { SquadSize } from './generator';
import { SeededRandom } from './random';

export interface SampleTestSession {
  date: IsoDate;
  kind: SessionKind;
  label: string;
  notes: string;
  testKeys: BuiltinTestKey[];
}

export interface SampleTrial {
  side: Side;
  trial: number;
  value: number;
  runNumber: number | null;
}

export interface SampleTestResult {
  sessionIndex: number;
  athleteIndex: number;
  testKey: BuiltinTestKey;
  mark: EntryMark | null;
  addedLoadKg: number | null;
  eyes: Eyes | null;
  trials: SampleTrial[];
}

export interface SampleRetests {
  sessions: SampleTestSession[];
  results: SampleTestResult[];
}

export interface RetestSampleAthlete {
  sex: Sex;
  eventFocus: EventFocus | null;
  injured: boolean;
}

/** A separate stream from the roster's: same seed, different sequence. */
const STREAM_OFFSET = 0x5e57;
const ALL_TESTS = BUILTIN_TESTS.map((t) => t.key);
const WEEK = 7;

/** Trial-to-trial noise (SD) per test, near the default typical errors. */
const NOISE: Record<BuiltinTestKey, number> = {
  cmj: 0.8,
  loaded_jump: 0.7,
  balance_eyes_closed: 2.5,
  sprint_10: 0.035,
  sprint_20: 0.045,
  sprint_30: 0.055,
  flying_30: 0.05,
};

/** Training effect per block for an average responder (higher-is-better units; times get faster). */
const GAIN_PER_BLOCK: Record<BuiltinTestKey, number> = {
  cmj: 1.6,
  loaded_jump: 1.3,
  balance_eyes_closed: 2.0,
  sprint_10: -0.035,
  sprint_20: -0.045,
  sprint_30: -0.055,
  flying_30: -0.05,
};

/**
 * Blocks of training behind a session, with diminishing returns (6 × (1 − e^(−blocks/6))): each
 * season builds on two blocks' worth of the previous one, so three seasons stay in range.
 */
function trainingEffect(sessionOrder: number): number {
  const blocks = (sessionOrder % 6) + 2 * Math.floor(sessionOrder / 6);
  return 6 * (1 - Math.exp(-blocks / 6));
}

function sessionsFor(size: SquadSize, today: IsoDate): SampleTestSession[] {
  if (size === 'sample') {
    const baseline = addDays(today, -16 * WEEK);
    return [
      {
        date: addDays(baseline, -3),
        kind: 'reliability',
        label: 'Reliability check',
        notes: 'Every test twice, same warm-up and tester, three days before the baseline: measures each test\u2019s noise.',
        testKeys: ALL_TESTS,
      },
      { date: baseline, kind: 'baseline', label: 'Baseline', notes: 'Start of the strength season. Gates at 0/10/20/30 m, jump mat, hands on hips.', testKeys: ALL_TESTS },
      { date: addDays(baseline, 8 * WEEK), kind: 'retest', label: 'End of block 1', notes: 'After foundational strength.', testKeys: ALL_TESTS },
      { date: addDays(today, -5), kind: 'retest', label: 'End of block 2', notes: 'After max strength; windy on the back straight.', testKeys: ALL_TESTS },
    ];
  }
  const last = addDays(today, -3);
  const sessions: SampleTestSession[] = [];
  for (let i = 0; i < 18; i += 1) {
    const season = Math.floor(i / 6) + 1;
    const block = i % 6;
    sessions.push({
      date: addDays(last, -(17 - i) * 8 * WEEK),
      kind: block === 0 ? 'baseline' : 'retest',
      label: block === 0 ? `Season ${season} baseline` : `Season ${season}, end of block ${block}`,
      notes: '',
      testKeys: ALL_TESTS,
    });
  }
  const latestBaseline = sessions[12] as SampleTestSession;
  sessions.push({ date: addDays(latestBaseline.date, -3), kind: 'reliability', label: 'Reliability check', notes: 'Every test twice.', testKeys: ALL_TESTS });
  return sessions;
}

interface AthleteModel {
  level: Record<BuiltinTestKey, number>;
  /** How strongly the athlete responds to training (1 = average). */
  response: number;
  /** Right leg's balance relative to the left (1.3 = 30% longer on the right). */
  balanceRightRatio: number;
  loadKg: number;
}

function athleteModel(random: SeededRandom, athlete: RetestSampleAthlete): AthleteModel {
  const male = athlete.sex === 'male';
  const power = random.normal(0, 1, -2.5, 2.5);
  const speedBonus = athlete.eventFocus === 'sprints' || athlete.eventFocus === 'hurdles_jumps' ? 1 : athlete.eventFocus === 'distance' ? -0.7 : 0;
  const cmj = (male ? 36 : 29) + 3.2 * power + 2.5 * speedBonus + random.normal(0, 1.5);
  const t10 = (male ? 1.86 : 2.02) - 0.05 * power - 0.05 * speedBonus + random.normal(0, 0.03);
  const t20 = t10 + (male ? 1.3 : 1.42) - 0.03 * power - 0.04 * speedBonus + random.normal(0, 0.03);
  const t30 = t20 + (male ? 1.2 : 1.32) - 0.03 * power - 0.04 * speedBonus + random.normal(0, 0.03);
  const asymmetric = random.chance(0.2);
  return {
    level: {
      cmj,
      loaded_jump: 0.72 * cmj + random.normal(0, 1),
      balance_eyes_closed: random.normal(15, 6, 5, 45),
      sprint_10: t10,
      sprint_20: t20,
      sprint_30: t30,
      flying_30: (male ? 3.45 : 3.85) - 0.1 * power - 0.15 * speedBonus + random.normal(0, 0.08),
    },
    response: random.normal(1, 0.5, -0.3, 2),
    balanceRightRatio: asymmetric ? (random.chance(0.5) ? 1 : -1) * random.normal(0.35, 0.1, 0.18, 0.6) + 1 : 1 + random.normal(0, 0.06),
    loadKg: male ? 20 : 15,
  };
}

function clampToRange(key: BuiltinTestKey, value: number): number {
  const t = builtinTest(key);
  const decimals = 10 ** t.decimals;
  // Nobody stands on one leg for 0 s: a held balance is at least a second.
  const floor = key === 'balance_eyes_closed' ? 1 : t.rangeMin;
  return Math.min(t.rangeMax, Math.max(floor, Math.round(value * decimals) / decimals));
}

export function generateRetests(options: { seed: number; size: SquadSize; today: IsoDate; athletes: readonly RetestSampleAthlete[] }): SampleRetests {
  const random = new SeededRandom(options.seed + STREAM_OFFSET);
  const sessions = sessionsFor(options.size, options.today);
  const models = options.athletes.map((a) => athleteModel(random, a));
  // Two athletes decline clearly at the last session (fatigue, a niggle): DOMAIN.md's deload signal.
  const lastIndex = sessions.reduce((best, s, i) => (s.kind !== 'reliability' && s.date > (sessions[best]?.date ?? '') ? i : best), 0);
  const decliners = new Set([1, Math.min(options.athletes.length - 1, 7)]);
  const results: SampleTestResult[] = [];
  const blockOf = new Map<number, number>();
  const ordered = sessions.map((s, i) => ({ s, i })).filter((x) => x.s.kind !== 'reliability').sort((a, b) => (a.s.date < b.s.date ? -1 : 1));
  ordered.forEach((x, blockCount) => blockOf.set(x.i, blockCount));

  sessions.forEach((session, sessionIndex) => {
    // A reliability session sits just before a baseline: the athletes are at that baseline's level.
    const isReliability = session.kind === 'reliability';
    const order = isReliability ? (blockOf.get(sessions.findIndex((s) => s.kind === 'baseline' && s.date > session.date)) ?? 0) : (blockOf.get(sessionIndex) ?? 0);
    const effect = trainingEffect(order);
    options.athletes.forEach((athlete, athleteIndex) => {
      const model = models[athleteIndex] as AthleteModel;
      const absent = random.chance(0.05);
      const injuredNow = athlete.injured && sessionIndex === lastIndex;
      const declining = sessionIndex === lastIndex && decliners.has(athleteIndex);
      const own: SampleTestResult[] = [];
      for (const key of session.testKeys) {
        const test = builtinTest(key);
        const base = { sessionIndex, athleteIndex, testKey: key, addedLoadKg: null, eyes: null } as const;
        if (absent || (injuredNow && key !== 'balance_eyes_closed')) {
          own.push({ ...base, mark: absent ? 'absent' : 'injured', trials: [] });
          continue;
        }
        // Balance noise grows with the time held, so its decline is a share of it (40%), not a fixed step.
        const decline = !declining ? 0 : key === 'balance_eyes_closed' ? -0.4 * model.level[key] : (test.higherIsBetter ? -6 : 6) * NOISE[key];
        const truth = model.level[key] + GAIN_PER_BLOCK[key] * model.response * effect + decline;
        const trials = isReliability ? 2 : test.trials;
        const out: SampleTrial[] = [];
        for (const side of test.sided ? (['left', 'right'] as const) : (['none'] as const)) {
          const sideTruth = side === 'right' ? truth * model.balanceRightRatio : truth;
          for (let trial = 1; trial <= trials; trial += 1) {
            // Balance noise grows with the time held.
            const noise = key === 'balance_eyes_closed' ? NOISE[key] * (0.5 + sideTruth / 30) : NOISE[key];
            out.push({ side, trial, value: clampToRange(key, sideTruth + random.normal(0, noise)), runNumber: test.kind === 'sprint' ? trial : null });
          }
        }
        own.push({
          ...base,
          mark: null,
          addedLoadKg: key === 'loaded_jump' ? model.loadKg : null,
          eyes: key === 'balance_eyes_closed' ? 'closed' : null,
          trials: out,
        });
      }
      orderSplits(own);
      results.push(...own);
    });
  });
  return { sessions, results };
}

/** Each run's splits get later with distance (10 m < 20 m < 30 m), whatever the noise did. */
function orderSplits(results: readonly SampleTestResult[]): void {
  const splits = results
    .filter((r) => r.mark === null && builtinTest(r.testKey).kind === 'sprint')
    .sort((a, b) => (builtinTest(a.testKey).sprintDistanceM ?? 0) - (builtinTest(b.testKey).sprintDistanceM ?? 0));
  for (let i = 1; i < splits.length; i += 1) {
    const previous = splits[i - 1] as SampleTestResult;
    for (const trial of (splits[i] as SampleTestResult).trials) {
      const before = previous.trials.find((t) => t.trial === trial.trial);
      if (before && trial.value <= before.value) trial.value = Math.round((before.value + 0.5) * 100) / 100;
    }
  }
}

/**
 * Block re-tests (DOMAIN.md "Re-tests", REFERENCE.md §1–§3, §7): the test battery, test
 * sessions and their results, as a coach reads them. Codes are what is stored; labels are what
 * the screens print. The statistics live in shared/science; shared/retests puts them together.
 */
import type { IsoDate } from '../dates';
import { flightTimeFromJumpHeight, jumpHeightFromFlightTime } from '../science';

export const TEST_KINDS = ['plain', 'jump', 'loaded_jump', 'sprint', 'balance'] as const;
/** What extra a result carries: flight time, added load, a run of splits, eyes open/closed. */
export type TestKind = (typeof TEST_KINDS)[number];

export const SCORE_RULES = ['best', 'mean'] as const;
export type ScoreRule = (typeof SCORE_RULES)[number];
export const SCORE_RULE_LABELS: Record<ScoreRule, string> = { best: 'Best trial', mean: 'Mean of trials' };

export const SIDES = ['none', 'left', 'right'] as const;
export type Side = (typeof SIDES)[number];
export const SIDE_LABELS: Record<Side, string> = { none: '', left: 'Left', right: 'Right' };
export const SIDE_SHORT: Record<Side, string> = { none: '', left: 'L', right: 'R' };

export const SESSION_KINDS = ['baseline', 'retest', 'reliability'] as const;
export type SessionKind = (typeof SESSION_KINDS)[number];
export const SESSION_KIND_LABELS: Record<SessionKind, string> = { baseline: 'Baseline', retest: 'Re-test', reliability: 'Reliability' };
export const SESSION_KIND_HELP: Record<SessionKind, string> = {
  baseline: 'The start of a block or season: later re-tests are compared with it, and its spread sets the smallest worthwhile change.',
  retest: 'The end of a block: compared with the previous session and the baseline.',
  reliability: 'The same tests twice, days apart, with no training effect between: it measures each test\u2019s noise (typical error).',
};

export const ENTRY_STATUSES = ['ok', 'absent', 'injured'] as const;
export type EntryStatus = (typeof ENTRY_STATUSES)[number];
export const MARKS = ['absent', 'injured'] as const;
export type EntryMark = (typeof MARKS)[number];
export const MARK_LABELS: Record<EntryMark, string> = { absent: 'Absent', injured: 'Injured' };

export const EYES = ['open', 'closed'] as const;
export type Eyes = (typeof EYES)[number];

export const TYPICAL_ERROR_SOURCES = ['default', 'coach', 'reliability', 'none'] as const;
export type TypicalErrorSource = (typeof TYPICAL_ERROR_SOURCES)[number];

export const BUILTIN_TEST_KEYS = ['cmj', 'loaded_jump', 'balance_eyes_closed', 'sprint_10', 'sprint_20', 'sprint_30', 'flying_30'] as const;
export type BuiltinTestKey = (typeof BUILTIN_TEST_KEYS)[number];

/** Shown wherever a default typical error is used. */
export const DEFAULT_TE_SUFFIX = 'Default until your squad\u2019s reliability session.';

/** Ranges a coach's own test must respect; scores are never negative (percent change needs it). */
export const TEST_LIMITS = { trials: { min: 1, max: 6 }, decimals: { min: 0, max: 3 }, rangeMax: 100_000 } as const;
export const ADDED_LOAD_RANGE_KG = { min: 0, max: 300 } as const;

export interface BuiltinTest {
  key: BuiltinTestKey;
  name: string;
  shortName: string;
  unit: string;
  higherIsBetter: boolean;
  decimals: number;
  rangeMin: number;
  rangeMax: number;
  trials: number;
  scoreRule: ScoreRule;
  sided: boolean;
  kind: TestKind;
  sprintDistanceM: number | null;
  defaultTypicalError: number;
  defaultTypicalErrorNote: string;
  /** Other names a CSV header may use for this test (lower case). */
  aliases: readonly string[];
}

/**
 * DOMAIN.md's default battery. The migration inserts the same rows (a test checks it); the
 * default typical errors convert REFERENCE.md's CV ranges at a typical score, as each note says.
 */
export const BUILTIN_TESTS: readonly BuiltinTest[] = [
  {
    key: 'cmj', name: 'Countermovement jump', shortName: 'CMJ', unit: 'cm', higherIsBetter: true, decimals: 1, rangeMin: 5, rangeMax: 90,
    trials: 3, scoreRule: 'best', sided: false, kind: 'jump', sprintDistanceM: null, defaultTypicalError: 1.0,
    defaultTypicalErrorNote: 'About 3% of a 33 cm jump: REFERENCE.md §2.3 puts the CMJ\u2019s typical error at a CV of about 2–5% in trained samples.',
    aliases: ['cmj', 'countermovement jump', 'counter movement jump', 'counter-movement jump', 'jump', 'vertical jump', 'cmj height', 'jump height'],
  },
  {
    key: 'loaded_jump', name: 'Loaded jump', shortName: 'Loaded jump', unit: 'cm', higherIsBetter: true, decimals: 1, rangeMin: 3, rangeMax: 80,
    trials: 3, scoreRule: 'best', sided: false, kind: 'loaded_jump', sprintDistanceM: null, defaultTypicalError: 0.8,
    defaultTypicalErrorNote: 'About 3% of a 25 cm loaded jump, assuming it is as reliable as the unloaded CMJ (REFERENCE.md §2.3: CV about 2–5%).',
    aliases: ['loaded jump', 'loaded cmj', 'weighted jump', 'weighted cmj', 'loaded'],
  },
  {
    key: 'balance_eyes_closed', name: 'Single-leg balance, eyes closed', shortName: 'Balance', unit: 's', higherIsBetter: true, decimals: 1,
    rangeMin: 0, rangeMax: 120, trials: 2, scoreRule: 'best', sided: true, kind: 'balance', sprintDistanceM: null, defaultTypicalError: 3.0,
    defaultTypicalErrorNote: 'About 20% of a 15 s eyes-closed stand: timed balance is very noisy from trial to trial and REFERENCE.md §7.2 gives no figure.',
    aliases: ['balance', 'single leg balance', 'single-leg balance', 'single leg balance eyes closed', 'slb', 'stork', 'upst', 'balance eyes closed'],
  },
  {
    key: 'sprint_10', name: 'Sprint 10 m', shortName: '10 m', unit: 's', higherIsBetter: false, decimals: 2, rangeMin: 1.4, rangeMax: 3.5,
    trials: 2, scoreRule: 'best', sided: false, kind: 'sprint', sprintDistanceM: 10, defaultTypicalError: 0.04,
    defaultTypicalErrorNote: 'About 2% of a 1.9 s time: twice the 1% race-to-race CV of sprinters (REFERENCE.md §1.4), as gate starts add noise to short splits (§3.1).',
    aliases: ['10 m', '10m', 'sprint 10', 'sprint 10 m', 'sprint 10m', '0-10 m', '0-10m', 'split 10', 'split 10 m', '10 m split', '10m split'],
  },
  {
    key: 'sprint_20', name: 'Sprint 20 m', shortName: '20 m', unit: 's', higherIsBetter: false, decimals: 2, rangeMin: 2.5, rangeMax: 5.5,
    trials: 2, scoreRule: 'best', sided: false, kind: 'sprint', sprintDistanceM: 20, defaultTypicalError: 0.05,
    defaultTypicalErrorNote: 'About 1.5% of a 3.3 s time: above the 1% race-to-race CV of sprinters (REFERENCE.md §1.4), as the start adds noise (§3.1).',
    aliases: ['20 m', '20m', 'sprint 20', 'sprint 20 m', 'sprint 20m', '0-20 m', '0-20m', 'split 20', 'split 20 m', '20 m split', '20m split'],
  },
  {
    key: 'sprint_30', name: 'Sprint 30 m', shortName: '30 m', unit: 's', higherIsBetter: false, decimals: 2, rangeMin: 3.5, rangeMax: 7.5,
    trials: 2, scoreRule: 'best', sided: false, kind: 'sprint', sprintDistanceM: 30, defaultTypicalError: 0.07,
    defaultTypicalErrorNote: 'About 1.5% of a 4.6 s time: above the 1% race-to-race CV of sprinters (REFERENCE.md §1.4), as the start adds noise (§3.1).',
    aliases: ['30 m', '30m', 'sprint 30', 'sprint 30 m', 'sprint 30m', '0-30 m', '0-30m', 'split 30', 'split 30 m', '30 m split', '30m split'],
  },
  {
    key: 'flying_30', name: 'Flying 30 m', shortName: 'Flying 30', unit: 's', higherIsBetter: false, decimals: 2, rangeMin: 2.5, rangeMax: 6.0,
    trials: 2, scoreRule: 'best', sided: false, kind: 'plain', sprintDistanceM: 30, defaultTypicalError: 0.05,
    defaultTypicalErrorNote: 'About 1.5% of a 3.4 s time: above the 1% race-to-race CV of sprinters (REFERENCE.md §1.4); a flying start removes most start noise.',
    aliases: ['flying 30', 'flying 30 m', 'flying 30m', 'fly 30', 'fly 30 m', 'flying', '30 m fly', '30m fly'],
  },
];

export function builtinTest(key: BuiltinTestKey): BuiltinTest {
  const test = BUILTIN_TESTS.find((t) => t.key === key);
  if (!test) throw new Error(`No built-in test ${key}`);
  return test;
}

/** The typical error a test's comparisons use, with where it came from (REFERENCE.md §1.1 "store its n and date"). */
export interface TypicalErrorInUse {
  value: number | null;
  source: TypicalErrorSource;
  /** Athletes (or athlete-sides) in the reliability session; null for a default or a coach's value. */
  n: number | null;
  /** When the coach entered it or the reliability session took place. */
  date: IsoDate | null;
  sessionId: number | null;
}

export interface TestDefinition {
  id: number;
  builtinKey: BuiltinTestKey | null;
  name: string;
  shortName: string;
  unit: string;
  higherIsBetter: boolean;
  decimals: number;
  rangeMin: number;
  rangeMax: number;
  trials: number;
  scoreRule: ScoreRule;
  sided: boolean;
  kind: TestKind;
  sprintDistanceM: number | null;
  defaultTypicalError: number | null;
  defaultTypicalErrorNote: string;
  typicalError: TypicalErrorInUse;
  /** A coach-set smallest worthwhile change; null = factor × the baseline's between-athlete SD. */
  swcFixed: number | null;
  hidden: boolean;
  sortOrder: number;
  /** Entries recorded with this test (a coach's own test can be deleted only while this is 0). */
  entryCount: number;
}

export interface RetestSettings {
  /** SWC = factor × between-athlete SD of the baseline (0.2 by default, REFERENCE.md §1.4). */
  swcFactor: number;
  /** Use SD_pure = √(SD² − TE²) for the SWC (REFERENCE.md §1.4). */
  swcUsePureSd: boolean;
  /** Asymmetry flag threshold in percent (10 by default, a convention: REFERENCE.md §1.7). */
  asymmetryFlagPercent: number;
}

export interface TestSession {
  id: number;
  date: IsoDate;
  kind: SessionKind;
  label: string;
  notes: string;
  testIds: number[];
  /** Athletes with at least one result or mark in this session. */
  athleteCount: number;
}

/** One trial as entered. */
export interface TrialEntry {
  trial: number;
  value: number;
  /** Kept when a jump was entered as flight time; value is then the height in cm. */
  flightTimeS: number | null;
  /** Sprint splits timed in the same run share a run number (per athlete, per session). */
  runNumber: number | null;
}

/** One athlete's result for one test (and side) in one session. */
export interface TestEntry {
  athleteId: number;
  testId: number;
  side: Side;
  status: EntryStatus;
  /** Best or mean of the trials by the test's rule; null when absent or injured. */
  score: number | null;
  addedLoadKg: number | null;
  eyes: Eyes | null;
  trials: TrialEntry[];
}

/** A session with everything the entry grid shows. */
export interface TestSessionSheet {
  session: TestSession;
  entries: TestEntry[];
}

/** The sides a test is measured on. */
export function sidesOf(test: Pick<TestDefinition, 'sided'>): Side[] {
  return test.sided ? ['left', 'right'] : ['none'];
}

/** A comparison column: one test, one side. */
export function columnKey(testId: number, side: Side): string {
  return side === 'none' ? String(testId) : `${testId}:${side}`;
}

/** "CMJ", "Balance L". */
export function columnLabel(test: Pick<TestDefinition, 'shortName'>, side: Side): string {
  return side === 'none' ? test.shortName : `${test.shortName} ${SIDE_SHORT[side]}`;
}

export function formatNumber(value: number, decimals: number): string {
  return value.toFixed(decimals);
}

/** "1.95 s", "34.5 cm". */
export function formatScore(test: Pick<TestDefinition, 'unit' | 'decimals'>, value: number): string {
  return `${formatNumber(value, test.decimals)} ${test.unit}`;
}

/** A signed change: "+1.2 cm", "−0.05 s". */
export function formatSigned(value: number, decimals: number, unit = ''): string {
  const rounded = Number(value.toFixed(decimals));
  const sign = rounded > 0 ? '+' : rounded < 0 ? '\u2212' : '\u00b1';
  return `${sign}${Math.abs(rounded).toFixed(decimals)}${unit ? ` ${unit}` : ''}`;
}

/** The text of a typed number: "1.95", "1,95" and " 2 " are numbers; anything else is not. */
export function parseTypedNumber(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const normalised = /^[-+]?\d+,\d+$/.test(trimmed) ? trimmed.replace(',', '.') : trimmed;
  if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(normalised)) return null;
  const value = Number(normalised);
  return Number.isFinite(value) ? value : null;
}

function rangeText(test: Pick<TestDefinition, 'rangeMin' | 'rangeMax' | 'unit'>): string {
  return `${test.rangeMin}\u2013${test.rangeMax} ${test.unit}`;
}

function shownValue(value: number): string {
  return String(Number(value.toPrecision(6)));
}

function outOfRange(test: Pick<TestDefinition, 'rangeMin' | 'rangeMax'>, value: number): 'below' | 'above' | null {
  if (value < test.rangeMin) return 'below';
  if (value > test.rangeMax) return 'above';
  return null;
}

/**
 * Why a value cannot be a score for this test, or null when it can: "0.3 s is below the
 * 1.4–3.5 s range for Sprint 10 m". Used as the coach types, by the CSV import and by main.
 */
export function valueProblem(test: Pick<TestDefinition, 'name' | 'rangeMin' | 'rangeMax' | 'unit'>, value: number): string | null {
  if (!Number.isFinite(value)) return `Enter a number for ${test.name}`;
  const where = outOfRange(test, value);
  return where === null ? null : `${shownValue(value)} ${test.unit} is ${where} the ${rangeText(test)} range for ${test.name}`;
}

/** Jump height in cm from a flight time in s, h = g·t²/8 (REFERENCE.md §2.1). */
export function jumpHeightCmFromFlightTime(flightTimeS: number): number {
  return jumpHeightFromFlightTime(flightTimeS) * 100;
}

/** The flight times (s) that give the test's valid heights, for the flight-time entry hint. */
export function flightTimeRange(test: Pick<TestDefinition, 'rangeMin' | 'rangeMax'>): { min: number; max: number } {
  return { min: flightTimeFromJumpHeight(test.rangeMin / 100), max: flightTimeFromJumpHeight(test.rangeMax / 100) };
}

/** Flight times a person can produce; outside this it is another unit (ms) or a typo. */
export const FLIGHT_TIME_LIMITS_S = { min: 0.05, max: 1.5 } as const;

/**
 * Why a flight time cannot be a jump for this test, or null: "0.9 s of flight is 99.3 cm, above
 * the 5–90 cm range for Countermovement jump".
 */
export function flightTimeProblem(test: Pick<TestDefinition, 'name' | 'rangeMin' | 'rangeMax' | 'unit'>, flightTimeS: number): string | null {
  if (!Number.isFinite(flightTimeS)) return `Enter the flight time in seconds for ${test.name}`;
  if (flightTimeS < FLIGHT_TIME_LIMITS_S.min || flightTimeS > FLIGHT_TIME_LIMITS_S.max) {
    return `${shownValue(flightTimeS)} s is not a flight time (they are ${FLIGHT_TIME_LIMITS_S.min}\u2013${FLIGHT_TIME_LIMITS_S.max} s; divide milliseconds by 1000)`;
  }
  const height = jumpHeightCmFromFlightTime(flightTimeS);
  const where = outOfRange(test, height);
  return where === null ? null : `${shownValue(flightTimeS)} s of flight is ${height.toFixed(1)} cm, ${where} the ${rangeText(test)} range for ${test.name}`;
}

export function sessionTitle(session: Pick<TestSession, 'label' | 'date'>): string {
  return `${session.label} (${session.date})`;
}

/** A key for names typed by people: case, accents and extra spaces do not matter. */
export function looseNameKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLocaleLowerCase('en')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The name key a test's name or short name is stored under (unique in the battery). */
export function testNameKey(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('en');
}

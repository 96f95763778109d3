/**
 * The deload warnings (issue 7; DOMAIN.md "Monitoring and deload warnings"; REFERENCE.md §4.4,
 * §6.3, §8). One warning per athlete, made of signals, each from one rule with the coach's
 * threshold (shared/load/thresholds.ts):
 *
 * | signal | rule (defaults) | family |
 * |---|---|---|
 * | weeks-since-deload | more than 6 whole weeks since the last deload day | deload timing |
 * | weekly-jump | the last 7 days' load >= 15% above the 7 days before and above its plan (not after a deload week) | load |
 * | acwr-high | acute:chronic ratio >= 1.5 (not while warming up) | load |
 * | monotony-high | Foster monotony of the last 7 days > 2.0 | load |
 * | wellness-low | >= 2 flagged wellness days in a row, ending with the latest check (today or yesterday) | wellness |
 * | hamstring | tight hamstrings reported >= 2 times in the last 7 days | hamstring |
 * | retest-decline | a re-test decline beyond the noise in the last 28 days | re-test |
 *
 * Level (DOMAIN.md): **act** (recommend a deload) when the weeks since the last deload pass the
 * limit, or when signals of two or more independent families agree; **watch** otherwise. The
 * three load signals come from the same numbers, so they count as one family. Wording is
 * neutral ("load rising faster than usual", never "injury risk"); the coach decides.
 *
 * The load rules read the last complete day: today once something is logged for it, else
 * yesterday (today's session may not have happened yet). A warning is 'dismissed'
 * while a dismissal from the last 14 days covers all its signals at its level or higher, and
 * 'deload-planned' when the plan has a deload day within the next 7 days.
 */
import { formatDateShort, type IsoDate } from '../dates';
import { dayNumber } from '../plan/days';
import { DELOAD_DEFAULTS, monotonyAndStrain, weekOverWeekChangePercent, weeklyLoad, WELLNESS_ITEM_LABELS, type DayLoad } from '../science';
import type { RetestDecline } from '../retests/compare';
import { shiftDate, type LoadDay, type LoadSeries } from './series';
import type { WarningThresholds } from './thresholds';

export type WarningLevel = 'watch' | 'act';

export const WARNING_SIGNAL_KEYS = ['weeks-since-deload', 'weekly-jump', 'acwr-high', 'monotony-high', 'wellness-low', 'hamstring', 'retest-decline'] as const;
export type WarningSignalKey = (typeof WARNING_SIGNAL_KEYS)[number];

export type SignalFamily = 'deload-timing' | 'load' | 'wellness' | 'hamstring' | 'retest';

export const SIGNAL_FAMILY: Readonly<Record<WarningSignalKey, SignalFamily>> = {
  'weeks-since-deload': 'deload-timing',
  'weekly-jump': 'load',
  'acwr-high': 'load',
  'monotony-high': 'load',
  'wellness-low': 'wellness',
  hamstring: 'hamstring',
  'retest-decline': 'retest',
};

export const SIGNAL_LABELS: Readonly<Record<WarningSignalKey, string>> = {
  'weeks-since-deload': 'Weeks since deload',
  'weekly-jump': 'Weekly load jump',
  'acwr-high': 'Acute:chronic ratio',
  'monotony-high': 'Monotony',
  'wellness-low': 'Wellness below usual',
  hamstring: 'Hamstring tightness',
  'retest-decline': 'Re-test decline',
};

/** Days a dismissal holds (unless a new signal appears or the level rises first). */
export const DISMISSAL_DAYS = 14;
/** A deload starting within this many days counts as planned: the warning is answered. */
export const DELOAD_PLANNED_WITHIN_DAYS = 7;

export const WARNING_LEVEL_LABELS: Readonly<Record<WarningLevel, string>> = { watch: 'Watch', act: 'Act' };

/** Shown with every warning (REFERENCE.md §6.3). */
export const WARNINGS_NOTE =
  'Warnings are suggestions from heuristics, not diagnoses: no validated cut-offs exist. A deload is recommended when the ' +
  'weeks since the last one pass the limit or when two or more independent signals agree; the coach decides.';

export interface WarningSignal {
  key: WarningSignalKey;
  family: SignalFamily;
  label: string;
  /** The reason in numbers, e.g. "load up 22% on the week before (2,450 vs 2,010 AU)". */
  reason: string;
  /** The first day the signal applies (calendar flags start here). */
  since: IsoDate;
}

export type WarningStatus = 'active' | 'dismissed' | 'deload-planned';

export interface AthleteWarning {
  athleteId: number;
  athleteName: string;
  groupId: number | null;
  groupName: string | null;
  groupColor: string | null;
  /** Today, and the last complete day the load rules read. */
  today: IsoDate;
  loadAsOf: IsoDate;
  level: WarningLevel;
  status: WarningStatus;
  signals: WarningSignal[];
  /** The signals' reasons joined: "6 weeks since the last deload; load up 22% on the week before; ..." */
  reasons: string;
  /** What the app suggests (the coach decides). */
  action: string;
  /** The earliest day any signal applies. */
  since: IsoDate;
  /** The default first day of a deload week: the next first day of the squad week. */
  suggestedDeloadFrom: IsoDate;
  nextDeload: IsoDate | null;
  /** The ratio on loadAsOf with its method, when there is one (show the caveats with it). */
  acwr: { value: number; methodLabel: string } | null;
  /** The ratio is shown with a load signal: show REFERENCE.md §4.4's criticisms with it. */
  showAcwrCaveats: boolean;
  /** The dismissal that hides it, when status is 'dismissed'. */
  dismissal: { actionId: number; note: string; createdAt: string } | null;
}

export type WarningActionKind = 'dismissed' | 'deload_scheduled';

/** What the coach did about a warning (the warnings' history). */
export interface WarningAction {
  id: number;
  athleteId: number;
  athleteName: string;
  kind: WarningActionKind;
  /** The day the warning was computed for. */
  asOf: IsoDate;
  level: WarningLevel;
  signals: WarningSignalKey[];
  /** The reasons as the coach saw them. */
  reasons: string;
  note: string;
  deloadFrom: IsoDate | null;
  deloadTo: IsoDate | null;
  /** ISO timestamp. */
  createdAt: string;
}

/** A dismissal the engine checks a warning against. */
export interface DismissalRecord {
  actionId: number;
  signals: readonly WarningSignalKey[];
  level: WarningLevel;
  note: string;
  /** ISO timestamp. */
  createdAt: string;
}

export interface AthleteWarningInput {
  athlete: { id: number; name: string; groupId: number | null; groupName: string | null; groupColor: string | null };
  today: IsoDate;
  /** The athlete's series covering at least the 14 days before today and today. */
  series: LoadSeries;
  /** The last deload day on or before today (null: none in the plan). */
  lastDeload: IsoDate | null;
  /** The athlete's first plan day (weeks are counted from it when there was no deload). */
  firstPlanDay: IsoDate | null;
  /** The first deload day after today (null: none planned). */
  nextDeload: IsoDate | null;
  /** The next first day of the squad week after today. */
  nextWeekStart: IsoDate;
  retestDeclines: readonly Pick<RetestDecline, 'testName' | 'sessionDate' | 'change' | 'unit' | 'improvementPercent'>[];
  dismissal: DismissalRecord | null;
  thresholds: WarningThresholds;
}

const SHORT_ITEM: Readonly<Record<string, string>> = {
  fatigue: 'fatigue',
  sleepQuality: 'sleep',
  muscleSoreness: 'soreness',
  stress: 'stress',
  mood: 'mood',
};

const au = (n: number) => `${Math.round(n).toLocaleString('en-US')} AU`;
const fixed = (n: number, digits: number) => n.toFixed(digits);
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The last complete day: today once something is logged for it, else yesterday. */
export function loadEvaluationIndex(days: readonly LoadDay[], today: IsoDate): number {
  const i = days.findIndex((d) => d.date === today);
  if (i < 0) throw new RangeError(`The series does not reach today (${today}).`);
  const logged = days[i]?.status === 'done' || days[i]?.status === 'missed';
  return logged || i === 0 ? i : i - 1;
}

function loadsOf(days: readonly LoadDay[], from: number, to: number): DayLoad[] | null {
  if (from < 0) return null;
  return days.slice(from, to + 1).map((d) => d.actualLoad);
}

function weeksSinceDeloadSignal(input: AthleteWarningInput, today: LoadDay): WarningSignal | null {
  const weeks = today.weeksSinceDeload;
  const limit = input.thresholds.weeksSinceDeload;
  if (weeks === null || weeks <= limit) return null;
  const reason =
    input.lastDeload === null
      ? `${plural(weeks, 'week')} of training with no deload in the plan`
      : `${plural(weeks, 'week')} since the last deload (${formatDateShort(input.lastDeload)})`;
  // The day it passed the limit: (limit + 1) whole weeks after the last deload day (or the first plan day).
  const anchor = input.lastDeload ?? input.firstPlanDay;
  const since = anchor === null ? input.today : shiftDate(anchor, (limit + 1) * 7);
  return { key: 'weeks-since-deload', family: 'deload-timing', label: SIGNAL_LABELS['weeks-since-deload'], reason, since };
}

/** Deload days in the week before that make it a deload week: coming back from one is no jump. */
export const DELOAD_WEEK_MIN_DAYS = 4;

function weeklyJumpSignal(input: AthleteWarningInput, days: readonly LoadDay[], e: number): WarningSignal | null {
  const last = loadsOf(days, e - 6, e);
  const previous = loadsOf(days, e - 13, e - 7);
  if (!last || !previous) return null;
  const thisWeek = weeklyLoad(last);
  const weekBefore = weeklyLoad(previous);
  // A week with a day not logged is a lower bound: no change is claimed from it (REFERENCE.md §0).
  if (thisWeek.missingDays > 0 || weekBefore.missingDays > 0) return null;
  // The week after a planned deload week is meant to be heavier than it.
  if (days.slice(e - 13, e - 6).filter((d) => d.isDeload).length >= DELOAD_WEEK_MIN_DAYS) return null;
  const change = weekOverWeekChangePercent(weekBefore.load, thisWeek.load);
  if (change === null || change < input.thresholds.weeklyJumpPercent) return null;
  // A rise the plan asked for (a new block, a return to the plan after missed sessions) is the
  // coach's decision: the signal is for a week above its plan.
  const plannedNow = days.slice(e - 6, e + 1).reduce((sum, d) => sum + d.plannedLoad, 0);
  if (plannedNow > 0 && thisWeek.load <= plannedNow) return null;
  return {
    key: 'weekly-jump',
    family: 'load',
    label: SIGNAL_LABELS['weekly-jump'],
    reason: `load up ${fixed(change, 0)}% on the week before (${au(thisWeek.load)} vs ${au(weekBefore.load)} over 7 days${plannedNow > 0 ? `; ${au(plannedNow)} planned` : ''})`,
    since: (days[e] as LoadDay).date,
  };
}

function acwrSignal(input: AthleteWarningInput, day: LoadDay): WarningSignal | null {
  if (day.acwr === null || day.warmingUp || day.acwr < input.thresholds.acwrHigh) return null;
  return {
    key: 'acwr-high',
    family: 'load',
    label: SIGNAL_LABELS['acwr-high'],
    reason: `load rising faster than usual: acute:chronic ratio ${fixed(day.acwr, 2)} (${input.series.acwrMethodLabel})`,
    since: day.date,
  };
}

function monotonySignal(input: AthleteWarningInput, days: readonly LoadDay[], e: number): WarningSignal | null {
  const week = loadsOf(days, e - 6, e);
  if (!week) return null;
  const m = monotonyAndStrain(week, { sd: input.thresholds.monotonySd });
  if (m.monotony === null || !(m.monotony > input.thresholds.monotonyHigh)) return null;
  return {
    key: 'monotony-high',
    family: 'load',
    label: SIGNAL_LABELS['monotony-high'],
    reason: `monotony ${fixed(m.monotony, 2)} over the last 7 days (similar loads every day; strain ${au(m.strain)})`,
    since: (days[e] as LoadDay).date,
  };
}

function wellnessSignal(input: AthleteWarningInput, days: readonly LoadDay[], t: number): WarningSignal | null {
  // The latest check: today's, else yesterday's.
  const latest = days[t]?.wellness ? t : days[t - 1]?.wellness ? t - 1 : -1;
  const check = latest >= 0 ? days[latest]?.wellness : null;
  if (!check || check.flaggedRun < input.thresholds.wellnessDays) return null;
  const parts: string[] = [];
  if (check.lowItems.length > 0) parts.push(check.lowItems.map((l) => `${SHORT_ITEM[l.item] ?? WELLNESS_ITEM_LABELS[l.item]} ${l.score}/5`).join(', '));
  if (check.total !== null && check.baselineMean !== null && check.z !== null && check.z <= input.thresholds.wellnessZ) {
    parts.push(`wellness ${check.total}/25 against their usual ${fixed(check.baselineMean, 1)}`);
  }
  const latestDate = (days[latest] as LoadDay).date;
  return {
    key: 'wellness-low',
    family: 'wellness',
    label: SIGNAL_LABELS['wellness-low'],
    reason: `${parts.join('; ') || 'wellness below their usual'}, ${check.flaggedRun} days in a row`,
    since: shiftDate(latestDate, -(check.flaggedRun - 1)),
  };
}

function hamstringSignal(input: AthleteWarningInput, days: readonly LoadDay[], t: number): WarningSignal | null {
  const window = input.thresholds.hamstringWindowDays;
  const reports = days.slice(Math.max(0, t - window + 1), t + 1).filter((d) => d.wellness?.hamstringTight === true);
  if (reports.length < input.thresholds.hamstringTimes || reports.length === 0) return null;
  return {
    key: 'hamstring',
    family: 'hamstring',
    label: SIGNAL_LABELS.hamstring,
    reason: `tight hamstrings reported ${plural(reports.length, 'time')} in ${window} days`,
    since: (reports[0] as LoadDay).date,
  };
}

function retestSignal(input: AthleteWarningInput): WarningSignal | null {
  const recent = input.retestDeclines
    .filter((d) => d.sessionDate <= input.today && dayNumber(input.today) - dayNumber(d.sessionDate) <= input.thresholds.retestWindowDays)
    .sort((a, b) => a.sessionDate.localeCompare(b.sessionDate));
  if (recent.length === 0) return null;
  const words = recent.map((d) => {
    const amount = `${fixed(Math.abs(d.change), Math.abs(d.change) < 1 ? 2 : 1)} ${d.unit}`;
    const percent = d.improvementPercent === null ? '' : ` (${fixed(Math.abs(d.improvementPercent), 1)}% worse)`;
    return `${d.testName} ${amount}${percent}`;
  });
  return {
    key: 'retest-decline',
    family: 'retest',
    label: SIGNAL_LABELS['retest-decline'],
    reason: `re-test of ${formatDateShort((recent.at(-1) as (typeof recent)[number]).sessionDate)} below the previous beyond the test's noise: ${words.join(', ')}`,
    since: (recent[0] as (typeof recent)[number]).sessionDate,
  };
}

const SIGNAL_ORDER = new Map(WARNING_SIGNAL_KEYS.map((k, i) => [k, i]));

/** The level of a set of signals (DOMAIN.md): act on the deload limit or two independent families. */
export function warningLevel(signals: readonly Pick<WarningSignal, 'key' | 'family'>[]): WarningLevel {
  if (signals.some((s) => s.key === 'weeks-since-deload')) return 'act';
  return new Set(signals.map((s) => s.family)).size >= 2 ? 'act' : 'watch';
}

/** The suggested action, in the coach's words. */
export function suggestedAction(level: WarningLevel, families: ReadonlySet<SignalFamily>, deloadFrom: IsoDate): string {
  if (level === 'act') {
    return (
      `Consider a deload week from ${formatDateShort(deloadFrom)}: sets \u2212${DELOAD_DEFAULTS.setReduction * 100}%, load \u2212${DELOAD_DEFAULTS.loadReduction * 100}%, ` +
      `${DELOAD_DEFAULTS.rirIncrease} more reps in reserve, same exercises; runs as the running coach decides.`
    );
  }
  const steps: string[] = [];
  if (families.has('load')) steps.push('keep the next days as planned, with nothing added');
  if (families.has('wellness')) steps.push('ask how they are sleeping and feeling; a lighter day may help');
  if (families.has('hamstring')) steps.push('check the hamstrings before hard running or Nordic curls (the regression may suit)');
  if (families.has('retest')) steps.push('watch session RPE and wellness before the next heavy session');
  const text = steps.join('; ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

/** One athlete's warning today, or null when no rule fires. */
export function assessAthlete(input: AthleteWarningInput): AthleteWarning | null {
  const days = input.series.days;
  const t = days.findIndex((d) => d.date === input.today);
  if (t < 0) throw new RangeError(`The series does not reach today (${input.today}).`);
  const e = loadEvaluationIndex(days, input.today);
  const evaluated = days[e] as LoadDay;
  const signals = [
    weeksSinceDeloadSignal(input, days[t] as LoadDay),
    weeklyJumpSignal(input, days, e),
    acwrSignal(input, evaluated),
    monotonySignal(input, days, e),
    wellnessSignal(input, days, t),
    hamstringSignal(input, days, t),
    retestSignal(input),
  ].filter((s): s is WarningSignal => s !== null);
  if (signals.length === 0) return null;
  signals.sort((a, b) => (SIGNAL_ORDER.get(a.key) ?? 0) - (SIGNAL_ORDER.get(b.key) ?? 0));
  const level = warningLevel(signals);
  const families = new Set(signals.map((s) => s.family));

  let status: WarningStatus = 'active';
  let dismissal: AthleteWarning['dismissal'] = null;
  const d = input.dismissal;
  if (input.nextDeload !== null && dayNumber(input.nextDeload) - dayNumber(input.today) <= DELOAD_PLANNED_WITHIN_DAYS) {
    status = 'deload-planned';
  } else if (d && signals.every((s) => d.signals.includes(s.key)) && (d.level === 'act' || level === 'watch')) {
    status = 'dismissed';
    dismissal = { actionId: d.actionId, note: d.note, createdAt: d.createdAt };
  }
  return {
    athleteId: input.athlete.id,
    athleteName: input.athlete.name,
    groupId: input.athlete.groupId,
    groupName: input.athlete.groupName,
    groupColor: input.athlete.groupColor,
    today: input.today,
    loadAsOf: evaluated.date,
    level,
    status,
    signals,
    reasons: signals.map((s) => s.reason).join('; '),
    action: suggestedAction(level, families, input.nextWeekStart),
    since: signals.map((s) => s.since).reduce((a, b) => (a < b ? a : b)),
    suggestedDeloadFrom: input.nextWeekStart,
    nextDeload: input.nextDeload,
    acwr: evaluated.acwr !== null && !evaluated.warmingUp ? { value: evaluated.acwr, methodLabel: input.series.acwrMethodLabel } : null,
    // The ratio is shown (with its caveats) beside load signals, where it adds context.
    showAcwrCaveats: families.has('load') && evaluated.acwr !== null && !evaluated.warmingUp,
    dismissal,
  };
}

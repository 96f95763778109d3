/**
 * The planning rules of DOMAIN.md, checked over one athlete's days as the coach plans. Each
 * broken rule is a warning with its reason, shown on the day where it happens; none of them
 * ever stops a plan from being saved.
 *
 *   1. Two strength sessions on consecutive days.
 *   2. A heavy strength session (A, or any session in a max-strength block) on the same day as
 *      intervals, tempo or sprint work, for an athlete whose race goal is the half marathon or
 *      longer. A deload day's session is not heavy.
 *   3. More than three strength sessions in a week (the squad's week).
 *   4. No rest day in seven days (a rest day has no strength session and no run other than
 *      "rest"; a day with nothing planned is a rest day).
 *   5. More than six weeks of strength work in a row since the last deload (a week with a
 *      deload day, or a week without strength work, ends the run).
 *   6. A power/plyometric block with fewer than four weeks of strength work right before it.
 */
import type { DayNumber } from './days';
import { dayLabel, weekStartOf } from './days';
import type { Phase, RunType, SessionType } from './model';
import { HARD_RUN_TYPES, RUN_TYPE_LABELS } from './model';

export const RULE_IDS = [1, 2, 3, 4, 5, 6] as const;
export type RuleId = (typeof RULE_IDS)[number];

export const PLANNING_RULES: Record<RuleId, { title: string; why: string }> = {
  1: {
    title: 'Strength on consecutive days',
    why: 'Strength days are not consecutive: the legs need a day to recover before the next session, and running quality drops on tired legs.',
  },
  2: {
    title: 'Heavy strength with hard running, long-race goal',
    why: 'For half-marathon and marathon runners, keep speed work (intervals, tempo, sprints) apart from heavy strength days so both get done well.',
  },
  3: {
    title: 'More than three strength sessions in a week',
    why: 'Two or three quality gym sessions a week is the most a runner should carry alongside the running plan.',
  },
  4: {
    title: 'No rest day in seven days',
    why: 'Every seven days need at least one rest day (no strength session, no run) for recovery.',
  },
  5: {
    title: 'More than six weeks without a deload',
    why: 'Plan a deload week at least every 4-6 weeks of strength work, and after heavy blocks.',
  },
  6: {
    title: 'Plyometrics too early',
    why: 'Plyometrics come after 4-6 weeks of consistent strength work; a power block needs at least four weeks of strength training before it.',
  },
};

/** One of an athlete's days, as the rules see it. Days not listed have nothing planned. */
export interface RuleDay {
  day: DayNumber;
  /** The session the athlete does that day (after their changes), or null. */
  sessionType: SessionType | null;
  phase: Phase | null;
  blockId: number | null;
  runType: RunType | null;
  isDeload: boolean;
}

export interface RuleContext {
  /** 0 = Sunday ... 6 = Saturday. */
  firstDayOfWeek: number;
  /** The athlete's race goal is the half marathon or longer (rule 2 applies). */
  longRaceGoal: boolean;
}

export interface RuleBreak {
  rule: RuleId;
  day: DayNumber;
  /** What is wrong here, with the days and numbers, in a coach's words. */
  message: string;
}

/** Half marathon in metres: the distance from which rule 2 applies. */
export const LONG_RACE_GOAL_METERS = 21097;

const isRest = (d: RuleDay) => d.sessionType === null && (d.runType === null || d.runType === 'rest');
const sessionName = (t: SessionType) => (t === 'custom' ? 'custom session' : `session ${t}`);

export function checkPlanningRules(input: readonly RuleDay[], context: RuleContext): RuleBreak[] {
  const days = [...input].sort((a, b) => a.day - b.day);
  const breaks: RuleBreak[] = [];
  if (days.length === 0) return breaks;
  const strengthDays = days.filter((d) => d.sessionType !== null);

  // 1. Consecutive strength days: flag the second day.
  for (let i = 1; i < strengthDays.length; i += 1) {
    const prev = strengthDays[i - 1] as RuleDay;
    const cur = strengthDays[i] as RuleDay;
    if (cur.day === prev.day + 1) {
      breaks.push({
        rule: 1,
        day: cur.day,
        message: `Strength on consecutive days: ${sessionName(prev.sessionType as SessionType)} on ${dayLabel(prev.day)}, then ${sessionName(cur.sessionType as SessionType)} on ${dayLabel(cur.day)}. Leave a day between strength sessions.`,
      });
    }
  }

  // 2. Heavy strength and hard running on one day, for a long-race goal.
  if (context.longRaceGoal) {
    for (const d of strengthDays) {
      const heavy = !d.isDeload && (d.sessionType === 'A' || d.phase === 'max_strength');
      if (heavy && d.runType !== null && HARD_RUN_TYPES.has(d.runType)) {
        breaks.push({
          rule: 2,
          day: d.day,
          message: `Heavy strength (${sessionName(d.sessionType as SessionType)}${d.phase === 'max_strength' ? ', max-strength block' : ''}) and ${RUN_TYPE_LABELS[d.runType].toLowerCase()} on ${dayLabel(d.day)} for a half-marathon-or-longer runner. Move the hard run or the session to another day.`,
        });
      }
    }
  }

  // 3. More than three strength sessions in a squad week: flag the 4th and later.
  const perWeek = new Map<DayNumber, RuleDay[]>();
  for (const d of strengthDays) {
    const w = weekStartOf(d.day, context.firstDayOfWeek);
    const list = perWeek.get(w) ?? [];
    list.push(d);
    perWeek.set(w, list);
  }
  for (const [weekStart, list] of perWeek) {
    list.slice(3).forEach((d, i) => {
      breaks.push({
        rule: 3,
        day: d.day,
        message: `${ordinal(4 + i)} strength session in the week of ${dayLabel(weekStart)} (${list.length} that week). Two or three a week at most.`,
      });
    });
  }

  // 4. Seven days in a row without a rest day: flag the 7th (and 14th...) day of the run.
  let streak = 0;
  let streakStart = 0;
  let lastTraining: DayNumber | null = null;
  for (const d of days) {
    if (isRest(d)) {
      streak = 0;
      lastTraining = null;
      continue;
    }
    if (lastTraining !== null && d.day === lastTraining + 1) streak += 1;
    else {
      streak = 1;
      streakStart = d.day;
    }
    lastTraining = d.day;
    if (streak % 7 === 0) {
      breaks.push({
        rule: 4,
        day: d.day,
        message: `${streak} days in a row without a rest day (since ${dayLabel(streakStart)}). Plan at least one rest day in every seven.`,
      });
    }
  }

  // 5 and 6 work on squad weeks, from the first to the last week with anything planned.
  const firstWeek = weekStartOf((days[0] as RuleDay).day, context.firstDayOfWeek);
  const lastWeek = weekStartOf((days[days.length - 1] as RuleDay).day, context.firstDayOfWeek);
  interface WeekSummary {
    strengthDays: RuleDay[];
    deload: boolean;
  }
  const weeks = new Map<DayNumber, WeekSummary>();
  for (const d of days) {
    const w = weekStartOf(d.day, context.firstDayOfWeek);
    const summary = weeks.get(w) ?? { strengthDays: [], deload: false };
    if (d.sessionType !== null) summary.strengthDays.push(d);
    if (d.isDeload) summary.deload = true;
    weeks.set(w, summary);
  }

  // 5. Loaded strength weeks in a row since the last deload.
  let loadedWeeks = 0;
  let runStart: DayNumber = firstWeek;
  let lastDeload: DayNumber | null = null;
  for (let w = firstWeek; w <= lastWeek; w += 7) {
    const summary = weeks.get(w);
    if (!summary || summary.deload || summary.strengthDays.length === 0) {
      if (summary?.deload) lastDeload = w;
      loadedWeeks = 0;
      continue;
    }
    if (loadedWeeks === 0) runStart = w;
    loadedWeeks += 1;
    if (loadedWeeks > 6) {
      const first = summary.strengthDays[0] as RuleDay;
      const since = lastDeload !== null ? `the last deload was the week of ${dayLabel(lastDeload)}` : `strength work since the week of ${dayLabel(runStart)}`;
      breaks.push({
        rule: 5,
        day: first.day,
        message: `Week ${loadedWeeks} of strength work in a row without a deload (${since}). Plan a deload at least every 4-6 weeks.`,
      });
    }
  }

  // 6. A power block needs four weeks of strength work right before it.
  const powerStarts = new Map<number, DayNumber>();
  for (const d of days) {
    if (d.phase === 'power' && d.blockId !== null && !powerStarts.has(d.blockId)) powerStarts.set(d.blockId, d.day);
  }
  for (const start of powerStarts.values()) {
    const startWeek = weekStartOf(start, context.firstDayOfWeek);
    let before = 0;
    for (let w = startWeek - 7; w >= firstWeek; w -= 7) {
      if ((weeks.get(w)?.strengthDays.length ?? 0) === 0) break;
      before += 1;
      if (before >= 4) break;
    }
    if (before < 4) {
      breaks.push({
        rule: 6,
        day: start,
        message: `Power/plyometric block from ${dayLabel(start)} after ${before === 0 ? 'no' : `only ${before}`} week${before === 1 ? '' : 's'} of strength work. Add plyometrics after 4-6 weeks of consistent strength training.`,
      });
    }
  }

  return breaks.sort((a, b) => a.day - b.day || a.rule - b.rule);
}

/** Rule bits per day: bit (n − 1) set when rule n is broken that day. */
export function ruleBitsByDay(breaks: readonly RuleBreak[]): Map<DayNumber, number> {
  const bits = new Map<DayNumber, number>();
  for (const b of breaks) bits.set(b.day, (bits.get(b.day) ?? 0) | (1 << (b.rule - 1)));
  return bits;
}

function ordinal(n: number): string {
  const suffix = n % 10 === 1 && n % 100 !== 11 ? 'st' : n % 10 === 2 && n % 100 !== 12 ? 'nd' : n % 10 === 3 && n % 100 !== 13 ? 'rd' : 'th';
  return `${n}${suffix}`;
}

/**
 * Load monitoring's part of the generated squads (issue 7), from its own seeded stream (adding it
 * reshuffles nothing of the roster, the plan, the re-tests or the logs):
 *
 * - **Summer base** (24-athlete sample only): six weeks of runs and daily wellness checks before
 *   the plan starts, so the acute:chronic ratio and the wellness baselines are not "warming up"
 *   on first open. Runs only: nobody lifted over the summer.
 * - **Featured athletes**, one per role, whose recent logs raise each kind of warning (the
 *   re-test declines come from the generated re-tests themselves):
 *   - `deload-overdue`: their summer base is in the plan as their own days (no deload since), the
 *     last week's load about a quarter up, and soreness and sleep 2/5 for the last three days (the
 *     issue's example: weeks since deload, a load jump and low wellness together: act);
 *   - `load-spike`: three weeks at half load (exams), then a week a fifth above the plan (the
 *     acute:chronic ratio and the weekly jump);
 *   - `monotony`: the last eight days all similar and none off (monotony);
 *   - `wellness`: complete daily checks, then three days well below their usual;
 *   - `hamstring`: tight hamstrings on three of the last seven days.
 */
import type { EventFocus } from '../domain/roster';
import type { LoggedRunType, RunResult, WellnessResult } from '../sheets/results';
import type { SquadSize } from './generator';
import { SeededRandom } from './random';

const STREAM_OFFSET = 0x7a11;

export function loadHistoryStream(seed: number): SeededRandom {
  return new SeededRandom((seed * 131 + STREAM_OFFSET) % 2147483647 || 1);
}

/** Weeks of summer base before the sample's plan. */
export const SUMMER_BASE_WEEKS = 6;

type BaseRun = { type: LoggedRunType; minutes: number; rpe: number } | null;

/** A summer base week per event focus, Sunday first: lighter than the season's weeks. */
const BASE_WEEK: Readonly<Record<EventFocus, readonly BaseRun[]>> = {
  distance: [null, { type: 'easy', minutes: 40, rpe: 3 }, { type: 'tempo', minutes: 35, rpe: 6 }, { type: 'easy', minutes: 35, rpe: 3 }, { type: 'easy', minutes: 40, rpe: 3 }, null, { type: 'long', minutes: 60, rpe: 4 }],
  middle_distance: [null, { type: 'easy', minutes: 35, rpe: 3 }, { type: 'intervals', minutes: 35, rpe: 7 }, { type: 'easy', minutes: 30, rpe: 3 }, { type: 'tempo', minutes: 30, rpe: 6 }, null, { type: 'long', minutes: 50, rpe: 4 }],
  sprints: [null, { type: 'sprint', minutes: 30, rpe: 6 }, { type: 'easy', minutes: 20, rpe: 3 }, { type: 'cross_training', minutes: 30, rpe: 4 }, { type: 'sprint', minutes: 30, rpe: 6 }, null, { type: 'easy', minutes: 25, rpe: 3 }],
  hurdles_jumps: [null, { type: 'sprint', minutes: 30, rpe: 6 }, { type: 'easy', minutes: 20, rpe: 3 }, { type: 'cross_training', minutes: 30, rpe: 4 }, { type: 'sprint', minutes: 30, rpe: 6 }, null, { type: 'easy', minutes: 25, rpe: 3 }],
  throws: [null, { type: 'easy', minutes: 20, rpe: 3 }, null, { type: 'cross_training', minutes: 30, rpe: 4 }, { type: 'sprint', minutes: 20, rpe: 5 }, null, { type: 'easy', minutes: 20, rpe: 3 }],
  multi: [null, { type: 'sprint', minutes: 30, rpe: 6 }, { type: 'easy', minutes: 25, rpe: 3 }, { type: 'cross_training', minutes: 30, rpe: 4 }, { type: 'tempo', minutes: 25, rpe: 6 }, null, { type: 'easy', minutes: 30, rpe: 3 }],
};

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

/** The summer base run of a weekday (0 = Sunday), as done: minutes and RPE near the plan, a few missed. */
export function summerRun(random: SeededRandom, focus: EventFocus | null, weekday: number, scale: number): RunResult | null {
  const planned = BASE_WEEK[focus ?? 'distance'][weekday] ?? null;
  if (!planned) return null;
  if (random.chance(0.06)) return { runType: planned.type, status: 'missed', minutes: null, sessionRpe: null, note: '' };
  return {
    runType: planned.type,
    status: 'done',
    minutes: clamp(Math.round(random.normal(planned.minutes * scale, planned.minutes * 0.08)), 5, 600),
    sessionRpe: clamp(Math.round(random.normal(planned.rpe, 0.6)), 1, 10),
    note: '',
  };
}

/** An athlete's usual wellness answers (1-5 each), drawn once. */
export interface UsualWellness {
  fatigue: number;
  sleepQuality: number;
  muscleSoreness: number;
  stress: number;
  mood: number;
}

export function usualWellness(random: SeededRandom): UsualWellness {
  const item = () => random.normal(3.9, 0.3, 3.3, 4.5);
  return { fatigue: item(), sleepQuality: item(), muscleSoreness: item(), stress: item(), mood: item() };
}

/** A complete check near the athlete's usual: each item their usual give or take one, never under 3. */
export function usualCheck(random: SeededRandom, usual: UsualWellness, hamstringTight = false): WellnessResult {
  const item = (mean: number) => clamp(Math.round(random.normal(mean, 0.45)), 3, 5);
  return {
    fatigue: item(usual.fatigue),
    sleepQuality: item(usual.sleepQuality),
    muscleSoreness: item(usual.muscleSoreness),
    stress: item(usual.stress),
    mood: item(usual.mood),
    hamstringTight,
  };
}

/** A bad day: sore and short of sleep (2/5), the rest a notch below usual. */
export function lowCheck(random: SeededRandom, usual: UsualWellness): WellnessResult {
  const item = (mean: number) => clamp(Math.round(mean) - 1, 2, 4);
  return {
    fatigue: item(usual.fatigue),
    sleepQuality: 2,
    muscleSoreness: 2,
    stress: item(usual.stress),
    mood: clamp(Math.round(random.normal(usual.mood - 1, 0.3)), 2, 4),
    hamstringTight: false,
  };
}

export const WARNING_ROLES = ['deload-overdue', 'load-spike', 'monotony', 'wellness', 'hamstring'] as const;
export type WarningRole = (typeof WARNING_ROLES)[number];

/**
 * Which athletes play which role: athletes not flagged injured, taken at fixed steps through the
 * roster (index 1, 3, 5, ... of the uninjured in the sample; every 37th in the large squad), so
 * the same seed gives the same athletes and the groups are mixed.
 */
export function featuredAthletes(athletes: readonly { injured: boolean }[], size: SquadSize): Map<number, WarningRole> {
  const uninjured = athletes.map((a, i) => ({ a, i })).filter(({ a }) => !a.injured);
  const step = size === 'sample' ? 2 : 37;
  const roles = new Map<number, WarningRole>();
  WARNING_ROLES.forEach((role, r) => {
    const pick = uninjured[1 + r * step];
    if (pick) roles.set(pick.i, role);
  });
  return roles;
}

/**
 * Deload warnings (issue 7): computed on read from the plan, the logs and the re-tests, so they
 * follow every result saved. The coach dismisses a warning with a note or schedules a deload
 * week; both are kept in the history and can be undone.
 */
import { z } from 'zod';
import type { IsoDate } from '../dates';
import { ACWR_METHODS } from '../load/series';
import { WARNING_THRESHOLD_RANGES, type WarningThresholds } from '../load/thresholds';
import type { AthleteWarning, WarningAction } from '../load/warnings';
import { emptyInput, idSchema, isoDateSchema } from './common';
import { method, SQUAD_AREAS } from './define';
import type { LoadCaveat } from './load';

/** How far ahead a deload week can be scheduled. */
export const MAX_DELOAD_LEAD_DAYS = 120;

const noteSchema = z.string({ error: 'Expected text' }).trim().max(500, 'Keep the note to 500 characters');

export const warningsListSchema = z
  .object({
    /** 'all', 'none' (athletes with no group) or a group's record number. */
    group: z.union([z.literal('all'), z.literal('none'), idSchema], { error: 'Choose the whole squad, no group or a group' }).default('all'),
    level: z.enum(['all', 'watch', 'act'], { error: 'Choose all levels, watch or act' }).default('all'),
    /** 'active' hides dismissed warnings and those answered by a deload in the next 7 days. */
    status: z.enum(['active', 'all'], { error: 'Choose active or all warnings' }).default('active'),
  })
  .strict();

/** A number setting within its range, with the range in the message. */
function ranged(key: keyof typeof WARNING_THRESHOLD_RANGES, label: string, whole: boolean) {
  const { min, max } = WARNING_THRESHOLD_RANGES[key];
  const message = `${label} must be ${whole ? 'a whole number ' : ''}from ${min} to ${max}`;
  const base = z.number({ error: `${label}: enter a number` });
  return (whole ? base.int(message) : base).min(min, message).max(max, message);
}

export const warningThresholdsSchema = z
  .object({
    weeksSinceDeload: ranged('weeksSinceDeload', 'Weeks since the last deload', true),
    weeklyJumpPercent: ranged('weeklyJumpPercent', 'The weekly load jump (%)', false),
    acwrHigh: ranged('acwrHigh', 'The acute:chronic ratio', false),
    acwrMethod: z.enum(ACWR_METHODS, { error: 'Choose the ratio method: EWMA, rolling uncoupled or rolling coupled' }),
    monotonyHigh: ranged('monotonyHigh', 'Monotony', false),
    monotonySd: z.enum(['sample', 'population'], { error: 'Choose the sample or the population standard deviation' }),
    wellnessZ: ranged('wellnessZ', 'The wellness z-score', false),
    wellnessItem: ranged('wellnessItem', 'The wellness item score', true),
    wellnessDays: ranged('wellnessDays', 'Flagged wellness days in a row', true),
    hamstringTimes: ranged('hamstringTimes', 'Hamstring reports', true),
    hamstringWindowDays: ranged('hamstringWindowDays', 'The hamstring window (days)', true),
    retestWindowDays: ranged('retestWindowDays', 'The re-test window (days)', true),
  })
  .strict()
  .refine((t) => !(t.hamstringTimes > t.hamstringWindowDays), {
    path: ['hamstringTimes'],
    message: 'There cannot be more hamstring reports than days in the window',
  });

export interface WarningsList {
  today: IsoDate;
  warnings: AthleteWarning[];
  /** Over the whole squad, before the filters: how many warnings of each kind. */
  counts: { act: number; watch: number; dismissed: number; deloadPlanned: number };
  /** Shown with every warning (REFERENCE.md §6.3). */
  note: string;
  /** Shown wherever a ratio is shown (REFERENCE.md §4.4). */
  acwrCaveats: LoadCaveat[];
}

export interface AthleteWarnings {
  athleteId: number;
  today: IsoDate;
  /** The athlete's warning today (any status), or null when no rule fires. */
  warning: AthleteWarning | null;
  /** Their latest 20 dismissals and scheduled deloads, newest first. */
  history: WarningAction[];
  note: string;
  acwrCaveats: LoadCaveat[];
}

export interface ScheduledDeload {
  action: WarningAction;
  /** Athlete-days marked as deload (7). */
  changed: number;
}

export interface UndoneWarningAction {
  action: WarningAction;
  /** Plan days put back (a scheduled deload's seven days; 0 for a dismissal). */
  changed: number;
}

export interface WarningThresholdSettings {
  thresholds: WarningThresholds;
  defaults: WarningThresholds;
}

export const warningMethods = {
  'warnings.list': method(warningsListSchema, "Every active athlete's deload warning today, by level (act first), filtered by group, level and status").reads(...SQUAD_AREAS).returns<WarningsList>(),
  'warnings.forAthlete': method(z.object({ athleteId: idSchema }).strict(), "One athlete's warning today and what was done about their warnings").reads(...SQUAD_AREAS).returns<AthleteWarnings>(),
  'warnings.dismiss': method(
    z.object({ athleteId: idSchema, note: noteSchema.default('') }).strict(),
    "Dismiss an athlete's warning with a note (kept in the history; it comes back when a new signal appears, the level rises, or after 14 days)",
  ).affects('warnings').returns<WarningAction>(),
  'warnings.scheduleDeload': method(
    z.object({ athleteId: idSchema, from: isoDateSchema, note: noteSchema.default('') }).strict(),
    "Mark seven days from a date as a deload for an athlete with a warning (the block's deload rule: sets -50%, load -10%, RIR +2 by default)",
  ).affects('warnings', 'plan').returns<ScheduledDeload>(),
  'warnings.restore': method(
    z.object({ actionId: idSchema }).strict(),
    'Undo a dismissal or a scheduled deload (the plan days go back exactly as they were)',
  ).affects('warnings', 'plan').returns<UndoneWarningAction>(),
  'warnings.history': method(
    z
      .object({
        athleteId: idSchema.nullable().default(null),
        limit: z.number({ error: 'Enter a number' }).int('Enter a whole number').min(1, 'At least 1').max(1000, 'At most 1000').default(200),
      })
      .strict(),
    'Dismissed warnings and scheduled deloads, newest first (the squad or one athlete)',
  ).reads('warnings', 'roster').returns<WarningAction[]>(),
  'warnings.thresholds': method(emptyInput, 'The warning thresholds in force and their defaults').reads('warnings').returns<WarningThresholdSettings>(),
  'warnings.updateThresholds': method(warningThresholdsSchema, 'Save the warning thresholds').affects('warnings').returns<WarningThresholdSettings>(),
};

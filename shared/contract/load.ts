/**
 * Training load (issue 7): one athlete's day-by-day load series for the athlete chart, and a
 * weeks x athletes matrix for the squad heat map. Computed on read from the plan and the logs.
 */
import { z } from 'zod';
import { daysBetween, isIsoDate, type IsoDate } from '../dates';
import { ACWR_METHODS, type AcwrMethod, type LoadSeries } from '../load/series';
import type { WarningThresholds } from '../load/thresholds';
import type { AcwrBands } from '../science';
import { idSchema, isoDateSchema } from './common';
import { method } from './define';

/** At most this many days in one athlete's series (two seasons). */
export const MAX_SERIES_DAYS = 740;
/** At most this many weeks in the squad matrix (a season and a week). */
export const MAX_MATRIX_WEEKS = 53;

const acwrMethodSchema = z.enum(ACWR_METHODS, { error: 'Choose the ratio method: ewma, rolling-uncoupled or rolling-coupled' });

function checkRange(maxDays: number, what: string) {
  return (r: { from: string; to: string }, ctx: z.RefinementCtx) => {
    if (!isIsoDate(r.from) || !isIsoDate(r.to)) return;
    const days = daysBetween(r.from, r.to) + 1;
    if (days < 1) ctx.addIssue({ code: 'custom', path: ['to'], message: 'The last day must not be before the first' });
    else if (days > maxDays) ctx.addIssue({ code: 'custom', path: ['to'], message: `At most ${what} at once` });
  };
}

export const athleteLoadInputSchema = z
  .object({
    athleteId: idSchema,
    from: isoDateSchema,
    to: isoDateSchema,
    /** null = the method chosen in the warning settings (EWMA by default). */
    acwrMethod: acwrMethodSchema.nullable().default(null),
  })
  .strict()
  .superRefine(checkRange(MAX_SERIES_DAYS, `${MAX_SERIES_DAYS} days`));

export const LOAD_MATRIX_MEASURES = ['weeklyLoad', 'acwr'] as const;
export type LoadMatrixMeasure = (typeof LOAD_MATRIX_MEASURES)[number];

export const squadWeeksInputSchema = z
  .object({
    from: isoDateSchema,
    to: isoDateSchema,
    measure: z.enum(LOAD_MATRIX_MEASURES, { error: 'Choose weekly load or the acute:chronic ratio' }),
    acwrMethod: acwrMethodSchema.nullable().default(null),
  })
  .strict()
  .superRefine(checkRange(MAX_MATRIX_WEEKS * 7, `${MAX_MATRIX_WEEKS} weeks`));

/** A caveat shown beside a number (REFERENCE.md §4.2, §4.4, §6.3). */
export interface LoadCaveat {
  title: string;
  text: string;
}

/** One athlete's load series and what to show with it. */
export interface AthleteLoad {
  athlete: { id: number; name: string; groupId: number | null; groupName: string | null; groupColor: string | null; archived: boolean };
  from: IsoDate;
  to: IsoDate;
  /** The day the series treats as today (later days are planned only). */
  today: IsoDate;
  series: LoadSeries;
  /** The first deload day after today in the plan, or null. */
  nextDeload: IsoDate | null;
  /** The warning thresholds in force (for optional reference lines). */
  thresholds: WarningThresholds;
  /** The commonly quoted ratio bands: optional on a chart and off by default (REFERENCE.md §4.4). */
  acwrBands: AcwrBands;
  /** Shown wherever the ratio is shown: the criticisms of REFERENCE.md §4.4. */
  acwrCaveats: LoadCaveat[];
  /** "Acute and chronic load and the weekly change as separate lines, the ratio secondary..." */
  presentationNote: string;
  monotonyCaveat: string;
  wellnessCaveat: string;
  /** How the numbers are made (missing days, planned load, deload days), one sentence each. */
  conventions: string[];
}

export interface SquadLoadGroup {
  /** null: athletes without a group. */
  id: number | null;
  name: string;
  color: string;
  /** The squad's group order (null group last). */
  order: number;
}

export interface SquadLoadAthlete {
  id: number;
  name: string;
  groupId: number | null;
  /** One value per week of `weeks`: the week's load (AU; so far, for this week) or the ratio on its last day (or today); null when unknown (future, nothing logged, ratio refused). */
  values: (number | null)[];
  /** Per week: the plan has at least one deload day in it. */
  deloadWeeks: boolean[];
}

/** A weeks x athletes matrix for the squad heat map, athletes grouped. */
export interface SquadLoadWeeks {
  measure: LoadMatrixMeasure;
  acwrMethod: AcwrMethod;
  acwrMethodLabel: string;
  /** First day of each week (the squad's first day of the week), oldest first. */
  weeks: IsoDate[];
  /** Per week: all its days are on or before today. */
  weekComplete: boolean[];
  today: IsoDate;
  /** Groups in the squad's order, then "No group"; only groups with athletes in the matrix. */
  groups: SquadLoadGroup[];
  /** Active athletes, by group order then family and given name. */
  athletes: SquadLoadAthlete[];
  /** For measure 'acwr': the criticisms of REFERENCE.md §4.4; empty for weekly load. */
  acwrCaveats: LoadCaveat[];
}

export const loadMethods = {
  'load.athlete': method(
    athleteLoadInputSchema,
    "One athlete's training load day by day: planned and logged session load, acute and chronic load, the acute:chronic ratio (method-labelled), weekly load and change, monotony and strain, deloads and wellness against their own baseline",
  ).reads('plan', 'roster', 'settings', 'logs', 'warnings').returns<AthleteLoad>(),
  'load.squadWeeks': method(squadWeeksInputSchema, "Every active athlete's weekly load or acute:chronic ratio, week by week, grouped (the squad heat map)").reads('plan', 'roster', 'settings', 'logs', 'warnings').returns<SquadLoadWeeks>(),
};

/**
 * An athlete's working max for one exercise (DOMAIN.md "Loads on the sheet"), from, in order:
 * a tested 1RM the coach entered (dated), an estimated 1RM from the athlete's logged sets (Epley,
 * the best set of the last six weeks, REFERENCE.md §5.1), or a starting load the coach entered
 * with its rep target. None of these: no working max, and the sheet asks the coach to choose a
 * starting load; it never invents one.
 */
import { addDays, type IsoDate } from '../dates';
import { E1RM_MAX_REPS, E1RM_WARN_ABOVE_REPS, estimateOneRepMax } from '../science';

/**
 * How far back logged sets count for an estimate: six weeks, one block and its deload week plus
 * a spare week (a missed week does not drop the athlete back to a starting load), while a set
 * from the previous phase of the season no longer decides today's loads.
 */
export const ESTIMATE_WINDOW_WEEKS = 6;

/** What the coach entered for one athlete and exercise (loads in kg). */
export interface CoachMax {
  testedKg: number | null;
  testedOn: IsoDate | null;
  startingKg: number | null;
  /** The rep target the starting load is for. */
  startingReps: number | null;
}

/** One logged set that can estimate a 1RM: a load lifted for reps. */
export interface LoggedSet {
  date: IsoDate;
  loadKg: number;
  reps: number;
  /** The reps its prescription meant it to stop short of failure; null when unknown (taken as none). */
  repsInReserve: number | null;
}

/**
 * Epley's 1RM for a set (REFERENCE.md §5.1). Epley's n is reps to failure, so a set stopped short
 * of it counts its reps in reserve too: 70 kg x 6 asked at 70% of max (Epley puts 12.86 reps at
 * 70%, so 6.86 in reserve) gives back the 100 kg max it was asked from, where the reps alone would
 * give 84 kg and lower every next week's loads. One rep to failure is the load itself.
 */
export function setEstimate(set: Pick<LoggedSet, 'loadKg' | 'reps' | 'repsInReserve'>): number {
  const reserve = set.repsInReserve ?? 0;
  if (reserve <= 0) return estimateOneRepMax(set.loadKg, set.reps).e1rm;
  return set.loadKg * (1 + (set.reps + reserve) / 30);
}

/**
 * The reps in reserve a percent of max means for `reps` reps: Epley's reps to failure at that
 * percent, 30 x (1 / fraction - 1), less the reps asked (none when the percent is that heavy).
 */
export function reserveAtPercent(percentOfMax: number, reps: number): number {
  if (!(percentOfMax > 0)) return 0;
  return Math.max(0, 30 * (100 / percentOfMax - 1) - reps);
}

export type WorkingMaxSource =
  | { kind: 'tested'; kg: number; date: IsoDate }
  | {
      kind: 'estimated';
      /** The estimated 1RM (Epley; one rep = the load itself). */
      kg: number;
      /** The set it comes from. */
      fromKg: number;
      reps: number;
      date: IsoDate;
      /** The set had more than 10 reps: a rough estimate (REFERENCE.md §5.1). */
      highReps: boolean;
    }
  /** Not a 1RM: the load to lift for `reps`, used as it is until logged sets give an estimate. */
  | { kind: 'starting'; kg: number; reps: number };

/** The first day whose sets count for an estimate on `asOf` (the window ends the day before). */
export function estimateWindowStart(asOf: IsoDate, weeks = ESTIMATE_WINDOW_WEEKS): IsoDate {
  return addDays(asOf, -weeks * 7);
}

/**
 * The best estimated 1RM from sets logged in the `weeks` before `asOf` (not on it: a day's own
 * results never change that day's sheet). Sets of 10 reps or fewer are preferred, since estimates
 * get worse above that; only when there are none does a higher-rep set count, marked as rough.
 * Ties go to the most recent set.
 */
export function bestRecentEstimate(sets: readonly LoggedSet[], asOf: IsoDate, weeks = ESTIMATE_WINDOW_WEEKS): Extract<WorkingMaxSource, { kind: 'estimated' }> | null {
  const from = estimateWindowStart(asOf, weeks);
  let best: Extract<WorkingMaxSource, { kind: 'estimated' }> | null = null;
  for (const s of sets) {
    if (s.date < from || s.date >= asOf) continue;
    if (!(s.loadKg > 0) || !Number.isInteger(s.reps) || s.reps < 1 || s.reps > E1RM_MAX_REPS) continue;
    const candidate = { kind: 'estimated' as const, kg: setEstimate(s), fromKg: s.loadKg, reps: s.reps, date: s.date, highReps: s.reps > E1RM_WARN_ABOVE_REPS };
    if (best === null || better(candidate, best)) best = candidate;
  }
  return best;
}

function better(a: { kg: number; date: IsoDate; highReps: boolean }, b: { kg: number; date: IsoDate; highReps: boolean }): boolean {
  if (a.highReps !== b.highReps) return !a.highReps;
  if (a.kg !== b.kg) return a.kg > b.kg;
  return a.date > b.date;
}

/**
 * The working max on `asOf`: a tested max dated on or before that day, else the estimate from
 * logged sets, else the starting load, else null ("choose a starting load").
 */
export function workingMax(coach: CoachMax | null, estimate: Extract<WorkingMaxSource, { kind: 'estimated' }> | null, asOf: IsoDate): WorkingMaxSource | null {
  if (coach && coach.testedKg !== null && coach.testedOn !== null && coach.testedOn <= asOf) {
    return { kind: 'tested', kg: coach.testedKg, date: coach.testedOn };
  }
  if (estimate) return estimate;
  if (coach && coach.startingKg !== null && coach.startingReps !== null) return { kind: 'starting', kg: coach.startingKg, reps: coach.startingReps };
  return null;
}

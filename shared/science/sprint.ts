/**
 * Sprint timing: splits, mean split velocities, flying sprints and the crude constant-acceleration
 * estimate (REFERENCE.md §3). Distances in metres, times in seconds, velocities in m/s.
 *
 * Not implemented: the mono-exponential fit of §3.2 (MSS, τ, MAC, Pmax). It needs ≥ 3 splits and
 * a non-linear least-squares solver with the Lambert W function; the app shows splits and flying
 * velocity instead (REFERENCE.md §8 lists the fit as optional).
 */
import { requirePositive } from './guards';

/** Shown with every sprint result (REFERENCE.md §3.1, Haugen & Buchheit 2016). */
export const SPRINT_TIMING_CAVEAT =
  'The start (set-back behind the first gate, rocking or still start) and the trigger can change times by ' +
  'more than years of training; store the start type, gate type, surface and wind with every sprint. Hand ' +
  'timing and single-beam gates are not acceptable for 10–20 m splits.';

/** Shown beside the constant-acceleration estimate (REFERENCE.md §3.2). */
export const CONSTANT_ACCELERATION_CAVEAT =
  'a = 2d/t² assumes constant acceleration from a standing start: it understates early acceleration and overstates it later.';

/** The time at which the athlete passed a gate, measured from the start. */
export interface GateTime {
  /** Distance of the gate from the start line, m. */
  readonly distanceM: number;
  /** Time from the start, s. */
  readonly timeS: number;
}

/** One segment between consecutive gates. */
export interface SprintSplit {
  readonly fromM: number;
  readonly toM: number;
  /** t(b) − t(a), s. */
  readonly splitS: number;
  /** (b − a)/(t(b) − t(a)), m/s. */
  readonly meanVelocityMS: number;
}

/** Mean velocity in m/s over a distance in m covered in a time in s (REFERENCE.md §3.1). */
export function meanVelocity(distanceM: number, timeS: number): number {
  requirePositive(distanceM, 'Distance');
  requirePositive(timeS, 'Time');
  return distanceM / timeS;
}

/**
 * Split times and mean split velocities from gate times measured from the start, which is taken as
 * 0 m at 0 s (REFERENCE.md §3.1). Gates must be in order of distance with increasing times.
 */
export function sprintSplits(gates: readonly GateTime[]): SprintSplit[] {
  if (gates.length === 0) throw new RangeError('Sprint splits: at least one gate time is needed (got none).');
  let previous: GateTime = { distanceM: 0, timeS: 0 };
  return gates.map((gate, i) => {
    requirePositive(gate.distanceM, `Gate ${i + 1} distance`);
    requirePositive(gate.timeS, `Gate ${i + 1} time`);
    if (gate.distanceM <= previous.distanceM) {
      throw new RangeError(`Sprint splits: gate ${i + 1} (${gate.distanceM} m) must be further than the gate before it (${previous.distanceM} m).`);
    }
    if (gate.timeS <= previous.timeS) {
      throw new RangeError(`Sprint splits: the time at gate ${i + 1} (${gate.timeS} s) must be later than at the gate before it (${previous.timeS} s).`);
    }
    const splitS = gate.timeS - previous.timeS;
    const split = { fromM: previous.distanceM, toM: gate.distanceM, splitS, meanVelocityMS: (gate.distanceM - previous.distanceM) / splitS };
    previous = gate;
    return split;
  });
}

/** The split with the highest mean velocity: the max-velocity estimate from a run of splits (REFERENCE.md §3.1). */
export function fastestSplit(splits: readonly SprintSplit[]): SprintSplit {
  const [first, ...rest] = splits;
  if (first === undefined) throw new RangeError('Fastest split: at least one split is needed (got none).');
  return rest.reduce((best, s) => (s.meanVelocityMS > best.meanVelocityMS ? s : best), first);
}

/** A flying sprint: time and mean velocity between an entry and an exit gate after a run-in (REFERENCE.md §3.1). */
export interface FlyingSprint {
  readonly timeS: number;
  readonly velocityMS: number;
}

/** Flying-sprint time and velocity, e.g. flying 30 m = 30/(t60 − t30) (REFERENCE.md §3.1). */
export function flyingSprint(segmentM: number, entryGateS: number, exitGateS: number): FlyingSprint {
  requirePositive(segmentM, 'Flying segment length');
  requirePositive(entryGateS, 'Entry gate time');
  requirePositive(exitGateS, 'Exit gate time');
  if (exitGateS <= entryGateS) {
    throw new RangeError(`Flying sprint: the exit gate time (${exitGateS} s) must be later than the entry gate time (${entryGateS} s).`);
  }
  const timeS = exitGateS - entryGateS;
  return { timeS, velocityMS: segmentM / timeS };
}

/** Crude constant-acceleration estimate from a standing start, a = 2d/t², in m/s² (REFERENCE.md §3.2). */
export function constantAccelerationEstimate(distanceM: number, timeS: number): number {
  requirePositive(distanceM, 'Distance');
  requirePositive(timeS, 'Time');
  return (2 * distanceM) / (timeS * timeS);
}

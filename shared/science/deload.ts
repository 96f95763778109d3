/**
 * Planned deload week for strength work: fewer sets, a little less load, more reps in reserve
 * (REFERENCE.md §6.1–§6.2). Loads in kg (or the unit of the equipment steps given).
 */
import { requireFraction, requireIntegerInRange, requireNonNegative } from './guards';
import type { EquipmentSteps } from './strength';
import { roundLoad } from './strength';

/** Deload settings, every one editable by the coach (REFERENCE.md §6.2). */
export interface DeloadSettings {
  /** Share of sets removed, 0.5 by default (REFERENCE.md: −40 to −50%). */
  readonly setReduction: number;
  /** Share of load removed, 0.1 by default (REFERENCE.md: unchanged to −10%). */
  readonly loadReduction: number;
  /** Reps in reserve added, 2 by default (e.g. RIR 2 → 4). */
  readonly rirIncrease: number;
}

/** The app defaults: sets −50%, load −10%, RIR +2 (REFERENCE.md §6.2, §8). */
export const DELOAD_DEFAULTS: DeloadSettings = { setReduction: 0.5, loadReduction: 0.1, rirIncrease: 2 };

/** Shown with deload settings (REFERENCE.md §6.1). */
export const DELOAD_EVIDENCE_NOTE =
  'These defaults come from strength and physique athletes (Bell 2022, 2023; Rogerson 2024) and from endurance ' +
  'tapers (Bosquet 2007): reasonable starting points for runners\u2019 strength blocks, not tested prescriptions. ' +
  'Exercises and frequency stay the same; plyometric volume is not increased.';

/** One exercise's normal prescription. */
export interface StrengthPrescription {
  /** Sets (per session or per week, as long as before and after use the same). */
  readonly sets: number;
  readonly reps: number;
  /** Load per rep, kg; 0 for body-weight work. */
  readonly loadKg: number;
  /** Reps in reserve. */
  readonly rir: number;
}

/** The deload version of a prescription. */
export interface DeloadPrescription extends StrengthPrescription {
  /** load × (1 − loadReduction) before rounding. */
  readonly unroundedLoadKg: number;
  /** True when rounding raised the load to the equipment's minimum (e.g. the empty bar). */
  readonly raisedToMinimum: boolean;
}

/**
 * Deload prescription (REFERENCE.md §6.2): sets × (1 − setReduction) rounded to the nearest whole set
 * (halves up, at least 1), the same reps, load × (1 − loadReduction) rounded to `equipment` when given
 * (body-weight work, load 0, stays 0), RIR + rirIncrease.
 */
export function deloadPrescription(
  normal: StrengthPrescription,
  options: Partial<DeloadSettings> & { readonly equipment?: EquipmentSteps } = {},
): DeloadPrescription {
  requireIntegerInRange(normal.sets, 1, 100, 'Sets');
  requireIntegerInRange(normal.reps, 1, 1000, 'Reps');
  requireNonNegative(normal.loadKg, 'Load');
  requireNonNegative(normal.rir, 'Reps in reserve');
  const setReduction = requireFraction(options.setReduction ?? DELOAD_DEFAULTS.setReduction, 'Set reduction');
  const loadReduction = requireFraction(options.loadReduction ?? DELOAD_DEFAULTS.loadReduction, 'Load reduction');
  const rirIncrease = requireNonNegative(options.rirIncrease ?? DELOAD_DEFAULTS.rirIncrease, 'RIR increase');

  const unroundedLoadKg = normal.loadKg * (1 - loadReduction);
  const rounded =
    options.equipment === undefined || normal.loadKg === 0
      ? { load: unroundedLoadKg, raisedToMinimum: false }
      : roundLoad(unroundedLoadKg, options.equipment);
  return {
    sets: Math.max(1, Math.floor(normal.sets * (1 - setReduction) + 0.5)),
    reps: normal.reps,
    loadKg: rounded.load,
    rir: normal.rir + rirIncrease,
    unroundedLoadKg,
    raisedToMinimum: rounded.raisedToMinimum,
  };
}

/** Volume load = sets × reps × load, in kg (REFERENCE.md §6.2). */
export function volumeLoad(sets: number, reps: number, loadKg: number): number {
  return requireNonNegative(sets, 'Sets') * requireNonNegative(reps, 'Reps') * requireNonNegative(loadKg, 'Load');
}

/** Volume load before and after a deload. */
export interface VolumeLoadComparison {
  readonly before: number;
  readonly after: number;
  /** 100 × (after − before)/before; null when before is 0. */
  readonly changePercent: number | null;
}

/** Volume load of the normal and the deload prescription and the change in percent (REFERENCE.md §6.2). */
export function volumeLoadComparison(normal: StrengthPrescription, deload: StrengthPrescription): VolumeLoadComparison {
  const before = volumeLoad(normal.sets, normal.reps, normal.loadKg);
  const after = volumeLoad(deload.sets, deload.reps, deload.loadKg);
  return { before, after, changePercent: before === 0 ? null : (100 * (after - before)) / before };
}

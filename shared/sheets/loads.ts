/**
 * The load on a session sheet (DOMAIN.md "Loads on the sheet"): the athlete's working max x the
 * week's percentage (weekly progression from the unrounded plan, deload applied: that is
 * `prescriptionForWeek`), or the RTS-style chart's share of the working max for a reps-in-reserve
 * prescription (REFERENCE.md §5.3), then rounded to what the gym can load in the squad's unit
 * (REFERENCE.md §5.6: barbell in plate-pair steps and never under the bar, dumbbells and
 * kettlebells in their steps). Fixed loads are shown as given; bodyweight, timed and plyometric
 * work shows its dose, not a load. Nothing here invents a number: with no working max the sheet
 * says "choose a starting load".
 */
import { formatDateShort } from '../dates';
import type { Equipment, LoadKind } from '../plan/model';
import { DOSE_UNIT_LABELS } from '../plan/model';
import type { WeekPrescription } from '../plan/progression';
import { oneRmFractionFromRpe, roundLoad, type EquipmentSteps } from '../science';
import { formatMass, kgToUnit, roundForDisplay, unitToKg, type MassUnit } from '../units';
import type { WorkingMaxSource } from './workingMax';

/** What the gym can load, in the squad's unit (the Settings screen). */
export interface GymEquipment {
  unit: MassUnit;
  /** The smallest plate pair. */
  plateIncrement: number;
  /** The empty bar: no barbell load goes under it. */
  barWeight: number;
  /** Dumbbell and kettlebell steps (the lightest one is one step). */
  dumbbellStep: number;
}

/** Whether the equipment carries a load of its own (not the body, a band or a box). */
export function carriesLoad(equipment: Equipment): boolean {
  return equipment !== 'bodyweight' && equipment !== 'band' && equipment !== 'box';
}

/**
 * The loads a piece of equipment can make, in the squad's unit; null when it carries no load of
 * its own (bodyweight, a band, a box).
 */
export function equipmentSteps(equipment: Equipment, gym: GymEquipment): EquipmentSteps | null {
  if (!carriesLoad(equipment)) return null;
  switch (equipment) {
    case 'barbell':
      return { increment: gym.plateIncrement, minimum: gym.barWeight };
    case 'dumbbell':
    case 'kettlebell':
      return { increment: gym.dumbbellStep, minimum: gym.dumbbellStep };
    default:
      // A machine's stack, plates on a sled: the plate steps, from one step up.
      return { increment: gym.plateIncrement, minimum: gym.plateIncrement };
  }
}

export type SheetLoad =
  | {
      kind: 'load';
      /** Rounded, in the squad's unit. */
      value: number;
      unit: MassUnit;
      /** The same rounded load in kg (what a logged set stores). */
      kg: number;
      /** How it was worked out: "70% of 90 kg", "RIR 2: 81.1% of 150 kg", "starting load". */
      how: string;
      /** Where the working max came from: "tested 1RM, 14 Sep", "est. from 60 kg x 5, 2 Oct", "fixed load". */
      source: string;
      /** Something to know: the empty bar, a rough estimate. */
      note: string | null;
    }
  /** No working max: the coach chooses a starting load for this rep target. */
  | { kind: 'choose'; text: string }
  /** An effort to aim for with no load the app can compute (a band, a carry by feel). */
  | { kind: 'effort'; text: string }
  /** Bodyweight, timed, distance or plyometric work: the dose says it all. */
  | { kind: 'none' };

export interface SheetLoadInput {
  prescription: WeekPrescription;
  exercise: { loadKind: LoadKind; equipment: Equipment };
  max: WorkingMaxSource | null;
  gym: GymEquipment;
  /** In a deload week, the share of load the block removes (a starting load is cut by it); else 0. */
  deloadLoadReduction: number;
}

/** "RIR 2 (RPE 8)": RPE = 10 − RIR (REFERENCE.md §5.3). */
export function effortText(rir: number): string {
  const r = roundForDisplay(rir, 1);
  return r <= 10 ? `RIR ${r} (RPE ${roundForDisplay(10 - r, 1)})` : `RIR ${r}`;
}

/** "6 reps", "30 s", "30 m", "20 contacts" (+ " each side"). */
export function doseText(p: Pick<WeekPrescription, 'dose' | 'doseUnit' | 'perSide'>): string {
  const unit = p.doseUnit === 'reps' ? (p.dose === 1 ? ' rep' : ' reps') : ` ${DOSE_UNIT_LABELS[p.doseUnit]}`;
  return `${p.dose}${unit}${p.perSide ? ' each side' : ''}`;
}

/** "3 x 8 each side", "3 x 40 s", "3 x 20 contacts". */
export function volumeText(p: Pick<WeekPrescription, 'sets' | 'dose' | 'doseUnit' | 'perSide'>): string {
  const unit = p.doseUnit === 'reps' ? '' : ` ${DOSE_UNIT_LABELS[p.doseUnit]}`;
  return `${p.sets} x ${p.dose}${unit}${p.perSide ? ' each side' : ''}`;
}

/** Where a working max came from, in the sheet's small print. */
export function sourceText(max: WorkingMaxSource, unit: MassUnit): string {
  switch (max.kind) {
    case 'tested':
      return `tested 1RM, ${formatDateShort(max.date)}`;
    case 'estimated':
      return `est. from ${formatMass(max.fromKg, unit)} x ${max.reps}, ${formatDateShort(max.date)}`;
    case 'starting':
      return `starting load for ${max.reps} reps`;
  }
}

function rounded(valueInUnit: number, steps: EquipmentSteps, unit: MassUnit): { value: number; kg: number; raised: boolean } {
  const r = roundLoad(Math.max(0, valueInUnit), steps);
  const value = roundForDisplay(r.load, 3);
  return { value, kg: unitToKg(value, unit), raised: r.raisedToMinimum };
}

function raisedNote(equipment: Equipment, raised: boolean): string | null {
  if (!raised) return null;
  return equipment === 'barbell' ? 'the empty bar' : 'the lightest weight';
}

/** The load line of one exercise on one athlete's sheet. */
export function sheetLoad(input: SheetLoadInput): SheetLoad {
  const { prescription: p, exercise, max, gym } = input;
  const unit = gym.unit;
  const steps = equipmentSteps(exercise.equipment, gym);

  if (p.loadRule === 'bodyweight') return { kind: 'none' };

  if (p.loadRule === 'fixed_kg') {
    const kg = p.fixedKg ?? 0;
    const r = rounded(kgToUnit(kg, unit), steps ?? { increment: gym.plateIncrement, minimum: 0 }, unit);
    return { kind: 'load', value: r.value, unit, kg: r.kg, how: p.deloaded ? 'fixed load, deload' : 'fixed load', source: 'fixed load', note: raisedNote(exercise.equipment, r.raised) };
  }

  const effort = p.loadRule === 'rir' ? effortText(p.rir ?? 0) : `${roundForDisplay(p.percentOfMax ?? 0, 1)}% of max`;
  // A band, a box or the body itself: aim for the effort; there is no load to compute.
  if (steps === null) return { kind: 'effort', text: effort };
  if (max === null) {
    const target = p.loadRule === 'rir' ? ` at ${effort}` : '';
    return { kind: 'choose', text: `Choose a starting load for ${doseText(p)}${target}` };
  }

  if (max.kind === 'starting') {
    // Used as the coach gave it (it is a load to lift, not a 1RM), less the deload's cut.
    const cut = p.deloaded ? input.deloadLoadReduction : 0;
    const r = rounded(kgToUnit(max.kg * (1 - cut), unit), steps, unit);
    const how = cut > 0 ? `starting load − ${roundForDisplay(cut * 100, 1)}% (deload)` : 'starting load';
    return { kind: 'load', value: r.value, unit, kg: r.kg, how, source: sourceText(max, unit), note: raisedNote(exercise.equipment, r.raised) };
  }

  const note = max.kind === 'estimated' && max.highReps ? `rough: from a ${max.reps}-rep set` : null;
  if (p.loadRule === 'percent_max') {
    const percent = p.percentOfMax ?? 0;
    const r = rounded(kgToUnit((max.kg * percent) / 100, unit), steps, unit);
    return {
      kind: 'load',
      value: r.value,
      unit,
      kg: r.kg,
      how: `${roundForDisplay(percent, 1)}% of ${formatMass(max.kg, unit)}`,
      source: sourceText(max, unit),
      note: raisedNote(exercise.equipment, r.raised) ?? note,
    };
  }

  // Reps in reserve: the chart's share of the working max for these reps (REFERENCE.md §5.3).
  const fraction = repsInReserveFraction(p);
  if (fraction === null) return { kind: 'effort', text: effort };
  const r = rounded(kgToUnit(max.kg * fraction, unit), steps, unit);
  return {
    kind: 'load',
    value: r.value,
    unit,
    kg: r.kg,
    how: `${effort}: ${roundForDisplay(fraction * 100, 1)}% of ${formatMass(max.kg, unit)}`,
    source: sourceText(max, unit),
    note: raisedNote(exercise.equipment, r.raised) ?? note,
  };
}

/**
 * The RTS-style chart's fraction of 1RM for a reps-in-reserve prescription, or null when the
 * chart cannot say: a dose that is not reps, RIR that is not in whole or half reps, or reps + RIR
 * beyond the chart (REFERENCE.md §5.3).
 */
export function repsInReserveFraction(p: Pick<WeekPrescription, 'dose' | 'doseUnit' | 'rir'>): number | null {
  const rir = p.rir ?? 0;
  if (p.doseUnit !== 'reps' || !Number.isInteger(p.dose) || p.dose < 1 || p.dose > 30) return null;
  if (rir < 0 || rir > 10 || !Number.isInteger(rir * 2)) return null;
  return oneRmFractionFromRpe(p.dose, 10 - rir);
}

/** The load as the sheet prints it: "62.5 kg", or the words that stand in for it. */
export function loadText(load: SheetLoad): string {
  switch (load.kind) {
    case 'load':
      return `${load.value} ${load.unit}`;
    case 'choose':
    case 'effort':
      return load.text;
    case 'none':
      return '';
  }
}

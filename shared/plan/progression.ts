/**
 * A template's prescription as it stands in one week of a block: the weekly load progression
 * (REFERENCE.md §5.4, planned from the unrounded series) and, in a deload week, the block's
 * deload rule (REFERENCE.md §6.2: fewer sets, less load, more reps in reserve; same exercises).
 * Loads stay unrounded here: the session sheet multiplies by the athlete's working max and
 * rounds to the gym's plates last (DOMAIN.md "Loads on the sheet").
 */
import { deloadPrescription, plannedLoad } from '../science';
import { kgToUnit, roundForDisplay, type MassUnit } from '../units';
import type { DeloadRule, DoseUnit, LoadRule, Prescription } from './model';
import { DOSE_UNIT_LABELS } from './model';

export interface WeekContext {
  /** 1-based week of the block. */
  week: number;
  isDeload: boolean;
  weeklyProgression: number;
  deload: DeloadRule;
}

export interface WeekPrescription {
  sets: number;
  dose: number;
  doseUnit: DoseUnit;
  perSide: boolean;
  loadRule: LoadRule;
  /** percent_max: percent of working max this week, unrounded (70 × 1.025 = 71.75). */
  percentOfMax: number | null;
  /** fixed_kg: the load this week in kg, unrounded. */
  fixedKg: number | null;
  /** rir: reps in reserve this week (+ the deload's increase in a deload week). */
  rir: number | null;
  tempo: string;
  restSeconds: number;
  notes: string;
  deloaded: boolean;
}

/**
 * load(week) = value × (1 + progression)^(week − 1), then × (1 − load reduction) in a deload
 * week (DOMAIN.md). RIR prescriptions are autoregulated: the load is whatever leaves that many
 * reps, so progression does not apply; the deload adds reps in reserve. Sets are cut by the
 * deload's set reduction (halves round up, at least one set).
 */
export function prescriptionForWeek(prescription: Prescription, context: WeekContext): WeekPrescription {
  const { week, isDeload, weeklyProgression, deload } = context;
  const progressed = (value: number) => plannedLoad(value, weeklyProgression, week);
  const rule = prescription.loadRule;
  const value = prescription.loadValue ?? 0;
  const progressedLoad = rule === 'percent_max' || rule === 'fixed_kg' ? progressed(value) : 0;
  let sets = prescription.sets;
  let load = progressedLoad;
  let rir = rule === 'rir' ? value : 0;
  if (isDeload) {
    const cut = deloadPrescription({ sets, reps: Math.max(1, Math.round(prescription.dose)), loadKg: progressedLoad, rir }, deload);
    sets = cut.sets;
    load = cut.unroundedLoadKg;
    rir = cut.rir;
  }
  return {
    sets,
    dose: prescription.dose,
    doseUnit: prescription.doseUnit,
    perSide: prescription.perSide,
    loadRule: rule,
    percentOfMax: rule === 'percent_max' ? load : null,
    fixedKg: rule === 'fixed_kg' ? load : null,
    rir: rule === 'rir' ? rir : null,
    tempo: prescription.tempo,
    restSeconds: prescription.restSeconds,
    notes: prescription.notes,
    deloaded: isDeload,
  };
}

/** "3 x 8 each", "3 x 40 s", "3 x 30 m", "3 x 20 contacts". */
export function formatVolume(p: Pick<WeekPrescription, 'sets' | 'dose' | 'doseUnit' | 'perSide'>): string {
  const unit = p.doseUnit === 'reps' ? '' : p.doseUnit === 'contacts' ? ` ${DOSE_UNIT_LABELS.contacts}` : ` ${DOSE_UNIT_LABELS[p.doseUnit]}`;
  return `${p.sets} x ${p.dose}${unit}${p.perSide ? ' each' : ''}`;
}

/** "@ 71.8% of max", "RIR 2 (RPE 8)", "@ 20 kg", "" (bodyweight), in the squad's unit. RPE = 10 − RIR (REFERENCE.md §5.3). */
export function formatLoad(p: Pick<WeekPrescription, 'loadRule' | 'percentOfMax' | 'fixedKg' | 'rir'>, unit: MassUnit): string {
  switch (p.loadRule) {
    case 'percent_max':
      return `@ ${roundForDisplay(p.percentOfMax ?? 0, 1)}% of max`;
    case 'rir': {
      const rir = roundForDisplay(p.rir ?? 0, 1);
      return rir <= 10 ? `RIR ${rir} (RPE ${roundForDisplay(10 - rir, 1)})` : `RIR ${rir}`;
    }
    case 'fixed_kg':
      return `@ ${roundForDisplay(kgToUnit(p.fixedKg ?? 0, unit), 1)} ${unit}`;
    default:
      return '';
  }
}

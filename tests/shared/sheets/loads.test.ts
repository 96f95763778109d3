/**
 * The load on a session sheet, against DOMAIN.md's and REFERENCE.md's worked examples: weekly
 * progression from the unrounded plan (§5.4), plate rounding (§5.6), the deload (§6.2), RPE/RIR
 * loads (§5.3), kg and lb, the bar and dumbbell steps, and what the sheet says when there is no
 * load to compute.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { DeloadRule, Prescription } from '@shared/plan/model';
import { prescriptionForWeek } from '@shared/plan/progression';
import { equipmentSteps, loadText, sheetLoad, volumeText, type GymEquipment, type SheetLoad } from '@shared/sheets/loads';
import type { WorkingMaxSource } from '@shared/sheets/workingMax';
import { LB_PER_KG } from '@shared/units';
import { loadVector, numbers } from '../science/vectors';

const KG_GYM: GymEquipment = { unit: 'kg', plateIncrement: 2.5, barWeight: 20, dumbbellStep: 2 };
const LB_GYM: GymEquipment = { unit: 'lb', plateIncrement: 5, barWeight: 45, dumbbellStep: 5 };
const DELOAD: DeloadRule = { setReduction: 0.5, loadReduction: 0.1, rirIncrease: 2 };
const BARBELL = { loadKind: 'external', equipment: 'barbell' } as const;
const DUMBBELL = { loadKind: 'external', equipment: 'dumbbell' } as const;

const rx = (fields: Partial<Prescription>): Prescription => ({
  exerciseId: 1,
  sets: 3,
  dose: 5,
  doseUnit: 'reps',
  perSide: false,
  loadRule: 'percent_max',
  loadValue: 100,
  tempo: '2-0-X',
  restSeconds: 150,
  notes: '',
  ...fields,
});

const tested = (kg: number): WorkingMaxSource => ({ kind: 'tested', kg, date: '2026-09-14' });

function loadOf(options: {
  prescription?: Partial<Prescription>;
  week?: number;
  deload?: boolean;
  progression?: number;
  max: WorkingMaxSource | null;
  gym?: GymEquipment;
  exercise?: { loadKind: 'external' | 'bodyweight' | 'time' | 'distance' | 'height' | 'contacts'; equipment: 'barbell' | 'dumbbell' | 'kettlebell' | 'bodyweight' | 'band' | 'sled' | 'box' | 'machine' | 'other' };
}): SheetLoad {
  const p = prescriptionForWeek(rx(options.prescription ?? {}), { week: options.week ?? 1, isDeload: options.deload ?? false, weeklyProgression: options.progression ?? 0.025, deload: DELOAD });
  return sheetLoad({ prescription: p, exercise: options.exercise ?? BARBELL, max: options.max, gym: options.gym ?? KG_GYM, deloadLoadReduction: options.deload ? DELOAD.loadReduction : 0 });
}

function valueOf(load: SheetLoad): number {
  if (load.kind !== 'load') throw new Error(`expected a load, got ${load.kind}`);
  return load.value;
}

describe('load = working max x % x (1 + progression)^(w-1), rounded from the unrounded plan', () => {
  const vector = z.object({ start_kg: z.number(), rate_per_week: z.number(), increment_kg: z.number() });
  const expected = z.object({ round_each_week_from_unrounded_plan: numbers, compound_on_rounded_previous: numbers });

  it('weekly_progression_2.5pct: a 100 kg max at 100% gives 100, 102.5, 105, 107.5, 110 kg', () => {
    const v = loadVector('weekly_progression_2.5pct', vector, expected);
    const loads = v.expected.round_each_week_from_unrounded_plan.map((_, i) => valueOf(loadOf({ week: i + 1, progression: v.inputs.rate_per_week, max: tested(v.inputs.start_kg) })));
    expect(loads).toEqual(v.expected.round_each_week_from_unrounded_plan);
  });

  it('weekly_progression_stall_case: 40 kg still moves (40, 40, 42.5, 42.5, 45), where compounding rounded loads stalls', () => {
    const v = loadVector('weekly_progression_stall_case', vector, expected);
    const loads = v.expected.round_each_week_from_unrounded_plan.map((_, i) => valueOf(loadOf({ week: i + 1, progression: v.inputs.rate_per_week, max: tested(v.inputs.start_kg) })));
    expect(loads).toEqual(v.expected.round_each_week_from_unrounded_plan);
    expect(loads).not.toEqual(v.expected.compound_on_rounded_previous);
  });

  it('DOMAIN.md foundational A: 3 x 6 @ 70% of a 120 kg max, weeks 1-3 and a deload week 4', () => {
    // By hand, to 2.5 kg steps: 120 x 0.70 = 84 -> 85; x 1.025 = 86.1 -> 85; x 1.025^2 = 88.25 -> 87.5;
    // week 4: 120 x 0.70 x 1.025^3 x 0.9 = 81.41 -> 82.5.
    const loads = [1, 2, 3, 4].map((week) => valueOf(loadOf({ prescription: { dose: 6, loadValue: 70 }, week, deload: week === 4, max: tested(120) })));
    expect(loads).toEqual([85, 85, 87.5, 82.5]);
  });
});

describe('rounding to what the gym can load (REFERENCE.md §5.6)', () => {
  const v = loadVector(
    'plate_rounding',
    z.object({ values_kg: numbers, kg_increment: z.number(), values_lb: numbers, lb_increment: z.number() }),
    z.object({ kg_nearest: numbers, lb_nearest: numbers }),
  );

  it('plate_rounding in kg: 87.3 -> 87.5, 88.75 -> 90, 91.2 -> 90', () => {
    const loads = v.inputs.values_kg.map((kg) => valueOf(loadOf({ max: tested(kg) })));
    expect(loads).toEqual(v.expected.kg_nearest);
  });

  it('plate_rounding in lb: 187 -> 185, 192.5 -> 195 (never half to even), 203 -> 205, from a max stored in kg', () => {
    const loads = v.inputs.values_lb.map((lb) => valueOf(loadOf({ max: tested(lb / LB_PER_KG), gym: LB_GYM })));
    expect(loads).toEqual(v.expected.lb_nearest);
  });

  it('converts kg to lb before rounding: 70% of 100 kg = 154.3 lb -> 155 lb, stored back as 70.3 kg', () => {
    // By hand: 70 kg x 2.2046226 = 154.32 lb; 5 lb steps from the 45 lb bar: 155 lb = 70.31 kg.
    const load = loadOf({ prescription: { loadValue: 70 }, max: tested(100), gym: LB_GYM });
    expect(valueOf(load)).toBe(155);
    expect(load.kind === 'load' && load.unit).toBe('lb');
    expect(load.kind === 'load' ? load.kg : 0).toBeCloseTo(155 / LB_PER_KG, 9);
    expect(loadText(load)).toBe('155 lb');
  });

  it('never prescribes a barbell under the bar, and says so', () => {
    // 50% of a 30 kg max = 15 kg, under the 20 kg bar.
    const load = loadOf({ prescription: { loadValue: 50 }, max: tested(30) });
    expect(load).toMatchObject({ kind: 'load', value: 20, note: 'the empty bar' });
    const lb = loadOf({ prescription: { loadValue: 50 }, max: tested(30), gym: LB_GYM });
    expect(lb).toMatchObject({ kind: 'load', value: 45, note: 'the empty bar' });
  });

  it('rounds dumbbells and kettlebells to their own steps', () => {
    // 70% of 30 kg = 21 kg, halfway between the 20 and 22 kg dumbbells: halves go up.
    expect(valueOf(loadOf({ prescription: { loadValue: 70 }, max: tested(30), exercise: DUMBBELL }))).toBe(22);
    // 70% of 23 kg = 16.1 lb... in lb: 23 kg = 50.7 lb, x 0.7 = 35.5 lb -> 35 lb in 5 lb steps.
    expect(valueOf(loadOf({ prescription: { loadValue: 70 }, max: tested(23), exercise: DUMBBELL, gym: LB_GYM }))).toBe(35);
    expect(equipmentSteps('kettlebell', KG_GYM)).toEqual({ increment: 2, minimum: 2 });
    expect(equipmentSteps('band', KG_GYM)).toBeNull();
  });
});

describe('deload and reps in reserve', () => {
  it('deload_week_prescription: 16 sets x 5 @ 100 kg, RIR 2 becomes 8 sets @ 90 kg', () => {
    const v = loadVector(
      'deload_week_prescription',
      z.object({ normal_week: z.object({ sets_per_week: z.number(), reps_per_set: z.number(), load_kg: z.number() }) }),
      z.object({ deload_sets_per_week: z.number(), 'deload_load_kg_nearest_2.5': z.number() }),
    );
    const week = prescriptionForWeek(rx({ sets: v.inputs.normal_week.sets_per_week, dose: v.inputs.normal_week.reps_per_set }), { week: 1, isDeload: true, weeklyProgression: 0.025, deload: DELOAD });
    expect(week.sets).toBe(v.expected.deload_sets_per_week);
    const load = sheetLoad({ prescription: week, exercise: BARBELL, max: tested(v.inputs.normal_week.load_kg), gym: KG_GYM, deloadLoadReduction: 0.1 });
    expect(valueOf(load)).toBe(v.expected['deload_load_kg_nearest_2.5']);
  });

  it('rpe_rir_load_lookup: 5 reps at RPE 8 (RIR 2) from a 150 kg 1RM = 121.65 kg -> 122.5 kg', () => {
    const v = loadVector('rpe_rir_load_lookup', z.object({ one_rm_kg: z.number(), reps: z.number(), rpe: z.number() }), z.object({ rir: z.number(), 'load_nearest_2.5': z.number() }));
    const load = loadOf({ prescription: { loadRule: 'rir', loadValue: v.expected.rir, dose: v.inputs.reps }, max: tested(v.inputs.one_rm_kg) });
    expect(load).toMatchObject({ kind: 'load', value: v.expected['load_nearest_2.5'], how: 'RIR 2 (RPE 8): 81.1% of 150 kg' });
  });

  it('a deload adds reps in reserve: 5 reps at RIR 2 + 2 reads the chart at 9 (76.2%)', () => {
    // 150 x 0.762 = 114.3 -> 115 kg.
    expect(valueOf(loadOf({ prescription: { loadRule: 'rir', loadValue: 2 }, deload: true, max: tested(150) }))).toBe(115);
  });

  it('beyond the chart, or a dose that is not reps, the sheet gives the effort instead of a number', () => {
    // 12 reps + RIR 6 = 18, past the chart's 16.
    expect(loadOf({ prescription: { loadRule: 'rir', loadValue: 6, dose: 12 }, max: tested(100) })).toEqual({ kind: 'effort', text: 'RIR 6 (RPE 4)' });
    expect(loadOf({ prescription: { loadRule: 'rir', loadValue: 3, dose: 30, doseUnit: 'metres' }, max: tested(40), exercise: { loadKind: 'distance', equipment: 'dumbbell' } })).toEqual({ kind: 'effort', text: 'RIR 3 (RPE 7)' });
  });
});

describe('where the working max came from, and no made-up numbers', () => {
  it('says which source each load came from', () => {
    expect(loadOf({ prescription: { loadValue: 70 }, max: tested(100) })).toMatchObject({ how: '70% of 100 kg', source: 'tested 1RM, 14 Sep' });
    // Epley from 60 kg x 5: 60 x (1 + 5/30) = 70 kg; 70% of 70 = 49 -> 50 kg.
    const estimated: WorkingMaxSource = { kind: 'estimated', kg: 70, fromKg: 60, reps: 5, date: '2026-10-02', highReps: false };
    expect(loadOf({ prescription: { loadValue: 70 }, max: estimated })).toMatchObject({ kind: 'load', value: 50, source: 'est. from 60 kg x 5, 2 Oct', note: null });
    const rough: WorkingMaxSource = { ...estimated, reps: 12, highReps: true };
    expect(loadOf({ prescription: { loadValue: 70 }, max: rough })).toMatchObject({ note: 'rough: from a 12-rep set' });
  });

  it('uses a starting load as given (rounded), cut by the deload in a deload week', () => {
    const starting: WorkingMaxSource = { kind: 'starting', kg: 31, reps: 8 };
    // 31 kg -> 30 kg on the bar; deload: 31 x 0.9 = 27.9 -> 27.5 kg.
    expect(loadOf({ prescription: { loadValue: 70, dose: 8 }, max: starting })).toMatchObject({ kind: 'load', value: 30, how: 'starting load', source: 'starting load for 8 reps' });
    expect(loadOf({ prescription: { loadValue: 70, dose: 8 }, deload: true, max: starting })).toMatchObject({ kind: 'load', value: 27.5, how: 'starting load − 10% (deload)' });
  });

  it('with no working max asks the coach to choose a starting load for the rep target', () => {
    expect(loadOf({ prescription: { dose: 6 }, max: null })).toEqual({ kind: 'choose', text: 'Choose a starting load for 6 reps' });
    expect(loadOf({ prescription: { loadRule: 'rir', loadValue: 3, dose: 8, perSide: true }, max: null, exercise: DUMBBELL })).toEqual({
      kind: 'choose',
      text: 'Choose a starting load for 8 reps each side at RIR 3 (RPE 7)',
    });
  });

  it('shows fixed loads as given and no load for bodyweight, timed or plyometric work', () => {
    expect(loadOf({ prescription: { loadRule: 'fixed_kg', loadValue: 20 }, max: null })).toMatchObject({ kind: 'load', value: 20, source: 'fixed load' });
    expect(loadOf({ prescription: { loadRule: 'bodyweight', loadValue: null, dose: 30, doseUnit: 'seconds', perSide: true }, max: tested(100), exercise: { loadKind: 'time', equipment: 'bodyweight' } })).toEqual({ kind: 'none' });
    expect(loadOf({ prescription: { loadRule: 'bodyweight', loadValue: null, dose: 20, doseUnit: 'contacts' }, max: null, exercise: { loadKind: 'contacts', equipment: 'bodyweight' } })).toEqual({ kind: 'none' });
    // A band has no load the app can compute: the effort is the prescription.
    expect(loadOf({ prescription: { loadRule: 'rir', loadValue: 3, dose: 10 }, max: null, exercise: { loadKind: 'external', equipment: 'band' } })).toEqual({ kind: 'effort', text: 'RIR 3 (RPE 7)' });
  });

  it('writes sets x dose the way a coach reads it, per side included', () => {
    expect(volumeText({ sets: 3, dose: 8, doseUnit: 'reps', perSide: true })).toBe('3 x 8 each side');
    expect(volumeText({ sets: 3, dose: 40, doseUnit: 'seconds', perSide: false })).toBe('3 x 40 s');
    expect(volumeText({ sets: 3, dose: 30, doseUnit: 'metres', perSide: false })).toBe('3 x 30 m');
    expect(volumeText({ sets: 3, dose: 20, doseUnit: 'contacts', perSide: false })).toBe('3 x 20 contacts');
  });
});

import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { BARBELL_KG, DELOAD_DEFAULTS, DUMBBELL_KG, deloadPrescription, volumeLoad, volumeLoadComparison } from '@shared/science';
import { expectClose, loadVector } from './vectors';

describe('vector deload_week_prescription', () => {
  const { inputs, expected, tolerance } = loadVector(
    'deload_week_prescription',
    z.object({
      normal_week: z.object({ sets_per_week: z.number(), reps_per_set: z.number(), load_kg: z.number(), rir: z.number() }),
      volume_reduction: z.number(),
      intensity_reduction: z.number(),
      rir_increase: z.number(),
    }),
    z.object({
      deload_sets_per_week: z.number(),
      'deload_load_kg_nearest_2.5': z.number(),
      deload_rir: z.number(),
      volume_load_normal: z.number(),
      volume_load_deload: z.number(),
      volume_load_change_pct: z.number(),
    }),
  );
  const w = inputs.normal_week;
  const normal = { sets: w.sets_per_week, reps: w.reps_per_set, loadKg: w.load_kg, rir: w.rir };

  it('the vector\u2019s settings are the app defaults', () => {
    expect(DELOAD_DEFAULTS).toEqual({ setReduction: inputs.volume_reduction, loadReduction: inputs.intensity_reduction, rirIncrease: inputs.rir_increase });
  });

  it('16 × 5 @ 100 kg, RIR 2 → 8 × 5 @ 90 kg, RIR 4; volume load 8000 → 3600 (−55%)', () => {
    const deload = deloadPrescription(normal, { equipment: BARBELL_KG });
    expect(deload.sets).toBe(expected.deload_sets_per_week);
    expect(deload.reps).toBe(w.reps_per_set);
    expect(deload.loadKg).toBe(expected['deload_load_kg_nearest_2.5']);
    expect(deload.rir).toBe(expected.deload_rir);
    const volume = volumeLoadComparison(normal, deload);
    expectClose(volume.before, expected.volume_load_normal, tolerance, 'before');
    expectClose(volume.after, expected.volume_load_deload, tolerance, 'after');
    expectClose(volume.changePercent, expected.volume_load_change_pct, tolerance, 'change %');
  });
});

describe('deload rules (no vector: worked by hand)', () => {
  const base = { reps: 5, loadKg: 85, rir: 2 };

  it('halves sets to the nearest whole set, halves up, never below one', () => {
    // 3 × 0.5 = 1.5 → 2; 5 × 0.5 = 2.5 → 3; 1 × 0.5 = 0.5 → 1; 4 × 0.5 = 2; with −40%: 5 × 0.6 = 3.
    expect(deloadPrescription({ ...base, sets: 3 }).sets).toBe(2);
    expect(deloadPrescription({ ...base, sets: 5 }).sets).toBe(3);
    expect(deloadPrescription({ ...base, sets: 1 }).sets).toBe(1);
    expect(deloadPrescription({ ...base, sets: 4 }).sets).toBe(2);
    expect(deloadPrescription({ ...base, sets: 5 }, { setReduction: 0.4 }).sets).toBe(3);
  });

  it('keeps the unrounded load and rounds only when equipment is given', () => {
    // 85 × 0.9 = 76.5; on a 20 kg bar with 2.5 kg steps: (76.5 − 20)/2.5 = 22.6 → 23 → 77.5 kg.
    const plain = deloadPrescription({ ...base, sets: 4 });
    expect(plain.unroundedLoadKg).toBe(76.5);
    expect(plain.loadKg).toBe(76.5);
    expect(deloadPrescription({ ...base, sets: 4 }, { equipment: BARBELL_KG }).loadKg).toBe(77.5);
    // Dumbbells: 12 × 0.9 = 10.8 → (10.8 − 2)/2 = 4.4 → 4 steps → 10 kg.
    expect(deloadPrescription({ ...base, sets: 4, loadKg: 12 }, { equipment: DUMBBELL_KG }).loadKg).toBe(10);
  });

  it('says when the empty bar is heavier than the deload load, and leaves body-weight work at 0', () => {
    // 21 × 0.9 = 18.9 < 20 kg bar.
    const light = deloadPrescription({ ...base, sets: 4, loadKg: 21 }, { equipment: BARBELL_KG });
    expect(light.loadKg).toBe(20);
    expect(light.raisedToMinimum).toBe(true);
    const bodyweight = deloadPrescription({ ...base, sets: 4, loadKg: 0 }, { equipment: BARBELL_KG });
    expect(bodyweight.loadKg).toBe(0);
    expect(bodyweight.raisedToMinimum).toBe(false);
  });

  it('load unchanged and a different RIR step are settings', () => {
    const d = deloadPrescription({ ...base, sets: 4 }, { loadReduction: 0, rirIncrease: 1 });
    expect(d.loadKg).toBe(85);
    expect(d.rir).toBe(3);
  });

  it('volume load before/after, null change from a zero week', () => {
    expect(volumeLoad(3, 8, 60)).toBe(1440); // 3 × 8 × 60
    const zero = volumeLoadComparison({ sets: 3, reps: 10, loadKg: 0, rir: 3 }, { sets: 2, reps: 10, loadKg: 0, rir: 5 });
    expect(zero.changePercent).toBeNull();
  });

  it('refuses impossible prescriptions and settings', () => {
    expect(() => deloadPrescription({ ...base, sets: 0 })).toThrow('Sets must be between 1 and 100 (got 0).');
    expect(() => deloadPrescription({ ...base, sets: 4, loadKg: -10 })).toThrow('Load cannot be negative');
    expect(() => deloadPrescription({ ...base, sets: 4 }, { setReduction: 1 })).toThrow('Set reduction must be a fraction');
    expect(() => deloadPrescription({ ...base, sets: 4 }, { rirIncrease: -1 })).toThrow('RIR increase cannot be negative');
  });
});

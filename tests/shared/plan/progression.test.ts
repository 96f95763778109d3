import { describe, expect, it } from 'vitest';
import { formatLoad, formatVolume, prescriptionForWeek } from '@shared/plan/progression';
import type { Prescription } from '@shared/plan/model';
import { z } from 'zod';
import { loadVector, numbers } from '../science/vectors';

const deload = { setReduction: 0.5, loadReduction: 0.1, rirIncrease: 2 };
const rx = (fields: Partial<Prescription>): Prescription => ({
  exerciseId: 1,
  sets: 3,
  dose: 6,
  doseUnit: 'reps',
  perSide: false,
  loadRule: 'percent_max',
  loadValue: 70,
  tempo: '2-0-X',
  restSeconds: 150,
  notes: '',
  ...fields,
});

describe('a prescription week by week', () => {
  it('progresses % of max from the unrounded plan (REFERENCE.md §5.4 vector)', () => {
    const v = loadVector('weekly_progression_2.5pct', z.object({ start_kg: z.number(), rate_per_week: z.number() }), z.object({ unrounded: numbers }));
    for (let week = 1; week <= 5; week += 1) {
      const p = prescriptionForWeek(rx({ loadRule: 'fixed_kg', loadValue: v.inputs.start_kg }), { week, isDeload: false, weeklyProgression: v.inputs.rate_per_week, deload });
      expect(Math.abs((p.fixedKg ?? 0) - (v.expected.unrounded[week - 1] as number))).toBeLessThanOrEqual(v.tolerance);
      expect(p.sets).toBe(3);
    }
  });

  it('DOMAIN.md foundational A: trap bar deadlift 3 x 6 @ 70% through a 4-week block with the 4th a deload', () => {
    const context = (week: number) => ({ week, isDeload: week === 4, weeklyProgression: 0.025, deload });
    const weeks = [1, 2, 3, 4].map((w) => prescriptionForWeek(rx({}), context(w)));
    // By hand: 70, 70 x 1.025 = 71.75, 70 x 1.025^2 = 73.54375; week 4 = 70 x 1.025^3 x 0.9 = 67.84...
    expect(weeks.map((w) => w.percentOfMax)).toEqual([70, expect.closeTo(71.75, 9), expect.closeTo(73.54375, 9), expect.closeTo(70 * 1.025 ** 3 * 0.9, 9)]);
    // Deload: 3 sets x (1 - 0.5) = 1.5 -> 2 (halves round up), same reps.
    expect(weeks.map((w) => w.sets)).toEqual([3, 3, 3, 2]);
    expect(weeks.map((w) => w.dose)).toEqual([6, 6, 6, 6]);
    expect(weeks[3]?.deloaded).toBe(true);
  });

  it('applies the deload vector of REFERENCE.md §6.2: 16 sets x 5 @ 100 kg RIR 2 -> 8 sets @ 90 kg', () => {
    const v = loadVector(
      'deload_week_prescription',
      z.object({ normal_week: z.object({ sets_per_week: z.number(), reps_per_set: z.number(), load_kg: z.number(), rir: z.number() }) }),
      z.object({ deload_sets_per_week: z.number(), 'deload_load_kg_nearest_2.5': z.number(), deload_rir: z.number() }),
    );
    const normal = v.inputs.normal_week;
    const p = prescriptionForWeek(rx({ sets: normal.sets_per_week, dose: normal.reps_per_set, loadRule: 'fixed_kg', loadValue: normal.load_kg }), {
      week: 1,
      isDeload: true,
      weeklyProgression: 0.025,
      deload,
    });
    expect(p.sets).toBe(v.expected.deload_sets_per_week);
    // 100 kg x 0.9 = 90 kg exactly, so the unrounded load is already on a plate step.
    expect(p.fixedKg).toBeCloseTo(v.expected['deload_load_kg_nearest_2.5'], 9);
    const rir = prescriptionForWeek(rx({ loadRule: 'rir', loadValue: normal.rir }), { week: 1, isDeload: true, weeklyProgression: 0.025, deload });
    expect(rir.rir).toBe(v.expected.deload_rir);
  });

  it('does not progress RIR prescriptions (the athlete picks the load) and never loads bodyweight work', () => {
    const rir = prescriptionForWeek(rx({ loadRule: 'rir', loadValue: 2 }), { week: 3, isDeload: false, weeklyProgression: 0.05, deload });
    expect(rir).toMatchObject({ rir: 2, percentOfMax: null, fixedKg: null, sets: 3 });
    const bw = prescriptionForWeek(rx({ loadRule: 'bodyweight', loadValue: null, sets: 1 }), { week: 2, isDeload: true, weeklyProgression: 0.025, deload });
    // 1 set x 0.5 = 0.5 -> rounds to 1, and never below one set.
    expect(bw).toMatchObject({ sets: 1, percentOfMax: null, fixedKg: null, rir: null });
  });

  it('reads as a coach writes it', () => {
    expect(formatVolume({ sets: 3, dose: 8, doseUnit: 'reps', perSide: true })).toBe('3 x 8 each');
    expect(formatVolume({ sets: 3, dose: 40, doseUnit: 'seconds', perSide: false })).toBe('3 x 40 s');
    expect(formatVolume({ sets: 3, dose: 30, doseUnit: 'metres', perSide: false })).toBe('3 x 30 m');
    expect(formatLoad({ loadRule: 'percent_max', percentOfMax: 71.75, fixedKg: null, rir: null }, 'kg')).toBe('@ 71.8% of max');
    // 20 kg = 44.09 lb.
    expect(formatLoad({ loadRule: 'fixed_kg', percentOfMax: null, fixedKg: 20, rir: null }, 'lb')).toBe('@ 44.1 lb');
    // RPE = 10 − RIR (REFERENCE.md §5.3: RPE 8 = 2 reps in reserve).
    expect(formatLoad({ loadRule: 'rir', percentOfMax: null, fixedKg: null, rir: 4 }, 'kg')).toBe('RIR 4 (RPE 6)');
  });
});

import { describe, expect, it } from 'vitest';
import { EXERCISE_LIBRARY, libraryExercise } from '@shared/plan/exerciseLibrary';
import { EXERCISE_CATEGORIES, PHASES, type DoseUnit } from '@shared/plan/model';
import { TEMPLATE_LIBRARY } from '@shared/plan/templateLibrary';
import { prescriptionSchema, templateFieldsSchema } from '@shared/contract/plan';

const template = (code: string) => {
  const t = TEMPLATE_LIBRARY.find((x) => x.code === code);
  if (!t) throw new Error(`no template ${code}`);
  return t;
};
const line = (code: string, exercise: string) => {
  const p = template(code).prescriptions.find((x) => x.exercise === exercise);
  if (!p) throw new Error(`${code} has no ${exercise}`);
  return p;
};
/** Ground contacts of a session: sets x contacts, both sides counted for one-sided work. */
const contacts = (code: string) =>
  template(code)
    .prescriptions.filter((p) => p.doseUnit === 'contacts')
    .reduce((sum, p) => sum + p.sets * p.dose * (p.perSide ? 2 : 1), 0);

describe('the built-in exercise library', () => {
  it('has at least 40 exercises with unique codes and names, in every category of DOMAIN.md', () => {
    expect(EXERCISE_LIBRARY.length).toBeGreaterThanOrEqual(40);
    expect(new Set(EXERCISE_LIBRARY.map((e) => e.code)).size).toBe(EXERCISE_LIBRARY.length);
    expect(new Set(EXERCISE_LIBRARY.map((e) => e.name.toLowerCase())).size).toBe(EXERCISE_LIBRARY.length);
    expect(new Set(EXERCISE_LIBRARY.map((e) => e.category))).toEqual(new Set(EXERCISE_CATEGORIES));
  });

  it('gives every exercise two or three cues and valid tempo', () => {
    for (const e of EXERCISE_LIBRARY) {
      expect(e.cues.length, e.code).toBeGreaterThanOrEqual(2);
      expect(e.cues.length, e.code).toBeLessThanOrEqual(3);
      expect(e.tempo, e.code).toMatch(/^$|^[0-9X](-[0-9X]){2,3}$/);
    }
  });

  it('links regressions and progressions to real entries, as DOMAIN.md chains them', () => {
    const codes = new Set(EXERCISE_LIBRARY.map((e) => e.code));
    for (const e of EXERCISE_LIBRARY) {
      if (e.regression) expect(codes.has(e.regression), `${e.code} regression`).toBe(true);
      if (e.progression) expect(codes.has(e.progression), `${e.code} progression`).toBe(true);
      expect(e.regression).not.toBe(e.code);
    }
    // dowel hip hinge <- RDL -> kickstand RDL -> single-leg RDL
    expect(libraryExercise('rdl')).toMatchObject({ regression: 'dowel_hip_hinge', progression: 'kickstand_rdl', loadKind: 'external', unilateral: false, tempo: '3-1-1' });
    expect(libraryExercise('kickstand_rdl').progression).toBe('single_leg_rdl');
    expect(libraryExercise('single_leg_rdl')).toMatchObject({ regression: 'kickstand_rdl', unilateral: true, tempo: '3-0-1' });
    expect(libraryExercise('nordic_curl').regression).toBe('band_assisted_nordic');
    expect(libraryExercise('goblet_squat').progression).toBe('back_squat');
    expect(libraryExercise('copenhagen_long').regression).toBe('copenhagen_short');
    expect(libraryExercise('front_plank').loadKind).toBe('time');
    expect(libraryExercise('farmer_carry').loadKind).toBe('distance');
    expect(libraryExercise('depth_jump').loadKind).toBe('height');
    expect(libraryExercise('rdl').cues).toContain('Push the hips back, soft knees');
    expect(libraryExercise('hip_thrust').cues).toEqual(['Chin tucked, ribs down', 'Drive through the heels', 'Squeeze the glutes at the top']);
  });
});

describe('the built-in session templates', () => {
  it('ship A, B and C for every phase, each valid for the contract', () => {
    for (const phase of PHASES) {
      for (const type of ['a', 'b', 'c']) {
        const t = template(`${phase}_${type}`);
        expect(t.sessionType).toBe(type.toUpperCase());
        const { code: _code, ...fields } = t;
        const parsed = templateFieldsSchema.safeParse({ ...fields, prescriptions: t.prescriptions.map(({ exercise: _e, ...p }) => ({ ...p, exerciseId: 1 })) });
        expect(parsed.success, `${t.code}: ${parsed.success ? '' : parsed.error.issues[0]?.message}`).toBe(true);
      }
    }
    expect(TEMPLATE_LIBRARY).toHaveLength(18);
  });

  it('dose each exercise in the unit its load kind needs', () => {
    const unitFor: Record<string, DoseUnit[]> = { time: ['seconds'], distance: ['metres'], contacts: ['contacts'], height: ['contacts', 'reps'], external: ['reps'], bodyweight: ['reps'] };
    for (const t of TEMPLATE_LIBRARY) {
      for (const p of t.prescriptions) {
        expect(unitFor[libraryExercise(p.exercise).loadKind], `${t.code} ${p.exercise}`).toContain(p.doseUnit);
        const { exercise: _e, ...fields } = p;
        expect(prescriptionSchema.safeParse({ ...fields, exerciseId: 1 }).success).toBe(true);
      }
    }
  });

  it("are DOMAIN.md's foundational templates exactly", () => {
    expect(line('foundational_a', 'trap_bar_deadlift')).toMatchObject({ sets: 3, dose: 6, loadRule: 'percent_max', loadValue: 70, tempo: '2-0-X' });
    expect(line('foundational_a', 'hip_thrust')).toMatchObject({ sets: 3, dose: 8, loadRule: 'percent_max', loadValue: 70, tempo: '2-1-1' });
    expect(line('foundational_a', 'nordic_curl')).toMatchObject({ sets: 3, dose: 4 });
    expect(line('foundational_a', 'single_leg_calf_raise')).toMatchObject({ sets: 3, dose: 12, perSide: true });
    expect(line('foundational_a', 'side_plank')).toMatchObject({ sets: 3, dose: 30, doseUnit: 'seconds' });
    expect(template('foundational_b').prescriptions.map((p) => [p.exercise, p.sets, p.dose, p.doseUnit, p.perSide])).toEqual([
      ['dead_bug', 3, 8, 'reps', true],
      ['pallof_press', 3, 10, 'reps', true],
      ['front_plank', 3, 40, 'seconds', false],
      ['banded_lateral_walk', 2, 15, 'reps', true],
      ['farmer_carry', 3, 30, 'metres', false],
    ]);
    expect(template('foundational_c').prescriptions.map((p) => [p.exercise, p.sets, p.dose, p.perSide])).toEqual([
      ['step_up', 3, 8, true],
      ['single_leg_rdl', 3, 8, true],
      ['reverse_lunge', 3, 8, true],
      ['pogo_hops', 3, 20, false],
      ['lateral_bound', 3, 5, true],
    ]);
    expect(line('foundational_c', 'step_up').tempo).toBe('3-0-1');
  });

  it('follow the phase table: max strength is 3-5 x 3-5 @ 80-88%, power is light and fast with 40-100 contacts, maintenance halves the sets', () => {
    for (const code of ['max_strength_a', 'max_strength_c']) {
      for (const p of template(code).prescriptions.filter((x) => x.loadRule === 'percent_max')) {
        expect(p.sets).toBeGreaterThanOrEqual(3);
        expect(p.sets).toBeLessThanOrEqual(5);
        expect(p.dose).toBeLessThanOrEqual(5);
        expect(p.loadValue).toBeGreaterThanOrEqual(80);
        expect(p.loadValue).toBeLessThanOrEqual(88);
      }
    }
    expect(line('max_strength_a', 'trap_bar_deadlift').dose).toBeLessThan(line('foundational_a', 'trap_bar_deadlift').dose);
    for (const p of ['power_a', 'power_c'].flatMap((c) => template(c).prescriptions).filter((x) => x.loadRule === 'percent_max')) {
      expect(p.loadValue).toBeGreaterThanOrEqual(30);
      expect(p.loadValue).toBeLessThanOrEqual(60);
      expect(p.tempo).toMatch(/X$/);
    }
    // Power C: box jumps 4x5 + hurdle hops 4x6 + bounding 3x5 each side + single-leg hops 2x5 each side = 20 + 24 + 30 + 20 = 94;
    // foundational C: pogo hops 3x20 + lateral bounds 3x5 each side = 60 + 30 = 90.
    expect(contacts('power_c')).toBe(94);
    expect(contacts('foundational_c')).toBe(90);
    expect(contacts('power_c')).toBeGreaterThan(contacts('foundational_c'));
    // Maintenance: foundational's 3 sets become 2 (half, rounded up), and 2 x 3-5 @ 80% on the main lifts.
    expect(line('maintenance_a', 'trap_bar_deadlift')).toMatchObject({ sets: 2, dose: 4, loadValue: 80 });
    for (const t of ['maintenance_a', 'maintenance_b', 'maintenance_c']) {
      for (const p of template(t).prescriptions) expect(p.sets, `${t} ${p.exercise}`).toBe(2);
    }
    // Acclimation: light (no % of max), 2-3 x 10-12 on the main work, slow tempo.
    expect(template('acclimation_a').prescriptions.some((p) => p.loadRule === 'percent_max')).toBe(false);
    expect(line('acclimation_a', 'glute_bridge')).toMatchObject({ sets: 3, dose: 12, tempo: '3-1-1' });
  });
});

/**
 * The built-in session templates: DOMAIN.md's A (posterior chain), B (core and hip stability)
 * and C (single-leg power) for every phase. Foundational is DOMAIN.md's default week exactly;
 * the other phases follow the phase table: acclimation is light, slow and technical (2-3 x
 * 10-12); max strength has fewer reps at a higher percent (3-5 x 3-5 @ 80-88%); power moves
 * light loads fast and adds plyometric contacts (40-100 a session); sprint-specific uses sleds,
 * resisted strides and ramped eccentrics with full recovery; maintenance halves the sets.
 */
import type { DoseUnit, LoadRule, Phase, SessionType } from './model';
import { libraryExercise } from './exerciseLibrary';

export interface LibraryPrescription {
  exercise: string;
  sets: number;
  dose: number;
  doseUnit: DoseUnit;
  perSide: boolean;
  loadRule: LoadRule;
  loadValue: number | null;
  tempo: string;
  restSeconds: number;
  notes: string;
}

export interface LibraryTemplate {
  code: string;
  name: string;
  sessionType: SessionType;
  phase: Phase;
  plannedMinutes: number;
  targetRpe: number;
  prescriptions: readonly LibraryPrescription[];
}

type Load = ['%', number] | ['rir', number] | ['kg', number] | null;

/** One line: exercise code, sets x dose unit, per side, load, rest, optional tempo and notes. */
function rx(exercise: string, sets: number, dose: number, unit: DoseUnit, perSide: boolean, load: Load, restSeconds: number, extra: { tempo?: string; notes?: string } = {}): LibraryPrescription {
  const loadRule: LoadRule = load === null ? 'bodyweight' : load[0] === '%' ? 'percent_max' : load[0] === 'rir' ? 'rir' : 'fixed_kg';
  return {
    exercise,
    sets,
    dose,
    doseUnit: unit,
    perSide,
    loadRule,
    loadValue: load === null ? null : load[1],
    tempo: extra.tempo ?? libraryExercise(exercise).tempo,
    restSeconds,
    notes: extra.notes ?? '',
  };
}

const PHASE_NAME: Record<Phase, string> = {
  acclimation: 'Acclimation',
  foundational: 'Foundational',
  max_strength: 'Max strength',
  power: 'Power',
  sprint_specific: 'Sprint-specific',
  maintenance: 'Maintenance',
};

const TYPE_NAME: Record<'A' | 'B' | 'C', string> = { A: 'A posterior chain', B: 'B core & hip stability', C: 'C single-leg power' };

function template(phase: Phase, type: 'A' | 'B' | 'C', plannedMinutes: number, targetRpe: number, prescriptions: LibraryPrescription[]): LibraryTemplate {
  return { code: `${phase}_${type.toLowerCase()}`, name: `${PHASE_NAME[phase]} ${TYPE_NAME[type]}`, sessionType: type, phase, plannedMinutes, targetRpe, prescriptions };
}

export const TEMPLATE_LIBRARY: readonly LibraryTemplate[] = [
  // Acclimation: technique and activation, light, slow 3-1-1.
  template('acclimation', 'A', 40, 4, [
    rx('dowel_hip_hinge', 2, 10, 'reps', false, null, 60),
    rx('glute_bridge', 3, 12, 'reps', false, null, 60, { tempo: '3-1-1', notes: 'Posterior pelvic tilt before each rep' }),
    rx('rdl', 2, 10, 'reps', false, ['rir', 4], 90, { notes: 'Light: technique first' }),
    rx('back_extension', 2, 10, 'reps', false, null, 60),
    rx('side_plank', 2, 20, 'seconds', true, null, 45),
  ]),
  template('acclimation', 'B', 35, 4, [
    rx('dead_bug', 2, 8, 'reps', true, null, 45),
    rx('bird_dog', 2, 8, 'reps', true, null, 45),
    rx('front_plank', 2, 30, 'seconds', false, null, 45),
    rx('side_lying_hip_abduction', 2, 12, 'reps', true, null, 45),
    rx('pallof_press', 2, 10, 'reps', true, ['rir', 4], 45),
  ]),
  template('acclimation', 'C', 35, 4, [
    rx('step_up', 2, 10, 'reps', true, null, 60, { tempo: '3-1-1', notes: 'Bodyweight' }),
    rx('split_squat', 2, 10, 'reps', true, null, 60, { notes: 'Bodyweight' }),
    rx('single_leg_glute_bridge', 2, 10, 'reps', true, null, 45, { tempo: '3-1-1' }),
    rx('calf_raise', 2, 12, 'reps', false, null, 45),
    rx('kickstand_rdl', 2, 10, 'reps', true, ['rir', 4], 60, { tempo: '3-1-1' }),
  ]),
  // Foundational: DOMAIN.md's default templates.
  template('foundational', 'A', 50, 6, [
    rx('trap_bar_deadlift', 3, 6, 'reps', false, ['%', 70], 150),
    rx('hip_thrust', 3, 8, 'reps', false, ['%', 70], 120),
    rx('nordic_curl', 3, 4, 'reps', false, null, 120, { notes: 'Eccentric 4 s' }),
    rx('single_leg_calf_raise', 3, 12, 'reps', true, ['rir', 2], 60),
    rx('side_plank', 3, 30, 'seconds', true, null, 45),
  ]),
  template('foundational', 'B', 35, 5, [
    rx('dead_bug', 3, 8, 'reps', true, null, 45),
    rx('pallof_press', 3, 10, 'reps', true, ['rir', 3], 45),
    rx('front_plank', 3, 40, 'seconds', false, null, 45),
    rx('banded_lateral_walk', 2, 15, 'reps', true, null, 45),
    rx('farmer_carry', 3, 30, 'metres', false, ['rir', 3], 60),
  ]),
  template('foundational', 'C', 45, 6, [
    rx('step_up', 3, 8, 'reps', true, ['rir', 3], 90),
    rx('single_leg_rdl', 3, 8, 'reps', true, ['rir', 3], 90),
    rx('reverse_lunge', 3, 8, 'reps', true, ['rir', 3], 90),
    rx('pogo_hops', 3, 20, 'contacts', false, null, 60),
    rx('lateral_bound', 3, 5, 'contacts', true, null, 60),
  ]),
  // Max strength: fewer reps, higher percent, controlled descent.
  template('max_strength', 'A', 55, 7, [
    rx('trap_bar_deadlift', 4, 4, 'reps', false, ['%', 85], 180, { tempo: '3-0-X' }),
    rx('hip_thrust', 4, 5, 'reps', false, ['%', 82], 150, { tempo: '3-1-1' }),
    rx('nordic_curl', 3, 4, 'reps', false, null, 120, { notes: 'Eccentric 4 s' }),
    rx('single_leg_calf_raise', 3, 8, 'reps', true, ['rir', 2], 90),
    rx('side_plank', 3, 30, 'seconds', true, null, 45),
  ]),
  template('max_strength', 'B', 35, 5, [
    rx('dead_bug', 3, 10, 'reps', true, null, 45),
    rx('pallof_press', 3, 10, 'reps', true, ['rir', 2], 45),
    rx('front_plank', 3, 45, 'seconds', false, null, 45),
    rx('copenhagen_short', 3, 20, 'seconds', true, null, 45),
    rx('suitcase_carry', 3, 30, 'metres', true, ['rir', 2], 60),
  ]),
  template('max_strength', 'C', 50, 7, [
    rx('back_squat', 4, 4, 'reps', false, ['%', 85], 180),
    rx('step_up', 4, 5, 'reps', true, ['rir', 2], 120),
    rx('single_leg_rdl', 3, 6, 'reps', true, ['rir', 2], 90),
    rx('pogo_hops', 2, 20, 'contacts', false, null, 60),
    rx('lateral_bound', 3, 4, 'contacts', true, null, 60),
  ]),
  // Power / plyometric: light loads moved fast, more contacts.
  template('power', 'A', 45, 6, [
    rx('trap_bar_deadlift', 4, 3, 'reps', false, ['%', 50], 150, { tempo: '1-0-X', notes: 'Move the bar as fast as possible' }),
    rx('kettlebell_swing', 4, 5, 'reps', false, ['rir', 4], 90),
    rx('hip_thrust', 3, 5, 'reps', false, ['%', 50], 90, { tempo: '1-0-X' }),
    rx('nordic_curl', 2, 4, 'reps', false, null, 120),
    rx('depth_jump', 3, 5, 'contacts', false, null, 120, { notes: 'Box 30-40 cm' }),
  ]),
  template('power', 'B', 35, 5, [
    rx('dead_bug', 3, 8, 'reps', true, null, 45),
    rx('pallof_press', 3, 8, 'reps', true, ['rir', 3], 45),
    rx('side_plank_leg_lift', 3, 20, 'seconds', true, null, 45),
    rx('banded_lateral_walk', 2, 15, 'reps', true, null, 45),
    rx('farmer_carry', 3, 30, 'metres', false, ['rir', 3], 60),
  ]),
  template('power', 'C', 45, 7, [
    rx('box_jump', 4, 5, 'contacts', false, null, 90),
    rx('hurdle_hops', 4, 6, 'contacts', false, null, 90),
    rx('bounding', 3, 5, 'contacts', true, null, 120),
    rx('single_leg_hop', 2, 5, 'contacts', true, null, 90),
    rx('step_up', 3, 5, 'reps', true, ['%', 40], 90, { tempo: '1-0-X', notes: 'Explosive' }),
  ]),
  // Sprint-specific: sleds, resisted strides, ramped eccentric hip extension; full recovery.
  template('sprint_specific', 'A', 50, 7, [
    rx('sled_push', 5, 20, 'metres', false, ['rir', 3], 180),
    rx('trap_bar_deadlift', 3, 3, 'reps', false, ['%', 80], 180, { tempo: '2-0-X' }),
    rx('ramped_eccentric_hip_extension', 3, 5, 'reps', true, null, 120),
    rx('nordic_curl', 2, 4, 'reps', false, null, 120),
  ]),
  template('sprint_specific', 'B', 30, 5, [
    rx('dead_bug', 3, 8, 'reps', true, null, 45),
    rx('pallof_press', 3, 8, 'reps', true, ['rir', 3], 45),
    rx('side_plank', 3, 30, 'seconds', true, null, 45),
    rx('suitcase_carry', 3, 30, 'metres', true, ['rir', 3], 60),
  ]),
  template('sprint_specific', 'C', 45, 7, [
    rx('resisted_strides', 5, 20, 'metres', false, null, 180),
    rx('single_leg_hop', 3, 4, 'contacts', true, null, 120),
    rx('bounding', 3, 5, 'contacts', true, null, 120),
    rx('step_up', 3, 4, 'reps', true, ['rir', 3], 120, { tempo: '2-0-X' }),
  ]),
  // Maintenance: half the sets, 2 x 3-5 @ 80%.
  template('maintenance', 'A', 30, 5, [
    rx('trap_bar_deadlift', 2, 4, 'reps', false, ['%', 80], 150),
    rx('hip_thrust', 2, 5, 'reps', false, ['%', 80], 120),
    rx('nordic_curl', 2, 3, 'reps', false, null, 120),
    rx('side_plank', 2, 30, 'seconds', true, null, 45),
  ]),
  template('maintenance', 'B', 20, 4, [
    rx('dead_bug', 2, 8, 'reps', true, null, 45),
    rx('pallof_press', 2, 10, 'reps', true, ['rir', 3], 45),
    rx('front_plank', 2, 40, 'seconds', false, null, 45),
  ]),
  template('maintenance', 'C', 25, 5, [
    rx('step_up', 2, 5, 'reps', true, ['rir', 3], 90),
    rx('single_leg_rdl', 2, 6, 'reps', true, ['rir', 3], 90),
    rx('pogo_hops', 2, 20, 'contacts', false, null, 60),
  ]),
];

export function builtinTemplateCode(phase: Phase, type: 'A' | 'B' | 'C'): string {
  return `${phase}_${type.toLowerCase()}`;
}

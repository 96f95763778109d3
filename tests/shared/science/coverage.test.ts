import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { allVectors } from './vectors';

/**
 * Keeps the vector coverage honest: every vector in tests/fixtures/science-vectors.json must be
 * named by the test file(s) that check it, and every top-level expected value must be named there
 * too, unless it is listed below as deliberately not covered. A vector added to the fixture
 * without a test makes this fail.
 */
const COVERED_BY: Readonly<Record<string, readonly string[]>> = {
  hopkins2000_example_TE_CV: ['reliability.test.ts', 'change.test.ts'],
  hopkins2001_single_subject_six_trials: ['reliability.test.ts'],
  squad_cmj_retest_decision_rules: ['change.test.ts'],
  swc_individual_sport_runs_to_1500m: ['change.test.ts'],
  swc_individual_sport_longer_runs_and_steeplechase: ['change.test.ts'],
  percent_change_conventions: ['change.test.ts'],
  limb_symmetry_and_asymmetry: ['asymmetry.test.ts'],
  z_T_scores_and_total_score_of_athleticism: ['scores.test.ts'],
  jump_height_from_flight_time: ['jump.test.ts'],
  jump_height_from_takeoff_velocity: ['jump.test.ts'],
  flight_time_from_height_inverse: ['jump.test.ts'],
  kimberley_split_times_monoexponential_fit: ['sprint.test.ts'],
  flying_and_average_acceleration: ['sprint.test.ts'],
  srpe_week_monotony_strain: ['load.test.ts'],
  foster2001_table5_schematic_diary: ['load.test.ts'],
  acwr_ACWRpkg_test_series_21x30_then_7x50: ['load.test.ts'],
  acwr_28day_runner_series: ['load.test.ts'],
  acwr_28day_runner_with_spike_week: ['load.test.ts'],
  acwr_14day_series_insufficient_history: ['load.test.ts'],
  e1rm_100kg_x5: ['strength.test.ts'],
  e1rm_100kg_x10: ['strength.test.ts'],
  e1rm_60kg_x3: ['strength.test.ts'],
  e1rm_100kg_x1: ['strength.test.ts'],
  rpe_rir_load_lookup: ['strength.test.ts'],
  e1rm_from_rpe_set: ['strength.test.ts'],
  nsca_percent_1rm_reps_table: ['strength.test.ts'],
  'weekly_progression_2.5pct': ['strength.test.ts'],
  weekly_progression_stall_case: ['strength.test.ts'],
  plate_rounding: ['strength.test.ts'],
  deload_week_prescription: ['deload.test.ts'],
  mclean_wellness_z_flag: ['wellness.test.ts'],
  y_balance_composite_and_flags: ['balance.test.ts'],
  stork_stand_classification_16_19y: ['balance.test.ts'],
  single_leg_balance_asymmetry: ['asymmetry.test.ts'],
};

/**
 * Expected values deliberately not checked, and why.
 * - The mono-exponential sprint fit (MSS, TAU, MAC, PMAX, and the fit with a 0.3 s time
 *   correction): shared/science/sprint.ts does not implement the fit, which needs a non-linear
 *   least-squares solver with the Lambert W function and is optional in REFERENCE.md §8. The
 *   vector's split times and velocities are checked.
 */
const NOT_COVERED: Readonly<Record<string, readonly string[]>> = {
  kimberley_split_times_monoexponential_fit: ['MSS_m_s', 'TAU_s', 'MAC_m_s2', 'PMAX_W_per_kg', 'with_time_correction_0.3s'],
};

const source = (file: string) => readFileSync(new URL(`./${file}`, import.meta.url), 'utf8');

describe('science vector coverage', () => {
  it('every vector in the fixture has a test file that names it', () => {
    const missing = allVectors.map((v) => v.name).filter((name) => !(name in COVERED_BY));
    expect(missing).toEqual([]);
  });

  it('no listed vector has disappeared from the fixture', () => {
    const names = new Set(allVectors.map((v) => v.name));
    expect(Object.keys(COVERED_BY).filter((name) => !names.has(name))).toEqual([]);
  });

  it.each(allVectors.map((v) => [v.name, v] as const))('%s: named, with every expected value, by its test file(s)', (name, vector) => {
    const files = COVERED_BY[name] ?? [];
    const text = files.map(source).join('\n');
    expect(text.includes(`'${name}'`), `${files.join(', ')} should name '${name}'`).toBe(true);
    const keys = typeof vector.expected === 'object' && vector.expected !== null ? Object.keys(vector.expected) : [];
    const skipped = NOT_COVERED[name] ?? [];
    const unchecked = keys.filter((key) => !skipped.includes(key) && !text.includes(key));
    expect(unchecked, `expected values of ${name} never named in ${files.join(', ')}`).toEqual([]);
  });
});

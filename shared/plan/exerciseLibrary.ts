/**
 * The built-in exercise library (DOMAIN.md "Exercises" and the articles in seeds/). Each entry
 * has a stable code that other parts of the app (templates, session sheets, tests) refer to; the
 * database gets these rows on first open and keeps the coach's edits. Regression and progression
 * are codes of other entries: dowel hip hinge <- RDL -> kickstand RDL -> single-leg RDL.
 *
 * Bump LIBRARY_VERSION when an entry is added, so existing squads receive it (entries already in
 * a squad are never overwritten: the coach may have edited or hidden them).
 */
import type { Equipment, ExerciseCategory, LoadKind, MovementPattern } from './model';

export const LIBRARY_VERSION = 1;

export interface LibraryExercise {
  code: string;
  name: string;
  category: ExerciseCategory;
  pattern: MovementPattern;
  unilateral: boolean;
  loadKind: LoadKind;
  equipment: Equipment;
  tempo: string;
  cues: readonly string[];
  regression: string | null;
  progression: string | null;
}

type Entry = [
  code: string,
  name: string,
  category: ExerciseCategory,
  pattern: MovementPattern,
  unilateral: boolean,
  loadKind: LoadKind,
  equipment: Equipment,
  tempo: string,
  cues: readonly string[],
  regression: string | null,
  progression: string | null,
];

// prettier-ignore
const ENTRIES: readonly Entry[] = [
  // Posterior chain: hinge
  ['dowel_hip_hinge', 'Dowel hip hinge', 'posterior_chain', 'hinge', false, 'bodyweight', 'other', '3-1-1',
    ['Dowel touches head, upper back and tailbone the whole time', 'Push the hips back, soft knees', 'Stop when the dowel leaves a contact point'], null, 'rdl'],
  ['rdl', 'Romanian deadlift', 'posterior_chain', 'hinge', false, 'external', 'barbell', '3-1-1',
    ['Push the hips back, soft knees', 'Bar close to the legs', 'Neutral spine, ribs down'], 'dowel_hip_hinge', 'kickstand_rdl'],
  ['kickstand_rdl', 'Kickstand RDL', 'posterior_chain', 'hinge', true, 'external', 'dumbbell', '3-1-1',
    ['Back toe on the floor for balance only', 'Most of the weight on the front heel', 'Hips square to the floor'], 'rdl', 'single_leg_rdl'],
  ['single_leg_rdl', 'Single-leg RDL', 'posterior_chain', 'hinge', true, 'external', 'dumbbell', '3-0-1',
    ['Reach the back heel to the wall behind you', 'Hips level, no twisting open', 'Soft knee on the standing leg'], 'kickstand_rdl', null],
  ['stiff_leg_deadlift', 'Stiff-legged deadlift', 'posterior_chain', 'hinge', false, 'external', 'barbell', '3-1-1',
    ['Knees almost straight, not locked', 'Hinge until the hamstrings stretch, not the back', 'Bar slides down the thighs'], 'rdl', null],
  ['trap_bar_deadlift', 'Trap bar deadlift', 'posterior_chain', 'hinge', false, 'external', 'barbell', '2-0-X',
    ['Brace before the bar leaves the floor', 'Push the floor away', 'Stand tall, squeeze the glutes, no leaning back'], 'rdl', null],
  ['kettlebell_swing', 'Kettlebell swing', 'posterior_chain', 'hinge', false, 'external', 'kettlebell', 'X-0-X',
    ['Hike the bell back between the thighs', 'Snap the hips, arms just guide the bell', 'Plank at the top: glutes tight, ribs down'], 'rdl', null],
  ['back_extension', 'Back extension (bodyweight)', 'posterior_chain', 'hinge', false, 'bodyweight', 'machine', '2-1-2',
    ['Hinge at the hips, not the lower back', 'Squeeze the glutes to come up', 'Stop in a straight line, do not over-arch'], null, 'loaded_back_extension'],
  ['loaded_back_extension', 'Back extension (loaded)', 'posterior_chain', 'hinge', false, 'external', 'dumbbell', '2-1-2',
    ['Hold the plate or dumbbell at the chest', 'Hinge at the hips, spine stays long', 'Finish with the glutes, not the back'], 'back_extension', null],
  // Posterior chain: bridge
  ['glute_bridge', 'Glute bridge', 'posterior_chain', 'bridge', false, 'bodyweight', 'bodyweight', '2-1-1',
    ['Tilt the pelvis back first (tuck the tailbone)', 'Drive through the heels', 'Squeeze the glutes at the top'], null, 'banded_glute_bridge'],
  ['banded_glute_bridge', 'Banded glute bridge', 'posterior_chain', 'bridge', false, 'bodyweight', 'band', '2-1-1',
    ['Band just above the knees', 'Push the knees out against the band', 'Squeeze the glutes at the top'], 'glute_bridge', 'loaded_glute_bridge'],
  ['loaded_glute_bridge', 'Loaded glute bridge', 'posterior_chain', 'bridge', false, 'external', 'barbell', '2-1-1',
    ['Pad the bar over the hips', 'Chin tucked, ribs down', 'Lock out with the glutes, not the lower back'], 'banded_glute_bridge', 'hip_thrust'],
  ['hip_thrust', 'Hip thrust', 'posterior_chain', 'bridge', false, 'external', 'barbell', '2-1-1',
    ['Chin tucked, ribs down', 'Drive through the heels', 'Squeeze the glutes at the top'], 'loaded_glute_bridge', 'single_leg_hip_thrust'],
  ['single_leg_glute_bridge', 'Single-leg glute bridge', 'posterior_chain', 'bridge', true, 'bodyweight', 'bodyweight', '2-1-1',
    ['Free knee pulled to the chest', 'Hips stay level', 'Push through the heel of the working leg'], 'glute_bridge', 'single_leg_hip_thrust'],
  ['single_leg_hip_thrust', 'Single-leg hip thrust', 'posterior_chain', 'bridge', true, 'bodyweight', 'bodyweight', '2-1-1',
    ['Upper back on the bench, chin tucked', 'Hips level at the top', 'Drive through the heel'], 'single_leg_glute_bridge', null],
  // Posterior chain: knee flexion and calves
  ['band_assisted_nordic', 'Band-assisted Nordic curl', 'posterior_chain', 'knee_flexion', false, 'bodyweight', 'band', '4-0-X',
    ['Band under the chest takes some of the weight', 'Straight line from knees to head', 'Lower as slowly as you can'], 'slider_hamstring_curl', 'nordic_curl'],
  ['nordic_curl', 'Nordic hamstring curl', 'posterior_chain', 'knee_flexion', false, 'bodyweight', 'bodyweight', '4-0-X',
    ['Straight line from knees to head, hips forward', 'Fight the fall for 4 seconds', 'Catch yourself with your hands, push back up'], 'band_assisted_nordic', null],
  ['slider_hamstring_curl', 'Slider hamstring curl', 'posterior_chain', 'knee_flexion', false, 'bodyweight', 'other', '3-0-1',
    ['Bridge up first and keep the hips up', 'Slide the heels out slowly', 'Pull them back with the hamstrings'], 'glute_bridge', 'band_assisted_nordic'],
  ['machine_hamstring_curl', 'Machine hamstring curl', 'posterior_chain', 'knee_flexion', false, 'external', 'machine', '2-1-3',
    ['Hips pressed into the pad', 'Curl all the way, pause', 'Lower slowly for three seconds'], null, 'nordic_curl'],
  ['calf_raise', 'Calf raise (both legs)', 'posterior_chain', 'calf', false, 'bodyweight', 'bodyweight', '2-1-2',
    ['Rise tall onto the big toe', 'Pause at the top', 'Lower all the way down slowly'], null, 'single_leg_calf_raise'],
  ['single_leg_calf_raise', 'Single-leg calf raise', 'posterior_chain', 'calf', true, 'external', 'dumbbell', '2-1-2',
    ['Knee straight, rise onto the big toe', 'Pause at the top', 'Lower below the step slowly'], 'calf_raise', null],
  // Squat and lunge
  ['goblet_squat', 'Goblet squat', 'posterior_chain', 'squat', false, 'external', 'dumbbell', '3-1-1',
    ['Weight at the chest, elbows inside the knees', 'Sit between the heels', 'Knees track over the toes'], 'box_squat', 'back_squat'],
  ['box_squat', 'Box squat (bodyweight)', 'posterior_chain', 'squat', false, 'bodyweight', 'box', '3-1-1',
    ['Reach the hips back to the box', 'Touch, do not sit and relax', 'Stand up through the whole foot'], null, 'goblet_squat'],
  ['back_squat', 'Barbell back squat', 'posterior_chain', 'squat', false, 'external', 'barbell', '3-0-1',
    ['Brace before every rep', 'Knees out over the toes', 'Drive up with the chest and hips together'], 'goblet_squat', null],
  ['step_up', 'Step-up', 'single_leg_power', 'step', true, 'external', 'dumbbell', '3-0-1',
    ['Whole foot on the box', 'Drive through the top leg, no push from the back foot', 'Stand tall at the top'], 'step_down', null],
  ['step_down', 'Step-down', 'single_leg_power', 'step', true, 'bodyweight', 'box', '3-0-1',
    ['Lower the free heel to the floor slowly', 'Knee stays over the middle toes', 'Hips level'], null, 'step_up'],
  ['reverse_lunge', 'Reverse lunge', 'single_leg_power', 'lunge', true, 'external', 'dumbbell', '2-0-1',
    ['Long step back, front heel down', 'Back knee just above the floor', 'Push through the front heel to stand'], 'split_squat', 'walking_lunge'],
  ['forward_lunge', 'Forward lunge', 'single_leg_power', 'lunge', true, 'external', 'dumbbell', '2-0-1',
    ['Step out, land heel first', 'Torso upright', 'Push back to the start in one move'], 'reverse_lunge', 'walking_lunge'],
  ['walking_lunge', 'Walking lunge', 'single_leg_power', 'lunge', true, 'external', 'dumbbell', '2-0-1',
    ['Step through without pausing', 'Front knee over the middle toes', 'Tall chest the whole way'], 'reverse_lunge', null],
  ['lateral_lunge', 'Lateral lunge', 'single_leg_power', 'lunge', true, 'bodyweight', 'bodyweight', '3-0-1',
    ['Sit back into the working hip', 'Other leg straight, foot flat', 'Push the floor away to come back'], null, null],
  ['split_squat', 'Split squat', 'single_leg_power', 'lunge', true, 'external', 'dumbbell', '3-1-1',
    ['Feet hip-width apart like on rails', 'Drop the back knee straight down', 'Front heel stays down'], null, 'reverse_lunge'],
  ['single_leg_box_squat', 'Single-leg squat to box', 'single_leg_power', 'squat', true, 'bodyweight', 'box', '3-1-1',
    ['Arms forward for balance', 'Sit back to touch the box', 'Knee tracks over the toes, no caving in'], 'split_squat', 'pistol_squat'],
  ['pistol_squat', 'Pistol squat', 'single_leg_power', 'squat', true, 'bodyweight', 'bodyweight', '3-1-1',
    ['Free leg out in front', 'Sit down between heel and hip', 'Stand up without bouncing'], 'single_leg_box_squat', null],
  // Core
  ['dead_bug', 'Dead bug', 'core', 'anti_extension', false, 'bodyweight', 'bodyweight', '3-1-1',
    ['Lower back pressed into the floor', 'Breathe out as the arm and leg reach', 'Move slowly, stop before the back lifts'], null, null],
  ['front_plank', 'Front plank', 'core', 'anti_extension', false, 'time', 'bodyweight', '',
    ['Elbows under the shoulders', 'Squeeze glutes, ribs down', 'Straight line from head to heels'], 'knee_plank', null],
  ['knee_plank', 'Front plank on knees', 'core', 'anti_extension', false, 'time', 'bodyweight', '',
    ['Straight line from head to knees', 'Ribs down, glutes tight', 'Breathe slowly through the hold'], null, 'front_plank'],
  ['side_plank', 'Side plank', 'core', 'anti_lateral_flexion', true, 'time', 'bodyweight', '',
    ['Elbow under the shoulder', 'Hips high, body in one line', 'Do not roll forward'], null, 'side_plank_leg_lift'],
  ['side_plank_leg_lift', 'Side plank with leg lift', 'core', 'anti_lateral_flexion', true, 'time', 'bodyweight', '',
    ['Hips high first, then lift the top leg', 'Top foot stays in line with the body', 'Slow lift, slow lower'], 'side_plank', null],
  ['pallof_press', 'Pallof press', 'core', 'anti_rotation', false, 'external', 'band', '2-2-2',
    ['Stand side-on to the band anchor', 'Press straight out, do not let it turn you', 'Ribs down, glutes tight'], null, null],
  ['farmer_carry', 'Farmer carry', 'core', 'carry', false, 'distance', 'dumbbell', '',
    ['Stand tall, shoulders down and back', 'Short quick steps', 'Do not let the weights swing'], null, 'suitcase_carry'],
  ['suitcase_carry', 'Suitcase carry', 'core', 'carry', true, 'distance', 'dumbbell', '',
    ['Weight in one hand only', 'Stay level, do not lean away from it', 'Walk tall and slow'], 'farmer_carry', null],
  ['bird_dog', 'Bird dog', 'core', 'anti_rotation', false, 'bodyweight', 'bodyweight', '2-2-2',
    ['Hands under shoulders, knees under hips', 'Reach long, do not lift high', 'Back stays flat as a table'], null, 'dead_bug'],
  // Hip stability
  ['banded_lateral_walk', 'Banded lateral walk', 'hip_stability', 'hip_abduction', false, 'bodyweight', 'band', '',
    ['Band around the ankles or above the knees', 'Quarter squat, toes forward', 'Step wide, keep tension on the band'], 'side_lying_hip_abduction', null],
  ['side_lying_hip_abduction', 'Side-lying hip abduction', 'hip_stability', 'hip_abduction', true, 'bodyweight', 'bodyweight', '2-1-2',
    ['Top leg slightly behind the body', 'Lead with the heel', 'Do not roll the hips back'], null, 'banded_lateral_walk'],
  ['copenhagen_short', 'Copenhagen plank (short lever)', 'hip_stability', 'hip_adduction', true, 'time', 'bodyweight', '',
    ['Top knee on the bench', 'Lift the hips into a straight line', 'Squeeze the inner thigh into the bench'], null, 'copenhagen_long'],
  ['copenhagen_long', 'Copenhagen plank (long lever)', 'hip_stability', 'hip_adduction', true, 'time', 'bodyweight', '',
    ['Top ankle on the bench', 'Body in one straight line', 'Stop the set when the hips sag'], 'copenhagen_short', null],
  // Plyometric
  ['pogo_hops', 'Pogo hops', 'plyometric', 'hop', false, 'contacts', 'bodyweight', '',
    ['Bounce off the balls of the feet', 'Stiff ankles, quick contacts', 'Knees nearly straight'], null, 'hurdle_hops'],
  ['hurdle_hops', 'Hurdle hops', 'plyometric', 'hop', false, 'contacts', 'box', '',
    ['Mini hurdles, low to start', 'Spend as little time on the ground as you can', 'Land quiet, go again straight away'], 'pogo_hops', 'depth_jump'],
  ['bounding', 'Bounding', 'plyometric', 'bound', true, 'contacts', 'bodyweight', '',
    ['Long strides, drive the knee up and forward', 'Land under the hips and push off at once', 'Arms swing with the legs'], 'lateral_bound', null],
  ['lateral_bound', 'Lateral bound', 'plyometric', 'bound', true, 'contacts', 'bodyweight', '',
    ['Push sideways off the outside leg', 'Land softly on the other foot and stick it', 'Knee stays over the toes on landing'], 'lateral_lunge', 'bounding'],
  ['box_jump', 'Box jump', 'plyometric', 'jump', false, 'height', 'box', '',
    ['Swing the arms and jump up', 'Land softly with the whole foot', 'Step down, never jump down'], 'squat_jump', 'depth_jump'],
  ['squat_jump', 'Squat jump', 'plyometric', 'jump', false, 'contacts', 'bodyweight', '',
    ['Quarter squat, then jump as high as you can', 'Land soft and quiet', 'Reset before every jump'], null, 'box_jump'],
  ['depth_jump', 'Depth jump', 'plyometric', 'jump', false, 'height', 'box', '',
    ['Step off the box, do not jump off', 'Touch the ground and jump at once', 'As high and as fast as possible'], 'box_jump', null],
  ['single_leg_hop', 'Single-leg hop', 'plyometric', 'hop', true, 'contacts', 'bodyweight', '',
    ['Hop and stick the landing first', 'Knee over the toes, hips level', 'Add distance only when the landing is quiet'], 'pogo_hops', null],
  // Sprint-specific
  ['sled_push', 'Sled push', 'sprint_specific', 'sprint', false, 'distance', 'sled', '',
    ['Arms long, body at a 45 degree lean', 'Drive the knees, push the ground back', 'Full recovery between reps'], null, null],
  ['resisted_strides', 'Resisted strides', 'sprint_specific', 'sprint', false, 'distance', 'sled', '',
    ['Light sled or band, speed drops less than 10%', 'Tall posture, slight forward lean', 'Powerful push from the back leg'], null, null],
  ['ramped_eccentric_hip_extension', 'Ramped eccentric hip extension', 'sprint_specific', 'hinge', true, 'bodyweight', 'other', '4-0-X',
    ['Lower slowly over 4 seconds', 'Extend the hip hard on the way up', 'Keep the pelvis level'], 'single_leg_glute_bridge', null],
  // Mobility
  ['dynamic_hip_circles', 'Dynamic hip circles', 'mobility', 'mobility', true, 'bodyweight', 'bodyweight', '',
    ['Big slow circles from the hip', 'Stay tall, hold a wall if needed', 'Both directions'], null, null],
  ['thoracic_rotation', 'Thoracic rotation', 'mobility', 'mobility', true, 'bodyweight', 'bodyweight', '',
    ['Hips stay still', 'Follow the hand with your eyes', 'Breathe out as you turn'], null, null],
  ['hip_flexor_stretch', 'Hip-flexor stretch', 'mobility', 'mobility', true, 'time', 'bodyweight', '',
    ['Tuck the tailbone under first', 'Shift forward until the front of the hip stretches', 'Ribs down, no arching'], null, null],
];

export const EXERCISE_LIBRARY: readonly LibraryExercise[] = ENTRIES.map(
  ([code, name, category, pattern, unilateral, loadKind, equipment, tempo, cues, regression, progression]) => ({
    code,
    name,
    category,
    pattern,
    unilateral,
    loadKind,
    equipment,
    tempo,
    cues,
    regression,
    progression,
  }),
);

const BY_CODE = new Map(EXERCISE_LIBRARY.map((e) => [e.code, e]));

export function libraryExercise(code: string): LibraryExercise {
  const found = BY_CODE.get(code);
  if (!found) throw new Error(`No built-in exercise with code ${code}`);
  return found;
}

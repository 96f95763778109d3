/**
 * The season plan's words (DOMAIN.md): phases, session and run types, exercises, templates,
 * blocks, calendar events and an athlete's own changes. Codes are what is stored; labels are
 * what a coach reads.
 */
import type { IsoDate } from '../dates';

// ---- phases ----

export const PHASES = ['acclimation', 'foundational', 'max_strength', 'power', 'sprint_specific', 'maintenance'] as const;
export type Phase = (typeof PHASES)[number];

export interface PhaseInfo {
  label: string;
  /** For block names: "Maintenance 2". */
  short: string;
  /** Usual block length in weeks (DOMAIN.md phase table); outside it the editor warns. */
  typicalWeeks: readonly [number, number];
  /** Length a new block of this phase gets. */
  defaultWeeks: number;
  /** Whether a new block of this phase gets a deload in its last week. */
  defaultDeload: boolean;
  aim: string;
  prescription: string;
}

export const PHASE_INFO: Record<Phase, PhaseInfo> = {
  acclimation: {
    label: 'Acclimation',
    short: 'Acclimation',
    typicalWeeks: [2, 2],
    defaultWeeks: 2,
    defaultDeload: false,
    aim: 'Technique and activation: hinge drills, posterior pelvic tilt, glute bridges.',
    prescription: '2-3 x 10-12, light, slow tempo 3-1-1',
  },
  foundational: {
    label: 'Foundational strength',
    short: 'Foundational strength',
    typicalWeeks: [4, 6],
    defaultWeeks: 4,
    defaultDeload: true,
    aim: 'Hinge, squat, lunge and bridge patterns; bilateral and unilateral.',
    prescription: 'Compound 3-4 x 6-8 @ 65-75%, accessory 2-3 x 8-12, tempo 3-1-1 / 2-0-2',
  },
  max_strength: {
    label: 'Max strength',
    short: 'Max strength',
    typicalWeeks: [3, 4],
    defaultWeeks: 4,
    defaultDeload: true,
    aim: 'Forceful hip extension: hip thrust, back squat, trap bar pull.',
    prescription: '3-5 x 3-5 @ 80-88%, controlled descent',
  },
  power: {
    label: 'Power / plyometric',
    short: 'Power',
    typicalWeeks: [3, 4],
    defaultWeeks: 4,
    defaultDeload: true,
    aim: 'Rate of force development: depth jumps, bounding, hurdle hops.',
    prescription: 'Light loads moved fast 3-5 x 3-5 @ 30-60%, 40-100 ground contacts',
  },
  sprint_specific: {
    label: 'Sprint-specific',
    short: 'Sprint-specific',
    typicalWeeks: [3, 4],
    defaultWeeks: 4,
    defaultDeload: true,
    aim: 'Sled pushes, resisted strides, ramped eccentric hip extension.',
    prescription: '3-6 reps, full recovery',
  },
  maintenance: {
    label: 'Maintenance (in season)',
    short: 'Maintenance',
    typicalWeeks: [1, 8],
    defaultWeeks: 4,
    defaultDeload: false,
    aim: 'Keep strength with little fatigue.',
    prescription: '1-2 sessions a week, 2 x 3-5 @ 80%, low volume',
  },
};

// ---- sessions and runs ----

/** A (posterior chain), B (core and hip stability), C (single-leg power), or the coach's own. */
export const SESSION_TYPES = ['A', 'B', 'C', 'custom'] as const;
export type SessionType = (typeof SESSION_TYPES)[number];
export const SESSION_TYPE_LABELS: Record<SessionType, string> = {
  A: 'A · posterior chain',
  B: 'B · core & hip stability',
  C: 'C · single-leg power',
  custom: 'Custom',
};

export const RUN_TYPES = ['easy', 'tempo', 'intervals', 'long', 'sprint', 'race', 'rest', 'cross_training'] as const;
export type RunType = (typeof RUN_TYPES)[number];
export const RUN_TYPE_LABELS: Record<RunType, string> = {
  easy: 'Easy run',
  tempo: 'Tempo',
  intervals: 'Intervals',
  long: 'Long run',
  sprint: 'Sprint / speed',
  race: 'Race',
  rest: 'Rest',
  cross_training: 'Cross-training',
};
/** One or two letters for a chip in a narrow cell. */
export const RUN_TYPE_SHORT: Record<RunType, string> = {
  easy: 'E',
  tempo: 'T',
  intervals: 'I',
  long: 'L',
  sprint: 'S',
  race: 'R',
  rest: '–',
  cross_training: 'X',
};
/** Hard running for planning rule 2 (DOMAIN.md: intervals, tempo or sprint work). */
export const HARD_RUN_TYPES: ReadonlySet<RunType> = new Set(['intervals', 'tempo', 'sprint']);

/** Run types that carry no planned minutes. */
export function runHasMinutes(type: RunType): boolean {
  return type !== 'rest';
}

export interface PlannedRun {
  type: RunType;
  /** Planned minutes (0 for rest). */
  minutes: number;
  /** Target session RPE, CR-10 (0 for rest). */
  rpe: number;
}

// ---- exercises ----

export const EXERCISE_CATEGORIES = ['posterior_chain', 'core', 'hip_stability', 'single_leg_power', 'plyometric', 'sprint_specific', 'mobility'] as const;
export type ExerciseCategory = (typeof EXERCISE_CATEGORIES)[number];
export const EXERCISE_CATEGORY_LABELS: Record<ExerciseCategory, string> = {
  posterior_chain: 'Posterior chain',
  core: 'Core',
  hip_stability: 'Hip stability',
  single_leg_power: 'Single-leg power',
  plyometric: 'Plyometric',
  sprint_specific: 'Sprint-specific',
  mobility: 'Mobility',
};

export const MOVEMENT_PATTERNS = [
  'hinge',
  'bridge',
  'knee_flexion',
  'calf',
  'squat',
  'lunge',
  'step',
  'anti_extension',
  'anti_rotation',
  'anti_lateral_flexion',
  'carry',
  'hip_abduction',
  'hip_adduction',
  'jump',
  'hop',
  'bound',
  'sprint',
  'mobility',
] as const;
export type MovementPattern = (typeof MOVEMENT_PATTERNS)[number];
export const MOVEMENT_PATTERN_LABELS: Record<MovementPattern, string> = {
  hinge: 'Hinge',
  bridge: 'Bridge',
  knee_flexion: 'Knee flexion',
  calf: 'Calf / ankle',
  squat: 'Squat',
  lunge: 'Lunge',
  step: 'Step-up / step-down',
  anti_extension: 'Anti-extension',
  anti_rotation: 'Anti-rotation',
  anti_lateral_flexion: 'Anti-lateral flexion',
  carry: 'Carry',
  hip_abduction: 'Hip abduction',
  hip_adduction: 'Hip adduction',
  jump: 'Jump',
  hop: 'Hop',
  bound: 'Bound',
  sprint: 'Sprint / push',
  mobility: 'Mobility',
};

/** How an exercise is dosed and loaded. */
export const LOAD_KINDS = ['external', 'bodyweight', 'time', 'distance', 'height', 'contacts'] as const;
export type LoadKind = (typeof LOAD_KINDS)[number];
export const LOAD_KIND_LABELS: Record<LoadKind, string> = {
  external: 'External load',
  bodyweight: 'Bodyweight',
  time: 'Time',
  distance: 'Distance',
  height: 'Height (box)',
  contacts: 'Ground contacts',
};

/** What the load is lifted with: decides how issue 4's sheets round it (plates or dumbbell steps). */
export const EQUIPMENT = ['barbell', 'dumbbell', 'kettlebell', 'bodyweight', 'band', 'sled', 'box', 'machine', 'other'] as const;
export type Equipment = (typeof EQUIPMENT)[number];
export const EQUIPMENT_LABELS: Record<Equipment, string> = {
  barbell: 'Barbell / trap bar',
  dumbbell: 'Dumbbell',
  kettlebell: 'Kettlebell',
  bodyweight: 'Bodyweight',
  band: 'Band',
  sled: 'Sled',
  box: 'Box / hurdle',
  machine: 'Machine',
  other: 'Other',
};

export interface Exercise {
  id: number;
  /** Stable code of a built-in exercise (`rdl`); null for the coach's own. */
  code: string | null;
  name: string;
  category: ExerciseCategory;
  pattern: MovementPattern;
  unilateral: boolean;
  loadKind: LoadKind;
  equipment: Equipment;
  /** `3-1-1` (lowering-pause-lifting, X = explosive), or '' when tempo does not apply. */
  defaultTempo: string;
  /** Two or three coaching cues in plain words. */
  cues: string[];
  regressionId: number | null;
  progressionId: number | null;
  builtin: boolean;
  hidden: boolean;
  notes: string;
}

// ---- prescriptions and templates ----

export const DOSE_UNITS = ['reps', 'seconds', 'metres', 'contacts'] as const;
export type DoseUnit = (typeof DOSE_UNITS)[number];
export const DOSE_UNIT_LABELS: Record<DoseUnit, string> = { reps: 'reps', seconds: 's', metres: 'm', contacts: 'contacts' };

/** The dose unit that suits an exercise's load kind. */
export function defaultDoseUnit(loadKind: LoadKind): DoseUnit {
  if (loadKind === 'time') return 'seconds';
  if (loadKind === 'distance') return 'metres';
  if (loadKind === 'contacts') return 'contacts';
  return 'reps';
}

/**
 * How the load of a prescription is set: a percent of the athlete's working max, reps in
 * reserve (the athlete picks a load that leaves that many reps), a fixed load in kg, or none
 * (bodyweight, holds, carries with a self-chosen load, jumps).
 */
export const LOAD_RULES = ['percent_max', 'rir', 'fixed_kg', 'bodyweight'] as const;
export type LoadRule = (typeof LOAD_RULES)[number];
export const LOAD_RULE_LABELS: Record<LoadRule, string> = {
  percent_max: '% of working max',
  rir: 'Reps in reserve (RIR)',
  fixed_kg: 'Fixed load',
  bodyweight: 'Bodyweight / no load',
};

export interface Prescription {
  exerciseId: number;
  sets: number;
  /** Reps, seconds, metres or contacts per set (per side when `perSide`). */
  dose: number;
  doseUnit: DoseUnit;
  perSide: boolean;
  loadRule: LoadRule;
  /** Percent (70 = 70%), RIR (2), or kg; null for bodyweight. */
  loadValue: number | null;
  tempo: string;
  restSeconds: number;
  notes: string;
}

export interface SessionTemplate {
  id: number;
  /** Stable code of a built-in template (`foundational_a`); null for the coach's own. */
  code: string | null;
  name: string;
  sessionType: SessionType;
  /** The phase it is written for; null = any phase. */
  phase: Phase | null;
  /** Planned minutes and target session RPE (CR-10), for the planned session load. */
  plannedMinutes: number;
  targetRpe: number;
  notes: string;
  builtin: boolean;
  hidden: boolean;
  prescriptions: Prescription[];
}

// ---- blocks ----

/** Deload rule of a block (REFERENCE.md §6.2 defaults: sets −50%, load −10%, RIR +2). */
export interface DeloadRule {
  setReduction: number;
  loadReduction: number;
  rirIncrease: number;
}

export const BLOCK_WEEKS_RANGE = { min: 1, max: 8 } as const;
export const PROGRESSION_RANGE = { min: 0.02, max: 0.05 } as const;
export const DELOAD_RANGES = {
  setReduction: { min: 0, max: 0.6 },
  loadReduction: { min: 0, max: 0.2 },
  rirIncrease: { min: 0, max: 4 },
} as const;

/** One weekday of a block's weekly rhythm. */
export interface RhythmDay {
  /** 0 = Sunday ... 6 = Saturday. */
  weekday: number;
  /** The strength session on this weekday, if any. */
  templateId: number | null;
  /** The session starts in this week of the block (DOMAIN.md: "Sun C (after week 4)"); 1 = from the start. */
  strengthFromWeek: number;
  run: PlannedRun | null;
}

export interface BlockTargets {
  groupIds: number[];
  athleteIds: number[];
}

export interface Block extends BlockTargets {
  id: number;
  name: string;
  phase: Phase;
  startDate: IsoDate;
  /** Last day of the block (start + weeks × 7 − 1). */
  endDate: IsoDate;
  weeks: number;
  /** 1-based week that is the deload; null = no deload in this block. */
  deloadWeek: number | null;
  /** Weekly load progression as a fraction (0.025 = +2.5% a week). */
  weeklyProgression: number;
  deload: DeloadRule;
  /** Seven days, Sunday first. */
  rhythm: RhythmDay[];
  notes: string;
}

// ---- calendar events ----

export const EVENT_KINDS = ['test_day', 'race'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];
export const EVENT_KIND_LABELS: Record<EventKind, string> = { test_day: 'Test day', race: 'Race' };

/** A test day or a race: for the whole squad (no group, no athlete), one group, or one athlete. */
export interface CalendarEvent {
  id: number;
  date: IsoDate;
  kind: EventKind;
  name: string;
  groupId: number | null;
  athleteId: number | null;
  notes: string;
}

// ---- an athlete's own changes ----

export type StrengthChange =
  | { kind: 'skip' }
  /** Replace the planned session with another (or add one on a day without). */
  | { kind: 'replace'; templateId: number }
  /** The planned session was moved to another day. */
  | { kind: 'moved_out'; to: IsoDate }
  /** A session moved here from another day. */
  | { kind: 'moved_in'; templateId: number; from: IsoDate };

export type RunChange = { kind: 'skip' } | ({ kind: 'set' } & PlannedRun);

/** Everything an athlete has different from the group plan on one day. */
export interface DayChangeFields {
  strength: StrengthChange | null;
  run: RunChange | null;
  /** true: a deload day for this athlete (issue 7 "Schedule deload"); false: not a deload; null: as planned. */
  deload: boolean | null;
  note: string;
}

export interface DayChange extends DayChangeFields {
  athleteId: number;
  date: IsoDate;
}

export function isEmptyChange(change: DayChangeFields): boolean {
  return change.strength === null && change.run === null && change.deload === null && change.note.trim() === '';
}

/** An exercise swapped for another (usually its regression) for one athlete over a date range. */
export interface ExerciseSwap {
  id: number;
  athleteId: number;
  exerciseId: number;
  replacementId: number;
  fromDate: IsoDate;
  /** Last day it applies; null = until removed. */
  toDate: IsoDate | null;
  reason: 'injury' | 'coach';
  note: string;
}

/** The key two exercise or template names are compared by: case and spacing do not make a new one. */
export function planNameKey(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('en');
}

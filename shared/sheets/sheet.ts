/**
 * A session sheet: one athlete's day as it is printed (PRODUCT.md step 4) and keyed back in
 * (step 5). Built from the session as the athlete does it that week (the calendar's lines, with
 * swaps, progression and deload applied), the athlete's working maxes and the gym's equipment.
 * An athlete flagged injured / modified gets each exercise's regression unless the plan already
 * swapped it, and the sheet says so.
 */
import type { IsoDate } from '../dates';
import type { StrengthState, RunState } from '../plan/expand';
import type { DoseUnit, EventKind, Exercise, ExerciseSwap, Phase, RunType, SessionType } from '../plan/model';
import type { WeekPrescription } from '../plan/progression';
import type { SessionLine } from '../plan/views';
import { equipmentSteps, sheetLoad, volumeText, type GymEquipment, type SheetLoad } from './loads';
import { reserveAtPercent, type WorkingMaxSource } from './workingMax';

/** Cues printed per exercise: two fit a row (DOMAIN.md gives two or three). */
export const CUES_ON_SHEET = 2;

export interface SheetLine {
  position: number;
  /** The exercise done, after a swap or an injury regression. */
  exerciseId: number;
  exerciseName: string;
  /** The template's exercise, when something replaced it. */
  planned: { exerciseId: number; exerciseName: string } | null;
  /** "Regression for injury: Kickstand RDL instead of Single-leg RDL". */
  changeNote: string | null;
  sets: number;
  dose: number;
  doseUnit: DoseUnit;
  perSide: boolean;
  /** "3 x 8 each side". */
  volume: string;
  load: SheetLoad;
  /** The athlete's 1RM for the exercise done (tested or estimated), to check typed loads against. */
  oneRmKg: number | null;
  /** A load is written down per set (the entry screen's load boxes). */
  loaded: boolean;
  /** The reps in reserve the prescription means (stored with each logged set, for the estimated 1RM). */
  reserve: number | null;
  tempo: string;
  restSeconds: number;
  cues: string[];
  notes: string;
}

export interface SheetAthlete {
  id: number;
  name: string;
  givenName: string;
  familyName: string;
  groupId: number | null;
  groupName: string | null;
  injured: boolean;
  injuryNotes: string;
}

export interface AthleteSheet {
  athlete: SheetAthlete;
  date: IsoDate;
  block: { id: number; name: string; phase: Phase; week: number; weeks: number } | null;
  isDeload: boolean;
  session: { templateId: number; name: string; sessionType: SessionType; plannedMinutes: number; targetRpe: number; state: StrengthState } | null;
  lines: SheetLine[];
  /** The day's run (null when there is none or it was skipped); a rest day is a run of type rest. */
  run: { type: RunType; minutes: number; rpe: number; state: RunState } | null;
  /** The athlete's own note for the day (from the calendar). */
  note: string;
  /** Races and test days that concern the athlete. */
  events: { kind: EventKind; name: string }[];
}

/** The day's sheets for a group or a selection of athletes. */
export interface SheetDay {
  date: IsoDate;
  squadName: string;
  /** The group's name, or "Selected athletes". */
  title: string;
  gym: GymEquipment;
  /** Athletes with a session or a run that day, in name order. */
  sheets: AthleteSheet[];
  /** Athletes chosen who have nothing planned that day (no sheet). */
  nothingPlanned: { id: number; name: string }[];
}

export interface BuildLinesInput {
  session: readonly SessionLine[];
  swaps: readonly Pick<ExerciseSwap, 'id' | 'reason'>[];
  injured: boolean;
  exercise(id: number): Pick<Exercise, 'id' | 'name' | 'loadKind' | 'equipment' | 'cues'> | null;
  /** The athlete's working max for an exercise on the sheet's day. */
  maxFor(exerciseId: number): WorkingMaxSource | null;
  gym: GymEquipment;
  deloadLoadReduction: number;
}

/** The exercise lines of one athlete's sheet. */
export function buildSheetLines(input: BuildLinesInput): SheetLine[] {
  return input.session.map((line) => {
    let exerciseId = line.exerciseId;
    let planned: SheetLine['planned'] = null;
    let changeNote: string | null = null;
    if (line.swappedFrom) {
      planned = { exerciseId: line.swappedFrom.exerciseId, exerciseName: line.swappedFrom.exerciseName };
      const reason = input.swaps.find((s) => s.id === line.swappedFrom?.swapId)?.reason ?? 'coach';
      changeNote = `${reason === 'injury' ? 'Regression for injury' : 'Swapped by the coach'}: ${line.exerciseName} instead of ${line.swappedFrom.exerciseName}`;
    } else if (input.injured && line.regression) {
      planned = { exerciseId: line.exerciseId, exerciseName: line.exerciseName };
      exerciseId = line.regression.exerciseId;
      changeNote = `Regression for injury: ${line.regression.exerciseName} instead of ${line.exerciseName}`;
    }
    const exercise = input.exercise(exerciseId);
    const p = line.prescription;
    const kind = { loadKind: exercise?.loadKind ?? 'bodyweight', equipment: exercise?.equipment ?? 'bodyweight' } as const;
    const max = input.maxFor(exerciseId);
    const load = sheetLoad({ prescription: p, exercise: kind, max, gym: input.gym, deloadLoadReduction: input.deloadLoadReduction });
    return {
      position: line.position,
      exerciseId,
      exerciseName: exercise?.name ?? line.exerciseName,
      planned,
      changeNote,
      sets: p.sets,
      dose: p.dose,
      doseUnit: p.doseUnit,
      perSide: p.perSide,
      volume: volumeText(p),
      load,
      oneRmKg: max && max.kind !== 'starting' ? max.kg : null,
      loaded: p.loadRule !== 'bodyweight' && (p.loadRule === 'fixed_kg' || equipmentSteps(kind.equipment, input.gym) !== null),
      reserve: plannedReserve(p),
      tempo: p.tempo,
      restSeconds: p.restSeconds,
      cues: (exercise?.cues ?? line.cues).slice(0, CUES_ON_SHEET),
      notes: p.notes,
    };
  });
}

/**
 * The reps in reserve a prescription means: its RIR (deload included), or for a percent of max
 * what Epley leaves at that percent; null for fixed loads, bodyweight work and doses that are
 * not reps.
 */
export function plannedReserve(p: Pick<WeekPrescription, 'loadRule' | 'doseUnit' | 'dose' | 'rir' | 'percentOfMax'>): number | null {
  if (p.doseUnit !== 'reps') return null;
  if (p.loadRule === 'rir') return p.rir;
  if (p.loadRule === 'percent_max' && p.percentOfMax !== null) return reserveAtPercent(p.percentOfMax, p.dose);
  return null;
}

/** "90 s", "2 min", "2:30 min" (short enough for a narrow column). */
export function restText(seconds: number): string {
  if (seconds <= 0) return '';
  if (seconds < 120) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  return rest === 0 ? `${minutes} min` : `${minutes}:${String(rest).padStart(2, '0')} min`;
}

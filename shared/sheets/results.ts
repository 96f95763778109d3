/**
 * Results keyed back from a session sheet: the strength session (done, modified or missed, with
 * its sets, session RPE and minutes), the day's run, and the wellness check. Loads are kilograms
 * here; the entry screen types them in the squad's unit. The checks below run at the field as the
 * coach types (a refusal says why; a doubtful load asks first); the contract's schema enforces the
 * same limits for every other caller.
 */
import type { IsoDate } from '../dates';
import type { RunType } from '../plan/model';
import { formatMass, kgToUnit, roundForDisplay, unitToKg, type MassUnit } from '../units';
import type { WellnessItemKey } from './words';

export const STRENGTH_STATUSES = ['done', 'modified', 'missed'] as const;
export type StrengthStatus = (typeof STRENGTH_STATUSES)[number];

export const RUN_STATUSES = ['done', 'missed'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];
/** Every run type but rest (a rest day is not a run to log). */
export const LOGGED_RUN_TYPES = ['easy', 'tempo', 'intervals', 'long', 'sprint', 'race', 'cross_training'] as const satisfies readonly RunType[];
export type LoggedRunType = (typeof LOGGED_RUN_TYPES)[number];

/** Beyond these a value is a typo (or the wrong unit), never a result. */
export const RESULT_LIMITS = {
  reps: { min: 0, max: 100 },
  seconds: { min: 0, max: 3600 },
  metres: { min: 0, max: 1000 },
  contacts: { min: 0, max: 500 },
  loadKg: { min: 0, max: 500 },
  sessionRpe: { min: 0, max: 10 },
  strengthMinutes: { min: 1, max: 300 },
  runMinutes: { min: 1, max: 600 },
  wellness: { min: 1, max: 5 },
} as const;

export interface LoggedSetResult {
  /** The line of the session (1-based). */
  position: number;
  setNumber: number;
  /** The exercise actually done. */
  exerciseId: number;
  reps: number | null;
  loadKg: number | null;
  seconds: number | null;
  metres: number | null;
  contacts: number | null;
  /** What the sheet asked for (dose in the line's unit, load in kg), kept beside what was done. */
  plannedDose: number | null;
  plannedLoadKg: number | null;
  /** The reps in reserve the prescription meant (shared/sheets/sheet.ts `plannedReserve`); null when unknown. */
  repsInReserve: number | null;
}

export interface StrengthResult {
  templateId: number | null;
  status: StrengthStatus;
  /** CR-10, 0-10. */
  sessionRpe: number | null;
  minutes: number | null;
  note: string;
  sets: LoggedSetResult[];
}

export interface RunResult {
  runType: LoggedRunType;
  status: RunStatus;
  minutes: number | null;
  sessionRpe: number | null;
  note: string;
}

export type WellnessResult = Record<WellnessItemKey, number | null> & { hamstringTight: boolean | null };

/** Everything keyed back for one athlete on one day; null = nothing recorded. */
export interface DayResults {
  athleteId: number;
  date: IsoDate;
  strength: StrengthResult | null;
  run: RunResult | null;
  wellness: WellnessResult | null;
}

// ---- checks at the field ----

/** A typed value: empty, refused (with why), doubtful (ask the coach first), or fine. */
export type FieldCheck<T> = { state: 'empty' } | { state: 'error'; message: string } | { state: 'ask'; value: T; message: string } | { state: 'ok'; value: T };

function parseNumber(text: string): number | null {
  const clean = text.trim().replace(',', '.');
  if (clean === '' || !/^-?\d*\.?\d+$/.test(clean)) return null;
  return Number(clean);
}

function wholeInRange(text: string, min: number, max: number, refuse: (value: string) => string): FieldCheck<number> {
  if (text.trim() === '') return { state: 'empty' };
  const n = parseNumber(text);
  if (n === null || !Number.isInteger(n) || n < min || n > max) return { state: 'error', message: refuse(text.trim()) };
  return { state: 'ok', value: n };
}

export function checkReps(text: string): FieldCheck<number> {
  const { min, max } = RESULT_LIMITS.reps;
  return wholeInRange(text, min, max, (v) => `${v} reps? Enter ${min}-${max}.`);
}

/** Seconds, metres or contacts of a set. */
export function checkDose(text: string, unit: 'seconds' | 'metres' | 'contacts'): FieldCheck<number> {
  const { min, max } = RESULT_LIMITS[unit];
  const words = unit === 'seconds' ? 'seconds' : unit === 'metres' ? 'metres' : 'contacts';
  return wholeInRange(text, min, max, (v) => `${v} ${words}? Enter ${min}-${max}.`);
}

export function checkSessionRpe(text: string): FieldCheck<number> {
  if (text.trim() === '') return { state: 'empty' };
  const n = parseNumber(text);
  const { min, max } = RESULT_LIMITS.sessionRpe;
  if (n === null || n < min || n > max || !Number.isInteger(n * 2)) return { state: 'error', message: `RPE ${text.trim()}? The CR-10 scale runs ${min}-${max} (half points allowed).` };
  return { state: 'ok', value: n };
}

export function checkMinutes(text: string, kind: 'strength' | 'run'): FieldCheck<number> {
  const { min, max } = kind === 'strength' ? RESULT_LIMITS.strengthMinutes : RESULT_LIMITS.runMinutes;
  return wholeInRange(text, min, max, (v) => `${v} minutes? A ${kind === 'strength' ? 'strength session' : 'run'} is ${min}-${max} minutes.`);
}

export function checkWellness(text: string): FieldCheck<number> {
  const { min, max } = RESULT_LIMITS.wellness;
  return wholeInRange(text, min, max, (v) => `${v}? Rate ${min}-${max} (5 is the best).`);
}

/** What a typed load is checked against (kilograms). */
export interface LoadContext {
  unit: MassUnit;
  /** The load on the sheet for this set, if it had one. */
  prescribedKg: number | null;
  /** The athlete's 1RM for the exercise (tested or estimated), if known. */
  oneRmKg: number | null;
  athleteName: string;
}

/**
 * A load typed in the squad's unit: refused when it is not a load at all or beyond what anyone
 * lifts; asked about when it is more than twice (or under half) the sheet's load, which is what a
 * load typed in the other unit looks like, or well above the athlete's own 1RM.
 */
export function checkLoad(text: string, context: LoadContext): FieldCheck<number> {
  if (text.trim() === '') return { state: 'empty' };
  const { unit } = context;
  const n = parseNumber(text);
  const maxInUnit = roundForDisplay(kgToUnit(RESULT_LIMITS.loadKg.max, unit), 0);
  if (n === null || n < 0) return { state: 'error', message: `${text.trim()} is not a load: enter it in ${unit}.` };
  if (n > maxInUnit) return { state: 'error', message: `${n} ${unit} is beyond any lift; enter the load in ${unit} (at most ${maxInUnit}).` };
  const kg = unitToKg(n, unit);
  const other: MassUnit = unit === 'kg' ? 'lb' : 'kg';
  const prescribed = context.prescribedKg;
  if (prescribed !== null && prescribed > 0 && n > 0) {
    if (kg > 2 * prescribed + 1e-9) return { state: 'ask', value: kg, message: `${n} ${unit} is more than twice the ${formatMass(prescribed, unit)} on the sheet. Typed in ${other}?` };
    if (kg < prescribed / 2 - 1e-9) return { state: 'ask', value: kg, message: `${n} ${unit} is under half the ${formatMass(prescribed, unit)} on the sheet. Typed in ${other}?` };
  }
  if (context.oneRmKg !== null && kg > context.oneRmKg * 1.1 + 1e-9) {
    return { state: 'ask', value: kg, message: `${n} ${unit} is more than ${context.athleteName}'s 1RM of ${formatMass(context.oneRmKg, unit)}. Is it right?` };
  }
  return { state: 'ok', value: kg };
}

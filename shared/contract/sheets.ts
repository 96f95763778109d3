/**
 * Session sheets (issue 4): the day's sheets for a group or chosen athletes, saving them as a
 * PDF, keying results back, and each athlete's working maxes. Loads cross this boundary in
 * kilograms; the screens show and take them in the squad's unit.
 */
import { z } from 'zod';
import type { IsoDate } from '../dates';
import { LOGGED_RUN_TYPES, RESULT_LIMITS, RUN_STATUSES, STRENGTH_STATUSES, type DayResults } from '../sheets/results';
import type { SheetDay } from '../sheets/sheet';
import type { CoachMax, WorkingMaxSource } from '../sheets/workingMax';
import type { SavedFile } from './backups';
import { idSchema, isoDateSchema } from './common';
import { method } from './define';

/** At most this many athletes' sheets at once (the large squad's biggest group is 110; a club is 300). */
export const MAX_SHEETS = 400;

/** A day and whose sheets: a group (its active athletes) or chosen athletes. */
const daySelectionShape = {
  date: isoDateSchema,
  groupId: idSchema.nullable().default(null),
  athleteIds: z.array(idSchema, { error: 'Expected a list of athletes' }).max(MAX_SHEETS, `At most ${MAX_SHEETS} athletes at once`).default([]),
};

function oneSelection(s: { groupId: number | null; athleteIds: number[] }, ctx: z.RefinementCtx) {
  if (s.groupId === null && s.athleteIds.length === 0) ctx.addIssue({ code: 'custom', path: ['groupId'], message: 'Choose a group or some athletes' });
  if (s.groupId !== null && s.athleteIds.length > 0) ctx.addIssue({ code: 'custom', path: ['athleteIds'], message: 'Choose a group or athletes, not both' });
}

export const daySelectionSchema = z.object(daySelectionShape).strict().superRefine(oneSelection);
export type DaySelection = z.output<typeof daySelectionSchema>;

export const SHEET_LAYOUTS = ['individual', 'clipboard'] as const;
export type SheetLayout = (typeof SHEET_LAYOUTS)[number];
export const PAPER_SIZES = ['a4', 'letter'] as const;
export type PaperSize = (typeof PAPER_SIZES)[number];

export const printSelectionSchema = z
  .object({
    ...daySelectionShape,
    layout: z.enum(SHEET_LAYOUTS, { error: 'Choose individual sheets or the clipboard sheet' }),
    paper: z.enum(PAPER_SIZES, { error: 'Choose A4 or US Letter' }),
  })
  .strict()
  .superRefine(oneSelection);
export type PrintSelection = z.output<typeof printSelectionSchema>;

// ---- results ----

/** An optional number in a range; `label` starts the messages ("Reps must be 0-100"). */
const nullableNumber = (label: string, min: number, max: number, whole: boolean) => {
  const base = z.number({ error: `${label}: enter a number` });
  const ranged = (whole ? base.int(`${label} is a whole number`) : base).min(min, `${label} must be ${min}-${max}`).max(max, `${label} must be ${min}-${max}`);
  return ranged.nullable().default(null);
};

const rpeSchema = z
  .number({ error: 'Enter the session RPE as a number' })
  .min(RESULT_LIMITS.sessionRpe.min, 'Session RPE is 0-10 on the CR-10 scale')
  .max(RESULT_LIMITS.sessionRpe.max, 'Session RPE is 0-10 on the CR-10 scale')
  .refine((n) => Number.isInteger(n * 2), 'Session RPE is rated in whole or half points')
  .nullable()
  .default(null);

const noteSchema = z.string({ error: 'Expected text' }).trim().max(500, 'Keep the note to 500 characters').default('');

export const loggedSetSchema = z
  .object({
    position: z.number().int('Expected a line number').min(1, 'Expected a line number').max(30, 'At most 30 lines'),
    setNumber: z.number().int('Expected a set number').min(1, 'Expected a set number').max(20, 'At most 20 sets'),
    exerciseId: idSchema,
    reps: nullableNumber('Reps', RESULT_LIMITS.reps.min, RESULT_LIMITS.reps.max, true),
    loadKg: nullableNumber('Load (kg)', RESULT_LIMITS.loadKg.min, RESULT_LIMITS.loadKg.max, false),
    seconds: nullableNumber('Seconds', RESULT_LIMITS.seconds.min, RESULT_LIMITS.seconds.max, true),
    metres: nullableNumber('Metres', RESULT_LIMITS.metres.min, RESULT_LIMITS.metres.max, true),
    contacts: nullableNumber('Contacts', RESULT_LIMITS.contacts.min, RESULT_LIMITS.contacts.max, true),
    plannedDose: z.number().int().min(0).max(1000).nullable().default(null),
    plannedLoadKg: z.number().min(0).max(RESULT_LIMITS.loadKg.max).nullable().default(null),
    repsInReserve: z.number().min(0).max(100).nullable().default(null),
  })
  .strict()
  .refine((s) => s.reps !== null || s.seconds !== null || s.metres !== null || s.contacts !== null, { path: ['reps'], message: 'Enter what was done in this set' });

export const strengthResultSchema = z
  .object({
    templateId: idSchema.nullable().default(null),
    status: z.enum(STRENGTH_STATUSES, { error: 'Choose done, modified or missed' }),
    sessionRpe: rpeSchema,
    minutes: nullableNumber('Minutes', RESULT_LIMITS.strengthMinutes.min, RESULT_LIMITS.strengthMinutes.max, true),
    note: noteSchema,
    sets: z.array(loggedSetSchema, { error: 'Expected a list of sets' }).max(200, 'At most 200 sets in a session').default([]),
  })
  .strict()
  .superRefine((s, ctx) => {
    if (s.status === 'missed') {
      if (s.sets.length > 0) ctx.addIssue({ code: 'custom', path: ['sets'], message: 'A missed session has no sets' });
      if (s.sessionRpe !== null) ctx.addIssue({ code: 'custom', path: ['sessionRpe'], message: 'A missed session has no RPE' });
      if (s.minutes !== null) ctx.addIssue({ code: 'custom', path: ['minutes'], message: 'A missed session has no minutes' });
    }
    const seen = new Set<string>();
    s.sets.forEach((set, i) => {
      const key = `${set.position}:${set.setNumber}`;
      if (seen.has(key)) ctx.addIssue({ code: 'custom', path: ['sets', i, 'setNumber'], message: `Set ${set.setNumber} of line ${set.position} is listed twice` });
      seen.add(key);
    });
  });

export const runResultSchema = z
  .object({
    runType: z.enum(LOGGED_RUN_TYPES, { error: 'Choose a run type (a rest day is not a run to log)' }),
    status: z.enum(RUN_STATUSES, { error: 'Choose done or missed' }),
    minutes: nullableNumber('Minutes', RESULT_LIMITS.runMinutes.min, RESULT_LIMITS.runMinutes.max, true),
    sessionRpe: rpeSchema,
    note: noteSchema,
  })
  .strict()
  .superRefine((r, ctx) => {
    if (r.status === 'missed' && (r.minutes !== null || r.sessionRpe !== null)) ctx.addIssue({ code: 'custom', path: ['minutes'], message: 'A missed run has no minutes or RPE' });
  });

const wellnessItem = nullableNumber('A wellness rating', RESULT_LIMITS.wellness.min, RESULT_LIMITS.wellness.max, true);

export const wellnessResultSchema = z
  .object({
    fatigue: wellnessItem,
    sleepQuality: wellnessItem,
    muscleSoreness: wellnessItem,
    stress: wellnessItem,
    mood: wellnessItem,
    hamstringTight: z.boolean({ error: 'Expected yes or no' }).nullable().default(null),
  })
  .strict()
  .refine((w) => Object.values(w).some((v) => v !== null), { path: ['sleepQuality'], message: 'Enter at least one answer, or leave the whole check out' });

export const dayResultsSchema = z
  .object({
    athleteId: idSchema,
    date: isoDateSchema,
    strength: strengthResultSchema.nullable(),
    run: runResultSchema.nullable(),
    wellness: wellnessResultSchema.nullable(),
  })
  .strict();

/** The entry screen's day: the sheets (what was prescribed) and what is already logged. */
export interface ResultsDay {
  sheet: SheetDay;
  /** Per athlete on the sheet, in the same order; parts not yet logged are null. */
  results: DayResults[];
}

export interface SaveResultsOutcome {
  saved: DayResults;
  /** The athlete's day before the save: pass it to results.save to undo. */
  previous: DayResults;
}

// ---- working maxes ----

export const coachMaxSchema = z
  .object({
    athleteId: idSchema,
    exerciseId: idSchema,
    testedKg: z.number({ error: 'Enter the tested 1RM as a number' }).positive('A tested 1RM is more than 0').max(500, 'A tested 1RM is at most 500 kg').nullable().default(null),
    testedOn: isoDateSchema.nullable().default(null),
    startingKg: z.number({ error: 'Enter the starting load as a number' }).positive('A starting load is more than 0').max(500, 'A starting load is at most 500 kg').nullable().default(null),
    startingReps: z.number({ error: 'Enter the reps as a number' }).int('Reps are a whole number').min(1, 'Reps are 1-30').max(30, 'Reps are 1-30').nullable().default(null),
  })
  .strict()
  .superRefine((m, ctx) => {
    if ((m.testedKg === null) !== (m.testedOn === null)) ctx.addIssue({ code: 'custom', path: [m.testedKg === null ? 'testedKg' : 'testedOn'], message: m.testedKg === null ? 'Enter the tested 1RM for this date' : 'Enter the date of the test' });
    if ((m.startingKg === null) !== (m.startingReps === null)) ctx.addIssue({ code: 'custom', path: [m.startingKg === null ? 'startingKg' : 'startingReps'], message: m.startingKg === null ? 'Enter the starting load for these reps' : 'Enter the reps the starting load is for' });
  });
export type CoachMaxInput = z.output<typeof coachMaxSchema>;

export const maxesQuerySchema = z.discriminatedUnion(
  'by',
  [
    z.object({ by: z.literal('exercise'), exerciseId: idSchema, groupId: idSchema.nullable().default(null) }).strict(),
    z.object({ by: z.literal('athlete'), athleteId: idSchema }).strict(),
  ],
  { error: 'Choose an exercise or an athlete' },
);

/** One athlete and exercise on the working-max screen. */
export interface WorkingMaxRow {
  athleteId: number;
  athleteName: string;
  groupId: number | null;
  exerciseId: number;
  exerciseName: string;
  /** What the coach entered (null = nothing). */
  coach: CoachMax | null;
  /** The estimate from logged sets on `asOf`, if any. */
  estimate: Extract<WorkingMaxSource, { kind: 'estimated' }> | null;
  /** The working max sheets use on `asOf` (null = "choose a starting load"). */
  inUse: WorkingMaxSource | null;
}

export interface WorkingMaxList {
  asOf: IsoDate;
  rows: WorkingMaxRow[];
}

export const sheetMethods = {
  'sheets.day': method(daySelectionSchema, "The day's session sheets for a group or chosen athletes: each athlete's own loads").reads('plan', 'roster', 'settings', 'maxes', 'logs').returns<SheetDay>(),
  'sheets.savePdf': method(printSelectionSchema, 'Save the sheets as a PDF where the coach chooses (desktop app; in a browser, print and choose Save as PDF)').reads('plan', 'roster', 'settings', 'maxes', 'logs').returns<SavedFile>(),

  'results.day': method(daySelectionSchema, 'The result-entry screen: the sheets and what is already logged').reads('plan', 'roster', 'settings', 'maxes', 'logs').returns<ResultsDay>(),
  'results.save': method(dayResultsSchema, "Replace what is logged for one athlete's day (null parts are cleared); returns the day before, for undo").affects('logs').returns<SaveResultsOutcome>(),

  'maxes.list': method(maxesQuerySchema, 'Working maxes: for an exercise across a group, or every loaded exercise of one athlete').reads('maxes', 'roster', 'plan', 'logs').returns<WorkingMaxList>(),
  'maxes.set': method(
    z.object({ entries: z.array(coachMaxSchema, { error: 'Expected a list of entries' }).min(1, 'Nothing to save').max(2000, 'At most 2000 at once') }).strict(),
    'Set tested 1RMs and starting loads (all empty clears an entry); returns the entries as they were, for undo',
  ).affects('maxes').returns<{ previous: CoachMaxInput[] }>(),
};

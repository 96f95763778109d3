/**
 * The season plan and the calendar: exercises, session templates, blocks, test days and races,
 * an athlete's own changes and exercise swaps, and the grid. Every schema is strict and says
 * what is wrong in a coach's words.
 */
import { z } from 'zod';
import { addDays, DATE_WINDOW, daysBetween, isDateInWindow, isIsoDate } from '../dates';
import {
  BLOCK_WEEKS_RANGE,
  DELOAD_RANGES,
  DOSE_UNITS,
  EQUIPMENT,
  EVENT_KINDS,
  EXERCISE_CATEGORIES,
  LOAD_KINDS,
  LOAD_RULES,
  MOVEMENT_PATTERNS,
  PHASES,
  PROGRESSION_RANGE,
  RUN_TYPES,
  SESSION_TYPES,
  type Block,
  type CalendarEvent,
  type Exercise,
  type ExerciseSwap,
  type SessionTemplate,
} from '../plan/model';
import type { AthleteSuggestions, CalendarGrid, ChangeResult, DayDetail, PlanSummary } from '../plan/views';
import { emptyInput, idListSchema, idSchema, isoDateSchema, nameText, requiredText } from './common';
import { method } from './define';

const boolSchema = z.boolean({ error: 'Expected yes or no' });
const optionalText = (what: string, max: number) =>
  z.string({ error: 'Expected text' }).trim().max(max, `Keep ${what} to ${max} characters`).default('');

/** Tempo as lowering-pause-lifting(-pause) seconds, X = as fast as possible; empty = none. */
export const tempoSchema = z
  .string({ error: 'Expected a tempo like 3-1-1' })
  .trim()
  .toUpperCase()
  .regex(/^$|^[0-9X](-[0-9X]){2,3}$/, 'Write the tempo as lowering-pause-lifting seconds, e.g. 3-1-1 (X = as fast as possible)')
  .default('');

// ---- exercises ----

export const exerciseFieldsSchema = z
  .object({
    name: nameText('an exercise name', 80),
    category: z.enum(EXERCISE_CATEGORIES, { error: 'Choose a category from the list' }),
    pattern: z.enum(MOVEMENT_PATTERNS, { error: 'Choose a movement pattern from the list' }),
    unilateral: boolSchema.default(false),
    loadKind: z.enum(LOAD_KINDS, { error: 'Choose how the exercise is loaded' }),
    equipment: z.enum(EQUIPMENT, { error: 'Choose the equipment' }).default('other'),
    defaultTempo: tempoSchema,
    cues: z.array(requiredText('a cue', 120), { error: 'Expected a list of cues' }).max(3, 'Keep it to three cues').default([]),
    regressionId: idSchema.nullable().default(null),
    progressionId: idSchema.nullable().default(null),
    notes: optionalText('notes', 500),
  })
  .strict()
  .refine((e) => e.regressionId === null || e.regressionId !== e.progressionId, {
    path: ['progressionId'],
    message: 'The progression cannot be the same exercise as the regression',
  });
export type ExerciseFields = z.output<typeof exerciseFieldsSchema>;
export type ExerciseFieldsInput = z.input<typeof exerciseFieldsSchema>;

// ---- templates ----

export const LOAD_VALUE_RANGES = {
  percent_max: { min: 5, max: 100, message: 'Percent of working max must be between 5 and 100' },
  rir: { min: 0, max: 6, message: 'Reps in reserve must be between 0 and 6' },
  fixed_kg: { min: 0.5, max: 300, message: 'A fixed load must be between 0.5 and 300 kg' },
} as const;

export const prescriptionSchema = z
  .object({
    exerciseId: idSchema,
    sets: z.number({ error: 'Enter the number of sets' }).int('Sets are a whole number').min(1, 'Sets must be between 1 and 10').max(10, 'Sets must be between 1 and 10'),
    dose: z.number({ error: 'Enter reps, seconds, metres or contacts' }).int('Enter a whole number').min(1, 'Enter at least 1').max(1000, 'At most 1000'),
    doseUnit: z.enum(DOSE_UNITS, { error: 'Choose reps, seconds, metres or contacts' }),
    perSide: boolSchema.default(false),
    loadRule: z.enum(LOAD_RULES, { error: 'Choose how the load is set' }),
    loadValue: z.number({ error: 'Enter the load as a number' }).nullable().default(null),
    tempo: tempoSchema,
    restSeconds: z.number({ error: 'Enter rest in seconds' }).int('Rest is whole seconds').min(0, 'Rest cannot be negative').max(900, 'Rest must be at most 900 s (15 min)').default(90),
    notes: optionalText('notes', 200),
  })
  .strict()
  .superRefine((p, ctx) => {
    if (p.loadRule === 'bodyweight') {
      if (p.loadValue !== null) ctx.addIssue({ code: 'custom', path: ['loadValue'], message: 'A bodyweight exercise has no load value' });
      return;
    }
    const range = LOAD_VALUE_RANGES[p.loadRule];
    if (p.loadValue === null || !Number.isFinite(p.loadValue) || p.loadValue < range.min || p.loadValue > range.max) {
      ctx.addIssue({ code: 'custom', path: ['loadValue'], message: range.message });
    }
  });
export type PrescriptionInput = z.input<typeof prescriptionSchema>;

export const templateFieldsSchema = z
  .object({
    name: nameText('a template name', 80),
    sessionType: z.enum(SESSION_TYPES, { error: 'Choose A, B, C or custom' }),
    phase: z.enum(PHASES, { error: 'Choose a phase from the list' }).nullable().default(null),
    plannedMinutes: z.number({ error: 'Enter planned minutes' }).int('Minutes are a whole number').min(5, 'Planned minutes must be between 5 and 240').max(240, 'Planned minutes must be between 5 and 240'),
    targetRpe: z.number({ error: 'Enter a target RPE' }).min(1, 'Target RPE is 1-10 (CR-10 scale)').max(10, 'Target RPE is 1-10 (CR-10 scale)'),
    notes: optionalText('notes', 500),
    prescriptions: z.array(prescriptionSchema, { error: 'Expected a list of exercises' }).min(1, 'Add at least one exercise').max(20, 'At most 20 exercises in a session'),
  })
  .strict();
export type TemplateFields = z.output<typeof templateFieldsSchema>;
export type TemplateFieldsInput = z.input<typeof templateFieldsSchema>;

// ---- blocks ----

export const plannedRunSchema = z
  .object({
    type: z.enum(RUN_TYPES, { error: 'Choose a run type from the list' }),
    minutes: z.number({ error: 'Enter planned minutes' }).int('Minutes are a whole number').min(0, 'Minutes cannot be negative').max(600, 'At most 600 minutes'),
    rpe: z.number({ error: 'Enter a target RPE' }).min(0, 'Target RPE is 0-10 (CR-10 scale)').max(10, 'Target RPE is 0-10 (CR-10 scale)'),
  })
  .strict()
  .superRefine((r, ctx) => {
    if (r.type === 'rest') {
      if (r.minutes !== 0) ctx.addIssue({ code: 'custom', path: ['minutes'], message: 'A rest day has no minutes' });
      if (r.rpe !== 0) ctx.addIssue({ code: 'custom', path: ['rpe'], message: 'A rest day has no RPE' });
      return;
    }
    if (r.minutes < 5) ctx.addIssue({ code: 'custom', path: ['minutes'], message: 'Planned minutes must be between 5 and 600' });
    if (r.rpe < 1) ctx.addIssue({ code: 'custom', path: ['rpe'], message: 'Target RPE is 1-10 (CR-10 scale)' });
  });

export const rhythmDaySchema = z
  .object({
    weekday: z.number({ error: 'Expected a weekday' }).int().min(0, 'Weekday is 0 (Sunday) to 6 (Saturday)').max(6, 'Weekday is 0 (Sunday) to 6 (Saturday)'),
    templateId: idSchema.nullable().default(null),
    strengthFromWeek: z.number().int('Expected a week number').min(1, 'From week 1 to 8').max(BLOCK_WEEKS_RANGE.max, 'From week 1 to 8').default(1),
    run: plannedRunSchema.nullable().default(null),
  })
  .strict();

export const deloadRuleSchema = z
  .object({
    setReduction: z.number({ error: 'Enter the share of sets removed' }).min(DELOAD_RANGES.setReduction.min, 'Sets cut must be between 0% and 60%').max(DELOAD_RANGES.setReduction.max, 'Sets cut must be between 0% and 60%'),
    loadReduction: z.number({ error: 'Enter the share of load removed' }).min(DELOAD_RANGES.loadReduction.min, 'Load cut must be between 0% and 20%').max(DELOAD_RANGES.loadReduction.max, 'Load cut must be between 0% and 20%'),
    rirIncrease: z.number({ error: 'Enter the reps in reserve added' }).min(DELOAD_RANGES.rirIncrease.min, 'Reps in reserve added must be between 0 and 4').max(DELOAD_RANGES.rirIncrease.max, 'Reps in reserve added must be between 0 and 4'),
  })
  .strict();

export const blockFieldsSchema = z
  .object({
    name: nameText('a block name', 80),
    phase: z.enum(PHASES, { error: 'Choose a phase from the list' }),
    startDate: isoDateSchema,
    weeks: z
      .number({ error: 'Enter the number of weeks' })
      .int('Weeks are a whole number')
      .min(BLOCK_WEEKS_RANGE.min, `A block lasts ${BLOCK_WEEKS_RANGE.min} to ${BLOCK_WEEKS_RANGE.max} weeks`)
      .max(BLOCK_WEEKS_RANGE.max, `A block lasts ${BLOCK_WEEKS_RANGE.min} to ${BLOCK_WEEKS_RANGE.max} weeks`)
      .default(4),
    deloadWeek: z.number({ error: 'Choose the deload week' }).int('Expected a week number').min(1, 'Choose a week of the block').nullable().default(null),
    weeklyProgression: z
      .number({ error: 'Enter the weekly progression' })
      .min(PROGRESSION_RANGE.min, 'Weekly progression must be between 2% and 5%')
      .max(PROGRESSION_RANGE.max, 'Weekly progression must be between 2% and 5%')
      .default(0.025),
    deload: deloadRuleSchema.default({ setReduction: 0.5, loadReduction: 0.1, rirIncrease: 2 }),
    groupIds: z.array(idSchema).max(100, 'Too many groups').default([]),
    athleteIds: z.array(idSchema).max(1000, 'Too many athletes').default([]),
    rhythm: z.array(rhythmDaySchema).max(7, 'A week has seven days').default([]),
    notes: optionalText('notes', 1000),
  })
  .strict()
  .superRefine((b, ctx) => {
    if (b.groupIds.length === 0 && b.athleteIds.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['groupIds'], message: 'Choose at least one group or athlete for this block' });
    }
    if (isDateInWindow(b.startDate) && addDays(b.startDate, b.weeks * 7 - 1) > DATE_WINDOW.last) {
      ctx.addIssue({ code: 'custom', path: ['startDate'], message: 'A block must end by 31 Dec 2100' });
    }
    if (b.deloadWeek !== null && b.deloadWeek > b.weeks) {
      ctx.addIssue({ code: 'custom', path: ['deloadWeek'], message: `The deload week must be one of the block's ${b.weeks} weeks` });
    }
    const seen = new Set<number>();
    b.rhythm.forEach((d, i) => {
      if (seen.has(d.weekday)) ctx.addIssue({ code: 'custom', path: ['rhythm', i, 'weekday'], message: 'Each weekday appears once in the weekly rhythm' });
      seen.add(d.weekday);
    });
    if (new Set(b.groupIds).size !== b.groupIds.length) ctx.addIssue({ code: 'custom', path: ['groupIds'], message: 'A group is listed twice' });
    if (new Set(b.athleteIds).size !== b.athleteIds.length) ctx.addIssue({ code: 'custom', path: ['athleteIds'], message: 'An athlete is listed twice' });
  });
export type BlockFields = z.output<typeof blockFieldsSchema>;
export type BlockFieldsInput = z.input<typeof blockFieldsSchema>;

// ---- test days and races ----

export const eventFieldsSchema = z
  .object({
    date: isoDateSchema,
    kind: z.enum(EVENT_KINDS, { error: 'Choose test day or race' }),
    name: nameText('a name', 80),
    groupId: idSchema.nullable().default(null),
    athleteId: idSchema.nullable().default(null),
    notes: optionalText('notes', 500),
  })
  .strict()
  .refine((e) => e.groupId === null || e.athleteId === null, { path: ['athleteId'], message: 'Choose the whole squad, one group or one athlete' });
export type EventFields = z.output<typeof eventFieldsSchema>;

// ---- an athlete's changes ----

export const strengthChangeSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('skip') }).strict(),
    z.object({ kind: z.literal('replace'), templateId: idSchema }).strict(),
    z.object({ kind: z.literal('moved_out'), to: isoDateSchema }).strict(),
    z.object({ kind: z.literal('moved_in'), templateId: idSchema, from: isoDateSchema }).strict(),
  ],
  { error: 'Expected skip, replace or a move' },
);

export const runChangeSchema = z.discriminatedUnion(
  'kind',
  [z.object({ kind: z.literal('skip') }).strict(), z.object({ kind: z.literal('set'), type: z.enum(RUN_TYPES), minutes: z.number().int().min(0).max(600), rpe: z.number().min(0).max(10) }).strict()],
  { error: 'Expected skip or a run' },
);

export const dayChangeFieldsSchema = z
  .object({
    strength: strengthChangeSchema.nullable(),
    run: runChangeSchema.nullable(),
    deload: boolSchema.nullable(),
    note: z.string({ error: 'Expected text' }).max(500, 'Keep the note to 500 characters'),
  })
  .strict();

/** A change applied to every athlete-day of a selection. */
export const changeActionSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('skipStrength') }).strict(),
    z.object({ kind: z.literal('setStrength'), templateId: idSchema }).strict(),
    z.object({ kind: z.literal('resetStrength') }).strict(),
    z.object({ kind: z.literal('skipRun') }).strict(),
    z.object({ kind: z.literal('setRun'), run: plannedRunSchema }).strict(),
    z.object({ kind: z.literal('resetRun') }).strict(),
    z.object({ kind: z.literal('note'), note: z.string({ error: 'Expected text' }).trim().max(500, 'Keep the note to 500 characters') }).strict(),
    z.object({ kind: z.literal('deload'), deload: boolSchema.nullable() }).strict(),
  ],
  { error: 'Choose what to change' },
);
export type ChangeAction = z.output<typeof changeActionSchema>;

/** At most this many athlete-days in one bulk change (a season for 50 athletes, or 10 weeks for 300). */
export const MAX_CELLS_PER_CHANGE = 20_000;
const MAX_RANGE_DAYS = 400;

/** Athletes × a date range: a rectangle of grid cells. */
const cellRange = {
  athleteIds: idListSchema,
  from: isoDateSchema,
  to: isoDateSchema,
};

function checkRange(r: { athleteIds: number[]; from: string; to: string }, ctx: z.RefinementCtx, maxDays = MAX_RANGE_DAYS) {
  if (!isIsoDate(r.from) || !isIsoDate(r.to)) return;
  const days = daysBetween(r.from, r.to) + 1;
  if (days < 1) ctx.addIssue({ code: 'custom', path: ['to'], message: 'The last day must not be before the first' });
  else if (days > maxDays) ctx.addIssue({ code: 'custom', path: ['to'], message: `At most ${maxDays} days at once` });
  else if (days * new Set(r.athleteIds).size > MAX_CELLS_PER_CHANGE) {
    ctx.addIssue({ code: 'custom', path: ['athleteIds'], message: `That is ${days * r.athleteIds.length} athlete-days; change at most ${MAX_CELLS_PER_CHANGE} at once` });
  }
}

export const planMethods = {
  'exercises.list': method(z.object({ includeHidden: boolSchema.default(false) }).strict(), 'The exercise library in name order').reads('plan').returns<Exercise[]>(),
  'exercises.create': method(exerciseFieldsSchema, "Add one of the coach's own exercises").affects('plan').returns<Exercise>(),
  'exercises.update': method(z.object({ id: idSchema, fields: exerciseFieldsSchema }).strict(), 'Edit an exercise').affects('plan').returns<Exercise>(),
  'exercises.setHidden': method(
    z.object({ ids: idListSchema, hidden: boolSchema }).strict(),
    'Hide exercises from the pickers (built-in ones cannot be deleted), or show them again',
  ).affects('plan').returns<Exercise[]>(),
  'exercises.remove': method(z.object({ id: idSchema }).strict(), "Delete one of the coach's own exercises that nothing uses (undo of an add)").affects('plan').returns<Exercise>(),

  'templates.list': method(z.object({ includeHidden: boolSchema.default(false) }).strict(), 'Session templates with their prescriptions').reads('plan').returns<SessionTemplate[]>(),
  'templates.create': method(templateFieldsSchema, 'Add a session template').affects('plan').returns<SessionTemplate>(),
  'templates.update': method(z.object({ id: idSchema, fields: templateFieldsSchema }).strict(), 'Edit a session template').affects('plan').returns<SessionTemplate>(),
  'templates.setHidden': method(z.object({ ids: idListSchema, hidden: boolSchema }).strict(), 'Hide session templates, or show them again').affects('plan').returns<SessionTemplate[]>(),
  'templates.remove': method(z.object({ id: idSchema }).strict(), "Delete one of the coach's own templates that no block or athlete uses").affects('plan').returns<SessionTemplate>(),

  'blocks.list': method(emptyInput, 'Every block of the season plan, in date order').reads('plan', 'roster').returns<Block[]>(),
  'blocks.create': method(blockFieldsSchema, 'Add a block (refused when it overlaps another block of the same group or athlete)').affects('plan').returns<Block>(),
  'blocks.update': method(z.object({ id: idSchema, fields: blockFieldsSchema }).strict(), 'Edit a block').affects('plan').returns<Block>(),
  'blocks.remove': method(z.object({ id: idSchema }).strict(), 'Delete a block (undo: create it again from the returned fields)').affects('plan').returns<Block>(),

  'events.list': method(
    z
      .object({ from: isoDateSchema, to: isoDateSchema })
      .strict()
      .refine((r) => !isIsoDate(r.from) || !isIsoDate(r.to) || r.to >= r.from, { path: ['to'], message: 'The last day must not be before the first' }),
    'Test days and races in a date range',
  ).reads('plan', 'roster').returns<CalendarEvent[]>(),
  'events.create': method(eventFieldsSchema, 'Add a test day or a race').affects('plan').returns<CalendarEvent>(),
  'events.update': method(z.object({ id: idSchema, fields: eventFieldsSchema }).strict(), 'Edit a test day or a race').affects('plan').returns<CalendarEvent>(),
  'events.remove': method(z.object({ id: idSchema }).strict(), 'Delete a test day or a race').affects('plan').returns<CalendarEvent>(),

  'changes.apply': method(
    z
      .object({ ...cellRange, action: changeActionSchema })
      .strict()
      .superRefine((r, ctx) => checkRange(r, ctx)),
    "Change athletes' days (skip or set a session or a run, a note, a deload) on top of the group plan",
  ).affects('plan').returns<ChangeResult>(),
  'changes.clear': method(
    z
      .object(cellRange)
      .strict()
      .superRefine((r, ctx) => checkRange(r, ctx)),
    "Reset athletes' days to the group plan",
  ).affects('plan').returns<ChangeResult>(),
  'changes.move': method(
    z
      .object({ athleteId: idSchema, from: isoDateSchema, to: isoDateSchema })
      .strict()
      .refine((m) => m.from !== m.to, { path: ['to'], message: 'Choose another day to move the session to' }),
    "Move an athlete's strength session to another day",
  ).affects('plan').returns<ChangeResult>(),
  'changes.restore': method(
    z
      .object({
        rows: z
          .array(z.object({ athleteId: idSchema, date: isoDateSchema, change: dayChangeFieldsSchema.nullable() }).strict())
          .min(1, 'Nothing to restore')
          .max(50_000, 'Too many days at once'),
      })
      .strict(),
    'Write athlete-days back exactly as they were (the undo of a change)',
  ).affects('plan').returns<ChangeResult>(),

  'swaps.list': method(z.object({ athleteId: idSchema }).strict(), "An athlete's exercise swaps").reads('plan').returns<ExerciseSwap[]>(),
  'swaps.create': method(
    z
      .object({
        swaps: z
          .array(
            z
              .object({
                athleteId: idSchema,
                exerciseId: idSchema,
                replacementId: idSchema,
                fromDate: isoDateSchema,
                toDate: isoDateSchema.nullable().default(null),
                reason: z.enum(['injury', 'coach']).default('coach'),
                note: optionalText('the note', 500),
              })
              .strict()
              .refine((s) => s.exerciseId !== s.replacementId, { path: ['replacementId'], message: 'Choose a different exercise to swap in' })
              .refine((s) => s.toDate === null || !isIsoDate(s.toDate) || !isIsoDate(s.fromDate) || s.toDate >= s.fromDate, {
                path: ['toDate'],
                message: 'The last day must not be before the first',
              }),
          )
          .min(1, 'Nothing to swap')
          .max(500, 'Too many swaps at once'),
      })
      .strict(),
    'Swap exercises for other ones (e.g. their regressions) for athletes over a date range',
  ).affects('plan').returns<ExerciseSwap[]>(),
  'swaps.remove': method(z.object({ ids: idListSchema }).strict(), 'Remove exercise swaps (returns them, for undo)').affects('plan').returns<ExerciseSwap[]>(),
  'swaps.suggestions': method(
    z.object({ athleteId: idSchema.nullable().default(null) }).strict(),
    'Regressions suggested for athletes flagged injured, for the sessions of the next four weeks',
  ).reads('plan', 'roster').returns<AthleteSuggestions[]>(),

  'calendar.grid': method(
    z
      .object({ from: isoDateSchema, to: isoDateSchema })
      .strict()
      .superRefine((r, ctx) => {
        if (!isIsoDate(r.from) || !isIsoDate(r.to)) return;
        const days = daysBetween(r.from, r.to) + 1;
        if (days < 1) ctx.addIssue({ code: 'custom', path: ['to'], message: 'The last day must not be before the first' });
        if (days > 400) ctx.addIssue({ code: 'custom', path: ['to'], message: 'At most 400 days at once' });
      }),
    'The calendar grid: every active athlete × every day of a range, in compact form',
  ).reads('plan', 'roster', 'settings').returns<CalendarGrid>(),
  'calendar.day': method(z.object({ athleteId: idSchema, date: isoDateSchema }).strict(), "One athlete's day in detail: plan, changes, session, rule breaks").reads('plan', 'roster', 'settings').returns<DayDetail>(),
  'calendar.summary': method(emptyInput, 'How much is planned (for the landing screen and empty states)').reads('plan', 'roster', 'settings').returns<PlanSummary>(),
};

/**
 * Block re-tests (issue 5): the battery ("tests.*") and test sessions, results, comparisons
 * and exports ("retests.*"). Values are in each test's own unit; added loads in kilograms.
 */
import { z } from 'zod';
import {
  ADDED_LOAD_RANGE_KG,
  EYES,
  MARKS,
  SCORE_RULES,
  SESSION_KINDS,
  SIDES,
  TEST_KINDS,
  TEST_LIMITS,
  type RetestSettings,
  type TestDefinition,
  type TestEntry,
  type TestSession,
  type TestSessionSheet,
} from '../domain/retests';
import type { AthleteTrend, RetestDecline, SquadComparison } from '../retests/compare';
import type { ImportPreview } from '../retests/importRows';
import type { SavedFile } from './backups';
import { readTableInput, type TableFile } from './imports';
import { emptyInput, idSchema, isoDateSchema, nameText, requiredText } from './common';
import { method } from './define';

const positiveNumber = (what: string) =>
  z.number({ error: `Enter ${what} as a number` }).positive(`${what.charAt(0).toUpperCase()}${what.slice(1)} must be more than 0`);

/** The fields of a test in the battery (a coach's own, or a built-in's editable ones). */
export const testFieldsSchema = z
  .object({
    name: nameText('a test name', 60),
    shortName: nameText('a short name (the column heading)', 16),
    unit: requiredText('a unit (cm, s, reps...)', 12),
    higherIsBetter: z.boolean({ error: 'Choose whether higher or lower is better' }),
    decimals: z
      .number({ error: 'Enter the number of decimals' })
      .int('Decimals is a whole number')
      .min(TEST_LIMITS.decimals.min, `Decimals must be between ${TEST_LIMITS.decimals.min} and ${TEST_LIMITS.decimals.max}`)
      .max(TEST_LIMITS.decimals.max, `Decimals must be between ${TEST_LIMITS.decimals.min} and ${TEST_LIMITS.decimals.max}`),
    rangeMin: z.number({ error: 'Enter the lowest valid value' }).min(0, 'Scores cannot be negative: the lowest valid value must be 0 or more'),
    rangeMax: z.number({ error: 'Enter the highest valid value' }).max(TEST_LIMITS.rangeMax, `The highest valid value must be at most ${TEST_LIMITS.rangeMax}`),
    trials: z
      .number({ error: 'Enter the number of trials' })
      .int('Trials is a whole number')
      .min(TEST_LIMITS.trials.min, `Trials must be between ${TEST_LIMITS.trials.min} and ${TEST_LIMITS.trials.max}`)
      .max(TEST_LIMITS.trials.max, `Trials must be between ${TEST_LIMITS.trials.min} and ${TEST_LIMITS.trials.max}`),
    scoreRule: z.enum(SCORE_RULES, { error: 'Choose best trial or mean of trials' }),
    sided: z.boolean({ error: 'Choose whether the test has a left and a right' }),
    kind: z.enum(TEST_KINDS, { error: 'Choose what kind of test it is' }).default('plain'),
    swcFixed: positiveNumber('the smallest worthwhile change').nullable().default(null),
  })
  .strict()
  .refine((t) => t.rangeMax > t.rangeMin, { path: ['rangeMax'], message: 'The highest valid value must be above the lowest' });

export type TestFields = z.output<typeof testFieldsSchema>;
export type TestFieldsInput = z.input<typeof testFieldsSchema>;

export const typicalErrorChoiceSchema = z.discriminatedUnion(
  'source',
  [
    z.object({ id: idSchema, source: z.literal('coach'), value: positiveNumber('the typical error') }).strict(),
    z.object({ id: idSchema, source: z.literal('default') }).strict(),
    z.object({ id: idSchema, source: z.literal('reliability'), sessionId: idSchema }).strict(),
    z.object({ id: idSchema, source: z.literal('none') }).strict(),
  ],
  { error: 'Choose where the typical error comes from: your value, the default or a reliability session' },
);
export type TypicalErrorChoice = z.output<typeof typicalErrorChoiceSchema>;

export const retestSettingsSchema = z
  .object({
    swcFactor: z
      .number({ error: 'Enter the SWC factor' })
      .gt(0, 'The SWC factor must be more than 0 (0.2 is the usual choice)')
      .max(2, 'The SWC factor must be at most 2 (0.2 is the usual choice)'),
    swcUsePureSd: z.boolean({ error: 'Expected yes or no' }),
    asymmetryFlagPercent: z
      .number({ error: 'Enter the asymmetry flag in percent' })
      .gt(0, 'The asymmetry flag must be between 0 and 100%')
      .lt(100, 'The asymmetry flag must be between 0 and 100%'),
  })
  .strict();

const sessionFieldsSchema = z
  .object({
    date: isoDateSchema,
    kind: z.enum(SESSION_KINDS, { error: 'Choose baseline, re-test or reliability' }),
    label: nameText('a label (e.g. "End of block 2")', 80),
    notes: z.string({ error: 'Expected text' }).trim().max(2000, 'Keep notes to 2000 characters').default(''),
    testIds: z.array(idSchema).min(1, 'Choose at least one test').max(100, 'Too many tests'),
  })
  .strict();

export const trialInputSchema = z
  .object({
    side: z.enum(SIDES, { error: 'Choose left, right or none' }),
    trial: z.number({ error: 'Expected a trial number' }).int('Trial is a whole number').min(1, 'Trials start at 1').max(TEST_LIMITS.trials.max, `At most ${TEST_LIMITS.trials.max} trials`),
    value: z.number({ error: 'Enter a number' }).nullable(),
    flightTimeS: z.number({ error: 'Enter the flight time in seconds' }).nullable().default(null),
    runNumber: z.number({ error: 'Expected a run number' }).int().min(1).max(TEST_LIMITS.trials.max).nullable().default(null),
  })
  .strict()
  .refine((t) => (t.value === null) !== (t.flightTimeS === null), { path: ['value'], message: 'Enter either the value or the flight time' });

export const athleteTestInputSchema = z
  .object({
    testId: idSchema,
    mark: z.enum(MARKS, { error: 'Mark absent or injured' }).nullable().default(null),
    addedLoadKg: z
      .number({ error: 'Enter the added load as a number' })
      .min(ADDED_LOAD_RANGE_KG.min, `An added load must be between ${ADDED_LOAD_RANGE_KG.min} and ${ADDED_LOAD_RANGE_KG.max} kg`)
      .max(ADDED_LOAD_RANGE_KG.max, `An added load must be between ${ADDED_LOAD_RANGE_KG.min} and ${ADDED_LOAD_RANGE_KG.max} kg`)
      .nullable()
      .default(null),
    eyes: z.enum(EYES, { error: 'Choose eyes open or closed' }).nullable().default(null),
    trials: z.array(trialInputSchema).max(TEST_LIMITS.trials.max * 2, 'Too many trials'),
  })
  .strict();

export const athleteResultsSchema = z
  .object({
    athleteId: idSchema,
    tests: z.array(athleteTestInputSchema).min(1, 'Choose at least one test').max(100, 'Too many tests'),
  })
  .strict();
export type AthleteResultsInput = z.input<typeof athleteResultsSchema>;
export type AthleteResults = z.output<typeof athleteResultsSchema>;

/** A whole session as it was before it was deleted, so the delete can be undone. */
export const sessionSnapshotSchema = z
  .object({
    id: idSchema,
    date: isoDateSchema,
    kind: z.enum(SESSION_KINDS),
    label: requiredText('a label', 80),
    notes: z.string().max(2000),
    testIds: z.array(idSchema).max(100),
    createdAt: z.string().max(40),
    results: z.array(athleteResultsSchema).max(5000),
  })
  .strict();
export type SessionSnapshot = z.output<typeof sessionSnapshotSchema>;

/** How the shared reader read a file (imports.readTable), without its rows. */
export type TableSummary = Omit<TableFile, 'rows'>;

/** A re-test import's preview, and how its file was read. */
export type RetestImportPreview = ImportPreview & { file: TableSummary };

const comparisonChoiceSchema = z
  .object({
    sessionId: idSchema,
    /** The earlier session to compare with; omitted = the previous session; null = none. */
    againstSessionId: idSchema.nullable().optional(),
    /** omitted = the latest baseline on or before the session; null = none. */
    baselineSessionId: idSchema.nullable().optional(),
  })
  .strict();

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;

export interface ReliabilityResult {
  testId: number;
  side: 'pooled';
  /** Athlete-sides with two trials (the pairs behind the estimate). */
  pairs: number;
  typicalError: number | null;
  meanShift: number | null;
  cvPercent: number | null;
  icc: number | null;
  /** Why nothing could be computed (fewer than 2 pairs). */
  problem: string | null;
}

export interface SaveResultsOutcome {
  entries: (TestEntry & { sessionId: number })[];
  /** Each athlete's results as they were, to undo the save by saving them back. */
  previous: AthleteResults[];
}

export interface ImportOutcome {
  entriesWritten: number;
  addedTestIds: number[];
  previous: AthleteResults[];
  previousTestIds: number[];
}

export const retestsMethods = {
  // The test battery (each test's definition and typical error) and the squad-wide settings.
  'retests.listTests': method(emptyInput, 'The test battery in order, hidden tests included (each says whether it is hidden)').reads('retests').returns<TestDefinition[]>(),
  'retests.createTest': method(testFieldsSchema, "Add a coach's own test to the battery").affects('retests').returns<TestDefinition>(),
  'retests.updateTest': method(z.object({ id: idSchema, fields: testFieldsSchema }).strict(), "Edit a test's definition").affects('retests').returns<TestDefinition>(),
  'retests.setTestHidden': method(
    z.object({ id: idSchema, hidden: z.boolean({ error: 'Expected yes or no' }) }).strict(),
    'Hide a test from new sessions (built-in tests are hidden, never deleted) or show it again',
  ).affects('retests').returns<TestDefinition>(),
  'retests.setTypicalError': method(typicalErrorChoiceSchema, "Set where a test's typical error comes from: the coach, the default, or a reliability session").affects('retests').returns<TestDefinition>(),
  'retests.removeTest': method(z.object({ id: idSchema }).strict(), "Delete a coach's own test that has no results (the undo of adding it)").affects('retests').returns<TestDefinition>(),
  'retests.settings': method(emptyInput, 'Squad-wide re-test settings (SWC factor, asymmetry flag)').reads('retests').returns<RetestSettings>(),
  'retests.updateSettings': method(retestSettingsSchema, 'Save the squad-wide re-test settings').affects('retests').returns<RetestSettings>(),

  // Test sessions and their results.
  'retests.listSessions': method(emptyInput, 'Test sessions, newest first').reads('retests').returns<TestSession[]>(),
  'retests.getSession': method(z.object({ id: idSchema }).strict(), 'One test session with every result, for the entry grid').reads('retests', 'roster').returns<TestSessionSheet>(),
  'retests.createSession': method(sessionFieldsSchema, 'Add a test session (baseline, re-test or reliability)').affects('retests').returns<TestSession>(),
  'retests.updateSession': method(z.object({ id: idSchema, fields: sessionFieldsSchema }).strict(), "Edit a session's date, kind, label, notes and tests").affects('retests').returns<TestSession>(),
  'retests.removeSession': method(z.object({ id: idSchema }).strict(), 'Delete a session and its results; returns everything needed to undo it').affects('retests').returns<SessionSnapshot>(),
  'retests.restoreSession': method(z.object({ snapshot: sessionSnapshotSchema }).strict(), 'Put back a deleted session exactly as it was (undo)').affects('retests').returns<TestSession>(),
  'retests.saveResults': method(
    z.object({ sessionId: idSchema, athletes: z.array(athleteResultsSchema).min(1, 'Nothing to save').max(1000, 'Too many athletes at once') }).strict(),
    "Save athletes' results for tests of a session (replacing what was there); returns what was there, for undo",
  ).affects('retests').returns<SaveResultsOutcome>(),
  'retests.previewImport': method(
    z.object({ sessionId: idSchema, file: readTableInput }).strict(),
    'Read a file of results (CSV or XLSX, through the reader every import uses) and show what would be imported and every refused row or cell, without writing anything',
  ).reads('retests', 'roster').returns<RetestImportPreview>(),
  'retests.commitImport': method(
    z
      .object({
        sessionId: idSchema,
        file: readTableInput,
        skipRejected: z.boolean({ error: 'Expected yes or no' }),
        expected: z.object({ acceptedRows: z.number().int().min(0), rejectedRows: z.number().int().min(0), refusedCells: z.number().int().min(0) }).strict(),
      })
      .strict(),
    'Import the previewed file: every accepted row and cell in one transaction, or nothing',
  ).affects('retests').returns<ImportOutcome>(),
  'retests.reliability': method(
    z.object({ sessionId: idSchema }).strict(),
    "Typical error of each test from a reliability session's two trials (REFERENCE.md §1.1)",
  ).reads('retests', 'roster').returns<ReliabilityResult[]>(),
  'retests.compare': method(comparisonChoiceSchema, 'The squad comparison of a session with an earlier one and the baseline').reads('retests', 'roster').returns<SquadComparison>(),
  'retests.athleteTrend': method(z.object({ athleteId: idSchema }).strict(), "An athlete's results across every session, judged against the noise").reads('retests', 'roster').returns<AthleteTrend>(),
  'retests.declines': method(
    z.object({ since: isoDateSchema.optional() }).strict(),
    "Re-test declines beyond the noise (each athlete's latest score against their previous one), for the deload warnings",
  ).reads('retests', 'roster').returns<RetestDecline[]>(),
  'retests.exportComparison': method(
    comparisonChoiceSchema.extend({
      /** 'all' athletes, 'none' (athletes with no group) or a group id. */
      group: z.union([z.literal('all'), z.literal('none'), idSchema], { error: 'Choose the whole squad, no group or a group' }).default('all'),
      format: z.enum(EXPORT_FORMATS, { error: 'Choose CSV or XLSX' }),
    }),
    'The squad comparison as a CSV or XLSX file: the save dialog on the desktop, a download in browser mode',
  ).reads('retests', 'roster').returns<SavedFile>(),
};

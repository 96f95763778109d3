import { z } from 'zod';
import {
  BIRTH_YEAR_MIN,
  BODY_MASS_RANGE_KG,
  EVENT_FOCUSES,
  GRADE_RANGE,
  RACE_GOAL_CODES,
  SEXES,
  TRAINING_AGE_RANGE_YEARS,
  type Athlete,
  type Group,
} from '../domain/roster';
import { emptyInput, idListSchema, idSchema, nameText } from './common';
import { method, SQUAD_AREAS } from './define';

const maxBirthYear = () => new Date().getFullYear();

/** The fields a coach edits on an athlete. Loads and masses are kilograms here. */
export const athleteFieldsSchema = z
  .object({
    givenName: nameText('a first name', 60, { person: true }),
    familyName: nameText('a last name', 60, { person: true }),
    groupId: idSchema.nullable().default(null),
    sex: z.enum(SEXES, { error: 'Choose female, male or not stated' }).default('unspecified'),
    grade: z
      .number({ error: 'Enter a grade as a number' })
      .int('Grade is a whole number')
      .min(GRADE_RANGE.min, `Grade must be between ${GRADE_RANGE.min} and ${GRADE_RANGE.max}`)
      .max(GRADE_RANGE.max, `Grade must be between ${GRADE_RANGE.min} and ${GRADE_RANGE.max}`)
      .nullable()
      .default(null),
    birthYear: z
      .number({ error: 'Enter a birth year as a number' })
      .int('Birth year is a whole number')
      .min(BIRTH_YEAR_MIN, `Birth year must be ${BIRTH_YEAR_MIN} or later`)
      .refine((y) => y <= maxBirthYear(), { message: 'Birth year cannot be in the future' })
      .nullable()
      .default(null),
    eventFocus: z.enum(EVENT_FOCUSES, { error: 'Choose an event focus from the list' }).nullable().default(null),
    raceGoal: z.enum(RACE_GOAL_CODES, { error: 'Choose a race goal from the list' }).nullable().default(null),
    bodyMassKg: z
      .number({ error: 'Enter body mass as a number' })
      .min(BODY_MASS_RANGE_KG.min, `Body mass must be between ${BODY_MASS_RANGE_KG.min} and ${BODY_MASS_RANGE_KG.max} kg`)
      .max(BODY_MASS_RANGE_KG.max, `Body mass must be between ${BODY_MASS_RANGE_KG.min} and ${BODY_MASS_RANGE_KG.max} kg`)
      .nullable()
      .default(null),
    trainingAgeYears: z
      .number({ error: 'Enter training age in years' })
      .min(TRAINING_AGE_RANGE_YEARS.min, 'Training age cannot be negative')
      .max(TRAINING_AGE_RANGE_YEARS.max, `Training age must be at most ${TRAINING_AGE_RANGE_YEARS.max} years`)
      .nullable()
      .default(null),
    injured: z.boolean({ error: 'Expected yes or no' }).default(false),
    injuryNotes: z.string({ error: 'Expected text' }).trim().max(1000, 'Keep injury notes to 1000 characters').default(''),
  })
  .strict();

export type AthleteFields = z.output<typeof athleteFieldsSchema>;
export type AthleteFieldsInput = z.input<typeof athleteFieldsSchema>;

export const athleteStatusSchema = z.enum(['active', 'archived', 'all']);
export type AthleteStatus = z.infer<typeof athleteStatusSchema>;

const groupColorSchema = z.string({ error: 'Pick a colour' }).regex(/^#[0-9a-fA-F]{6}$/, 'Pick a colour (#rrggbb)');

export const rosterMethods = {
  'athletes.list': method(
    z.object({ status: athleteStatusSchema.default('active') }).strict(),
    'List athletes (active, archived or all) in name order',
  ).reads('roster').returns<Athlete[]>(),
  'athletes.get': method(z.object({ id: idSchema }).strict(), 'One athlete').reads('roster').returns<Athlete>(),
  'athletes.create': method(athleteFieldsSchema, 'Add an athlete').affects('roster').returns<Athlete>(),
  'athletes.update': method(z.object({ id: idSchema, fields: athleteFieldsSchema }).strict(), "Save an athlete's fields").affects('roster').returns<Athlete>(),
  'athletes.archive': method(z.object({ ids: idListSchema }).strict(), 'Archive athletes (undo with athletes.restore)').affects('roster').returns<{ archivedIds: number[] }>(),
  'athletes.restore': method(z.object({ ids: idListSchema }).strict(), 'Bring archived athletes back').affects('roster').returns<{ restoredIds: number[] }>(),
  'athletes.remove': method(
    z.object({ id: idSchema }).strict(),
    'Delete an athlete for good; only allowed while nothing else refers to them (undo of an add)',
  ).affects('roster').returns<Athlete>(),
  'athletes.moveToGroup': method(
    z.object({ ids: idListSchema, groupId: idSchema.nullable() }).strict(),
    'Move athletes to a group (null = no group); returns where each came from, for undo',
  ).affects('roster').returns<{ moved: { id: number; fromGroupId: number | null }[] }>(),

  'groups.list': method(emptyInput, 'Groups in their order, with active athlete counts').reads('roster').returns<Group[]>(),
  'groups.create': method(
    z.object({ name: nameText('a group name', 40), color: groupColorSchema }).strict(),
    'Create a group at the end of the order',
  ).affects('roster').returns<Group>(),
  'groups.update': method(
    z.object({ id: idSchema, name: nameText('a group name', 40), color: groupColorSchema }).strict(),
    'Rename or recolour a group',
  ).affects('roster').returns<Group>(),
  'groups.reorder': method(
    z.object({ orderedIds: z.array(idSchema).min(1).max(500) }).strict(),
    'Set the order of all groups',
  ).affects('roster').returns<Group[]>(),
  'groups.remove': method(z.object({ id: idSchema }).strict(), 'Remove a group that has no athletes').affects('roster').returns<Group>(),
};

export const sampleMethods = {
  'sample.load': method(
    z.object({ seed: z.number().int().min(1).max(2 ** 31 - 1).default(1) }).strict(),
    'Fill an empty squad with the sample squad (24 athletes, 4 groups)',
  ).affects(...SQUAD_AREAS).returns<{ athletes: number; groups: number }>(),
};

export const appMethods = {
  'app.status': method(emptyInput, 'Where the data lives, and whether the squad database opened').reads('file').returns<AppStatus>(),
};

export interface AppStatus {
  appVersion: string;
  mode: 'desktop' | 'browser';
  dataDir: string;
  databasePath: string;
  schemaVersion: number | null;
  /** Set when the squad database could not be opened; every other method then fails. */
  problem: { kind: 'newer_version' | 'not_a_database' | 'damaged' | 'cannot_open'; message: string } | null;
}

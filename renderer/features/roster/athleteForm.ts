/**
 * The athlete form's values (what the inputs hold, body mass in the coach's unit) and their
 * conversion to the API's fields (kilograms). Validation uses the same schema main uses, so the
 * message next to a field is the one main would give, plus the body-mass range in the coach's unit.
 */
import { athleteFieldsSchema, type AthleteFieldsInput } from '@shared/contract/roster';
import { BODY_MASS_RANGE_KG, type Athlete, type EventFocus, type RaceGoal, type Sex } from '@shared/domain/roster';
import { fieldErrorsFromIssues } from '@shared/errors';
import { kgToUnit, roundForDisplay, unitToKg, type MassUnit } from '@shared/units';

export const NO_GROUP = 'none';

export interface AthleteFormValues {
  givenName: string;
  familyName: string;
  /** A group id as text, or NO_GROUP. */
  group: string;
  sex: Sex;
  grade: number | '';
  birthYear: number | '';
  eventFocus: EventFocus | null;
  raceGoal: RaceGoal | null;
  /** In the squad's unit. */
  bodyMass: number | '';
  trainingAgeYears: number | '';
  injured: boolean;
  injuryNotes: string;
}

export function emptyAthleteForm(defaultGroupId: number | null): AthleteFormValues {
  return {
    givenName: '',
    familyName: '',
    group: defaultGroupId === null ? NO_GROUP : String(defaultGroupId),
    sex: 'unspecified',
    grade: '',
    birthYear: '',
    eventFocus: null,
    raceGoal: null,
    bodyMass: '',
    trainingAgeYears: '',
    injured: false,
    injuryNotes: '',
  };
}

export function athleteToForm(athlete: Athlete, unit: MassUnit): AthleteFormValues {
  return {
    givenName: athlete.givenName,
    familyName: athlete.familyName,
    group: athlete.groupId === null ? NO_GROUP : String(athlete.groupId),
    sex: athlete.sex,
    grade: athlete.grade ?? '',
    birthYear: athlete.birthYear ?? '',
    eventFocus: athlete.eventFocus,
    raceGoal: athlete.raceGoal,
    bodyMass: athlete.bodyMassKg === null ? '' : roundForDisplay(kgToUnit(athlete.bodyMassKg, unit), 1),
    trainingAgeYears: athlete.trainingAgeYears ?? '',
    injured: athlete.injured,
    injuryNotes: athlete.injuryNotes,
  };
}

const blankToNull = (value: number | ''): number | null => (value === '' ? null : value);

/**
 * Form → API fields. When the coach did not touch the body mass, the stored kilograms are kept
 * exactly: converting 54.3 kg to 119.7 lb and back would otherwise nudge it on every save.
 */
export function formToAthleteFields(values: AthleteFormValues, unit: MassUnit, original?: Athlete): AthleteFieldsInput {
  let bodyMassKg: number | null;
  if (values.bodyMass === '') bodyMassKg = null;
  else if (original && original.bodyMassKg !== null && athleteToForm(original, unit).bodyMass === values.bodyMass) bodyMassKg = original.bodyMassKg;
  else bodyMassKg = unitToKg(values.bodyMass, unit);
  return {
    givenName: values.givenName,
    familyName: values.familyName,
    groupId: values.group === NO_GROUP ? null : Number(values.group),
    sex: values.sex,
    grade: blankToNull(values.grade),
    birthYear: blankToNull(values.birthYear),
    eventFocus: values.eventFocus,
    raceGoal: values.raceGoal,
    bodyMassKg,
    trainingAgeYears: blankToNull(values.trainingAgeYears),
    injured: values.injured,
    injuryNotes: values.injuryNotes,
  };
}

/** API field name → form field name, for messages coming back from main. */
export function apiFieldToFormField(path: string): keyof AthleteFormValues | null {
  const field = path.replace(/^fields\./, '');
  if (field === 'bodyMassKg') return 'bodyMass';
  if (field === 'groupId') return 'group';
  const known: (keyof AthleteFormValues)[] = ['givenName', 'familyName', 'sex', 'grade', 'birthYear', 'eventFocus', 'raceGoal', 'trainingAgeYears', 'injured', 'injuryNotes'];
  return (known as string[]).includes(field) ? (field as keyof AthleteFormValues) : null;
}

export function mapApiFieldErrors(fields: Record<string, string>): Partial<Record<keyof AthleteFormValues, string>> {
  const errors: Partial<Record<keyof AthleteFormValues, string>> = {};
  for (const [path, message] of Object.entries(fields)) {
    const field = apiFieldToFormField(path);
    if (field && !errors[field]) errors[field] = message;
  }
  return errors;
}

export function validateAthleteForm(values: AthleteFormValues, unit: MassUnit): Partial<Record<keyof AthleteFormValues, string>> {
  const parsed = athleteFieldsSchema.safeParse(formToAthleteFields(values, unit));
  const errors = parsed.success ? {} : mapApiFieldErrors(fieldErrorsFromIssues(parsed.error.issues));
  if (values.bodyMass !== '') {
    const min = roundForDisplay(kgToUnit(BODY_MASS_RANGE_KG.min, unit), 0);
    const max = roundForDisplay(kgToUnit(BODY_MASS_RANGE_KG.max, unit), 0);
    const kg = unitToKg(values.bodyMass, unit);
    if (kg < BODY_MASS_RANGE_KG.min || kg > BODY_MASS_RANGE_KG.max) {
      errors.bodyMass = `Body mass must be between ${min} and ${max} ${unit}${unit === 'kg' && values.bodyMass > BODY_MASS_RANGE_KG.max ? ' (was it entered in lb?)' : ''}`;
    }
  }
  return errors;
}

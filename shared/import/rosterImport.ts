/**
 * Importing a roster from a spreadsheet: the rows of a CSV or XLSX file (already read into
 * text cells by main) → which column holds what (guessed from the headings, changeable by the
 * coach) → one athlete per row, checked with the same schema as the roster form, duplicates
 * caught (in the squad and within the file), every refused row listed with its row number and
 * why. Pure: the preview is recomputed instantly as the coach changes the mapping.
 */
import { athleteFieldsSchema, type AthleteFields, type AthleteFieldsInput } from '../contract/roster';
import { isIsoDate } from '../dates';
import {
  athleteNameKey,
  BODY_MASS_RANGE_KG,
  EVENT_FOCUS_LABELS,
  EVENT_FOCUSES,
  groupNameKey,
  RACE_GOALS,
  type EventFocus,
  type RaceGoal,
  type Sex,
} from '../domain/roster';
import { kgToUnit, roundForDisplay, unitToKg, type MassUnit } from '../units';

export const IMPORT_FIELDS = [
  'givenName',
  'familyName',
  'fullName',
  'group',
  'sex',
  'grade',
  'birthYear',
  'eventFocus',
  'raceGoal',
  'bodyMass',
  'trainingAgeYears',
  'injured',
  'injuryNotes',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

export const IMPORT_FIELD_LABELS: Record<ImportField, string> = {
  givenName: 'First name',
  familyName: 'Last name',
  fullName: 'Full name (first and last)',
  group: 'Group',
  sex: 'Gender',
  grade: 'Grade',
  birthYear: 'Birth year (or date of birth)',
  eventFocus: 'Event',
  raceGoal: 'Race goal',
  bodyMass: 'Body mass',
  trainingAgeYears: 'Training age (years)',
  injured: 'Injured / modified',
  injuryNotes: 'Injury notes',
};

/** Headings recognised for each field, compared without case, spaces or punctuation. */
const HEADINGS: Record<ImportField, readonly string[]> = {
  givenName: ['first', 'firstname', 'givenname', 'given', 'forename', 'fname', 'prenom', 'nombre', 'vorname'],
  familyName: ['last', 'lastname', 'surname', 'familyname', 'family', 'lname', 'nom', 'apellido', 'apellidos', 'nachname'],
  fullName: ['name', 'fullname', 'athlete', 'athletename', 'student', 'studentname', 'runner', 'runnername'],
  group: ['group', 'traininggroup', 'squad', 'team', 'groupname', 'eventgroup', 'groupe', 'grupo', 'gruppe'],
  sex: ['gender', 'sex', 'mf', 'boygirl', 'girlboy', 'sexe', 'genre', 'sexo', 'genero', 'geschlecht'],
  grade: ['grade', 'gr', 'grd', 'gradelevel', 'schoolgrade'],
  birthYear: ['birthyear', 'yearofbirth', 'yob', 'dob', 'dateofbirth', 'birthdate', 'born', 'birthday'],
  eventFocus: ['event', 'events', 'eventfocus', 'focus', 'specialty', 'speciality', 'discipline', 'mainevent'],
  raceGoal: ['racegoal', 'goal', 'goalrace', 'targetrace', 'target', 'goalevent', 'targetevent'],
  bodyMass: ['weight', 'bodyweight', 'bodymass', 'mass', 'wt', 'bw', 'weightkg', 'weightlb', 'weightlbs', 'bodymasskg', 'bodymasslb', 'masskg', 'masslb', 'weightinkg', 'weightinlbs', 'weightinlb', 'poids', 'poidskg', 'peso', 'pesokg', 'gewicht', 'gewichtkg'],
  trainingAgeYears: ['trainingage', 'trainingageyears', 'yearstraining', 'trainingyears', 'yearsoftraining', 'liftingexperience', 'experience', 'yearslifting'],
  injured: ['injured', 'injuredmodified', 'modified', 'hurt', 'injuredflag'],
  injuryNotes: ['injurynotes', 'injury', 'notes', 'injurydetails', 'medicalnotes', 'medical', 'comments', 'injuries'],
};

function headingKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** Which field a heading names, if any. */
export function fieldForHeading(heading: string): ImportField | null {
  const key = headingKey(heading);
  if (!key) return null;
  for (const field of IMPORT_FIELDS) if (HEADINGS[field].includes(key)) return field;
  return null;
}

/** A column's field (or null: ignored), one entry per column. */
export type ColumnMapping = (ImportField | null)[];

/** Guess the mapping from the headings: each field at most once; a full-name column only without first/last. */
export function guessMapping(headings: readonly string[]): ColumnMapping {
  const used = new Set<ImportField>();
  const mapping: ColumnMapping = headings.map((heading) => {
    const field = fieldForHeading(heading);
    if (!field || used.has(field)) return null;
    used.add(field);
    return field;
  });
  if (used.has('fullName') && (used.has('givenName') || used.has('familyName'))) {
    return mapping.map((f) => (f === 'fullName' ? null : f));
  }
  return mapping;
}

/**
 * The row holding the headings: the first of the first 10 rows where at least two cells are
 * headings we know (a title row like "Riverside Track 2026" above them is skipped). Row 1 when
 * none qualifies.
 */
export function findHeaderRow(rows: readonly (readonly string[])[]): number {
  const limit = Math.min(rows.length, 10);
  for (let i = 0; i < limit; i += 1) {
    const known = (rows[i] ?? []).filter((cell) => fieldForHeading(cell) !== null).length;
    if (known >= 2) return i;
  }
  return 0;
}

/** "Weight (lb)" → lb. Used to preselect the unit. */
export function unitFromHeading(heading: string): MassUnit | null {
  const key = headingKey(heading);
  if (/(lb|lbs|pounds)$/.test(key)) return 'lb';
  if (/(kg|kgs|kilos|kilograms)$/.test(key)) return 'kg';
  return null;
}

// ---------------------------------------------------------------------------------------------
// Reading one cell of each kind. Each returns a value or a reason (a sentence for the coach).

type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };
const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = (reason: string): Parsed<never> => ({ ok: false, reason });

function clean(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** 54.5, "54,5" (decimal comma), "54.5 kg", "120 lb". Thousands separators are not expected in a roster. */
export function parseQuantity(text: string): { value: number; unit: MassUnit | null } | null {
  const match = /^([+-]?\d+(?:[.,]\d+)?)\s*(kg|kgs|kilos?|lb|lbs|pounds?)?\.?$/i.exec(clean(text));
  if (!match?.[1]) return null;
  const value = Number(match[1].replace(',', '.'));
  if (!Number.isFinite(value)) return null;
  const unit = match[2] ? (/^k/i.test(match[2]) ? 'kg' : 'lb') : null;
  return { value, unit };
}

const GRADE_WORDS: Record<string, number> = { freshman: 9, fr: 9, sophomore: 10, soph: 10, so: 10, junior: 11, jr: 11, senior: 12, sr: 12 };

/** 10, "10th", "Grade 10", "Gr. 10", "Sophomore". */
export function parseGrade(text: string): Parsed<number> {
  const value = clean(text).toLowerCase().replace(/\.$/, '');
  const word = GRADE_WORDS[value];
  if (word !== undefined) return ok(word);
  const match = /^(?:grade|gr\.?|grd|year|yr\.?)?\s*(\d{1,2})(?:st|nd|rd|th)?(?:\s*grade)?$/.exec(value);
  if (!match?.[1]) return fail(`Grade "${clean(text)}" is not a grade (write 9, 10th or Sophomore)`);
  return ok(Number(match[1]));
}

const SEX_WORDS: Record<string, Sex> = {
  f: 'female',
  female: 'female',
  w: 'female',
  woman: 'female',
  women: 'female',
  girl: 'female',
  girls: 'female',
  g: 'female',
  m: 'male',
  male: 'male',
  man: 'male',
  men: 'male',
  boy: 'male',
  boys: 'male',
  b: 'male',
  x: 'unspecified',
  nb: 'unspecified',
  nonbinary: 'unspecified',
  other: 'unspecified',
  unspecified: 'unspecified',
  notstated: 'unspecified',
  prefernottosay: 'unspecified',
  na: 'unspecified',
};

export function parseSex(text: string): Parsed<Sex> {
  const sex = SEX_WORDS[headingKey(text)];
  return sex ? ok(sex) : fail(`Gender "${clean(text)}" is not female, male or not stated (F, M or blank)`);
}

const EVENT_WORDS: [RegExp, EventFocus][] = [
  [/^(sprints?|sprinter|sprinting|speed|100m?|200m?|400m?|dash|relays?|4x100|4x400)$/, 'sprints'],
  [/^(hurdles?|hurdler|jumps?|jumper|hurdlesjumps|hj|lj|tj|pv|highjump|longjump|triplejump|polevault|100mh|110mh|100h|110h|300h|400h|300mh|400mh)$/, 'hurdles_jumps'],
  [/^(middledistance|middle|mid|md|800m?|1500m?|1600m?|mile|miler)$/, 'middle_distance'],
  [/^(distance|long|longdistance|xc|crosscountry|cc|3000m?|3200m?|5k|5000m?|10k|10000m?|2mile|twomile|steeple|steeplechase)$/, 'distance'],
  [/^(throws?|thrower|shot|shotput|discus|javelin|jav|hammer|weight)$/, 'throws'],
  [/^(multi|multis|multievents?|combinedevents?|heptathlon|hept|decathlon|dec|pentathlon|pent)$/, 'multi'],
];

export function parseEventFocus(text: string): Parsed<EventFocus> {
  const key = headingKey(text);
  for (const focus of EVENT_FOCUSES) if (headingKey(EVENT_FOCUS_LABELS[focus]) === key || focus.replace('_', '') === key) return ok(focus);
  for (const [pattern, focus] of EVENT_WORDS) if (pattern.test(key)) return ok(focus);
  return fail(`Event "${clean(text)}" is not one Backchain knows (sprints, hurdles/jumps, middle distance, distance, throws, multi)`);
}

const RACE_WORDS: Record<string, RaceGoal> = {
  '100': '100m',
  '200': '200m',
  '400': '400m',
  '800': '800m',
  '1500': '1500m',
  '1600': 'mile',
  '3000': '3000m',
  '3200': '3200m',
  '5000': '5k',
  '5000m': '5k',
  '5km': '5k',
  '10000': '10k',
  '10000m': '10k',
  '10km': '10k',
  '2mile': '3200m',
  twomile: '3200m',
  half: 'half_marathon',
  halfmarathon: 'half_marathon',
  '131': 'half_marathon',
  marathon: 'marathon',
  steeple: '3000m_sc',
  steeplechase: '3000m_sc',
  '3000msc': '3000m_sc',
  '5kxc': '5k_xc',
  '8kxc': '8k_xc',
  '8k': '8k_xc',
  '100h': '100mh_110mh',
  '110h': '100mh_110mh',
  '100mh': '100mh_110mh',
  '110mh': '100mh_110mh',
  '300h': '300mh_400mh',
  '400h': '300mh_400mh',
  '300mh': '300mh_400mh',
  '400mh': '300mh_400mh',
};

export function parseRaceGoal(text: string): Parsed<RaceGoal> {
  const key = headingKey(text);
  for (const goal of RACE_GOALS) if (headingKey(goal.code) === key || headingKey(goal.label) === key) return ok(goal.code);
  const word = RACE_WORDS[key];
  return word ? ok(word) : fail(`Race goal "${clean(text)}" is not one Backchain knows (e.g. 800 m, Mile, 5K, Half marathon)`);
}

/** 2009, or a date of birth: 2009-03-14, 3/14/2009, 14.03.2009. Two-digit years are ambiguous and refused. */
export function parseBirthYear(text: string): Parsed<number> {
  const value = clean(text);
  if (/^\d{4}$/.test(value)) return ok(Number(value));
  const iso = /^(\d{4})-\d{2}-\d{2}(?:[ T].*)?$/.exec(value);
  if (iso?.[1] && isIsoDate(value.slice(0, 10))) return ok(Number(iso[1]));
  const dmy = /^\d{1,2}[/.-]\d{1,2}[/.-](\d{4})$/.exec(value);
  if (dmy?.[1]) return ok(Number(dmy[1]));
  return fail(`Birth year "${value}" is not a year or a date with a four-digit year`);
}

const YES = new Set(['y', 'yes', 'true', '1', 'x', 'injured', 'modified', 'oui', 'si', 'ja']);
const NO = new Set(['n', 'no', 'false', '0', 'healthy', 'non', 'nein', 'ok', 'fine']);

export function parseYesNo(text: string, label: string): Parsed<boolean> {
  const key = headingKey(text);
  if (YES.has(key)) return ok(true);
  if (NO.has(key)) return ok(false);
  return fail(`${label} "${clean(text)}" is not yes or no`);
}

/** "López, Ana" or "Ana López" (the last word is the last name). */
export function splitFullName(text: string): { givenName: string; familyName: string } {
  const value = clean(text);
  const comma = value.indexOf(',');
  if (comma >= 0) return { familyName: value.slice(0, comma).trim(), givenName: value.slice(comma + 1).trim() };
  const space = value.lastIndexOf(' ');
  if (space < 0) return { givenName: value, familyName: '' };
  return { givenName: value.slice(0, space), familyName: value.slice(space + 1) };
}

// ---------------------------------------------------------------------------------------------
// The whole file.

/** What to do with a group named in the file that the squad does not have. */
export type GroupChoice = { action: 'create' } | { action: 'existing'; groupId: number } | { action: 'none' };

export interface ImportOptions {
  mapping: ColumnMapping;
  /** 0-based index of the row with the headings; rows above it are ignored. */
  headerRow: number;
  /** The unit of the body-mass column (a cell that says "120 lb" wins). */
  bodyMassUnit: MassUnit;
  /** By group key (see groupNameKey), for groups in the file that the squad does not have. */
  groupChoices: Record<string, GroupChoice>;
}

export interface SquadForImport {
  athletes: readonly { givenName: string; familyName: string; archivedAt: string | null }[];
  groups: readonly { id: number; name: string }[];
}

export interface AcceptedRow {
  /** As the spreadsheet numbers it (the headings are row 1 when they are on the first line). */
  rowNumber: number;
  /** Validated with the roster form's schema; masses in kilograms; groupId an existing group or null. */
  fields: AthleteFields;
  /** A group to create for this athlete (its name as in the file), or null. */
  newGroup: string | null;
}

export interface RejectedRow {
  rowNumber: number;
  /** The name as far as it could be read, for the list. */
  name: string;
  reasons: string[];
}

export interface GroupInFile {
  key: string;
  /** As first written in the file. */
  name: string;
  athletes: number;
  /** The squad's group with that name, or null when it would have to be created (or mapped). */
  existingId: number | null;
}

export interface ImportPreview {
  accepted: AcceptedRow[];
  rejected: RejectedRow[];
  /** Empty rows, skipped without fuss. */
  blankRows: number;
  groups: GroupInFile[];
  /** What stops the import altogether (no name column mapped, a field mapped twice...). */
  problems: string[];
}

export { MAX_IMPORT_ROWS } from './limits';
import { MAX_IMPORT_ROWS } from './limits';

/** The preview of importing `rows` with these options. Nothing is written until the coach confirms. */
export function previewRosterImport(rows: readonly (readonly string[])[], options: ImportOptions, squad: SquadForImport): ImportPreview {
  const problems = mappingProblems(options.mapping);
  const column = (field: ImportField) => options.mapping.indexOf(field);
  const groupsByKey = new Map(squad.groups.map((g) => [groupNameKey(g.name), g]));
  const squadNames = new Map(squad.athletes.map((a) => [athleteNameKey(a.givenName, a.familyName), a.archivedAt !== null]));
  const fileNames = new Map<string, number>();
  const groupsInFile = new Map<string, GroupInFile>();
  const accepted: AcceptedRow[] = [];
  const rejected: RejectedRow[] = [];
  let blankRows = 0;
  if (problems.length > 0) return { accepted, rejected, blankRows, groups: [], problems };

  for (let index = options.headerRow + 1; index < rows.length; index += 1) {
    const row = rows[index] ?? [];
    const rowNumber = index + 1;
    if (row.every((cell) => clean(cell) === '')) {
      blankRows += 1;
      continue;
    }
    const cell = (field: ImportField) => {
      const at = column(field);
      return at < 0 ? '' : clean(row[at] ?? '');
    };
    const reasons: string[] = [];
    const take = <T>(field: ImportField, parse: (text: string) => Parsed<T>): T | null => {
      const text = cell(field);
      if (text === '') return null;
      const parsed = parse(text);
      if (parsed.ok) return parsed.value;
      reasons.push(parsed.reason);
      return null;
    };

    let givenName = cell('givenName');
    let familyName = cell('familyName');
    if (column('fullName') >= 0 && !givenName && !familyName) ({ givenName, familyName } = splitFullName(cell('fullName')));
    const name = [givenName, familyName].filter(Boolean).join(' ') || '(no name)';

    const input: AthleteFieldsInput = { givenName, familyName };
    const sex = take('sex', parseSex);
    if (sex !== null) input.sex = sex;
    const grade = take('grade', parseGrade);
    if (grade !== null) input.grade = grade;
    const birthYear = take('birthYear', parseBirthYear);
    if (birthYear !== null) input.birthYear = birthYear;
    const eventFocus = take('eventFocus', parseEventFocus);
    if (eventFocus !== null) input.eventFocus = eventFocus;
    const raceGoal = take('raceGoal', parseRaceGoal);
    if (raceGoal !== null) input.raceGoal = raceGoal;
    const mass = take('bodyMass', (text) => {
      const quantity = parseQuantity(text);
      return quantity ? ok(quantity) : fail(`Body mass "${text}" is not a number`);
    });
    if (mass !== null) input.bodyMassKg = roundForDisplay(unitToKg(mass.value, mass.unit ?? options.bodyMassUnit), 2);
    const trainingAge = take('trainingAgeYears', (text) => {
      const quantity = parseQuantity(text);
      return quantity && quantity.unit === null ? ok(quantity.value) : fail(`Training age "${text}" is not a number of years`);
    });
    if (trainingAge !== null) input.trainingAgeYears = trainingAge;
    const injured = take('injured', (text) => parseYesNo(text, 'Injured'));
    if (injured !== null) input.injured = injured;
    const notes = cell('injuryNotes');
    if (notes) input.injuryNotes = notes;

    // The same schema as the roster form, so the messages are the form's.
    const parsed = athleteFieldsSchema.safeParse(input);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) reasons.push(issueReason(issue.path.map(String).join('.'), issue.message, mass?.unit ?? options.bodyMassUnit));
    }

    // Duplicates: in the squad, and earlier in this file.
    if (givenName && familyName) {
      const key = athleteNameKey(givenName, familyName);
      const inSquad = squadNames.get(key);
      if (inSquad !== undefined) reasons.push(inSquad ? `${name} is already in the squad (archived): restore them instead` : `${name} is already in the squad`);
      const earlier = fileNames.get(key);
      if (earlier !== undefined) reasons.push(`Same name as row ${earlier} (a duplicate in the file)`);
      else fileNames.set(key, rowNumber);
    }

    // The group: one the squad has, or one to create / map / leave out.
    let groupId: number | null = null;
    let newGroup: string | null = null;
    const groupName = cell('group');
    if (groupName) {
      const key = groupNameKey(groupName);
      const existing = groupsByKey.get(key);
      const seen = groupsInFile.get(key) ?? { key, name: groupName, athletes: 0, existingId: existing?.id ?? null };
      groupsInFile.set(key, seen);
      if (existing) groupId = existing.id;
      else {
        const choice = options.groupChoices[key] ?? { action: 'create' };
        if (choice.action === 'existing') groupId = choice.groupId;
        else if (choice.action === 'create') {
          if (groupName.length > 40) reasons.push(`Group name "${groupName.slice(0, 40)}..." is longer than 40 characters`);
          newGroup = seen.name;
        }
      }
      if (reasons.length === 0) seen.athletes += 1;
    }

    if (reasons.length > 0 || !parsed.success) {
      rejected.push({ rowNumber, name, reasons: [...new Set(reasons)] });
      continue;
    }
    accepted.push({ rowNumber, fields: { ...parsed.data, groupId }, newGroup });
  }
  if (rows.length - options.headerRow - 1 > MAX_IMPORT_ROWS) problems.push(`The file has more than ${MAX_IMPORT_ROWS} rows; split it into smaller files.`);
  return { accepted, rejected, blankRows, groups: [...groupsInFile.values()], problems };
}

function mappingProblems(mapping: ColumnMapping): string[] {
  const problems: string[] = [];
  const hasFull = mapping.includes('fullName');
  if (!hasFull && !(mapping.includes('givenName') && mapping.includes('familyName'))) {
    problems.push('Choose the columns with the first and last names (or one column with the full name).');
  }
  for (const field of IMPORT_FIELDS) {
    if (mapping.filter((f) => f === field).length > 1) problems.push(`${IMPORT_FIELD_LABELS[field]} is chosen for more than one column; keep one.`);
  }
  return problems;
}

const FIELD_NAMES: Record<string, string> = {
  givenName: 'First name',
  familyName: 'Last name',
  sex: 'Gender',
  grade: 'Grade',
  birthYear: 'Birth year',
  eventFocus: 'Event',
  raceGoal: 'Race goal',
  bodyMassKg: 'Body mass',
  trainingAgeYears: 'Training age',
  injured: 'Injured',
  injuryNotes: 'Injury notes',
};

/** The schema's message, told in the coach's unit for body mass. */
function issueReason(path: string, message: string, unit: MassUnit): string {
  if (path === 'bodyMassKg' && unit === 'lb') {
    const min = Math.ceil(kgToUnit(BODY_MASS_RANGE_KG.min, 'lb'));
    const max = Math.floor(kgToUnit(BODY_MASS_RANGE_KG.max, 'lb'));
    return `Body mass must be between ${min} and ${max} lb`;
  }
  if (path === 'givenName' || path === 'familyName') {
    if (/^Enter /.test(message)) return `No ${path === 'givenName' ? 'first' : 'last'} name`;
  }
  const label = FIELD_NAMES[path];
  return label && !message.toLowerCase().startsWith(label.toLowerCase()) ? `${label}: ${message}` : message;
}

/** The unique new groups the accepted rows need, in the order they first appear. */
export function groupsToCreate(accepted: readonly AcceptedRow[]): string[] {
  const seen = new Map<string, string>();
  for (const row of accepted) if (row.newGroup && !seen.has(groupNameKey(row.newGroup))) seen.set(groupNameKey(row.newGroup), row.newGroup);
  return [...seen.values()];
}

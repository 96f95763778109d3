/**
 * Importing a roster from a spreadsheet: the rows of a CSV or XLSX file (already read into
 * text cells by main) → which column holds what (guessed from the headings, changeable by the
 * coach) → one athlete per row, checked with the same schema as the roster form, duplicates
 * caught (in the squad and within the file), every refused row listed with its row number and
 * why. Pure: the preview is recomputed instantly as the coach changes the mapping.
 */
import { nameText, withoutFormatCharacters } from '../contract/common';
import { athleteFieldsSchema, type AthleteFields, type AthleteFieldsInput } from '../contract/roster';
import { isIsoDate } from '../dates';
import {
  athleteNameKey,
  BODY_MASS_RANGE_KG,
  EVENT_FOCUS_LABELS,
  EVENT_FOCUSES,
  GRADE_RANGE,
  groupNameKey,
  RACE_GOALS,
  raceGoalLabel,
  SEX_LABELS,
  SEXES,
  type EventFocus,
  type RaceGoal,
  type Sex,
} from '../domain/roster';
import { kgToUnit, roundForDisplay, unitToKg, type MassUnit } from '../units';
import { readEventFocus, readRaceGoal } from './eventNames';
import { headingKey, headingKind } from './headings';
import { MAX_IMPORT_ROWS } from './limits';

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

/** Which field a heading names, if any (the headings every import shares: ./headings.ts). */
export function fieldForHeading(heading: string): ImportField | null {
  const kind = headingKind(heading);
  return kind !== null && (IMPORT_FIELDS as readonly string[]).includes(kind) ? (kind as ImportField) : null;
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
// Reading one cell of each kind. Each returns a value (with how it was read, when that is not
// plain) or a reason (a sentence for the coach).

type Parsed<T> = { ok: true; value: T; note?: string | null } | { ok: false; reason: string };
const ok = <T>(value: T, note: string | null = null): Parsed<T> => ({ ok: true, value, note });
const fail = (reason: string): Parsed<never> => ({ ok: false, reason });

/** A cell as text: one line, single spaces, no invisible formatting characters (they come with copy and paste). */
function clean(text: string): string {
  return withoutFormatCharacters(text.normalize('NFC')).replace(/\s+/g, ' ').trim();
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

const GRADE_WORDS: Record<string, number> = { freshman: 9, fr: 9, frosh: 9, sophomore: 10, soph: 10, so: 10, junior: 11, jr: 11, senior: 12, sr: 12 };

/** 10, "10th", "Grade 10", "Gr. 10", "Sophomore". */
export function parseGrade(text: string): Parsed<number> {
  const value = clean(text).toLowerCase().replace(/\.$/, '');
  const word = GRADE_WORDS[value];
  if (word !== undefined) return ok(word);
  const match = /^(?:grade|gr\.?|grd|year|yr\.?)?\s*(\d{1,2})(?:st|nd|rd|th)?(?:\s*grade)?$/.exec(value);
  if (!match?.[1]) return fail(`is not a grade (write 9, 10th or Sophomore)`);
  return ok(Number(match[1]));
}

const SEX_WORDS: Record<string, Sex> = {
  f: 'female',
  female: 'female',
  fem: 'female',
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
  return sex ? ok(sex) : fail('is not female, male or not stated (F, M or X)');
}

/** Events as coaches write them: ./eventNames.ts. */
export function parseEventFocus(text: string): Parsed<EventFocus> {
  const reading = readEventFocus(clean(text));
  return reading ? ok(reading.value, reading.note) : fail('is not an event Backchain knows (sprints, hurdles, jumps, middle distance, distance, throws, multi-events)');
}

export function parseRaceGoal(text: string): Parsed<RaceGoal> {
  const reading = readRaceGoal(clean(text));
  return reading ? ok(reading.value, reading.note) : fail('is not a race Backchain knows (e.g. 800 m, Mile, 5K, Half marathon)');
}

/** 2009, or a date of birth: 2009-03-14, 3/14/2009, 14.03.2009. Two-digit years are ambiguous and refused. */
export function parseBirthYear(text: string): Parsed<number> {
  const value = clean(text);
  if (/^\d{4}$/.test(value)) return ok(Number(value));
  const iso = /^(\d{4})-\d{2}-\d{2}(?:[ T].*)?$/.exec(value);
  if (iso?.[1] && isIsoDate(value.slice(0, 10))) return ok(Number(iso[1]));
  const dmy = /^\d{1,2}[/.-]\d{1,2}[/.-](\d{4})$/.exec(value);
  if (dmy?.[1]) return ok(Number(dmy[1]));
  return fail('is not a year or a date with a four-digit year');
}

const YES = new Set(['y', 'yes', 'true', '1', 'x', 'injured', 'modified', 'oui', 'si', 'ja']);
const NO = new Set(['n', 'no', 'false', '0', 'healthy', 'non', 'nein', 'ok', 'fine']);

export function parseYesNo(text: string): Parsed<boolean> {
  const key = headingKey(text);
  if (YES.has(key)) return ok(true);
  if (NO.has(key)) return ok(false);
  return fail('is not yes or no');
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

/** The fields whose readings the preview lists ("800/1600" → Middle distance). */
const READ_AS_FIELDS = new Set<MappableField>(['eventFocus', 'raceGoal', 'grade']);

/** Cells that mean "nothing here": left blank without a word. */
const NOTHING = new Set(['', 'na', 'none', 'unknown', 'tbd', 'tba', 'nil', 'null']);

// ---------------------------------------------------------------------------------------------
// Values the coach can map: a cell Backchain cannot read in one of these columns is listed once
// (with every row that has it), and the coach picks what it means, for all those rows at once.

export const MAPPABLE_FIELDS = ['eventFocus', 'raceGoal', 'grade', 'sex', 'injured'] as const;
export type MappableField = (typeof MAPPABLE_FIELDS)[number];

/** What a value of each mappable field can be mapped to: its stored code and the words for it. */
export function mappingChoices(field: MappableField): { value: string; label: string }[] {
  switch (field) {
    case 'sex':
      return SEXES.map((s) => ({ value: s, label: SEX_LABELS[s] }));
    case 'grade':
      return Array.from({ length: GRADE_RANGE.max - GRADE_RANGE.min + 1 }, (_, i) => ({ value: String(GRADE_RANGE.min + i), label: `Grade ${GRADE_RANGE.min + i}` }));
    case 'eventFocus':
      return EVENT_FOCUSES.map((f) => ({ value: f, label: EVENT_FOCUS_LABELS[f] }));
    case 'raceGoal':
      return RACE_GOALS.map((g) => ({ value: g.code, label: g.label }));
    case 'injured':
      return [
        { value: 'yes', label: 'Yes (injured / modified)' },
        { value: 'no', label: 'No' },
      ];
  }
}

/** The key a cell's value is mapped by: the same for "Pole Vault", "pole-vault" and "POLE VAULT". */
export function valueKey(text: string): string {
  return headingKey(text) || clean(text).toLowerCase();
}

/** The coach's choices: by field, by value key, the code it means ('' = leave it blank). */
export type ValueChoices = Partial<Record<MappableField, Record<string, string>>>;

function chosenValue(field: MappableField, code: string): AthleteFieldsInput[MappableField] | undefined {
  if (!mappingChoices(field).some((c) => c.value === code)) return undefined;
  if (field === 'grade') return Number(code);
  if (field === 'injured') return code === 'yes';
  return code as AthleteFieldsInput[MappableField];
}

function valueLabel(field: MappableField, value: unknown): string {
  if (field === 'sex') return SEX_LABELS[value as Sex];
  if (field === 'grade') return `Grade ${String(value)}`;
  if (field === 'eventFocus') return EVENT_FOCUS_LABELS[value as EventFocus];
  if (field === 'raceGoal') return raceGoalLabel(value as RaceGoal);
  return value ? 'Yes (injured / modified)' : 'No';
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
  /** What the coach mapped unrecognised values to. */
  valueChoices?: ValueChoices;
}

export interface SquadForImport {
  athletes: readonly { givenName: string; familyName: string; archivedAt: string | null }[];
  groups: readonly { id: number; name: string }[];
}

/** A cell that could not be used: the athlete is added with that field blank. */
export interface BlankedCell {
  field: ImportField;
  /** As written in the file. */
  value: string;
  /** "Grade “K” is not a grade (write 9, 10th or Sophomore): left blank". */
  message: string;
}

export interface AcceptedRow {
  /** As the spreadsheet numbers it (the headings are row 1 when they are on the first line). */
  rowNumber: number;
  /** Validated with the roster form's schema; masses in kilograms; groupId an existing group or null. */
  fields: AthleteFields;
  /** A group to create for this athlete (its name as in the file), or null. */
  newGroup: string | null;
  /** Cells left blank, and why (shown on the row). */
  blanks: BlankedCell[];
  /** Other things the coach should know about the row (invisible characters removed from a name). */
  notes: string[];
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

/** A value of a mappable column that Backchain could not read, with every row that has it. */
export interface UnrecognisedValue {
  field: MappableField;
  /** The key the coach's choice is kept under (valueKey). */
  key: string;
  /** As first written in the file. */
  value: string;
  rowNumbers: number[];
}

/** How a value written the coach's way was read ("800/1600" → "Middle distance (the first of ...)"). */
export interface ValueReading {
  field: MappableField;
  value: string;
  readAs: string;
  rows: number;
}

export interface ImportPreview {
  accepted: AcceptedRow[];
  rejected: RejectedRow[];
  /** Empty rows, skipped without fuss. */
  blankRows: number;
  groups: GroupInFile[];
  /** What stops the import altogether (no name column mapped, a field mapped twice...). */
  problems: string[];
  /** The rows that will be added, those of them with a blank left by a cell that could not be used, and those refused. */
  counts: { added: number; addedWithBlanks: number; refused: number };
  /** Values Backchain cannot read by itself, for the coach to map in one step each (mapped or not yet), in the order they appear. */
  unrecognised: UnrecognisedValue[];
  /** How values were read when they were not Backchain's own words. */
  readings: ValueReading[];
}

export { MAX_IMPORT_ROWS };

const OPTIONAL_SCHEMA_FIELDS: Record<string, ImportField> = {
  sex: 'sex',
  grade: 'grade',
  birthYear: 'birthYear',
  eventFocus: 'eventFocus',
  raceGoal: 'raceGoal',
  bodyMassKg: 'bodyMass',
  trainingAgeYears: 'trainingAgeYears',
  injured: 'injured',
  injuryNotes: 'injuryNotes',
};

const groupNameSchema = nameText('a group name', 40);

/** The preview of importing `rows` with these options. Nothing is written until the coach confirms. */
export function previewRosterImport(rows: readonly (readonly string[])[], options: ImportOptions, squad: SquadForImport): ImportPreview {
  const problems = mappingProblems(options.mapping);
  const column = (field: ImportField) => options.mapping.indexOf(field);
  const groupsByKey = new Map(squad.groups.map((g) => [groupNameKey(g.name), g]));
  const squadNames = new Map(squad.athletes.map((a) => [athleteNameKey(a.givenName, a.familyName), a.archivedAt !== null]));
  const fileNames = new Map<string, { rowNumber: number; cells: string }>();
  const groupsInFile = new Map<string, GroupInFile>();
  const unrecognised = new Map<string, UnrecognisedValue>();
  const readings = new Map<string, ValueReading>();
  const accepted: AcceptedRow[] = [];
  const rejected: RejectedRow[] = [];
  let blankRows = 0;
  const result = (): ImportPreview => ({
    accepted,
    rejected,
    blankRows,
    groups: [...groupsInFile.values()],
    problems,
    counts: { added: accepted.length, addedWithBlanks: accepted.filter((r) => r.blanks.length > 0).length, refused: rejected.length },
    unrecognised: [...unrecognised.values()],
    readings: [...readings.values()].sort((a, b) => MAPPABLE_FIELDS.indexOf(a.field) - MAPPABLE_FIELDS.indexOf(b.field)),
  });
  if (problems.length > 0) return result();

  for (let index = options.headerRow + 1; index < rows.length; index += 1) {
    const row = rows[index] ?? [];
    const rowNumber = index + 1;
    if (row.every((cell) => clean(cell) === '')) {
      blankRows += 1;
      continue;
    }
    const raw = (field: ImportField) => {
      const at = column(field);
      return at < 0 ? '' : (row[at] ?? '');
    };
    const cell = (field: ImportField) => clean(raw(field));
    const blanks: BlankedCell[] = [];
    const notes: string[] = [];
    const leaveBlank = (field: ImportField, value: string, reason: string) => blanks.push({ field, value, message: `${CELL_LABELS[field]} “${value}” ${reason}: left blank` });

    // The name: the one thing a row cannot do without.
    let givenName = cell('givenName');
    let familyName = cell('familyName');
    if (column('fullName') >= 0 && !givenName && !familyName) ({ givenName, familyName } = splitFullName(raw('fullName')));
    const nameCells = [raw('givenName'), raw('familyName'), raw('fullName')].join(' ');
    if (withoutFormatCharacters(nameCells) !== nameCells) notes.push('Invisible formatting characters were removed from the name');
    const name = [givenName, familyName].filter(Boolean).join(' ') || '(no name)';
    const reasons: string[] = [];

    const input: AthleteFieldsInput = { givenName, familyName };
    /**
     * A mappable cell: Backchain's reading, else the coach's choice, else blank. A value Backchain
     * cannot read is listed for mapping (choice made or not, so the choice can be changed).
     */
    const mappable = <F extends MappableField>(field: F, parse: (text: string) => Parsed<NonNullable<AthleteFieldsInput[F]>>): void => {
      const text = cell(field);
      if (NOTHING.has(headingKey(text))) return;
      const key = valueKey(text);
      const parsed = parse(text);
      if (parsed.ok) {
        input[field] = parsed.value;
        const label = valueLabel(field, parsed.value);
        // Events, races and grades as coaches write them are worth a line; "F" for Female is not.
        if (READ_AS_FIELDS.has(field) && (parsed.note || headingKey(label) !== key)) {
          const reading = readings.get(`${field}|${key}`) ?? { field, value: text, readAs: parsed.note ? `${label} (${parsed.note})` : label, rows: 0 };
          reading.rows += 1;
          readings.set(`${field}|${key}`, reading);
        }
        return;
      }
      const listed = unrecognised.get(`${field}|${key}`) ?? { field, key, value: text, rowNumbers: [] };
      listed.rowNumbers.push(rowNumber);
      unrecognised.set(`${field}|${key}`, listed);
      const choice = options.valueChoices?.[field]?.[key];
      const chosen = choice === undefined ? undefined : chosenValue(field, choice);
      if (chosen !== undefined) input[field] = chosen as AthleteFieldsInput[F];
      else if (choice !== '') leaveBlank(field, text, parsed.reason);
    };
    mappable('sex', parseSex);
    mappable('grade', parseGrade);
    mappable('eventFocus', parseEventFocus);
    mappable('raceGoal', parseRaceGoal);
    mappable('injured', parseYesNo);

    const birthYear = cell('birthYear');
    if (!NOTHING.has(headingKey(birthYear))) {
      const parsed = parseBirthYear(birthYear);
      if (parsed.ok) input.birthYear = parsed.value;
      else leaveBlank('birthYear', birthYear, parsed.reason);
    }
    const massText = cell('bodyMass');
    let massUnit = options.bodyMassUnit;
    if (!NOTHING.has(headingKey(massText))) {
      const quantity = parseQuantity(massText);
      if (quantity) {
        massUnit = quantity.unit ?? options.bodyMassUnit;
        input.bodyMassKg = roundForDisplay(unitToKg(quantity.value, massUnit), 2);
      } else leaveBlank('bodyMass', massText, 'is not a number');
    }
    const trainingText = cell('trainingAgeYears');
    if (!NOTHING.has(headingKey(trainingText))) {
      const quantity = parseQuantity(trainingText);
      if (quantity && quantity.unit === null) input.trainingAgeYears = quantity.value;
      else leaveBlank('trainingAgeYears', trainingText, 'is not a number of years');
    }
    const notesText = cell('injuryNotes');
    if (notesText) input.injuryNotes = notesText;

    // The same schema as the roster form, so the messages are the form's. A value it refuses in
    // an optional field (a grade of 3, 900 kg) is left blank; a name it refuses refuses the row.
    let parsed = athleteFieldsSchema.safeParse(input);
    for (let attempt = 0; !parsed.success && attempt < 3; attempt += 1) {
      let dropped = false;
      for (const issue of parsed.error.issues) {
        const path = issue.path.map(String).join('.');
        const field = OPTIONAL_SCHEMA_FIELDS[path];
        if (!field) continue;
        const written = path === 'injuryNotes' ? `${notesText.slice(0, 30)}…` : cell(field);
        // "Body mass must be between 20 and 200 kg" → Body mass “900” must be between 20 and 200 kg: left blank.
        const reason = issueReason(path, issue.message, massUnit);
        const label = CELL_LABELS[field];
        const rest = reason.toLowerCase().startsWith(`${label.toLowerCase()} `) ? ` ${reason.slice(label.length + 1)}` : `: ${reason}`;
        blanks.push({ field, value: written, message: `${label} “${written}”${rest}: left blank` });
        delete (input as Record<string, unknown>)[path];
        dropped = true;
      }
      if (!dropped) break;
      parsed = athleteFieldsSchema.safeParse(input);
    }
    if (!parsed.success) {
      // One reason per field: an empty name is "No first name", not also "needs a letter".
      const told = new Set<string>();
      for (const issue of parsed.error.issues) {
        const path = issue.path.map(String).join('.');
        if (told.has(path)) continue;
        told.add(path);
        reasons.push(issueReason(path, issue.message, massUnit));
      }
    }

    // Duplicates: in the squad, and earlier in this file (the very same row, or the same name).
    if (givenName && familyName) {
      const key = athleteNameKey(givenName, familyName);
      const inSquad = squadNames.get(key);
      if (inSquad !== undefined) reasons.push(inSquad ? `${name} is already in the squad (archived): restore them instead` : `${name} is already in the squad`);
      const cells = row.map(clean).join('\u0000');
      const earlier = fileNames.get(key);
      if (earlier !== undefined) reasons.push(earlier.cells === cells ? `The same row as row ${earlier.rowNumber} (the file has it twice)` : `Same name as row ${earlier.rowNumber} (a duplicate in the file)`);
      else fileNames.set(key, { rowNumber, cells });
    }

    // The group: one the squad has, or one to create / map / leave out.
    let groupId: number | null = null;
    let newGroup: string | null = null;
    const groupName = cell('group');
    if (groupName && reasons.length === 0) {
      const key = groupNameKey(groupName);
      const existing = groupsByKey.get(key);
      const usable = existing ? null : groupNameSchema.safeParse(groupName);
      if (usable && !usable.success) leaveBlank('group', groupName, `cannot be a group name (${usable.error.issues[0]?.message ?? 'not a name'})`);
      else {
        const seen = groupsInFile.get(key) ?? { key, name: groupName, athletes: 0, existingId: existing?.id ?? null };
        groupsInFile.set(key, seen);
        seen.athletes += 1;
        if (existing) groupId = existing.id;
        else {
          const choice = options.groupChoices[key] ?? { action: 'create' };
          if (choice.action === 'existing') groupId = choice.groupId;
          else if (choice.action === 'create') newGroup = seen.name;
        }
      }
    }

    if (reasons.length > 0 || !parsed.success) {
      rejected.push({ rowNumber, name, reasons: [...new Set(reasons)] });
      continue;
    }
    accepted.push({ rowNumber, fields: { ...parsed.data, groupId }, newGroup, blanks, notes });
  }
  if (rows.length - options.headerRow - 1 > MAX_IMPORT_ROWS) problems.push(`The file has more than ${MAX_IMPORT_ROWS} rows; split it into smaller files.`);
  return result();
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

/** A field as a cell's message names it ("Grade “K” is not a grade"). */
const CELL_LABELS: Record<ImportField, string> = {
  givenName: 'First name',
  familyName: 'Last name',
  fullName: 'Name',
  group: 'Group',
  sex: 'Gender',
  grade: 'Grade',
  birthYear: 'Birth year',
  eventFocus: 'Event',
  raceGoal: 'Race goal',
  bodyMass: 'Body mass',
  trainingAgeYears: 'Training age',
  injured: 'Injured',
  injuryNotes: 'Injury notes',
};

/** The schema's paths, named as the coach knows them. */
const FIELD_NAMES: Record<string, string> = { ...CELL_LABELS, bodyMassKg: 'Body mass' };

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

/** What `imports.roster` takes for the accepted rows (the warnings stay with the preview). */
export function athletesToImport(accepted: readonly AcceptedRow[]): { rowNumber: number; fields: AthleteFields; newGroup: string | null }[] {
  return accepted.map(({ rowNumber, fields, newGroup }) => ({ rowNumber, fields, newGroup }));
}

/** The unique new groups the accepted rows need, in the order they first appear. */
export function groupsToCreate(accepted: readonly AcceptedRow[]): string[] {
  const seen = new Map<string, string>();
  for (const row of accepted) if (row.newGroup && !seen.has(groupNameKey(row.newGroup))) seen.set(groupNameKey(row.newGroup), row.newGroup);
  return [...seen.values()];
}

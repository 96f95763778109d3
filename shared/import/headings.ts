/**
 * One list of the column headings every import recognises (the roster, re-test and timing files),
 * compared without case, accents, spaces or punctuation ("Last name", "LAST_NAME" and "Nom" are
 * the same to the roster; "Trial #", "Attempt" and "Run" are the same to a results file). A
 * heading recognised here means the same thing in every import: a results file's "Grade" column is
 * known (and left out), never mistaken for a test.
 */

export function headingKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** What a column can hold, in any import. */
export const HEADINGS = {
  // Who: every import.
  givenName: ['first', 'firstname', 'givenname', 'given', 'forename', 'fname', 'prenom', 'nombre', 'vorname'],
  familyName: ['last', 'lastname', 'surname', 'familyname', 'family', 'lname', 'nom', 'apellido', 'apellidos', 'nachname'],
  fullName: ['name', 'fullname', 'athlete', 'athletename', 'student', 'studentname', 'runner', 'runnername', 'player', 'playername', 'nameofathlete'],
  // About the athlete: the roster reads them; a results file leaves them out.
  group: ['group', 'traininggroup', 'squad', 'team', 'groupname', 'eventgroup', 'groupe', 'grupo', 'gruppe'],
  sex: ['gender', 'sex', 'mf', 'boygirl', 'girlboy', 'sexe', 'genre', 'sexo', 'genero', 'geschlecht'],
  grade: ['grade', 'gr', 'grd', 'gradelevel', 'schoolgrade', 'class', 'year', 'schoolyear'],
  birthYear: ['birthyear', 'yearofbirth', 'yob', 'dob', 'dateofbirth', 'birthdate', 'born', 'birthday'],
  eventFocus: ['event', 'events', 'eventfocus', 'focus', 'specialty', 'speciality', 'discipline', 'mainevent', 'eventarea', 'eventgroups'],
  raceGoal: ['racegoal', 'goal', 'goalrace', 'targetrace', 'target', 'goalevent', 'targetevent'],
  bodyMass: ['weight', 'bodyweight', 'bodymass', 'mass', 'wt', 'bw', 'weightkg', 'weightlb', 'weightlbs', 'bodymasskg', 'bodymasslb', 'masskg', 'masslb', 'weightinkg', 'weightinlbs', 'weightinlb', 'wtlb', 'wtlbs', 'wtkg', 'poids', 'poidskg', 'peso', 'pesokg', 'gewicht', 'gewichtkg'],
  trainingAgeYears: ['trainingage', 'trainingageyears', 'yearstraining', 'trainingyears', 'yearsoftraining', 'liftingexperience', 'experience', 'yearslifting'],
  injured: ['injured', 'injuredmodified', 'modified', 'hurt', 'injuredflag'],
  injuryNotes: ['injurynotes', 'injury', 'notes', 'injurydetails', 'medicalnotes', 'medical', 'comments', 'injuries'],
  // A results file: which try a row (or a column) is.
  trial: ['trial', 'trials', 'attempt', 'attempts', 'rep', 'reps', 'run', 'runs', 'try', 'trialnumber', 'trialno', 'attemptnumber', 'attemptno', 'runnumber', 'runno', 'repnumber', 'repno'],
  // A results file in the long layout (a row per trial): the test, its value, the side...
  test: ['test', 'testname', 'exercise', 'jumptype', 'metric', 'type', 'measure'],
  value: ['value', 'result', 'score', 'height', 'jumpheight', 'heightcm', 'jumpheightcm', 'time', 'times', 'timesec', 'results'],
  side: ['side', 'leg', 'limb'],
  flightTime: ['flighttime', 'flighttimes', 'flight', 'flights', 'flighttimems', 'flightms', 'ft'],
  addedLoad: ['load', 'addedload', 'loadkg', 'addedloadkg', 'loadlb', 'addedloadlb', 'loadlbs'],
  eyes: ['eyes', 'eyesopenclosed', 'vision'],
  // Columns any import leaves out without a word.
  other: ['date', 'timeofday', 'note', 'comment', 'id', 'athleteid', 'bib', 'bibnumber', 'number', 'no', 'age', 'session', 'device', 'wind', 'surface', 'start', 'starttype', 'gate', 'tester', 'email', 'phone', 'shirtsize', 'school', 'club'],
} as const;

export type HeadingKind = keyof typeof HEADINGS;

const BY_KEY = new Map<string, HeadingKind>();
for (const [kind, keys] of Object.entries(HEADINGS) as [HeadingKind, readonly string[]][]) {
  for (const key of keys) if (!BY_KEY.has(key)) BY_KEY.set(key, kind);
}

/** What a heading names, if any import knows it. */
export function headingKind(heading: string): HeadingKind | null {
  const key = headingKey(heading);
  return key ? (BY_KEY.get(key) ?? null) : null;
}

/** The kinds of column that say who a row is about. */
export const NAME_KINDS = ['givenName', 'familyName', 'fullName'] as const satisfies readonly HeadingKind[];

/** The kinds of column a roster describes an athlete with (a results file leaves them out). */
export const ATHLETE_KINDS = ['group', 'sex', 'grade', 'birthYear', 'eventFocus', 'raceGoal', 'bodyMass', 'trainingAgeYears', 'injured', 'injuryNotes'] as const satisfies readonly HeadingKind[];

/** "A", "B", ... "Z", "AA": a column (0-based) as a spreadsheet names it. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/**
 * The squad's people: athletes and the groups they train in (DOMAIN.md "Words").
 * Codes are what is stored; labels are what a coach reads.
 */

export const SEXES = ['female', 'male', 'unspecified'] as const;
export type Sex = (typeof SEXES)[number];
export const SEX_LABELS: Record<Sex, string> = { female: 'Female', male: 'Male', unspecified: 'Not stated' };

export const EVENT_FOCUSES = ['sprints', 'middle_distance', 'distance', 'hurdles_jumps', 'throws', 'multi'] as const;
export type EventFocus = (typeof EVENT_FOCUSES)[number];
export const EVENT_FOCUS_LABELS: Record<EventFocus, string> = {
  sprints: 'Sprints',
  middle_distance: 'Middle distance',
  distance: 'Distance',
  hurdles_jumps: 'Hurdles / jumps',
  throws: 'Throws',
  multi: 'Multi-events',
};

/**
 * Race goals, with their distance so planning rules can ask "half marathon or longer?"
 * (DOMAIN.md planning rule 2).
 */
export const RACE_GOALS = [
  { code: '100m', label: '100 m', meters: 100 },
  { code: '200m', label: '200 m', meters: 200 },
  { code: '400m', label: '400 m', meters: 400 },
  { code: '100mh_110mh', label: '100/110 m hurdles', meters: 110 },
  { code: '300mh_400mh', label: '300/400 m hurdles', meters: 400 },
  { code: '800m', label: '800 m', meters: 800 },
  { code: '1500m', label: '1500 m', meters: 1500 },
  { code: 'mile', label: 'Mile', meters: 1609 },
  { code: '3000m', label: '3000 m', meters: 3000 },
  { code: '3000m_sc', label: '3000 m steeplechase', meters: 3000 },
  { code: '3200m', label: '3200 m / 2 mile', meters: 3200 },
  { code: '5k', label: '5K', meters: 5000 },
  { code: '5k_xc', label: '5K cross-country', meters: 5000 },
  { code: '8k_xc', label: '8K cross-country', meters: 8000 },
  { code: '10k', label: '10K', meters: 10000 },
  { code: 'half_marathon', label: 'Half marathon', meters: 21097 },
  { code: 'marathon', label: 'Marathon', meters: 42195 },
] as const;
export type RaceGoal = (typeof RACE_GOALS)[number]['code'];
export const RACE_GOAL_CODES = RACE_GOALS.map((g) => g.code) as [RaceGoal, ...RaceGoal[]];

export function raceGoalLabel(code: RaceGoal): string {
  return RACE_GOALS.find((g) => g.code === code)?.label ?? code;
}

export function raceGoalMeters(code: RaceGoal): number {
  return RACE_GOALS.find((g) => g.code === code)?.meters ?? 0;
}

/** Sensible ranges. Outside them an entry is almost certainly a typo (or the wrong unit). */
export const BODY_MASS_RANGE_KG = { min: 20, max: 200 } as const;
export const GRADE_RANGE = { min: 5, max: 13 } as const;
export const TRAINING_AGE_RANGE_YEARS = { min: 0, max: 40 } as const;
export const BIRTH_YEAR_MIN = 1930;

export interface Group {
  id: number;
  name: string;
  /** `#rrggbb`, used for the group's band on the roster and the calendar. */
  color: string;
  sortOrder: number;
  /** Active athletes in the group. */
  athleteCount: number;
}

export interface Athlete {
  id: number;
  givenName: string;
  familyName: string;
  groupId: number | null;
  sex: Sex;
  grade: number | null;
  birthYear: number | null;
  eventFocus: EventFocus | null;
  raceGoal: RaceGoal | null;
  bodyMassKg: number | null;
  trainingAgeYears: number | null;
  /** The "injured / modified" flag: sheets show regressions, planning suggests them. */
  injured: boolean;
  injuryNotes: string;
  /** ISO timestamp when archived; null while the athlete is active. */
  archivedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export function athleteFullName(athlete: Pick<Athlete, 'givenName' | 'familyName'>): string {
  return `${athlete.givenName} ${athlete.familyName}`;
}

/**
 * The key two athletes are compared by to catch duplicates: case, accents-as-typed and extra
 * spaces do not make a different person ("ana  lópez" = "Ana López").
 */
export function athleteNameKey(givenName: string, familyName: string): string {
  const clean = (s: string) => s.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('en');
  return `${clean(givenName)}|${clean(familyName)}`;
}

export function groupNameKey(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('en');
}

/** Colours offered for groups: distinct, and readable with white or black text. */
export const GROUP_COLORS = ['#1c7ed6', '#e8590c', '#2f9e44', '#ae3ec9', '#f08c00', '#0c8599', '#e03131', '#5f3dc4', '#495057', '#c2255c'] as const;

/**
 * Track and cross-country events as coaches write them in a roster: "Sprints", "mid-d", "XC",
 * "800/1600", "100, 200, LJ", "1600 m", "2 mi", "5 km", "Hurdles & jumps", "SP/DT". Each cell
 * becomes one event focus (and, in a race-goal column, one race), and the reading says how it
 * was understood when that is not plain ("800/1600" → Middle distance, the first of several).
 */
import { EVENT_FOCUS_LABELS, EVENT_FOCUSES, RACE_GOALS, raceGoalLabel, type EventFocus, type RaceGoal } from '../domain/roster';

export interface Reading<T> {
  value: T;
  /** How the cell was read, when it was not the value's own name ("first of Sprints, Hurdles / jumps"). */
  note: string | null;
}

const MILE = 1609;

/** A word or abbreviation → its key: lower case, no accents, no spaces, dots or hyphens. */
function wordKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9.,]/g, '');
}

/**
 * A distance written with or without its unit, in metres: "800", "800m", "800 meters", "1,600m",
 * "1600 metres", "5K", "5 km", "3.2k", "mile", "1 mi", "2 miles", "two mile".
 */
export function distanceMeters(text: string): number | null {
  let key = wordKey(text).replace(/^(one|a)(?=mile)/, '1').replace(/^two(?=mile)/, '2');
  key = key.replace(/^(\d{1,2}),(\d{3})/, '$1$2');
  const match = /^(\d+(?:[.,]\d+)?)?(m|meter|meters|metre|metres|k|km|kms|kilometer|kilometers|kilometre|kilometres|mi|mile|miles|miler)?$/.exec(key);
  if (!match || (!match[1] && !match[2])) return null;
  const number = match[1] ? Number(match[1].replace(',', '.')) : 1;
  if (!Number.isFinite(number) || number <= 0) return null;
  const unit = match[2] ?? 'm';
  if (!match[1] && !/^mi/.test(unit)) return null;
  if (unit.startsWith('k')) return Math.round(number * 1000);
  if (unit.startsWith('mi')) return Math.round(number * MILE);
  // A bare number is metres; one too small for a track ("5", "3.1") is not guessed at.
  if (!match[2] && number < 50) return null;
  return Math.round(number);
}

/** The event focus of a distance run flat: up to 400 m sprints, up to the mile middle distance, beyond distance. */
function focusOfDistance(meters: number): EventFocus | null {
  if (meters < 50 || meters > 50_000) return null;
  if (meters <= 400) return 'sprints';
  if (meters <= 1700) return 'middle_distance';
  return 'distance';
}

const FOCUS_WORDS: Record<string, EventFocus> = {};
function words(focus: EventFocus, list: string): void {
  for (const word of list.split(' ')) FOCUS_WORDS[word] = focus;
}
words('sprints', 'sprint sprints sprinter sprinters sprinting speed dash dashes relay relays shortsprints longsprints sprintgroup 4x100 4x200 4x400');
words('hurdles_jumps', 'hurdle hurdles hurdler hurdlers jump jumps jumper jumpers hj lj tj pv highjump longjump triplejump polevault vault vaulter vaulters horizontaljumps verticaljumps horizontals verticals hurdlesjumps jumpshurdles');
words('middle_distance', 'middle middledistance mid midd middist middistance md miler milers 4x800 dmr smr middles');
words('distance', 'distance dist longdistance ld xc crosscountry cc steeple steeplechase sc distancerunner distancerunners 3200 2mile twomile');
words('throws', 'throw throws thrower throwers shot shotput sp discus disc dt javelin jav jt hammer ht weight weightthrow wt');
words('multi', 'multi multis multievent multievents combinedevents combined heptathlon hept hep decathlon dec pentathlon pent');
for (const focus of EVENT_FOCUSES) {
  FOCUS_WORDS[wordKey(EVENT_FOCUS_LABELS[focus]).replace(/[.,]/g, '')] = focus;
  FOCUS_WORDS[focus.replace('_', '')] = focus;
}

const HURDLE_RACE = /^(55|60|100|110|300|400)m?(h|mh|hurdles?|ih|lh)$/;

/** One event, written one way: a word, a hurdle race, or a distance. */
function focusOfPiece(piece: string): EventFocus | null {
  const key = wordKey(piece).replace(/[.,]/g, '');
  if (!key) return null;
  const word = FOCUS_WORDS[key];
  if (word) return word;
  if (HURDLE_RACE.test(key)) return 'hurdles_jumps';
  const meters = distanceMeters(piece);
  return meters === null ? null : focusOfDistance(meters);
}

/** "800/1600", "100, 200 & LJ", "Sprints and jumps" → the pieces. */
export function splitEvents(text: string): string[] {
  return text
    .split(/\s*(?:[/,;+&|]|\band\b|\bet\b|\by\b|\bund\b)\s*/i)
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

function several<T>(pieces: readonly T[], label: (value: T) => string): Reading<T> | null {
  const [first] = pieces;
  if (first === undefined) return null;
  const distinct = [...new Set(pieces)];
  return { value: first, note: distinct.length > 1 ? `the first of ${distinct.map(label).join(', ')}` : null };
}

/**
 * The event focus of a cell, or null when no piece of it is an event Backchain knows. With
 * several events in one cell, the first counts (coaches list the main one first); the note says
 * so. A piece that is not an event (a typo) makes the whole cell unknown, so nothing is guessed.
 */
export function readEventFocus(text: string): Reading<EventFocus> | null {
  const whole = focusOfPiece(text);
  if (whole) return { value: whole, note: null };
  const pieces = splitEvents(text).map(focusOfPiece);
  if (pieces.length === 0 || pieces.some((p) => p === null)) return null;
  return several(pieces as EventFocus[], (f) => EVENT_FOCUS_LABELS[f]);
}

const RACE_BY_METERS: [number, RaceGoal][] = [
  [100, '100m'],
  [200, '200m'],
  [400, '400m'],
  [800, '800m'],
  [1500, '1500m'],
  [1600, 'mile'],
  [MILE, 'mile'],
  [3000, '3000m'],
  [3200, '3200m'],
  [2 * MILE, '3200m'],
  [5000, '5k'],
  [10000, '10k'],
  [21097, 'half_marathon'],
  [21100, 'half_marathon'],
  [42195, 'marathon'],
  [42200, 'marathon'],
];

const RACE_WORDS: Record<string, RaceGoal> = {
  half: 'half_marathon',
  halfmarathon: 'half_marathon',
  '131': 'half_marathon',
  marathon: 'marathon',
  '262': 'marathon',
  steeple: '3000m_sc',
  steeplechase: '3000m_sc',
  '3000msc': '3000m_sc',
  '3000sc': '3000m_sc',
  '3ksc': '3000m_sc',
  '5kxc': '5k_xc',
  xc5k: '5k_xc',
  '5000mxc': '5k_xc',
  xc: '5k_xc',
  crosscountry: '5k_xc',
  '8kxc': '8k_xc',
  xc8k: '8k_xc',
  '8k': '8k_xc',
  '8000m': '8k_xc',
};

function raceOfPiece(piece: string): RaceGoal | null {
  const key = wordKey(piece).replace(/[.,]/g, '');
  if (!key) return null;
  for (const goal of RACE_GOALS) if (wordKey(goal.code).replace(/[.,]/g, '') === key || wordKey(goal.label).replace(/[.,]/g, '') === key) return goal.code;
  const word = RACE_WORDS[key];
  if (word) return word;
  const hurdles = HURDLE_RACE.exec(key);
  if (hurdles?.[1]) return ['300', '400'].includes(hurdles[1]) ? '300mh_400mh' : '100mh_110mh';
  const meters = distanceMeters(piece);
  if (meters === null) return null;
  return RACE_BY_METERS.find(([m]) => Math.abs(m - meters) <= Math.max(2, m * 0.002))?.[1] ?? null;
}

/** The race goal of a cell ("1600m", "5 km", "XC", "800/1600"), or null when it is not one Backchain knows. */
export function readRaceGoal(text: string): Reading<RaceGoal> | null {
  const whole = raceOfPiece(text);
  if (whole) return { value: whole, note: null };
  const pieces = splitEvents(text).map(raceOfPiece);
  if (pieces.length === 0 || pieces.some((p) => p === null)) return null;
  return several(pieces as RaceGoal[], raceGoalLabel);
}

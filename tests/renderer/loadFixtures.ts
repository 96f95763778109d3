/**
 * Small load.athlete / load.squadWeeks results for the Load screens' tests, written out by hand
 * (not produced by the series code): each test states the numbers it relies on.
 */
import { WARNING_THRESHOLD_DEFAULTS } from '@shared/load/thresholds';
import type { AthleteLoad, SquadLoadWeeks } from '@shared/contract/load';
import type { LoadDay, LoadWeek } from '@shared/load/series';

export function makeDay(date: string, weekStart: string, fields: Partial<LoadDay> = {}): LoadDay {
  return {
    date,
    weekStart,
    status: 'rest',
    plannedLoad: 0,
    actualLoad: 0,
    sessions: 0,
    isDeload: false,
    weeksSinceDeload: null,
    acuteSum: null,
    acuteLoad: null,
    chronicLoad: null,
    acwr: null,
    acwrUnavailable: null,
    warmingUp: false,
    wellness: null,
    ...fields,
  };
}

export function makeWeek(weekStart: string, fields: Partial<LoadWeek> = {}): LoadWeek {
  return {
    weekStart,
    days: 7,
    complete: true,
    plannedLoad: 0,
    load: 0,
    missingDays: 0,
    changePercent: null,
    monotony: null,
    strain: null,
    monotonyUnavailable: null,
    deloadDays: 0,
    ...fields,
  };
}

export function makeAthleteLoad(days: LoadDay[], weeks: LoadWeek[], fields: Partial<AthleteLoad> = {}): AthleteLoad {
  return {
    athlete: { id: 7, name: 'Ana López', groupId: 2, groupName: 'Distance', groupColor: '#2f9e44', archived: false },
    from: days[0]?.date ?? '2026-11-09',
    to: days[days.length - 1]?.date ?? '2026-11-22',
    today: '2026-11-18',
    series: { acwrMethod: 'ewma', acwrMethodLabel: 'EWMA 7/28 days (seed: first day)', monotonySd: 'sample', days, weeks, lastDeload: null, firstPlanDay: null },
    nextDeload: null,
    thresholds: WARNING_THRESHOLD_DEFAULTS,
    acwrBands: { low: 0.8, high: 1.3, veryHigh: 1.5 },
    acwrCaveats: [
      { title: 'Mathematical coupling', text: 'Coupling text.' },
      { title: 'Ratio problems', text: 'Ratio text.' },
    ],
    presentationNote: 'Acute load, chronic load and the weekly change as separate lines; bands off by default.',
    monotonyCaveat: 'Monotony above 2.0 is a rule of thumb.',
    wellnessCaveat: 'These flags are heuristics.',
    conventions: ['Session load = session RPE x minutes.'],
    ...fields,
  };
}

/** Two weeks (Mon 9 and Mon 16 Nov 2026), today Wednesday 18 Nov; two groups and an athlete without one. */
export function makeMatrix(fields: Partial<SquadLoadWeeks> = {}): SquadLoadWeeks {
  return {
    measure: 'weeklyLoad',
    acwrMethod: 'ewma',
    acwrMethodLabel: 'EWMA 7/28 days (seed: first day)',
    weeks: ['2026-11-09', '2026-11-16', '2026-11-23'],
    weekComplete: [true, false, false],
    today: '2026-11-18',
    groups: [
      { id: 4, name: 'Distance', color: '#2f9e44', order: 0 },
      { id: 1, name: 'Sprints', color: '#e8590c', order: 1 },
      { id: null, name: 'No group', color: '#868e96', order: 2 },
    ],
    athletes: [
      { id: 11, name: 'Ana López', groupId: 4, values: [1490, 620, null], deloadWeeks: [false, false, true] },
      { id: 12, name: 'Ben Okafor', groupId: 4, values: [null, 0, null], deloadWeeks: [true, false, false] },
      { id: 13, name: 'Cara Nguyen', groupId: 1, values: [2150, 900, null], deloadWeeks: [false, false, false] },
      { id: 14, name: 'Dan Ito', groupId: null, values: [300, null, null], deloadWeeks: [false, false, false] },
    ],
    acwrCaveats: [],
    ...fields,
  };
}

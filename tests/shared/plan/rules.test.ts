import { describe, expect, it } from 'vitest';
import { raceGoalMeters } from '@shared/domain/roster';
import { dayNumber, isoDate } from '@shared/plan/days';
import type { Phase, RunType, SessionType } from '@shared/plan/model';
import { checkPlanningRules, LONG_RACE_GOAL_METERS, ruleBitsByDay, type RuleContext, type RuleDay } from '@shared/plan/rules';

const MON = dayNumber('2026-09-07');
const monday: RuleContext = { firstDayOfWeek: 1, longRaceGoal: false };

/**
 * Days from `start`, one entry per day: "A", "B+intervals", "easy", "rest", "" (nothing).
 * Options set the phase, block and deload of every day given.
 */
function plan(start: number, entries: string[], options: { phase?: Phase; blockId?: number; deload?: boolean } = {}): RuleDay[] {
  return entries.flatMap((entry, i) => {
    if (entry === '') return [];
    const [first, second] = entry.split('+');
    const isSession = first === 'A' || first === 'B' || first === 'C' || first === 'custom';
    const sessionType = isSession ? (first as SessionType) : null;
    const run = (isSession ? second : first) as RunType | undefined;
    return [{ day: start + i, sessionType, runType: run ?? null, phase: options.phase ?? 'foundational', blockId: options.blockId ?? 1, isDeload: options.deload ?? false }];
  });
}

const rulesOf = (days: RuleDay[], context = monday) => checkPlanningRules(days, context).map((b) => [b.rule, isoDate(b.day)]);
const only = (rule: number, days: RuleDay[], context = monday) => checkPlanningRules(days, context).filter((b) => b.rule === rule);

describe('rule 1: strength on consecutive days', () => {
  it('flags the second of two consecutive strength days, and says which', () => {
    const breaks = only(1, plan(MON, ['A+easy', 'B', 'rest']));
    expect(breaks.map((b) => isoDate(b.day))).toEqual(['2026-09-08']);
    expect(breaks[0]?.message).toMatch(/session A on Mon 7 Sep, then session B on Tue 8 Sep/);
  });
  it('is fine with a day in between', () => {
    expect(only(1, plan(MON, ['A', 'easy', 'B', 'easy', 'C']))).toEqual([]);
  });
  it('sees the week boundary: Sunday C then Monday A are consecutive days', () => {
    expect(only(1, plan(MON - 1, ['C', 'A'])).map((b) => isoDate(b.day))).toEqual(['2026-09-07']);
  });
});

describe('rule 2: heavy strength with hard running for a long-race goal', () => {
  const long = { ...monday, longRaceGoal: true };
  it('flags A with intervals, tempo or sprints for a half-marathon-or-longer runner', () => {
    expect(rulesOf(plan(MON, ['A+intervals', '', 'A+tempo', '', 'A+sprint']), long)).toEqual([
      [2, '2026-09-07'],
      [2, '2026-09-09'],
      [2, '2026-09-11'],
    ]);
    expect(only(2, plan(MON, ['A+intervals']), long)[0]?.message).toMatch(/Heavy strength \(session A\) and intervals on Mon 7 Sep/);
  });
  it('leaves easy runs, light sessions, deload days and shorter race goals alone', () => {
    expect(only(2, plan(MON, ['A+easy', '', 'B+intervals', '', 'C+long']), long)).toEqual([]);
    expect(only(2, plan(MON, ['A+intervals'], { deload: true }), long)).toEqual([]);
    expect(only(2, plan(MON, ['A+intervals']), monday)).toEqual([]);
  });
  it('treats any session of a max-strength block as heavy', () => {
    expect(only(2, plan(MON, ['B+tempo'], { phase: 'max_strength' }), long).map((b) => isoDate(b.day))).toEqual(['2026-09-07']);
  });
  it('applies from the half marathon (21.097 km) up', () => {
    expect(raceGoalMeters('half_marathon')).toBe(LONG_RACE_GOAL_METERS);
    expect(raceGoalMeters('10k')).toBeLessThan(LONG_RACE_GOAL_METERS);
    expect(raceGoalMeters('marathon')).toBeGreaterThan(LONG_RACE_GOAL_METERS);
  });
});

describe('rule 3: more than three strength sessions in a week', () => {
  it('flags the fourth session of the week', () => {
    const breaks = only(3, plan(MON, ['A', '', 'B', '', 'C', '', 'A']));
    expect(breaks.map((b) => isoDate(b.day))).toEqual(['2026-09-13']);
    expect(breaks[0]?.message).toMatch(/4th strength session in the week of Mon 7 Sep \(4 that week\)/);
  });
  it('is fine with three', () => {
    expect(only(3, plan(MON, ['A', '', 'B', '', 'C', '', '']))).toEqual([]);
  });
  it("counts the squad's own week: Sun, Tue, Thu, Sat is 1 + 3 for Monday weeks but 4 for Sunday weeks", () => {
    const days = plan(MON + 6, ['A', '', 'B', '', 'C', '', 'A']);
    expect(only(3, days, { ...monday, firstDayOfWeek: 1 })).toEqual([]);
    expect(only(3, days, { ...monday, firstDayOfWeek: 0 }).map((b) => isoDate(b.day))).toEqual(['2026-09-19']);
  });
});

describe('rule 4: no rest day in seven days', () => {
  const everyDay = (n: number, type = 'easy') => Array.from({ length: n }, () => type);
  it('flags the seventh day in a row without rest (and the fourteenth), not the days between', () => {
    expect(only(4, plan(MON, everyDay(7))).map((b) => isoDate(b.day))).toEqual(['2026-09-13']);
    expect(only(4, plan(MON, everyDay(14))).map((b) => isoDate(b.day))).toEqual(['2026-09-13', '2026-09-20']);
    expect(only(4, plan(MON, everyDay(7)))[0]?.message).toMatch(/7 days in a row without a rest day \(since Mon 7 Sep\)/);
  });
  it('is fine with a rest day (a rest run, or nothing planned) in every seven', () => {
    expect(only(4, plan(MON, [...everyDay(6), 'rest', ...everyDay(6)]))).toEqual([]);
    expect(only(4, plan(MON, [...everyDay(6), '', ...everyDay(6)]))).toEqual([]);
  });
  it('counts cross-training and a strength session without a run as training', () => {
    expect(only(4, plan(MON, [...everyDay(5), 'cross_training', 'B'])).map((b) => isoDate(b.day))).toEqual(['2026-09-13']);
  });
});

describe('rule 5: more than six weeks without a deload', () => {
  const weeks = (n: number, deloadWeek: number | null = null) =>
    Array.from({ length: n }, (_, w) => plan(MON + w * 7, ['A', '', 'B', '', '', '', ''], { deload: w + 1 === deloadWeek })).flat();
  it('flags the first strength day of the seventh loaded week in a row', () => {
    const breaks = only(5, weeks(8));
    expect(breaks.map((b) => isoDate(b.day))).toEqual(['2026-10-19', '2026-10-26']);
    expect(breaks[0]?.message).toMatch(/Week 7 of strength work in a row without a deload \(strength work since the week of Mon 7 Sep\)/);
  });
  it('is fine with six loaded weeks, or a deload week within them', () => {
    expect(only(5, weeks(6))).toEqual([]);
    expect(only(5, weeks(10, 5))).toEqual([]);
    expect(only(5, weeks(12, 5)).map((b) => isoDate(b.day))).toEqual(['2026-11-23']);
  });
  it('counts a week without strength work as a break', () => {
    const withGap = [...weeks(4), ...plan(MON + 28, ['easy', 'easy']), ...weeks(7).map((d) => ({ ...d, day: d.day + 35 }))];
    expect(only(5, withGap).map((b) => isoDate(b.day))).toEqual(['2026-11-23']);
  });
});

describe('rule 6: plyometrics after fewer than four weeks of strength work', () => {
  const strength = (n: number) => Array.from({ length: n }, (_, w) => plan(MON + w * 7, ['A', '', 'B', '', '', '', ''])).flat();
  const power = (start: number) => plan(start, ['A', '', 'C'], { phase: 'power', blockId: 9 });
  it('flags the first day of a power block after three weeks of strength', () => {
    const breaks = only(6, [...strength(3), ...power(MON + 21)]);
    expect(breaks.map((b) => isoDate(b.day))).toEqual(['2026-09-28']);
    expect(breaks[0]?.message).toMatch(/after only 3 weeks of strength work/);
  });
  it('is fine after four weeks', () => {
    expect(only(6, [...strength(4), ...power(MON + 28)])).toEqual([]);
  });
  it('counts only the weeks right before it: a week off two weeks before leaves one', () => {
    const days = [...strength(4).filter((d) => d.day < MON + 14 || d.day >= MON + 21), ...power(MON + 28)];
    expect(only(6, days)[0]?.message).toMatch(/after only 1 week of strength work/);
    expect(only(6, power(MON))[0]?.message).toMatch(/after no weeks of strength work/);
  });
});

describe('rule bits', () => {
  it('sets bit n-1 for rule n on each day', () => {
    const bits = ruleBitsByDay([
      { rule: 1, day: 5, message: '' },
      { rule: 4, day: 5, message: '' },
      { rule: 6, day: 9, message: '' },
    ]);
    expect(bits.get(5)).toBe(0b1001);
    expect(bits.get(9)).toBe(0b100000);
  });
});

/**
 * The sample squad's season plan, from its own seeded stream (adding it reshuffled nothing of
 * the roster). The 24-athlete sample gets a plan around today so the calendar shows the feature
 * on first open: per group an acclimation block and a foundational block (today in its second
 * week), a race and a re-test day, and a few athlete changes including regressions for the
 * athletes flagged injured. The large squad gets three seasons of blocks for every group (52
 * weeks each, the last one starting this week) and changes for every athlete.
 *
 * Templates and exercises are named by their built-in codes; the loader resolves them to ids.
 */
import type { IsoDate } from '../dates';
import type { EventFocus } from '../domain/roster';
import { defaultBlockShape, defaultRhythm } from '../plan/defaults';
import { dayNumber, isoDate, weekdayOf, weekStartOf } from '../plan/days';
import { EXERCISE_LIBRARY } from '../plan/exerciseLibrary';
import { blockWeekOf } from '../plan/expand';
import type { EventKind, Phase, PlannedRun, RhythmDay } from '../plan/model';
import { PHASE_INFO } from '../plan/model';
import { builtinTemplateCode, TEMPLATE_LIBRARY } from '../plan/templateLibrary';
import type { SquadSize } from './generator';
import { SeededRandom } from './random';

/** A rhythm day with the built-in template's code instead of its id. */
export interface SampleRhythmDay extends Omit<RhythmDay, 'templateId'> {
  template: string | null;
}

export interface SampleBlock {
  name: string;
  phase: Phase;
  startDate: IsoDate;
  weeks: number;
  deloadWeek: number | null;
  groupIndex: number;
  rhythm: SampleRhythmDay[];
}

export interface SampleEvent {
  date: IsoDate;
  kind: EventKind;
  name: string;
  groupIndex: number | null;
  athleteIndex: number | null;
}

export type SampleStrengthChange =
  | { kind: 'skip' }
  | { kind: 'replace'; template: string }
  | { kind: 'moved_out'; to: IsoDate }
  | { kind: 'moved_in'; template: string; from: IsoDate };

export interface SampleChange {
  athleteIndex: number;
  date: IsoDate;
  strength: SampleStrengthChange | null;
  run: { kind: 'skip' } | ({ kind: 'set' } & PlannedRun) | null;
  note: string;
}

export interface SampleSwap {
  athleteIndex: number;
  exercise: string;
  replacement: string;
  fromDate: IsoDate;
  toDate: IsoDate;
}

export interface SamplePlan {
  /** The season the squad settings should show (the sample's starts with its acclimation block). */
  season: { start: IsoDate; end: IsoDate } | null;
  blocks: SampleBlock[];
  events: SampleEvent[];
  changes: SampleChange[];
  swaps: SampleSwap[];
}

export interface SamplePlanInput {
  seed: number;
  size: SquadSize;
  today: IsoDate;
  firstDayOfWeek: number;
  groups: readonly { eventFocus: EventFocus }[];
  athletes: readonly { groupIndex: number; injured: boolean }[];
}

const SESSION_TYPES_ABC = ['A', 'B', 'C'] as const;

const rhythmWithCodes = (focus: EventFocus, phase: Phase): SampleRhythmDay[] =>
  defaultRhythm(focus, phase, (type) => SESSION_TYPES_ABC.indexOf(type) + 1).map(({ templateId, ...day }) => ({
    ...day,
    template: templateId === null ? null : builtinTemplateCode(phase, SESSION_TYPES_ABC[templateId - 1] ?? 'A'),
  }));

/** One season of blocks for the large squad: 52 weeks. */
const SEASON: readonly [Phase, number][] = [
  ['acclimation', 2],
  ['foundational', 4],
  ['foundational', 4],
  ['max_strength', 4],
  ['power', 4],
  ['sprint_specific', 4],
  ['maintenance', 4],
  ['maintenance', 4],
  ['foundational', 4],
  ['max_strength', 4],
  ['power', 4],
  ['sprint_specific', 4],
  ['maintenance', 6],
];

function block(phase: Phase, weeks: number, startDay: number, groupIndex: number, focus: EventFocus, name: string): SampleBlock {
  const shape = defaultBlockShape(phase);
  return {
    name,
    phase,
    startDate: isoDate(startDay),
    weeks,
    deloadWeek: shape.deloadWeek === null ? null : weeks,
    groupIndex,
    rhythm: rhythmWithCodes(focus, phase),
  };
}

/** The planned session code and run of a group on a day, from the generated blocks. */
function plannedOn(blocks: readonly SampleBlock[], groupIndex: number, day: number): { template: string | null; run: PlannedRun | null } | null {
  for (const b of blocks) {
    if (b.groupIndex !== groupIndex) continue;
    const at = blockWeekOf({ startDay: dayNumber(b.startDate), weeks: b.weeks, deloadWeek: b.deloadWeek }, day);
    if (!at) continue;
    const slot = b.rhythm.find((r) => r.weekday === weekdayOf(day));
    return { template: slot && slot.template !== null && at.week >= slot.strengthFromWeek ? slot.template : null, run: slot?.run ?? null };
  }
  return null;
}

const CROSS_TRAINING: PlannedRun = { type: 'cross_training', minutes: 35, rpe: 4 };

export function generatePlan(input: SamplePlanInput): SamplePlan {
  // Its own stream: the roster's draws are not disturbed by planning.
  const random = new SeededRandom((input.seed * 7919 + 104729) % 2147483647 || 1);
  const todayDay = dayNumber(input.today);
  const thisWeek = weekStartOf(todayDay, input.firstDayOfWeek);
  const blocks: SampleBlock[] = [];
  const events: SampleEvent[] = [];
  const changes: SampleChange[] = [];
  const swaps: SampleSwap[] = [];
  const taken = new Set<string>();
  const addChange = (c: SampleChange) => {
    const key = `${c.athleteIndex}|${c.date}`;
    if (taken.has(key)) return false;
    taken.add(key);
    changes.push(c);
    return true;
  };

  let season: SamplePlan['season'] = null;
  if (input.size === 'sample') {
    const acclimationStart = thisWeek - 21;
    const foundationalStart = thisWeek - 7;
    season = { start: isoDate(acclimationStart), end: isoDate(acclimationStart + 52 * 7 - 1) };
    input.groups.forEach((g, gi) => {
      blocks.push(block('acclimation', 2, acclimationStart, gi, g.eventFocus, 'Acclimation'));
      blocks.push(block('foundational', 4, foundationalStart, gi, g.eventFocus, 'Foundational strength 1'));
    });
    // The block re-test on the Friday of the deload week, and a race on the Saturday of week 3 for the runners.
    events.push({ date: isoDate(foundationalStart + 25), kind: 'test_day', name: 'Block re-test (CMJ, balance, sprints)', groupIndex: null, athleteIndex: null });
    input.groups.forEach((g, gi) => {
      if (g.eventFocus === 'distance' || g.eventFocus === 'middle_distance') {
        events.push({ date: isoDate(foundationalStart + 19), kind: 'race', name: g.eventFocus === 'distance' ? 'County XC 5K' : 'Invitational 1500 m', groupIndex: gi, athleteIndex: null });
      }
    });
  } else {
    for (let s = 0; s < 3; s += 1) {
      const seasonStart = thisWeek - (2 - s) * 52 * 7;
      input.groups.forEach((g, gi) => {
        let start = seasonStart;
        const count = new Map<Phase, number>();
        for (const [phase, weeks] of SEASON) {
          const n = (count.get(phase) ?? 0) + 1;
          count.set(phase, n);
          const b = block(phase, weeks, start, gi, g.eventFocus, `${PHASE_INFO[phase].short} ${n} (${isoDate(seasonStart).slice(0, 4)})`);
          // The season ends with a deload (the break before the next season's acclimation).
          if (start + weeks * 7 === seasonStart + 52 * 7) b.deloadWeek = weeks;
          blocks.push(b);
          start += weeks * 7;
        }
        for (let r = 0; r < 8; r += 1) {
          const day = seasonStart + 7 * random.int(20, 50) + 5;
          events.push({ date: isoDate(day), kind: 'race', name: `Meet ${r + 1}`, groupIndex: gi, athleteIndex: null });
        }
      });
      for (const week of [5, 18, 30, 44]) events.push({ date: isoDate(seasonStart + week * 7 + 4), kind: 'test_day', name: 'Block re-test', groupIndex: null, athleteIndex: null });
    }
  }

  // Athlete changes: days with a planned session get skipped, moved or swapped for cross-training.
  const firstDay = Math.min(...blocks.map((b) => dayNumber(b.startDate)));
  const lastDay = Math.max(...blocks.map((b) => dayNumber(b.startDate) + b.weeks * 7 - 1));
  const perAthlete = input.size === 'sample' ? 0 : 24;
  const sessionDays = (groupIndex: number, from: number, to: number) => {
    const list: number[] = [];
    for (let d = from; d <= to; d += 1) if (plannedOn(blocks, groupIndex, d)?.template) list.push(d);
    return list;
  };
  const groupSessionDays = input.groups.map((_, gi) => sessionDays(gi, firstDay, lastDay));

  const skip = (athleteIndex: number, day: number, note: string) => addChange({ athleteIndex, date: isoDate(day), strength: { kind: 'skip' }, run: null, note });
  const move = (athleteIndex: number, groupIndex: number, day: number, by: number) => {
    const to = day + by;
    const source = plannedOn(blocks, groupIndex, day);
    const target = plannedOn(blocks, groupIndex, to);
    if (!source?.template || target?.template || taken.has(`${athleteIndex}|${isoDate(to)}`) || taken.has(`${athleteIndex}|${isoDate(day)}`)) return;
    addChange({ athleteIndex, date: isoDate(day), strength: { kind: 'moved_out', to: isoDate(to) }, run: null, note: '' });
    addChange({ athleteIndex, date: isoDate(to), strength: { kind: 'moved_in', template: source.template, from: isoDate(day) }, run: null, note: 'Moved: exams' });
  };

  input.athletes.forEach((athlete, ai) => {
    const days = groupSessionDays[athlete.groupIndex] ?? [];
    if (days.length === 0) return;
    for (let i = 0; i < perAthlete; i += 1) {
      const day = random.pick(days);
      const roll = random.float();
      if (roll < 0.4) skip(ai, day, random.pick(['Sick', 'Away', 'Exam week', '']));
      else if (roll < 0.6) move(ai, athlete.groupIndex, day, random.pick([1, 2, -1]));
      else if (roll < 0.85) addChange({ athleteIndex: ai, date: isoDate(day), strength: null, run: { kind: 'set', ...CROSS_TRAINING }, note: '' });
      else addChange({ athleteIndex: ai, date: isoDate(day), strength: null, run: { kind: 'skip' }, note: 'Sore' });
    }
  });

  if (input.size === 'sample') {
    // A handful of visible changes this week and next: a skip, a move, a run changed, a note.
    const visible = input.athletes.map((a, i) => ({ a, i })).filter(({ a }) => !a.injured);
    const pickDay = (groupIndex: number, from: number) => (groupSessionDays[groupIndex] ?? []).find((d) => d >= from) ?? null;
    const first = visible[0];
    const second = visible[3];
    const third = visible[7];
    if (first) {
      const d = pickDay(first.a.groupIndex, todayDay + 1);
      if (d !== null) skip(first.i, d, 'Dentist');
    }
    if (second) {
      const d = pickDay(second.a.groupIndex, todayDay);
      if (d !== null) move(second.i, second.a.groupIndex, d, 1);
    }
    if (third) addChange({ athleteIndex: third.i, date: isoDate(todayDay + 2), strength: null, run: { kind: 'set', ...CROSS_TRAINING }, note: 'Bike instead: calf tight' });
  }

  // Injured athletes: runs become cross-training for two weeks, and hinge/plyometric work is regressed.
  const regressions = new Map(EXERCISE_LIBRARY.filter((e) => e.regression !== null).map((e) => [e.code, e.regression as string]));
  input.athletes.forEach((athlete, ai) => {
    if (!athlete.injured) return;
    const group = input.groups[athlete.groupIndex];
    if (!group) return;
    const current = blocks.find((b) => b.groupIndex === athlete.groupIndex && dayNumber(b.startDate) <= todayDay && dayNumber(b.startDate) + b.weeks * 7 > todayDay);
    if (!current) return;
    const blockEnd = dayNumber(current.startDate) + current.weeks * 7 - 1;
    // Exercises of the sessions this block actually holds, Monday first (a session "from week 5" of a
    // 4-week block never happens).
    const scheduled = [...current.rhythm].sort((a, b) => ((a.weekday + 6) % 7) - ((b.weekday + 6) % 7)).filter((r) => r.template !== null && r.strengthFromWeek <= current.weeks);
    const codes = new Set(scheduled.flatMap((r) => TEMPLATE_LIBRARY.find((t) => t.code === r.template)?.prescriptions.map((p) => p.exercise) ?? []));
    let count = 0;
    for (const code of codes) {
      const replacement = regressions.get(code);
      if (!replacement || count >= 3) continue;
      swaps.push({ athleteIndex: ai, exercise: code, replacement, fromDate: isoDate(todayDay), toDate: isoDate(blockEnd) });
      count += 1;
    }
    for (let d = todayDay; d < todayDay + 14; d += 1) {
      const planned = plannedOn(blocks, athlete.groupIndex, d);
      if (planned?.run && planned.run.type !== 'rest' && planned.run.type !== 'easy') {
        addChange({ athleteIndex: ai, date: isoDate(d), strength: null, run: { kind: 'set', ...CROSS_TRAINING }, note: 'Injured: bike or pool instead' });
      }
    }
  });

  return { season, blocks, events, changes, swaps };
}

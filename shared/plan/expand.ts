/**
 * A block, its weekly rhythm and an athlete's own changes, expanded into that athlete's days.
 * Pure: the service feeds it rows from the database and stores what it returns (the calendar
 * table), the block editor feeds it a draft to check the planning rules as the coach types.
 */
import type { DayNumber } from './days';
import { weekdayOf } from './days';
import type { DayChangeFields, Phase, PlannedRun, RhythmDay } from './model';

/** A block as the expansion needs it. */
export interface ExpansionBlock {
  id: number;
  phase: Phase;
  startDay: DayNumber;
  weeks: number;
  /** 1-based deload week, or null. */
  deloadWeek: number | null;
  /** The weekly rhythm, one entry per weekday that carries anything (weekday 0 = Sunday). */
  rhythm: readonly RhythmDay[];
  /** True when the block names this athlete (not only their group): it wins over a group block. */
  individual: boolean;
}

export interface ExpansionChange {
  day: DayNumber;
  change: DayChangeFields;
}

/** An exercise swap, as far as the calendar cares: which exercise, from when, until when. */
export interface ExpansionSwap {
  exerciseId: number;
  fromDay: DayNumber;
  /** Last day, or null = open-ended. */
  toDay: DayNumber | null;
}

/** What happened to the planned strength session on a day. */
export type StrengthState = 'plan' | 'replaced' | 'moved_in' | 'skipped' | 'moved_out';
export type RunState = 'plan' | 'changed' | 'skipped';

export interface ExpandedDay {
  day: DayNumber;
  blockId: number | null;
  /** 1-based week of the block. */
  week: number | null;
  phase: Phase | null;
  /** First day of the block. */
  blockStart: boolean;
  isDeload: boolean;
  /** The deload status comes from the athlete's own change, not the block. */
  deloadChanged: boolean;
  /** The group plan's session (before the athlete's changes). */
  plannedTemplateId: number | null;
  /** The session the athlete does (null when skipped, moved away or none). */
  templateId: number | null;
  strength: StrengthState;
  plannedRun: PlannedRun | null;
  /** The run the athlete does (null when skipped or none). */
  run: PlannedRun | null;
  runState: RunState;
  hasNote: boolean;
  /** An exercise swap (e.g. a regression) changes an exercise of this day's session. */
  hasSwap: boolean;
}

/** Week number and deload of `day` in `block`, or null when the day is outside the block. */
export function blockWeekOf(block: Pick<ExpansionBlock, 'startDay' | 'weeks' | 'deloadWeek'>, day: DayNumber): { week: number; isDeload: boolean } | null {
  const offset = day - block.startDay;
  if (offset < 0 || offset >= block.weeks * 7) return null;
  const week = Math.floor(offset / 7) + 1;
  return { week, isDeload: block.deloadWeek === week };
}

/** The rhythm entry of a weekday, if the block has one. */
export function rhythmOn(rhythm: readonly RhythmDay[], weekday: number): RhythmDay | undefined {
  for (const r of rhythm) if (r.weekday === weekday) return r;
  return undefined;
}

export interface ExpansionInput {
  blocks: readonly ExpansionBlock[];
  changes: readonly ExpansionChange[];
  swaps: readonly ExpansionSwap[];
  /** The exercises of a session template (to tell whether a swap touches a day's session). */
  templateExercises(templateId: number): ReadonlySet<number> | undefined;
  fromDay: DayNumber;
  toDay: DayNumber;
}

/**
 * Every day in [fromDay, toDay] that carries anything for the athlete: a day inside one of
 * their blocks, or a day with one of their own changes. A block that names the athlete wins
 * over their group's block on the days both cover.
 */
export function expandAthleteDays(input: ExpansionInput): ExpandedDay[] {
  const { fromDay, toDay } = input;
  const length = toDay - fromDay + 1;
  if (length <= 0) return [];
  // Which block covers each day: group blocks first, then individual ones on top.
  const cover = new Int32Array(length).fill(-1);
  const ordered = input.blocks.map((b, i) => ({ b, i })).sort((x, y) => Number(x.b.individual) - Number(y.b.individual) || x.b.startDay - y.b.startDay);
  for (const { b, i } of ordered) {
    const start = Math.max(b.startDay, fromDay);
    const end = Math.min(b.startDay + b.weeks * 7 - 1, toDay);
    for (let d = start; d <= end; d += 1) cover[d - fromDay] = i;
  }
  const changes = new Map<DayNumber, DayChangeFields>();
  for (const c of input.changes) if (c.day >= fromDay && c.day <= toDay) changes.set(c.day, c.change);

  const days: ExpandedDay[] = [];
  for (let offset = 0; offset < length; offset += 1) {
    const day = fromDay + offset;
    const blockIndex = cover[offset] ?? -1;
    const block = blockIndex >= 0 ? input.blocks[blockIndex] : undefined;
    const change = changes.get(day);
    if (!block && !change) continue;

    let week: number | null = null;
    let isDeload = false;
    let plannedTemplateId: number | null = null;
    let plannedRun: PlannedRun | null = null;
    if (block) {
      const at = blockWeekOf(block, day);
      if (at) {
        week = at.week;
        isDeload = at.isDeload;
        const slot = rhythmOn(block.rhythm, weekdayOf(day));
        if (slot) {
          if (slot.templateId !== null && at.week >= slot.strengthFromWeek) plannedTemplateId = slot.templateId;
          plannedRun = slot.run;
        }
      }
    }

    let templateId = plannedTemplateId;
    let strength: StrengthState = 'plan';
    let run = plannedRun;
    let runState: RunState = 'plan';
    let deloadChanged = false;
    if (change) {
      const s = change.strength;
      if (s) {
        if (s.kind === 'skip') {
          if (plannedTemplateId !== null) {
            templateId = null;
            strength = 'skipped';
          }
        } else if (s.kind === 'moved_out') {
          templateId = null;
          strength = 'moved_out';
        } else if (s.kind === 'replace') {
          templateId = s.templateId;
          strength = s.templateId === plannedTemplateId ? 'plan' : 'replaced';
        } else {
          templateId = s.templateId;
          strength = 'moved_in';
        }
      }
      const r = change.run;
      if (r) {
        if (r.kind === 'skip') {
          if (plannedRun !== null) {
            run = null;
            runState = 'skipped';
          }
        } else {
          run = { type: r.type, minutes: r.minutes, rpe: r.rpe };
          runState = 'changed';
        }
      }
      if (change.deload !== null) {
        deloadChanged = change.deload !== isDeload;
        isDeload = change.deload;
      }
    }

    let hasSwap = false;
    if (templateId !== null && input.swaps.length > 0) {
      const exercises = input.templateExercises(templateId);
      if (exercises) {
        for (const s of input.swaps) {
          if (day >= s.fromDay && (s.toDay === null || day <= s.toDay) && exercises.has(s.exerciseId)) {
            hasSwap = true;
            break;
          }
        }
      }
    }

    days.push({
      day,
      blockId: block ? block.id : null,
      week,
      phase: block ? block.phase : null,
      blockStart: block !== undefined && day === block.startDay,
      isDeload,
      deloadChanged,
      plannedTemplateId,
      templateId,
      strength,
      plannedRun,
      run,
      runState,
      hasNote: change !== undefined && change.note.trim() !== '',
      hasSwap,
    });
  }
  return days;
}

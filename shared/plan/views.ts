/**
 * What the calendar's methods return: the grid in its compact shape, one athlete's day in
 * detail, and the snapshots that undo an athlete's changes.
 */
import type { IsoDate } from '../dates';
import type { RaceGoal } from '../domain/roster';
import type { StrengthState, RunState } from './expand';
import type { WeekPrescription } from './progression';
import type { RuleBreak } from './rules';
import type { CalendarEvent, DayChangeFields, DeloadRule, ExerciseSwap, Phase, PlannedRun, SessionType } from './model';

/**
 * The grid for a date range: athletes × days, row-major. `cells[a * days + d]` is the packed
 * cell code (shared/plan/gridCode.ts) of athlete `athleteIds[a]` on day `from + d`, 0 when the
 * day carries nothing; `strength[...]` is the id of the session template shown there (0 = none).
 */
export interface CalendarGrid {
  from: IsoDate;
  to: IsoDate;
  days: number;
  /** Active athletes, in record order (the screen orders them by group and name). */
  athleteIds: number[];
  cells: number[];
  strength: number[];
  /** Every template the cells may refer to (to draw the chips and the legend). */
  templates: GridTemplate[];
  /** Blocks overlapping the range. */
  blocks: GridBlock[];
  /** Test days and races in the range. */
  events: CalendarEvent[];
}

export interface GridTemplate {
  id: number;
  name: string;
  sessionType: SessionType;
  phase: Phase | null;
}

export interface GridBlock {
  id: number;
  name: string;
  phase: Phase;
  startDate: IsoDate;
  endDate: IsoDate;
  deloadWeek: number | null;
  groupIds: number[];
  athleteIds: number[];
}

/** One line of a session as the athlete does it that week (swaps and deload applied). */
export interface SessionLine {
  position: number;
  exerciseId: number;
  exerciseName: string;
  /** Set when a swap replaced the template's exercise. */
  swappedFrom: { exerciseId: number; exerciseName: string; swapId: number } | null;
  /** The exercise's regression, if it has one (for a one-click swap). */
  regression: { exerciseId: number; exerciseName: string } | null;
  cues: string[];
  prescription: WeekPrescription;
}

export interface InjurySuggestion {
  exerciseId: number;
  exerciseName: string;
  regressionId: number;
  regressionName: string;
  /** First day in the window on which the exercise is planned. */
  firstDate: IsoDate;
}

export interface AthleteSuggestions {
  athleteId: number;
  injuryNotes: string;
  /** Swaps would run from `fromDate` to `toDate` (the end of the athlete's current block). */
  fromDate: IsoDate;
  toDate: IsoDate;
  suggestions: InjurySuggestion[];
}

export interface DayDetail {
  athlete: { id: number; name: string; groupId: number | null; injured: boolean; injuryNotes: string; raceGoal: RaceGoal | null };
  date: IsoDate;
  block: { id: number; name: string; phase: Phase; week: number; weeks: number; deloadWeek: number | null; weeklyProgression: number; deload: DeloadRule } | null;
  isDeload: boolean;
  /** The group plan for the day (before the athlete's own changes). */
  planned: { templateId: number | null; run: PlannedRun | null };
  /** What the athlete does. */
  strength: { templateId: number | null; state: StrengthState; templateName: string | null; sessionType: SessionType | null; plannedMinutes: number | null; targetRpe: number | null };
  run: { run: PlannedRun | null; state: RunState };
  change: DayChangeFields | null;
  session: SessionLine[];
  swaps: ExerciseSwap[];
  /** For an athlete flagged injured: regressions for exercises in this day's session not yet swapped. */
  suggestions: InjurySuggestion[];
  ruleBreaks: RuleBreak[];
  events: CalendarEvent[];
}

/** The state of one athlete's day before a change: what undo writes back (null = no change). */
export interface ChangeSnapshot {
  athleteId: number;
  date: IsoDate;
  change: DayChangeFields | null;
}

export interface ChangeResult {
  /** How many athlete-days changed. */
  changed: number;
  /** Snapshots of every athlete-day touched, as they were before: pass to changes.restore to undo. */
  previous: ChangeSnapshot[];
}

export interface PlanSummary {
  activeAthletes: number;
  groups: number;
  blocks: number;
  firstBlockStart: IsoDate | null;
  lastBlockEnd: IsoDate | null;
}

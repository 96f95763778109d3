/**
 * Keeps the calendar table (athlete_day) equal to the plan expanded for every active athlete:
 * their groups' blocks and their own blocks, their own changes and swaps, and the planning
 * rules broken on each day. Every plan edit calls `refreshCalendar` for the athletes and dates it
 * touched, inside its own transaction; roster and settings changes mark athletes in
 * athlete_day_pending (triggers), and `flushPendingCalendar` rebuilds them before the calendar
 * is read or written. Reading athlete_day needs a `FreshCalendarDb`, which only `withFreshCalendar`
 * (and `freshSnapshot`, for an export's snapshot) hand out.
 */
import { raceGoalMeters } from '@shared/domain/roster';
import type { DayNumber } from '@shared/plan/days';
import { dayNumber, isoDate, weekStartOf } from '@shared/plan/days';
import type { ExpandedDay, ExpansionBlock } from '@shared/plan/expand';
import { expandAthleteDays } from '@shared/plan/expand';
import { encodeGridCell, withRuleBits } from '@shared/plan/gridCode';
import type { Block, SessionType } from '@shared/plan/model';
import type { RuleDay } from '@shared/plan/rules';
import { checkPlanningRules, LONG_RACE_GOAL_METERS, ruleBitsByDay } from '@shared/plan/rules';
import * as changesRepo from '@main/db/repositories/athleteChanges';
import * as days from '@main/db/repositories/athleteDays';
import { blocksOverlapping, listBlocks } from '@main/db/repositories/blocks';
import { readSettings } from '@main/db/repositories/settings';
import { listTemplates } from '@main/db/repositories/templates';
import type { FreshCalendarDb, SquadDb } from '@main/db/types';

/** What a rebuild needs besides the athlete's own rows, loaded once per rebuild. */
interface PlanContext {
  firstDayOfWeek: number;
  blocksByGroup: Map<number, Block[]>;
  blocksByAthlete: Map<number, Block[]>;
  templateExercises: Map<number, Set<number>>;
  templateTypes: Map<number, SessionType>;
}

/** Weeks of history the rules need before a changed day (rule 5 looks six weeks back, rule 6 four). */
const RULE_CONTEXT_DAYS = 7 * 7;

function loadContext(db: SquadDb, window: { fromDay: DayNumber; toDay: DayNumber } | null): PlanContext {
  const blocks = window ? blocksOverlapping(db, isoDate(window.fromDay), isoDate(window.toDay)) : listBlocks(db);
  const blocksByGroup = new Map<number, Block[]>();
  const blocksByAthlete = new Map<number, Block[]>();
  const push = (map: Map<number, Block[]>, key: number, block: Block) => {
    const list = map.get(key);
    if (list) list.push(block);
    else map.set(key, [block]);
  };
  for (const b of blocks) {
    for (const g of b.groupIds) push(blocksByGroup, g, b);
    for (const a of b.athleteIds) push(blocksByAthlete, a, b);
  }
  const templateExercises = new Map<number, Set<number>>();
  const templateTypes = new Map<number, SessionType>();
  for (const t of listTemplates(db)) {
    templateTypes.set(t.id, t.sessionType);
    templateExercises.set(t.id, new Set(t.prescriptions.map((p) => p.exerciseId)));
  }
  return { firstDayOfWeek: readSettings(db)?.firstDayOfWeek ?? 1, blocksByGroup, blocksByAthlete, templateExercises, templateTypes };
}

function expansionBlocks(athlete: days.PlanAthlete, context: PlanContext): ExpansionBlock[] {
  const toExpansion = (b: Block, individual: boolean): ExpansionBlock => ({
    id: b.id,
    phase: b.phase,
    startDay: dayNumber(b.startDate),
    weeks: b.weeks,
    deloadWeek: b.deloadWeek,
    rhythm: b.rhythm,
    individual,
  });
  const own = (context.blocksByAthlete.get(athlete.id) ?? []).map((b) => toExpansion(b, true));
  const ownIds = new Set(own.map((b) => b.id));
  const group = athlete.group_id === null ? [] : (context.blocksByGroup.get(athlete.group_id) ?? []).filter((b) => !ownIds.has(b.id)).map((b) => toExpansion(b, false));
  return [...group, ...own];
}

function toRuleDay(d: ExpandedDay, context: PlanContext): RuleDay {
  return {
    day: d.day,
    sessionType: d.templateId === null ? null : (context.templateTypes.get(d.templateId) ?? 'custom'),
    phase: d.phase,
    blockId: d.blockId,
    runType: d.run?.type ?? null,
    isDeload: d.isDeload,
  };
}

function longRaceGoal(athlete: days.PlanAthlete): boolean {
  return athlete.race_goal !== null && raceGoalMeters(athlete.race_goal) >= LONG_RACE_GOAL_METERS;
}

function writeDays(db: SquadDb, athleteId: number, expanded: readonly ExpandedDay[], ruleBits: Map<DayNumber, number> | null): void {
  for (const d of expanded) {
    const bits = ruleBits?.get(d.day) ?? 0;
    days.insertAthleteDay(db, {
      athleteId,
      day: d.day,
      date: isoDate(d.day),
      blockId: d.blockId,
      week: d.week,
      phase: d.phase,
      isDeload: d.isDeload,
      plannedTemplateId: d.plannedTemplateId,
      templateId: d.templateId,
      plannedRunType: d.plannedRun?.type ?? null,
      runType: d.run?.type ?? null,
      runMinutes: d.run?.minutes ?? null,
      runRpe: d.run?.rpe ?? null,
      ruleFlags: bits,
      gridCode: encodeGridCell(d, bits),
    });
  }
}

/** Rebuild all of one athlete's days (their whole timeline), rules included. */
function rebuildWholeAthlete(db: SquadDb, athleteId: number, context: PlanContext): void {
  days.deleteAthleteDays(db, athleteId);
  const athlete = days.planAthlete(db, athleteId);
  if (!athlete || athlete.archived_at !== null) return;
  const blocks = expansionBlocks(athlete, context);
  const changes = changesRepo.listChanges(db, athleteId);
  let fromDay = Infinity;
  let toDay = -Infinity;
  for (const b of blocks) {
    fromDay = Math.min(fromDay, b.startDay);
    toDay = Math.max(toDay, b.startDay + b.weeks * 7 - 1);
  }
  for (const c of changes) {
    const d = dayNumber(c.date);
    fromDay = Math.min(fromDay, d);
    toDay = Math.max(toDay, d);
  }
  if (!Number.isFinite(fromDay)) return;
  const swaps = changesRepo.listSwaps(db, athleteId);
  const expanded = expandAthleteDays({
    blocks,
    changes: changes.map((c) => ({ day: dayNumber(c.date), change: c })),
    swaps: swaps.map((s) => ({ exerciseId: s.exerciseId, fromDay: dayNumber(s.fromDate), toDay: s.toDate === null ? null : dayNumber(s.toDate) })),
    templateExercises: (id) => context.templateExercises.get(id),
    fromDay,
    toDay,
  });
  const breaks = checkPlanningRules(
    expanded.map((d) => toRuleDay(d, context)),
    { firstDayOfWeek: context.firstDayOfWeek, longRaceGoal: longRaceGoal(athlete) },
  );
  writeDays(db, athleteId, expanded, ruleBitsByDay(breaks));
}

/** Rebuild one athlete's days in a window, then their rule flags from the window's week on. */
function rebuildAthleteWindow(db: SquadDb, athleteId: number, fromDay: DayNumber, toDay: DayNumber, context: PlanContext): void {
  const athlete = days.planAthlete(db, athleteId);
  if (!athlete || athlete.archived_at !== null) {
    days.deleteAthleteDays(db, athleteId);
    return;
  }
  const from = isoDate(fromDay);
  const to = isoDate(toDay);
  const changes = changesRepo.listChanges(db, athleteId, from, to);
  const swaps = changesRepo.swapsOverlapping(db, athleteId, from, to);
  const expanded = expandAthleteDays({
    blocks: expansionBlocks(athlete, context),
    changes: changes.map((c) => ({ day: dayNumber(c.date), change: c })),
    swaps: swaps.map((s) => ({ exerciseId: s.exerciseId, fromDay: dayNumber(s.fromDate), toDay: s.toDate === null ? null : dayNumber(s.toDate) })),
    templateExercises: (id) => context.templateExercises.get(id),
    fromDay,
    toDay,
  });
  days.deleteAthleteDays(db, athleteId, fromDay, toDay);
  writeDays(db, athleteId, expanded, null);
  recomputeRuleFlags(db, athlete, weekStartOf(fromDay, context.firstDayOfWeek), context.firstDayOfWeek);
}

/**
 * Re-check the planning rules for one athlete and rewrite the flags that changed, on days from
 * `writeFrom` on (with seven weeks of history before it for context).
 */
function recomputeRuleFlags(db: SquadDb, athlete: days.PlanAthlete, writeFrom: DayNumber, firstDayOfWeek: number): void {
  const stored = days.storedDays(ownRows(db), athlete.id, writeFrom - RULE_CONTEXT_DAYS, Number.MAX_SAFE_INTEGER);
  const breaks = checkPlanningRules(
    stored.map((s) => ({ day: s.day, sessionType: s.session_type, phase: s.phase, blockId: s.block_id, runType: s.run_type, isDeload: s.is_deload === 1 })),
    { firstDayOfWeek, longRaceGoal: longRaceGoal(athlete) },
  );
  const bits = ruleBitsByDay(breaks);
  for (const s of stored) {
    if (s.day < writeFrom) continue;
    const want = bits.get(s.day) ?? 0;
    if (want !== s.rule_flags) days.setDayFlags(db, athlete.id, s.day, want, withRuleBits(s.grid_code, want));
  }
}

/**
 * Bring the calendar up to date for `athleteIds`: on the dates of `window` (ISO, inclusive), or
 * their whole timeline when `window` is null. Call inside the transaction that changed the plan.
 */
export function refreshCalendar(db: SquadDb, athleteIds: Iterable<number>, window: { from: string; to: string } | null): void {
  const ids = [...new Set(athleteIds)];
  if (ids.length === 0) return;
  if (window === null) {
    const context = loadContext(db, null);
    for (const id of ids) rebuildWholeAthlete(db, id, context);
    return;
  }
  const fromDay = dayNumber(window.from);
  const toDay = dayNumber(window.to);
  const context = loadContext(db, { fromDay, toDay });
  for (const id of ids) rebuildAthleteWindow(db, id, fromDay, toDay, context);
}

/** Like refreshCalendar, with each athlete's own window (one context loaded for all of them). */
export function refreshCalendarWindows(db: SquadDb, windows: ReadonlyMap<number, { from: string; to: string }>): void {
  if (windows.size === 0) return;
  let fromDay = Infinity;
  let toDay = -Infinity;
  for (const w of windows.values()) {
    fromDay = Math.min(fromDay, dayNumber(w.from));
    toDay = Math.max(toDay, dayNumber(w.to));
  }
  const context = loadContext(db, { fromDay, toDay });
  for (const [id, w] of windows) rebuildAthleteWindow(db, id, dayNumber(w.from), dayNumber(w.to), context);
}

/** Re-check the rules over the whole timeline of these athletes (a template's session type changed). */
export function refreshRuleFlags(db: SquadDb, athleteIds: Iterable<number>): void {
  const firstDayOfWeek = readSettings(db)?.firstDayOfWeek ?? 1;
  for (const id of new Set(athleteIds)) {
    const athlete = days.planAthlete(db, id);
    if (athlete && athlete.archived_at === null) recomputeRuleFlags(db, athlete, -RULE_CONTEXT_DAYS * 1000, firstDayOfWeek);
  }
}

/** Rebuild the athletes the roster or the settings marked (triggers on athlete and squad_settings). */
export function flushPendingCalendar(db: SquadDb): number {
  const pending = days.pendingAthletes(db);
  if (pending.length === 0) return 0;
  refreshCalendar(db, pending, null);
  days.clearPending(db);
  return pending.length;
}

/**
 * Run `fn` in a transaction that first brings the calendar up to date; `fn` gets the handle that
 * the calendar's reads require (the only way to make one besides `freshSnapshot`).
 */
export function withFreshCalendar<T>(db: SquadDb, fn: (fresh: FreshCalendarDb) => T): T {
  return db.transaction(() => {
    flushPendingCalendar(db);
    return fn(db as FreshCalendarDb);
  })();
}

/**
 * An export's read-only snapshot (a connection inside its read transaction, opened after
 * `withFreshCalendar` on the app's connection), as a fresh handle when no athlete has been
 * marked for a rebuild since; null when one has (take the snapshot again).
 */
export function freshSnapshot(reader: SquadDb): FreshCalendarDb | null {
  if (!reader.inTransaction) throw new Error('freshSnapshot: begin the read transaction first');
  return days.pendingAthletes(reader).length === 0 ? (reader as FreshCalendarDb) : null;
}

/** The rows this module has just written are up to date: it may read them back during a rebuild. */
function ownRows(db: SquadDb): FreshCalendarDb {
  return db as FreshCalendarDb;
}

/** Active athletes a block applies to: the members of its groups and the athletes it names. */
export function athletesTargetedBy(db: SquadDb, targets: { groupIds: readonly number[]; athleteIds: readonly number[] }): number[] {
  const ids = new Set<number>(targets.athleteIds);
  for (const g of targets.groupIds) for (const id of days.activeAthletesInGroup(db, g)) ids.add(id);
  return [...ids];
}

/**
 * The squad calendar: the grid (every active athlete × every day of a range, compact) and one
 * athlete's day in detail (plan, their changes, the session as they do it that week, the rules
 * broken there, regressions suggested for an injured athlete).
 */
import { athleteFullName } from '@shared/domain/roster';
import { AppError } from '@shared/errors';
import { DEFAULT_DELOAD_RULE } from '@shared/plan/defaults';
import { dayNumber, weekdayOf } from '@shared/plan/days';
import { rhythmOn } from '@shared/plan/expand';
import { decodeGridCell } from '@shared/plan/gridCode';
import { prescriptionForWeek } from '@shared/plan/progression';
import { checkPlanningRules, LONG_RACE_GOAL_METERS } from '@shared/plan/rules';
import type { Block, Exercise, ExerciseSwap, SessionTemplate } from '@shared/plan/model';
import type { CalendarGrid, DayDetail, PlanSummary, SessionLine } from '@shared/plan/views';
import { raceGoalMeters } from '@shared/domain/roster';
import * as changesRepo from '@main/db/repositories/athleteChanges';
import * as days from '@main/db/repositories/athleteDays';
import { findAthlete } from '@main/db/repositories/athletes';
import { blocksOverlapping, blockStats, findBlock } from '@main/db/repositories/blocks';
import { listEvents } from '@main/db/repositories/calendarEvents';
import { findExercise } from '@main/db/repositories/exercises';
import { listGroups } from '@main/db/repositories/groups';
import { readSettings } from '@main/db/repositories/settings';
import { findTemplate } from '@main/db/repositories/templates';
import type { FreshCalendarDb, SquadDb } from '@main/db/types';
import { preparedStatements } from '@main/db/statements';
import { withFreshCalendar } from './calendarStore';

const sql = preparedStatements({
  gridTemplates: 'SELECT id, name, session_type AS sessionType, phase FROM session_template',
});

/**
 * The grid for [from, to]. The cells come straight from the calendar table's covering index
 * (`athlete_day_by_day`) into two flat arrays; nothing per cell is allocated.
 */
export function calendarGrid(db: SquadDb, from: string, to: string): CalendarGrid {
  return withFreshCalendar(db, (fresh) => {
    const fromDay = dayNumber(from);
    const toDay = dayNumber(to);
    const dayCount = toDay - fromDay + 1;
    const athleteIds = days.activeAthleteIds(fresh);
    const rowOf: number[] = [];
    athleteIds.forEach((id, i) => (rowOf[id] = i));
    const size = athleteIds.length * dayCount;
    const cells = new Array<number>(size).fill(0);
    const strength = new Array<number>(size).fill(0);
    for (const [athleteId, day, code, templateId] of days.gridRows(fresh, fromDay, toDay)) {
      const row = rowOf[athleteId];
      if (row === undefined) continue;
      const at = row * dayCount + (day - fromDay);
      cells[at] = code;
      strength[at] = templateId ?? 0;
    }
    const blocks = blocksOverlapping(fresh, from, to).map((b) => ({
      id: b.id,
      name: b.name,
      phase: b.phase,
      startDate: b.startDate,
      endDate: b.endDate,
      deloadWeek: b.deloadWeek,
      groupIds: b.groupIds,
      athleteIds: b.athleteIds,
    }));
    return {
      from,
      to,
      days: dayCount,
      athleteIds,
      cells,
      strength,
      templates: sql(fresh).gridTemplates.all() as CalendarGrid['templates'],
      blocks,
      events: listEvents(fresh, from, to),
    };
  });
}

/** One athlete's day: everything the day panel shows and a session sheet needs. */
export function dayDetail(db: SquadDb, athleteId: number, date: string): DayDetail {
  return withFreshCalendar(db, (fresh) => {
    const athlete = findAthlete(fresh, athleteId);
    if (!athlete) throw new AppError('not_found', `There is no athlete with record number ${athleteId}; they may have been removed.`);
    const day = dayNumber(date);
    const { stored, block, template, swaps, session } = sessionOn(fresh, athleteId, date);
    const change = changesRepo.getChange(fresh, athleteId, date);
    const cell = decodeGridCell(stored?.gridCode ?? 0);
    const week = stored?.week ?? 1;
    const isDeload = stored?.isDeload ?? false;

    const slot = block ? rhythmOn(block.rhythm, weekdayOf(day)) : undefined;
    const plannedRun = slot?.run ?? null;

    const suggestions = athlete.injured
      ? session
          .filter((line) => line.swappedFrom === null && line.regression !== null)
          .map((line) => ({
            exerciseId: line.exerciseId,
            exerciseName: line.exerciseName,
            regressionId: (line.regression as { exerciseId: number }).exerciseId,
            regressionName: (line.regression as { exerciseName: string }).exerciseName,
            firstDate: date,
          }))
      : [];

    // The rules over the eight weeks up to this day (what decides the flags shown on it).
    const history = days.storedDays(fresh, athleteId, day - 56, day);
    const firstDayOfWeek = readSettings(fresh)?.firstDayOfWeek ?? 1;
    const ruleBreaks = checkPlanningRules(
      history.map((s) => ({ day: s.day, sessionType: s.session_type, phase: s.phase, blockId: s.block_id, runType: s.run_type, isDeload: s.is_deload === 1 })),
      { firstDayOfWeek, longRaceGoal: athlete.raceGoal !== null && raceGoalMeters(athlete.raceGoal) >= LONG_RACE_GOAL_METERS },
    ).filter((b) => b.day === day);

    const events = listEvents(fresh, date, date).filter(
      (e) => (e.groupId === null && e.athleteId === null) || (e.groupId !== null && e.groupId === athlete.groupId) || e.athleteId === athlete.id,
    );

    return {
      athlete: { id: athlete.id, name: athleteFullName(athlete), groupId: athlete.groupId, injured: athlete.injured, injuryNotes: athlete.injuryNotes, raceGoal: athlete.raceGoal },
      date,
      block: block
        ? { id: block.id, name: block.name, phase: block.phase, week, weeks: block.weeks, deloadWeek: block.deloadWeek, weeklyProgression: block.weeklyProgression, deload: block.deload }
        : null,
      isDeload,
      planned: { templateId: stored?.plannedTemplateId ?? null, run: plannedRun },
      strength: {
        templateId: stored?.templateId ?? null,
        state: stored === null ? 'plan' : cell.strength === 'skipped' ? (change?.strength?.kind === 'moved_out' ? 'moved_out' : 'skipped') : cell.strength,
        templateName: template?.name ?? null,
        sessionType: template?.sessionType ?? null,
        plannedMinutes: template?.plannedMinutes ?? null,
        targetRpe: template?.targetRpe ?? null,
      },
      run: {
        run: stored?.runType != null ? { type: stored.runType, minutes: stored.runMinutes ?? 0, rpe: stored.runRpe ?? 0 } : null,
        state: cell.runSkipped ? 'skipped' : cell.runChanged ? 'changed' : 'plan',
      },
      change: change ? { strength: change.strength, run: change.run, deload: change.deload, note: change.note } : null,
      session,
      swaps,
      suggestions,
      ruleBreaks,
      events,
    };
  });
}

/** The stored calendar day of one athlete and the session they do on it. */
export interface SessionOfDay {
  stored: days.AthleteDayRow | null;
  block: Block | null;
  template: SessionTemplate | null;
  swaps: ExerciseSwap[];
  session: SessionLine[];
}

/**
 * The session an athlete does on a day as it stands that week: the template's lines with the
 * athlete's exercise swaps, the block's progression and the deload applied (before their working
 * max and plate rounding). The day panel and the session sheets both read it. Call inside
 * `withFreshCalendar`; `cache` lets a caller building many athletes' days look each exercise,
 * template and block up once.
 */
export function sessionOn(db: FreshCalendarDb, athleteId: number, date: string, cache: SessionLookups = sessionLookups(db)): SessionOfDay {
  const stored = days.storedDay(db, athleteId, dayNumber(date));
  const block = stored?.blockId != null ? cache.block(stored.blockId) : null;
  const template = stored?.templateId != null ? cache.template(stored.templateId) : null;
  const swaps = changesRepo.swapsOverlapping(db, athleteId, date, date);
  const week = stored?.week ?? 1;
  const isDeload = stored?.isDeload ?? false;
  const session: SessionLine[] = (template?.prescriptions ?? []).map((p, i) => {
    const swap = swaps.find((s) => s.exerciseId === p.exerciseId);
    const original = cache.exercise(p.exerciseId);
    const exercise = swap ? cache.exercise(swap.replacementId) : original;
    const regression = exercise?.regressionId != null ? cache.exercise(exercise.regressionId) : null;
    return {
      position: i + 1,
      exerciseId: exercise?.id ?? p.exerciseId,
      exerciseName: exercise?.name ?? 'Unknown exercise',
      swappedFrom: swap && original ? { exerciseId: original.id, exerciseName: original.name, swapId: swap.id } : null,
      regression: regression ? { exerciseId: regression.id, exerciseName: regression.name } : null,
      cues: exercise?.cues ?? [],
      prescription: prescriptionForWeek(p, {
        week,
        isDeload,
        weeklyProgression: block?.weeklyProgression ?? 0,
        deload: block?.deload ?? DEFAULT_DELOAD_RULE,
      }),
    };
  });
  return { stored, block, template, swaps, session };
}

/** Exercises, templates and blocks looked up once each (for a day of many athletes). */
export interface SessionLookups {
  exercise(id: number): Exercise | null;
  template(id: number): SessionTemplate | null;
  block(id: number): Block | null;
}

export function sessionLookups(db: SquadDb): SessionLookups {
  const memo = <T>(find: (db: SquadDb, id: number) => T | null) => {
    const seen = new Map<number, T | null>();
    return (id: number): T | null => {
      if (!seen.has(id)) seen.set(id, find(db, id));
      return seen.get(id) ?? null;
    };
  };
  return { exercise: memo(findExercise), template: memo(findTemplate), block: memo(findBlock) };
}

export function planSummary(db: SquadDb): PlanSummary {
  const stats = blockStats(db);
  return {
    activeAthletes: days.activeAthleteIds(db).length,
    groups: listGroups(db).length,
    blocks: stats.count,
    firstBlockStart: stats.first,
    lastBlockEnd: stats.last,
  };
}

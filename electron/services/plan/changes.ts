/**
 * An athlete's own changes on top of the group plan: skip, replace or move a strength session,
 * change or skip a run, a note, a deload day; exercise swaps (regressions for an injured
 * athlete). The group plan is never touched. Every write returns the previous state of each
 * athlete-day it touched, which `restoreChanges` writes back exactly (undo).
 */
import type { ChangeAction } from '@shared/contract/plan';
import { formatDateLong, localToday } from '@shared/dates';
import { athleteFullName, type Athlete } from '@shared/domain/roster';
import { AppError } from '@shared/errors';
import { dayNumber, isoDate } from '@shared/plan/days';
import type { DayChangeFields, ExerciseSwap, StrengthChange } from '@shared/plan/model';
import { isEmptyChange } from '@shared/plan/model';
import type { AthleteSuggestions, ChangeResult, ChangeSnapshot, InjurySuggestion } from '@shared/plan/views';
import * as changesRepo from '@main/db/repositories/athleteChanges';
import { daySessions, storedDay } from '@main/db/repositories/athleteDays';
import { findAthlete, listAthletes } from '@main/db/repositories/athletes';
import { findBlock } from '@main/db/repositories/blocks';
import { findExercise } from '@main/db/repositories/exercises';
import { findTemplate, listTemplates } from '@main/db/repositories/templates';
import type { SquadDb } from '@main/db/types';
import { refreshCalendar, refreshCalendarWindows, withFreshCalendar } from './calendarStore';

const EMPTY: DayChangeFields = { strength: null, run: null, deload: null, note: '' };

function requireActiveAthlete(db: SquadDb, id: number, field = 'athleteIds'): Athlete {
  const athlete = findAthlete(db, id);
  if (!athlete) throw new AppError('not_found', `There is no athlete with record number ${id}; they may have been removed.`, { [field]: 'Choose an athlete from the list' });
  if (athlete.archivedAt !== null) throw new AppError('conflict', `${athleteFullName(athlete)} is archived; restore them to change their plan.`, { [field]: 'This athlete is archived' });
  return athlete;
}

function requireTemplateId(db: SquadDb, id: number, field: string): void {
  if (!findTemplate(db, id)) throw new AppError('not_found', 'That session template does not exist (any more).', { [field]: 'Choose a session template' });
}

const sameChange = (a: DayChangeFields | null, b: DayChangeFields | null) => JSON.stringify(a ?? EMPTY) === JSON.stringify(b ?? EMPTY);

/**
 * Collects the writes of one call: the first-seen state of every athlete-day (for undo), and
 * the dates touched per athlete (to refresh the calendar once at the end).
 */
class ChangeWriter {
  private readonly previous = new Map<string, ChangeSnapshot>();
  private readonly changedKeys = new Set<string>();
  private readonly windows = new Map<number, { from: string; to: string }>();

  constructor(
    private readonly db: SquadDb,
    private readonly now: string,
  ) {}

  get(athleteId: number, date: string): DayChangeFields | null {
    const change = changesRepo.getChange(this.db, athleteId, date);
    if (!change) return null;
    const { athleteId: _a, date: _d, ...fields } = change;
    return fields;
  }

  set(athleteId: number, date: string, next: DayChangeFields | null): void {
    const current = this.get(athleteId, date);
    const normalized = next && isEmptyChange(next) ? null : next;
    if (sameChange(current, normalized)) return;
    const key = `${athleteId}|${date}`;
    if (!this.previous.has(key)) this.previous.set(key, { athleteId, date, change: current });
    this.changedKeys.add(key);
    changesRepo.writeChange(this.db, athleteId, date, normalized, this.now);
    const w = this.windows.get(athleteId);
    if (!w) this.windows.set(athleteId, { from: date, to: date });
    else {
      if (date < w.from) w.from = date;
      if (date > w.to) w.to = date;
    }
  }

  /** Set a day's strength change; a move's other half goes back to the plan. */
  setStrength(athleteId: number, date: string, strength: StrengthChange | null): void {
    const current = this.get(athleteId, date) ?? EMPTY;
    this.releaseMovePartner(athleteId, current.strength);
    this.set(athleteId, date, { ...current, strength });
  }

  releaseMovePartner(athleteId: number, strength: StrengthChange | null): void {
    if (strength?.kind !== 'moved_out' && strength?.kind !== 'moved_in') return;
    const partnerDate = strength.kind === 'moved_out' ? strength.to : strength.from;
    const partner = this.get(athleteId, partnerDate);
    const partnerKind = partner?.strength?.kind;
    if (partner && (partnerKind === 'moved_in' || partnerKind === 'moved_out')) this.set(athleteId, partnerDate, { ...partner, strength: null });
  }

  finish(): ChangeResult {
    refreshCalendarWindows(this.db, this.windows);
    return { changed: this.changedKeys.size, previous: [...this.previous.values()] };
  }
}

/** Apply one change to every athlete-day of a selection (athletes × dates). */
export function applyChange(db: SquadDb, input: { athleteIds: number[]; from: string; to: string; action: ChangeAction }, now: Date): ChangeResult {
  return withFreshCalendar(db, (fresh) => {
    const athleteIds = [...new Set(input.athleteIds)];
    athleteIds.forEach((id) => requireActiveAthlete(fresh, id));
    const action = input.action;
    if (action.kind === 'setStrength') requireTemplateId(fresh, action.templateId, 'action.templateId');
    const writer = new ChangeWriter(fresh, now.toISOString());
    const fromDay = dayNumber(input.from);
    const toDay = dayNumber(input.to);
    for (const athleteId of athleteIds) {
      const stored = new Map(daySessions(fresh, athleteId, fromDay, toDay).map((d) => [d.day, d]));
      for (let day = fromDay; day <= toDay; day += 1) {
        const date = isoDate(day);
        const plan = stored.get(day);
        const current = writer.get(athleteId, date) ?? EMPTY;
        switch (action.kind) {
          case 'skipStrength':
            if (plan?.planned_template_id != null) writer.setStrength(athleteId, date, { kind: 'skip' });
            else if (current.strength !== null) writer.setStrength(athleteId, date, null);
            break;
          case 'setStrength':
            writer.setStrength(athleteId, date, plan?.planned_template_id === action.templateId ? null : { kind: 'replace', templateId: action.templateId });
            break;
          case 'resetStrength':
            writer.setStrength(athleteId, date, null);
            break;
          case 'skipRun':
            if (plan?.planned_run_type != null) writer.set(athleteId, date, { ...current, run: { kind: 'skip' } });
            else if (current.run !== null) writer.set(athleteId, date, { ...current, run: null });
            break;
          case 'setRun':
            writer.set(athleteId, date, { ...current, run: { kind: 'set', ...action.run } });
            break;
          case 'resetRun':
            writer.set(athleteId, date, { ...current, run: null });
            break;
          case 'note':
            writer.set(athleteId, date, { ...current, note: action.note });
            break;
          case 'deload':
            writer.set(athleteId, date, { ...current, deload: action.deload });
            break;
        }
      }
    }
    return writer.finish();
  });
}

/** Reset athlete-days to the group plan (a moved session's other day goes back too). */
export function clearChanges(db: SquadDb, input: { athleteIds: number[]; from: string; to: string }, now: Date): ChangeResult {
  return withFreshCalendar(db, (fresh) => {
    const athleteIds = [...new Set(input.athleteIds)];
    athleteIds.forEach((id) => requireActiveAthlete(fresh, id));
    const writer = new ChangeWriter(fresh, now.toISOString());
    for (const athleteId of athleteIds) {
      for (const change of changesRepo.listChanges(fresh, athleteId, input.from, input.to)) {
        writer.releaseMovePartner(athleteId, change.strength);
        writer.set(athleteId, change.date, null);
      }
    }
    return writer.finish();
  });
}

/** Move an athlete's strength session from one day to another free day. */
export function moveSession(db: SquadDb, input: { athleteId: number; from: string; to: string }, now: Date): ChangeResult {
  return withFreshCalendar(db, (fresh) => {
    const athlete = requireActiveAthlete(fresh, input.athleteId, 'athleteId');
    const name = athleteFullName(athlete);
    const source = storedDay(fresh, athlete.id, dayNumber(input.from));
    if (!source || source.templateId === null) {
      throw new AppError('conflict', `${name} has no strength session on ${formatDateLong(input.from)} to move.`, { from: 'No session on this day' });
    }
    const target = storedDay(fresh, athlete.id, dayNumber(input.to));
    if (target && target.templateId !== null) {
      const template = findTemplate(fresh, target.templateId);
      const message = `${name} already has ${template ? `"${template.name}"` : 'a session'} on ${formatDateLong(input.to)}. Move to a free day, or skip or replace that session instead.`;
      throw new AppError('conflict', message, { to: message });
    }
    const writer = new ChangeWriter(fresh, now.toISOString());
    const sourceChange = writer.get(athlete.id, input.from) ?? EMPTY;
    const templateId = source.templateId;
    if (sourceChange.strength?.kind === 'moved_in') {
      // Moving a session that was already moved here: it now goes from its original day to the new one.
      const origin = sourceChange.strength.from;
      writer.set(athlete.id, input.from, { ...sourceChange, strength: null });
      if (origin === input.to) {
        const back = writer.get(athlete.id, origin) ?? EMPTY;
        writer.set(athlete.id, origin, { ...back, strength: null });
      } else {
        const originChange = writer.get(athlete.id, origin) ?? EMPTY;
        writer.set(athlete.id, origin, { ...originChange, strength: { kind: 'moved_out', to: input.to } });
        const targetChange = writer.get(athlete.id, input.to) ?? EMPTY;
        writer.set(athlete.id, input.to, { ...targetChange, strength: { kind: 'moved_in', templateId, from: origin } });
      }
    } else {
      writer.set(athlete.id, input.from, { ...sourceChange, strength: { kind: 'moved_out', to: input.to } });
      const targetChange = writer.get(athlete.id, input.to) ?? EMPTY;
      writer.set(athlete.id, input.to, { ...targetChange, strength: { kind: 'moved_in', templateId, from: input.from } });
    }
    return writer.finish();
  });
}

/** Write athlete-days back exactly as given (the undo of any change). */
export function restoreChanges(db: SquadDb, rows: readonly ChangeSnapshot[], now: Date): ChangeResult {
  return withFreshCalendar(db, (fresh) => {
    const checked = new Set<number>();
    rows.forEach((row, i) => {
      if (!checked.has(row.athleteId)) {
        if (!findAthlete(fresh, row.athleteId)) throw new AppError('not_found', `There is no athlete with record number ${row.athleteId} any more.`, { [`rows.${i}.athleteId`]: 'Unknown athlete' });
        checked.add(row.athleteId);
      }
      const s = row.change?.strength;
      if (s && (s.kind === 'replace' || s.kind === 'moved_in')) requireTemplateId(fresh, s.templateId, `rows.${i}.change.strength.templateId`);
    });
    const writer = new ChangeWriter(fresh, now.toISOString());
    for (const row of rows) writer.set(row.athleteId, row.date, row.change);
    return writer.finish();
  });
}

// ---- exercise swaps ----

export function listSwaps(db: SquadDb, athleteId: number): ExerciseSwap[] {
  if (!findAthlete(db, athleteId)) throw new AppError('not_found', `There is no athlete with record number ${athleteId}.`);
  return changesRepo.listSwaps(db, athleteId);
}

export function createSwaps(db: SquadDb, swaps: readonly Omit<ExerciseSwap, 'id'>[], now: Date): ExerciseSwap[] {
  return withFreshCalendar(db, (fresh) => {
    const stamp = now.toISOString();
    const created = swaps.map((s, i) => {
      requireActiveAthlete(fresh, s.athleteId, `swaps.${i}.athleteId`);
      if (!findExercise(fresh, s.exerciseId)) throw new AppError('not_found', 'That exercise does not exist (any more).', { [`swaps.${i}.exerciseId`]: 'Choose an exercise' });
      if (!findExercise(fresh, s.replacementId)) throw new AppError('not_found', 'The exercise to swap in does not exist (any more).', { [`swaps.${i}.replacementId`]: 'Choose an exercise' });
      return changesRepo.insertSwap(fresh, s, stamp);
    });
    refreshCalendar(
      fresh,
      swaps.map((s) => s.athleteId),
      null,
    );
    return created.map((id) => changesRepo.findSwap(fresh, id) as ExerciseSwap);
  });
}

export function removeSwaps(db: SquadDb, ids: readonly number[]): ExerciseSwap[] {
  return withFreshCalendar(db, (fresh) => {
    const removed = [...new Set(ids)].map((id) => {
      const swap = changesRepo.findSwap(fresh, id);
      if (!swap) throw new AppError('not_found', 'That exercise swap does not exist (any more).');
      return swap;
    });
    removed.forEach((s) => changesRepo.deleteSwap(fresh, s.id));
    refreshCalendar(
      fresh,
      removed.map((s) => s.athleteId),
      null,
    );
    return removed;
  });
}

/** Days looked ahead for regression suggestions. */
export const SUGGESTION_WINDOW_DAYS = 28;

/**
 * For each athlete flagged injured (or the one asked for): the exercises of their sessions in
 * the next four weeks that have a regression and are not swapped yet. Nothing is applied: the
 * coach decides (swaps.create).
 */
export function injurySuggestions(db: SquadDb, athleteId: number | null, now: Date): AthleteSuggestions[] {
  return withFreshCalendar(db, (fresh) => {
    const today = localToday(now);
    const athletes = athleteId !== null ? [findAthlete(fresh, athleteId)].filter((a): a is Athlete => a !== null) : listAthletes(fresh, 'active');
    const templates = new Map(listTemplates(fresh).map((t) => [t.id, t]));
    const result: AthleteSuggestions[] = [];
    for (const athlete of athletes) {
      if (!athlete.injured || athlete.archivedAt !== null) continue;
      const fromDay = dayNumber(today);
      const sessions = daySessions(fresh, athlete.id, fromDay, fromDay + SUGGESTION_WINDOW_DAYS - 1).filter((d) => d.template_id !== null);
      if (sessions.length === 0) continue;
      const swaps = changesRepo.swapsOverlapping(fresh, athlete.id, today, isoDate(fromDay + SUGGESTION_WINDOW_DAYS - 1));
      const suggestions: InjurySuggestion[] = [];
      const seen = new Set<number>();
      for (const s of sessions) {
        const date = isoDate(s.day);
        for (const p of templates.get(s.template_id as number)?.prescriptions ?? []) {
          if (seen.has(p.exerciseId)) continue;
          seen.add(p.exerciseId);
          const covered = swaps.some((w) => w.exerciseId === p.exerciseId && w.fromDate <= date && (w.toDate === null || w.toDate >= date));
          if (covered) continue;
          const exercise = findExercise(fresh, p.exerciseId);
          const regression = exercise?.regressionId != null ? findExercise(fresh, exercise.regressionId) : null;
          if (exercise && regression) suggestions.push({ exerciseId: exercise.id, exerciseName: exercise.name, regressionId: regression.id, regressionName: regression.name, firstDate: date });
        }
      }
      if (suggestions.length === 0) continue;
      // Swaps run to the end of the block the first session belongs to (or the window's end).
      const first = storedDay(fresh, athlete.id, (sessions[0] as { day: number }).day);
      const block = first?.blockId != null ? findBlock(fresh, first.blockId) : null;
      result.push({
        athleteId: athlete.id,
        injuryNotes: athlete.injuryNotes,
        fromDate: today,
        toDate: block && block.endDate >= today ? block.endDate : isoDate(fromDay + SUGGESTION_WINDOW_DAYS - 1),
        suggestions,
      });
    }
    return result;
  });
}

/**
 * The day's session sheets for a group or chosen athletes: each athlete's session as it stands
 * that week (the calendar's lines), with their own loads from their working maxes, rounded to the
 * gym's equipment in the squad's unit; the day's run; their note; races and test days.
 */
import type { SquadSettings } from '@shared/domain/settings';
import type { DaySelection } from '@shared/contract/sheets';
import type { IsoDate } from '@shared/dates';
import { athleteFullName, type Athlete } from '@shared/domain/roster';
import { AppError } from '@shared/errors';
import { decodeGridCell } from '@shared/plan/gridCode';
import type { CalendarEvent } from '@shared/plan/model';
import type { GymEquipment } from '@shared/sheets/loads';
import { buildSheetLines, type AthleteSheet, type SheetDay } from '@shared/sheets/sheet';
import { bestRecentEstimate, estimateWindowStart, workingMax, type WorkingMaxSource } from '@shared/sheets/workingMax';
import { getChange } from '@main/db/repositories/athleteChanges';
import { activeAthletesInGroup } from '@main/db/repositories/athleteDays';
import { findAthlete } from '@main/db/repositories/athletes';
import { listEvents } from '@main/db/repositories/calendarEvents';
import { findGroup, listGroups } from '@main/db/repositories/groups';
import { estimateSets, maxesOfAthlete } from '@main/db/repositories/workingMaxes';
import type { SquadDb } from '@main/db/types';
import { sessionLookups, sessionOn } from '../plan/calendar';
import { withFreshCalendar } from '../plan/calendarStore';
import { getSettings } from '../settings';

/** The athletes of a selection, in name order (family name, then given name). */
export function selectedAthletes(db: SquadDb, selection: Pick<DaySelection, 'groupId' | 'athleteIds'>): Athlete[] {
  let athletes: Athlete[];
  if (selection.groupId !== null) {
    if (!findGroup(db, selection.groupId)) throw new AppError('not_found', `There is no group with record number ${selection.groupId}; it may have been removed.`, { groupId: 'Choose another group' });
    athletes = activeAthletesInGroup(db, selection.groupId).map((id) => findAthlete(db, id) as Athlete);
  } else {
    athletes = [...new Set(selection.athleteIds)].map((id) => {
      const athlete = findAthlete(db, id);
      if (!athlete) throw new AppError('not_found', `There is no athlete with record number ${id}; they may have been removed.`, { athleteIds: 'Choose the athletes again' });
      return athlete;
    });
  }
  const collator = new Intl.Collator('en', { sensitivity: 'base' });
  return athletes.sort((a, b) => collator.compare(a.familyName, b.familyName) || collator.compare(a.givenName, b.givenName) || a.id - b.id);
}

export function gymOf(db: SquadDb, now: Date): GymEquipment {
  return gymFrom(getSettings(db, now));
}

function gymFrom(s: SquadSettings): GymEquipment {
  return { unit: s.unit, plateIncrement: s.plateIncrement, barWeight: s.barWeight, dumbbellStep: s.dumbbellStep };
}

/**
 * One athlete's working maxes on `date`, looked up as the sheet asks for them: what the coach
 * entered (one read per athlete) and the best logged set of the last weeks (one index range per
 * exercise).
 */
export function workingMaxLookup(db: SquadDb, athleteId: number, date: IsoDate): (exerciseId: number) => WorkingMaxSource | null {
  const coach = new Map(maxesOfAthlete(db, athleteId).map((m) => [m.exerciseId, m]));
  const from = estimateWindowStart(date);
  const seen = new Map<number, WorkingMaxSource | null>();
  return (exerciseId) => {
    if (!seen.has(exerciseId)) {
      const estimate = bestRecentEstimate(estimateSets(db, athleteId, exerciseId, from, date), date);
      seen.set(exerciseId, workingMax(coach.get(exerciseId) ?? null, estimate, date));
    }
    return seen.get(exerciseId) ?? null;
  };
}

function concerns(event: CalendarEvent, athlete: Athlete): boolean {
  return (event.groupId === null && event.athleteId === null) || (event.groupId !== null && event.groupId === athlete.groupId) || event.athleteId === athlete.id;
}

/** The sheets of a day. Athletes with nothing planned that day get no sheet and are listed apart. */
export function sheetDay(db: SquadDb, selection: DaySelection, now: Date): SheetDay {
  return withFreshCalendar(db, (fresh) => {
    const { date } = selection;
    const settings = getSettings(fresh, now);
    const gym = gymFrom(settings);
    const athletes = selectedAthletes(fresh, selection);
    const groupNames = new Map(listGroups(fresh).map((g) => [g.id, g.name]));
    const lookups = sessionLookups(fresh);
    const events = listEvents(fresh, date, date);
    const sheets: AthleteSheet[] = [];
    const nothingPlanned: SheetDay['nothingPlanned'] = [];

    for (const athlete of athletes) {
      const name = athleteFullName(athlete);
      const { stored, block, template, swaps, session } = sessionOn(fresh, athlete.id, date, lookups);
      const hasRun = stored?.runType != null && stored.runType !== 'rest';
      if (!stored || (!template && !hasRun)) {
        nothingPlanned.push({ id: athlete.id, name });
        continue;
      }
      const cell = decodeGridCell(stored.gridCode);
      const lines = buildSheetLines({
        session,
        swaps,
        injured: athlete.injured,
        exercise: lookups.exercise,
        maxFor: workingMaxLookup(fresh, athlete.id, date),
        gym,
        deloadLoadReduction: block?.deload.loadReduction ?? 0,
      });
      sheets.push({
        athlete: {
          id: athlete.id,
          name,
          givenName: athlete.givenName,
          familyName: athlete.familyName,
          groupId: athlete.groupId,
          groupName: athlete.groupId === null ? null : (groupNames.get(athlete.groupId) ?? null),
          injured: athlete.injured,
          injuryNotes: athlete.injuryNotes,
        },
        date,
        block: block && stored.week !== null ? { id: block.id, name: block.name, phase: block.phase, week: stored.week, weeks: block.weeks } : null,
        isDeload: stored.isDeload,
        session: template
          ? {
              templateId: template.id,
              name: template.name,
              sessionType: template.sessionType,
              plannedMinutes: template.plannedMinutes,
              targetRpe: template.targetRpe,
              state: cell.strength === 'skipped' ? 'plan' : cell.strength,
            }
          : null,
        lines,
        run: hasRun && stored.runType ? { type: stored.runType, minutes: stored.runMinutes ?? 0, rpe: stored.runRpe ?? 0, state: cell.runChanged ? 'changed' : 'plan' } : null,
        note: getChange(fresh, athlete.id, date)?.note ?? '',
        events: events.filter((e) => concerns(e, athlete)).map((e) => ({ kind: e.kind, name: e.name })),
      });
    }

    const title = selection.groupId !== null ? (groupNames.get(selection.groupId) ?? 'Group') : athletes.length === 1 ? (athletes[0] ? athleteFullName(athletes[0]) : '') : 'Selected athletes';
    return { date, squadName: settings.squadName, title, gym, sheets, nothingPlanned };
  });
}

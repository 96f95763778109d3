/**
 * Keying sheets back in: the entry screen's day (the sheets and what is already logged) and
 * saving one athlete's day at a time, as the coach goes. A save replaces that athlete's day and
 * returns it as it was, so the screen can undo it.
 */
import type { DaySelection, ResultsDay, SaveResultsOutcome } from '@shared/contract/sheets';
import { formatDateLong, localToday } from '@shared/dates';
import { athleteFullName } from '@shared/domain/roster';
import { AppError } from '@shared/errors';
import type { DayResults } from '@shared/sheets/results';
import { findAthlete } from '@main/db/repositories/athletes';
import { findExercise } from '@main/db/repositories/exercises';
import { findTemplate } from '@main/db/repositories/templates';
import { readDayResults, writeDayResults } from '@main/db/repositories/trainingLogs';
import type { SquadDb } from '@main/db/types';
import { withFreshCalendar } from '../plan/calendarStore';
import { sheetDay } from './sheets';

export function resultsDay(db: SquadDb, selection: DaySelection, now: Date): ResultsDay {
  return withFreshCalendar(db, (fresh) => {
    const sheet = sheetDay(fresh, selection, now);
    return { sheet, results: sheet.sheets.map((s) => readDayResults(fresh, s.athlete.id, selection.date)) };
  });
}

export function saveResults(db: SquadDb, input: DayResults, now: Date): SaveResultsOutcome {
  return db.transaction(() => {
    const athlete = findAthlete(db, input.athleteId);
    if (!athlete) throw new AppError('not_found', `There is no athlete with record number ${input.athleteId}; they may have been removed.`);
    const name = athleteFullName(athlete);
    if (athlete.archivedAt !== null) throw new AppError('conflict', `${name} is archived. Restore them on the Roster screen to log their results.`);
    if (input.date > localToday(now)) {
      throw new AppError('invalid_input', `${formatDateLong(input.date)} has not happened yet: results are logged on the day or after.`, { date: 'Choose today or an earlier day' });
    }
    let templateName = '';
    if (input.strength) {
      if (input.strength.templateId !== null) {
        const template = findTemplate(db, input.strength.templateId);
        if (!template) throw new AppError('not_found', `There is no session template with record number ${input.strength.templateId}.`, { 'strength.templateId': 'Choose the session again' });
        templateName = template.name;
      }
      input.strength.sets.forEach((set, i) => {
        if (!findExercise(db, set.exerciseId)) {
          throw new AppError('not_found', `There is no exercise with record number ${set.exerciseId}; it may have been deleted.`, { [`strength.sets.${i}.exerciseId`]: 'Unknown exercise' });
        }
      });
    }
    const previous = readDayResults(db, input.athleteId, input.date);
    writeDayResults(db, input, templateName, now.toISOString());
    return { saved: readDayResults(db, input.athleteId, input.date), previous };
  })();
}

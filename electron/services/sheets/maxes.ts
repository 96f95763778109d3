/**
 * The working-max screen: tested 1RMs and starting loads the coach entered, beside the estimate
 * from logged sets and the working max the sheets use today, for one exercise across a group or
 * for every loaded exercise of one athlete. Entries are saved in bulk and returned as they were
 * (for undo).
 */
import type { CoachMaxInput, WorkingMaxList, WorkingMaxRow } from '@shared/contract/sheets';
import { formatDateLong, localToday } from '@shared/dates';
import { athleteFullName, type Athlete } from '@shared/domain/roster';
import { AppError } from '@shared/errors';
import type { Exercise } from '@shared/plan/model';
import { carriesLoad } from '@shared/sheets/loads';
import { bestRecentEstimate, estimateWindowStart, workingMax } from '@shared/sheets/workingMax';
import { activeAthleteIds } from '@main/db/repositories/athleteDays';
import { findAthlete } from '@main/db/repositories/athletes';
import { findExercise, listExercises } from '@main/db/repositories/exercises';
import { estimateSets, findMax, maxesOfAthlete, maxesOfExercise, writeMax, type StoredMax } from '@main/db/repositories/workingMaxes';
import type { SquadDb } from '@main/db/types';
import { selectedAthletes } from './sheets';

/** Exercises a working max makes sense for: ones lifted with a barbell, dumbbell, kettlebell, machine or sled. */
export function isLoadable(exercise: Pick<Exercise, 'equipment'>): boolean {
  return carriesLoad(exercise.equipment);
}

function row(db: SquadDb, athlete: Athlete, exercise: Exercise, stored: StoredMax | null, asOf: string): WorkingMaxRow {
  const estimate = bestRecentEstimate(estimateSets(db, athlete.id, exercise.id, estimateWindowStart(asOf), asOf), asOf);
  const coach = stored ? { testedKg: stored.testedKg, testedOn: stored.testedOn, startingKg: stored.startingKg, startingReps: stored.startingReps } : null;
  return {
    athleteId: athlete.id,
    athleteName: athleteFullName(athlete),
    groupId: athlete.groupId,
    exerciseId: exercise.id,
    exerciseName: exercise.name,
    coach,
    estimate,
    inUse: workingMax(coach, estimate, asOf),
  };
}

export function listMaxes(db: SquadDb, query: { by: 'exercise'; exerciseId: number; groupId: number | null } | { by: 'athlete'; athleteId: number }, now: Date): WorkingMaxList {
  const asOf = localToday(now);
  if (query.by === 'exercise') {
    const exercise = findExercise(db, query.exerciseId);
    if (!exercise) throw new AppError('not_found', `There is no exercise with record number ${query.exerciseId}; it may have been deleted.`, { exerciseId: 'Choose another exercise' });
    const athletes = query.groupId !== null ? selectedAthletes(db, { groupId: query.groupId, athleteIds: [] }) : selectedAthletes(db, { groupId: null, athleteIds: activeAthleteIds(db) });
    const stored = new Map(maxesOfExercise(db, exercise.id).map((m) => [m.athleteId, m]));
    return { asOf, rows: athletes.map((a) => row(db, a, exercise, stored.get(a.id) ?? null, asOf)) };
  }
  const athlete = findAthlete(db, query.athleteId);
  if (!athlete) throw new AppError('not_found', `There is no athlete with record number ${query.athleteId}; they may have been removed.`, { athleteId: 'Choose another athlete' });
  const stored = new Map(maxesOfAthlete(db, athlete.id).map((m) => [m.exerciseId, m]));
  const exercises = listExercises(db).filter((e) => isLoadable(e) && (!e.hidden || stored.has(e.id)));
  return { asOf, rows: exercises.map((e) => row(db, athlete, e, stored.get(e.id) ?? null, asOf)) };
}

export function setMaxes(db: SquadDb, entries: readonly CoachMaxInput[], now: Date): { previous: CoachMaxInput[] } {
  return db.transaction(() => {
    const today = localToday(now);
    const stamp = now.toISOString();
    const seen = new Set<string>();
    const previous: CoachMaxInput[] = [];
    entries.forEach((entry, i) => {
      const key = `${entry.athleteId}:${entry.exerciseId}`;
      if (seen.has(key)) throw new AppError('invalid_input', 'The same athlete and exercise are listed twice.', { [`entries.${i}.exerciseId`]: 'Listed twice' });
      seen.add(key);
      const athlete = findAthlete(db, entry.athleteId);
      if (!athlete) throw new AppError('not_found', `There is no athlete with record number ${entry.athleteId}; they may have been removed.`, { [`entries.${i}.athleteId`]: 'Unknown athlete' });
      const exercise = findExercise(db, entry.exerciseId);
      if (!exercise) throw new AppError('not_found', `There is no exercise with record number ${entry.exerciseId}; it may have been deleted.`, { [`entries.${i}.exerciseId`]: 'Unknown exercise' });
      if (!isLoadable(exercise) && (entry.testedKg !== null || entry.startingKg !== null)) {
        throw new AppError('invalid_input', `${exercise.name} is done without a load, so it has no working max.`, { [`entries.${i}.exerciseId`]: 'Choose an exercise done with a load' });
      }
      if (entry.testedOn !== null && entry.testedOn > today) {
        throw new AppError('invalid_input', `A test on ${formatDateLong(entry.testedOn)} has not happened yet.`, { [`entries.${i}.testedOn`]: 'Choose the day of the test (today or earlier)' });
      }
      const before = findMax(db, entry.athleteId, entry.exerciseId);
      previous.push(
        before
          ? { athleteId: before.athleteId, exerciseId: before.exerciseId, testedKg: before.testedKg, testedOn: before.testedOn, startingKg: before.startingKg, startingReps: before.startingReps }
          : { athleteId: entry.athleteId, exerciseId: entry.exerciseId, testedKg: null, testedOn: null, startingKg: null, startingReps: null },
      );
      writeMax(db, entry, stamp);
    });
    return { previous };
  })();
}

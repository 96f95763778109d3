/**
 * The events of a calendar file (ICS) for an athlete or a group, before any ICS text is written
 * (electron/services/exports/calendarFile.ts hands them to the ical-generator library):
 * - one all-day event per strength session, run, test day and race;
 * - a UID that depends only on what the event is (the session of that day, that race) and whose
 *   calendar it is, never on when the file was made, so importing a newer file updates the
 *   events already in the calendar app instead of adding them twice;
 * - a description with what the coach would otherwise have to look up: the exercises of the
 *   session as they stand that week, the athlete's own changes and note.
 */
import type { IsoDate } from '../dates';
import type { DeloadRule, Prescription, SessionType } from '../plan/model';
import { prescriptionForWeek } from '../plan/progression';
import type { MassUnit } from '../units';
import { exerciseLine } from './planWords';

export type CalendarCategory = 'Strength' | 'Run' | 'Test day' | 'Race';

export interface CalendarFileEvent {
  uid: string;
  /** The day (an all-day event). */
  date: IsoDate;
  title: string;
  description: string;
  category: CalendarCategory;
}

/**
 * Whose calendar, as part of every UID: the athlete's or group's record number and the moment
 * it was created (record numbers can be reused after a deletion; this pair never is).
 */
export function calendarSubjectKey(kind: 'athlete' | 'group', id: number, createdAt: string): string {
  return `${kind}-${id}-${createdAt.replace(/\D/g, '')}`;
}

/** "strength-2026-09-07-athlete-4-20260901060000000@backchain": the one strength session of that day. */
export function dayEventUid(what: 'strength' | 'run', date: IsoDate, subject: string): string {
  return `${what}-${date}-${subject}@backchain`;
}

/** A test day or race keeps its UID when its date or name changes (it is the same event). */
export function calendarEventUid(eventId: number, subject: string): string {
  return `event-${eventId}-${subject}@backchain`;
}

/** The exercises of a session as they stand in a week of a block, swaps applied, one line each. */
export function sessionExerciseLines(
  prescriptions: readonly Prescription[],
  week: { week: number; isDeload: boolean; weeklyProgression: number; deload: DeloadRule },
  swapFor: (exerciseId: number) => number | null,
  exerciseName: (id: number) => string,
  unit: MassUnit,
): string[] {
  return prescriptions.map((p, i) => {
    const replacement = swapFor(p.exerciseId);
    const line = exerciseLine(
      {
        exerciseName: exerciseName(replacement ?? p.exerciseId),
        swappedFrom: replacement === null ? null : exerciseName(p.exerciseId),
        prescription: prescriptionForWeek(p, week),
      },
      unit,
    );
    return `${i + 1}. ${line}`;
  });
}

/** Paragraphs of a description, empty ones left out. */
export function description(...paragraphs: (string | readonly string[] | null | undefined)[]): string {
  return paragraphs
    .map((p): string => (typeof p === 'string' ? p : (p ?? []).filter((line) => line.trim() !== '').join('\n')))
    .filter((p) => p.trim() !== '')
    .join('\n\n');
}

/** "Ana López (no session), Ben Okafor (Power C single-leg power)": group members whose day differs. */
export function othersText(others: readonly { name: string; doing: string }[]): string {
  return others.length === 0 ? '' : `Own plan that day: ${others.map((o) => `${o.name} (${o.doing})`).join(', ')}`;
}

/** "Session type: A, 60 min, target RPE 7" under a session's name. */
export function sessionHeading(session: { name: string; sessionType: SessionType; plannedMinutes: number; targetRpe: number }): string {
  const type = session.sessionType === 'custom' ? 'the coach’s own session' : `session ${session.sessionType}`;
  return `${session.name}: ${type}, about ${session.plannedMinutes} min, target RPE ${session.targetRpe}`;
}

/** "Moved here from Tue 8 Sep 2026" etc. as the athlete reads it, with their note. */
export function changeParagraph(change: string, note: string): string[] {
  const lines: string[] = [];
  if (change) lines.push(`Your change: ${change.charAt(0).toLowerCase()}${change.slice(1)}.`);
  if (note) lines.push(`Note: ${note}`);
  return lines;
}

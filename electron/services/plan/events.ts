/** Test days and races, for the squad, a group or one athlete. They are not part of the calendar table. */
import type { EventFields } from '@shared/contract/plan';
import { AppError } from '@shared/errors';
import type { CalendarEvent } from '@shared/plan/model';
import { findAthlete } from '@main/db/repositories/athletes';
import * as events from '@main/db/repositories/calendarEvents';
import { findGroup } from '@main/db/repositories/groups';
import type { SquadDb } from '@main/db/types';

function requireEvent(db: SquadDb, id: number): CalendarEvent {
  const found = events.findEvent(db, id);
  if (!found) throw new AppError('not_found', 'That test day or race does not exist (any more).');
  return found;
}

function checkEvent(db: SquadDb, fields: EventFields): void {
  if (fields.groupId !== null && !findGroup(db, fields.groupId)) {
    throw new AppError('not_found', 'That group does not exist (any more).', { groupId: 'Choose a group from the list' });
  }
  if (fields.athleteId !== null && !findAthlete(db, fields.athleteId)) {
    throw new AppError('not_found', 'That athlete does not exist (any more).', { athleteId: 'Choose an athlete from the list' });
  }
}

export function listEvents(db: SquadDb, from: string, to: string): CalendarEvent[] {
  return events.listEvents(db, from, to);
}

export function createEvent(db: SquadDb, fields: EventFields, now: Date): CalendarEvent {
  return db.transaction(() => {
    checkEvent(db, fields);
    return requireEvent(db, events.insertEvent(db, fields, now.toISOString()));
  })();
}

export function updateEvent(db: SquadDb, id: number, fields: EventFields): CalendarEvent {
  return db.transaction(() => {
    requireEvent(db, id);
    checkEvent(db, fields);
    events.updateEvent(db, id, fields);
    return requireEvent(db, id);
  })();
}

export function removeEvent(db: SquadDb, id: number): CalendarEvent {
  return db.transaction(() => {
    const event = requireEvent(db, id);
    events.deleteEvent(db, id);
    return event;
  })();
}

import type { EventFields } from '@shared/contract/plan';
import type { CalendarEvent, EventKind } from '@shared/plan/model';
import { preparedStatements } from '../statements';
import type { SquadDb } from '../types';

interface EventRow {
  id: number;
  date: string;
  kind: EventKind;
  name: string;
  group_id: number | null;
  athlete_id: number | null;
  notes: string;
}

const COLUMNS = 'id, date, kind, name, group_id, athlete_id, notes';
export const EVENTS_IN_RANGE_SQL = `SELECT ${COLUMNS} FROM calendar_event WHERE date BETWEEN ? AND ? ORDER BY date, id`;

const sql = preparedStatements({
  range: EVENTS_IN_RANGE_SQL,
  byId: `SELECT ${COLUMNS} FROM calendar_event WHERE id = ?`,
  insert: `INSERT INTO calendar_event (date, kind, name, group_id, athlete_id, notes, created_at)
           VALUES (@date, @kind, @name, @groupId, @athleteId, @notes, @now)`,
  update: 'UPDATE calendar_event SET date = @date, kind = @kind, name = @name, group_id = @groupId, athlete_id = @athleteId, notes = @notes WHERE id = @id',
  remove: 'DELETE FROM calendar_event WHERE id = ?',
});

function toEvent(row: EventRow): CalendarEvent {
  return { id: row.id, date: row.date, kind: row.kind, name: row.name, groupId: row.group_id, athleteId: row.athlete_id, notes: row.notes };
}

export function listEvents(db: SquadDb, from: string, to: string): CalendarEvent[] {
  return (sql(db).range.all(from, to) as EventRow[]).map(toEvent);
}

export function findEvent(db: SquadDb, id: number): CalendarEvent | null {
  const row = sql(db).byId.get(id) as EventRow | undefined;
  return row ? toEvent(row) : null;
}

export function insertEvent(db: SquadDb, fields: EventFields, now: string): number {
  return Number(sql(db).insert.run({ ...fields, now }).lastInsertRowid);
}

export function updateEvent(db: SquadDb, id: number, fields: EventFields): void {
  sql(db).update.run({ ...fields, id });
}

export function deleteEvent(db: SquadDb, id: number): void {
  sql(db).remove.run(id);
}

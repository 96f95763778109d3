/** Test days and races in the date range: the squad's, the chosen groups', the chosen athletes'. */
import type { ExportColumn } from '@shared/exports/columns';
import { eventAudience } from '@shared/exports/planWords';
import { EVENT_KIND_LABELS, type CalendarEvent } from '@shared/plan/model';
import { listEvents } from '@main/db/repositories/calendarEvents';
import type { SquadDb } from '@main/db/types';
import type { ExportScope, ExportTable } from '../table';

const COLUMNS: readonly ExportColumn[] = [
  { header: 'Date', kind: 'date', width: 12 },
  { header: 'Kind', kind: 'text', width: 10 },
  { header: 'Name', kind: 'text', width: 28 },
  { header: 'For', kind: 'text', width: 22 },
  { header: 'Notes', kind: 'text', width: 40 },
];

/** A squad-wide event always; a group's when the group is chosen; an athlete's when the athlete is. */
export function eventIsChosen(e: CalendarEvent, scope: ExportScope): boolean {
  if (e.athleteId !== null) return scope.includesAthlete(e.athleteId);
  if (e.groupId !== null) return scope.includesGroup(e.groupId);
  return true;
}

function chosenEvents(db: SquadDb, scope: ExportScope): CalendarEvent[] {
  return listEvents(db, scope.from, scope.to).filter((e) => eventIsChosen(e, scope));
}

export const eventsTable: ExportTable = {
  key: 'events',
  label: 'Test days and races',
  description: 'Test days and races in the dates chosen, with who they are for.',
  sheetName: 'Test days and races',
  fileName: 'test-days-and-races',
  usesDateRange: true,
  usesGroups: true,
  usesArchived: true,
  columns: () => COLUMNS,
  countRows: (db, scope) => chosenEvents(db, scope).length,
  *rows(db, scope) {
    for (const e of chosenEvents(db, scope)) {
      yield [e.date, EVENT_KIND_LABELS[e.kind], e.name, eventAudience(e, scope.lookup.groupName, scope.lookup.athleteName), e.notes];
    }
  },
};

/** The test sessions in the date range: date, kind, label, the tests it includes, how many athletes have results. */
import { SESSION_KIND_LABELS, type TestSession } from '@shared/domain/retests';
import type { ExportColumn } from '@shared/exports/columns';
import { listSessions, listTests } from '@main/db/repositories/retests';
import type { SquadDb } from '@main/db/types';
import type { ExportScope, ExportTable } from '../table';

const COLUMNS: readonly ExportColumn[] = [
  { header: 'Date', kind: 'date', width: 12 },
  { header: 'Kind', kind: 'text', width: 12 },
  { header: 'Session', kind: 'text', width: 28 },
  { header: 'Tests', kind: 'text', width: 50 },
  { header: 'Athletes with results', kind: 'integer', width: 12 },
  { header: 'Notes', kind: 'text', width: 40 },
];

/** Sessions in the date range, oldest first. */
export function sessionsInRange(db: SquadDb, scope: Pick<ExportScope, 'from' | 'to'>): TestSession[] {
  return listSessions(db)
    .filter((s) => s.date >= scope.from && s.date <= scope.to)
    .sort((a, b) => a.date.localeCompare(b.date) || a.id - b.id);
}

export const testSessionsTable: ExportTable = {
  key: 'test_sessions',
  label: 'Test sessions',
  description: 'Each baseline, re-test and reliability session in the dates chosen, with its tests.',
  sheetName: 'Test sessions',
  fileName: 'test-sessions',
  usesDateRange: true,
  usesGroups: false,
  usesArchived: false,
  columns: () => COLUMNS,
  countRows: (db, scope) => sessionsInRange(db, scope).length,
  *rows(db, scope) {
    const tests = new Map(listTests(db).map((t) => [t.id, t]));
    for (const s of sessionsInRange(db, scope)) {
      const names = s.testIds
        .map((id) => tests.get(id))
        .filter((t) => t !== undefined)
        .sort((a, b) => a.sortOrder - b.sortOrder)
        .map((t) => t.name);
      yield [s.date, SESSION_KIND_LABELS[s.kind], s.label, names.join(', '), s.athleteCount, s.notes];
    }
  },
};

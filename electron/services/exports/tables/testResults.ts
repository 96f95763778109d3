/**
 * Every athlete's results in the test sessions of the date range: the squad comparison's rows
 * (electron/services/retestExport.ts exports the same for one session: score, change against the
 * previous session and the baseline with its verdict, ranks, asymmetry, the noise used), with the
 * session in front and the trials behind.
 */
import { SESSION_KIND_LABELS } from '@shared/domain/retests';
import type { ExportCell, ExportColumn } from '@shared/exports/columns';
import { COMPARISON_EXPORT_COLUMNS, comparisonExportRows, exportDecimals } from '@shared/retests/exportRows';
import { listTests, sessionEntries } from '@main/db/repositories/retests';
import type { SquadDb } from '@main/db/types';
import { compareSessions } from '@main/services/retests/compare';
import type { ExportScope, ExportTable } from '../table';
import { sessionsInRange } from './testSessions';

const SESSION_COLUMNS: readonly ExportColumn[] = [
  { header: 'Session date', kind: 'date', width: 12 },
  { header: 'Session', kind: 'text', width: 24 },
  { header: 'Session kind', kind: 'text', width: 12 },
];

/** The comparison's columns as export columns: text, a mass, or a number whose decimals come with each row. */
const COMPARISON_COLUMNS: readonly ExportColumn[] = COMPARISON_EXPORT_COLUMNS.map((c): ExportColumn => {
  const width = Math.max(10, Math.min(28, c.header.length + 2));
  if (c.decimals === null) return { header: c.header, kind: 'text', width };
  if (c.mass) return { header: c.header, kind: 'mass', decimals: typeof c.decimals === 'number' ? c.decimals : 1, width };
  return { header: c.header, kind: 'decimal', decimals: typeof c.decimals === 'number' ? c.decimals : undefined, width };
});

/** The most trials any test of the range's sessions allows (a column per trial). */
function trialColumns(db: SquadDb, scope: ExportScope): number {
  const inSessions = new Set(sessionsInRange(db, scope).flatMap((s) => s.testIds));
  return listTests(db).reduce((most, t) => (inSessions.has(t.id) ? Math.max(most, t.trials) : most), 0);
}

export const testResultsTable: ExportTable = {
  key: 'test_results',
  label: 'Test results',
  description: "Every athlete's scores and trials in those sessions, with the change against the previous session and the baseline.",
  sheetName: 'Test results',
  fileName: 'test-results',
  usesDateRange: true,
  usesGroups: true,
  usesArchived: true,
  columns(db, scope) {
    const trials = Array.from({ length: trialColumns(db, scope) }, (_, i): ExportColumn => ({ header: `Trial ${i + 1}`, kind: 'decimal', width: 9 }));
    return [...SESSION_COLUMNS, ...COMPARISON_COLUMNS, ...trials];
  },
  // About one row per athlete and test (a left/right test has two): close enough for progress.
  countRows: (db, scope) => sessionsInRange(db, scope).reduce((n, s) => n + s.athleteCount * s.testIds.length, 0),
  *rows(db, scope) {
    const trialCount = trialColumns(db, scope);
    const groupNames = new Map([...scope.lookup.groups.values()].map((g) => [g.id, g.name]));
    for (const session of sessionsInRange(db, scope)) {
      const comparison = compareSessions(db, { sessionId: session.id });
      const athletes = comparison.rows.filter((r) => scope.includesGroup(r.athlete.groupId) && (scope.includeArchived || !r.athlete.archived));
      const trials = new Map<string, number[]>();
      for (const e of sessionEntries(db, session.id)) trials.set(`${e.athleteId}|${e.testId}|${e.side}`, e.trials.map((t) => t.value));
      const sessionCells: ExportCell[] = [session.date, session.label, SESSION_KIND_LABELS[session.kind]];
      for (const row of comparisonExportRows(comparison, groupNames, athletes, 'kg')) {
        const values = trials.get(`${row.athleteId}|${row.test.id}|${row.side}`) ?? [];
        const trialCells = Array.from({ length: trialCount }, (_, i) => values[i] ?? null);
        yield {
          cells: [...sessionCells, ...row.cells, ...trialCells],
          decimals: [
            ...sessionCells.map(() => null),
            ...COMPARISON_EXPORT_COLUMNS.map((c) => exportDecimals(c, row.test)),
            ...trialCells.map(() => row.test.decimals),
          ],
        };
      }
    }
  },
};

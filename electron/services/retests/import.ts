/**
 * CSV import of a test session: papaparse reads the file (any delimiter, quoted fields, a BOM),
 * shared/retests/importRows decides what each row means. The preview writes nothing; the
 * commit re-reads the same text, checks it still gives the preview the coach saw, and writes
 * every accepted row in one transaction, or nothing.
 */
import Papa from 'papaparse';
import type { AthleteResults, ImportOutcome } from '@shared/contract/retests';
import { AppError } from '@shared/errors';
import { previewImport, type ImportPreview } from '@shared/retests/importRows';
import { listAthletes } from '@main/db/repositories/athletes';
import * as repo from '@main/db/repositories/retests';
import type { SquadDb } from '@main/db/types';
import { requireSession, writeImportedResults } from './records';

export function parseCsv(text: string): string[][] {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' });
  return parsed.data.map((row) => row.map((cell) => String(cell ?? '')));
}

function buildPreview(db: SquadDb, sessionId: number, csv: string): ImportPreview {
  const session = requireSession(db, sessionId, 'sessionId');
  const existing = new Set(repo.sessionScores(db, sessionId).map((s) => `${s.athleteId}|${s.testId}`));
  return previewImport({
    rows: parseCsv(csv),
    tests: repo.listTests(db),
    athletes: listAthletes(db, 'all').map((a) => ({ id: a.id, givenName: a.givenName, familyName: a.familyName, archived: a.archivedAt !== null })),
    sessionTestIds: session.testIds,
    existing,
  });
}

export function previewSessionImport(db: SquadDb, sessionId: number, csv: string): ImportPreview {
  return buildPreview(db, sessionId, csv);
}

export function commitSessionImport(
  db: SquadDb,
  input: { sessionId: number; csv: string; skipRejected: boolean; expected: { acceptedRows: number; rejectedRows: number } },
  now: Date,
): ImportOutcome {
  return db.transaction(() => {
    const session = requireSession(db, input.sessionId, 'sessionId');
    const preview = buildPreview(db, input.sessionId, input.csv);
    if (preview.fileProblem) throw new AppError('invalid_input', `${preview.fileProblem} Nothing was imported.`, { csv: preview.fileProblem });
    if (preview.acceptedRows !== input.expected.acceptedRows || preview.rejectedRows !== input.expected.rejectedRows) {
      throw new AppError('conflict', 'The squad or the file changed since the preview. Look at the preview again before importing. Nothing was imported.');
    }
    const rejected = preview.rejectedRows + preview.rejectedColumns;
    if (rejected > 0 && !input.skipRejected) {
      throw new AppError(
        'invalid_input',
        `The file has ${preview.rejectedRows} rejected row${preview.rejectedRows === 1 ? '' : 's'} and ${preview.rejectedColumns} rejected column${preview.rejectedColumns === 1 ? '' : 's'}. Fix the file, or choose to import only the accepted rows. Nothing was imported.`,
        { skipRejected: 'Confirm that rejected rows are left out' },
      );
    }
    if (preview.entries.length === 0) throw new AppError('invalid_input', 'There is nothing to import in this file. Nothing was imported.', { csv: 'No accepted results' });
    const byAthlete = new Map<number, AthleteResults>();
    for (const { athleteId, ...test } of preview.entries) {
      const results = byAthlete.get(athleteId) ?? { athleteId, tests: [] };
      results.tests.push(test);
      byAthlete.set(athleteId, results);
    }
    const outcome = writeImportedResults(db, input.sessionId, preview.addsTestIds, [...byAthlete.values()], now);
    return { entriesWritten: preview.entries.length, addedTestIds: preview.addsTestIds, previous: outcome.previous, previousTestIds: session.testIds };
  })();
}

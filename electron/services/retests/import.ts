/**
 * Import of a test session's results: the reader every import uses (electron/import/readTable:
 * CSV in any encoding and separator, or XLSX, within the size limits) reads the file,
 * shared/retests/importRows decides what each row and cell means. The preview writes nothing;
 * the commit reads the same file again, checks it still gives the preview the coach saw, and
 * writes every accepted row and cell in one transaction, or nothing.
 */
import type { z } from 'zod';
import type { readTableInput } from '@shared/contract/imports';
import type { AthleteResults, ImportOutcome, RetestImportPreview } from '@shared/contract/retests';
import { AppError } from '@shared/errors';
import { previewImport } from '@shared/retests/importRows';
import { readUploadedTable } from '@main/import/readTable';
import { listAthletes } from '@main/db/repositories/athletes';
import * as repo from '@main/db/repositories/retests';
import type { SquadDb } from '@main/db/types';
import { requireSession, writeImportedResults } from './records';

type FileInput = z.output<typeof readTableInput>;

function buildPreview(db: SquadDb, sessionId: number, file: FileInput): RetestImportPreview {
  const session = requireSession(db, sessionId, 'sessionId');
  const existing = new Set(repo.sessionScores(db, sessionId).map((s) => `${s.athleteId}|${s.testId}`));
  const { rows, ...summary } = readUploadedTable(file);
  const preview = previewImport({
    rows,
    tests: repo.listTests(db),
    athletes: listAthletes(db, 'all').map((a) => ({ id: a.id, givenName: a.givenName, familyName: a.familyName, archived: a.archivedAt !== null })),
    sessionTestIds: session.testIds,
    existing,
  });
  return { ...preview, file: summary };
}

export function previewSessionImport(db: SquadDb, sessionId: number, file: FileInput): RetestImportPreview {
  return buildPreview(db, sessionId, file);
}

export function commitSessionImport(
  db: SquadDb,
  input: { sessionId: number; file: FileInput; skipRejected: boolean; expected: { acceptedRows: number; rejectedRows: number; refusedCells: number } },
  now: Date,
): ImportOutcome {
  return db.transaction(() => {
    const session = requireSession(db, input.sessionId, 'sessionId');
    const preview = buildPreview(db, input.sessionId, input.file);
    if (preview.fileProblem) throw new AppError('invalid_input', `${preview.fileProblem} Nothing was imported.`, { file: preview.fileProblem });
    if (preview.acceptedRows !== input.expected.acceptedRows || preview.rejectedRows !== input.expected.rejectedRows || preview.refusedCells !== input.expected.refusedCells) {
      throw new AppError('conflict', 'The squad or the file changed since the preview. Look at the preview again before importing. Nothing was imported.');
    }
    const rejected = preview.rejectedRows + preview.rejectedColumns + preview.refusedCells;
    if (rejected > 0 && !input.skipRejected) {
      const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
      throw new AppError(
        'invalid_input',
        `The file has ${plural(preview.rejectedRows, 'rejected row')}, ${plural(preview.rejectedColumns, 'rejected column')} and ${plural(preview.refusedCells, 'refused cell')}. Fix the file, or choose to import only the rest. Nothing was imported.`,
        { skipRejected: 'Confirm that what is refused is left out' },
      );
    }
    if (preview.entries.length === 0) throw new AppError('invalid_input', 'There is nothing to import in this file. Nothing was imported.', { file: 'No accepted results' });
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

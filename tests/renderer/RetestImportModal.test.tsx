/**
 * The re-test import screen on the shared file path: the file goes to main as bytes (any CSV or
 * an XLSX, read by the reader every import uses), the preview says how it was read and lists
 * each refused cell with its reason, the import sends the same file with what the coach saw,
 * and a file far too large is refused before the page reads it.
 */
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { setTransportForTests } from '@renderer/api/client';
import { AppProviders, createQueryClient } from '@renderer/app/App';
import { ImportModal } from '@renderer/features/retests/ImportModal';
import { contract } from '@shared/contract';
import type { RetestImportPreview } from '@shared/contract/retests';
import type { TestDefinition, TestSession } from '@shared/domain/retests';

afterEach(() => setTransportForTests(null));

const session: TestSession = { id: 5, date: '2026-10-29', kind: 'retest', label: 'End of block 1', notes: '', testIds: [11, 12], createdAt: 'now', entries: 0 } as unknown as TestSession;
const tests = [{ id: 11, name: 'Sprint 10 m', shortName: '10 m', sided: false, trials: 2, kind: 'sprint' }, { id: 12, name: 'Sprint 20 m', shortName: '20 m', sided: false, trials: 2, kind: 'sprint' }] as unknown as TestDefinition[];

const preview: RetestImportPreview = {
  layout: 'wide',
  columns: [
    { index: 0, header: 'Athlete', meaning: 'Athlete name', problem: null },
    { index: 1, header: '10 m', meaning: 'Sprint 10 m, next trial', problem: null },
    { index: 2, header: '20 m', meaning: 'Sprint 20 m, next trial', problem: null },
  ],
  rows: [
    { line: 2, athleteName: 'Ana López', athleteId: 1, status: 'accepted', problems: [], refused: [], values: ['10 m 1: 1.95 s', '20 m 1: 3.31 s'], notes: [] },
    { line: 3, athleteName: 'Ben Okafor', athleteId: 2, status: 'accepted', problems: [], refused: [{ column: '20 m', value: '0.9', reason: '0.9 s is below the 2.5–5.5 s range for Sprint 20 m' }], values: ['10 m 1: 1.9 s'], notes: [] },
  ],
  acceptedRows: 2,
  rejectedRows: 0,
  refusedCells: 1,
  rejectedColumns: 0,
  entries: [
    { athleteId: 1, testId: 11, mark: null, addedLoadKg: null, eyes: null, trials: [{ side: 'none', trial: 1, value: 1.95, flightTimeS: null, runNumber: 1 }] },
    { athleteId: 1, testId: 12, mark: null, addedLoadKg: null, eyes: null, trials: [{ side: 'none', trial: 1, value: 3.31, flightTimeS: null, runNumber: 1 }] },
    { athleteId: 2, testId: 11, mark: null, addedLoadKg: null, eyes: null, trials: [{ side: 'none', trial: 1, value: 1.9, flightTimeS: null, runNumber: 1 }] },
  ],
  addsTestIds: [],
  replaces: 0,
  fileProblem: null,
  file: { format: 'csv', encoding: 'windows-1252', separator: 'semicolon', sheets: [], sheet: null, warnings: [] },
};

function renderModal() {
  const sent: { method: string; input: unknown }[] = [];
  setTransportForTests(async (method, input) => {
    sent.push({ method, input });
    // Main's own schema checks what the screen sends.
    const parsed = contract[method as keyof typeof contract].input.safeParse(input);
    if (!parsed.success) return { ok: false, error: { code: 'invalid_input', message: parsed.error.issues[0]?.message ?? 'invalid' } };
    if (method === 'retests.previewImport') return { ok: true, value: preview };
    if (method === 'retests.commitImport') return { ok: true, value: { entriesWritten: 3, addedTestIds: [], previous: [], previousTestIds: [11, 12] } };
    return { ok: true, value: [] };
  });
  render(
    <AppProviders queryClient={createQueryClient()}>
      <ImportModal opened onClose={() => undefined} session={session} tests={tests} />
    </AppProviders>,
  );
  return sent;
}

describe('importing results', () => {
  it('sends the file through the shared reader, shows how it was read and the refused cell, and imports only with consent', async () => {
    const sent = renderModal();
    const user = userEvent.setup();
    const dialog = await screen.findByRole('dialog', { name: 'Import results into End of block 1' });
    await user.upload(dialog.querySelector('input[type="file"]') as HTMLInputElement, new File(['Athlete;10 m;20 m\n'], 'gates.csv'));

    expect(await within(dialog).findByText('gates.csv · Text file: Windows-1252, semicolon-separated')).toBeInTheDocument();
    const first = sent.find((c) => c.method === 'retests.previewImport')?.input as { sessionId: number; file: { fileName: string; contentBase64: string } };
    expect(first.sessionId).toBe(5);
    expect(first.file.fileName).toBe('gates.csv');
    expect(atob(first.file.contentBase64)).toBe('Athlete;10 m;20 m\n');
    expect(within(dialog).getByText('2 rows accepted (1 cell refused), 0 rows rejected')).toBeInTheDocument();
    expect(within(within(dialog).getByTestId('import-row-3')).getByText('Refused 20 m “0.9”: 0.9 s is below the 2.5–5.5 s range for Sprint 20 m')).toBeInTheDocument();

    const importButton = within(dialog).getByRole('button', { name: 'Import 3 results' });
    expect(importButton).toBeDisabled();
    await user.click(within(dialog).getByLabelText('Leave out the 1 refused cell, and import the rest'));
    await user.click(importButton);
    await waitFor(() => expect(sent.some((c) => c.method === 'retests.commitImport')).toBe(true));
    expect(sent.find((c) => c.method === 'retests.commitImport')?.input).toEqual({
      sessionId: 5,
      file: first.file,
      skipRejected: true,
      expected: { acceptedRows: 2, rejectedRows: 0, refusedCells: 1 },
    });
  });

  it('refuses a file far larger than a results file before reading it', async () => {
    const sent = renderModal();
    const user = userEvent.setup();
    const dialog = await screen.findByRole('dialog', { name: 'Import results into End of block 1' });
    const huge = new File(['x'], 'everything.xlsx');
    Object.defineProperty(huge, 'size', { value: 50 * 1024 * 1024 });
    Object.defineProperty(huge, 'arrayBuffer', { value: () => Promise.reject(new Error('the page must not read this file')) });
    await user.upload(dialog.querySelector('input[type="file"]') as HTMLInputElement, huge);
    expect(await within(dialog).findByText('everything.xlsx is 50 MB; a results file is at most 10 MB. Check it is the right file.')).toBeInTheDocument();
    expect(sent.some((c) => c.method === 'retests.previewImport')).toBe(false);
  });
});

/**
 * Re-test and timing files through the reader every import uses (issue 11 and issue 10's "re-tests
 * on the shared file paths"): the same timing-gate results as XLSX, as Excel's "Unicode Text"
 * (UTF-16, tab) and as European CSV (Windows-1252, semicolons, decimal commas), with a Run
 * column, names as "Last, First" or "First Last" in any case and without accents, a roster
 * heading left out; a jump app's long export with an Attempt column; one impossible value
 * refusing that value only; every import previewed fast, nothing written until confirmed, one
 * undo taking it back; a file far too long refused before it is previewed.
 */
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TestDefinition } from '@shared/domain/retests';
import { apiCalls, uploadOf } from '../support/calls';
import { databaseFingerprint, openTempSquad, type TempSquad } from '../support/tempSquad';

let squad: TempSquad;
beforeEach(async () => {
  squad = await openTempSquad({ now: () => new Date('2026-09-07T06:00:00Z') });
});
afterEach(() => squad.close());
const { ok } = apiCalls(() => squad);

async function timingSquad() {
  const tests = Object.fromEntries((await ok('retests.listTests', {})).map((t) => [t.builtinKey ?? t.shortName, t])) as Record<string, TestDefinition>;
  const ids: Record<string, number> = {};
  for (const [given, family] of [['Ana', 'López'], ['Ben', 'Okafor'], ['Cara', 'Nguyen']] as const) ids[given] = (await ok('athletes.create', { givenName: given, familyName: family })).id;
  const session = await ok('retests.createSession', { date: '2026-10-29', kind: 'retest', label: 'End of block 1', testIds: [tests.sprint_10!.id, tests.sprint_20!.id, tests.sprint_30!.id] });
  return { tests, ids, session };
}

/** The timing gates' file: a row per run, the run in its own column, a roster column the import leaves out. */
const TIMING: (string | number)[][] = [
  ['Athlete', 'Run', '10 m', '20 m', '30 m', 'Grade'],
  ['LÓPEZ, Ana', 1, 1.95, 3.31, 4.62, 10],
  ['Ana Lopez', 2, 1.93, 3.29, 4.6, 10],
  ['okafor ben', 1, 1.88, 3.2, 4.45, 11],
  ['Okafor, Ben', 2, 1.9, 0.9, 4.5, 11],
  ['NGUYEN cara', 1, 'absent', 'absent', 'absent', 12],
];

/** As text with this separator, numbers with a decimal comma when the separator allows it. */
function timingText(separator: string, decimalComma: boolean): string {
  return TIMING.map((row) => row.map((cell) => (typeof cell === 'number' && decimalComma ? String(cell).replace('.', ',') : String(cell))).map((cell) => (cell.includes(separator) ? `"${cell}"` : cell)).join(separator)).join('\r\n');
}

async function timingWorkbook(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('Gates').addRows(TIMING);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

const FILES: [string, () => Promise<{ fileName: string; contentBase64: string }>, object][] = [
  ['XLSX', async () => uploadOf(await timingWorkbook(), 'gates.xlsx'), { format: 'xlsx', sheet: 'Gates' }],
  ['Unicode Text (UTF-16, tab)', async () => uploadOf(Buffer.from(`\uFEFF${timingText('\t', true)}`, 'utf16le'), 'gates.txt'), { format: 'csv', encoding: 'utf-16', separator: 'tab' }],
  ['European CSV (Windows-1252, semicolons)', async () => uploadOf(Buffer.from(timingText(';', true), 'latin1'), 'gates.csv'), { format: 'csv', encoding: 'windows-1252', separator: 'semicolon' }],
  ['UTF-8 CSV with a BOM (commas)', async () => uploadOf(Buffer.from(`\uFEFF${timingText(',', false)}`, 'utf8'), 'gates.csv'), { format: 'csv', encoding: 'utf-8-bom', separator: 'comma' }],
];

describe('a timing file, however it was saved', () => {
  for (const [what, make, read] of FILES) {
    it(`${what}: runs from the Run column, names matched, the impossible 20 m split refused alone; written only on confirm, one undo takes it back`, async () => {
      const { tests, ids, session } = await timingSquad();
      const file = await make();
      const before = databaseFingerprint(squad.db);
      const preview = await ok('retests.previewImport', { sessionId: session.id, file });
      expect(databaseFingerprint(squad.db)).toBe(before);
      expect(preview.file).toMatchObject(read);
      expect(preview.columns.map((c) => c.meaning)).toEqual(['Athlete name', 'Trial (or run) of the row', 'Sprint 10 m, next trial', 'Sprint 20 m, next trial', 'Sprint 30 m, next trial', null]);
      expect(preview.columns[5]?.problem).toBeNull();
      expect(preview.rows.map((r) => [r.line, r.athleteId, r.status])).toEqual([
        [2, ids.Ana, 'accepted'],
        [3, ids.Ana, 'accepted'],
        [4, ids.Ben, 'accepted'],
        [5, ids.Ben, 'accepted'],
        [6, ids.Cara, 'accepted'],
      ]);
      expect(preview.rows[3]?.refused).toEqual([{ column: '20 m', value: expect.stringMatching(/^0[.,]9$/), reason: '0.9 s is below the 2.5\u20135.5 s range for Sprint 20 m' }]);
      expect(preview.rows[3]?.values).toEqual(['10 m 2: 1.9 s', '30 m 2: 4.5 s']);
      expect(preview).toMatchObject({ acceptedRows: 5, rejectedRows: 0, refusedCells: 1, rejectedColumns: 0 });

      const outcome = await ok('retests.commitImport', { sessionId: session.id, file, skipRejected: true, expected: { acceptedRows: 5, rejectedRows: 0, refusedCells: 1 } });
      const sheet = await ok('retests.getSession', { id: session.id });
      const scores = (athlete: number) => sheet.entries.filter((e) => e.athleteId === athlete).map((e) => [e.testId, e.status, e.score, e.trials.map((t) => [t.trial, t.value, t.runNumber])]);
      // Sprints: lower is better, so the score is the faster run.
      expect(scores(ids.Ana!)).toEqual([
        [tests.sprint_10!.id, 'ok', 1.93, [[1, 1.95, 1], [2, 1.93, 2]]],
        [tests.sprint_20!.id, 'ok', 3.29, [[1, 3.31, 1], [2, 3.29, 2]]],
        [tests.sprint_30!.id, 'ok', 4.6, [[1, 4.62, 1], [2, 4.6, 2]]],
      ]);
      expect(scores(ids.Ben!)).toEqual([
        [tests.sprint_10!.id, 'ok', 1.88, [[1, 1.88, 1], [2, 1.9, 2]]],
        [tests.sprint_20!.id, 'ok', 3.2, [[1, 3.2, 1]]],
        [tests.sprint_30!.id, 'ok', 4.45, [[1, 4.45, 1], [2, 4.5, 2]]],
      ]);
      expect(scores(ids.Cara!).map(([, status]) => status)).toEqual(['absent', 'absent', 'absent']);

      // The undo the screen records: save back what each athlete had (nothing).
      await ok('retests.saveResults', { sessionId: session.id, athletes: outcome.previous });
      expect(databaseFingerprint(squad.db)).toBe(before);
    });
  }
});

describe('a jump app export (a row per trial)', () => {
  it('reads the Attempt column; a trial in the file twice and a height out of range are refused with the reason', async () => {
    const { tests, ids } = await timingSquad();
    const session = await ok('retests.createSession', { date: '2026-10-30', kind: 'retest', label: 'Jumps', testIds: [tests.cmj!.id] });
    const csv = ['Name,Test,Attempt,Value', 'Lopez Ana,CMJ,1,33.5', 'Lopez Ana,CMJ,2,34.1', 'Lopez Ana,CMJ,2,35.0', 'Lopez Ana,CMJ,3,120'].join('\n');
    const preview = await ok('retests.previewImport', { sessionId: session.id, file: uploadOf(csv) });
    expect(preview.layout).toBe('long');
    expect(preview.rows.map((r) => [r.line, r.status, r.values, r.problems])).toEqual([
      [2, 'accepted', ['CMJ 1: 33.5 cm'], []],
      [3, 'accepted', ['CMJ 2: 34.1 cm'], []],
      [4, 'rejected', [], ['CMJ (Value) “35.0”: Countermovement jump trial 2 for Ana López is in the file twice']],
      [5, 'rejected', [], ['CMJ (Value) “120”: 120 cm is above the 5\u201390 cm range for Countermovement jump']],
    ]);
    await ok('retests.commitImport', { sessionId: session.id, file: uploadOf(csv), skipRejected: true, expected: { acceptedRows: 2, rejectedRows: 2, refusedCells: 0 } });
    const cmj = (await ok('retests.getSession', { id: session.id })).entries.find((e) => e.athleteId === ids.Ana);
    expect(cmj?.trials.map((t) => [t.trial, t.value])).toEqual([
      [1, 33.5],
      [2, 34.1],
    ]);
  });

  it('a Trial column in the wide layout numbers the trials of the tests on the row', async () => {
    const { tests, ids } = await timingSquad();
    const session = await ok('retests.createSession', { date: '2026-10-30', kind: 'retest', label: 'Jumps', testIds: [tests.cmj!.id] });
    const csv = ['First name,Last name,Trial,CMJ', 'Ana,López,3,36.0', 'Ana,López,1,33.0', 'ANA,LOPEZ,3,35.5'].join('\n');
    const preview = await ok('retests.previewImport', { sessionId: session.id, file: uploadOf(csv) });
    expect(preview.rows.map((r) => [r.values, r.refused.map((c) => c.reason)])).toEqual([
      [['CMJ 3: 36 cm'], []],
      [['CMJ 1: 33 cm'], []],
      [[], ['Countermovement jump trial 3 for Ana López is in the file twice']],
    ]);
    expect(preview.entries.find((e) => e.athleteId === ids.Ana)?.trials.map((t) => t.trial)).toEqual([3, 1]);
  });
});

describe('size', () => {
  it('previews a 5000-row timing file fast', async () => {
    const { session } = await timingSquad();
    const rows = ['Athlete,10 m,20 m,30 m', ...Array.from({ length: 5000 }, (_, i) => `Runner ${i},1.9,3.3,4.6`)];
    const started = performance.now();
    const preview = await ok('retests.previewImport', { sessionId: session.id, file: uploadOf(rows.join('\n')) });
    expect(performance.now() - started).toBeLessThan(3000);
    expect(preview.rows).toHaveLength(5000);
    expect(preview.rejectedRows).toBe(5000); // nobody called "Runner n" in the squad
  });

  it('refuses a 340,000-row file with a sentence, before any preview is built', async () => {
    const { session } = await timingSquad();
    const before = databaseFingerprint(squad.db);
    const rows = `Athlete,10 m\n${'Ana López,1.95\n'.repeat(340_000)}`;
    const response = await apiCalls(() => squad).refused('retests.previewImport', { sessionId: session.id, file: uploadOf(rows) });
    expect(response.message).toBe('The file has more than 5000 rows of data; a roster or a results file is much shorter. Split it into smaller files, or check it is the right file.');
    expect(databaseFingerprint(squad.db)).toBe(before);
  });
});

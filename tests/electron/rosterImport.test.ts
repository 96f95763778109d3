/**
 * Roster import of real-world files (tests/fixtures/roster, made by make-fixtures.mjs the way
 * Excel, Google Sheets and a coach's own spreadsheet write them): read by main, previewed by the
 * shared logic exactly as the import screen does, then written in one transaction.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MethodInput } from '@shared/contract';
import type { TableFile } from '@shared/contract/imports';
import { athletesToImport, findHeaderRow, groupsToCreate, guessMapping, previewRosterImport, unitFromHeading, type ImportOptions } from '@shared/import/rosterImport';
import { apiCalls } from '../support/calls';
import { databaseFingerprint, openTempSquad, type TempSquad } from '../support/tempSquad';

const FIXTURES = path.resolve('tests/fixtures/roster');

let squad: TempSquad;
beforeEach(async () => {
  squad = await openTempSquad({ now: () => new Date('2026-09-07T06:00:00Z') });
});
afterEach(() => squad.close());
const { ok, refused } = apiCalls(() => squad);

function readFixture(name: string, options: Partial<MethodInput<'imports.readTable'>> = {}): Promise<TableFile> {
  return ok('imports.readTable', { fileName: name, contentBase64: fs.readFileSync(path.join(FIXTURES, name)).toString('base64'), ...options });
}

/** What the import screen does with a file: find the headings, guess the columns, preview. */
async function preview(table: TableFile, unit: 'kg' | 'lb' = 'kg', overrides: Partial<ImportOptions> = {}) {
  const headerRow = findHeaderRow(table.rows);
  const headings = table.rows[headerRow] ?? [];
  const massColumn = guessMapping(headings).indexOf('bodyMass');
  const options: ImportOptions = {
    mapping: guessMapping(headings),
    headerRow,
    bodyMassUnit: (massColumn >= 0 ? unitFromHeading(headings[massColumn] ?? '') : null) ?? unit,
    groupChoices: {},
    ...overrides,
  };
  const [athletes, groups] = await Promise.all([ok('athletes.list', { status: 'all' }), ok('groups.list', {})]);
  return previewRosterImport(table.rows, options, { athletes, groups });
}

async function commit(result: Awaited<ReturnType<typeof preview>>) {
  return ok('imports.roster', {
    athletes: athletesToImport(result.accepted),
    newGroups: groupsToCreate(result.accepted).map((name) => ({ name, color: '#1c7ed6' })),
  });
}

async function squadGroups() {
  const groups = await ok('groups.create', { name: 'Distance', color: '#2f9e44' });
  const sprints = await ok('groups.create', { name: 'Sprints', color: '#e8590c' });
  return { distance: groups, sprints };
}

describe('reading files', () => {
  it('Excel (US) CSV: Windows-1252 detected, CRLF, comma, accents intact, lb from the heading', async () => {
    const table = await readFixture('excel-us-windows1252.csv');
    expect(table).toMatchObject({ format: 'csv', encoding: 'windows-1252', separator: 'comma', warnings: [] });
    expect(table.rows).toEqual([
      ['First Name', 'Last Name', 'Grade', 'Gender', 'Event', 'Group', 'Weight (lb)'],
      ['José', 'Núñez', '10', 'M', 'Distance', 'Distance', '132'],
      ['Zoë', 'Françoise', '11th', 'F', '800m', 'Middle distance', '118.5'],
      ['Renée', "O'Brien", '9', 'F', 'Sprints', 'Sprints', '105'],
    ]);
    // Read as UTF-8 on purpose, the accents break (what the coach would see if detection were wrong).
    const forced = await readFixture('excel-us-windows1252.csv', { encoding: 'utf-8' });
    expect(forced.rows[1]?.[0]).toBe('Jos\uFFFD');
  });

  it('Excel (European) CSV: semicolons detected, decimal commas kept as written', async () => {
    const table = await readFixture('excel-european-semicolon.csv');
    expect(table).toMatchObject({ encoding: 'windows-1252', separator: 'semicolon' });
    expect(table.rows[2]).toEqual(['Björn', 'Åberg', '12', 'M', 'Sprints', '71,25']);
    // Forcing a comma splits "54,5" in two: the coach can see and undo that choice.
    const forced = await readFixture('excel-european-semicolon.csv', { separator: 'comma' });
    expect(forced.rows[1]).toEqual(['Ana;López;10;F;Distance;54', '5']);
  });

  it('Google Sheets CSV: UTF-8, quoted fields with commas and a line break', async () => {
    const table = await readFixture('google-sheets.csv');
    expect(table).toMatchObject({ encoding: 'utf-8', separator: 'comma' });
    expect(table.rows).toEqual([
      ['Name', 'Group', 'Race goal', 'Notes'],
      ['López, Ana', 'Distance', '5K', 'Shin splints, left; easy week'],
      ['Okafor, Ben', 'Sprints', '200m', ''],
      ['Nguyen, Cara', 'Distance', 'Half marathon', 'Achilles tightness,\nice after runs'],
    ]);
  });

  it('UTF-8 with a BOM: the BOM is not part of the first heading', async () => {
    const table = await readFixture('utf8-bom.csv');
    expect(table.encoding).toBe('utf-8-bom');
    expect(table.rows[0]?.[0]).toBe('First Name');
    expect(table.rows[1]).toEqual(['María José', 'García Márquez', 'F']);
  });

  it('tab-separated: a comma inside a field stays in it', async () => {
    const table = await readFixture('tab-separated.tsv');
    expect(table.separator).toBe('tab');
    expect(table.rows[1]).toEqual(['Sam', 'Lee, Jr.', '9', 'Sprints', 'no']);
  });

  it('XLSX made by exceljs: dates, formulas and rich text read as the coach sees them', async () => {
    const table = await readFixture('roster.xlsx');
    expect(table).toMatchObject({ format: 'xlsx', sheets: ['Roster'], sheet: 'Roster', encoding: null });
    expect(table.rows).toEqual([
      ['First Name', 'Last Name', 'Date of birth', 'Weight (kg)', 'Injured', 'Group'],
      ['Ana', 'López', '2009-03-14', '54.5', 'no', 'Distance'],
      ['Ben', 'Okafor', '2008-11-02', '66', 'yes', 'Sprints'],
      ['Cara', 'Nguyen', '2010', '', 'no', 'Distance'],
    ]);
    expect((await refused('imports.readTable', { fileName: 'roster.xlsx', contentBase64: fs.readFileSync(path.join(FIXTURES, 'roster.xlsx')).toString('base64'), sheet: 'Nope' })).message).toMatch(/no sheet called "Nope"/);
  });

  it('refuses what is not a roster file with a sentence: an old .xls, a broken workbook, binary junk', async () => {
    const xls = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]);
    expect((await refused('imports.readTable', { fileName: 'old.xls', contentBase64: xls.toString('base64') })).message).toMatch(/old Excel file.*\.xlsx/);
    const brokenZip = Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(100, 7)]);
    expect((await refused('imports.readTable', { fileName: 'x.xlsx', contentBase64: brokenZip.toString('base64') })).message).toMatch(/workbook could not be read/);
    const binary = Buffer.from([1, 0, 2, 0, 3, 0, 255, 0]);
    expect((await refused('imports.readTable', { fileName: 'x.csv', contentBase64: binary.toString('base64') })).message).toMatch(/binary/);
  });
});

describe('previewing and importing', () => {
  it('Excel US file in lb: all three in, masses converted to kg, groups matched, "11th" and "800m" understood', async () => {
    const { distance, sprints } = await squadGroups();
    const result = await preview(await readFixture('excel-us-windows1252.csv'));
    expect(result.rejected).toEqual([]);
    expect(result.problems).toEqual([]);
    // 132 lb / 2.2046226 = 59.874 -> 59.87 kg; 118.5 lb -> 53.751 -> 53.75; 105 lb -> 47.627 -> 47.63.
    expect(result.accepted.map((r) => [r.rowNumber, r.fields.givenName, r.fields.grade, r.fields.sex, r.fields.eventFocus, r.fields.groupId, r.newGroup, r.fields.bodyMassKg])).toEqual([
      [2, 'José', 10, 'male', 'distance', distance.id, null, 59.87],
      [3, 'Zoë', 11, 'female', 'middle_distance', null, 'Middle distance', 53.75],
      [4, 'Renée', 9, 'female', 'sprints', sprints.id, null, 47.63],
    ]);
    const { athleteIds, groupIds } = await commit(result);
    expect(athleteIds).toHaveLength(3);
    expect(groupIds).toHaveLength(1);
    const list = await ok('athletes.list', { status: 'active' });
    expect(list.map((a) => `${a.givenName} ${a.familyName}`).sort()).toEqual(['José Núñez', "Renée O'Brien", 'Zoë Françoise']);
    expect((await ok('groups.list', {})).map((g) => [g.name, g.athleteCount])).toEqual([
      ['Distance', 1],
      ['Sprints', 1],
      ['Middle distance', 1],
    ]);
  });

  it('European file: decimal commas read as decimals (54,5 kg = 54.5 kg)', async () => {
    await squadGroups();
    const result = await preview(await readFixture('excel-european-semicolon.csv'));
    expect(result.accepted.map((r) => [r.fields.familyName, r.fields.bodyMassKg])).toEqual([
      ['López', 54.5],
      ['Åberg', 71.25],
      ['Lefèvre', 49],
    ]);
  });

  it('Google Sheets file: full names split at the comma, race goals, notes with their line break folded', async () => {
    const result = await preview(await readFixture('google-sheets.csv'));
    expect(result.accepted.map((r) => [r.fields.givenName, r.fields.familyName, r.fields.raceGoal, r.fields.injuryNotes, r.newGroup])).toEqual([
      ['Ana', 'López', '5k', 'Shin splints, left; easy week', 'Distance'],
      ['Ben', 'Okafor', '200m', '', 'Sprints'],
      ['Cara', 'Nguyen', 'half_marathon', 'Achilles tightness, ice after runs', 'Distance'],
    ]);
    expect(groupsToCreate(result.accepted)).toEqual(['Distance', 'Sprints']);
  });

  it('XLSX: birth year from a date of birth, the formula\'s result as body mass, yes/no as the injured flag', async () => {
    const result = await preview(await readFixture('roster.xlsx'));
    expect(result.accepted.map((r) => [r.fields.givenName, r.fields.birthYear, r.fields.bodyMassKg, r.fields.injured])).toEqual([
      ['Ana', 2009, 54.5, false],
      ['Ben', 2008, 66, true],
      ['Cara', 2010, null, false],
    ]);
  });

  it('the messy file: every refused row listed with its row number and why; blank rows skipped; nothing written until confirmed', async () => {
    await squadGroups();
    await ok('athletes.create', { givenName: 'Gus', familyName: 'Existing' });
    const before = databaseFingerprint(squad.db);
    const table = await readFixture('messy.csv');
    expect(findHeaderRow(table.rows)).toBe(2);
    const result = await preview(table);
    expect(databaseFingerprint(squad.db)).toBe(before);

    // Worked out by hand from the file (rows numbered as a spreadsheet shows them; the
    // headings are on row 3 under a title row and an empty row). A row is refused only when it
    // has no name or is a duplicate; a cell that cannot be used is left blank, said on the row.
    expect(result.accepted.map((r) => [r.rowNumber, `${r.fields.givenName} ${r.fields.familyName}`, r.fields.grade, r.fields.sex, r.fields.bodyMassKg, r.newGroup, r.blanks.map((b) => b.message)])).toEqual([
      [4, 'Ana López', 10, 'female', 54.5, null, []],
      [8, 'Cara Nguyen', 12, 'female', null, 'Throws', ['Body mass “900” must be between 20 and 200 kg: left blank']],
      [10, 'Dev Patel', null, 'male', 70, null, ['Grade “K” is not a grade (write 9, 10th or Sophomore): left blank']],
      [11, 'Eli Brown', 9, 'unspecified', 60, null, ['Gender “Q” is not female, male or not stated (F, M or X): left blank']],
      [12, 'Fay Smith', 10, 'female', 50, 'Hurdlers', []],
      [15, 'Hana Kim', 9, 'female', 48, null, []],
    ]);
    expect(result.rejected).toEqual([
      { rowNumber: 5, name: 'Okafor', reasons: ['No first name'] },
      { rowNumber: 6, name: 'Ben', reasons: ['No last name'] },
      { rowNumber: 9, name: 'ana LÓPEZ', reasons: ['Same name as row 4 (a duplicate in the file)'] },
      { rowNumber: 13, name: 'Gus Existing', reasons: ['Gus Existing is already in the squad'] },
    ]);
    expect(result.counts).toEqual({ added: 6, addedWithBlanks: 3, refused: 4 });
    expect(result.blankRows).toBe(2);
    expect(result.groups.map((g) => [g.name, g.existingId !== null, g.athletes])).toEqual([
      ['Distance', true, 2],
      ['Throws', false, 1],
      ['Sprints', true, 1],
      ['Hurdlers', false, 1],
    ]);
    // The values the coach can map, each once with its rows; and how the others were read.
    expect(result.unrecognised).toEqual([
      { field: 'grade', key: 'k', value: 'K', rowNumbers: [10] },
      { field: 'sex', key: 'q', value: 'Q', rowNumbers: [11] },
    ]);
    expect(result.readings.find((r) => r.value === '10th')).toEqual({ field: 'grade', value: '10th', readAs: 'Grade 10', rows: 1 });
    expect(result.readings.find((r) => r.value === 'Sophomore')).toEqual({ field: 'grade', value: 'Sophomore', readAs: 'Grade 10', rows: 1 });

    // The coach maps "K" to grade 9 and "Q" to not stated in one step each, and "Hurdlers" to an existing group.
    const groups = await ok('groups.list', {});
    const sprintsId = groups.find((g) => g.name === 'Sprints')?.id ?? 0;
    const mapped = await preview(table, 'kg', { groupChoices: { hurdlers: { action: 'existing', groupId: sprintsId } }, valueChoices: { grade: { k: '9' }, sex: { q: 'unspecified' } } });
    expect(mapped.accepted.find((r) => r.rowNumber === 10)).toMatchObject({ fields: { grade: 9 }, blanks: [] });
    expect(mapped.accepted.find((r) => r.rowNumber === 11)).toMatchObject({ fields: { sex: 'unspecified' }, blanks: [] });
    // Still listed (so the coach can change the choice), no longer left blank.
    expect(mapped.unrecognised.map((u) => u.value)).toEqual(['K', 'Q']);
    expect(mapped.counts).toEqual({ added: 6, addedWithBlanks: 1, refused: 4 });
    expect(mapped.accepted.find((r) => r.rowNumber === 12)).toMatchObject({ newGroup: null, fields: { groupId: sprintsId } });
    expect(databaseFingerprint(squad.db)).toBe(before);
    const { athleteIds, groupIds } = await commit(mapped);
    expect(groupIds).toHaveLength(1); // Throws
    expect((await ok('athletes.list', { status: 'active' })).length).toBe(7);

    // Undo takes the import back exactly.
    await ok('imports.undoRoster', { athleteIds, groupIds });
    expect(databaseFingerprint(squad.db)).toBe(before);
  });

  for (const [file, encoding, separator] of [
    ['events-unicode-text.txt', 'utf-16', 'tab'],
    ['events-european.csv', 'windows-1252', 'semicolon'],
  ] as const) {
    it(`events as coaches write them (${file}: ${encoding}, ${separator}): read, said how, the rest left blank to map`, async () => {
      const table = await readFixture(file);
      expect(table).toMatchObject({ encoding, separator, warnings: [] });
      const result = await preview(table);
      // Worked out by hand: Jr = grade 11, Sr = 12, Fr = 9; 800/1600 are both middle distance;
      // 100, 200, LJ: the first (sprints); masses in lb from the heading: 132 lb = 59.87 kg,
      // 105 = 47.63, 210 = 95.25, 98 = 44.45, 150 = 68.04 (lb / 2.20462262).
      expect(result.accepted.map((r) => [r.rowNumber, r.fields.familyName, r.fields.grade, r.fields.sex, r.fields.eventFocus, r.fields.raceGoal, r.fields.bodyMassKg])).toEqual([
        [2, 'Núñez', 11, 'male', 'middle_distance', 'mile', 59.87],
        [3, "O'Brien", 10, 'female', 'sprints', '200m', 47.63],
        [4, 'Åberg', 12, 'male', 'throws', null, 95.25],
        [5, 'Lefèvre', 9, 'female', 'distance', '5k', 44.45],
        [6, 'Kim', 9, 'female', 'middle_distance', 'mile', null],
        [7, 'Patel', null, 'male', null, null, 68.04],
      ]);
      expect(result.counts).toEqual({ added: 6, addedWithBlanks: 1, refused: 0 });
      expect(result.unrecognised.map((u) => [u.field, u.value, u.rowNumbers])).toEqual([
        ['grade', 'K', [7]],
        ['eventFocus', 'Race walk', [7]],
        ['raceGoal', 'ultra', [7]],
      ]);
      const readAs = Object.fromEntries(result.readings.filter((r) => r.field === 'eventFocus' || r.field === 'raceGoal').map((r) => [r.value, r.readAs]));
      expect(readAs).toEqual({
        '800/1600': 'Middle distance',
        '1600 m': 'Mile',
        '100, 200, LJ': 'Sprints (the first of Sprints, Hurdles / jumps)',
        'SP/DT': 'Throws',
        XC: 'Distance',
        '5 km': '5K',
        'mid-d': 'Middle distance',
      });
    });
  }

  it('in lb, a body mass out of range is told in lb, and left blank', async () => {
    const table = { rows: [['First', 'Last', 'Weight'], ['Big', 'Lift', '900']] };
    const result = await preview(table as TableFile, 'lb');
    // 20 kg = 44.09 lb (up to 45); 200 kg = 440.9 lb (down to 440).
    expect(result.rejected).toEqual([]);
    expect(result.accepted[0]).toMatchObject({ rowNumber: 2, fields: { bodyMassKg: null }, blanks: [{ field: 'bodyMass', value: '900', message: 'Body mass “900” must be between 45 and 440 lb: left blank' }] });
  });

  it('all or nothing: if the squad changed since the preview, the whole import is refused', async () => {
    await squadGroups();
    const result = await preview(await readFixture('excel-european-semicolon.csv'));
    // Someone adds Björn Åberg by hand before the coach confirms.
    await ok('athletes.create', { givenName: 'Björn', familyName: 'Åberg' });
    const error = await refused('imports.roster', { athletes: athletesToImport(result.accepted), newGroups: [] });
    expect(error.message).toMatch(/^Row 3 \(Björn Åberg\) is already in the squad\. Nothing was imported/);
    expect((await ok('athletes.list', { status: 'all' })).length).toBe(1);
  });

  it('refuses rows that the form would refuse, even if a page sent them', async () => {
    const error = await refused('imports.roster', { athletes: [{ rowNumber: 2, fields: { givenName: 'A', familyName: 'B', bodyMassKg: 900 }, newGroup: null }], newGroups: [] });
    expect(error.code).toBe('invalid_input');
    expect(error.fields?.['athletes.0.fields.bodyMassKg']).toBe('Body mass must be between 20 and 200 kg');
    expect((await refused('imports.roster', { athletes: [{ rowNumber: 2, fields: { givenName: 'A', familyName: 'B' }, newGroup: 'Ghosts' }], newGroups: [] })).message).toMatch(/not in the list of groups to create/);
    expect((await refused('imports.roster', { athletes: [{ rowNumber: 2, fields: { givenName: 'A', familyName: 'B', groupId: 999 }, newGroup: null }], newGroups: [] })).code).toBe('not_found');
  });
});

/**
 * Exports on a real squad file, through the dispatcher: the workbook and the CSV files read back
 * by exceljs and papaparse, the calendar file read back by ical.js (an independent parser), the
 * choices checked with clear refusals, the save dialog respected, progress and stop, and a
 * consistent snapshot while the coach keeps editing.
 *
 * The squad (small enough to count by hand): Distance (Ana López, Ben Okafor, Zoë O"Brien, Jr.)
 * and Sprints (Cara Nguyen, Dan Archer archived). One block for Distance from Mon 7 Sep 2026,
 * 4 weeks, deload in week 4 (DOMAIN.md's foundational week: Mon A + easy 30, Tue intervals 50,
 * Wed easy 40, Thu B + easy 30, Fri rest, Sat long 75, Sun rest; C only from week 5, so never).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApiContext, type ApiContext } from '@main/api/context';
import { dispatch } from '@main/api/dispatch';
import { ATHLETE_DAY_COUNT_SQL, ATHLETE_DAY_RANGE_SQL, ATHLETE_DOING_SQL } from '@main/db/repositories/athleteDays';
import { DATED_SPAN_SQL } from '@main/db/repositories/exportSpan';
import { LOG_RANGE_SQL } from '@main/db/repositories/trainingLogRanges';
import type { FileDialogs } from '@main/files/dialogs';
import { calendarText } from '@main/services/exports/calendarFile';
import { loadGeneratedSquad } from '@main/services/sample/squad';
import type { MethodInput, MethodResult } from '@shared/contract';
import { queryPlan } from '../support/calls';
import { parseCsv, parseIcs, readWorkbook, savedPath, sheetRecords, unzip } from '../support/exportFiles';
import { planApi } from '../support/planSquad';
import { databaseFingerprint, openTempSquad, type TempSquad } from '../support/tempSquad';

let squad: TempSquad;
let clock = new Date('2026-09-07T06:00:00Z');
beforeEach(async () => {
  clock = new Date('2026-09-07T06:00:00Z');
  squad = await openTempSquad({ now: () => clock });
});
afterEach(() => squad.close());

const { ok, refused, smallSquad, foundationalBlock, exerciseId } = planApi(() => squad);

const BLOCK = { from: '2026-09-07', to: '2026-10-04' };

async function buildSquad(unit: 'kg' | 'lb' = 'kg') {
  await ok('settings.update', {
    squadName: 'Riverside XC',
    seasonStart: '2026-08-03',
    seasonEnd: '2027-06-27',
    unit,
    plateIncrement: unit === 'kg' ? 2.5 : 5,
    barWeight: unit === 'kg' ? 20 : 45,
    dumbbellStep: unit === 'kg' ? 2 : 5,
    firstDayOfWeek: 1,
  });
  const ids = await smallSquad();
  const zoe = await ok('athletes.create', {
    givenName: 'Zoë',
    familyName: 'O"Brien, Jr.',
    groupId: ids.distance,
    bodyMassKg: 54.5,
    injured: true,
    injuryNotes: 'Sore hamstring, "tight" after hills',
  });
  const dan = await ok('athletes.create', { givenName: 'Dan', familyName: 'Archer', groupId: ids.sprints });
  await ok('athletes.archive', { ids: [dan.id] });
  await ok('blocks.create', await foundationalBlock({ groupIds: [ids.distance] }));
  await ok('events.create', { date: '2026-09-26', kind: 'race', name: 'County XC', groupId: ids.distance });
  await ok('events.create', { date: '2026-10-01', kind: 'test_day', name: 'End of block 1' });
  return { ...ids, zoe: zoe.id, dan: dan.id };
}

async function exportTables(input: Partial<MethodInput<'exports.create'>> & Pick<MethodInput<'exports.create'>, 'format' | 'tables'>, ctx: ApiContext = squad.ctx) {
  const response = await dispatch(ctx, 'exports.create', { jobId: 'test-export-1', ...BLOCK, ...input });
  if (!response.ok) throw new Error(response.error.message);
  return response.value as MethodResult<'exports.create'>;
}

async function calendarFile(input: MethodInput<'exports.calendar'>) {
  const result = await ok('exports.calendar', input);
  return { result, ...parseIcs(fs.readFileSync(savedPath(squad.ctx, result.file), 'utf8')) };
}

const ALL_TABLES = ['athletes', 'blocks', 'day_plan', 'events', 'training_sessions', 'training_sets', 'runs', 'wellness', 'test_sessions', 'test_results'];

describe('the tables an export can hold', () => {
  it('lists every table with the choices that apply to it', async () => {
    const { tables } = await ok('exports.options', {});
    expect(tables.map((t) => t.key)).toEqual(ALL_TABLES);
    expect(tables.find((t) => t.key === 'athletes')).toMatchObject({ label: 'Athletes', usesDateRange: false, usesGroups: true, usesArchived: true });
    expect(tables.find((t) => t.key === 'day_plan')).toMatchObject({ label: 'Day-by-day plan', usesDateRange: true, usesGroups: true, usesArchived: false });
  });
});

describe('the XLSX workbook', () => {
  it('has a sheet per table: bold frozen headers, real dates, numbers as numbers, masses in the squad unit', async () => {
    await buildSquad('lb');
    const result = await exportTables({ format: 'xlsx', tables: ALL_TABLES, includeArchived: true });
    expect(result.file).toMatchObject({ outcome: 'download', fileName: 'Riverside XC export 2026-09-07.xlsx' });
    const workbook = await readWorkbook(savedPath(squad.ctx, result.file));
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Athletes', 'Blocks', 'Day-by-day plan', 'Test days and races', 'Strength sessions', 'Sets', 'Runs', 'Wellness', 'Test sessions', 'Test results']);

    const athletes = workbook.getWorksheet('Athletes');
    if (!athletes) throw new Error('no Athletes sheet');
    expect(athletes.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(athletes.getRow(1).font).toMatchObject({ bold: true });
    const header = (athletes.getRow(1).values as unknown[]).slice(1);
    expect(header).toContain('Body mass (lb)');
    expect(header).not.toContain('Body mass (kg)');
    // 5 athletes, archived Dan included; Distance (created first) before Sprints, family names in order.
    const records = sheetRecords(athletes);
    expect(records.map((r) => `${r['Given name']} ${r['Family name']}`)).toEqual(['Ana López', 'Zoë O"Brien, Jr.', 'Ben Okafor', 'Dan Archer', 'Cara Nguyen']);
    const zoe = records.find((r) => r['Given name'] === 'Zoë');
    // 54.5 kg × 2.2046226 lb/kg = 120.1519 lb, kept exact in the cell, shown with one decimal.
    expect(zoe?.['Body mass (lb)']).toBeCloseTo(120.1519, 3);
    const massCell = athletes.getRow(records.indexOf(zoe as never) + 2).getCell(header.indexOf('Body mass (lb)') + 1);
    expect(massCell.type).toBe(2); // ExcelJS.ValueType.Number
    expect(massCell.numFmt).toBe('0.0');
    expect(zoe?.['Injury notes']).toBe('Sore hamstring, "tight" after hills');
    expect(zoe?.['Injured / modified']).toBe('Yes');
    expect(records.find((r) => r['Given name'] === 'Dan')?.Status).toBe('Archived');
    expect(records.find((r) => r['Given name'] === 'Dan')?.['Archived on']).toEqual(new Date(Date.UTC(2026, 8, 7)));

    const blocks = sheetRecords(workbook.getWorksheet('Blocks') as never);
    expect(blocks).toHaveLength(1);
    expect(blocks[0]).toMatchObject({ Block: 'Foundational 1', Phase: 'Foundational strength', Weeks: 4, 'Deload week': 4, Groups: 'Distance' });
    expect(blocks[0]?.Start).toEqual(new Date(Date.UTC(2026, 8, 7)));
    expect(blocks[0]?.End).toEqual(new Date(Date.UTC(2026, 9, 4)));
    expect(blocks[0]?.['Weekly progression (%)']).toBeCloseTo(2.5, 9);
    // The rhythm in the squad's week order, Monday first.
    const blockHeader = (workbook.getWorksheet('Blocks')?.getRow(1).values as unknown[]).slice(1);
    expect(blockHeader.slice(12, 19)).toEqual(['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']);
    expect(blocks[0]?.Monday).toBe('Foundational A posterior chain + Easy run 30 min, RPE 3');
    expect(blocks[0]?.Sunday).toBe('Foundational C single-leg power (from week 5) + Rest');

    // 3 active Distance athletes x 28 block days; Cara (no block) and Dan (archived) have none.
    const plan = sheetRecords(workbook.getWorksheet('Day-by-day plan') as never);
    expect(plan).toHaveLength(3 * 28);
    const anaMonday = plan.find((r) => r.Athlete === 'Ana López' && (r.Date as Date).getTime() === Date.UTC(2026, 8, 7));
    expect(anaMonday).toMatchObject({ Weekday: 'Monday', Group: 'Distance', Block: 'Foundational 1', Week: 1, Deload: 'No', 'Strength session': 'Foundational A posterior chain', Run: 'Easy run', 'Run minutes': 30, 'Run RPE': 3 });
    const deloadDay = plan.find((r) => r.Athlete === 'Ben Okafor' && (r.Date as Date).getTime() === Date.UTC(2026, 8, 28));
    expect(deloadDay).toMatchObject({ Week: 4, Deload: 'Yes' });

    const events = sheetRecords(workbook.getWorksheet('Test days and races') as never);
    expect(events.map((e) => [e.Kind, e.Name, e.For])).toEqual([
      ['Race', 'County XC', 'Distance'],
      ['Test day', 'End of block 1', 'Whole squad'],
    ]);
  });

  it('shows kg in a kg squad, and only the chosen groups, without archived athletes unless asked', async () => {
    await buildSquad('kg');
    const groups = await ok('groups.list', {});
    const sprints = groups.find((g) => g.name === 'Sprints')?.id ?? 0;
    const result = await exportTables({ format: 'xlsx', tables: ['athletes', 'day_plan', 'events'], groups: [sprints] });
    const workbook = await readWorkbook(savedPath(squad.ctx, result.file));
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Athletes', 'Day-by-day plan', 'Test days and races']);
    const athletes = sheetRecords(workbook.getWorksheet('Athletes') as never);
    expect(athletes.map((r) => r['Given name'])).toEqual(['Cara']);
    expect((workbook.getWorksheet('Athletes')?.getRow(1).values as unknown[]).slice(1)).toContain('Body mass (kg)');
    // Sprints have no block: an empty sheet with its header, not a missing one.
    expect(sheetRecords(workbook.getWorksheet('Day-by-day plan') as never)).toEqual([]);
    // The Distance race is not the Sprints'; the squad's test day is.
    expect(sheetRecords(workbook.getWorksheet('Test days and races') as never).map((e) => e.Name)).toEqual(['End of block 1']);
    expect(result.tables).toEqual([
      { label: 'Athletes', rows: 1 },
      { label: 'Day-by-day plan', rows: 0 },
      { label: 'Test days and races', rows: 1 },
    ]);
  });

  it("writes an athlete's own changes, swaps and note into the day-by-day plan", async () => {
    const ids = await buildSquad();
    await ok('changes.apply', { athleteIds: [ids.ana], from: '2026-09-10', to: '2026-09-10', action: { kind: 'skipStrength' } });
    await ok('changes.apply', { athleteIds: [ids.ana], from: '2026-09-10', to: '2026-09-10', action: { kind: 'note', note: 'Dentist, "late" start' } });
    await ok('changes.apply', { athleteIds: [ids.ben], from: '2026-09-08', to: '2026-09-08', action: { kind: 'setRun', run: { type: 'easy', minutes: 20, rpe: 2 } } });
    // Zoë swaps session A's first exercise for its regression for two weeks.
    const sessionA = (await ok('templates.list', {})).find((t) => t.code === 'foundational_a');
    const exercises = await ok('exercises.list', { includeHidden: true });
    const swapped = exercises.find((e) => e.id === sessionA?.prescriptions[0]?.exerciseId);
    const regression = exercises.find((e) => e.id === swapped?.regressionId);
    if (!swapped || !regression) throw new Error('session A starts with an exercise that has a regression');
    await ok('swaps.create', { swaps: [{ athleteId: ids.zoe, exerciseId: swapped.id, replacementId: regression.id, fromDate: '2026-09-07', toDate: '2026-09-20', reason: 'injury' }] });
    const result = await exportTables({ format: 'xlsx', tables: ['day_plan'] });
    const plan = sheetRecords((await readWorkbook(savedPath(squad.ctx, result.file))).getWorksheet('Day-by-day plan') as never);
    const on = (name: string, day: number) => plan.find((r) => r.Athlete === name && (r.Date as Date).getTime() === Date.UTC(2026, 8, day));
    // (A workbook stores no empty text: empty cells read back as null.)
    expect(on('Ana López', 10)).toMatchObject({
      'Strength session': null,
      'Own changes': 'Session skipped (planned: Foundational B core & hip stability)',
      Note: 'Dentist, "late" start',
    });
    expect(on('Ben Okafor', 8)).toMatchObject({ Run: 'Easy run', 'Run minutes': 20, 'Run RPE': 2, 'Own changes': 'Run changed (planned: Intervals 50 min, RPE 8)' });
    expect(on('Zoë O"Brien, Jr.', 7)?.['Exercise swaps']).toBe(`${swapped.name} → ${regression.name}`);
    expect(on('Zoë O"Brien, Jr.', 8)?.['Exercise swaps']).toBeNull(); // no session A on Tuesday
    expect(on('Zoë O"Brien, Jr.', 21)?.['Exercise swaps']).toBeNull(); // the swap has ended
  });

  it('exports test sessions and every result with its trials, as the comparison does', async () => {
    squad.close();
    squad = await openTempSquad({ now: () => clock });
    loadGeneratedSquad(squad.db, { seed: 7, size: 'sample' }, clock);
    const sessions = (await ok('retests.listSessions', {})).sort((x, y) => x.date.localeCompare(y.date));
    const first = sessions[0]?.date ?? '';
    const last = sessions.at(-1)?.date ?? '';
    const result = await exportTables({ format: 'xlsx', tables: ['test_sessions', 'test_results'], from: first, to: last, includeArchived: true });
    const workbook = await readWorkbook(savedPath(squad.ctx, result.file));
    const sessionRows = sheetRecords(workbook.getWorksheet('Test sessions') as never);
    expect(sessionRows.map((r) => r.Session)).toEqual(sessions.map((s) => s.label));
    const results = sheetRecords(workbook.getWorksheet('Test results') as never);
    // The newest session's rows match the comparison of that session, cell for cell where it counts.
    const newest = sessions.at(-1);
    const comparison = await ok('retests.compare', { sessionId: newest?.id ?? 0 });
    const cmj = comparison.columns.find((c) => c.label.startsWith('CMJ') || c.label.startsWith('Countermovement'));
    const someone = comparison.rows.find((r) => cmj && r.cells[cmj.key]?.score != null);
    if (!cmj || !someone) throw new Error('the sample has no CMJ score');
    const row = results.find((r) => r.Session === newest?.label && r.Athlete === `${someone.athlete.givenName} ${someone.athlete.familyName}` && r.Test === 'Countermovement jump');
    expect(row?.Score).toBeCloseTo(someone.cells[cmj.key]?.score ?? Number.NaN, 9);
    expect(row?.['Session date']).toEqual(new Date(`${newest?.date}T00:00:00Z`));
    // The score is the best of the trials (CMJ's rule), and the trials are there.
    const trials = [row?.['Trial 1'], row?.['Trial 2'], row?.['Trial 3']].filter((t): t is number => typeof t === 'number');
    expect(trials.length).toBeGreaterThan(0);
    expect(Math.max(...trials)).toBeCloseTo(row?.Score as number, 9);
  });
});

describe('the training logs', () => {
  it('exports strength sessions, sets, runs and wellness checks as keyed back, in the squad unit, archived athletes when asked', async () => {
    const ids = await buildSquad('lb');
    const trapBar = await exerciseId('trap_bar_deadlift');
    clock = new Date('2026-09-10T06:00:00Z'); // results are logged on the day or after
    const template = (await ok('sheets.day', { date: '2026-09-07', athleteIds: [ids.ben] })).sheets[0]?.session?.templateId ?? null;
    // Ben, Monday 7 Sep: the A session (3 x 6 at 60 kg, RPE 6 for 50 min) and an easy 32 min run
    // at RPE 3; half a wellness check. Ana, Tuesday: intervals missed; a full wellness check.
    await ok('results.save', {
      athleteId: ids.ben,
      date: '2026-09-07',
      strength: {
        templateId: template,
        status: 'done',
        sessionRpe: 6,
        minutes: 50,
        note: 'felt strong',
        sets: [1, 2, 3].map((setNumber) => ({ position: 1, setNumber, exerciseId: trapBar, reps: 6, loadKg: 60, seconds: null, metres: null, contacts: null, plannedDose: 6, plannedLoadKg: 60, repsInReserve: 2 })),
      },
      run: { runType: 'easy', status: 'done', minutes: 32, sessionRpe: 3, note: '' },
      wellness: { fatigue: null, sleepQuality: 4, muscleSoreness: 3, stress: null, mood: null, hamstringTight: false },
    });
    await ok('results.save', {
      athleteId: ids.ana,
      date: '2026-09-08',
      strength: null,
      run: { runType: 'intervals', status: 'missed', minutes: null, sessionRpe: null, note: 'sick' },
      wellness: { fatigue: 2, sleepQuality: 3, muscleSoreness: 4, stress: 3, mood: 5, hamstringTight: true },
    });
    const result = await exportTables({ format: 'xlsx', tables: ['training_sessions', 'training_sets', 'runs', 'wellness'], includeArchived: true });
    const workbook = await readWorkbook(savedPath(squad.ctx, result.file));

    const sessions = sheetRecords(workbook.getWorksheet('Strength sessions') as never);
    expect(sessions).toHaveLength(1);
    // Session load = RPE x minutes = 6 x 50 = 300.
    expect(sessions[0]).toMatchObject({ Athlete: 'Ben Okafor', Group: 'Distance', Status: 'Done', 'Session RPE (0-10)': 6, Minutes: 50, 'Session load (RPE x min)': 300, 'Sets logged': 3, Note: 'felt strong' });
    expect(sessions[0]?.Date).toEqual(new Date(Date.UTC(2026, 8, 7)));

    const sets = sheetRecords(workbook.getWorksheet('Sets') as never);
    expect(sets.map((r) => r.Set)).toEqual([1, 2, 3]);
    // 60 kg x 2.2046226 = 132.277 lb, in the squad's unit with the unit in the header.
    expect(sets[0]?.['Load (lb)']).toBeCloseTo(132.277, 2);
    expect(sets[0]).toMatchObject({ Exercise: 'Trap bar deadlift', Reps: 6, 'Asked for (dose)': 6, 'Reps in reserve meant': 2 });

    const runs = sheetRecords(workbook.getWorksheet('Runs') as never);
    // Ana (Distance, family name López) comes before Ben (Okafor) in the export's athlete order.
    expect(runs.map((r) => [r.Athlete, r.Run, r.Status, r['Session load (RPE x min)'] ?? null])).toEqual([
      ['Ana López', 'Intervals', 'Missed', null],
      ['Ben Okafor', 'Easy run', 'Done', 96], // 3 x 32
    ]);

    const wellness = sheetRecords(workbook.getWorksheet('Wellness') as never);
    // Ana: 2 + 3 + 4 + 3 + 5 = 17; Ben answered two items, so no total.
    expect(wellness.map((r) => [r.Athlete, r['Total (5-25, 25 best)'] ?? null, r['Hamstring tightness']])).toEqual([
      ['Ana López', 17, 'Yes'],
      ['Ben Okafor', null, 'No'],
    ]);

    // Ben archived: his logs stay out unless archived athletes are asked for.
    await ok('athletes.archive', { ids: [ids.ben] });
    const active = await exportTables({ format: 'csv', tables: ['runs'], includeArchived: false });
    expect(parseCsv(fs.readFileSync(savedPath(squad.ctx, active.file))).rows.map((r) => r.Athlete)).toEqual(['Ana López']);
  });
});

describe('CSV files', () => {
  it('one table: a single UTF-8 .csv with a byte-order mark; accents, commas and quotes survive', async () => {
    await buildSquad('lb');
    const result = await exportTables({ format: 'csv', tables: ['athletes'], includeArchived: true });
    expect(result.file).toMatchObject({ outcome: 'download', fileName: 'Riverside XC export 2026-09-07 athletes.csv' });
    const bytes = fs.readFileSync(savedPath(squad.ctx, result.file));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = parseCsv(bytes);
    expect(csv.hasBom).toBe(true);
    expect(csv.headers).toContain('Body mass (lb)');
    const zoe = csv.rows.find((r) => r['Given name'] === 'Zoë');
    expect(zoe).toMatchObject({ 'Family name': 'O"Brien, Jr.', 'Injury notes': 'Sore hamstring, "tight" after hills', 'Body mass (lb)': '120.2', Group: 'Distance' });
    expect(csv.rows.find((r) => r['Family name'] === 'López')?.['Given name']).toBe('Ana');
  });

  it('several tables: one .csv per table in a .zip, dates as YYYY-MM-DD, numbers rounded to their decimals', async () => {
    const ids = await buildSquad();
    await ok('changes.apply', { athleteIds: [ids.ana], from: '2026-09-10', to: '2026-09-10', action: { kind: 'note', note: '=cmd|calc, "quoted"' } });
    const result = await exportTables({ format: 'csv', tables: ['athletes', 'blocks', 'day_plan', 'events'] });
    expect(result.file).toMatchObject({ fileName: 'Riverside XC export 2026-09-07 CSV.zip' });
    const files = unzip(savedPath(squad.ctx, result.file));
    expect(Object.keys(files).sort()).toEqual(['athletes.csv', 'blocks.csv', 'day-by-day-plan.csv', 'test-days-and-races.csv']);
    for (const bytes of Object.values(files)) expect(parseCsv(bytes).hasBom).toBe(true);
    const blocks = parseCsv(files['blocks.csv'] as Uint8Array);
    expect(blocks.rows[0]).toMatchObject({ Start: '2026-09-07', End: '2026-10-04', 'Weekly progression (%)': '2.5', 'Deload: sets cut (%)': '50' });
    const plan = parseCsv(files['day-by-day-plan.csv'] as Uint8Array);
    expect(plan.rows).toHaveLength(3 * 28);
    // A note that looks like a formula is written so that no spreadsheet runs it.
    expect(plan.rows.find((r) => r.Athlete === 'Ana López' && r.Date === '2026-09-10')?.Note).toBe(`'=cmd|calc, "quoted"`);
  });
});

describe('the choices are checked before anything happens', () => {
  it('refuses bad date ranges, unknown groups and tables with a clear message, and changes nothing', async () => {
    await buildSquad();
    const base = { jobId: 'check-1234', format: 'xlsx', tables: ['athletes'], ...BLOCK };
    expect((await refused('exports.create', { ...base, from: '2026-10-04', to: '2026-09-07' })).fields).toEqual({ to: 'The last day must not be before the first' });
    expect((await refused('exports.create', { ...base, from: '2020-01-01', to: '2026-09-07' })).fields).toEqual({ to: 'At most five years at once: choose a shorter range' });
    expect((await refused('exports.create', { ...base, to: '2026-02-30' })).fields).toEqual({ to: 'Enter a real date as YYYY-MM-DD' });
    expect((await refused('exports.create', { ...base, tables: [] })).fields).toEqual({ tables: 'Choose at least one thing to export' });
    expect((await refused('exports.create', { ...base, format: 'pdf' })).fields).toEqual({ format: 'Choose an Excel workbook (.xlsx) or CSV files' });
    const unknownGroup = await refused('exports.create', { ...base, groups: [999] });
    expect(unknownGroup).toMatchObject({ code: 'not_found', message: 'There is no group with record number 999 (it may have been deleted). Choose groups from the list.', fields: { groups: 'Choose groups from the list' } });
    expect((await refused('exports.create', { ...base, tables: ['training_logs'] })).message).toBe('Backchain has nothing called "training_logs" to export. Choose from the list.');
    expect((await refused('exports.calendar', { subject: { kind: 'group', groupId: 999 }, ...BLOCK })).fields).toEqual({ 'subject.groupId': 'Choose a group from the list' });
    expect((await refused('exports.calendar', { subject: { kind: 'athlete', athleteId: 1 }, from: '2026-09-08', to: '2026-09-07' })).fields).toEqual({ to: 'The last day must not be before the first' });
    // Nothing was left waiting to be downloaded.
    expect(fs.existsSync(squad.ctx.transfers.dir) ? fs.readdirSync(squad.ctx.transfers.dir) : []).toEqual([]);
  });

  it('refuses an archived athlete and an empty range for a calendar, saying why', async () => {
    const ids = await buildSquad();
    expect((await refused('exports.calendar', { subject: { kind: 'athlete', athleteId: ids.dan }, ...BLOCK })).message).toBe(
      'Dan Archer is archived, so the calendar no longer plans their days. Restore them on the Roster first.',
    );
    expect((await refused('exports.calendar', { subject: { kind: 'athlete', athleteId: ids.cara }, from: '2026-09-07', to: '2026-09-20' })).message).toBe(
      'Nothing is planned for Cara Nguyen from Mon 7 Sep 2026 to Sun 20 Sep 2026: no strength sessions, runs, test days or races. Choose other dates, or plan some first.',
    );
  });
});

describe('the desktop save dialog', () => {
  function desktop(answer: string | null) {
    const asked: { title: string; defaultName: string; extensions: string[] }[] = [];
    const dialogs: FileDialogs = {
      chooseSaveFile: async ({ title, defaultName, filters }) => {
        asked.push({ title, defaultName, extensions: filters.flatMap((f) => f.extensions) });
        return answer;
      },
      chooseOpenFile: async () => null,
    };
    const ctx = createApiContext({ db: squad.db, status: { ...squad.ctx.status, mode: 'desktop' }, now: () => clock, dialogs });
    return { ctx, asked };
  }

  it('cancelled: nothing is written and the answer says so', async () => {
    await buildSquad();
    const { ctx, asked } = desktop(null);
    const before = databaseFingerprint(squad.db);
    expect(await exportTables({ format: 'xlsx', tables: ['athletes'] }, ctx)).toEqual({ file: { outcome: 'canceled' }, tables: [] });
    expect(asked).toEqual([{ title: 'Export the squad', defaultName: 'Riverside XC export 2026-09-07.xlsx', extensions: ['xlsx'] }]);
    const response = await dispatch(ctx, 'exports.calendar', { subject: { kind: 'group', groupId: (await ok('groups.list', {}))[0]?.id ?? 0 }, ...BLOCK });
    expect(response).toMatchObject({ ok: true, value: { file: { outcome: 'canceled' } } });
    expect(asked[1]).toEqual({ title: 'Save the calendar file', defaultName: 'Riverside XC - Distance.ics', extensions: ['ics'] });
    expect(databaseFingerprint(squad.db)).toBe(before);
  });

  it('saved where the coach chose (the extension added when left out), with no temporary file left', async () => {
    await buildSquad();
    const target = path.join(squad.dir, 'exports', 'season');
    fs.mkdirSync(path.dirname(target));
    const { ctx } = desktop(target);
    const result = await exportTables({ format: 'csv', tables: ['athletes', 'blocks'] }, ctx);
    expect(result.file).toMatchObject({ outcome: 'saved', path: `${target}.zip` });
    expect(fs.readdirSync(path.dirname(target))).toEqual(['season.zip']);
    expect(Object.keys(unzip(`${target}.zip`)).sort()).toEqual(['athletes.csv', 'blocks.csv']);
  });
});

describe('a long export', () => {
  async function sampleSquad() {
    squad.close();
    squad = await openTempSquad({ now: () => clock });
    loadGeneratedSquad(squad.db, { seed: 3, size: 'sample' }, clock);
  }
  const whilePending = async (done: () => boolean, step: () => Promise<void> | void) => {
    for (let i = 0; i < 10_000 && !done(); i += 1) {
      await step();
      await new Promise((resolve) => setImmediate(resolve));
    }
  };

  it('reports progress, can be stopped (nothing is left behind), and answers other calls meanwhile', async () => {
    await sampleSquad();
    const input = { jobId: 'long-export-1', format: 'xlsx' as const, tables: ['day_plan'], from: '2026-01-01', to: '2027-12-31' };
    let finished = false;
    const running = dispatch(squad.ctx, 'exports.create', input).finally(() => (finished = true));
    let seen: { stage: string; done: number; total: number } | null = null;
    await whilePending(
      () => finished || seen !== null,
      async () => {
        const progress = await ok('exports.progress', { jobId: input.jobId });
        // Another call is answered while the export runs.
        expect(await ok('athletes.list', { status: 'active' })).toHaveLength(24);
        if (progress && progress.done > 0) {
          seen = progress;
          expect(await ok('exports.cancel', { jobId: input.jobId })).toEqual({ canceled: true });
        }
      },
    );
    expect(finished).toBe(false);
    // Part of the way through the day-by-day plan (the total counted first).
    expect(seen).toMatchObject({ stage: 'Day-by-day plan' });
    expect((seen as { total: number } | null)?.total).toBeGreaterThan((seen as { done: number } | null)?.done ?? Infinity);
    expect(await running).toEqual({ ok: true, value: { file: { outcome: 'canceled' }, tables: [] } });
    expect(await ok('exports.progress', { jobId: input.jobId })).toBeNull();
    expect(await ok('exports.cancel', { jobId: input.jobId })).toEqual({ canceled: false });
    expect(fs.readdirSync(squad.ctx.transfers.dir)).toEqual([]);
  });

  it('writes the squad as it was when it started, while the coach keeps changing the plan', async () => {
    await sampleSquad();
    const input = { jobId: 'snapshot-export-1', format: 'csv' as const, tables: ['day_plan'], from: '2026-01-01', to: '2027-12-31' };
    const athletes = await ok('athletes.list', { status: 'active' });
    const grid = await ok('calendar.grid', { from: '2026-09-07', to: '2026-09-13' });
    let finished = false;
    const running = dispatch(squad.ctx, 'exports.create', input).finally(() => (finished = true));
    let changed = false;
    await whilePending(
      () => finished || changed,
      async () => {
        const progress = await ok('exports.progress', { jobId: input.jobId });
        if (progress && progress.done > 0) {
          // Every athlete gets a note mid-export (the last ones are still to be written).
          await ok('changes.apply', { athleteIds: grid.athleteIds, from: '2026-09-08', to: '2026-09-08', action: { kind: 'note', note: 'Changed during the export' } });
          changed = true;
        }
      },
    );
    expect(changed).toBe(true);
    const response = await running;
    if (!response.ok) throw new Error(response.error.message);
    const csv = parseCsv(fs.readFileSync(savedPath(squad.ctx, (response.value as MethodResult<'exports.create'>).file)));
    expect(csv.rows.filter((r) => r.Note === 'Changed during the export')).toEqual([]);
    expect(new Set(csv.rows.map((r) => r.Athlete)).size).toBe(athletes.length);
  });
});

describe('the calendar file (ICS)', () => {
  it("an athlete's calendar: every session, run, test day and race as an all-day event with clear titles", async () => {
    const ids = await buildSquad();
    const { result, calendarName, events } = await calendarFile({ subject: { kind: 'athlete', athleteId: ids.ana }, ...BLOCK });
    expect(result.file).toMatchObject({ outcome: 'download', fileName: 'Riverside XC - Ana López.ics' });
    expect(calendarName).toBe('Riverside XC · Ana López');
    // 4 weeks: A on Mondays (4) + B on Thursdays (4) = 8 sessions; a run or rest day every day (28);
    // the Distance race and the squad's test day (2).
    const by = (category: string) => events.filter((e) => e.categories.includes(category));
    expect(by('Strength')).toHaveLength(8);
    expect(by('Run')).toHaveLength(28);
    expect(by('Race').map((e) => [e.start, e.summary])).toEqual([['2026-09-26', 'Race: County XC']]);
    expect(by('Test day').map((e) => [e.start, e.summary])).toEqual([['2026-10-01', 'Re-test day: End of block 1']]);
    expect(events).toHaveLength(38);
    expect(result.events).toBe(38);
    for (const e of events) {
      expect(e.allDay).toBe(true);
      // An all-day event ends (exclusively) the next day.
      expect(new Date(`${e.end}T00:00:00Z`).getTime() - new Date(`${e.start}T00:00:00Z`).getTime()).toBe(86_400_000);
    }
    const monday = events.filter((e) => e.start === '2026-09-07');
    expect(monday.map((e) => e.summary)).toEqual(['Strength A: posterior chain', 'Easy run 30 min (RPE 3)']);
    expect(monday[0]?.description).toMatch(/^Foundational A posterior chain: session A, about \d+ min, target RPE [\d.]+\nFoundational 1, week 1 of 4\n\n1\. /);
    expect(events.find((e) => e.start === '2026-09-11')?.summary).toBe('Rest day');
    // Week 4 is the deload.
    expect(events.find((e) => e.start === '2026-09-28' && e.categories.includes('Strength'))?.summary).toBe('Strength A: posterior chain (deload)');
    expect(new Set(events.map((e) => e.uid)).size).toBe(events.length);
  });

  it('keeps its UIDs from one export to the next, and an athlete’s change shows up in the same event', async () => {
    const ids = await buildSquad();
    const first = await calendarFile({ subject: { kind: 'athlete', athleteId: ids.ana }, ...BLOCK });
    clock = new Date('2026-09-09T18:30:00Z');
    // Ana moves Thursday's session B to Friday and gets an easier run on Wednesday.
    await ok('changes.move', { athleteId: ids.ana, from: '2026-09-10', to: '2026-09-11' });
    await ok('changes.apply', { athleteIds: [ids.ana], from: '2026-09-09', to: '2026-09-09', action: { kind: 'setRun', run: { type: 'easy', minutes: 20, rpe: 2 } } });
    const second = await calendarFile({ subject: { kind: 'athlete', athleteId: ids.ana }, ...BLOCK });

    const uid = (events: typeof first.events, date: string, category: string) => events.find((e) => e.start === date && e.categories.includes(category));
    // Unchanged days: the same UID and title; DTSTAMP says when each file was made.
    expect(uid(second.events, '2026-09-07', 'Strength')?.uid).toBe(uid(first.events, '2026-09-07', 'Strength')?.uid);
    expect(first.events[0]?.dtstamp).toBe('2026-09-07T06:00:00Z');
    expect(second.events[0]?.dtstamp).toBe('2026-09-09T18:30:00Z');
    // Wednesday's run: the same event (UID), now 20 minutes, saying what changed.
    const wednesday = uid(second.events, '2026-09-09', 'Run');
    expect(wednesday?.uid).toBe(uid(first.events, '2026-09-09', 'Run')?.uid);
    expect(wednesday?.summary).toBe('Easy run 20 min (RPE 2)');
    expect(wednesday?.description).toContain('Your change: run changed (planned: Easy run 40 min, RPE 3).');
    // Thursday's session is gone from Thursday and is on Friday, saying where it came from.
    expect(uid(second.events, '2026-09-10', 'Strength')).toBeUndefined();
    expect(uid(second.events, '2026-09-11', 'Strength')?.summary).toBe('Strength B: core & hip stability');
    expect(uid(second.events, '2026-09-11', 'Strength')?.description).toContain('Your change: session moved here from Thu 10 Sep 2026.');
    // Every other event kept its UID.
    const firstUids = new Set(first.events.map((e) => e.uid));
    expect(second.events.filter((e) => !firstUids.has(e.uid)).map((e) => e.start)).toEqual(['2026-09-11']);
    expect(first.events.filter((e) => !second.events.some((s) => s.uid === e.uid)).map((e) => e.start)).toEqual(['2026-09-10']);
  });

  it("a group's calendar: the group plan, naming the members whose day differs", async () => {
    const ids = await buildSquad();
    await ok('changes.apply', { athleteIds: [ids.ana], from: '2026-09-10', to: '2026-09-10', action: { kind: 'skipStrength' } });
    const { calendarName, events } = await calendarFile({ subject: { kind: 'group', groupId: ids.distance }, ...BLOCK });
    expect(calendarName).toBe('Riverside XC · Distance');
    // The group plan keeps Thursday's session (8 sessions, 28 runs, 2 events).
    expect(events).toHaveLength(38);
    const thursday = events.find((e) => e.start === '2026-09-10' && e.categories.includes('Strength'));
    expect(thursday?.summary).toBe('Strength B: core & hip stability');
    expect(thursday?.description).toContain('Own plan that day: Ana López (no session)');
    expect(events.find((e) => e.start === '2026-09-17' && e.categories.includes('Strength'))?.description).not.toContain('Own plan');
    // The group's UIDs are its own (an athlete's calendar in the same app never collides with it).
    const athlete = await calendarFile({ subject: { kind: 'athlete', athleteId: ids.ben }, ...BLOCK });
    const athleteUids = new Set(athlete.events.map((e) => e.uid));
    expect(events.some((e) => athleteUids.has(e.uid))).toBe(false);
  });
});

describe('all-day dates', () => {
  it("stay on their day whatever the computer's time zone, on the days clocks change too", () => {
    const before = process.env.TZ;
    // 8 Mar 2026: clocks go forward in the US; 5 Apr 2026: back in New Zealand.
    const days = ['2026-03-08', '2026-04-05', '2026-12-31'];
    try {
      for (const zone of ['America/Los_Angeles', 'Pacific/Auckland', 'UTC']) {
        process.env.TZ = zone;
        const text = calendarText(
          days.map((date) => ({ uid: `run-${date}-athlete-1-1@backchain`, date, title: 'Easy run 30 min (RPE 3)', description: '', category: 'Run' as const })),
          'Riverside XC · Ana López',
          new Date('2026-03-01T12:00:00Z'),
        );
        const events = parseIcs(text).events;
        expect(events.map((e) => [e.start, e.end, e.allDay]), zone).toEqual([
          ['2026-03-08', '2026-03-09', true],
          ['2026-04-05', '2026-04-06', true],
          ['2026-12-31', '2027-01-01', true],
        ]);
      }
    } finally {
      if (before === undefined) delete process.env.TZ;
      else process.env.TZ = before;
    }
  });
});

describe('query plans', () => {
  it("an athlete's days in a range are read from the calendar's athlete index, not a scan", () => {
    for (const sql of [ATHLETE_DAY_RANGE_SQL, ATHLETE_DOING_SQL, ATHLETE_DAY_COUNT_SQL]) {
      const plan = queryPlan(squad, sql);
      expect(plan, sql).toMatch(/SEARCH athlete_day USING (COVERING )?INDEX athlete_day_by_athlete \(athlete_id=\? AND day>\? AND day<\?\)/);
      expect(plan, sql).not.toMatch(/SCAN|TEMP B-TREE/);
    }
  });

  it("the squad's first and last dates come from indexes where there is one", () => {
    for (const sql of [DATED_SPAN_SQL.events, DATED_SPAN_SQL.sessions]) expect(queryPlan(squad, sql).replace("SCAN CONSTANT ROW", ""), sql).not.toMatch(/SCAN/);
    expect(queryPlan(squad, DATED_SPAN_SQL.events)).toMatch(/SEARCH calendar_event USING COVERING INDEX calendar_event_by_date/);
    expect(queryPlan(squad, DATED_SPAN_SQL.sessions)).toMatch(/SEARCH test_session USING COVERING INDEX test_session_by_date/);
    expect(queryPlan(squad, DATED_SPAN_SQL.blocks)).toMatch(/SEARCH block USING COVERING INDEX block_by_dates/);
  });

  it("an athlete's logs in a range come from the logs' (athlete, date) keys; the squad's counts and span from the date indexes", () => {
    expect(queryPlan(squad, LOG_RANGE_SQL.strength)).toMatch(/SEARCH l USING INDEX sqlite_autoindex_strength_log_1 \(athlete_id=\? AND date>\? AND date<\?\)/);
    expect(queryPlan(squad, LOG_RANGE_SQL.sets)).toMatch(/SEARCH s USING PRIMARY KEY \(log_id=\?/);
    expect(queryPlan(squad, LOG_RANGE_SQL.runs)).toMatch(/SEARCH run_log USING INDEX sqlite_autoindex_run_log_1 \(athlete_id=\? AND date>\? AND date<\?\)/);
    expect(queryPlan(squad, LOG_RANGE_SQL.wellness)).toMatch(/SEARCH wellness_entry USING INDEX sqlite_autoindex_wellness_entry_1 \(athlete_id=\? AND date>\? AND date<\?\)/);
    for (const sql of [LOG_RANGE_SQL.strength, LOG_RANGE_SQL.sets, LOG_RANGE_SQL.runs, LOG_RANGE_SQL.wellness]) expect(queryPlan(squad, sql), sql).not.toMatch(/SCAN|TEMP B-TREE/);
    for (const sql of [LOG_RANGE_SQL.countStrength, LOG_RANGE_SQL.countSets, LOG_RANGE_SQL.countRuns, LOG_RANGE_SQL.countWellness]) expect(queryPlan(squad, sql), sql).not.toMatch(/SCAN/);
    for (const sql of [DATED_SPAN_SQL.strengthLogs, DATED_SPAN_SQL.runLogs, DATED_SPAN_SQL.wellness]) expect(queryPlan(squad, sql).replace('SCAN CONSTANT ROW', ''), sql).not.toMatch(/SCAN/);
  });
});

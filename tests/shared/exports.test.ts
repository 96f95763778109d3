/**
 * The pure parts of the exports: columns and their cells (units, decimals, formats), the plan in
 * words (event titles, an athlete's changes), calendar UIDs and descriptions, safe file names.
 */
import { describe, expect, it } from 'vitest';
import { calendarEventUid, calendarSubjectKey, changeParagraph, dayEventUid, description, othersText, sessionExerciseLines } from '@shared/exports/calendarEvents';
import { cellDecimals, columnHeader, csvCell, excelNumberFormat, rowCells, rowDecimals, type ExportColumn } from '@shared/exports/columns';
import { safeFileStem } from '@shared/exports/fileNames';
import { calendarEventTitle, changeSentence, eventAudience, rhythmDayText, runText, runTitle, strengthTitle } from '@shared/exports/planWords';
import type { Prescription } from '@shared/plan/model';

const mass: ExportColumn = { header: 'Body mass', kind: 'mass', decimals: 1 };
const rpe: ExportColumn = { header: 'Run RPE', kind: 'decimal', decimals: 1 };
const week: ExportColumn = { header: 'Week', kind: 'integer' };
const date: ExportColumn = { header: 'Date', kind: 'date' };
const text: ExportColumn = { header: 'Note', kind: 'text' };

describe('columns and cells', () => {
  it('labels masses with the squad unit and converts them (stored in kg)', () => {
    expect(columnHeader(mass, 'kg')).toBe('Body mass (kg)');
    expect(columnHeader(mass, 'lb')).toBe('Body mass (lb)');
    expect(columnHeader(rpe, 'lb')).toBe('Run RPE');
    // 54.5 kg x 2.2046226 lb/kg = 120.15193 lb, one decimal in a CSV: 120.2.
    expect(csvCell(54.5, mass, 'lb')).toBe(120.2);
    expect(csvCell(54.5, mass, 'kg')).toBe(54.5);
    expect(csvCell(null, mass, 'lb')).toBeNull();
  });

  it('rounds numbers for a CSV to their decimals (the row may say otherwise), leaves text and dates alone', () => {
    // 0.025 x 100 in floating point is 2.5000000000000004.
    expect(csvCell(0.025 * 100, rpe, 'kg')).toBe(2.5);
    expect(csvCell(1.23456, { header: 'Score', kind: 'decimal' }, 'kg', 2)).toBe(1.23);
    expect(csvCell(3, week, 'kg')).toBe(3);
    expect(csvCell('2026-09-07', date, 'kg')).toBe('2026-09-07');
    expect(csvCell('=1+1', text, 'kg')).toBe('=1+1');
  });

  it('gives the workbook a number format per kind', () => {
    expect(excelNumberFormat(date)).toBe('yyyy-mm-dd');
    expect(excelNumberFormat(mass)).toBe('0.0');
    expect(excelNumberFormat(week)).toBe('0');
    expect(excelNumberFormat(text)).toBeNull();
    expect(excelNumberFormat({ header: 'Score', kind: 'decimal' })).toBeNull();
    expect(excelNumberFormat({ header: 'Score', kind: 'decimal' }, 2)).toBe('0.00');
    expect(cellDecimals(rpe, 0)).toBe(0);
  });

  it('reads a row given alone or with its decimals', () => {
    expect(rowCells(['a', 1])).toEqual(['a', 1]);
    expect(rowDecimals(['a', 1])).toBeNull();
    expect(rowCells({ cells: ['a', 1], decimals: [null, 2] })).toEqual(['a', 1]);
    expect(rowDecimals({ cells: ['a', 1], decimals: [null, 2] })).toEqual([null, 2]);
  });
});

describe('the plan in words', () => {
  it('titles sessions, runs, test days and races for a calendar app', () => {
    expect(strengthTitle({ name: 'Foundational A posterior chain', sessionType: 'A' }, false)).toBe('Strength A: posterior chain');
    expect(strengthTitle({ name: 'Foundational B', sessionType: 'B' }, true)).toBe('Strength B: core & hip stability (deload)');
    expect(strengthTitle({ name: 'Hill circuit', sessionType: 'custom' }, false)).toBe('Strength: Hill circuit');
    expect(runTitle({ type: 'easy', minutes: 40, rpe: 3 })).toBe('Easy run 40 min (RPE 3)');
    expect(runTitle({ type: 'intervals', minutes: 50, rpe: 8 })).toBe('Intervals 50 min (RPE 8)');
    expect(runTitle({ type: 'rest', minutes: 0, rpe: 0 })).toBe('Rest day');
    expect(runText({ type: 'long', minutes: 75, rpe: 5 })).toBe('Long run 75 min, RPE 5');
    expect(calendarEventTitle('race', 'County XC')).toBe('Race: County XC');
    expect(calendarEventTitle('test_day', 'End of block 2')).toBe('Re-test day: End of block 2');
    expect(calendarEventTitle('test_day', 'Block re-test')).toBe('Block re-test');
  });

  it("describes an athlete's own change against the group plan", () => {
    const names = (id: number) => ({ 1: 'Foundational A', 2: 'Foundational B' })[id] ?? '?';
    const planned = { templateId: 2, run: { type: 'easy' as const, minutes: 30, rpe: 3 } };
    const none = { strength: null, run: null, deload: null, note: '' };
    expect(changeSentence({ ...none, strength: { kind: 'skip' } }, planned, names)).toBe('Session skipped (planned: Foundational B)');
    expect(changeSentence({ ...none, strength: { kind: 'replace', templateId: 1 } }, planned, names)).toBe('Session replaced (planned: Foundational B)');
    expect(changeSentence({ ...none, strength: { kind: 'replace', templateId: 1 } }, { templateId: null, run: null }, names)).toBe('Session added: Foundational A');
    expect(changeSentence({ ...none, strength: { kind: 'moved_out', to: '2026-09-11' } }, planned, names)).toBe('Session moved to Fri 11 Sep 2026');
    expect(changeSentence({ ...none, strength: { kind: 'moved_in', templateId: 2, from: '2026-09-10' } }, { templateId: null, run: null }, names)).toBe(
      'Session moved here from Thu 10 Sep 2026',
    );
    expect(changeSentence({ ...none, run: { kind: 'set', type: 'easy', minutes: 20, rpe: 2 }, deload: true }, planned, names)).toBe(
      'Run changed (planned: Easy run 30 min, RPE 3); deload day',
    );
    expect(changeSentence({ ...none, run: { kind: 'skip' } }, planned, names)).toBe('Run skipped (planned: Easy run 30 min, RPE 3)');
    // A note alone is not a change of the plan (it has its own column).
    expect(changeSentence({ ...none, note: 'Dentist' }, planned, names)).toBe('');
  });

  it("writes a block's weekday and who an event is for", () => {
    const names = (id: number) => (id === 3 ? 'Foundational C single-leg power' : '?');
    expect(rhythmDayText({ weekday: 0, templateId: 3, strengthFromWeek: 5, run: { type: 'rest', minutes: 0, rpe: 0 } }, names)).toBe('Foundational C single-leg power (from week 5) + Rest');
    expect(rhythmDayText({ weekday: 2, templateId: null, strengthFromWeek: 1, run: null }, names)).toBe('');
    const group = (id: number) => (id === 7 ? 'Distance' : '?');
    const athlete = (id: number) => (id === 9 ? 'Ana López' : '?');
    expect(eventAudience({ groupId: null, athleteId: null }, group, athlete)).toBe('Whole squad');
    expect(eventAudience({ groupId: 7, athleteId: null }, group, athlete)).toBe('Distance');
    expect(eventAudience({ groupId: null, athleteId: 9 }, group, athlete)).toBe('Ana López');
  });
});

describe('calendar events', () => {
  it('has UIDs that depend only on the event and whose calendar it is', () => {
    const ana = calendarSubjectKey('athlete', 4, '2026-09-01T06:00:00.000Z');
    expect(ana).toBe('athlete-4-20260901060000000');
    expect(dayEventUid('strength', '2026-09-07', ana)).toBe('strength-2026-09-07-athlete-4-20260901060000000@backchain');
    expect(dayEventUid('run', '2026-09-07', ana)).not.toBe(dayEventUid('strength', '2026-09-07', ana));
    expect(calendarEventUid(12, calendarSubjectKey('group', 4, '2026-09-01T06:00:00.000Z'))).toBe('event-12-group-4-20260901060000000@backchain');
  });

  it("lists a session's exercises as they stand that week, swaps applied", () => {
    const prescriptions: Prescription[] = [
      { exerciseId: 1, sets: 3, dose: 8, doseUnit: 'reps', perSide: false, loadRule: 'percent_max', loadValue: 70, tempo: '3-1-1', restSeconds: 90, notes: '' },
      { exerciseId: 2, sets: 2, dose: 30, doseUnit: 'seconds', perSide: true, loadRule: 'bodyweight', loadValue: null, tempo: '', restSeconds: 0, notes: '' },
      { exerciseId: 4, sets: 3, dose: 12, doseUnit: 'reps', perSide: true, loadRule: 'rir', loadValue: 2, tempo: '', restSeconds: 60, notes: '' },
    ];
    const names = (id: number) => ({ 1: 'Romanian deadlift', 2: 'Side plank', 3: 'Dowel hip hinge', 4: 'Single-leg calf raise' })[id] ?? '?';
    // Week 2 at +2.5% a week: 70% x 1.025 = 71.75%, shown as 71.8% (REFERENCE.md §5.4).
    const week2 = sessionExerciseLines(prescriptions, { week: 2, isDeload: false, weeklyProgression: 0.025, deload: { setReduction: 0.5, loadReduction: 0.1, rirIncrease: 2 } }, () => null, names, 'kg');
    // RIR is autoregulated (no progression); RPE = 10 - RIR (REFERENCE.md §5.3).
    expect(week2).toEqual(['1. Romanian deadlift: 3 x 8 @ 71.8% of max, tempo 3-1-1, rest 90 s', '2. Side plank: 2 x 30 s each', '3. Single-leg calf raise: 3 x 12 each, RIR 2 (RPE 8), rest 60 s']);
    // A deload in week 1: sets halved (3 -> 2, halves round up), load -10%: 70% x 0.9 = 63%.
    const deload = sessionExerciseLines(prescriptions, { week: 1, isDeload: true, weeklyProgression: 0.025, deload: { setReduction: 0.5, loadReduction: 0.1, rirIncrease: 2 } }, (id) => (id === 1 ? 3 : null), names, 'kg');
    expect(deload[0]).toBe('1. Dowel hip hinge (instead of Romanian deadlift): 2 x 8 @ 63% of max, tempo 3-1-1, rest 90 s');
    // The deload adds 2 reps in reserve: RIR 4 (RPE 6).
    expect(deload[2]).toBe('3. Single-leg calf raise: 2 x 12 each, RIR 4 (RPE 6), rest 60 s');
  });

  it('writes descriptions without empty paragraphs', () => {
    expect(description(['Session', ''], [], '', null, 'Note')).toBe('Session\n\nNote');
    expect(othersText([])).toBe('');
    expect(othersText([{ name: 'Ana López', doing: 'no session' }])).toBe('Own plan that day: Ana López (no session)');
    expect(changeParagraph('Session moved here from Thu 10 Sep 2026', 'Bring spikes')).toEqual(['Your change: session moved here from Thu 10 Sep 2026.', 'Note: Bring spikes']);
  });
});

describe('file names', () => {
  it('keeps accents, drops what a file system refuses', () => {
    expect(safeFileStem('Riverside XC', 'x')).toBe('Riverside XC');
    expect(safeFileStem('Zoë O"Brien: A/B?', 'x')).toBe('Zoë O Brien A B');
    expect(safeFileStem('...hidden', 'x')).toBe('hidden');
    expect(safeFileStem('  ', 'Backchain')).toBe('Backchain');
  });
});

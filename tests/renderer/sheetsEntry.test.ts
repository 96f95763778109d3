/**
 * The result-entry screen's model and the working-max rows: pre-filled from the sheet, the status
 * following what is typed, every box checked at the field (refused or asked about), and only what
 * the contract accepts sent to main.
 */
import { describe, expect, it } from 'vitest';
import { coachMaxSchema, dayResultsSchema } from '@shared/contract/sheets';
import type { DayResults } from '@shared/sheets/results';
import type { AthleteSheet, SheetLine } from '@shared/sheets/sheet';
import { LB_PER_KG } from '@shared/units';
import { baseDraft, draftChecks, draftToResults, sameDraft, setKey, withAutoStatus, type EntryDraft } from '@renderer/features/sheets/entryModel';
import { parseRow } from '@renderer/features/sheets/MaxesTab';

const trapBar: SheetLine = {
  position: 1,
  exerciseId: 7,
  exerciseName: 'Trap bar deadlift',
  planned: null,
  changeNote: null,
  sets: 3,
  dose: 6,
  doseUnit: 'reps',
  perSide: false,
  volume: '3 x 6',
  load: { kind: 'load', value: 70, unit: 'kg', kg: 70, how: '70% of 100 kg', source: 'tested 1RM, 7 Sep', note: null },
  oneRmKg: 100,
  loaded: true,
  reserve: 30 * (1 / 0.7 - 1) - 6,
  tempo: '2-0-X',
  restSeconds: 150,
  cues: [],
  notes: '',
};
const plank: SheetLine = { ...trapBar, position: 2, exerciseId: 40, exerciseName: 'Side plank', sets: 2, dose: 30, doseUnit: 'seconds', perSide: true, volume: '2 x 30 s each side', load: { kind: 'none' }, oneRmKg: null, loaded: false, reserve: null, tempo: '' };

const sheet: AthleteSheet = {
  athlete: { id: 3, name: 'Ana López', givenName: 'Ana', familyName: 'López', groupId: 1, groupName: 'Distance', injured: false, injuryNotes: '' },
  date: '2026-09-07',
  block: { id: 1, name: 'Foundational 1', phase: 'foundational', week: 1, weeks: 4 },
  isDeload: false,
  session: { templateId: 4, name: 'Foundational A posterior chain', sessionType: 'A', plannedMinutes: 50, targetRpe: 6, state: 'plan' },
  lines: [trapBar, plank],
  run: { type: 'easy', minutes: 30, rpe: 3, state: 'plan' },
  note: '',
  events: [],
};
const nothing: DayResults = { athleteId: 3, date: '2026-09-07', strength: null, run: null, wellness: null };

const typeSet = (d: EntryDraft, position: number, n: number, change: Partial<EntryDraft['sets'][string]>): EntryDraft =>
  withAutoStatus({ ...d, sets: { ...d.sets, [setKey(position, n)]: { ...(d.sets[setKey(position, n)] ?? { dose: '', load: '' }), ...change } } }, sheet, 'strength');

describe('a card before anything is typed', () => {
  it('is the sheet: every set as written, minutes as planned, nothing entered (and nothing to save)', () => {
    const d = baseDraft(sheet, nothing, 'kg');
    expect(d.status).toBe('');
    expect(d.sets).toEqual({ '1:1': { dose: '6', load: '70' }, '1:2': { dose: '6', load: '70' }, '1:3': { dose: '6', load: '70' }, '2:1': { dose: '30', load: '' }, '2:2': { dose: '30', load: '' } });
    expect([d.minutes, d.rpe, d.runMinutes, d.runStatus]).toEqual(['50', '', '30', '']);
    expect(draftToResults(d, sheet, 'kg')).toEqual(nothing);
  });

  it('shows saved results in the squad unit, with blank boxes for sets not done', () => {
    const saved: DayResults = {
      ...nothing,
      strength: {
        templateId: 4,
        status: 'modified',
        sessionRpe: 7,
        minutes: 45,
        note: '',
        sets: [{ position: 1, setNumber: 1, exerciseId: 7, reps: 6, loadKg: 100, seconds: null, metres: null, contacts: null, plannedDose: 6, plannedLoadKg: 70, repsInReserve: null }],
      },
    };
    const d = baseDraft(sheet, saved, 'lb');
    // 100 kg x 2.2046226 = 220.46 lb.
    expect(d.sets['1:1']).toEqual({ dose: '6', load: '220.46' });
    expect(d.sets['1:2']).toEqual({ dose: '', load: '' });
    expect([d.status, d.rpe, d.minutes]).toEqual(['modified', '7', '45']);
  });
});

describe('typing', () => {
  it('makes a day done, and modified once a set differs from the sheet', () => {
    const base = baseDraft(sheet, nothing, 'kg');
    const rpe = withAutoStatus({ ...base, rpe: '6' }, sheet, 'strength');
    expect(rpe.status).toBe('done');
    expect(sameDraft(rpe, base)).toBe(false);
    expect(typeSet(rpe, 1, 3, { dose: '4' }).status).toBe('modified');
    expect(typeSet(rpe, 1, 2, { load: '72.5' }).status).toBe('modified');
    // Run boxes start the run, not the session.
    expect(withAutoStatus({ ...base, runRpe: '4' }, sheet, 'run')).toMatchObject({ runStatus: 'done', status: '' });
  });

  it('refuses reps of 500, RPE 14, 900 minutes and a wellness 7 at the field', () => {
    const d = { ...typeSet(withAutoStatus({ ...baseDraft(sheet, nothing, 'kg'), rpe: '14', minutes: '900', runMinutes: '900' }, sheet, 'strength'), 1, 1, { dose: '500' }), wellness: { ...baseDraft(sheet, nothing, 'kg').wellness, sleepQuality: '7' } };
    const checks = draftChecks(d, sheet, 'kg');
    expect(checks['set:1:1:dose']).toEqual({ state: 'error', message: '500 reps? Enter 0-100.' });
    expect(checks.rpe).toEqual({ state: 'error', message: 'RPE 14? The CR-10 scale runs 0-10 (half points allowed).' });
    expect(checks.minutes).toEqual({ state: 'error', message: '900 minutes? A strength session is 1-300 minutes.' });
    expect(checks.runMinutes).toEqual({ state: 'error', message: '900 minutes? A run is 1-600 minutes.' });
    expect(checks.sleepQuality).toEqual({ state: 'error', message: '7? Rate 1-5 (5 is the best).' });
  });

  it('asks about a load that looks typed in the wrong unit or beyond the athlete, until the coach confirms it', () => {
    const d = typeSet(baseDraft(sheet, nothing, 'kg'), 1, 1, { load: '154' });
    // 154 kg against 70 kg on the sheet: 70 kg is 154 lb.
    expect(draftChecks(d, sheet, 'kg')['set:1:1:load']).toEqual({ state: 'ask', value: 154, message: '154 kg is more than twice the 70 kg on the sheet. Typed in lb?' });
    expect(draftChecks({ ...d, confirmed: { '1:1': '154' } }, sheet, 'kg')['set:1:1:load']).toBeUndefined();
    // Asked again if the value changes after the answer.
    expect(draftChecks({ ...typeSet(d, 1, 1, { load: '155' }), confirmed: { '1:1': '154' } }, sheet, 'kg')['set:1:1:load']?.state).toBe('ask');
    // 115 kg is within twice the sheet's 70 kg but over Ana's 100 kg 1RM by more than 10%.
    expect(draftChecks(typeSet(d, 1, 1, { load: '115' }), sheet, 'kg')['set:1:1:load']).toMatchObject({ state: 'ask', message: "115 kg is more than Ana's 1RM of 100 kg. Is it right?" });
    // Under half: 30 kg typed where the sheet says 70 (kg typed in a lb squad looks like this).
    expect(draftChecks(typeSet(d, 1, 1, { load: '30' }), sheet, 'kg')['set:1:1:load']?.state).toBe('ask');
    expect(draftChecks(typeSet(d, 1, 1, { load: 'heavy' }), sheet, 'kg')['set:1:1:load']).toEqual({ state: 'error', message: 'heavy is not a load: enter it in kg.' });
  });
});

describe('what is saved', () => {
  it('sends done sets in kg with what the sheet asked, leaves blank sets out, and passes the contract', () => {
    // A squad in lb: the sheet says 155 lb (70.31 kg).
    const lbSheet: AthleteSheet = { ...sheet, lines: [{ ...trapBar, load: { kind: 'load', value: 155, unit: 'lb', kg: 155 / LB_PER_KG, how: '', source: '', note: null } }, plank] };
    const base = baseDraft(lbSheet, nothing, 'lb');
    let d = withAutoStatus({ ...base, rpe: '6.5', hamstring: 'yes', runStatus: 'missed', wellness: { ...base.wellness, sleepQuality: '4' } }, lbSheet, 'strength');
    d = { ...d, sets: { ...d.sets, '1:3': { dose: '', load: '155' } } };
    const results = draftToResults(d, lbSheet, 'lb');
    expect(results.strength).toMatchObject({ status: 'done', sessionRpe: 6.5, minutes: 50 });
    const first = results.strength?.sets[0];
    expect(first).toMatchObject({ position: 1, setNumber: 1, exerciseId: 7, reps: 6, plannedDose: 6 });
    expect(first?.loadKg).toBeCloseTo(155 / LB_PER_KG, 9);
    expect(first?.plannedLoadKg).toBeCloseTo(155 / LB_PER_KG, 9);
    expect(first?.repsInReserve).toBeCloseTo(6.857142857, 6);
    // The third set has no reps typed: not done, not sent.
    expect(results.strength?.sets.filter((s) => s.position === 1).map((s) => s.setNumber)).toEqual([1, 2]);
    expect(results.strength?.sets.filter((s) => s.position === 2).map((s) => s.seconds)).toEqual([30, 30]);
    expect(results.run).toEqual({ runType: 'easy', status: 'missed', minutes: null, sessionRpe: null, note: '' });
    expect(results.wellness).toEqual({ fatigue: null, sleepQuality: 4, muscleSoreness: null, stress: null, mood: null, hamstringTight: true });
    expect(dayResultsSchema.safeParse(results).success).toBe(true);
  });

  it('a missed session keeps no sets, RPE or minutes', () => {
    const d = { ...withAutoStatus({ ...baseDraft(sheet, nothing, 'kg'), rpe: '6' }, sheet, 'strength'), status: 'missed' as const };
    expect(draftChecks({ ...d, rpe: '14' }, sheet, 'kg').rpe).toBeUndefined();
    const results = draftToResults(d, sheet, 'kg');
    expect(results.strength).toEqual({ templateId: 4, status: 'missed', sessionRpe: null, minutes: null, note: '', sets: [] });
    expect(dayResultsSchema.safeParse(results).success).toBe(true);
  });
});

describe('a working-max row', () => {
  const row = { athleteId: 3, exerciseId: 7 };
  const today = '2026-10-01';

  it('converts the squad unit to kg for main', () => {
    // 225 lb / 2.2046226 = 102.06 kg.
    const parsed = parseRow(row, { tested: '225', testedOn: '2026-09-14', starting: '', reps: '' }, 'lb', today);
    expect(parsed.errors).toEqual({});
    expect(parsed.entry.testedKg).toBeCloseTo(225 / LB_PER_KG, 9);
    expect(coachMaxSchema.safeParse(parsed.entry).success).toBe(true);
  });

  it('says what is missing or wrong, box by box', () => {
    expect(parseRow(row, { tested: '100', testedOn: '', starting: '', reps: '' }, 'kg', today).errors).toEqual({ testedOn: 'When was it tested?' });
    expect(parseRow(row, { tested: '100', testedOn: '2026-10-09', starting: '', reps: '' }, 'kg', today).errors).toEqual({ testedOn: 'A test cannot be in the future' });
    expect(parseRow(row, { tested: '', testedOn: '', starting: '40', reps: '' }, 'kg', today).errors).toEqual({ reps: 'For how many reps?' });
    expect(parseRow(row, { tested: '', testedOn: '', starting: '', reps: '40' }, 'kg', today).errors).toEqual({ reps: 'Reps are 1-30' });
    expect(parseRow(row, { tested: '900', testedOn: '2026-09-14', starting: '', reps: '' }, 'kg', today).errors).toEqual({ tested: 'Enter a load in kg, more than 0 and at most 500' });
    // Everything blank clears the entry.
    expect(parseRow(row, { tested: '', testedOn: '', starting: '', reps: '' }, 'kg', today)).toEqual({ entry: { ...row, testedKg: null, testedOn: null, startingKg: null, startingReps: null }, errors: {} });
  });
});

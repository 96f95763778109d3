/**
 * Session sheets, working maxes and results on a real squad database, through the dispatcher:
 * each athlete's own loads from the plan, the source order of the working max, regressions for an
 * injured athlete, logging (refusals change nothing, undo restores), logged sets feeding the next
 * week's loads, and Save as PDF with fake dialogs and a fake printer.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RoutePrinter } from '@main/files/printing';
import type { DayResults } from '@shared/sheets/results';
import type { AthleteSheet, SheetLine } from '@shared/sheets/sheet';
import { planApi } from '../support/planSquad';
import { databaseFingerprint, openTempSquad, type TempSquad } from '../support/tempSquad';

let squad: TempSquad;
beforeEach(async () => {
  squad = await openTempSquad({ now: () => new Date('2026-10-01T12:00:00Z') });
});
afterEach(() => squad.close());

const { ok, refused, exerciseId, smallSquad, foundationalBlock } = planApi(() => squad);

// The foundational block of planSquad starts Monday 2026-09-07: Mondays are "Foundational A
// posterior chain" (trap bar deadlift 3 x 6 @ 70%, hip thrust 3 x 8 @ 70%, Nordic curl 3 x 4,
// single-leg calf raise 3 x 12 each at RIR 2, side plank 3 x 30 s each), week 4 is the deload.
const WEEK1 = '2026-09-07';
const WEEK2 = '2026-09-14';
const WEEK4 = '2026-09-28';

async function setUp() {
  const ids = await smallSquad();
  await ok('blocks.create', await foundationalBlock({ groupIds: [ids.distance] }));
  return { ...ids, trapBar: await exerciseId('trap_bar_deadlift'), hipThrust: await exerciseId('hip_thrust'), calfRaise: await exerciseId('single_leg_calf_raise') };
}

function sheetOf(day: { sheets: AthleteSheet[] }, athleteId: number): AthleteSheet {
  const sheet = day.sheets.find((s) => s.athlete.id === athleteId);
  if (!sheet) throw new Error(`no sheet for athlete ${athleteId}`);
  return sheet;
}

function line(sheet: AthleteSheet, name: string): SheetLine {
  const found = sheet.lines.find((l) => l.exerciseName === name);
  if (!found) throw new Error(`no line ${name} on ${sheet.athlete.name}'s sheet: ${sheet.lines.map((l) => l.exerciseName).join(', ')}`);
  return found;
}

describe("each athlete's sheet", () => {
  it('computes their own loads from their working max, the week and the deload, and says where each came from', async () => {
    const s = await setUp();
    await ok('maxes.set', {
      entries: [
        { athleteId: s.ana, exerciseId: s.trapBar, testedKg: 100, testedOn: '2026-09-01' },
        { athleteId: s.ana, exerciseId: s.hipThrust, startingKg: 40, startingReps: 8 },
      ],
    });
    const week1 = await ok('sheets.day', { date: WEEK1, groupId: s.distance });
    expect(week1.title).toBe('Distance');
    expect(week1.sheets.map((x) => x.athlete.name)).toEqual(['Ana López', 'Ben Okafor']);
    const ana = sheetOf(week1, s.ana);
    expect(ana).toMatchObject({ block: { name: 'Foundational 1', week: 1, weeks: 4 }, isDeload: false, session: { name: 'Foundational A posterior chain' }, run: { type: 'easy', minutes: 30, rpe: 3 } });
    // 70% of 100 kg = 70 kg.
    expect(line(ana, 'Trap bar deadlift')).toMatchObject({ volume: '3 x 6', tempo: '2-0-X', restSeconds: 150, load: { kind: 'load', value: 70, unit: 'kg', how: '70% of 100 kg', source: 'tested 1RM, 1 Sep' } });
    expect(line(ana, 'Hip thrust').load).toMatchObject({ kind: 'load', value: 40, how: 'starting load', source: 'starting load for 8 reps' });
    expect(line(ana, 'Nordic hamstring curl')).toMatchObject({ volume: '3 x 4', load: { kind: 'none' }, loaded: false, notes: 'Eccentric 4 s' });
    expect(line(ana, 'Side plank')).toMatchObject({ volume: '3 x 30 s each side', load: { kind: 'none' } });
    expect(line(ana, 'Side plank').cues).toHaveLength(2);
    const ben = sheetOf(week1, s.ben);
    expect(line(ben, 'Trap bar deadlift').load).toEqual({ kind: 'choose', text: 'Choose a starting load for 6 reps' });
    expect(line(ben, 'Single-leg calf raise').load).toEqual({ kind: 'choose', text: 'Choose a starting load for 12 reps each side at RIR 2 (RPE 8)' });

    // Week 2: 70 x 1.025 = 71.75% of 100 kg -> 72.5 kg. Deload week 4: 70 x 1.025^3 x 0.9 = 67.84% -> 67.5 kg, 2 sets.
    expect(line(sheetOf(await ok('sheets.day', { date: WEEK2, groupId: s.distance }), s.ana), 'Trap bar deadlift').load).toMatchObject({ value: 72.5 });
    const deload = sheetOf(await ok('sheets.day', { date: WEEK4, groupId: s.distance }), s.ana);
    expect(deload.isDeload).toBe(true);
    expect(line(deload, 'Trap bar deadlift')).toMatchObject({ sets: 2, load: { value: 67.5 } });
    // The starting load is cut by the deload: 40 x 0.9 = 36 -> 35 kg.
    expect(line(deload, 'Hip thrust').load).toMatchObject({ value: 35 });
  });

  it('shows loads in lb, rounded to 5 lb plates on a 45 lb bar, when the squad works in lb', async () => {
    const s = await setUp();
    const settings = await ok('settings.get', {});
    await ok('settings.update', { ...settings, unit: 'lb', plateIncrement: 5, barWeight: 45, dumbbellStep: 5 });
    await ok('maxes.set', { entries: [{ athleteId: s.ana, exerciseId: s.trapBar, testedKg: 100, testedOn: '2026-09-01' }] });
    // 70 kg = 154.3 lb -> 155 lb.
    const ana = sheetOf(await ok('sheets.day', { date: WEEK1, athleteIds: [s.ana] }), s.ana);
    expect(line(ana, 'Trap bar deadlift').load).toMatchObject({ value: 155, unit: 'lb', how: '70% of 220.5 lb' });
  });

  it("gives an injured athlete each exercise's regression, unless the plan already swapped it, and says so", async () => {
    const s = await setUp();
    const ben = await ok('athletes.get', { id: s.ben });
    await ok('athletes.update', { id: s.ben, fields: { givenName: ben.givenName, familyName: ben.familyName, groupId: ben.groupId, raceGoal: ben.raceGoal, eventFocus: ben.eventFocus, injured: true, injuryNotes: 'Left hamstring' } });
    const rdl = await exerciseId('rdl');
    const gluteBridge = await exerciseId('loaded_glute_bridge');
    await ok('swaps.create', { swaps: [{ athleteId: s.ben, exerciseId: s.hipThrust, replacementId: gluteBridge, fromDate: WEEK1, toDate: WEEK2, reason: 'injury' }] });
    await ok('maxes.set', { entries: [{ athleteId: s.ben, exerciseId: rdl, testedKg: 60, testedOn: '2026-09-01' }] });

    const sheet = sheetOf(await ok('sheets.day', { date: WEEK1, groupId: s.distance }), s.ben);
    expect(sheet.athlete).toMatchObject({ injured: true, injuryNotes: 'Left hamstring' });
    // The regression's own working max: 70% of a 60 kg RDL = 42 -> 42.5 kg.
    expect(line(sheet, 'Romanian deadlift')).toMatchObject({
      planned: { exerciseName: 'Trap bar deadlift' },
      changeNote: 'Regression for injury: Romanian deadlift instead of Trap bar deadlift',
      load: { kind: 'load', value: 42.5 },
    });
    expect(line(sheet, 'Loaded glute bridge').changeNote).toBe('Regression for injury: Loaded glute bridge instead of Hip thrust');
    expect(line(sheet, 'Band-assisted Nordic curl').changeNote).toBe('Regression for injury: Band-assisted Nordic curl instead of Nordic hamstring curl');
    // The side plank has no regression: unchanged.
    expect(line(sheet, 'Side plank').changeNote).toBeNull();
    // Ana is not injured: her sheet is the plan.
    expect(sheetOf(await ok('sheets.day', { date: WEEK1, groupId: s.distance }), s.ana).lines.every((l) => l.changeNote === null)).toBe(true);
  });

  it('leaves out athletes with nothing planned, and refuses a selection that is not one', async () => {
    const s = await setUp();
    const day = await ok('sheets.day', { date: WEEK1, athleteIds: [s.ana, s.cara] });
    expect(day.title).toBe('Selected athletes');
    expect(day.sheets.map((x) => x.athlete.id)).toEqual([s.ana]);
    expect(day.nothingPlanned).toEqual([{ id: s.cara, name: 'Cara Nguyen' }]);
    // Friday of week 1 is a rest day: no sheet.
    expect((await ok('sheets.day', { date: '2026-09-11', groupId: s.distance })).sheets).toHaveLength(0);
    // Tuesday has intervals and no strength session: a sheet with the run only.
    const tuesday = sheetOf(await ok('sheets.day', { date: '2026-09-08', groupId: s.distance }), s.ana);
    expect(tuesday).toMatchObject({ session: null, lines: [], run: { type: 'intervals', minutes: 50, rpe: 8 } });

    expect((await refused('sheets.day', { date: WEEK1 })).fields?.groupId).toBe('Choose a group or some athletes');
    expect((await refused('sheets.day', { date: WEEK1, groupId: s.distance, athleteIds: [s.ana] })).fields?.athleteIds).toMatch(/not both/);
    expect((await refused('sheets.day', { date: '2026-02-30', groupId: s.distance })).fields?.date).toMatch(/real date/);
    expect((await refused('sheets.day', { date: WEEK1, groupId: 999 })).message).toMatch(/no group/);
    expect((await refused('sheets.day', { date: WEEK1, athleteIds: [999] })).message).toMatch(/no athlete/);
  });
});

/**
 * Ben's Monday of week 1 as the entry screen would save it: 3 x 6 trap bar deadlift at `kg`, asked
 * at 70% of max, so each set keeps the 30 x (1/0.7 - 1) - 6 = 6.857 reps in reserve the sheet meant.
 */
function benMonday(s: { ben: number; trapBar: number }, kg: number, templateId: number): DayResults {
  return {
    athleteId: s.ben,
    date: WEEK1,
    strength: {
      templateId,
      status: 'done',
      sessionRpe: 6,
      minutes: 50,
      note: '',
      sets: [1, 2, 3].map((setNumber) => ({ position: 1, setNumber, exerciseId: s.trapBar, reps: 6, loadKg: kg, seconds: null, metres: null, contacts: null, plannedDose: 6, plannedLoadKg: null, repsInReserve: 30 * (1 / 0.7 - 1) - 6 })),
    },
    run: { runType: 'easy', status: 'done', minutes: 32, sessionRpe: 3, note: '' },
    wellness: { fatigue: null, sleepQuality: 4, muscleSoreness: 3, stress: null, mood: null, hamstringTight: false },
  };
}

describe('keying results back', () => {
  it('saves an athlete day, shows it on the entry screen, and its sets set the next week\'s loads', async () => {
    const s = await setUp();
    const template = (await ok('sheets.day', { date: WEEK1, athleteIds: [s.ben] })).sheets[0]?.session?.templateId ?? 0;
    const outcome = await ok('results.save', benMonday(s, 60, template));
    expect(outcome.previous).toEqual({ athleteId: s.ben, date: WEEK1, strength: null, run: null, wellness: null });
    expect(outcome.saved.strength?.sets).toHaveLength(3);

    const entry = await ok('results.day', { date: WEEK1, groupId: s.distance });
    expect(entry.results.map((r) => r.athleteId)).toEqual(entry.sheet.sheets.map((x) => x.athlete.id));
    expect(entry.results.find((r) => r.athleteId === s.ben)).toEqual(outcome.saved);
    expect(entry.results.find((r) => r.athleteId === s.ana)?.strength).toBeNull();

    // The sheet meant the same reserve: its line says so.
    expect(line(sheetOf(await ok('sheets.day', { date: WEEK1, groupId: s.distance }), s.ben), 'Trap bar deadlift').reserve).toBeCloseTo(30 * (1 / 0.7 - 1) - 6, 9);
    // Epley with reps to failure: 60 x (1 + 12.857/30) = 60 / 0.7 = 85.71 kg. Week 2: 71.75% of
    // 85.71 = 61.5 -> 62.5 kg: the load he chose, progressed by 2.5%.
    const week2 = sheetOf(await ok('sheets.day', { date: WEEK2, groupId: s.distance }), s.ben);
    expect(line(week2, 'Trap bar deadlift').load).toMatchObject({ kind: 'load', value: 62.5, how: '71.8% of 85.7 kg', source: 'est. from 60 kg x 6, 7 Sep' });
    // The same day's sheet is not changed by its own results.
    expect(line(sheetOf(await ok('sheets.day', { date: WEEK1, groupId: s.distance }), s.ben), 'Trap bar deadlift').load.kind).toBe('choose');
    const maxes = await ok('maxes.list', { by: 'exercise', exerciseId: s.trapBar, groupId: s.distance });
    const benRow = maxes.rows.find((r) => r.athleteId === s.ben);
    expect(benRow).toMatchObject({ coach: null, inUse: { kind: 'estimated', fromKg: 60, reps: 6 } });
    expect(benRow?.estimate?.kg).toBeCloseTo(60 / 0.7, 9);
  });

  it('undoes a save by writing the day back as it was', async () => {
    const s = await setUp();
    const template = (await ok('sheets.day', { date: WEEK1, athleteIds: [s.ben] })).sheets[0]?.session?.templateId ?? 0;
    const first = await ok('results.save', benMonday(s, 60, template));
    const firstStrength = first.saved.strength as NonNullable<DayResults['strength']>;
    const second = await ok('results.save', { ...first.saved, strength: { ...firstStrength, status: 'modified', sessionRpe: 8 } });
    expect(second.previous).toEqual(first.saved);
    // Undo the second save, then the first.
    await ok('results.save', second.previous);
    expect((await ok('results.day', { date: WEEK1, athleteIds: [s.ben] })).results).toEqual([first.saved]);
    await ok('results.save', first.previous);
    for (const table of ['strength_log', 'strength_set', 'run_log', 'wellness_entry']) {
      expect(squad.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get(), table).toBe(0);
    }
  });

  it('refuses bad results and changes nothing', async () => {
    const s = await setUp();
    const good = benMonday(s, 60, 1);
    const withSet = (fields: Record<string, unknown>) => ({ ...good, strength: { ...good.strength, sets: [{ ...good.strength?.sets[0], ...fields }] } });
    expect((await refused('results.save', withSet({ reps: 500 }))).fields?.['strength.sets.0.reps']).toBe('Reps must be 0-100');
    expect((await refused('results.save', withSet({ loadKg: 900 }))).fields?.['strength.sets.0.loadKg']).toBe('Load (kg) must be 0-500');
    expect((await refused('results.save', { ...good, strength: { ...good.strength, sessionRpe: 14 } })).fields?.['strength.sessionRpe']).toBe('Session RPE is 0-10 on the CR-10 scale');
    expect((await refused('results.save', { ...good, strength: { ...good.strength, minutes: 900 } })).fields?.['strength.minutes']).toBe('Minutes must be 1-300');
    expect((await refused('results.save', { ...good, run: { ...good.run, minutes: 900 } })).fields?.['run.minutes']).toBe('Minutes must be 1-600');
    expect((await refused('results.save', { ...good, wellness: { ...good.wellness, sleepQuality: 7 } })).fields?.['wellness.sleepQuality']).toBe('A wellness rating must be 1-5');
    expect((await refused('results.save', { ...good, strength: { ...good.strength, status: 'missed' } })).fields?.['strength.sets']).toBe('A missed session has no sets');
    expect((await refused('results.save', { ...good, run: { ...good.run, runType: 'rest' } })).fields?.['run.runType']).toMatch(/rest day is not a run/);
    expect((await refused('results.save', { ...good, date: '2026-10-02' })).message).toMatch(/has not happened yet/);
    expect((await refused('results.save', withSet({ exerciseId: 99999 }))).message).toMatch(/no exercise/);
    expect((await refused('results.save', { ...good, strength: { ...good.strength, templateId: 99999 } })).message).toMatch(/no session template/);
    await ok('athletes.archive', { ids: [s.ben] });
    expect((await refused('results.save', good)).message).toBe('Ben Okafor is archived. Restore them on the Roster screen to log their results.');
  });

  it('keeps an athlete with logs from being deleted: they can only be archived', async () => {
    const s = await setUp();
    await ok('results.save', { athleteId: s.cara, date: WEEK1, strength: null, run: null, wellness: { fatigue: 3, sleepQuality: null, muscleSoreness: null, stress: null, mood: null, hamstringTight: true } });
    expect((await refused('athletes.remove', { id: s.cara })).message).toBe('Cara Nguyen already has training records, so they can only be archived, not deleted.');
    await ok('athletes.archive', { ids: [s.cara] });
  });
});

describe('working maxes', () => {
  it('are set in bulk and undone with what the set returned', async () => {
    const s = await setUp();
    const before = databaseFingerprint(squad.db);
    const { previous } = await ok('maxes.set', {
      entries: [
        { athleteId: s.ana, exerciseId: s.trapBar, testedKg: 100, testedOn: '2026-09-01' },
        { athleteId: s.ben, exerciseId: s.trapBar, startingKg: 50, startingReps: 6 },
      ],
    });
    const list = await ok('maxes.list', { by: 'exercise', exerciseId: s.trapBar, groupId: s.distance });
    expect(list.asOf).toBe('2026-10-01');
    expect(list.rows.map((r) => [r.athleteName, r.inUse?.kind])).toEqual([
      ['Ana López', 'tested'],
      ['Ben Okafor', 'starting'],
    ]);
    const perAthlete = await ok('maxes.list', { by: 'athlete', athleteId: s.ana });
    expect(perAthlete.rows.find((r) => r.exerciseId === s.trapBar)?.coach).toEqual({ testedKg: 100, testedOn: '2026-09-01', startingKg: null, startingReps: null });
    // Only exercises done with a load are listed: no planks, no Nordic curls.
    expect(perAthlete.rows.some((r) => r.exerciseName === 'Side plank' || r.exerciseName === 'Nordic hamstring curl')).toBe(false);

    await ok('maxes.set', { entries: previous });
    expect(databaseFingerprint(squad.db)).toBe(before);
  });

  it('refuses what is not a working max and changes nothing', async () => {
    const s = await setUp();
    expect((await refused('maxes.set', { entries: [{ athleteId: s.ana, exerciseId: s.trapBar, testedKg: 100 }] })).fields?.['entries.0.testedOn']).toBe('Enter the date of the test');
    expect((await refused('maxes.set', { entries: [{ athleteId: s.ana, exerciseId: s.trapBar, startingKg: 40 }] })).fields?.['entries.0.startingReps']).toBe('Enter the reps the starting load is for');
    expect((await refused('maxes.set', { entries: [{ athleteId: s.ana, exerciseId: s.trapBar, testedKg: 900, testedOn: '2026-09-01' }] })).fields?.['entries.0.testedKg']).toMatch(/at most 500 kg/);
    expect((await refused('maxes.set', { entries: [{ athleteId: s.ana, exerciseId: s.trapBar, testedKg: 100, testedOn: '2026-10-09' }] })).message).toMatch(/has not happened yet/);
    const plank = await exerciseId('side_plank');
    expect((await refused('maxes.set', { entries: [{ athleteId: s.ana, exerciseId: plank, startingKg: 10, startingReps: 5 }] })).message).toBe('Side plank is done without a load, so it has no working max.');
    const twice = { athleteId: s.ana, exerciseId: s.trapBar, startingKg: 40, startingReps: 6 };
    expect((await refused('maxes.set', { entries: [twice, twice] })).message).toMatch(/listed twice/);
    // A refusal part-way through a list leaves the earlier entries unwritten too.
    expect((await refused('maxes.set', { entries: [twice, { ...twice, athleteId: 99999 }] })).message).toMatch(/no athlete/);
  });
});

describe('Save as PDF', () => {
  function desktop(choose: string | null, pdf = Buffer.from('%PDF-1.7 fake')) {
    const calls: { route: string; options: unknown }[] = [];
    const printer: RoutePrinter = {
      async pdfOfRoute(route, options) {
        calls.push({ route, options });
        return pdf;
      },
    };
    const dialogs = { chooseSaveFile: async () => choose, chooseOpenFile: async () => null };
    Object.assign(squad.ctx, { dialogs, printer });
    return calls;
  }

  it('in browser mode says to use the browser\'s print', async () => {
    const s = await setUp();
    expect((await refused('sheets.savePdf', { date: WEEK1, groupId: s.distance, layout: 'individual', paper: 'a4' })).message).toMatch(/In the browser, press Print and choose "Save as PDF"/);
  });

  it('respects a cancelled save dialog: nothing printed, nothing written', async () => {
    const s = await setUp();
    const calls = desktop(null);
    expect(await ok('sheets.savePdf', { date: WEEK1, groupId: s.distance, layout: 'individual', paper: 'a4' })).toEqual({ outcome: 'canceled' });
    expect(calls).toHaveLength(0);
  });

  it('prints the print route of the selection to the chosen file', async () => {
    const s = await setUp();
    const target = path.join(squad.dir, 'monday');
    const calls = desktop(target);
    const saved = await ok('sheets.savePdf', { date: WEEK1, groupId: s.distance, layout: 'clipboard', paper: 'letter' });
    expect(saved).toEqual({ outcome: 'saved', path: `${target}.pdf`, sizeBytes: 13 });
    expect(fs.readFileSync(`${target}.pdf`, 'utf8')).toBe('%PDF-1.7 fake');
    expect(fs.existsSync(`${target}.pdf.partial`)).toBe(false);
    expect(calls).toEqual([{ route: `/print/sheets?date=${WEEK1}&group=${s.distance}&layout=clipboard&paper=letter`, options: { pageSize: 'Letter', landscape: true } }]);
  });

  it('refuses a day with no sheet before asking where to save', async () => {
    const s = await setUp();
    const calls = desktop(path.join(squad.dir, 'x.pdf'));
    expect((await refused('sheets.savePdf', { date: '2026-09-11', groupId: s.distance, layout: 'individual', paper: 'a4' })).message).toMatch(/Nothing is planned for Distance on Fri 11 Sep 2026/);
    expect(calls).toHaveLength(0);
  });
});

describe('the sample squad', () => {
  it("carries working maxes and logs, so today's sheets show every source: tested, estimated, starting load, and choose one", async () => {
    const monday = new Date('2026-09-14T08:00:00');
    squad.close();
    squad = await openTempSquad({ now: () => monday });
    await ok('sample.load', { seed: 20260907 });
    const kinds = new Set<string>();
    for (const group of await ok('groups.list', {})) {
      for (const sheet of (await ok('sheets.day', { date: '2026-09-14', groupId: group.id })).sheets) {
        for (const l of sheet.lines) kinds.add(l.load.kind === 'load' ? l.load.source.split(/[ ,]/)[0] ?? '' : l.load.kind);
      }
    }
    expect([...kinds].sort()).toEqual(['choose', 'effort', 'est.', 'none', 'starting', 'tested']);
    const statuses = squad.db.prepare('SELECT DISTINCT status FROM strength_log ORDER BY status').pluck().all();
    expect(statuses).toEqual(['done', 'missed', 'modified']);
    expect(squad.db.prepare('SELECT count(*) FROM wellness_entry').pluck().get()).toBeGreaterThan(100);
    expect(squad.db.prepare("SELECT count(*) FROM run_log WHERE status = 'done'").pluck().get()).toBeGreaterThan(100);
    // Nothing is logged for today or later.
    expect(squad.db.prepare("SELECT count(*) FROM strength_log WHERE date >= '2026-09-14'").pluck().get()).toBe(0);
    // Every past strength session is logged, so the load charts count it: those of athletes with a
    // starting load or none (not lifting yet) with RPE and minutes but no sets (no estimated max).
    const unlogged = squad.db
      .prepare("SELECT count(*) FROM athlete_day d WHERE d.template_id IS NOT NULL AND d.date < '2026-09-14' AND NOT EXISTS (SELECT 1 FROM strength_log l WHERE l.athlete_id = d.athlete_id AND l.date = d.date)")
      .pluck()
      .get();
    expect(unlogged).toBe(0);
    const withoutSets = squad.db
      .prepare("SELECT count(*) FROM strength_log l WHERE l.status <> 'missed' AND NOT EXISTS (SELECT 1 FROM strength_set s WHERE s.log_id = l.id)")
      .pluck()
      .get() as number;
    expect(withoutSets).toBeGreaterThan(0);
  });
});

describe('the training record keeps its exercises', () => {
  it("refuses to delete a coach's own exercise that a working max uses, and says to hide it", async () => {
    const s = await setUp();
    const mine = await ok('exercises.create', { name: 'Landmine press', category: 'core', pattern: 'anti_rotation', loadKind: 'external', equipment: 'barbell' });
    await ok('maxes.set', { entries: [{ athleteId: s.ana, exerciseId: mine.id, startingKg: 20, startingReps: 8 }] });
    expect((await refused('exercises.remove', { id: mine.id })).message).toBe('"Landmine press" is in logged sessions or working maxes, so it stays. Hide it instead.');
  });
});

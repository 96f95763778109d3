/**
 * Freshness by declaration (shared/contract/define.ts): every writing method is run on the sample
 * squad, and
 * - the tables it really changed must belong to the areas it declares it affects (so a screen
 *   reading those areas is refreshed: renderer/api/freshness.ts);
 * - every query whose declared reads do not meet those areas must answer exactly as before (so a
 *   screen the window does not refresh is still right).
 * Queries that read nothing of the squad (a file being read, an export's progress) are listed in
 * UNCACHED and never cached by a screen. A writing method added to the contract without an entry
 * in WRITES fails here, as does a table that belongs to no area (electron/db/dataAreas.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '@main/api/dispatch';
import { TABLE_AREAS } from '@main/db/dataAreas';
import { contract, methodNames, type MethodInput, type MethodName, type MethodResult } from '@shared/contract';
import { addDays, startOfWeek } from '@shared/dates';
import { openTempSquad, type TempSquad } from '../support/tempSquad';
import { uploadOf } from '../support/calls';

const TODAY = '2026-10-14';
const now = new Date(`${TODAY}T12:00:00`);

let squad: TempSquad;

async function ok<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodResult<M>> {
  const response = await dispatch(squad.ctx, method, input);
  if (!response.ok) throw new Error(`${method} failed: ${response.error.message}`);
  return response.value as MethodResult<M>;
}

function first<T>(sql: string, ...params: unknown[]): T {
  const row = squad.db.prepare(sql).pluck().get(...params) as T | undefined;
  if (row === undefined) throw new Error(`nothing for ${sql}`);
  return row;
}

/** A checksum of each table's rows, by table. */
function tableStates(): Map<string, string> {
  const tables = squad.db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[];
  const withoutRowid = new Set((squad.db.pragma('table_list') as { name: string; wr: number }[]).filter((t) => t.wr === 1).map((t) => t.name));
  return new Map(
    tables.map((t) => {
      const order = withoutRowid.has(t) ? (squad.db.pragma(`table_info("${t}")`) as unknown[]).map((_, i) => i + 1).join(', ') : 'rowid';
      return [t, JSON.stringify(squad.db.prepare(`SELECT * FROM "${t}" ORDER BY ${order}`).raw().all())];
    }),
  );
}

const athleteId = () => first<number>("SELECT id FROM athlete WHERE archived_at IS NULL AND given_name <> 'Fresh' ORDER BY id LIMIT 1");
const groupId = () => first<number>('SELECT id FROM squad_group ORDER BY id LIMIT 1');
const otherGroupId = () => first<number>('SELECT id FROM squad_group ORDER BY id DESC LIMIT 1');
const templateId = () => first<number>("SELECT id FROM session_template WHERE code = 'foundational_a'");
const exerciseId = () => first<number>("SELECT id FROM exercise WHERE code IS NOT NULL ORDER BY id LIMIT 1");
const loadedExerciseId = () => first<number>("SELECT id FROM exercise WHERE load_kind = 'external' AND equipment = 'barbell' ORDER BY id LIMIT 1");
const sessionId = () => first<number>('SELECT id FROM test_session ORDER BY session_date DESC, id DESC LIMIT 1');
const testId = () => first<number>('SELECT id FROM test_definition ORDER BY id LIMIT 1');
const blockId = () => first<number>('SELECT id FROM block ORDER BY start_date DESC LIMIT 1');

const freshExercise = { name: 'Fresh carry', category: 'core', pattern: 'carry', loadKind: 'external', equipment: 'dumbbell' } as const;
const freshTest = {
  name: 'Fresh hop',
  shortName: 'Hop',
  unit: 'cm',
  higherIsBetter: true,
  decimals: 0,
  rangeMin: 0,
  rangeMax: 400,
  trials: 2,
  scoreRule: 'best',
  sided: false,
} as const;

async function freshTemplateFields() {
  return {
    name: 'Fresh session',
    sessionType: 'custom' as const,
    plannedMinutes: 30,
    targetRpe: 5,
    prescriptions: [{ exerciseId: exerciseId(), sets: 2, dose: 8, doseUnit: 'reps' as const, loadRule: 'rir' as const, loadValue: 2 }],
  };
}

/** A block starting on the squad's first weekday of the week containing `around`. */
function blockFields(groupIds: number[], around = '2027-06-09') {
  const firstDay = first<number>('SELECT first_day_of_week FROM squad_settings');
  const startDate = startOfWeek(around, firstDay);
  return {
    name: 'Fresh block',
    phase: 'maintenance' as const,
    startDate,
    weeks: 2,
    groupIds,
    rhythm: [{ weekday: 1, templateId: templateId(), run: { type: 'easy' as const, minutes: 30, rpe: 3 } }],
  };
}

async function freshAthlete() {
  return ok('athletes.create', { givenName: 'Fresh', familyName: 'Runner', groupId: groupId() });
}

/** A planned day of an athlete on or before today with a strength session. */
function plannedStrengthDay(): { athleteId: number; date: string } {
  return squad.db
    .prepare("SELECT athlete_id AS athleteId, date FROM athlete_day WHERE template_id IS NOT NULL AND date <= ? ORDER BY date DESC, athlete_id LIMIT 1")
    .get(TODAY) as { athleteId: number; date: string };
}

type Prepare<M extends MethodName> = () => Promise<MethodInput<M>>;
type Writes = { [M in MethodName]?: Prepare<M> };

/**
 * One working call of every writing method. A `prepare` may make setup calls first (not checked);
 * what it returns is the checked call's input.
 */
const WRITES: Writes = {
  'settings.update': async () => ({ ...(await ok('settings.get', {})), squadName: 'Fresh squad', firstDayOfWeek: 0 }),
  'athletes.create': async () => ({ givenName: 'Fresh', familyName: 'Sprinter', groupId: groupId() }),
  'athletes.update': async () => {
    const a = await ok('athletes.get', { id: athleteId() });
    return { id: a.id, fields: { givenName: a.givenName, familyName: a.familyName, groupId: a.groupId, injured: !a.injured, injuryNotes: 'hamstring' } };
  },
  'athletes.archive': async () => ({ ids: [athleteId()] }),
  'athletes.restore': async () => {
    const id = athleteId();
    await ok('athletes.archive', { ids: [id] });
    return { ids: [id] };
  },
  'athletes.remove': async () => ({ id: (await freshAthlete()).id }),
  'athletes.moveToGroup': async () => ({ ids: [athleteId()], groupId: otherGroupId() }),
  'groups.create': async () => ({ name: 'Fresh group', color: '#112233' }),
  'groups.update': async () => ({ id: groupId(), name: 'Renamed group', color: '#445566' }),
  'groups.reorder': async () => ({ orderedIds: (squad.db.prepare('SELECT id FROM squad_group ORDER BY id DESC').pluck().all() as number[]) }),
  'groups.remove': async () => ({ id: (await ok('groups.create', { name: 'Empty group', color: '#778899' })).id }),
  'imports.roster': async () => ({
    athletes: [{ rowNumber: 2, fields: { givenName: 'Imported', familyName: 'Athlete' }, newGroup: 'Imported group' }],
    newGroups: [{ name: 'Imported group', color: '#aa5500' }],
  }),
  'imports.undoRoster': async () => {
    const done = await ok('imports.roster', { athletes: [{ rowNumber: 2, fields: { givenName: 'Undone', familyName: 'Import', groupId: groupId() } }], newGroups: [] });
    return { athleteIds: done.athleteIds, groupIds: done.groupIds };
  },
  'retests.createTest': async () => freshTest,
  'retests.updateTest': async () => {
    const created = await ok('retests.createTest', { ...freshTest, name: 'Fresh hop 2', shortName: 'Hop2' });
    return { id: created.id, fields: { ...freshTest, name: 'Fresh hop 2', shortName: 'Hop2', rangeMax: 500 } };
  },
  'retests.setTestHidden': async () => ({ id: testId(), hidden: true }),
  'retests.setTypicalError': async () => ({ id: testId(), source: 'coach', value: 1.5 }),
  'retests.removeTest': async () => ({ id: (await ok('retests.createTest', { ...freshTest, name: 'Fresh hop 3', shortName: 'Hop3' })).id }),
  'retests.updateSettings': async () => ({ swcFactor: 0.3, swcUsePureSd: false, asymmetryFlagPercent: 12 }),
  'retests.createSession': async () => ({ date: TODAY, kind: 'retest', label: 'Fresh re-test', testIds: [testId()] }),
  'retests.updateSession': async () => {
    const { session } = await ok('retests.getSession', { id: sessionId() });
    return { id: session.id, fields: { date: session.date, kind: session.kind, label: 'Relabelled', notes: 'fresh', testIds: session.testIds } };
  },
  'retests.removeSession': async () => ({ id: sessionId() }),
  'retests.restoreSession': async () => ({ snapshot: await ok('retests.removeSession', { id: sessionId() }) }),
  'retests.saveResults': async () => {
    const { session } = await ok('retests.getSession', { id: sessionId() });
    const test = session.testIds[0];
    if (test === undefined) throw new Error('no test in the session');
    return { sessionId: session.id, athletes: [{ athleteId: athleteId(), tests: [{ testId: test, mark: 'absent' as const, trials: [] }] }] };
  },
  'retests.commitImport': async () => {
    const { session } = await ok('retests.getSession', { id: sessionId() });
    const tests = await ok('retests.listTests', {});
    const test = tests.find((t) => session.testIds.includes(t.id) && !t.sided && t.kind === 'plain');
    if (!test) throw new Error('no plain test in the session');
    const a = await ok('athletes.get', { id: athleteId() });
    const csv = `Name,${test.shortName}\n${a.givenName} ${a.familyName},${Math.round((test.rangeMin + test.rangeMax) / 2)}\n`;
    const file = uploadOf(csv);
    const preview = await ok('retests.previewImport', { sessionId: session.id, file });
    return { sessionId: session.id, file, skipRejected: true, expected: { acceptedRows: preview.acceptedRows, rejectedRows: preview.rejectedRows, refusedCells: preview.refusedCells } };
  },
  'exercises.create': async () => freshExercise,
  'exercises.update': async () => ({ id: (await ok('exercises.create', { ...freshExercise, name: 'Fresh carry 2' })).id, fields: { ...freshExercise, name: 'Fresh carry 3' } }),
  'exercises.setHidden': async () => ({ ids: [exerciseId()], hidden: true }),
  'exercises.remove': async () => ({ id: (await ok('exercises.create', { ...freshExercise, name: 'Fresh carry 4' })).id }),
  'templates.create': freshTemplateFields,
  'templates.update': async () => {
    const fields = await freshTemplateFields();
    const created = await ok('templates.create', { ...fields, name: 'Fresh session 2' });
    return { id: created.id, fields: { ...fields, name: 'Fresh session 2', plannedMinutes: 40 } };
  },
  'templates.setHidden': async () => ({ ids: [templateId()], hidden: true }),
  'templates.remove': async () => ({ id: (await ok('templates.create', { ...(await freshTemplateFields()), name: 'Fresh session 3' })).id }),
  'blocks.create': async () => blockFields([groupId()]),
  'blocks.update': async () => {
    const created = await ok('blocks.create', blockFields([otherGroupId()], '2027-07-07'));
    return { id: created.id, fields: { ...blockFields([otherGroupId()], '2027-07-07'), weeks: 3 } };
  },
  'blocks.remove': async () => ({ id: blockId() }),
  'events.create': async () => ({ date: addDays(TODAY, 10), kind: 'race', name: 'Fresh invitational', groupId: groupId() }),
  'events.update': async () => {
    const created = await ok('events.create', { date: addDays(TODAY, 11), kind: 'test_day', name: 'Fresh test day' });
    return { id: created.id, fields: { date: addDays(TODAY, 12), kind: 'test_day', name: 'Moved test day' } };
  },
  'events.remove': async () => ({ id: (await ok('events.create', { date: addDays(TODAY, 13), kind: 'race', name: 'Fresh race' })).id }),
  'changes.apply': async () => {
    const day = squad.db
      .prepare("SELECT athlete_id AS athleteId, date FROM athlete_day WHERE run_type IS NOT NULL AND run_type <> 'rest' AND date > ? ORDER BY date, athlete_id LIMIT 1")
      .get(TODAY) as { athleteId: number; date: string };
    return { athleteIds: [day.athleteId], from: day.date, to: day.date, action: { kind: 'skipRun' } };
  },
  'changes.clear': async () => {
    await ok('changes.apply', { athleteIds: [athleteId()], from: addDays(TODAY, 1), to: addDays(TODAY, 3), action: { kind: 'note', note: 'fresh' } });
    return { athleteIds: [athleteId()], from: addDays(TODAY, 1), to: addDays(TODAY, 3) };
  },
  'changes.move': async () => {
    const day = squad.db
      .prepare('SELECT athlete_id AS athleteId, date FROM athlete_day WHERE template_id IS NOT NULL AND date > ? ORDER BY date, athlete_id LIMIT 1')
      .get(TODAY) as { athleteId: number; date: string };
    return { athleteId: day.athleteId, from: day.date, to: addDays(day.date, 1) };
  },
  'changes.restore': async () => {
    const applied = await ok('changes.apply', { athleteIds: [athleteId()], from: addDays(TODAY, 20), to: addDays(TODAY, 21), action: { kind: 'deload', deload: true } });
    return { rows: applied.previous };
  },
  'swaps.create': async () => ({
    swaps: [{ athleteId: athleteId(), exerciseId: loadedExerciseId(), replacementId: exerciseId(), fromDate: TODAY, toDate: addDays(TODAY, 14) }],
  }),
  'swaps.remove': async () => {
    const made = await ok('swaps.create', {
      swaps: [{ athleteId: athleteId(), exerciseId: loadedExerciseId(), replacementId: exerciseId(), fromDate: addDays(TODAY, 30), toDate: addDays(TODAY, 40) }],
    });
    return { ids: made.map((s) => s.id) };
  },
  'results.save': async () => {
    const day = plannedStrengthDay();
    return {
      athleteId: day.athleteId,
      date: day.date,
      strength: { status: 'done', sessionRpe: 7, minutes: 55, sets: [] },
      run: null,
      wellness: { fatigue: 3, sleepQuality: 4, muscleSoreness: 3, stress: 3, mood: 4 },
    };
  },
  'maxes.set': async () => ({ entries: [{ athleteId: athleteId(), exerciseId: loadedExerciseId(), testedKg: 80, testedOn: TODAY }] }),
  'warnings.dismiss': async () => ({ athleteId: athleteId(), note: 'fresh' }),
  'warnings.scheduleDeload': async () => ({ athleteId: athleteId(), from: addDays(TODAY, 3) }),
  'warnings.restore': async () => ({ actionId: (await ok('warnings.dismiss', { athleteId: athleteId(), note: 'to undo' })).id }),
  'warnings.updateThresholds': async () => {
    const current = await ok('warnings.thresholds', {});
    return { ...current.thresholds, monotonyHigh: current.thresholds.monotonyHigh + 0.5 };
  },
};

/**
 * Writing methods not run here, and why. Each is declared to affect every area of the squad, so
 * its declaration cannot be too narrow; its behaviour is tested in tests/electron/backups.test.ts
 * (sample.load runs first, below).
 */
const EVERYTHING = new Set<MethodName>(['backups.restore', 'backups.startEmpty', 'sample.load']);

/** Reads that depend on nothing of the squad: screens call them when asked, never from the cache. */
const UNCACHED = new Set<MethodName>(['imports.readTable', 'backups.inspect', 'backups.discard', 'exports.progress', 'exports.cancel']);

/** Reads that hand the coach a new file each time (its id differs): called when asked, never compared. */
const FILE_MAKERS = new Set<MethodName>(['backups.create', 'exports.create', 'exports.calendar', 'sheets.savePdf', 'retests.exportComparison']);

/** One input for every query method, on the sample squad. */
function queryInputs(): { [M in MethodName]?: MethodInput<M> } {
  const athlete = athleteId();
  const day = plannedStrengthDay();
  const session = sessionId();
  return {
    'app.status': {},
    'settings.get': {},
    'athletes.list': { status: 'all' },
    'athletes.get': { id: athlete },
    'groups.list': {},
    'backups.list': {},
    'retests.listTests': {},
    'retests.settings': {},
    'retests.listSessions': {},
    'retests.getSession': { id: session },
    'retests.previewImport': { sessionId: session, file: uploadOf('Name,CMJ\nNobody Here,30\n') },
    'retests.reliability': { sessionId: session },
    'retests.compare': { sessionId: session },
    'retests.athleteTrend': { athleteId: athlete },
    'retests.declines': {},
    'exercises.list': { includeHidden: true },
    'templates.list': { includeHidden: true },
    'blocks.list': {},
    'events.list': { from: addDays(TODAY, -60), to: addDays(TODAY, 60) },
    'swaps.list': { athleteId: athlete },
    'swaps.suggestions': {},
    'calendar.grid': { from: addDays(TODAY, -14), to: addDays(TODAY, 28) },
    'calendar.day': { athleteId: day.athleteId, date: day.date },
    'calendar.summary': {},
    'exports.options': {},
    'sheets.day': { date: day.date, athleteIds: [day.athleteId] },
    'results.day': { date: day.date, athleteIds: [day.athleteId] },
    'maxes.list': { by: 'athlete', athleteId: athlete },
    'load.athlete': { athleteId: athlete, from: addDays(TODAY, -28), to: addDays(TODAY, 7) },
    'load.squadWeeks': { from: addDays(TODAY, -56), to: addDays(TODAY, 7), measure: 'acwr' },
    'warnings.list': {},
    'warnings.forAthlete': { athleteId: athlete },
    'warnings.history': {},
    'warnings.thresholds': {},
  };
}

const writes = methodNames.filter((m) => contract[m].affects.length > 0);
const reads = methodNames.filter((m) => contract[m].affects.length === 0);

/** Answers of the queries that must not change, keyed by method. Files and timestamps are left out. */
async function answers(methods: readonly MethodName[], inputs: ReturnType<typeof queryInputs>): Promise<Map<MethodName, string>> {
  const out = new Map<MethodName, string>();
  for (const m of methods) {
    const input = inputs[m];
    if (input === undefined) continue;
    const response = await dispatch(squad.ctx, m, input);
    out.set(m, JSON.stringify(response));
  }
  return out;
}

describe('every method declares what it reads or changes', () => {
  it('each method is a query or a write, and every table belongs to an area', () => {
    for (const m of methodNames) expect(contract[m].reads.length > 0 && contract[m].affects.length > 0, m).toBe(false);
    const tables = squad.db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[];
    expect(tables.filter((t) => !(t in TABLE_AREAS))).toEqual([]);
  });

  it('every writing method has a working call here, and every query an input', () => {
    expect(writes.filter((m) => !(m in WRITES) && !EVERYTHING.has(m))).toEqual([]);
    const inputs = queryInputs();
    expect(reads.filter((m) => !(m in inputs) && !UNCACHED.has(m) && !FILE_MAKERS.has(m))).toEqual([]);
    for (const m of UNCACHED) expect(contract[m].reads, `${m} is listed as uncached`).toEqual([]);
  });

  for (const method of writes.filter((m) => !EVERYTHING.has(m))) {
    it(`${method} changes only what it declares, and no query that does not read it`, async () => {
      const prepare = WRITES[method] as Prepare<typeof method> | undefined;
      if (!prepare) throw new Error(`no call for ${method}`);
      const input = await prepare();
      const affects = contract[method].affects;
      const untouched = reads.filter((q) => !UNCACHED.has(q) && !contract[q].reads.some((a) => affects.includes(a)));
      const inputs = queryInputs();
      const before = tableStates();
      const answersBefore = await answers(untouched, inputs);
      // Reading may rebuild the calendar table (derived); compare tables from here on.
      const tablesBefore = tableStates();
      await ok(method, input);
      const after = tableStates();
      const changed = [...after.keys()].filter((t) => after.get(t) !== tablesBefore.get(t) || !before.has(t));
      const undeclared = changed.filter((t) => TABLE_AREAS[t] !== 'derived' && !affects.includes(TABLE_AREAS[t] as (typeof affects)[number]));
      expect(undeclared, `${method} changed tables outside ${affects.join(', ')}`).toEqual([]);
      expect(changed.length, `${method} should change something in this setup`).toBeGreaterThan(0);
      const answersAfter = await answers(untouched, inputs);
      const stale = untouched.filter((q) => answersAfter.get(q) !== answersBefore.get(q));
      expect(stale, `these queries changed after ${method} but do not declare reading ${affects.join(', ')}`).toEqual([]);
    });
  }
});

describe('main reads the calendar table only when it is fresh', () => {
  it('only the calendar\u2019s repositories and its keeper name athlete_day in SQL (their reads need a FreshCalendarDb)', () => {
    const allowed = new Set(['electron/db/repositories/athleteDays.ts', 'electron/db/repositories/loadMonitoring.ts', 'electron/services/plan/calendarStore.ts']);
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const file = path.posix.join(dir, entry.name);
        if (entry.isDirectory()) walk(file);
        else if (file.endsWith('.ts') && !allowed.has(file) && /\b(FROM|JOIN|UPDATE|INTO)\s+athlete_day\b(?!_)/i.test(fs.readFileSync(file, 'utf8'))) offenders.push(file);
      }
    };
    walk('electron');
    expect(offenders).toEqual([]);
  });
});

beforeAll(async () => {
  squad = await openTempSquad({ now: () => now });
  await ok('sample.load', { seed: 7 });
}, 120_000);
afterAll(() => squad?.close());

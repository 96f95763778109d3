/**
 * The child process of tests/electron/crashSafety.test.ts: opens the squad the way the app does
 * (openApi: checks, pragmas, migrations, the daily backup) and writes an endless stream of changes
 * through the real dispatcher: the roster, the plan, results and re-tests, and now and then the
 * daily backup of a later day. After each call returns (its transaction committed) it prints one
 * line saying what is now committed, synchronously, so the parent knows exactly what must survive
 * a SIGKILL at any moment.
 *
 *   C <n>   athlete "Runner N<n>" was added (body mass 50 + n % 50 kg)
 *   U <m>   athlete N<m>'s body mass is now 100.5 kg
 *   A <m>   athlete N<m> is archived
 *   G <n>   group "G<n>" was created
 *   M <n>   athlete N<n> is in group G<n>
 *   E <n>   plan: a test day "E<n>" is on the calendar
 *   P <n>   plan: athlete N<n> has the note "P<n>" on 2026-09-08 (a change on top of the group plan)
 *   R <n>   results: athlete N<n>'s wellness check of 2026-09-07 has fatigue 1 + n % 5
 *   T <n>   re-test: athlete N<n>'s CMJ in the session "Crash session" is 20 + n % 50 cm
 *   B <d>   the daily backup of day d (days after 2026-09-07) has started
 *   b <d>   ... and is complete
 *
 * The first run fills the squad with the sample squad, so a backup takes long enough to be
 * killed in the middle.
 */
import fs from 'node:fs';
import { dispatch } from '@main/api/dispatch';
import { openApi } from '@main/api/open';
import { backupsDir } from '@main/db/connection';
import { readBackupFolder, takeDailyBackup } from '@main/services/backups';
import { daysBetween } from '@shared/dates';
import type { Athlete } from '@shared/domain/roster';
import type { TestDefinition, TestSession } from '@shared/domain/retests';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: crashWriter <data dir>');

function report(line: string): void {
  fs.writeSync(1, `${line}\n`);
}

const BASE = Date.UTC(2026, 8, 7, 6, 0, 0);
let dayOffset = 0;

async function call(method: Parameters<typeof dispatch>[1], input: unknown): Promise<unknown> {
  const response = await dispatch(ctx, method, input, () => undefined);
  if (!response.ok) throw new Error(`${String(method)}: ${response.error.message}`);
  return response.value;
}

const { ctx } = await openApi({ dataDir, mode: 'browser', appVersion: 'crash-test', log: () => undefined, now: () => new Date(BASE + dayOffset * 86_400_000) });
// Carry on the days after the last daily backup earlier (killed) runs completed.
const lastDaily = readBackupFolder(backupsDir(dataDir)).find((b) => b.kind === 'daily');
dayOffset = lastDaily ? Math.max(0, daysBetween('2026-09-07', lastDaily.date)) : 0;

// Set up once (each step a transaction; a run killed half-way sets up again).
if ((ctx.db.prepare('SELECT count(*) FROM athlete').pluck().get() as number) === 0) await call('sample.load', { seed: 11 });
const tests = (await call('retests.listTests', {})) as TestDefinition[];
const cmj = tests.find((t) => t.builtinKey === 'cmj');
if (!cmj) throw new Error('no CMJ in the battery');
let session = ((await call('retests.listSessions', {})) as TestSession[]).find((s) => s.label === 'Crash session');
session ??= (await call('retests.createSession', { date: '2026-09-07', kind: 'retest', label: 'Crash session', testIds: [cmj.id] })) as TestSession;

const idOf = (n: number) => ctx.db.prepare('SELECT id FROM athlete WHERE family_name = ?').pluck().get(`N${n}`) as number | undefined;
// Carry on numbering after whatever earlier (killed) runs committed.
let n = ctx.db.prepare("SELECT coalesce(max(CAST(substr(family_name, 2) AS INTEGER)), 0) FROM athlete WHERE family_name GLOB 'N[0-9]*'").pluck().get() as number;
report('ready');
for (;;) {
  n += 1;
  const created = (await call('athletes.create', { givenName: 'Runner', familyName: `N${n}`, bodyMassKg: 50 + (n % 50) })) as { id: number };
  report(`C ${n}`);
  const previous = idOf(n - 1);
  if (n % 3 === 0 && previous !== undefined) {
    // An edit keeps everything else as it is (the group, the archive), as the roster form does.
    const { id: _id, archivedAt: _archivedAt, createdAt: _createdAt, updatedAt: _updatedAt, ...fields } = (await call('athletes.get', { id: previous })) as Athlete;
    await call('athletes.update', { id: previous, fields: { ...fields, bodyMassKg: 100.5 } });
    report(`U ${n - 1}`);
  }
  // The plan, results and a re-test for the new athlete, before anything archives them.
  await call('changes.apply', { athleteIds: [created.id], from: '2026-09-08', to: '2026-09-08', action: { kind: 'note', note: `P${n}` } });
  report(`P ${n}`);
  await call('results.save', { athleteId: created.id, date: '2026-09-07', strength: null, run: null, wellness: { fatigue: 1 + (n % 5), sleepQuality: 3, muscleSoreness: 3, stress: 3, mood: 3 } });
  report(`R ${n}`);
  await call('retests.saveResults', { sessionId: session.id, athletes: [{ athleteId: created.id, tests: [{ testId: cmj.id, trials: [{ side: 'none', trial: 1, value: 20 + (n % 50) }] }] }] });
  report(`T ${n}`);
  if (n % 4 === 0) {
    await call('events.create', { date: '2026-09-20', kind: 'test_day', name: `E${n}` });
    report(`E ${n}`);
  }
  const older = idOf(n - 2);
  if (n % 5 === 0 && older !== undefined) {
    await call('athletes.archive', { ids: [older] });
    report(`A ${n - 2}`);
  }
  if (n % 7 === 0) {
    const group = (await call('groups.create', { name: `G${n}`, color: '#2f9e44' })) as { id: number };
    report(`G ${n}`);
    await call('athletes.moveToGroup', { ids: [created.id], groupId: group.id });
    report(`M ${n}`);
  }
  if (n % 6 === 0) {
    // The next day's daily backup: the clock moves on a day.
    dayOffset += 1;
    report(`B ${dayOffset}`);
    await takeDailyBackup(ctx);
    report(`b ${dayOffset}`);
  }
}

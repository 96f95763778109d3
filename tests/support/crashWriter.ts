/**
 * The child process of tests/electron/crashSafety.test.ts: opens the squad the way the app does
 * (openApi: checks, pragmas, migrations, the daily backup) and writes an endless stream of changes
 * through the real dispatcher. After each call returns (its transaction committed) it prints one
 * line saying what is now committed, synchronously, so the parent knows exactly what must survive
 * a SIGKILL at any moment.
 *
 *   C <n>   athlete "Runner N<n>" was added (body mass 50 + n % 50 kg)
 *   U <m>   athlete N<m>'s body mass is now 100.5 kg
 *   A <m>   athlete N<m> is archived
 *   G <n>   group "G<n>" was created
 *   M <n>   athlete N<n> is in group G<n>
 */
import fs from 'node:fs';
import { dispatch } from '@main/api/dispatch';
import { openApi } from '@main/api/open';
import type { Athlete } from '@shared/domain/roster';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: crashWriter <data dir>');

function report(line: string): void {
  fs.writeSync(1, `${line}\n`);
}

async function call(method: Parameters<typeof dispatch>[1], input: unknown): Promise<unknown> {
  const response = await dispatch(ctx, method, input, () => undefined);
  if (!response.ok) throw new Error(`${String(method)}: ${response.error.message}`);
  return response.value;
}

const { ctx } = await openApi({ dataDir, mode: 'browser', appVersion: 'crash-test', log: () => undefined });
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
}

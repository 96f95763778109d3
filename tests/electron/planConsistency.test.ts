import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '@main/api/dispatch';
import { refreshCalendar } from '@main/services/plan/calendarStore';
import { loadGeneratedSquad } from '@main/services/sample/squad';
import { addDays } from '@shared/dates';
import type { MethodInput, MethodName } from '@shared/contract';
import type { Block } from '@shared/plan/model';
import { openTempSquad, type TempSquad } from '../support/tempSquad';

/**
 * The calendar table is rebuilt incrementally (only the athletes and dates an edit touches). Whatever
 * sequence of edits a coach makes, it must hold exactly what a full rebuild from scratch gives.
 */
let squad: TempSquad;
beforeEach(async () => {
  squad = await openTempSquad({ now: () => new Date('2026-09-09T06:00:00Z') });
  loadGeneratedSquad(squad.db, { seed: 3, size: 'sample' }, new Date('2026-09-09T06:00:00Z'));
});
afterEach(() => squad.close());

const snapshot = () => JSON.stringify(squad.db.prepare('SELECT * FROM athlete_day ORDER BY athlete_id, day').raw().all());

async function call<M extends MethodName>(method: M, input: MethodInput<M>) {
  // Refusals (a clash, a day without a session) are part of the sequence: they must change nothing.
  return dispatch(squad.ctx, method, input, () => undefined);
}

describe('the calendar table after any sequence of edits', () => {
  it('equals a full rebuild', async () => {
    const athletes = squad.db.prepare('SELECT id FROM athlete ORDER BY id').pluck().all() as number[];
    const groups = squad.db.prepare('SELECT id FROM squad_group ORDER BY id').pluck().all() as number[];
    const templates = squad.db.prepare('SELECT id FROM session_template ORDER BY id').pluck().all() as number[];
    const start = squad.db.prepare('SELECT min(start_date) FROM block').pluck().get() as string;
    const day = fc.integer({ min: -7, max: 50 }).map((n) => addDays(start, n));
    const athlete = fc.constantFrom(...athletes);

    const edit = fc.oneof(
      fc.record({ kind: fc.constant('skip' as const), athlete, day, span: fc.integer({ min: 0, max: 9 }) }),
      fc.record({ kind: fc.constant('setStrength' as const), athlete, day, template: fc.constantFrom(...templates) }),
      fc.record({ kind: fc.constant('setRun' as const), athlete, day }),
      fc.record({ kind: fc.constant('deload' as const), athlete, day }),
      fc.record({ kind: fc.constant('move' as const), athlete, day, by: fc.integer({ min: -3, max: 3 }) }),
      fc.record({ kind: fc.constant('clear' as const), athlete, day, span: fc.integer({ min: 0, max: 14 }) }),
      fc.record({ kind: fc.constant('moveGroup' as const), athlete, group: fc.constantFrom(...groups) }),
      fc.record({ kind: fc.constant('archive' as const), athlete }),
      fc.record({ kind: fc.constant('shiftBlock' as const), pick: fc.nat(), weeks: fc.integer({ min: -2, max: 2 }), length: fc.integer({ min: 1, max: 8 }), deload: fc.boolean() }),
    );

    await fc.assert(
      fc.asyncProperty(fc.array(edit, { minLength: 5, maxLength: 25 }), async (edits) => {
        for (const e of edits) {
          switch (e.kind) {
            case 'skip':
              await call('changes.apply', { athleteIds: [e.athlete], from: e.day, to: addDays(e.day, e.span), action: { kind: 'skipStrength' } });
              break;
            case 'setStrength':
              await call('changes.apply', { athleteIds: [e.athlete], from: e.day, to: e.day, action: { kind: 'setStrength', templateId: e.template } });
              break;
            case 'setRun':
              await call('changes.apply', { athleteIds: [e.athlete], from: e.day, to: e.day, action: { kind: 'setRun', run: { type: 'tempo', minutes: 30, rpe: 6 } } });
              break;
            case 'deload':
              await call('changes.apply', { athleteIds: [e.athlete], from: e.day, to: addDays(e.day, 6), action: { kind: 'deload', deload: true } });
              break;
            case 'move':
              if (e.by !== 0) await call('changes.move', { athleteId: e.athlete, from: e.day, to: addDays(e.day, e.by) });
              break;
            case 'clear':
              await call('changes.clear', { athleteIds: [e.athlete], from: e.day, to: addDays(e.day, e.span) });
              break;
            case 'moveGroup':
              await call('athletes.moveToGroup', { ids: [e.athlete], groupId: e.group });
              break;
            case 'archive':
              await call('athletes.archive', { ids: [e.athlete] });
              break;
            case 'shiftBlock': {
              const list = await call('blocks.list', {});
              const blocks = list.ok ? (list.value as Block[]) : [];
              const found = blocks[e.pick % Math.max(1, blocks.length)];
              if (!found) break;
              const { id, endDate: _end, ...fields } = found;
              await call('blocks.update', { id, fields: { ...fields, startDate: addDays(found.startDate, e.weeks * 7), weeks: e.length, deloadWeek: e.deload ? e.length : null } });
              break;
            }
          }
        }
        // Read once through the API (flushes what the roster marked), then compare with a rebuild from scratch.
        await call('calendar.grid', { from: start, to: addDays(start, 60) });
        const incremental = snapshot();
        squad.db.transaction(() => refreshCalendar(squad.db, athletes, null))();
        expect(snapshot()).toBe(incremental);
      }),
      { numRuns: 40 },
    );
  }, 120_000);
});

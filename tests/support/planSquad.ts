/**
 * Helpers for plan tests on a real squad database: call methods as the window does, make a
 * small squad, read one cell of the grid.
 */
import type { BlockFieldsInput } from '@shared/contract/plan';
import { daysBetween } from '@shared/dates';
import { decodeGridCell, type DecodedCell } from '@shared/plan/gridCode';
import type { CalendarGrid } from '@shared/plan/views';
import { apiCalls } from './calls';
import type { TempSquad } from './tempSquad';

export function planApi(squad: () => TempSquad) {
  const { ok, refused } = apiCalls(squad);

  /** The built-in template id of a code (foundational_a...). */
  async function templateId(code: string): Promise<number> {
    const found = (await ok('templates.list', { includeHidden: true })).find((t) => t.code === code);
    if (!found) throw new Error(`no template ${code}`);
    return found.id;
  }

  async function exerciseId(code: string): Promise<number> {
    const found = (await ok('exercises.list', { includeHidden: true })).find((e) => e.code === code);
    if (!found) throw new Error(`no exercise ${code}`);
    return found.id;
  }

  /** Two groups (Distance, Sprints) with athletes; returns their ids. */
  async function smallSquad() {
    const distance = await ok('groups.create', { name: 'Distance', color: '#2f9e44' });
    const sprints = await ok('groups.create', { name: 'Sprints', color: '#e8590c' });
    const ana = await ok('athletes.create', { givenName: 'Ana', familyName: 'López', groupId: distance.id, raceGoal: 'half_marathon', eventFocus: 'distance' });
    const ben = await ok('athletes.create', { givenName: 'Ben', familyName: 'Okafor', groupId: distance.id, raceGoal: '5k', eventFocus: 'distance' });
    const cara = await ok('athletes.create', { givenName: 'Cara', familyName: 'Nguyen', groupId: sprints.id, raceGoal: '100m', eventFocus: 'sprints' });
    return { distance: distance.id, sprints: sprints.id, ana: ana.id, ben: ben.id, cara: cara.id };
  }

  /**
   * DOMAIN.md's default foundational block for a distance group: Mon A + easy 30, Tue intervals
   * 50, Wed easy 40, Thu B + easy 30, Fri rest, Sat long 75, Sun C from week 5 (none in 4 weeks).
   */
  async function foundationalBlock(fields: Partial<BlockFieldsInput> = {}): Promise<BlockFieldsInput> {
    const [a, b, c] = await Promise.all([templateId('foundational_a'), templateId('foundational_b'), templateId('foundational_c')]);
    return {
      name: 'Foundational 1',
      phase: 'foundational',
      startDate: '2026-09-07',
      weeks: 4,
      deloadWeek: 4,
      rhythm: [
        { weekday: 0, templateId: c, strengthFromWeek: 5, run: { type: 'rest', minutes: 0, rpe: 0 } },
        { weekday: 1, templateId: a, run: { type: 'easy', minutes: 30, rpe: 3 } },
        { weekday: 2, run: { type: 'intervals', minutes: 50, rpe: 8 } },
        { weekday: 3, run: { type: 'easy', minutes: 40, rpe: 3 } },
        { weekday: 4, templateId: b, run: { type: 'easy', minutes: 30, rpe: 3 } },
        { weekday: 5, run: { type: 'rest', minutes: 0, rpe: 0 } },
        { weekday: 6, run: { type: 'long', minutes: 75, rpe: 5 } },
      ],
      ...fields,
    };
  }

  return { ok, refused, templateId, exerciseId, smallSquad, foundationalBlock };
}

/** The decoded cell and template id of one athlete on one date. */
export function cellAt(grid: CalendarGrid, athleteId: number, date: string): DecodedCell & { templateId: number; code: number } {
  const row = grid.athleteIds.indexOf(athleteId);
  if (row < 0) throw new Error(`athlete ${athleteId} is not on the grid`);
  const at = row * grid.days + daysBetween(grid.from, date);
  const code = grid.cells[at] ?? 0;
  return { ...decodeGridCell(code), templateId: grid.strength[at] ?? 0, code };
}

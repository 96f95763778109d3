import { describe, expect, it } from 'vitest';
import { buildRows, GridData, groupSelection, moveCell, pagesFor, PAGE_DAYS, selectionCells, type GridRow } from '@renderer/features/calendar/gridModel';
import { encodeGridCell } from '@shared/plan/gridCode';
import type { CalendarGrid } from '@shared/plan/views';
import { makeAthlete } from './fakeApi';

const sprints = { id: 1, name: 'Sprints', color: '#e8590c', sortOrder: 2, athleteCount: 0 };
const distance = { id: 2, name: 'Distance', color: '#2f9e44', sortOrder: 1, athleteCount: 0 };
const athletes = [
  makeAthlete(1, { givenName: 'Ana', familyName: 'López', groupId: 2 }),
  makeAthlete(2, { givenName: 'Ben', familyName: 'Okafor', groupId: 1 }),
  makeAthlete(3, { givenName: 'Cara', familyName: 'Nguyen', groupId: 2 }),
  makeAthlete(4, { givenName: 'Dan', familyName: 'Ito', groupId: null }),
  makeAthlete(5, { givenName: 'Eve', familyName: 'Adeyemi', groupId: 2, archivedAt: '2026-01-01T00:00:00Z' }),
];
const names = (rows: GridRow[]) => rows.map((r) => (r.kind === 'group' ? `[${r.name}]` : r.athlete.familyName));

describe('calendar rows', () => {
  it('group the active athletes in group order, by name, with athletes without a group last', () => {
    expect(names(buildRows(athletes, [sprints, distance], { group: 'all', search: '' }, new Set()))).toEqual(['[Distance]', 'López', 'Nguyen', '[Sprints]', 'Okafor', '[No group]', 'Ito']);
  });

  it('filter by group and by name (accents ignored), and keep only the header of a collapsed group', () => {
    expect(names(buildRows(athletes, [sprints, distance], { group: '1', search: '' }, new Set()))).toEqual(['[Sprints]', 'Okafor']);
    expect(names(buildRows(athletes, [sprints, distance], { group: 'none', search: '' }, new Set()))).toEqual(['[No group]', 'Ito']);
    expect(names(buildRows(athletes, [sprints, distance], { group: 'all', search: 'lopez' }, new Set()))).toEqual(['[Distance]', 'López']);
    const collapsed = buildRows(athletes, [sprints, distance], { group: 'all', search: '' }, new Set(['g2']));
    expect(names(collapsed)).toEqual(['[Distance]', '[Sprints]', 'Okafor', '[No group]', 'Ito']);
    expect(collapsed[0]).toMatchObject({ kind: 'group', count: 2, collapsed: true });
  });
});

describe('grid pages', () => {
  it('cut a season into 12-week pages, the one holding the focus day first', () => {
    // 364 days: pages start at day 0, 84, 168, 252, 336 (the last 28 days long).
    const pages = pagesFor('2026-08-31', '2027-08-29', '2026-12-01');
    expect(PAGE_DAYS).toBe(84);
    expect(pages.map((p) => p.offset)).toEqual([84, 0, 168, 252, 336]);
    expect(pages[0]).toEqual({ from: '2026-11-23', to: '2027-02-14', offset: 84 });
    expect(pages.at(-1)).toEqual({ from: '2027-08-02', to: '2027-08-29', offset: 336 });
  });
});

describe('grid data across pages', () => {
  const day = (x: Partial<Parameters<typeof encodeGridCell>[0]>) =>
    encodeGridCell(
      { day: 0, blockId: 1, week: 1, phase: 'foundational', blockStart: false, isDeload: false, deloadChanged: false, plannedTemplateId: null, templateId: null, strength: 'plan', plannedRun: null, run: null, runState: 'plan', hasNote: false, hasSwap: false, ...x },
      0,
    );
  const page = (offset: number, cells: number[], strength: number[], athleteIds: number[]): { page: { from: string; to: string; offset: number }; grid: CalendarGrid } => ({
    page: { from: 'x', to: 'y', offset },
    grid: { from: 'x', to: 'y', days: cells.length / athleteIds.length, athleteIds, cells, strength, templates: [{ id: 7, name: 'A', sessionType: 'A', phase: null }], blocks: [], events: [] },
  });

  it('reads a cell of any loaded page by athlete and day, 0 for what is missing', () => {
    const easy = day({ run: { type: 'easy', minutes: 30, rpe: 3 } });
    const data = new GridData([
      page(0, [easy, 0, 0, easy], [7, 0, 0, 0], [10, 20]),
      page(2, [0, easy, easy, 0], [0, 7, 0, 0], [20, 10]),
    ]);
    expect(data.code(10, 0)).toBe(easy);
    expect(data.template(10, 0)).toBe(7);
    expect(data.code(20, 1)).toBe(easy);
    // Page 2 lists athlete 20 first: day 2 of athlete 10 is its row 1, column 0.
    expect(data.code(10, 2)).toBe(easy);
    expect(data.template(20, 3)).toBe(7);
    expect(data.template(10, 3)).toBe(0);
    expect(data.code(99, 0)).toBe(0);
    expect(data.has(3)).toBe(true);
    expect(data.has(4)).toBe(false);
    expect(data.templateTypes.get(7)).toEqual({ name: 'A', sessionType: 'A' });
  });
});

describe('selection and keyboard movement', () => {
  const rows = buildRows(athletes, [sprints, distance], { group: 'all', search: '' }, new Set());
  it('covers the athletes between the two corners (group rows stand for nothing) and the days between', () => {
    expect(selectionCells(rows, { anchor: { row: 2, day: 9 }, focus: { row: 4, day: 3 } })).toEqual({ athleteIds: [3, 2], fromDay: 3, toDay: 9 });
  });

  it("selects a group's athletes for one day from its header row", () => {
    expect(groupSelection(rows, 0, 5)).toEqual({ anchor: { row: 1, day: 5 }, focus: { row: 2, day: 5 } });
    expect(selectionCells(rows, groupSelection(rows, 3, 5) ?? { anchor: { row: 0, day: 0 }, focus: { row: 0, day: 0 } }).athleteIds).toEqual([2]);
  });

  it('moves with the arrows, skipping group rows and stopping at the edges', () => {
    expect(moveCell(rows, 10, { row: 2, day: 0 }, 'ArrowDown')).toEqual({ row: 4, day: 0 });
    expect(moveCell(rows, 10, { row: 1, day: 0 }, 'ArrowUp')).toEqual({ row: 1, day: 0 });
    expect(moveCell(rows, 10, { row: 1, day: 0 }, 'ArrowLeft')).toEqual({ row: 1, day: 0 });
    expect(moveCell(rows, 10, { row: 1, day: 9 }, 'ArrowRight')).toEqual({ row: 1, day: 9 });
    expect(moveCell(rows, 10, { row: 1, day: 4 }, 'ArrowRight')).toEqual({ row: 1, day: 5 });
  });
});

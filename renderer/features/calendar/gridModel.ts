/**
 * The calendar grid's model, free of React: which rows are shown (groups, collapsed or not,
 * filtered by group and name), how the date range is cut into pages the server is asked for,
 * where a cell's data lives, and what a selection covers.
 */
import { addDays, daysBetween, type IsoDate } from '@shared/dates';
import { athleteFullName, type Athlete, type Group } from '@shared/domain/roster';
import type { CalendarGrid } from '@shared/plan/views';

export type Zoom = 'week' | 'month' | 'season';

export type GridRow =
  | { kind: 'group'; key: string; groupId: number | null; name: string; color: string; count: number; collapsed: boolean }
  | { kind: 'athlete'; key: string; athlete: Athlete; groupId: number | null; color: string };

export interface RowFilter {
  /** 'all', a group id as text, or 'none' (athletes without a group). */
  group: string;
  search: string;
}

const fold = (s: string) => s.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLocaleLowerCase('en');

/** Group header rows and athlete rows in group order, then name; collapsed groups keep only their header. */
export function buildRows(athletes: readonly Athlete[], groups: readonly Group[], filter: RowFilter, collapsed: ReadonlySet<string>): GridRow[] {
  const search = fold(filter.search.trim());
  const active = athletes.filter((a) => a.archivedAt === null && (search === '' || fold(athleteFullName(a)).includes(search) || fold(`${a.familyName} ${a.givenName}`).includes(search)));
  const byName = (a: Athlete, b: Athlete) => a.familyName.localeCompare(b.familyName, 'en', { sensitivity: 'base' }) || a.givenName.localeCompare(b.givenName, 'en', { sensitivity: 'base' });
  const sections: { key: string; groupId: number | null; name: string; color: string }[] = [
    ...[...groups].sort((a, b) => a.sortOrder - b.sortOrder || a.id - b.id).map((g) => ({ key: `g${g.id}`, groupId: g.id, name: g.name, color: g.color })),
    { key: 'none', groupId: null, name: 'No group', color: '#adb5bd' },
  ];
  const rows: GridRow[] = [];
  for (const section of sections) {
    if (filter.group !== 'all' && filter.group !== (section.groupId === null ? 'none' : String(section.groupId))) continue;
    const members = active.filter((a) => a.groupId === section.groupId).sort(byName);
    if (members.length === 0) continue;
    const isCollapsed = collapsed.has(section.key);
    rows.push({ kind: 'group', key: section.key, groupId: section.groupId, name: section.name, color: section.color, count: members.length, collapsed: isCollapsed });
    if (!isCollapsed) for (const athlete of members) rows.push({ kind: 'athlete', key: `a${athlete.id}`, athlete, groupId: section.groupId, color: section.color });
  }
  return rows;
}

/** Days asked from the server at once: 12 weeks, the figure the benchmark measures. */
export const PAGE_DAYS = 84;

export interface GridPage {
  from: IsoDate;
  to: IsoDate;
  /** Day index of `from` within the range. */
  offset: number;
}

/** Cut [from, to] into pages of PAGE_DAYS, the one holding `focus` first (it is what the coach sees). */
export function pagesFor(from: IsoDate, to: IsoDate, focus: IsoDate): GridPage[] {
  const total = daysBetween(from, to) + 1;
  const pages: GridPage[] = [];
  for (let offset = 0; offset < total; offset += PAGE_DAYS) {
    pages.push({ from: addDays(from, offset), to: addDays(from, Math.min(total, offset + PAGE_DAYS) - 1), offset });
  }
  const focusIndex = Math.max(0, daysBetween(from, focus));
  return pages.sort((a, b) => distance(a, focusIndex) - distance(b, focusIndex));
}

function distance(page: GridPage, index: number): number {
  if (index < page.offset) return page.offset - index;
  if (index >= page.offset + PAGE_DAYS) return index - page.offset - PAGE_DAYS + 1;
  return 0;
}

/** Reads cells across the loaded pages: O(1) per cell, no objects allocated. */
export class GridData {
  private readonly pages: { page: GridPage; grid: CalendarGrid; rowOf: Int32Array }[] = [];
  readonly templateTypes = new Map<number, { name: string; sessionType: string }>();

  constructor(loaded: readonly { page: GridPage; grid: CalendarGrid | undefined }[]) {
    for (const { page, grid } of loaded) {
      if (!grid) continue;
      const maxId = grid.athleteIds.reduce((m, id) => Math.max(m, id), 0);
      const rowOf = new Int32Array(maxId + 1).fill(-1);
      grid.athleteIds.forEach((id, row) => (rowOf[id] = row));
      this.pages.push({ page, grid, rowOf });
      for (const t of grid.templates) this.templateTypes.set(t.id, { name: t.name, sessionType: t.sessionType });
    }
    this.pages.sort((a, b) => a.page.offset - b.page.offset);
  }

  private pageOf(dayIndex: number) {
    const p = this.pages[Math.floor(dayIndex / PAGE_DAYS)];
    if (p && p.page.offset <= dayIndex && dayIndex < p.page.offset + p.grid.days) return p;
    return this.pages.find((x) => x.page.offset <= dayIndex && dayIndex < x.page.offset + x.grid.days);
  }

  /** Whether the day's page has arrived. */
  has(dayIndex: number): boolean {
    return this.pageOf(dayIndex) !== undefined;
  }

  code(athleteId: number, dayIndex: number): number {
    const p = this.pageOf(dayIndex);
    if (!p) return 0;
    const row = athleteId < p.rowOf.length ? (p.rowOf[athleteId] ?? -1) : -1;
    return row < 0 ? 0 : (p.grid.cells[row * p.grid.days + (dayIndex - p.page.offset)] ?? 0);
  }

  template(athleteId: number, dayIndex: number): number {
    const p = this.pageOf(dayIndex);
    if (!p) return 0;
    const row = athleteId < p.rowOf.length ? (p.rowOf[athleteId] ?? -1) : -1;
    return row < 0 ? 0 : (p.grid.strength[row * p.grid.days + (dayIndex - p.page.offset)] ?? 0);
  }

  get loadedPages(): number {
    return this.pages.length;
  }

  /** Test days, races and blocks of every loaded page (deduplicated). */
  get events() {
    const seen = new Map<number, CalendarGrid['events'][number]>();
    for (const p of this.pages) for (const e of p.grid.events) seen.set(e.id, e);
    return [...seen.values()];
  }

  get blocks() {
    const seen = new Map<number, CalendarGrid['blocks'][number]>();
    for (const p of this.pages) for (const b of p.grid.blocks) seen.set(b.id, b);
    return [...seen.values()].sort((a, b) => a.startDate.localeCompare(b.startDate));
  }
}

/** A cell of the grid: an athlete row (index into the rows) and a day index. */
export interface CellRef {
  row: number;
  day: number;
}

export interface Selection {
  anchor: CellRef;
  focus: CellRef;
}

/** The athletes (in row order) and the day span a selection covers; group rows inside it stand for their athletes. */
export function selectionCells(rows: readonly GridRow[], selection: Selection): { athleteIds: number[]; fromDay: number; toDay: number } {
  const top = Math.min(selection.anchor.row, selection.focus.row);
  const bottom = Math.max(selection.anchor.row, selection.focus.row);
  const athleteIds: number[] = [];
  for (let r = top; r <= bottom; r += 1) {
    const row = rows[r];
    if (row?.kind === 'athlete') athleteIds.push(row.athlete.id);
  }
  return { athleteIds, fromDay: Math.min(selection.anchor.day, selection.focus.day), toDay: Math.max(selection.anchor.day, selection.focus.day) };
}

/** The rows of a group's athletes, for selecting "a whole group's column". */
export function groupSelection(rows: readonly GridRow[], groupRow: number, day: number): Selection | null {
  let last = groupRow;
  for (let r = groupRow + 1; r < rows.length && rows[r]?.kind === 'athlete'; r += 1) last = r;
  if (last === groupRow) return null;
  return { anchor: { row: groupRow + 1, day }, focus: { row: last, day } };
}

/** Move within the grid by arrow keys, skipping group rows. */
export function moveCell(rows: readonly GridRow[], days: number, from: CellRef, key: 'ArrowUp' | 'ArrowDown' | 'ArrowLeft' | 'ArrowRight'): CellRef {
  if (key === 'ArrowLeft') return { row: from.row, day: Math.max(0, from.day - 1) };
  if (key === 'ArrowRight') return { row: from.row, day: Math.min(days - 1, from.day + 1) };
  const step = key === 'ArrowUp' ? -1 : 1;
  for (let r = from.row + step; r >= 0 && r < rows.length; r += step) if (rows[r]?.kind === 'athlete') return { row: r, day: from.day };
  return from;
}

export function inSelection(selection: Selection | null, row: number, day: number): boolean {
  if (!selection) return false;
  return (
    row >= Math.min(selection.anchor.row, selection.focus.row) &&
    row <= Math.max(selection.anchor.row, selection.focus.row) &&
    day >= Math.min(selection.anchor.day, selection.focus.day) &&
    day <= Math.max(selection.anchor.day, selection.focus.day)
  );
}

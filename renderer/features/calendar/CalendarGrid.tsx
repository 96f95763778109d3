/**
 * The squad calendar: a row per athlete (grouped, groups collapsible), a column per day,
 * virtualized both ways so 300 athletes x a season scroll smoothly. Cells are plain divs styled
 * by class (cells.ts); one mouse handler for the whole grid reads which cell was hit from its
 * data attributes. Keyboard: arrows move, Shift+arrows extend the selection, Enter opens the
 * day, Delete resets the selection to the group plan, Escape clears the selection.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { forwardRef, memo, useCallback, useEffect, useImperativeHandle, useMemo, useRef, type KeyboardEvent, type MouseEvent, type ReactNode } from 'react';
import { dayNumber, isoDate, weekdayOf } from '../../../shared/plan/days';
import type { CalendarEvent } from '../../../shared/plan/model';
import type { GridBlock } from '../../../shared/plan/views';
import { CellLooks } from './cells';
import { moveCell, type CellRef, type GridData, type GridRow, type Selection, type Zoom } from './gridModel';
import './calendar.css';

export const NAME_WIDTH = 210;
export const HEADER_HEIGHT = 44;
export const GROUP_ROW_HEIGHT = 28;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const WEEKDAY_LETTER = ['S', 'M', 'T', 'W', 'T', 'F', 'S'];

export interface GridHandle {
  scrollToDay(day: number): void;
  scrollToCell(cell: CellRef): void;
  focus(): void;
}

export interface CalendarGridProps {
  rows: GridRow[];
  /** Day number of the first column. */
  startDay: number;
  days: number;
  zoom: Zoom;
  colWidth: number;
  rowHeight: number;
  height: number;
  data: GridData;
  todayIndex: number;
  firstDayOfWeek: number;
  /** Events by day index. */
  events: ReadonlyMap<number, CalendarEvent[]>;
  blocks: readonly GridBlock[];
  selection: Selection | null;
  active: CellRef | null;
  /** The day the grid scrolls to when it first shows. */
  initialDay: number;
  onSelect(selection: Selection, active: CellRef): void;
  onOpen(cell: CellRef): void;
  onClearChanges(): void;
  onEscape(): void;
  onToggleGroup(key: string): void;
  onGroupColumn(groupRow: number, day: number): void;
  /** One sentence about the active cell, read out by screen readers. */
  describe(cell: CellRef): string;
  /** Later: load-monitoring warnings (issue 7) shown as a corner flag. */
  warningAt?: (athleteId: number, day: number) => boolean;
}

interface RowProps {
  row: GridRow;
  rowIndex: number;
  top: number;
  height: number;
  first: number;
  last: number;
  colWidth: number;
  totalWidth: number;
  startDay: number;
  zoom: Zoom;
  data: GridData;
  looks: CellLooks;
  todayIndex: number;
  firstDayOfWeek: number;
  events: ReadonlyMap<number, CalendarEvent[]>;
  blocks: readonly GridBlock[];
  selFrom: number;
  selTo: number;
  activeDay: number;
  warningAt?: (athleteId: number, day: number) => boolean;
}

function eventAffects(e: CalendarEvent, row: Extract<GridRow, { kind: 'athlete' }>): boolean {
  return (e.groupId === null && e.athleteId === null) || (e.groupId !== null && e.groupId === row.groupId) || e.athleteId === row.athlete.id;
}

const AthleteRow = memo(function AthleteRow(p: RowProps & { row: Extract<GridRow, { kind: 'athlete' }> }) {
  const { row, data, looks, zoom, colWidth } = p;
  const id = row.athlete.id;
  const cells: ReactNode[] = [];
  const kind = zoom === 'season' ? 'cc s' : zoom === 'month' ? 'cc m' : 'cc w';
  for (let d = p.first; d <= p.last; d += 1) {
    const left = NAME_WIDTH + d * colWidth;
    let dyn = '';
    if (d === p.todayIndex) dyn += ' td';
    if (weekdayOf(p.startDay + d) === p.firstDayOfWeek) dyn += ' wk';
    if (d >= p.selFrom && d <= p.selTo) dyn += ' sel';
    if (d === p.activeDay) dyn += ' act';
    if (p.warningAt?.(id, d)) dyn += ' wn';
    if (!data.has(d)) {
      cells.push(<div key={d} className={`${kind} ld${dyn}`} style={{ left, width: colWidth }} data-a={id} data-d={d} role="gridcell" />);
      continue;
    }
    const look = looks.get(data.code(id, d), data.template(id, d));
    const dayEvents = p.events.get(d);
    const event = dayEvents?.find((e) => eventAffects(e, row));
    if (zoom === 'season') {
      cells.push(<div key={d} className={`${kind} ${look.cell}${dyn}`} style={{ left, width: colWidth }} data-a={id} data-d={d} role="gridcell" />);
      continue;
    }
    const marks = `${event ? (event.kind === 'race' ? 'RACE ' : 'TEST ') : ''}${look.marks}`;
    cells.push(
      <div key={d} className={`${kind} ${look.cell}${dyn}`} style={{ left, width: colWidth }} data-a={id} data-d={d} role="gridcell" aria-selected={d >= p.selFrom && d <= p.selTo}>
        {look.strength && <span className={`ch s ${look.strength.cls}`}>{look.strength.text}</span>}
        {look.run && <span className={`ch r ${look.run.cls}`}>{look.run.text}</span>}
        {marks && zoom === 'week' && <span className={`mk ${event ? `mk-ev-${event.kind}` : look.marks.includes('R') ? 'mk-swap' : 'mk-note'}`}>{marks.trim()}</span>}
        {marks && zoom === 'month' && <span className={`mk ${event ? `mk-ev-${event.kind}` : look.marks.includes('R') ? 'mk-swap' : 'mk-note'}`}>{event ? '⚑' : look.marks}</span>}
      </div>,
    );
  }
  const a = row.athlete;
  return (
    <div className="cal-row" role="row" style={{ top: p.top, height: p.height, width: p.totalWidth }} data-row={p.rowIndex}>
      <div className="cal-name" role="rowheader" style={{ width: NAME_WIDTH, ['--band' as string]: row.color }} title={a.injured ? `${a.givenName} ${a.familyName}: injured / modified. ${a.injuryNotes}` : undefined}>
        <span className="nm">
          {a.familyName}, {a.givenName}
        </span>
        {a.injured && <span className="inj">INJ</span>}
      </div>
      {cells}
    </div>
  );
});

const GroupRow = memo(function GroupRow(p: RowProps & { row: Extract<GridRow, { kind: 'group' }>; onToggle(key: string): void }) {
  const { row, colWidth, startDay } = p;
  const cells: ReactNode[] = [];
  for (let d = p.first; d <= p.last; d += 1) {
    cells.push(<div key={d} className="cal-gc" style={{ left: NAME_WIDTH + d * colWidth, width: colWidth }} data-g={p.rowIndex} data-d={d} title="Select this group's day" />);
  }
  const bands: ReactNode[] = [];
  if (row.groupId !== null) {
    for (const b of p.blocks) {
      if (!b.groupIds.includes(row.groupId)) continue;
      const from = dayNumber(b.startDate) - startDay;
      const to = dayNumber(b.endDate) - startDay;
      if (to < p.first || from > p.last) continue;
      const left = NAME_WIDTH + from * colWidth + 1;
      const width = (to - from + 1) * colWidth - 2;
      bands.push(
        <div key={b.id} className={`cal-band ph-${b.phase}`} style={{ left, width }} title={`${b.name}: ${b.startDate} to ${b.endDate}`}>
          {width > 60 && <span className="cal-sticky-label">{b.name}</span>}
        </div>,
      );
      if (b.deloadWeek !== null) {
        const dl = from + (b.deloadWeek - 1) * 7;
        bands.push(<div key={`${b.id}-dl`} className="cal-band-deload" style={{ left: NAME_WIDTH + dl * colWidth + 1, width: 7 * colWidth - 2 }} />);
      }
    }
  }
  return (
    <div className="cal-row grp" role="row" style={{ top: p.top, height: p.height, width: p.totalWidth }} data-row={p.rowIndex}>
      <div
        className="cal-name"
        role="rowheader"
        style={{ width: NAME_WIDTH, ['--band' as string]: row.color }}
        onClick={() => p.onToggle(row.key)}
        aria-expanded={!row.collapsed}
        aria-label={`${row.name}, ${row.count} athletes, ${row.collapsed ? 'collapsed' : 'expanded'}`}
      >
        <span aria-hidden>{row.collapsed ? '▸' : '▾'}</span>
        <span className="nm">{row.name}</span>
        <span style={{ color: 'var(--mantine-color-gray-6)', fontWeight: 400 }}>{row.count}</span>
      </div>
      {cells}
      {bands}
    </div>
  );
});

export const CalendarGrid = forwardRef<GridHandle, CalendarGridProps>(function CalendarGrid(props, ref) {
  const { rows, days, colWidth, rowHeight, zoom, data, startDay } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const dragging = useRef<{ anchor: CellRef; moved: boolean; shift: boolean } | null>(null);

  const rowVirtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (i) => (rows[i]?.kind === 'group' ? GROUP_ROW_HEIGHT : rowHeight),
    paddingStart: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
    overscan: 6,
    getItemKey: (i) => rows[i]?.key ?? i,
  });
  const colVirtualizer = useVirtualizer({
    horizontal: true,
    count: days,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => colWidth,
    paddingStart: NAME_WIDTH,
    scrollPaddingStart: NAME_WIDTH,
    overscan: zoom === 'season' ? 10 : 3,
  });

  // Rows change height when groups collapse or the zoom changes.
  useEffect(() => {
    rowVirtualizer.measure();
  }, [rows, rowHeight, rowVirtualizer]);

  const looks = useMemo(() => new CellLooks(zoom, data.templateTypes), [zoom, data]);
  const totalWidth = colVirtualizer.getTotalSize();
  const totalHeight = rowVirtualizer.getTotalSize();

  useImperativeHandle(ref, () => ({
    scrollToDay: (day) => colVirtualizer.scrollToIndex(Math.max(0, Math.min(days - 1, day)), { align: 'start' }),
    scrollToCell: (cell) => {
      rowVirtualizer.scrollToIndex(cell.row, { align: 'auto' });
      colVirtualizer.scrollToIndex(cell.day, { align: 'auto' });
    },
    focus: () => scrollRef.current?.focus({ preventScroll: true }),
  }));

  // First show: the focus day at the left edge (a few days of context before it).
  const initial = useRef(props.initialDay);
  useEffect(() => {
    // The season view starts at the season's first day; week and month at the focus day (with a few days before it).
    colVirtualizer.scrollToIndex(zoom === 'season' ? 0 : Math.max(0, initial.current - (zoom === 'week' ? 0 : 3)), { align: 'start' });
    // Only once per mounted grid.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const cellAt = (target: EventTarget | null): { cell: CellRef | null; groupRow: number | null } => {
    const el = (target as HTMLElement | null)?.closest?.('[data-d]') as HTMLElement | null;
    if (!el) return { cell: null, groupRow: null };
    const day = Number(el.dataset.d);
    if (el.dataset.g !== undefined) return { cell: null, groupRow: Number(el.dataset.g) };
    const rowEl = el.closest('[data-row]') as HTMLElement | null;
    if (!rowEl) return { cell: null, groupRow: null };
    return { cell: { row: Number(rowEl.dataset.row), day }, groupRow: null };
  };

  const { onSelect, onOpen, onGroupColumn, selection, active } = props;

  const onMouseDown = (e: MouseEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    const hit = cellAt(e.target);
    if (hit.groupRow !== null) {
      const el = (e.target as HTMLElement).closest('[data-d]') as HTMLElement;
      onGroupColumn(hit.groupRow, Number(el.dataset.d));
      return;
    }
    if (!hit.cell) return;
    e.preventDefault();
    scrollRef.current?.focus({ preventScroll: true });
    if (e.shiftKey) {
      const anchor = selection?.anchor ?? active ?? hit.cell;
      onSelect({ anchor, focus: hit.cell }, hit.cell);
      dragging.current = { anchor, moved: true, shift: true };
    } else {
      onSelect({ anchor: hit.cell, focus: hit.cell }, hit.cell);
      dragging.current = { anchor: hit.cell, moved: false, shift: false };
    }
  };

  const onMouseOver = (e: MouseEvent<HTMLDivElement>) => {
    const drag = dragging.current;
    if (!drag || (e.buttons & 1) === 0) return;
    const hit = cellAt(e.target);
    if (!hit.cell || rows[hit.cell.row]?.kind !== 'athlete') return;
    if (hit.cell.row !== drag.anchor.row || hit.cell.day !== drag.anchor.day) drag.moved = true;
    onSelect({ anchor: drag.anchor, focus: hit.cell }, hit.cell);
  };

  const onMouseUp = useCallback(() => {
    const drag = dragging.current;
    dragging.current = null;
    if (drag && !drag.moved && !drag.shift) onOpen(drag.anchor);
  }, [onOpen]);

  useEffect(() => {
    window.addEventListener('mouseup', onMouseUp);
    return () => window.removeEventListener('mouseup', onMouseUp);
  }, [onMouseUp]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const current = active ?? firstAthleteCell(rows, props.initialDay);
    if (!current) return;
    switch (e.key) {
      case 'ArrowUp':
      case 'ArrowDown':
      case 'ArrowLeft':
      case 'ArrowRight': {
        e.preventDefault();
        const next = moveCell(rows, days, e.shiftKey && selection ? selection.focus : current, e.key);
        if (e.shiftKey) onSelect({ anchor: selection?.anchor ?? current, focus: next }, next);
        else onSelect({ anchor: next, focus: next }, next);
        rowVirtualizer.scrollToIndex(next.row, { align: 'auto' });
        colVirtualizer.scrollToIndex(next.day, { align: 'auto' });
        break;
      }
      case 'Enter':
        e.preventDefault();
        if (active) onOpen(active);
        else onSelect({ anchor: current, focus: current }, current);
        break;
      case 'Delete':
      case 'Backspace':
        e.preventDefault();
        props.onClearChanges();
        break;
      case 'Escape':
        props.onEscape();
        break;
    }
  };

  const virtualRows = rowVirtualizer.getVirtualItems();
  const virtualCols = colVirtualizer.getVirtualItems();
  const first = virtualCols[0]?.index ?? 0;
  const last = virtualCols[virtualCols.length - 1]?.index ?? -1;

  const selTop = selection ? Math.min(selection.anchor.row, selection.focus.row) : -1;
  const selBottom = selection ? Math.max(selection.anchor.row, selection.focus.row) : -2;
  const selFrom = selection ? Math.min(selection.anchor.day, selection.focus.day) : -1;
  const selTo = selection ? Math.max(selection.anchor.day, selection.focus.day) : -2;
  const multi = selection !== null && (selTop !== selBottom || selFrom !== selTo);

  const header: ReactNode[] = [];
  for (let d = first; d <= last; d += 1) {
    const day = startDay + d;
    const iso = isoDate(day);
    const dom = Number(iso.slice(8, 10));
    const left = NAME_WIDTH + d * colWidth;
    const weekStart = weekdayOf(day) === props.firstDayOfWeek;
    if (dom === 1 || d === first) {
      // The month spans to its last day in view; its label sticks to the left edge while it is in view.
      const monthEnd = Math.min(last, d + daysInMonth(iso) - dom);
      header.push(
        <div key={`m${d}`} className="cal-month" style={{ left, width: (monthEnd - d + 1) * colWidth }}>
          <span className="cal-sticky-label">
            {MONTHS[Number(iso.slice(5, 7)) - 1]} {iso.slice(0, 4)}
          </span>
        </div>,
      );
    }
    const events = props.events.get(d);
    const label = zoom === 'season' ? (weekStart && colWidth * 7 >= 28 ? String(dom) : '') : `${WEEKDAY_LETTER[weekdayOf(day)]}\n${dom}`;
    header.push(
      <div
        key={d}
        className={`cal-dh${weekStart ? ' wk' : ''}${d === props.todayIndex ? ' td' : ''}`}
        style={{ left, width: zoom === 'season' && weekStart ? colWidth * 7 : colWidth, whiteSpace: 'pre', textAlign: zoom === 'season' ? 'left' : 'center' }}
        title={events ? events.map((e) => `${e.kind === 'race' ? 'Race' : 'Test day'}: ${e.name}`).join('\n') : undefined}
        aria-label={events ? `${iso}: ${events.map((e) => e.name).join(', ')}` : undefined}
      >
        {label}
        {events && zoom !== 'season' && <span className={`ev ev-${events[0]?.kind}`} />}
      </div>,
    );
  }

  return (
    <div
      ref={scrollRef}
      className="cal-scroll"
      style={{ height: props.height }}
      tabIndex={0}
      role="grid"
      aria-label="Squad calendar"
      aria-rowcount={rows.length}
      aria-colcount={days}
      aria-multiselectable
      onKeyDown={onKeyDown}
      data-testid="calendar-grid"
      data-zoom={zoom}
    >
      <div className="cal-sizer" style={{ width: totalWidth, height: totalHeight }} onMouseDown={onMouseDown} onMouseOver={onMouseOver}>
        <div className="cal-head" style={{ width: totalWidth }}>
          <div className="cal-corner" style={{ width: NAME_WIDTH }}>
            Athlete
          </div>
          {header}
        </div>
        {virtualRows.map((v) => {
          const row = rows[v.index];
          if (!row) return null;
          const inSel = v.index >= selTop && v.index <= selBottom;
          const common = {
            rowIndex: v.index,
            top: v.start,
            height: v.size,
            first,
            last,
            colWidth,
            totalWidth,
            startDay,
            zoom,
            data,
            looks,
            todayIndex: props.todayIndex,
            firstDayOfWeek: props.firstDayOfWeek,
            events: props.events,
            blocks: props.blocks,
            selFrom: inSel && multi ? selFrom : -1,
            selTo: inSel && multi ? selTo : -2,
            activeDay: active && active.row === v.index ? active.day : -1,
            warningAt: props.warningAt,
          };
          return row.kind === 'group' ? <GroupRow key={row.key} {...common} row={row} onToggle={props.onToggleGroup} /> : <AthleteRow key={row.key} {...common} row={row} />;
        })}
      </div>
      <div className="cal-live" aria-live="polite" data-testid="calendar-active-cell">
        {active ? props.describe(active) : ''}
      </div>
    </div>
  );
});

function daysInMonth(iso: string): number {
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  return [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1] ?? 30;
}

function firstAthleteCell(rows: readonly GridRow[], day: number): CellRef | null {
  const row = rows.findIndex((r) => r.kind === 'athlete');
  return row < 0 ? null : { row, day };
}

/**
 * The squad calendar: a row per athlete (grouped, groups collapsible), a column per day. Rows
 * are virtualized; the cells of the rows in view are drawn on one canvas from the scroll
 * position (gridCanvas.ts), so 300 athletes x a season scroll smoothly at every zoom. The
 * names, group rows, the header and the active day are DOM over the canvas; the pointer's day
 * is worked out from where it is. Keyboard: arrows move, Shift+arrows extend the selection,
 * Enter opens the day, Delete resets the selection to the group plan, Escape clears it.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { forwardRef, memo, useCallback, useEffect, useImperativeHandle, useLayoutEffect, useMemo, useRef, type KeyboardEvent, type MouseEvent, type ReactNode } from 'react';
import { dayNumber, isoDate, weekdayOf } from '@shared/plan/days';
import type { CalendarEvent } from '@shared/plan/model';
import type { GridBlock } from '@shared/plan/views';
import { GridPainter } from './gridCanvas';
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
  /** Load-monitoring warnings (issue 7): drawn as a yellow corner on the day. */
  warningAt?: (athleteId: number, day: number) => boolean;
}

interface RowProps {
  rowIndex: number;
  top: number;
  height: number;
  colWidth: number;
  totalWidth: number;
  activeDay: number;
}

/** An athlete's row: the name, and the active day's outline; the cells are on the canvas below. */
const AthleteRow = memo(function AthleteRow(p: RowProps & { row: Extract<GridRow, { kind: 'athlete' }>; warning: boolean }) {
  const a = p.row.athlete;
  return (
    <div className="cal-row" role="row" style={{ top: p.top, height: p.height, width: p.totalWidth }} data-row={p.rowIndex} data-layer="cells" data-athlete={a.id}>
      <div
        className="cal-name"
        role="rowheader"
        style={{ width: NAME_WIDTH, ['--band' as string]: p.row.color }}
        title={a.injured ? `${a.givenName} ${a.familyName}: injured / modified. ${a.injuryNotes}` : undefined}
      >
        <span className="nm">
          {a.familyName}, {a.givenName}
        </span>
        {a.injured && <span className="inj">INJ</span>}
      </div>
      {p.activeDay >= 0 && <div className={`cal-act${p.warning ? ' wn' : ''}`} style={{ left: NAME_WIDTH + p.activeDay * p.colWidth, width: p.colWidth, height: p.height }} />}
    </div>
  );
});

/** A group's row: collapse it from the name; its blocks as bands; click a day to select the group's day. */
const GroupRow = memo(function GroupRow(p: RowProps & { row: Extract<GridRow, { kind: 'group' }>; blocks: readonly GridBlock[]; startDay: number; days: number; onToggle(key: string): void }) {
  const { row, colWidth, startDay } = p;
  const bands: ReactNode[] = [];
  if (row.groupId !== null) {
    for (const b of p.blocks) {
      if (!b.groupIds.includes(row.groupId)) continue;
      const from = Math.max(0, dayNumber(b.startDate) - startDay);
      const to = Math.min(p.days - 1, dayNumber(b.endDate) - startDay);
      if (to < 0 || from > p.days - 1) continue;
      const left = NAME_WIDTH + from * colWidth + 1;
      const width = (to - from + 1) * colWidth - 2;
      bands.push(
        <div key={b.id} className={`cal-band ph-${b.phase}`} style={{ left, width }} title={`${b.name}: ${b.startDate} to ${b.endDate}`}>
          {width > 60 && <span className="cal-sticky-label">{b.name}</span>}
        </div>,
      );
      if (b.deloadWeek !== null) {
        const dl = dayNumber(b.startDate) - startDay + (b.deloadWeek - 1) * 7;
        if (dl + 6 >= 0 && dl < p.days) bands.push(<div key={`${b.id}-dl`} className="cal-band-deload" style={{ left: NAME_WIDTH + dl * colWidth + 1, width: 7 * colWidth - 2 }} />);
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
      <div className="cal-gc" style={{ left: NAME_WIDTH, width: p.totalWidth - NAME_WIDTH }} data-g={p.rowIndex} data-layer="group" title="Click a day to select it for the whole group" />
      {bands}
    </div>
  );
});

/** The date header over the whole range; it never changes while scrolling. */
const Header = memo(function Header(p: { startDay: number; days: number; colWidth: number; zoom: Zoom; todayIndex: number; firstDayOfWeek: number; events: ReadonlyMap<number, CalendarEvent[]>; totalWidth: number }) {
  const items: ReactNode[] = [];
  const { colWidth, zoom } = p;
  for (let d = 0; d < p.days; d += 1) {
    const day = p.startDay + d;
    const iso = isoDate(day);
    const dom = Number(iso.slice(8, 10));
    const left = NAME_WIDTH + d * colWidth;
    const weekStart = weekdayOf(day) === p.firstDayOfWeek;
    if (dom === 1 || d === 0) {
      const monthDays = daysInMonth(iso) - dom + 1;
      items.push(
        <div key={`m${d}`} className="cal-month" style={{ left, width: Math.min(monthDays, p.days - d) * colWidth }}>
          <span className="cal-sticky-label">
            {MONTHS[Number(iso.slice(5, 7)) - 1]} {iso.slice(0, 4)}
          </span>
        </div>,
      );
    }
    const events = p.events.get(d);
    if (zoom === 'season' && !weekStart && !events && d !== p.todayIndex) continue;
    const label = zoom === 'season' ? (weekStart && colWidth * 7 >= 28 ? String(dom) : '') : `${WEEKDAY_LETTER[weekdayOf(day)]}\n${dom}`;
    items.push(
      <div
        key={d}
        className={`cal-dh${weekStart ? ' wk' : ''}${d === p.todayIndex ? ' td' : ''}`}
        style={{ left, width: zoom === 'season' && weekStart ? colWidth * 7 : colWidth, textAlign: zoom === 'season' ? 'left' : 'center' }}
        title={events ? events.map((e) => `${e.kind === 'race' ? 'Race' : 'Test day'}: ${e.name}`).join('\n') : d === p.todayIndex ? 'Today' : undefined}
        data-day={iso}
      >
        {label}
        {events && <span className={`ev ev-${events[0]?.kind}`} />}
      </div>,
    );
  }
  return (
    <div className="cal-head" style={{ width: p.totalWidth }}>
      <div className="cal-corner" style={{ width: NAME_WIDTH }}>
        Athlete
      </div>
      {items}
    </div>
  );
});

export const CalendarGrid = forwardRef<GridHandle, CalendarGridProps>(function CalendarGrid(props, ref) {
  const { rows, days, colWidth, rowHeight, zoom, data, startDay, selection, active, onSelect, onOpen, onGroupColumn } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const dragging = useRef<{ anchor: CellRef; moved: boolean; shift: boolean } | null>(null);
  const painter = useMemo(() => new GridPainter(typeof window === 'undefined' ? 1 : Math.min(3, window.devicePixelRatio || 1)), []);

  const rowVirtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (i) => (rows[i]?.kind === 'group' ? GROUP_ROW_HEIGHT : rowHeight),
    paddingStart: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
    overscan: 6,
    getItemKey: (i) => rows[i]?.key ?? i,
    // Draw the first screen before the scroll box has been measured.
    initialRect: { width: 1200, height: props.height },
  });

  // Rows change height when groups collapse or the zoom changes.
  useEffect(() => {
    rowVirtualizer.measure();
  }, [rows, rowHeight, rowVirtualizer]);

  const totalWidth = NAME_WIDTH + days * colWidth;
  const totalHeight = rowVirtualizer.getTotalSize();
  const viewWidth = Math.max(1, (rowVirtualizer.scrollRect?.width ?? 1200) - NAME_WIDTH);
  const viewHeight = Math.max(1, props.height - HEADER_HEIGHT - 2);

  /** Bring a day into view: at the left edge, or just enough. */
  const showDay = useCallback(
    (day: number, align: 'start' | 'auto') => {
      const el = scrollRef.current;
      if (!el) return;
      const x = day * colWidth;
      const room = el.clientWidth - NAME_WIDTH;
      if (align === 'start' || x < el.scrollLeft) el.scrollLeft = x;
      else if (x + colWidth > el.scrollLeft + room) el.scrollLeft = x + colWidth - room;
    },
    [colWidth],
  );

  useImperativeHandle(ref, () => ({
    scrollToDay: (day) => showDay(Math.max(0, Math.min(days - 1, day)), 'start'),
    scrollToCell: (cell) => {
      rowVirtualizer.scrollToIndex(cell.row, { align: 'auto' });
      showDay(cell.day, 'auto');
    },
    focus: () => scrollRef.current?.focus({ preventScroll: true }),
  }));

  // First show: the season view from its first day; week and month at the focus day (a few days of context before it).
  const initial = useRef(props.initialDay);
  useEffect(() => {
    showDay(zoom === 'season' ? 0 : Math.max(0, initial.current - (zoom === 'week' ? 0 : 3)), 'start');
    // Only once per mounted grid.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const selTop = selection ? Math.min(selection.anchor.row, selection.focus.row) : -1;
  const selBottom = selection ? Math.max(selection.anchor.row, selection.focus.row) : -2;
  const selFrom = selection ? Math.min(selection.anchor.day, selection.focus.day) : -1;
  const selTo = selection ? Math.max(selection.anchor.day, selection.focus.day) : -2;
  const multi = selection !== null && (selTop !== selBottom || selFrom !== selTo);

  // ---- drawing the cells: from the scroll position (a native listener, no React render), and whenever what is drawn changes ----
  const rowTops = useMemo(() => {
    const tops = new Float64Array(rows.length + 1);
    let y = HEADER_HEIGHT;
    rows.forEach((r, i) => {
      tops[i] = y;
      y += r.kind === 'group' ? GROUP_ROW_HEIGHT : rowHeight;
    });
    tops[rows.length] = y;
    return tops;
  }, [rows, rowHeight]);
  const state = {
    zoom,
    rows,
    rowTops,
    days,
    startDay,
    colWidth,
    data,
    todayIndex: props.todayIndex,
    firstDayOfWeek: props.firstDayOfWeek,
    events: props.events,
    selection: multi ? { top: selTop, bottom: selBottom, from: selFrom, to: selTo } : null,
    warningAt: props.warningAt,
    viewWidth,
    viewHeight,
  };
  const paintState = useRef(state);
  useLayoutEffect(() => {
    paintState.current = state;
  });
  const paint = useCallback(() => {
    const el = scrollRef.current;
    const canvas = canvasRef.current;
    if (!el || !canvas) return;
    const st = paintState.current;
    const top = el.scrollTop + HEADER_HEIGHT;
    const bottom = top + st.viewHeight;
    let lo = 0;
    let hi = st.rows.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((st.rowTops[mid + 1] ?? 0) <= top) lo = mid + 1;
      else hi = mid;
    }
    const visible: { index: number; start: number; size: number }[] = [];
    for (let i = lo; i < st.rows.length && (st.rowTops[i] ?? 0) < bottom; i += 1) {
      const start = st.rowTops[i] ?? 0;
      visible.push({ index: i, start, size: (st.rowTops[i + 1] ?? start) - start });
    }
    painter.paint(canvas, st.viewWidth, st.viewHeight, { ...st, visible, headerHeight: HEADER_HEIGHT, scrollLeft: el.scrollLeft, scrollTop: el.scrollTop });
  }, [painter]);
  useEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    el.addEventListener('scroll', paint, { passive: true });
    return () => el.removeEventListener('scroll', paint);
  }, [paint]);
  useLayoutEffect(() => {
    paint();
  }, [paint, rows, rowTops, data, zoom, colWidth, viewWidth, viewHeight, props.todayIndex, props.events, props.warningAt, selTop, selBottom, selFrom, selTo, multi]);

  // ---- pointer ----
  /** The cell (or group row and day) under the pointer, from where it is in the row. */
  const hitTest = (target: EventTarget | null, clientX: number): { cell: CellRef | null; groupRow: number | null; day: number } => {
    const el = (target as HTMLElement | null)?.closest?.('[data-layer]') as HTMLElement | null;
    if (!el) return { cell: null, groupRow: null, day: -1 };
    const rect = el.getBoundingClientRect();
    const left = el.dataset.layer === 'cells' ? rect.left + NAME_WIDTH : rect.left;
    if (clientX < left) return { cell: null, groupRow: null, day: -1 };
    const day = Math.max(0, Math.min(days - 1, Math.floor((clientX - left) / colWidth)));
    if (el.dataset.g !== undefined) return { cell: null, groupRow: Number(el.dataset.g), day };
    return { cell: { row: Number(el.dataset.row), day }, groupRow: null, day };
  };

  const onMouseDown = (e: MouseEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    const hit = hitTest(e.target, e.clientX);
    if (hit.groupRow !== null) {
      onGroupColumn(hit.groupRow, hit.day);
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

  const onMouseMove = (e: MouseEvent<HTMLDivElement>) => {
    const drag = dragging.current;
    if (!drag || (e.buttons & 1) === 0) return;
    const hit = hitTest(e.target, e.clientX);
    if (!hit.cell || rows[hit.cell.row]?.kind !== 'athlete') return;
    if (selection && selection.focus.row === hit.cell.row && selection.focus.day === hit.cell.day) return;
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

  // ---- keyboard ----
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
        showDay(next.day, 'auto');
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
      <div className="cal-sizer" style={{ width: totalWidth, height: totalHeight }} onMouseDown={onMouseDown} onMouseMove={onMouseMove}>
        <Header startDay={startDay} days={days} colWidth={colWidth} zoom={zoom} todayIndex={props.todayIndex} firstDayOfWeek={props.firstDayOfWeek} events={props.events} totalWidth={totalWidth} />
        <canvas ref={canvasRef} className="cal-canvas" style={{ left: NAME_WIDTH, top: HEADER_HEIGHT, width: viewWidth, height: viewHeight, marginBottom: -viewHeight }} aria-hidden />
        {virtualRows.map((v) => {
          const row = rows[v.index];
          if (!row) return null;
          const common = { rowIndex: v.index, top: v.start, height: v.size, colWidth, totalWidth, activeDay: active && active.row === v.index ? active.day : -1 };
          if (row.kind === 'group') return <GroupRow key={row.key} {...common} row={row} blocks={props.blocks} startDay={startDay} days={days} onToggle={props.onToggleGroup} />;
          return <AthleteRow key={row.key} {...common} row={row} warning={common.activeDay >= 0 && (props.warningAt?.(row.athlete.id, common.activeDay) ?? false)} />;
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

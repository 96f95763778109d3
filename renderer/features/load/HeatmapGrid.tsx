/**
 * The heat map's grid: a sticky week header, group header rows and one row per athlete, a cell
 * per week. Rows are virtualized (@tanstack/react-virtual): with 300 athletes only the rows in
 * view (and a few either side) are in the DOM. Each athlete row is focusable: arrows move,
 * Enter or a click opens the athlete's chart. Each cell carries its description as a title (hover)
 * and an aria-label (screen readers).
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { SquadLoadWeeks } from '@shared/contract/load';
import { formatDateLong } from '@shared/dates';
import { cellDescription, formatHeatValue, HEAT_COLOURS, HEAT_TEXT, heatClass, weekLabel, weekState, type HeatRow, type HeatScale, type WeekState } from './heatmap';

export const NAME_WIDTH = 176;
export const ROW_HEIGHT = 26;
export const GROUP_HEIGHT = 30;
const HEADER_HEIGHT = 38;

export function HeatmapGrid(props: {
  matrix: SquadLoadWeeks;
  rows: HeatRow[];
  scale: HeatScale;
  columnWidth: number;
  height: number;
  onOpen: (athleteId: number) => void;
}) {
  const { matrix, rows, scale, columnWidth, height, onOpen } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const [focusRow, setFocusRow] = useState<number | null>(null);
  // The virtualizer's functions change with the scroll position; the grid reads them on every render.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (i) => (rows[i]?.kind === 'group' ? GROUP_HEIGHT : ROW_HEIGHT),
    overscan: 8,
    // Room for the sticky header: rows start under it.
    paddingStart: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
  });
  const states: WeekState[] = matrix.weeks.map((w, i) => weekState(w, matrix.weekComplete[i] ?? false, matrix.today));
  const width = NAME_WIDTH + matrix.weeks.length * columnWidth;

  // Move the keyboard focus once the row it goes to is rendered (scrolling to it may take a frame).
  const virtualItems = virtualizer.getVirtualItems();
  useEffect(() => {
    if (focusRow === null) return;
    const element = scrollRef.current?.querySelector<HTMLElement>(`[data-row-index="${focusRow}"]`);
    if (element) {
      element.focus({ preventScroll: true });
      setFocusRow(null);
    }
  }, [focusRow, virtualItems]);

  const moveTo = (from: number, step: number) => {
    let i = from + step;
    while (i >= 0 && i < rows.length && rows[i]?.kind !== 'athlete') i += step;
    if (i < 0 || i >= rows.length) return;
    virtualizer.scrollToIndex(i, { align: 'auto' });
    setFocusRow(i);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>, index: number, athleteId: number) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onOpen(athleteId);
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      moveTo(index, event.key === 'ArrowDown' ? 1 : -1);
    } else if (event.key === 'Home' || event.key === 'End') {
      event.preventDefault();
      moveTo(event.key === 'Home' ? -1 : rows.length, event.key === 'Home' ? 1 : -1);
    }
  };

  const athleteCount = rows.filter((r) => r.kind === 'athlete').length;

  return (
    <div
      ref={scrollRef}
      className="heat-scroll"
      style={{ height }}
      role="table"
      aria-label={`Squad ${matrix.measure === 'acwr' ? 'acute:chronic ratio' : 'weekly load'} by week`}
      aria-rowcount={rows.length + 1}
      data-testid="heatmap"
      data-athletes={athleteCount}
    >
      <div className="heat-header" role="row" style={{ width, height: HEADER_HEIGHT }} aria-rowindex={1}>
        <div className="heat-name" role="columnheader" style={{ width: NAME_WIDTH }}>
          Athlete ({athleteCount})
        </div>
        {matrix.weeks.map((w, i) => (
          <div key={w} className="heat-week" role="columnheader" style={{ width: columnWidth }} title={`Week of ${formatDateLong(w)}`}>
            {weekLabel(w)}
            {states[i] === 'current' && <small>so far</small>}
            {states[i] === 'future' && <small>to come</small>}
          </div>
        ))}
      </div>
      <div style={{ height: virtualizer.getTotalSize() - HEADER_HEIGHT, width, position: 'relative' }}>
        {virtualItems.map((item) => {
          const row = rows[item.index] as HeatRow;
          const top = item.start - HEADER_HEIGHT;
          if (row.kind === 'group') {
            return (
              <div
                key={row.key}
                className="heat-group"
                role="row"
                aria-rowindex={item.index + 2}
                style={{ top, height: item.size, width, background: `${row.group.color}1f` }}
                data-group={row.group.id ?? 'none'}
              >
                <div className="heat-group-label" role="rowheader">
                  <span className="heat-group-bar" style={{ background: row.group.color }} />
                  {row.group.name}
                  <span style={{ fontWeight: 400, color: 'var(--mantine-color-dimmed)' }}>({row.count})</span>
                </div>
              </div>
            );
          }
          const a = row.athlete;
          return (
            <div
              key={row.key}
              className="heat-row"
              role="row"
              tabIndex={0}
              aria-rowindex={item.index + 2}
              aria-label={`${a.name}: press Enter for the training load chart`}
              data-row-index={item.index}
              data-athlete={a.id}
              style={{ top, height: item.size, width }}
              onClick={() => onOpen(a.id)}
              onKeyDown={(e) => onKeyDown(e, item.index, a.id)}
            >
              <div className="heat-name" role="rowheader" style={{ width: NAME_WIDTH, boxShadow: row.group ? `inset 3px 0 0 ${row.group.color}` : undefined }}>
                <span className="heat-name-text">{a.name}</span>
              </div>
              {matrix.weeks.map((w, i) => {
                const value = a.values[i] ?? null;
                const state = states[i] as WeekState;
                const deload = a.deloadWeeks[i] ?? false;
                const k = value === null ? -1 : heatClass(scale, value);
                const classes = ['heat-cell'];
                if (state === 'future') classes.push('heat-future');
                else if (value === null) classes.push('heat-none');
                if (state === 'current') classes.push('heat-current');
                if (deload) classes.push('heat-deload');
                if (k >= 5) classes.push('heat-dark');
                const label = cellDescription({ athlete: a.name, weekStart: w, state, value, measure: matrix.measure, deload, methodLabel: matrix.acwrMethodLabel });
                return (
                  <div
                    key={w}
                    role="cell"
                    className={classes.join(' ')}
                    style={{ width: columnWidth, height: item.size, ...(k >= 0 ? { background: HEAT_COLOURS[k], color: HEAT_TEXT[k] } : {}) }}
                    title={label}
                    aria-label={label}
                    data-week={w}
                    data-value={value ?? ''}
                  >
                    {state === 'future' ? '' : value === null ? '\u2013' : formatHeatValue(matrix.measure, value)}
                  </div>
                );
              })}
            </div>
          );
        })}
      </div>
    </div>
  );
}

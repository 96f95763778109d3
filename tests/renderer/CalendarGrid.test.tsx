import { MantineProvider } from '@mantine/core';
import { act, fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { CalendarGrid, NAME_WIDTH } from '@renderer/features/calendar/CalendarGrid';
import { buildRows, GridData, type CellRef, type Selection } from '@renderer/features/calendar/gridModel';
import { dayNumber } from '@shared/plan/days';
import { makeAthlete } from './fakeApi';

beforeAll(() => {
  // jsdom has no canvas (the grid draws nothing here, everything else behaves) and no layout:
  // give the scroll box a size so the virtualizer shows rows.
  HTMLCanvasElement.prototype.getContext = (() => null) as unknown as HTMLCanvasElement['getContext'];
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 400 });
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 1200 });
});

const groups = [
  { id: 1, name: 'Distance', color: '#2f9e44', sortOrder: 1, athleteCount: 2 },
  { id: 2, name: 'Sprints', color: '#e8590c', sortOrder: 2, athleteCount: 1 },
];
const athletes = [
  makeAthlete(11, { givenName: 'Ana', familyName: 'López', groupId: 1, injured: true, injuryNotes: 'Shin splints' }),
  makeAthlete(12, { givenName: 'Ben', familyName: 'Okafor', groupId: 1 }),
  makeAthlete(13, { givenName: 'Cara', familyName: 'Nguyen', groupId: 2 }),
];
const COL = 30;

function Harness(props: { onOpen(c: CellRef): void; onClear(): void; onGroupColumn(row: number, day: number): void; onToggle(key: string): void }) {
  const rows = buildRows(athletes, groups, { group: 'all', search: '' }, new Set());
  const [selection, setSelection] = useState<Selection | null>(null);
  const [active, setActive] = useState<CellRef | null>(null);
  return (
    <MantineProvider>
      <CalendarGrid
        rows={rows}
        startDay={dayNumber('2026-09-07')}
        days={14}
        zoom="month"
        colWidth={COL}
        rowHeight={30}
        height={400}
        data={new GridData([])}
        todayIndex={2}
        firstDayOfWeek={1}
        events={new Map()}
        blocks={[]}
        selection={selection}
        active={active}
        initialDay={0}
        onSelect={(s, a) => {
          setSelection(s);
          setActive(a);
        }}
        onOpen={props.onOpen}
        onClearChanges={props.onClear}
        onEscape={() => setSelection(active ? { anchor: active, focus: active } : null)}
        onToggleGroup={props.onToggle}
        onGroupColumn={props.onGroupColumn}
        describe={(c) => `row ${c.row} day ${c.day}${selection && (selection.anchor.day !== selection.focus.day || selection.anchor.row !== selection.focus.row) ? ' (range)' : ''}`}
      />
    </MantineProvider>
  );
}

function setup() {
  const handlers = { onOpen: vi.fn(), onClear: vi.fn(), onGroupColumn: vi.fn(), onToggle: vi.fn() };
  render(<Harness {...handlers} />);
  return handlers;
}

describe('the calendar grid', () => {
  it('lists athletes under their groups, marking the injured', () => {
    setup();
    const names = screen.getAllByRole('rowheader').map((r) => r.textContent);
    expect(names).toEqual(['▾Distance2', 'López, AnaINJ', 'Okafor, Ben', '▾Sprints1', 'Nguyen, Cara']);
  });

  it('moves with the arrows (skipping group rows), opens with Enter, resets with Delete', async () => {
    const h = setup();
    const grid = screen.getByRole('grid', { name: 'Squad calendar' });
    grid.focus();
    const user = userEvent.setup();
    await user.keyboard('{Enter}');
    expect(screen.getByTestId('calendar-active-cell')).toHaveTextContent('row 1 day 0');
    await user.keyboard('{ArrowDown}{ArrowDown}{ArrowRight}');
    // Row 3 is the Sprints header: from Ben (row 2) down lands on Cara (row 4).
    expect(screen.getByTestId('calendar-active-cell')).toHaveTextContent('row 4 day 1');
    await user.keyboard('{Enter}');
    expect(h.onOpen).toHaveBeenCalledWith({ row: 4, day: 1 });
    await user.keyboard('{Shift>}{ArrowUp}{ArrowRight}{/Shift}');
    expect(screen.getByTestId('calendar-active-cell')).toHaveTextContent('row 2 day 2 (range)');
    await user.keyboard('{Delete}');
    expect(h.onClear).toHaveBeenCalledTimes(1);
    await user.keyboard('{Escape}');
    expect(screen.getByTestId('calendar-active-cell')).toHaveTextContent(/^row 2 day 2$/);
  });

  it('opens the day clicked, selects a range by dragging, and a group day from its row', () => {
    const h = setup();
    const ana = document.querySelector('[data-athlete="11"]') as HTMLElement;
    const ben = document.querySelector('[data-athlete="12"]') as HTMLElement;
    // jsdom puts every box at 0: the day is (x − name column) / column width.
    fireEvent.mouseDown(ana, { button: 0, clientX: NAME_WIDTH + 3 * COL + 5 });
    act(() => {
      window.dispatchEvent(new MouseEvent('mouseup'));
    });
    expect(h.onOpen).toHaveBeenCalledWith({ row: 1, day: 3 });

    fireEvent.mouseDown(ana, { button: 0, clientX: NAME_WIDTH + 1 * COL + 5 });
    fireEvent.mouseMove(ben, { buttons: 1, clientX: NAME_WIDTH + 4 * COL + 5 });
    act(() => {
      window.dispatchEvent(new MouseEvent('mouseup'));
    });
    expect(h.onOpen).toHaveBeenCalledTimes(1);
    expect(screen.getByTestId('calendar-active-cell')).toHaveTextContent('row 2 day 4 (range)');

    const groupLayer = document.querySelector('[data-layer="group"]') as HTMLElement;
    fireEvent.mouseDown(groupLayer, { button: 0, clientX: 6 * COL + 5 });
    expect(h.onGroupColumn).toHaveBeenCalledWith(0, 6);
    fireEvent.click(screen.getByRole('rowheader', { name: 'Distance, 2 athletes, expanded' }));
    expect(h.onToggle).toHaveBeenCalledWith('g1');
  });
});

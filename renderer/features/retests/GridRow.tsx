/**
 * One athlete's row of the re-test entry grid. Keyboard: Tab/Shift+Tab along the row,
 * Enter/Shift+Enter and ↑/↓ down and up a column, ←/→ at the edge of a cell to the next cell, Esc
 * puts a cell back to what is saved; "a" or "i" in a cell marks the athlete absent or injured.
 */
import { NativeSelect, Text } from '@mantine/core';
import { memo, type KeyboardEvent } from 'react';
import { athleteFullName, type Athlete } from '@shared/domain/roster';
import { formatNumber, MARK_LABELS, MARKS, sidesOf, type EntryMark, type Eyes } from '@shared/domain/retests';
import type { MassUnit } from '@shared/units';
import type { RowView } from '@renderer/app/drafts/rowDrafts';
import { SaveStateMark } from '@renderer/app/drafts/SaveStateMark';
import { cellHint, isJump, liveScores, markFromText, normaliseMarks, rowProblems, type GridColumn, type GridPage, type JumpInput, type RowDraft } from './gridModel';

export interface InputPosition {
  row: number;
  col: number;
}

interface GridRowProps {
  athlete: Athlete;
  rowIndex: number;
  page: GridPage;
  columns: GridColumn[];
  /** The row as typed over what is saved (from the drafts hook). */
  view: RowView<RowDraft>;
  unit: MassUnit;
  jumpInput: JumpInput;
  edit: (athleteId: number, change: (d: RowDraft) => RowDraft) => void;
  save: (athleteId: number) => Promise<void>;
  focusCell: (position: InputPosition) => void;
  registerInput: (key: string, el: HTMLInputElement | null) => void;
}

/** One athlete's row: a cell per trial (or split of a run), added load, eyes, live scores, status. */
export const GridRow = memo(function GridRow(props: GridRowProps) {
  const { athlete, rowIndex, page, columns, view, unit, jumpInput, edit: updateDraft, save, focusCell, registerInput } = props;
  const { draft, base: baseDraft, state } = view;
  const name = athleteFullName(athlete);
  const problems = rowProblems(page, draft, unit);
  const scores = liveScores(page, draft);
  const loadTests = page.tests.filter((t) => t.kind === 'loaded_jump');
  const balanceTests = page.tests.filter((t) => t.kind === 'balance');
  const rowMark = page.tests.map((t) => draft.marks[t.id] ?? null).find((m) => m !== null) ?? null;

  function setMark(mark: EntryMark | null) {
    updateDraft(athlete.id, (d) => {
      const marks = { ...d.marks };
      const cells = { ...d.cells };
      for (const t of page.tests) {
        marks[t.id] = mark;
        if (mark) for (const k of Object.keys(cells)) if (k.startsWith(`${t.id}:`)) delete cells[k];
      }
      return { ...d, marks, cells };
    });
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>, col: number, revert: () => void) {
    const input = e.currentTarget;
    const atStart = input.selectionStart === 0 && input.selectionEnd === 0;
    const atEnd = input.selectionStart === input.value.length && input.selectionEnd === input.value.length;
    if (e.key === 'Enter' || e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const up = e.key === 'ArrowUp' || (e.key === 'Enter' && e.shiftKey);
      focusCell({ row: rowIndex + (up ? -1 : 1), col });
    } else if (e.key === 'ArrowLeft' && atStart) {
      e.preventDefault();
      focusCell({ row: rowIndex, col: col - 1 });
    } else if (e.key === 'ArrowRight' && atEnd) {
      e.preventDefault();
      focusCell({ row: rowIndex, col: col + 1 });
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      revert();
    }
  }

  return (
    <tr
      className={rowMark ? 'entry-grid-marked' : undefined}
      data-testid={`grid-row-${athlete.id}`}
      onBlur={(e) => {
        // Leaving the row (not moving inside it) saves it.
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) void save(athlete.id);
      }}
    >
      <th scope="row" className="entry-grid-name">
        <Text size="sm" fw={500} truncate>
          {athlete.familyName}, {athlete.givenName}
        </Text>
      </th>
      {columns.map((c, col) => {
        const cell = draft.cells[c.key];
        const problem = problems[c.key];
        const hint = cellHint(c.test, cell);
        const marked = draft.marks[c.test.id] ?? null;
        return (
          <td key={c.key} className={problem ? 'entry-grid-bad' : undefined}>
            <input
              ref={(el) => registerInput(`${rowIndex}:${col}`, el)}
              className="entry-grid-input"
              aria-label={`${name}, ${c.test.name}, ${c.label}`}
              aria-invalid={problem ? true : undefined}
              inputMode="decimal"
              autoComplete="off"
              placeholder={marked ? MARK_LABELS[marked].toLowerCase() : ''}
              value={cell?.text ?? ''}
              onChange={(e) => {
                const text = e.currentTarget.value;
                updateDraft(athlete.id, (d) => ({
                  ...d,
                  marks: markFromText(text) ? d.marks : { ...d.marks, [c.test.id]: null },
                  cells: { ...d.cells, [c.key]: { text, input: isJump(c.test) ? jumpInput : 'height' } },
                }));
              }}
              onBlur={() => {
                if (markFromText(cell?.text ?? '')) updateDraft(athlete.id, (d) => normaliseMarks(page, d));
              }}
              onKeyDown={(e) =>
                onKeyDown(e, col, () =>
                  updateDraft(athlete.id, (d) => {
                    const cells = { ...d.cells };
                    const saved = baseDraft.cells[c.key];
                    if (saved) cells[c.key] = saved;
                    else delete cells[c.key];
                    return { ...d, cells };
                  }),
                )
              }
            />
            {problem && (
              <div className="entry-grid-problem" role="alert">
                {problem}
              </div>
            )}
            {hint && <div className="entry-grid-hint">{hint}</div>}
          </td>
        );
      })}
      {loadTests.map((t, i) => {
        const col = columns.length + i;
        const problem = problems[`load:${t.id}`];
        return (
          <td key={`load-${t.id}`} className={problem ? 'entry-grid-bad' : undefined}>
            <input
              ref={(el) => registerInput(`${rowIndex}:${col}`, el)}
              className="entry-grid-input"
              aria-label={`${name}, ${t.name}, added load (${unit})`}
              inputMode="decimal"
              autoComplete="off"
              value={draft.load[t.id] ?? ''}
              onChange={(e) => {
                const text = e.currentTarget.value;
                updateDraft(athlete.id, (d) => ({ ...d, load: { ...d.load, [t.id]: text } }));
              }}
              onKeyDown={(e) => onKeyDown(e, col, () => updateDraft(athlete.id, (d) => ({ ...d, load: { ...d.load, [t.id]: baseDraft.load[t.id] ?? '' } })))}
            />
            {problem && (
              <div className="entry-grid-problem" role="alert">
                {problem}
              </div>
            )}
          </td>
        );
      })}
      {balanceTests.map((t) => (
        <td key={`eyes-${t.id}`}>
          <NativeSelect
            size="xs"
            aria-label={`${name}, ${t.name}, eyes`}
            value={draft.eyes[t.id] ?? 'closed'}
            onChange={(e) => {
              const eyes = e.currentTarget.value as Eyes;
              updateDraft(athlete.id, (d) => ({ ...d, eyes: { ...d.eyes, [t.id]: eyes } }));
            }}
            data={[
              { value: 'closed', label: 'Closed' },
              { value: 'open', label: 'Open' },
            ]}
          />
        </td>
      ))}
      {page.tests.flatMap((t) =>
        sidesOf(t).map((side) => {
          const score = scores[`${t.id}:${side}`];
          return (
            <td key={`score-${t.id}-${side}`} className="entry-grid-score">
              {score === null || score === undefined ? '' : formatNumber(score, t.decimals)}
            </td>
          );
        }),
      )}
      <td>
        <NativeSelect
          size="xs"
          w={104}
          aria-label={`${name}, status`}
          value={rowMark ?? ''}
          onChange={(e) => setMark((e.currentTarget.value || null) as EntryMark | null)}
          data={[{ value: '', label: 'Tested' }, ...MARKS.map((m) => ({ value: m, label: MARK_LABELS[m] }))]}
        />
      </td>
      <td className="entry-grid-state">
        <SaveStateMark state={state} compact />
      </td>
    </tr>
  );
});

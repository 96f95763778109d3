/**
 * Fast entry: athletes down, trials across, for one test (or the sprint splits of a run).
 * Keyboard only: Tab/Shift+Tab along a row, Enter/Shift+Enter and ↑/↓ down and up a column,
 * ←/→ at the edge of a cell to the next cell, Esc to put a cell back. A value is checked as it
 * is typed and the reason sits under the cell; "a" or "i" marks the athlete absent or injured.
 * Each athlete's row is saved when the coach leaves it (and when leaving the screen), and each
 * save can be undone. The page renders it with a key per session and page, so each page starts clean.
 */
import { Group, NativeSelect, Text, Tooltip } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { IconAlertTriangle, IconCheck, IconLoader2 } from '@tabler/icons-react';
import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { SaveResultsOutcome } from '@shared/contract/retests';
import { athleteFullName, type Athlete, type Group as SquadGroup } from '@shared/domain/roster';
import { formatNumber, MARK_LABELS, MARKS, sidesOf, SIDE_SHORT, type EntryMark, type Eyes, type TestEntry, type TestSessionSheet } from '@shared/domain/retests';
import type { MassUnit } from '@shared/units';
import { ApiError, call } from '@renderer/api/client';
import { useUndo } from '@renderer/app/undo';
import {
  cellHint,
  draftFromEntries,
  gridColumns,
  isJump,
  markFromText,
  normaliseMarks,
  rowProblems,
  rowToInput,
  sameDraft,
  liveScores,
  type GridColumn,
  type GridPage,
  type JumpInput,
  type RowDraft,
} from './gridModel';

type RowStatus = { state: 'saving' } | { state: 'saved' } | { state: 'error'; message: string };

export interface EntryGridProps {
  sheet: TestSessionSheet;
  page: GridPage;
  athletes: Athlete[];
  groups: SquadGroup[];
  unit: MassUnit;
  /** How new jump values are typed. */
  jumpInput: JumpInput;
  /** Tells the page whether rows hold unsaved or refused values (to warn before leaving). */
  onPendingChange: (pending: { athleteName: string; problem: string }[]) => void;
}

interface InputPosition {
  row: number;
  col: number;
}

export function EntryGrid(props: EntryGridProps) {
  const { sheet, page, athletes, unit, jumpInput, onPendingChange } = props;
  const sessionId = sheet.session.id;
  const undo = useUndo();
  const queryClient = useQueryClient();
  const columns = useMemo(() => gridColumns(page), [page]);
  const loadTests = page.tests.filter((t) => t.kind === 'loaded_jump');
  const balanceTests = page.tests.filter((t) => t.kind === 'balance');
  const editableCount = columns.length + loadTests.length;

  const entriesByAthlete = useMemo(() => {
    const map = new Map<number, TestEntry[]>();
    for (const e of sheet.entries) map.set(e.athleteId, [...(map.get(e.athleteId) ?? []), e]);
    return map;
  }, [sheet.entries]);
  const baseDrafts = useMemo(() => new Map(athletes.map((a) => [a.id, draftFromEntries(page, entriesByAthlete.get(a.id) ?? [], unit)])), [athletes, page, entriesByAthlete, unit]);

  const [drafts, setDrafts] = useState<Map<number, RowDraft>>(new Map());
  const [statuses, setStatuses] = useState<Map<number, RowStatus>>(new Map());
  const draftsRef = useRef(drafts);
  const baseRef = useRef(baseDrafts);
  useLayoutEffect(() => {
    draftsRef.current = drafts;
    baseRef.current = baseDrafts;
  });
  const inputs = useRef(new Map<string, HTMLInputElement>());
  /** Drafts on their way to main, so leaving the screen does not send them a second time. */
  const inFlight = useRef(new Map<number, RowDraft>());

  const setStatus = useCallback((athleteId: number, status: RowStatus | null) => {
    setStatuses((prev) => {
      const next = new Map(prev);
      if (status) next.set(athleteId, status);
      else next.delete(athleteId);
      return next;
    });
  }, []);

  const athleteName = useCallback((id: number) => {
    const a = athletes.find((x) => x.id === id);
    return a ? athleteFullName(a) : 'This athlete';
  }, [athletes]);

  /** Put the saved entries into the cached sheet at once, so the row shows what main stored. */
  const applySaved = useCallback(
    (athleteId: number, outcome: SaveResultsOutcome) => {
      const testIds = new Set(page.tests.map((t) => t.id));
      queryClient.setQueryData<TestSessionSheet>(['retests.getSession', { id: sessionId }], (old) =>
        old
          ? {
              ...old,
              entries: [
                ...old.entries.filter((e) => !(e.athleteId === athleteId && testIds.has(e.testId))),
                ...outcome.entries.filter((e) => e.athleteId === athleteId).map(({ sessionId: _s, ...e }) => e),
              ],
            }
          : old,
      );
    },
    [page.tests, queryClient, sessionId],
  );

  const saveRow = useCallback(
    async (athleteId: number) => {
      const typed = draftsRef.current.get(athleteId);
      const base = baseRef.current.get(athleteId);
      if (!typed || !base) return;
      const draft = normaliseMarks(page, typed);
      if (sameDraft(page, draft, base)) {
        setDrafts((prev) => {
          const next = new Map(prev);
          next.delete(athleteId);
          return next;
        });
        return;
      }
      const problems = rowProblems(page, draft, unit);
      const first = Object.values(problems)[0];
      if (first) {
        setStatus(athleteId, { state: 'error', message: `Not saved: ${first}` });
        return;
      }
      setStatus(athleteId, { state: 'saving' });
      inFlight.current.set(athleteId, typed);
      try {
        const outcome = await call('retests.saveResults', { sessionId, athletes: [rowToInput(page, athleteId, draft, unit)] });
        applySaved(athleteId, outcome);
        // Keep anything typed while the save was on its way.
        setDrafts((prev) => {
          if (prev.get(athleteId) !== typed) return prev;
          const next = new Map(prev);
          next.delete(athleteId);
          return next;
        });
        setStatus(athleteId, { state: 'saved' });
        undo.record(`Saved ${athleteName(athleteId)}'s ${page.title}`, () => call('retests.saveResults', { sessionId, athletes: outcome.previous }), { quiet: true });
      } catch (error) {
        setStatus(athleteId, { state: 'error', message: error instanceof ApiError ? `Not saved: ${error.message}` : 'Not saved: Backchain did not answer.' });
      } finally {
        if (inFlight.current.get(athleteId) === typed) inFlight.current.delete(athleteId);
      }
    },
    [page, unit, sessionId, applySaved, setStatus, undo, athleteName],
  );

  // Leaving the screen (or the page) saves every row that can be saved.
  useEffect(() => {
    const inputMap = inputs.current;
    const saving = inFlight.current;
    return () => {
      for (const [athleteId, typed] of draftsRef.current) {
        if (saving.get(athleteId) === typed) continue;
        const draft = normaliseMarks(page, typed);
        const base = baseRef.current.get(athleteId);
        if (!base || sameDraft(page, draft, base) || Object.keys(rowProblems(page, draft, unit)).length > 0) continue;
        void call('retests.saveResults', { sessionId, athletes: [rowToInput(page, athleteId, draft, unit)] })
          .then((outcome) => {
            undo.record(`Saved ${athleteName(athleteId)}'s ${page.title}`, () => call('retests.saveResults', { sessionId, athletes: outcome.previous }), { quiet: true });
          })
          .catch(() => undefined);
      }
      inputMap.clear();
    };
    // Only on leaving this page of this session.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [page.key, sessionId]);

  // What would be lost: rows with a refused value.
  useEffect(() => {
    const pending: { athleteName: string; problem: string }[] = [];
    for (const [athleteId, draft] of drafts) {
      const first = Object.values(rowProblems(page, draft, unit))[0];
      if (first) pending.push({ athleteName: athleteName(athleteId), problem: first });
    }
    onPendingChange(pending);
  }, [drafts, page, unit, athleteName, onPendingChange]);

  const updateDraft = useCallback(
    (athleteId: number, change: (d: RowDraft) => RowDraft) => {
      setDrafts((prev) => {
        const current = prev.get(athleteId) ?? baseRef.current.get(athleteId);
        if (!current) return prev;
        const next = new Map(prev);
        next.set(athleteId, change(current));
        return next;
      });
      setStatuses((prev) => {
        if (!prev.has(athleteId)) return prev;
        const next = new Map(prev);
        next.delete(athleteId);
        return next;
      });
    },
    [],
  );

  const focusCell = useCallback(
    (position: InputPosition) => {
      const row = Math.max(0, Math.min(athletes.length - 1, position.row));
      const col = Math.max(0, Math.min(editableCount - 1, position.col));
      const el = inputs.current.get(`${row}:${col}`);
      if (el) {
        el.focus();
        el.select();
      }
    },
    [athletes.length, editableCount],
  );

  const registerInput = useCallback((key: string, el: HTMLInputElement | null) => {
    if (el) inputs.current.set(key, el);
    else inputs.current.delete(key);
  }, []);

  if (athletes.length === 0) {
    return (
      <Text c="dimmed" p="md">
        No athletes to show. Choose another group, or add athletes on the Roster screen.
      </Text>
    );
  }

  return (
    <div className="entry-grid-wrap">
      <table className="entry-grid tabular" aria-label={`Results: ${page.title}`}>
        <thead>
          <tr>
            <th className="entry-grid-name">Athlete</th>
            {columns.map((c) => (
              <th key={c.key} title={`${c.test.name}, ${c.label} (${c.test.unit})`}>
                {c.label}
                <span className="entry-grid-unit">{isJump(c.test) ? (jumpInput === 'flight' ? 'flight s' : 'cm') : c.test.unit}</span>
              </th>
            ))}
            {loadTests.map((t) => (
              <th key={`load-${t.id}`}>
                Added load<span className="entry-grid-unit">{unit}</span>
              </th>
            ))}
            {balanceTests.map((t) => (
              <th key={`eyes-${t.id}`}>Eyes</th>
            ))}
            {page.tests.flatMap((t) =>
              sidesOf(t).map((side) => (
                <th key={`score-${t.id}-${side}`} className="entry-grid-score">
                  {page.runs ? t.shortName : t.scoreRule === 'best' ? 'Best' : 'Mean'}
                  {side !== 'none' ? ` ${SIDE_SHORT[side]}` : ''}
                  <span className="entry-grid-unit">{t.unit}</span>
                </th>
              )),
            )}
            <th>Status</th>
            <th className="entry-grid-state" aria-label="Saved" />
          </tr>
        </thead>
        <tbody>
          {athletes.map((a, rowIndex) => (
            <GridRow
              key={a.id}
              athlete={a}
              rowIndex={rowIndex}
              page={page}
              columns={columns}
              draft={drafts.get(a.id) ?? (baseDrafts.get(a.id) as RowDraft)}
              dirty={drafts.has(a.id)}
              status={statuses.get(a.id) ?? null}
              unit={unit}
              jumpInput={jumpInput}
              updateDraft={updateDraft}
              saveRow={saveRow}
              focusCell={focusCell}
              registerInput={registerInput}
              baseDraft={baseDrafts.get(a.id) as RowDraft}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}

interface GridRowProps {
  athlete: Athlete;
  rowIndex: number;
  page: GridPage;
  columns: GridColumn[];
  draft: RowDraft;
  baseDraft: RowDraft;
  dirty: boolean;
  status: RowStatus | null;
  unit: MassUnit;
  jumpInput: JumpInput;
  updateDraft: (athleteId: number, change: (d: RowDraft) => RowDraft) => void;
  saveRow: (athleteId: number) => Promise<void>;
  focusCell: (position: InputPosition) => void;
  registerInput: (key: string, el: HTMLInputElement | null) => void;
}

const GridRow = memo(function GridRow(props: GridRowProps) {
  const { athlete, rowIndex, page, columns, draft, baseDraft, dirty, status, unit, jumpInput, updateDraft, saveRow, focusCell, registerInput } = props;
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
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) void saveRow(athlete.id);
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
        <RowState status={status} dirty={dirty} />
      </td>
    </tr>
  );
});

function RowState({ status, dirty }: { status: RowStatus | null; dirty: boolean }) {
  if (status?.state === 'saving') return <IconLoader2 size={16} className="spin" aria-label="Saving" />;
  if (status?.state === 'error') {
    return (
      <Tooltip label={status.message} multiline w={300}>
        <Group gap={2} wrap="nowrap" c="red">
          <IconAlertTriangle size={16} aria-label={status.message} />
        </Group>
      </Tooltip>
    );
  }
  if (status?.state === 'saved') return <IconCheck size={16} color="var(--mantine-color-teal-7)" aria-label="Saved" />;
  if (dirty) return <Text size="xs" c="dimmed">editing</Text>;
  return null;
}

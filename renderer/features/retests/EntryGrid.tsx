/**
 * Fast entry: athletes down, trials across, for one test (or the sprint splits of a run), a row
 * per athlete (./GridRow.tsx). A value is checked as it is typed and the reason sits under the
 * cell. Each athlete's row is saved when the coach leaves it (and when leaving the screen), and
 * each save can be undone. The page renders it with a key per session and page, so each page
 * starts clean.
 */
import { Text } from '@mantine/core';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import type { Athlete } from '@shared/domain/roster';
import { sidesOf, SIDE_SHORT, type TestEntry, type TestSessionSheet } from '@shared/domain/retests';
import type { MassUnit } from '@shared/units';
import { call } from '@renderer/api/client';
import type { UnsavedRow } from '@renderer/app/drafts/rowDrafts';
import { useRowDrafts } from '@renderer/app/drafts/useRowDrafts';
import { useUndo } from '@renderer/app/undo';
import { GridRow, type InputPosition } from './GridRow';
import { draftFromEntries, gridColumns, isJump, normaliseMarks, rowProblems, rowToInput, sameDraft, type GridPage, type JumpInput, type RowDraft } from './gridModel';

export interface EntryGridProps {
  sheet: TestSessionSheet;
  /** When the sheet arrived (its query's dataUpdatedAt). */
  fetchedAt: number;
  page: GridPage;
  /** The rows shown (the group chosen). */
  athletes: Athlete[];
  /** Every athlete's name, for rows typed into and then filtered out. */
  names: ReadonlyMap<number, string>;
  unit: MassUnit;
  /** How new jump values are typed. */
  jumpInput: JumpInput;
  /** Rows that cannot be saved, for the page's leave guard (it also guards the page's own tabs). */
  onUnsavedChange(unsaved: readonly UnsavedRow<number>[]): void;
}

export function EntryGrid(props: EntryGridProps) {
  const { sheet, fetchedAt, page, athletes, names, unit, jumpInput, onUnsavedChange } = props;
  const sessionId = sheet.session.id;
  const undo = useUndo();
  const columns = useMemo(() => gridColumns(page), [page]);
  const loadTests = page.tests.filter((t) => t.kind === 'loaded_jump');
  const balanceTests = page.tests.filter((t) => t.kind === 'balance');
  const editableCount = columns.length + loadTests.length;

  const entriesByAthlete = useMemo(() => {
    const map = new Map<number, TestEntry[]>();
    for (const e of sheet.entries) map.set(e.athleteId, [...(map.get(e.athleteId) ?? []), e]);
    return map;
  }, [sheet.entries]);
  const bases = useMemo(() => new Map(athletes.map((a) => [a.id, draftFromEntries(page, entriesByAthlete.get(a.id) ?? [], unit)])), [athletes, page, entriesByAthlete, unit]);

  const label = useCallback((id: number) => names.get(id) ?? 'An athlete', [names]);
  const same = useCallback((a: RowDraft, b: RowDraft) => sameDraft(page, normaliseMarks(page, a), normaliseMarks(page, b)), [page]);
  const problem = useCallback((_id: number, typed: RowDraft) => Object.values(rowProblems(page, normaliseMarks(page, typed), unit))[0] ?? null, [page, unit]);
  const save = useCallback(
    async (athleteId: number, typed: RowDraft) => {
      const input = rowToInput(page, athleteId, normaliseMarks(page, typed), unit);
      const outcome = await call('retests.saveResults', { sessionId, athletes: [input] });
      undo.record(`Saved ${label(athleteId)}'s ${page.title}`, () => call('retests.saveResults', { sessionId, athletes: outcome.previous }), { quiet: true });
      return draftFromEntries(page, outcome.entries.filter((e) => e.athleteId === athleteId), unit);
    },
    [page, unit, sessionId, undo, label],
  );
  const drafts = useRowDrafts({ bases, fetchedAt, same, problem, save, label });
  useEffect(() => onUnsavedChange(drafts.unsaved), [drafts.unsaved, onUnsavedChange]);
  // The next page starts with nothing to ask about.
  useEffect(() => () => onUnsavedChange([]), [onUnsavedChange]);

  const inputs = useRef(new Map<string, HTMLInputElement>());
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
          {athletes.map((a, rowIndex) => {
            const view = drafts.rows.get(a.id);
            return (
              view && (
                <GridRow
                  key={a.id}
                  athlete={a}
                  rowIndex={rowIndex}
                  page={page}
                  columns={columns}
                  view={view}
                  unit={unit}
                  jumpInput={jumpInput}
                  edit={drafts.edit}
                  save={drafts.save}
                  focusCell={focusCell}
                  registerInput={registerInput}
                />
              )
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/**
 * Row drafts on an entry screen: what is typed over what is saved, each row saved when the coach
 * leaves it, and every row that can be saved saved when the screen goes (the rules are in
 * ./rowDrafts.ts). The screen gives its rows as the server has them, and how to check and save
 * one; it draws each row from `rows`, calls `edit` as boxes change, `save` when focus leaves a
 * row, and renders `<LeaveGuard unsaved={drafts.unsaved} />` and `<SaveStateMark>` per row.
 */
import { notifications } from '@mantine/notifications';
import { useCallback, useEffect, useLayoutEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { shortcutLabel } from '@renderer/lib/keys';
import { RowDraftStore, type LeaveReport, type RowKey, type RowRules, type RowView, type UnsavedRow } from './rowDrafts';

export interface RowDraftsOptions<Key extends RowKey, Draft> extends RowRules<Key, Draft> {
  /** Each row as the server has it, as a draft (memoised on the query's data). */
  bases: ReadonlyMap<Key, Draft>;
  /** When that data arrived: the query's `dataUpdatedAt`. */
  fetchedAt: number;
}

export interface RowDrafts<Key extends RowKey, Draft> {
  rows: ReadonlyMap<Key, RowView<Draft>>;
  edit(key: Key, change: (draft: Draft) => Draft): void;
  /** The coach left the row. */
  save(key: Key): Promise<void>;
  /** Rows that cannot be saved as typed (for the leave guard). */
  unsaved: readonly UnsavedRow<Key>[];
}

export function useRowDrafts<Key extends RowKey, Draft>(options: RowDraftsOptions<Key, Draft>): RowDrafts<Key, Draft> {
  const { bases, fetchedAt, same, problem, save, label } = options;
  const [store] = useState(() => {
    const created = new RowDraftStore<Key, Draft>({ same, problem, save, label });
    created.receive(bases, fetchedAt);
    return created;
  });
  // The latest rules and rows reach the store before the coach can type over this render.
  useLayoutEffect(() => {
    store.follow({ same, problem, save, label });
  }, [store, same, problem, save, label]);
  useLayoutEffect(() => store.receive(bases, fetchedAt), [store, bases, fetchedAt]);
  const rows = useSyncExternalStore(store.subscribe, store.snapshot);

  // Leaving the screen saves what can be saved, and says so.
  useEffect(() => () => void store.leave().then(announceLeave), [store]);

  const edit = useCallback((key: Key, change: (draft: Draft) => Draft) => store.edit(key, change), [store]);
  const saveRow = useCallback((key: Key) => store.save(key), [store]);
  // `rows` changes whenever a row does; the list is read from the store it stands for.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const unsaved = useMemo(() => store.unsaved(), [store, rows]);
  return { rows, edit, save: saveRow, unsaved };
}

/** After leaving: what was saved on the way out (Ctrl+Z undoes it), and what could not be. */
export function announceLeave(report: LeaveReport): void {
  if (report.notSaved.length > 0) {
    notifications.show({
      color: 'red',
      title: 'Not saved as you left',
      message: report.notSaved.map((r) => `${r.label}: ${r.message}`).join('\n'),
      autoClose: 12_000,
      style: { whiteSpace: 'pre-line' },
    });
  }
  if (report.saved.length > 0) {
    notifications.show({ color: 'teal', message: `Saved as you left: ${report.saved.join(', ')}. ${shortcutLabel('mod+z')} undoes.`, autoClose: 5000 });
  }
}

/**
 * Undo for every change a coach makes: each write that can be taken back records how to take
 * it back, as calls like any other (each refreshes what its declaration says it affects). The last one is offered in a notification, in the header, and on Ctrl/Cmd+Z (outside
 * text fields, where the field's own undo applies).
 */
import { Button, Group, Text } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';

export interface UndoEntry {
  id: number;
  /** What was done, e.g. "Archived Ana López". */
  label: string;
  undo: () => Promise<unknown>;
}

interface UndoApi {
  /** `quiet`: no notification (for fast entry, where each row shows "Saved" itself). */
  record(label: string, undo: () => Promise<unknown>, options?: { quiet?: boolean }): void;
  undoLast(): Promise<void>;
  /** Forget everything (after a restore, the old undo steps refer to a squad that is gone). */
  clear(): void;
  last: UndoEntry | null;
}

const UndoContext = createContext<UndoApi | null>(null);
const MAX_UNDO = 50;

export function UndoProvider({ children }: { children: ReactNode }) {
  const [stack, setStack] = useState<UndoEntry[]>([]);
  // Callbacks (hotkey, the notification's button) read the latest stack through this ref.
  const stackRef = useRef<UndoEntry[]>([]);
  useEffect(() => {
    stackRef.current = stack;
  }, [stack]);
  const nextId = useRef(1);
  const busy = useRef(false);

  const undoLast = useCallback(async () => {
    const entry = stackRef.current.at(-1);
    if (!entry || busy.current) return;
    busy.current = true;
    try {
      await entry.undo();
      setStack((s) => s.filter((e) => e.id !== entry.id));
      notifications.hide(`undo-${entry.id}`);
      notifications.show({ color: 'gray', message: `Undone: ${entry.label}`, autoClose: 3000 });
    } catch (error) {
      notifications.show({ color: 'red', title: 'Could not undo', message: (error as Error).message, autoClose: 8000 });
    } finally {
      busy.current = false;
    }
  }, []);

  const record = useCallback(
    (label: string, undo: () => Promise<unknown>, options: { quiet?: boolean } = {}) => {
      const entry: UndoEntry = { id: nextId.current++, label, undo };
      setStack((s) => [...s.slice(-(MAX_UNDO - 1)), entry]);
      if (options.quiet) return;
      notifications.show({
        id: `undo-${entry.id}`,
        autoClose: 7000,
        message: (
          <Group justify="space-between" wrap="nowrap" gap="sm">
            <Text size="sm">{label}</Text>
            <Button
              size="compact-sm"
              variant="light"
              // A long label ("Imported 12 athletes and 2 groups from ...") must not squeeze the button.
              style={{ flexShrink: 0 }}
              onClick={() => {
                // Undo this entry if it is still the latest; otherwise the header's Undo applies.
                if (stackRef.current.at(-1)?.id === entry.id) void undoLast();
              }}
            >
              Undo
            </Button>
          </Group>
        ),
      });
    },
    [undoLast],
  );

  useHotkeys([['mod+z', () => void undoLast()]]);

  const clear = useCallback(() => {
    stackRef.current.forEach((entry) => notifications.hide(`undo-${entry.id}`));
    stackRef.current = [];
    setStack([]);
  }, []);

  const value = useMemo<UndoApi>(() => ({ record, undoLast, clear, last: stack.at(-1) ?? null }), [record, undoLast, clear, stack]);
  return <UndoContext.Provider value={value}>{children}</UndoContext.Provider>;
}

export function useUndo(): UndoApi {
  const api = useContext(UndoContext);
  if (!api) throw new Error('useUndo must be used inside <UndoProvider>');
  return api;
}

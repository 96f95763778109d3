/**
 * Asks before leaving an entry screen (another section, another day, group, exercise or test)
 * while some rows hold values that cannot be saved: leaving saves every other row, so these
 * would be the only ones lost, and never silently. Route changes are caught here; a switch
 * inside the page (the re-test grid's tabs) passes its own `request`.
 */
import { Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import { useBlocker } from 'react-router';
import type { RowKey, UnsavedRow } from './rowDrafts';

const SHOWN = 6;

export interface LeaveRequest {
  stay(): void;
  leave(): void;
}

export function LeaveGuard<Key extends RowKey>({ unsaved, request = null }: { unsaved: readonly UnsavedRow<Key>[]; request?: LeaveRequest | null }) {
  const blocker = useBlocker(({ currentLocation, nextLocation }) => unsaved.length > 0 && (currentLocation.pathname !== nextLocation.pathname || currentLocation.search !== nextLocation.search));
  const asking: LeaveRequest | null = blocker.state === 'blocked' ? { stay: () => blocker.reset(), leave: () => blocker.proceed() } : request;
  return (
    <Modal opened={asking !== null} onClose={() => asking?.stay()} title={unsaved.length === 1 ? 'One row cannot be saved' : `${unsaved.length} rows cannot be saved`}>
      <Stack gap="sm">
        <Text size="sm">Everything else is saved as you leave. These values are refused, so they would be lost:</Text>
        <List size="sm" spacing={4}>
          {unsaved.slice(0, SHOWN).map((row) => (
            <List.Item key={String(row.key)}>
              <b>{row.label}</b>: {row.problem}
            </List.Item>
          ))}
        </List>
        {unsaved.length > SHOWN && (
          <Text size="sm" c="dimmed">
            and {unsaved.length - SHOWN} more.
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={() => asking?.stay()} data-autofocus>
            Stay and fix them
          </Button>
          <Button color="red" onClick={() => asking?.leave()}>
            Leave without them
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

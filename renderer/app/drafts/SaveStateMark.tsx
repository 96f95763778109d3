/**
 * Where a row stands: being typed, being saved, saved, or not saved and why. One look on every
 * entry screen; `compact` (a grid's narrow last column) keeps the reason in a tooltip.
 */
import { Group, Text, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconLoader2 } from '@tabler/icons-react';
import type { SaveState } from './rowDrafts';

export function SaveStateMark({ state, compact = false }: { state: SaveState | null; compact?: boolean }) {
  if (state === null) return null;
  switch (state.state) {
    case 'saving':
      return <IconLoader2 size={16} className="spin" aria-label="Saving" />;
    case 'editing':
      return (
        <Text size="xs" c="dimmed">
          editing
        </Text>
      );
    case 'saved':
      return (
        <Group gap={4} wrap="nowrap" c="teal.7">
          <IconCheck size={16} aria-label="Saved" />
          {!compact && <Text size="xs">saved</Text>}
        </Group>
      );
    case 'error':
      return (
        <Tooltip label={state.message} multiline w={300}>
          <Group gap={4} wrap="nowrap" c="red">
            <IconAlertTriangle size={16} aria-label={compact ? state.message : undefined} style={{ flexShrink: 0 }} />
            {!compact && (
              <Text size="xs" c="red" lineClamp={2}>
                {state.message}
              </Text>
            )}
          </Group>
        </Tooltip>
      );
  }
}

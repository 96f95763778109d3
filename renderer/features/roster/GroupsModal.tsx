import { ActionIcon, Button, Group, Modal, Stack, Table, Text, TextInput, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowDown, IconArrowUp, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { GROUP_COLORS, type Group as SquadGroup } from '@shared/domain/roster';
import { ApiError, call } from '@renderer/api/client';
import { useApiMutation } from '@renderer/api/hooks';
import { GroupColorPicker } from './GroupColorPicker';
import { useUndo } from '@renderer/app/undo';

function errorText(error: unknown, field: string): string {
  if (error instanceof ApiError) return error.fields[field] ?? error.message;
  return (error as Error).message;
}

/** One group: rename (Enter or leaving the field saves), recolour, move, remove when empty. */
function GroupRow(props: { group: SquadGroup; index: number; count: number; onMove: (from: number, to: number) => void }) {
  const { group, index, count, onMove } = props;
  const undo = useUndo();
  const update = useApiMutation('groups.update');
  const remove = useApiMutation('groups.remove');
  // What the coach is typing; null when the field shows the saved name.
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const name = draft ?? group.name;

  async function save(next: { name: string; color: string }) {
    if (next.name === group.name && next.color.toLowerCase() === group.color.toLowerCase()) {
      setDraft(null);
      setError(null);
      return;
    }
    try {
      await update.mutateAsync({ id: group.id, ...next });
      setDraft(null);
      setError(null);
      const before = { id: group.id, name: group.name, color: group.color };
      undo.record(next.name !== group.name ? `Renamed group "${group.name}" to "${next.name}"` : `Changed the colour of "${group.name}"`, () => call('groups.update', before));
    } catch (e) {
      setError(errorText(e, 'name'));
    }
  }

  async function removeGroup() {
    try {
      const removed = await remove.mutateAsync({ id: group.id });
      undo.record(`Removed group "${removed.name}"`, async () => {
        const again = await call('groups.create', { name: removed.name, color: removed.color });
        const order = (await call('groups.list', {})).map((g) => g.id).filter((id) => id !== again.id);
        order.splice(Math.min(index, order.length), 0, again.id);
        await call('groups.reorder', { orderedIds: order });
      });
    } catch (e) {
      notifications.show({ color: 'red', title: 'Group not removed', message: errorText(e, 'id') });
    }
  }

  return (
    <Table.Tr>
      <Table.Td w={44}>
        <GroupColorPicker label={`Colour of ${group.name}`} value={group.color} onChange={(color) => void save({ name: group.name, color })} />
      </Table.Td>
      <Table.Td>
        <TextInput
          aria-label={`Name of ${group.name}`}
          value={name}
          error={error}
          onChange={(e) => setDraft(e.currentTarget.value)}
          onBlur={() => void save({ name, color: group.color })}
          onKeyDown={(e) => {
            if (e.key === 'Enter') void save({ name, color: group.color });
            if (e.key === 'Escape') {
              setDraft(null);
              setError(null);
            }
          }}
        />
      </Table.Td>
      <Table.Td w={90}>
        <Text size="sm" c="dimmed">
          {group.athleteCount} active
        </Text>
      </Table.Td>
      <Table.Td w={120}>
        <Group gap={4} wrap="nowrap">
          <ActionIcon variant="subtle" aria-label={`Move ${group.name} up`} disabled={index === 0} onClick={() => onMove(index, index - 1)}>
            <IconArrowUp size={16} />
          </ActionIcon>
          <ActionIcon variant="subtle" aria-label={`Move ${group.name} down`} disabled={index === count - 1} onClick={() => onMove(index, index + 1)}>
            <IconArrowDown size={16} />
          </ActionIcon>
          <Tooltip label="Remove this group (only when no athlete is in it)">
            <ActionIcon variant="subtle" color="red" aria-label={`Remove ${group.name}`} onClick={() => void removeGroup()}>
              <IconTrash size={16} />
            </ActionIcon>
          </Tooltip>
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}

export function GroupsModal(props: { opened: boolean; onClose: () => void; groups: SquadGroup[] }) {
  const { opened, onClose, groups } = props;
  const undo = useUndo();
  const create = useApiMutation('groups.create');
  const reorder = useApiMutation('groups.reorder');
  const [newName, setNewName] = useState('');
  // The next unused colour unless the coach picked one.
  const [pickedColor, setPickedColor] = useState<string | null>(null);
  const newColor = pickedColor ?? GROUP_COLORS[groups.length % GROUP_COLORS.length] ?? GROUP_COLORS[0];
  const [newError, setNewError] = useState<string | null>(null);

  async function addGroup() {
    try {
      const created = await create.mutateAsync({ name: newName, color: newColor });
      setNewName('');
      setPickedColor(null);
      setNewError(null);
      undo.record(`Created group "${created.name}"`, () => call('groups.remove', { id: created.id }));
    } catch (e) {
      setNewError(errorText(e, 'name'));
    }
  }

  async function move(from: number, to: number) {
    const before = groups.map((g) => g.id);
    const after = [...before];
    const [moved] = after.splice(from, 1);
    if (moved === undefined) return;
    after.splice(to, 0, moved);
    try {
      await reorder.mutateAsync({ orderedIds: after });
      undo.record('Reordered groups', () => call('groups.reorder', { orderedIds: before }));
    } catch (e) {
      notifications.show({ color: 'red', title: 'Order not saved', message: (e as Error).message });
    }
  }

  return (
    <Modal opened={opened} onClose={onClose} title="Groups" size="xl">
      <Stack>
        <Text size="sm" c="dimmed">
          Groups are how you plan and print: sprints, middle distance, distance, hurdles/jumps... Their order here is their order on the roster and the
          calendar.
        </Text>
        {groups.length > 0 && (
          <Table verticalSpacing={6}>
            <Table.Tbody>
              {groups.map((group, index) => (
                <GroupRow key={group.id} group={group} index={index} count={groups.length} onMove={(a, b) => void move(a, b)} />
              ))}
            </Table.Tbody>
          </Table>
        )}
        <Group align="flex-start" wrap="nowrap">
          <div style={{ paddingTop: 4 }}>
            <GroupColorPicker label="Colour of the new group" value={newColor} onChange={setPickedColor} />
          </div>
          <TextInput
            aria-label="New group name"
            placeholder="New group, e.g. Distance"
            style={{ flex: 1 }}
            value={newName}
            error={newError}
            onChange={(e) => setNewName(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') void addGroup();
            }}
          />
          <Button onClick={() => void addGroup()} loading={create.isPending}>
            Add group
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

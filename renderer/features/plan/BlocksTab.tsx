/** The season: every block in date order, a timeline per group, and the way into the block editor. */
import { ActionIcon, Badge, Button, EmptyState, Group, Menu, Paper, Select, Stack, Switch, Table, Text, Tooltip } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconCalendarPlus, IconDots, IconPlus } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { addDays, daysBetween, formatDateLong, formatDateShort, localToday } from '@shared/dates';
import { athleteFullName } from '@shared/domain/roster';
import { blockShapeWarnings, describeTargets } from '@shared/plan/blocks';
import { PHASE_INFO, type Block } from '@shared/plan/model';
import { call } from '@renderer/api/client';
import { useApiMutation, useApiQuery } from '@renderer/api/hooks';
import { useUndo } from '@renderer/app/undo';
import '../calendar/calendar.css';

const PHASE_COLOR: Record<string, string> = { acclimation: 'teal', foundational: 'blue', max_strength: 'grape', power: 'yellow', sprint_specific: 'red', maintenance: 'gray' };

export function BlocksTab() {
  const navigate = useNavigate();
  const undo = useUndo();
  const blocksQuery = useApiQuery('blocks.list', {});
  const groupsQuery = useApiQuery('groups.list', {});
  const athletesQuery = useApiQuery('athletes.list', { status: 'all' });
  const settingsQuery = useApiQuery('settings.get', {});
  const remove = useApiMutation('blocks.remove');
  const [group, setGroup] = useState('all');
  const [showEarlier, setShowEarlier] = useState(false);
  const today = localToday();

  const groups = useMemo(() => groupsQuery.data ?? [], [groupsQuery.data]);
  const groupName = (id: number) => groups.find((g) => g.id === id)?.name ?? 'a removed group';
  const athleteName = (id: number) => {
    const a = athletesQuery.data?.find((x) => x.id === id);
    return a ? athleteFullName(a) : 'an athlete';
  };
  const blocks = blocksQuery.data ?? [];
  const inGroup = blocks.filter((b) => group === 'all' || b.groupIds.includes(Number(group)));
  const earlier = inGroup.filter((b) => b.endDate < addDays(today, -28));
  const visible = showEarlier ? inGroup : inGroup.filter((b) => b.endDate >= addDays(today, -28));

  function deleteBlock(block: Block) {
    modals.openConfirmModal({
      title: `Delete "${block.name}"?`,
      children: <Text size="sm">Its days leave the calendar. Athletes&apos; own changes on those days are kept. You can undo this.</Text>,
      labels: { confirm: 'Delete block', cancel: 'Keep it' },
      confirmProps: { color: 'red' },
      onConfirm: async () => {
        try {
          const removed = await remove.mutateAsync({ id: block.id });
          const { id: _id, endDate: _end, ...fields } = removed;
          undo.record(`Deleted block "${removed.name}"`, () => call('blocks.create', fields));
        } catch (error) {
          notifications.show({ color: 'red', title: 'Not deleted', message: (error as Error).message });
        }
      },
    });
  }

  if (blocksQuery.isPending || groupsQuery.isPending || settingsQuery.isPending) return null;
  const settings = settingsQuery.data;

  if (blocks.length === 0) {
    return (
      <Paper withBorder p="xl" maw={720} mx="auto" mt="md">
        <EmptyState
          icon={<IconCalendarPlus size={32} />}
          variant="light"
          title="No blocks yet"
          description="A season is a sequence of blocks: start with two weeks of acclimation, then foundational strength (4-6 weeks, the last a deload), and on. Each block has a weekly rhythm of strength days and runs, for one or more groups."
        >
          <EmptyState.Actions>
            <Button leftSection={<IconPlus size={18} />} onClick={() => void navigate(`/plan/blocks/new${groups[0] ? `?group=${groups[0].id}` : ''}`)}>
              Plan your first block
            </Button>
          </EmptyState.Actions>
        </EmptyState>
      </Paper>
    );
  }

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Group gap="sm">
          <Select
            aria-label="Blocks of group"
            w={200}
            allowDeselect={false}
            value={group}
            onChange={(g) => setGroup(g ?? 'all')}
            data={[{ value: 'all', label: 'All groups' }, ...groups.map((g) => ({ value: String(g.id), label: g.name }))]}
          />
          <Switch label={`Show earlier blocks (${earlier.length})`} checked={showEarlier} onChange={(e) => setShowEarlier(e.currentTarget.checked)} disabled={earlier.length === 0} />
        </Group>
        <Button leftSection={<IconPlus size={16} />} onClick={() => void navigate(`/plan/blocks/new${group !== 'all' ? `?group=${group}` : groups[0] ? `?group=${groups[0].id}` : ''}`)}>
          New block
        </Button>
      </Group>

      {settings && <SeasonTimeline blocks={blocks} groups={groups} seasonStart={settings.seasonStart} seasonEnd={settings.seasonEnd} today={today} onOpen={(b) => void navigate(`/plan/blocks/${b.id}`)} />}

      <Table highlightOnHover verticalSpacing={6} aria-label="Blocks">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Dates</Table.Th>
            <Table.Th>Block</Table.Th>
            <Table.Th>Phase</Table.Th>
            <Table.Th>Weeks</Table.Th>
            <Table.Th>Deload</Table.Th>
            <Table.Th>For</Table.Th>
            <Table.Th>Warnings</Table.Th>
            <Table.Th w={40} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {visible.map((b) => {
            const warnings = blockShapeWarnings(b);
            const current = b.startDate <= today && b.endDate >= today;
            return (
              <Table.Tr key={b.id} style={{ cursor: 'pointer' }} onClick={() => void navigate(`/plan/blocks/${b.id}`)} bg={current ? 'var(--mantine-color-yellow-0)' : undefined} data-testid={`block-row-${b.id}`}>
                <Table.Td>
                  <Text size="sm">
                    {formatDateShort(b.startDate)} – {formatDateLong(b.endDate).slice(4)}
                  </Text>
                  {current && (
                    <Text size="xs" c="dimmed">
                      now: week {Math.floor(daysBetween(b.startDate, today) / 7) + 1}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {b.name}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Badge variant="light" color={PHASE_COLOR[b.phase]}>
                    {PHASE_INFO[b.phase].label}
                  </Badge>
                </Table.Td>
                <Table.Td>{b.weeks}</Table.Td>
                <Table.Td>{b.deloadWeek === null ? <Text size="sm" c="dimmed">none</Text> : `week ${b.deloadWeek}`}</Table.Td>
                <Table.Td>
                  <Text size="sm">{describeTargets(b, groupName, athleteName)}</Text>
                </Table.Td>
                <Table.Td>
                  {warnings.length > 0 && (
                    <Tooltip label={warnings.join(' ')} multiline w={300}>
                      <Badge color="orange" variant="light">
                        {warnings.length}
                      </Badge>
                    </Tooltip>
                  )}
                </Table.Td>
                <Table.Td onClick={(e) => e.stopPropagation()}>
                  <Menu withinPortal position="bottom-end">
                    <Menu.Target>
                      <ActionIcon variant="subtle" color="gray" aria-label={`More for ${b.name}`}>
                        <IconDots size={16} />
                      </ActionIcon>
                    </Menu.Target>
                    <Menu.Dropdown>
                      {b.groupIds[0] !== undefined && <Menu.Item onClick={() => void navigate(`/plan/blocks/new?group=${b.groupIds[0]}`)}>Plan the next block for {groupName(b.groupIds[0])}</Menu.Item>}
                      <Menu.Item color="red" onClick={() => deleteBlock(b)}>
                        Delete block
                      </Menu.Item>
                    </Menu.Dropdown>
                  </Menu>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      {visible.length === 0 && (
        <Text size="sm" c="dimmed">
          No current or upcoming blocks{group !== 'all' ? ' for this group' : ''}. Switch on &quot;Show earlier blocks&quot;, or plan a new one.
        </Text>
      )}
    </Stack>
  );
}

/** Each group's blocks across the season, as coloured segments; the deload week striped; today marked. */
function SeasonTimeline(props: { blocks: Block[]; groups: { id: number; name: string; color: string }[]; seasonStart: string; seasonEnd: string; today: string; onOpen(b: Block): void }) {
  const total = daysBetween(props.seasonStart, props.seasonEnd) + 1;
  const pct = (date: string) => (100 * daysBetween(props.seasonStart, date)) / total;
  const todayPct = pct(props.today);
  return (
    <Paper withBorder p="sm" aria-label="Season timeline">
      <Group justify="space-between" mb={6}>
        <Text size="sm" fw={600}>
          Season {formatDateLong(props.seasonStart).slice(4)} – {formatDateLong(props.seasonEnd).slice(4)}
        </Text>
        <Text size="xs" c="dimmed">
          Click a block to edit it. Striped: deload week.
        </Text>
      </Group>
      <Stack gap={4}>
        {props.groups.map((g) => (
          <Group key={g.id} gap="xs" wrap="nowrap">
            <Text size="xs" w={120} truncate style={{ borderLeft: `4px solid ${g.color}`, paddingLeft: 6 }}>
              {g.name}
            </Text>
            <div style={{ position: 'relative', flex: 1, height: 22, background: 'var(--mantine-color-gray-0)', borderRadius: 3 }}>
              {props.blocks
                .filter((b) => b.groupIds.includes(g.id) && b.endDate >= props.seasonStart && b.startDate <= props.seasonEnd)
                .map((b) => {
                  const left = Math.max(0, pct(b.startDate));
                  const right = Math.min(100, pct(addDays(b.endDate, 1)));
                  const deloadLeft = b.deloadWeek === null ? null : pct(addDays(b.startDate, (b.deloadWeek - 1) * 7));
                  return (
                    <Tooltip key={b.id} label={`${b.name}: ${formatDateShort(b.startDate)} – ${formatDateShort(b.endDate)}`}>
                      <div
                        className={`cal-band ph-${b.phase}`}
                        role="button"
                        tabIndex={0}
                        aria-label={`${b.name}, ${g.name}`}
                        onClick={() => props.onOpen(b)}
                        onKeyDown={(e) => e.key === 'Enter' && props.onOpen(b)}
                        style={{ top: 2, bottom: 2, left: `${left}%`, width: `${right - left}%`, pointerEvents: 'auto', cursor: 'pointer', fontSize: 10, lineHeight: '16px', paddingLeft: 3 }}
                      >
                        {b.name}
                        {deloadLeft !== null && deloadLeft >= left && (
                          <span className="cal-band-deload" style={{ top: 0, bottom: 0, left: `${((deloadLeft - left) / (right - left)) * 100}%`, width: `${(7 / (b.weeks * 7)) * 100}%` }} />
                        )}
                      </div>
                    </Tooltip>
                  );
                })}
              {todayPct >= 0 && todayPct <= 100 && <div style={{ position: 'absolute', top: -2, bottom: -2, left: `${todayPct}%`, width: 2, background: 'var(--mantine-color-yellow-7)' }} title="Today" />}
            </div>
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}

import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Checkbox,
  Chip,
  ColorSwatch,
  EmptyState,
  Group,
  Menu,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconArchive, IconArrowBackUp, IconDatabaseImport, IconFolders, IconPlus, IconSearch, IconUserPlus, IconUsers, IconX } from '@tabler/icons-react';
import { useMemo, useRef, useState } from 'react';
import { athleteFullName, EVENT_FOCUS_LABELS, raceGoalLabel, type Athlete, type Group as SquadGroup } from '@shared/domain/roster';
import { formatMass } from '@shared/units';
import { call } from '@renderer/api/client';
import { useApiMutation, useApiQuery } from '@renderer/api/hooks';
import { useUndo } from '@renderer/app/undo';
import { shortcutLabel } from '@renderer/lib/keys';
import { AthleteDrawer } from './AthleteDrawer';
import { GroupsModal } from './GroupsModal';
import { compareByName, filterRoster, type RosterFilter } from './rosterFilter';

type SortOrder = 'group' | 'name';

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function ageText(a: Athlete): string {
  if (a.grade !== null) return `Grade ${a.grade}`;
  if (a.birthYear !== null) return `Born ${a.birthYear}`;
  return '';
}

export function RosterPage() {
  const athletesQuery = useApiQuery('athletes.list', { status: 'all' });
  const groupsQuery = useApiQuery('groups.list', {});
  const settingsQuery = useApiQuery('settings.get', {});
  const undo = useUndo();
  const archive = useApiMutation('athletes.archive');
  const restore = useApiMutation('athletes.restore');
  const move = useApiMutation('athletes.moveToGroup');
  const loadSample = useApiMutation('sample.load');

  const [filter, setFilter] = useState<RosterFilter>({ status: 'active', group: 'all', search: '', injuredOnly: false });
  const [sortOrder, setSortOrder] = useState<SortOrder>('group');
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [editing, setEditing] = useState<{ athlete: Athlete | null } | null>(null);
  const [groupsOpen, setGroupsOpen] = useState(false);
  const searchRef = useRef<HTMLInputElement>(null);

  const athletes = useMemo(() => athletesQuery.data ?? [], [athletesQuery.data]);
  const groups = useMemo(() => groupsQuery.data ?? [], [groupsQuery.data]);
  const unit = settingsQuery.data?.unit ?? 'kg';
  const groupById = useMemo(() => new Map(groups.map((g) => [g.id, g])), [groups]);

  const visible = useMemo(() => {
    const rows = filterRoster(athletes, filter);
    const order = (a: Athlete) => (a.groupId === null ? Number.MAX_SAFE_INTEGER : (groupById.get(a.groupId)?.sortOrder ?? Number.MAX_SAFE_INTEGER));
    return rows.sort((a, b) => (sortOrder === 'group' ? order(a) - order(b) || compareByName(a, b) : compareByName(a, b)));
  }, [athletes, filter, sortOrder, groupById]);

  const activeCount = athletes.filter((a) => a.archivedAt === null).length;
  const archivedCount = athletes.length - activeCount;
  const selectedVisible = visible.filter((a) => selected.has(a.id));
  const defaultGroupId = filter.group !== 'all' && filter.group !== 'none' ? Number(filter.group) : null;

  useHotkeys([
    ['/', () => searchRef.current?.focus()],
    ['n', () => setEditing({ athlete: null })],
  ]);

  function setFilterPart(part: Partial<RosterFilter>) {
    setFilter((f) => ({ ...f, ...part }));
    setSelected(new Set());
  }

  function toggle(id: number) {
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }

  async function archiveAthletes(list: Athlete[]) {
    try {
      const { archivedIds } = await archive.mutateAsync({ ids: list.map((a) => a.id) });
      setSelected(new Set());
      const label = list.length === 1 && list[0] ? `Archived ${athleteFullName(list[0])}` : `Archived ${plural(archivedIds.length, 'athlete')}`;
      if (archivedIds.length > 0) undo.record(label, () => call('athletes.restore', { ids: archivedIds }));
    } catch (e) {
      notifications.show({ color: 'red', title: 'Not archived', message: (e as Error).message });
    }
  }

  async function restoreAthletes(list: Athlete[]) {
    try {
      const { restoredIds } = await restore.mutateAsync({ ids: list.map((a) => a.id) });
      setSelected(new Set());
      const label = list.length === 1 && list[0] ? `Restored ${athleteFullName(list[0])}` : `Restored ${plural(restoredIds.length, 'athlete')}`;
      if (restoredIds.length > 0) undo.record(label, () => call('athletes.archive', { ids: restoredIds }));
    } catch (e) {
      notifications.show({ color: 'red', title: 'Not restored', message: (e as Error).message });
    }
  }

  async function moveToGroup(list: Athlete[], group: SquadGroup | null) {
    try {
      const { moved } = await move.mutateAsync({ ids: list.map((a) => a.id), groupId: group?.id ?? null });
      setSelected(new Set());
      undo.record(`Moved ${plural(moved.length, 'athlete')} to ${group?.name ?? 'no group'}`, async () => {
        const byOrigin = new Map<number | null, number[]>();
        for (const m of moved) byOrigin.set(m.fromGroupId, [...(byOrigin.get(m.fromGroupId) ?? []), m.id]);
        for (const [groupId, ids] of byOrigin) await call('athletes.moveToGroup', { ids, groupId });
      });
    } catch (e) {
      notifications.show({ color: 'red', title: 'Not moved', message: (e as Error).message });
    }
  }

  async function loadSampleSquad() {
    try {
      const result = await loadSample.mutateAsync({});
      notifications.show({ color: 'teal', message: `Loaded the sample squad: ${plural(result.athletes, 'athlete')} in ${plural(result.groups, 'group')}.` });
    } catch (e) {
      notifications.show({ color: 'red', title: 'Sample squad not loaded', message: (e as Error).message });
    }
  }

  if (athletesQuery.isError || groupsQuery.isError) {
    return (
      <Alert color="red" title="The roster could not be read">
        {(athletesQuery.error ?? groupsQuery.error)?.message}
      </Alert>
    );
  }
  if (athletesQuery.isPending || groupsQuery.isPending) return null;

  const drawer = (
    <AthleteDrawer
      opened={editing !== null}
      athlete={editing?.athlete ?? null}
      groups={groups}
      unit={unit}
      defaultGroupId={defaultGroupId}
      onClose={() => setEditing(null)}
    />
  );
  const groupsModal = <GroupsModal opened={groupsOpen} onClose={() => setGroupsOpen(false)} groups={groups} />;

  if (athletes.length === 0) {
    return (
      <>
        <Paper withBorder p="xl" maw={720} mx="auto" mt="xl">
          <EmptyState
            icon={<IconUsers size={32} />}
            variant="light"
            title="Your squad is empty"
            description="Add your athletes one at a time, or load a sample squad of 24 athletes in 4 groups to look around first. Groups (sprints, distance...) can be set up before or after."
          >
            <EmptyState.Actions>
              <Button leftSection={<IconUserPlus size={18} />} onClick={() => setEditing({ athlete: null })}>
                Add your first athlete
              </Button>
              <Button variant="default" leftSection={<IconFolders size={18} />} onClick={() => setGroupsOpen(true)}>
                Set up groups
              </Button>
              <Button variant="light" leftSection={<IconDatabaseImport size={18} />} loading={loadSample.isPending} onClick={() => void loadSampleSquad()} disabled={groups.length > 0}>
                Load sample squad
              </Button>
            </EmptyState.Actions>
          </EmptyState>
          {groups.length > 0 && (
            <Text size="xs" c="dimmed" ta="center" mt="md">
              The sample squad can only be loaded into a squad with no groups and no athletes.
            </Text>
          )}
        </Paper>
        {drawer}
        {groupsModal}
      </>
    );
  }

  const allVisibleSelected = visible.length > 0 && selectedVisible.length === visible.length;

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Group gap="xs" align="baseline">
          <Title order={2}>Roster</Title>
          <Text c="dimmed">
            {plural(activeCount, 'active athlete')} · {plural(groups.length, 'group')}
          </Text>
        </Group>
        <Group gap="xs">
          <Button variant="default" leftSection={<IconFolders size={18} />} onClick={() => setGroupsOpen(true)}>
            Groups
          </Button>
          <Tooltip label={`Add an athlete (${shortcutLabel('n')})`}>
            <Button leftSection={<IconPlus size={18} />} onClick={() => setEditing({ athlete: null })}>
              Add athlete
            </Button>
          </Tooltip>
        </Group>
      </Group>

      <Group gap="sm" wrap="wrap">
        <TextInput
          ref={searchRef}
          placeholder={`Search names and notes (${shortcutLabel('/')})`}
          aria-label="Search athletes"
          leftSection={<IconSearch size={16} />}
          rightSection={
            filter.search ? (
              <ActionIcon variant="subtle" size="sm" aria-label="Clear search" onClick={() => setFilterPart({ search: '' })}>
                <IconX size={14} />
              </ActionIcon>
            ) : null
          }
          value={filter.search}
          onChange={(e) => setFilterPart({ search: e.currentTarget.value })}
          onKeyDown={(e) => {
            if (e.key === 'Escape') setFilterPart({ search: '' });
          }}
          w={280}
        />
        <Select
          aria-label="Filter by group"
          w={200}
          allowDeselect={false}
          value={filter.group}
          onChange={(value) => setFilterPart({ group: value ?? 'all' })}
          data={[{ value: 'all', label: 'All groups' }, ...groups.map((g) => ({ value: String(g.id), label: g.name })), { value: 'none', label: 'No group' }]}
        />
        <SegmentedControl
          aria-label="Active or archived"
          value={filter.status}
          onChange={(value) => setFilterPart({ status: value as RosterFilter['status'] })}
          data={[
            { value: 'active', label: `Active (${activeCount})` },
            { value: 'archived', label: `Archived (${archivedCount})` },
          ]}
        />
        <Chip checked={filter.injuredOnly} onChange={(checked) => setFilterPart({ injuredOnly: checked })} color="orange">
          Injured / modified only
        </Chip>
        <Group gap={6} ml="auto">
          <Text size="sm" c="dimmed">
            Sort by
          </Text>
          <SegmentedControl
            size="xs"
            value={sortOrder}
            onChange={(value) => setSortOrder(value as SortOrder)}
            data={[
              { value: 'group', label: 'Group' },
              { value: 'name', label: 'Name' },
            ]}
          />
        </Group>
      </Group>

      {selectedVisible.length > 0 && (
        <Paper withBorder p="xs" bg="teal.0" role="region" aria-label="Selected athletes">
          <Group gap="sm">
            <Text size="sm" fw={600}>
              {plural(selectedVisible.length, 'athlete')} selected
            </Text>
            {filter.status === 'active' ? (
              <>
                <Menu position="bottom-start">
                  <Menu.Target>
                    <Button size="xs" variant="default" leftSection={<IconFolders size={16} />}>
                      Move to group
                    </Button>
                  </Menu.Target>
                  <Menu.Dropdown>
                    {groups.map((g) => (
                      <Menu.Item key={g.id} leftSection={<ColorSwatch color={g.color} size={12} />} onClick={() => void moveToGroup(selectedVisible, g)}>
                        {g.name}
                      </Menu.Item>
                    ))}
                    <Menu.Divider />
                    <Menu.Item onClick={() => void moveToGroup(selectedVisible, null)}>No group</Menu.Item>
                  </Menu.Dropdown>
                </Menu>
                <Button size="xs" variant="default" leftSection={<IconArchive size={16} />} onClick={() => void archiveAthletes(selectedVisible)}>
                  Archive
                </Button>
              </>
            ) : (
              <Button size="xs" variant="default" leftSection={<IconArrowBackUp size={16} />} onClick={() => void restoreAthletes(selectedVisible)}>
                Restore
              </Button>
            )}
            <Button size="xs" variant="subtle" onClick={() => setSelected(new Set())}>
              Clear selection
            </Button>
          </Group>
        </Paper>
      )}

      {visible.length === 0 ? (
        <Paper withBorder p="xl">
          <EmptyState
            icon={<IconSearch size={28} />}
            title={filter.status === 'archived' && archivedCount === 0 ? 'No archived athletes' : 'No athletes match'}
            description={
              filter.status === 'archived' && archivedCount === 0
                ? 'Athletes you archive (graduated, left the team) are kept here with all their records, and can be restored.'
                : 'Nobody fits these filters. Clear them to see the whole squad.'
            }
          >
            {!(filter.status === 'archived' && archivedCount === 0) && (
              <EmptyState.Actions>
                <Button variant="default" onClick={() => setFilterPart({ search: '', group: 'all', injuredOnly: false })}>
                  Clear filters
                </Button>
              </EmptyState.Actions>
            )}
          </EmptyState>
        </Paper>
      ) : (
        <Table highlightOnHover stickyHeader stickyHeaderOffset={52} verticalSpacing={6} className="tabular" aria-label="Athletes">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={36}>
                <Checkbox
                  aria-label="Select all shown"
                  checked={allVisibleSelected}
                  indeterminate={selectedVisible.length > 0 && !allVisibleSelected}
                  onChange={() => setSelected(allVisibleSelected ? new Set() : new Set(visible.map((a) => a.id)))}
                />
              </Table.Th>
              <Table.Th>Name</Table.Th>
              <Table.Th>Group</Table.Th>
              <Table.Th>Event focus</Table.Th>
              <Table.Th>Race goal</Table.Th>
              <Table.Th>Grade / born</Table.Th>
              <Table.Th ta="right">Body mass</Table.Th>
              <Table.Th ta="right">Training age</Table.Th>
              <Table.Th w={50} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {visible.map((a) => {
              const group = a.groupId === null ? null : groupById.get(a.groupId);
              return (
                <Table.Tr
                  key={a.id}
                  tabIndex={0}
                  style={{ cursor: 'pointer' }}
                  bg={selected.has(a.id) ? 'var(--mantine-color-teal-light)' : undefined}
                  onClick={() => setEditing({ athlete: a })}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter') setEditing({ athlete: a });
                    if (e.key === ' ') {
                      e.preventDefault();
                      toggle(a.id);
                    }
                  }}
                  data-testid={`athlete-row-${a.id}`}
                >
                  <Table.Td onClick={(e) => e.stopPropagation()}>
                    <Checkbox aria-label={`Select ${athleteFullName(a)}`} checked={selected.has(a.id)} onChange={() => toggle(a.id)} />
                  </Table.Td>
                  <Table.Td>
                    <Group gap={6} wrap="nowrap">
                      <Text size="sm" fw={500}>
                        {a.familyName}, {a.givenName}
                      </Text>
                      {a.injured && (
                        <Tooltip label={a.injuryNotes || 'Injured / modified'} multiline w={280} disabled={!a.injuryNotes}>
                          <Badge color="orange" variant="light" size="sm">
                            Injured
                          </Badge>
                        </Tooltip>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    {group ? (
                      <Group gap={6} wrap="nowrap">
                        <ColorSwatch color={group.color} size={12} />
                        <Text size="sm">{group.name}</Text>
                      </Group>
                    ) : (
                      <Text size="sm" c="dimmed">
                        No group
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{a.eventFocus ? EVENT_FOCUS_LABELS[a.eventFocus] : ''}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{a.raceGoal ? raceGoalLabel(a.raceGoal) : ''}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{ageText(a)}</Text>
                  </Table.Td>
                  <Table.Td ta="right">
                    <Text size="sm">{a.bodyMassKg === null ? '' : formatMass(a.bodyMassKg, unit)}</Text>
                  </Table.Td>
                  <Table.Td ta="right">
                    <Text size="sm">{a.trainingAgeYears === null ? '' : `${a.trainingAgeYears} yr`}</Text>
                  </Table.Td>
                  <Table.Td onClick={(e) => e.stopPropagation()}>
                    {a.archivedAt === null ? (
                      <Tooltip label="Archive (you can undo or restore later)">
                        <ActionIcon variant="subtle" color="gray" aria-label={`Archive ${athleteFullName(a)}`} onClick={() => void archiveAthletes([a])}>
                          <IconArchive size={16} />
                        </ActionIcon>
                      </Tooltip>
                    ) : (
                      <Tooltip label="Restore to the active roster">
                        <ActionIcon variant="subtle" aria-label={`Restore ${athleteFullName(a)}`} onClick={() => void restoreAthletes([a])}>
                          <IconArrowBackUp size={16} />
                        </ActionIcon>
                      </Tooltip>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
      {drawer}
      {groupsModal}
    </Stack>
  );
}

/**
 * The Warnings screen (issue 7): which athlete may need a deload and why, in numbers; the coach
 * schedules a deload week (undoable) or dismisses the warning with a note (kept in the history).
 * Computed on read, so it follows every result saved on the Sheets screen.
 */
import {
  Alert,
  Anchor,
  Badge,
  Button,
  CloseButton,
  ColorSwatch,
  EmptyState,
  Group,
  Loader,
  Modal,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Tabs,
  Text,
  Textarea,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { getHotkeyHandler } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconAdjustments, IconArrowsSort, IconCalendarDown, IconCircleCheck, IconSortAscending, IconSortDescending, IconX } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { MAX_DELOAD_LEAD_DAYS } from '@shared/contract/warnings';
import { addDays, formatDateLong, formatDateShort, localToday } from '@shared/dates';
import { WARNINGS_NOTE, type AthleteWarning, type WarningAction } from '@shared/load/warnings';
import { DELOAD_DEFAULTS } from '@shared/science';
import { ApiError, call } from '@renderer/api/client';
import { useApiMutation, useApiQuery } from '@renderer/api/hooks';
import { NoAthletesYet } from '@renderer/app/NoAthletesYet';
import { useUndo } from '@renderer/app/undo';
import { AcwrCaveats, LevelBadge, SignalList } from './WarningParts';

type SortKey = 'athlete' | 'group' | 'level' | 'since' | 'signals';
type Sort = { key: SortKey; dir: 1 | -1 };

const STATUS_TEXT: Record<AthleteWarning['status'], string> = { active: '', dismissed: 'Dismissed', 'deload-planned': 'Deload planned' };

function compare(a: AthleteWarning, b: AthleteWarning, sort: Sort): number {
  const level = (w: AthleteWarning) => (w.level === 'act' ? 0 : 1);
  const byName = a.athleteName.localeCompare(b.athleteName);
  let d: number;
  if (sort.key === 'athlete') d = byName;
  else if (sort.key === 'group') d = (a.groupName ?? '\uffff').localeCompare(b.groupName ?? '\uffff');
  else if (sort.key === 'level') d = level(a) - level(b);
  else if (sort.key === 'since') d = a.since.localeCompare(b.since);
  else d = b.signals.length - a.signals.length;
  return d * sort.dir || level(a) - level(b) || byName;
}

function SortHeader(props: { label: string; column: SortKey; sort: Sort; onSort(sort: Sort): void; w?: number }) {
  const active = props.sort.key === props.column;
  const Icon = !active ? IconArrowsSort : props.sort.dir === 1 ? IconSortAscending : IconSortDescending;
  return (
    <Table.Th w={props.w} aria-sort={active ? (props.sort.dir === 1 ? 'ascending' : 'descending') : 'none'}>
      <UnstyledButton onClick={() => props.onSort({ key: props.column, dir: active ? (props.sort.dir === 1 ? -1 : 1) : 1 })}>
        <Group gap={4} wrap="nowrap">
          <Text size="sm" fw={600}>
            {props.label}
          </Text>
          <Icon size={14} color={active ? 'var(--mantine-color-blue-6)' : 'var(--mantine-color-gray-5)'} />
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}

export function WarningsPage() {
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'history' ? 'history' : 'current';
  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end">
        <Title order={2}>Warnings</Title>
        <Button variant="subtle" size="xs" component={Link} to="/settings#warning-thresholds" leftSection={<IconAdjustments size={14} />}>
          Thresholds
        </Button>
      </Group>
      <Tabs
        value={tab}
        onChange={(v) => {
          const next = new URLSearchParams(params);
          if (v === 'history') next.set('tab', 'history');
          else next.delete('tab');
          setParams(next);
        }}
      >
        <Tabs.List>
          <Tabs.Tab value="current">Today</Tabs.Tab>
          <Tabs.Tab value="history">History</Tabs.Tab>
        </Tabs.List>
      </Tabs>
      {tab === 'current' ? <CurrentWarnings /> : <WarningHistory />}
    </Stack>
  );
}

function CurrentWarnings() {
  const [params, setParams] = useSearchParams();
  const [group, setGroup] = useState<string>('all');
  const [level, setLevel] = useState<'all' | 'act' | 'watch'>('all');
  const [status, setStatus] = useState<'active' | 'all'>('active');
  const [sort, setSort] = useState<Sort>({ key: 'level', dir: 1 });
  const [deloadFor, setDeloadFor] = useState<AthleteWarning | null>(null);
  const [dismissFor, setDismissFor] = useState<AthleteWarning | null>(null);

  const groupFilter = group === 'all' || group === 'none' ? group : Number(group);
  // Computed on read: asked again each time the screen opens, so results just saved show.
  const list = useApiQuery('warnings.list', { group: groupFilter, level, status });
  const groups = useApiQuery('groups.list', {});
  const athletes = useApiQuery('athletes.list', { status: 'active' });
  const onlyAthlete = Number(params.get('athlete')) || null;

  const rows = useMemo(() => {
    const all = list.data?.warnings ?? [];
    const shown = onlyAthlete === null ? all : all.filter((w) => w.athleteId === onlyAthlete);
    return [...shown].sort((a, b) => compare(a, b, sort));
  }, [list.data, sort, onlyAthlete]);

  if (list.isError) return <Alert color="red" title="The warnings could not be worked out">{list.error.message}</Alert>;
  if (athletes.data && athletes.data.length === 0) {
    return (
      <NoAthletesYet
        hasGroups={(groups.data ?? []).length > 0}
        description="Warnings come from each athlete's logged sessions, runs and wellness checks. Add your squad on the roster first, or load the sample squad (24 athletes with a plan and a few weeks of results, some of them due a deload) to look around."
      />
    );
  }

  const counts = list.data?.counts;
  const anyAcwr = rows.some((w) => w.showAcwrCaveats);
  const oneName = onlyAthlete === null ? null : (athletes.data?.find((a) => a.id === onlyAthlete) ?? null);

  return (
    <Stack gap="sm">
      <Group gap="sm" wrap="wrap" align="flex-end">
        <Select
          label="Group"
          w={200}
          allowDeselect={false}
          value={group}
          onChange={(v) => setGroup(v ?? 'all')}
          data={[{ value: 'all', label: 'All groups' }, ...(groups.data ?? []).map((g) => ({ value: String(g.id), label: g.name })), { value: 'none', label: 'No group' }]}
        />
        <div>
          <Text size="sm" fw={500} mb={2}>
            Level
          </Text>
          <SegmentedControl
            value={level}
            onChange={(v) => setLevel(v as typeof level)}
            data={[
              { value: 'all', label: 'All' },
              { value: 'act', label: `Act${counts ? ` (${counts.act})` : ''}` },
              { value: 'watch', label: `Watch${counts ? ` (${counts.watch})` : ''}` },
            ]}
          />
        </div>
        <div>
          <Text size="sm" fw={500} mb={2}>
            Show
          </Text>
          <SegmentedControl
            value={status}
            onChange={(v) => setStatus(v as typeof status)}
            data={[
              { value: 'active', label: 'Needing a decision' },
              { value: 'all', label: `Also dismissed or deload planned${counts ? ` (${counts.dismissed + counts.deloadPlanned})` : ''}` },
            ]}
          />
        </div>
        {list.isFetching && <Loader size="xs" />}
      </Group>
      {oneName && (
        <Group gap={6}>
          <Badge variant="light" size="lg" rightSection={<CloseButton size="xs" aria-label="Show every athlete" onClick={() => setParams(new URLSearchParams())} />}>
            Only {oneName.givenName} {oneName.familyName}
          </Badge>
        </Group>
      )}
      <Text size="xs" c="dimmed" maw={900}>
        {WARNINGS_NOTE} Act: recommend a deload. Watch: one kind of signal; keep an eye on it.
      </Text>

      {list.isPending ? (
        <Loader />
      ) : rows.length === 0 ? (
        <Paper withBorder p="xl">
          <EmptyState
            icon={<IconCircleCheck size={32} />}
            variant="light"
            title={onlyAthlete !== null ? 'No warning for this athlete today' : 'No warnings today'}
            description={
              'Checked for every active athlete from their logs and the plan: weeks since the last deload, the weekly load jump, the acute:chronic ratio, monotony, ' +
              'wellness against their own usual, hamstring tightness reports and re-test declines beyond the noise.' +
              (level !== 'all' || group !== 'all' || status === 'active' ? ' Other levels, groups or dismissed warnings may be hidden by the choices above.' : '')
            }
          >
            <EmptyState.Actions>
              <Button variant="default" component={Link} to="/settings#warning-thresholds">
                Look at the thresholds
              </Button>
            </EmptyState.Actions>
          </EmptyState>
        </Paper>
      ) : (
        <Paper withBorder>
          <Table verticalSpacing="sm" highlightOnHover aria-label="Warnings">
            <Table.Thead>
              <Table.Tr>
                <SortHeader label="Athlete" column="athlete" sort={sort} onSort={setSort} w={190} />
                <SortHeader label="Group" column="group" sort={sort} onSort={setSort} w={150} />
                <SortHeader label="Level" column="level" sort={sort} onSort={setSort} w={80} />
                <SortHeader label="Since" column="since" sort={sort} onSort={setSort} w={90} />
                <SortHeader label="Why, in numbers" column="signals" sort={sort} onSort={setSort} />
                <Table.Th w={170}>Decide</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((w) => (
                <Table.Tr key={w.athleteId} data-testid="warning-row" style={{ verticalAlign: 'top' }}>
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      {w.athleteName}
                    </Text>
                    {w.status !== 'active' && (
                      <Text size="xs" c="dimmed">
                        {STATUS_TEXT[w.status]}
                        {w.status === 'deload-planned' && w.nextDeload ? ` from ${formatDateShort(w.nextDeload)}` : ''}
                        {w.status === 'dismissed' && w.dismissal?.note ? `: \u201c${w.dismissal.note}\u201d` : ''}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Group gap={6} wrap="nowrap">
                      <ColorSwatch size={10} color={w.groupColor ?? 'var(--mantine-color-gray-5)'} />
                      <Text size="sm">{w.groupName ?? 'No group'}</Text>
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <LevelBadge level={w.level} />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{formatDateShort(w.since)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Stack gap={4}>
                      <SignalList warning={w} />
                      {w.status === 'active' && (
                        <Text size="sm" c="dimmed" fs="italic">
                          {w.action}
                        </Text>
                      )}
                      {w.showAcwrCaveats && list.data && (
                        <Group gap="xs">
                          {w.acwr && (
                            <Text size="xs" c="dimmed">
                              Ratio {w.acwr.value.toFixed(2)} ({w.acwr.methodLabel}).
                            </Text>
                          )}
                          <AcwrCaveats caveats={list.data.acwrCaveats} />
                        </Group>
                      )}
                    </Stack>
                  </Table.Td>
                  <Table.Td>
                    {w.status === 'active' ? (
                      <Stack gap={6} align="stretch">
                        <Button size="xs" variant={w.level === 'act' ? 'filled' : 'light'} leftSection={<IconCalendarDown size={14} />} onClick={() => setDeloadFor(w)}>
                          Schedule deload
                        </Button>
                        <Button size="xs" variant="default" leftSection={<IconX size={14} />} onClick={() => setDismissFor(w)}>
                          Dismiss
                        </Button>
                      </Stack>
                    ) : (
                      <Anchor size="sm" component={Link} to={`/calendar`}>
                        See the calendar
                      </Anchor>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
      {anyAcwr && list.data && (
        <Text size="xs" c="dimmed">
          The acute:chronic ratio is shown with its method; it is never a reason on its own. <AcwrCaveats caveats={list.data.acwrCaveats} label="Read its limits" />
        </Text>
      )}
      <ScheduleDeloadModal warning={deloadFor} onClose={() => setDeloadFor(null)} />
      <DismissModal warning={dismissFor} onClose={() => setDismissFor(null)} />
    </Stack>
  );
}

function ScheduleDeloadModal({ warning, onClose }: { warning: AthleteWarning | null; onClose(): void }) {
  const undo = useUndo();
  const schedule = useApiMutation('warnings.scheduleDeload');
  const [from, setFrom] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const today = localToday();
  const value = from ?? warning?.suggestedDeloadFrom ?? today;

  function close() {
    setFrom(null);
    setNote('');
    setError(null);
    onClose();
  }

  async function confirm() {
    if (!warning) return;
    try {
      const result = await schedule.mutateAsync({ athleteId: warning.athleteId, from: value, note });
      undo.record(`Scheduled a deload for ${warning.athleteName} from ${formatDateShort(value)}`, () => call('warnings.restore', { actionId: result.action.id }));
      close();
    } catch (e) {
      setError(e instanceof ApiError ? (Object.values(e.fields)[0] ?? e.message) : (e as Error).message);
    }
  }

  return (
    <Modal opened={warning !== null} onClose={close} title={<Text fw={600}>Schedule a deload week{warning ? ` for ${warning.athleteName}` : ''}</Text>} size="md">
      {warning && (
        <Stack gap="sm" onKeyDown={getHotkeyHandler([['mod+Enter', () => void confirm()]])}>
          <DateInput
            label="First day of the deload"
            description="Seven days from this day become deload days for this athlete only."
            valueFormat="ddd D MMM YYYY"
            minDate={today}
            maxDate={addDays(today, MAX_DELOAD_LEAD_DAYS)}
            value={value}
            onChange={(v) => {
              setFrom(v);
              setError(null);
            }}
            error={error}
          />
          <Text size="sm">
            {`${formatDateLong(value)} to ${formatDateLong(addDays(value, 6))}: strength sessions as planned with the block\u2019s deload rule (sets \u2212${DELOAD_DEFAULTS.setReduction * 100}%, load \u2212${DELOAD_DEFAULTS.loadReduction * 100}%, ${DELOAD_DEFAULTS.rirIncrease} more reps in reserve by default), same exercises; runs stay as the running coach planned them. The session sheets and the calendar show it at once.`}
          </Text>
          <Textarea label="Note (optional)" placeholder="Why, for the history" autosize minRows={2} maxLength={500} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button loading={schedule.isPending} onClick={() => void confirm()} data-autofocus>
              Schedule the deload
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

function DismissModal({ warning, onClose }: { warning: AthleteWarning | null; onClose(): void }) {
  const undo = useUndo();
  const dismiss = useApiMutation('warnings.dismiss');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);

  function close() {
    setNote('');
    setError(null);
    onClose();
  }

  async function confirm() {
    if (!warning) return;
    try {
      const action = await dismiss.mutateAsync({ athleteId: warning.athleteId, note });
      undo.record(`Dismissed ${warning.athleteName}'s warning`, () => call('warnings.restore', { actionId: action.id }));
      notifications.show({ color: 'gray', message: `Dismissed. It comes back if a new signal appears, the level rises, or in 14 days.` });
      close();
    } catch (e) {
      setError(e instanceof ApiError ? (Object.values(e.fields)[0] ?? e.message) : (e as Error).message);
    }
  }

  return (
    <Modal opened={warning !== null} onClose={close} title={<Text fw={600}>Dismiss {warning ? `${warning.athleteName}'s` : 'the'} warning</Text>} size="md">
      {warning && (
        <Stack gap="sm" onKeyDown={getHotkeyHandler([['mod+Enter', () => void confirm()]])}>
          <Text size="sm">{warning.reasons}.</Text>
          <Textarea
            label="Note"
            description="Kept in the history with the reasons, e.g. what the athlete said."
            autosize
            minRows={2}
            maxLength={500}
            value={note}
            error={error}
            onChange={(e) => setNote(e.currentTarget.value)}
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button color="gray" loading={dismiss.isPending} onClick={() => void confirm()}>
              Dismiss
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

const ACTION_TEXT: Record<WarningAction['kind'], string> = { dismissed: 'Dismissed', deload_scheduled: 'Deload scheduled' };

function WarningHistory() {
  const history = useApiQuery('warnings.history', {});
  if (history.isError) return <Alert color="red">{history.error.message}</Alert>;
  if (history.isPending) return <Loader />;
  if (history.data.length === 0) {
    return (
      <Paper withBorder p="xl">
        <EmptyState
          variant="light"
          title="Nothing in the history yet"
          description="Dismissed warnings (with their notes) and deloads scheduled from a warning are listed here, newest first, with the reasons as they were."
        />
      </Paper>
    );
  }
  return (
    <Paper withBorder>
      <Table verticalSpacing="sm" aria-label="Warning history">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={110}>When</Table.Th>
            <Table.Th w={180}>Athlete</Table.Th>
            <Table.Th w={200}>What was done</Table.Th>
            <Table.Th>The warning then</Table.Th>
            <Table.Th w={220}>Note</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {history.data.map((a) => (
            <Table.Tr key={a.id} style={{ verticalAlign: 'top' }} data-testid="history-row">
              <Table.Td>
                <Text size="sm">{formatDateShort(a.createdAt.slice(0, 10))}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" fw={600}>
                  {a.athleteName}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">
                  {ACTION_TEXT[a.kind]}
                  {a.deloadFrom && a.deloadTo ? `: ${formatDateShort(a.deloadFrom)} \u2013 ${formatDateShort(a.deloadTo)}` : ''}
                </Text>
              </Table.Td>
              <Table.Td>
                <Group gap={6} wrap="nowrap" align="flex-start">
                  <LevelBadge level={a.level} />
                  <Text size="sm">{a.reasons}</Text>
                </Group>
              </Table.Td>
              <Table.Td>
                <Text size="sm" c={a.note ? undefined : 'dimmed'}>
                  {a.note || '\u2014'}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

/** Test sessions, newest first: where a coach starts a baseline, a re-test or a reliability check. */
import { ActionIcon, Alert, Badge, Button, EmptyState, Group, Menu, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconChartBar, IconDots, IconEdit, IconPlus, IconTable, IconTrash, IconClipboardList } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { formatDateLong } from '@shared/dates';
import { SESSION_KIND_LABELS, type TestSession } from '@shared/domain/retests';
import { call } from '@renderer/api/client';
import { useApiMutation, useApiQuery } from '@renderer/api/hooks';
import { useUndo } from '@renderer/app/undo';
import { plural } from './common';
import { SessionForm } from './SessionForm';

const KIND_COLORS = { baseline: 'blue', retest: 'teal', reliability: 'grape' } as const;

export function SessionList() {
  const navigate = useNavigate();
  const undo = useUndo();
  const sessionsQuery = useApiQuery('retests.listSessions', {});
  const testsQuery = useApiQuery('retests.listTests', {});
  const athletesQuery = useApiQuery('athletes.list', { status: 'active' });
  const remove = useApiMutation('retests.removeSession');
  const [editing, setEditing] = useState<{ session: TestSession | null } | null>(null);

  if (sessionsQuery.isError || testsQuery.isError) return <Alert color="red" title="The test sessions could not be read">{(sessionsQuery.error ?? testsQuery.error)?.message}</Alert>;
  if (sessionsQuery.isPending || testsQuery.isPending) return null;
  const sessions = sessionsQuery.data;
  const tests = testsQuery.data;
  const testName = new Map(tests.map((t) => [t.id, t.shortName]));

  async function removeSession(s: TestSession) {
    try {
      const snapshot = await remove.mutateAsync({ id: s.id });
      undo.record(`Deleted ${s.label} (${plural(snapshot.results.length, 'athlete')}' results)`, () => call('retests.restoreSession', { snapshot }));
    } catch (e) {
      notifications.show({ color: 'red', title: 'Not deleted', message: (e as Error).message });
    }
  }

  const form = (
    <SessionForm
      opened={editing !== null}
      session={editing?.session ?? null}
      sessions={sessions}
      tests={tests}
      onClose={() => setEditing(null)}
      onSaved={(s) => {
        const wasNew = editing?.session === null;
        setEditing(null);
        if (wasNew) void navigate(`/retests/session/${s.id}`);
      }}
    />
  );

  if (sessions.length === 0) {
    const noAthletes = (athletesQuery.data?.length ?? 0) === 0;
    return (
      <>
        <Paper withBorder p="xl" maw={760} mx="auto" mt="md">
          <EmptyState
            icon={<IconClipboardList size={32} />}
            variant="light"
            title="No test sessions yet"
            description="Test the squad at the start of a block (the baseline) and again at its end (a re-test): jumps, single-leg balance and sprints. A reliability session (every test twice, days apart) measures how much each test varies on its own, so a change is only called real when it is bigger than that."
          >
            <EmptyState.Actions>
              <Button leftSection={<IconPlus size={18} />} onClick={() => setEditing({ session: null })}>
                New test session
              </Button>
              <Button variant="default" component={Link} to="/retests/settings">
                Look at the test battery
              </Button>
            </EmptyState.Actions>
          </EmptyState>
          {noAthletes && (
            <Text size="sm" c="dimmed" ta="center" mt="md">
              Your roster is empty: add athletes on the Roster screen first, or load the sample squad there to see tests with results.
            </Text>
          )}
        </Paper>
        {form}
      </>
    );
  }

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Group gap="xs" align="baseline">
          <Title order={2}>Test sessions</Title>
          <Text c="dimmed">{plural(sessions.length, 'session')}</Text>
        </Group>
        <Group gap="xs">
          <Button variant="default" leftSection={<IconChartBar size={18} />} component={Link} to="/retests/compare">
            Compare sessions
          </Button>
          <Button leftSection={<IconPlus size={18} />} onClick={() => setEditing({ session: null })}>
            New test session
          </Button>
        </Group>
      </Group>
      <Table highlightOnHover verticalSpacing={6} aria-label="Test sessions" className="tabular">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Date</Table.Th>
            <Table.Th>Session</Table.Th>
            <Table.Th w={120}>Kind</Table.Th>
            <Table.Th>Tests</Table.Th>
            <Table.Th ta="right">Athletes tested</Table.Th>
            <Table.Th w={240} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sessions.map((s) => (
            <Table.Tr key={s.id} data-testid={`session-row-${s.id}`}>
              <Table.Td>{formatDateLong(s.date)}</Table.Td>
              <Table.Td>
                <Text size="sm" fw={500} component={Link} to={`/retests/session/${s.id}`} c="inherit" td="none">
                  {s.label}
                </Text>
                {s.notes && (
                  <Text size="xs" c="dimmed" lineClamp={1}>
                    {s.notes}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Badge variant="light" color={KIND_COLORS[s.kind]} style={{ overflow: 'visible' }} miw={90}>
                  {SESSION_KIND_LABELS[s.kind]}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{s.testIds.map((id) => testName.get(id) ?? '?').join(', ')}</Text>
              </Table.Td>
              <Table.Td ta="right">{s.athleteCount}</Table.Td>
              <Table.Td>
                <Group gap={4} justify="flex-end" wrap="nowrap">
                  <Button size="xs" variant="light" leftSection={<IconTable size={14} />} component={Link} to={`/retests/session/${s.id}`}>
                    Enter results
                  </Button>
                  {s.kind !== 'reliability' && (
                    <Button size="xs" variant="subtle" component={Link} to={`/retests/compare?session=${s.id}`}>
                      Compare
                    </Button>
                  )}
                  <Menu position="bottom-end">
                    <Menu.Target>
                      <ActionIcon variant="subtle" color="gray" aria-label={`More for ${s.label}`}>
                        <IconDots size={16} />
                      </ActionIcon>
                    </Menu.Target>
                    <Menu.Dropdown>
                      <Menu.Item leftSection={<IconEdit size={14} />} onClick={() => setEditing({ session: s })}>
                        Edit date, label and tests
                      </Menu.Item>
                      <Menu.Item leftSection={<IconTrash size={14} />} color="red" onClick={() => void removeSession(s)}>
                        Delete (you can undo)
                      </Menu.Item>
                    </Menu.Dropdown>
                  </Menu>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {form}
    </Stack>
  );
}

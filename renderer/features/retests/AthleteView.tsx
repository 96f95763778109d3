/**
 * One athlete across every session: per test, the trend with the noise drawn on it and a table
 * of each result against the previous one and the baseline; left against right for balance.
 */
import { Alert, Badge, Button, Group, Paper, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconPrinter } from '@tabler/icons-react';
import { useMemo } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { formatDateShort } from '@shared/dates';
import { athleteFullName } from '@shared/domain/roster';
import { formatNumber, MARK_LABELS, type TestDefinition } from '@shared/domain/retests';
import { ASYMMETRY_CAVEAT } from '@shared/science';
import { useApiQuery } from '@renderer/api/hooks';
import { sortByGroupThenName } from './common';
import { AthleteTrendChart } from './charts';
import { ChangeCell } from './verdict';

export function AthleteView() {
  const { athleteId } = useParams();
  const id = athleteId ? Number(athleteId) : null;
  const navigate = useNavigate();
  const athletesQuery = useApiQuery('athletes.list', { status: 'all' });
  const groupsQuery = useApiQuery('groups.list', {});
  const trendQuery = useApiQuery('retests.athleteTrend', { athleteId: id ?? 0 }, { enabled: id !== null && id > 0 });
  const athletes = useMemo(() => sortByGroupThenName(athletesQuery.data ?? [], groupsQuery.data ?? []), [athletesQuery.data, groupsQuery.data]);

  const picker = (
    <Select
      aria-label="Athlete"
      placeholder="Choose an athlete"
      searchable
      w={300}
      value={id === null ? null : String(id)}
      onChange={(v) => v && void navigate(`/retests/athlete/${v}`)}
      data={athletes.map((a) => ({ value: String(a.id), label: `${athleteFullName(a)}${a.archivedAt ? ' (archived)' : ''}` }))}
      nothingFoundMessage="No athlete by that name"
    />
  );

  if (id === null) {
    return (
      <Stack gap="sm">
        <Title order={2}>An athlete&apos;s results</Title>
        {picker}
        <Text c="dimmed">Choose an athlete to see every test session: the trend per test, each change and whether it is more than the test&apos;s noise.</Text>
      </Stack>
    );
  }
  if (trendQuery.isError) return <Alert color="red">{trendQuery.error.message}</Alert>;
  const trend = trendQuery.data;
  if (!trend) return picker;
  const tests = new Map(trend.tests.map((t) => [t.id, t]));

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Group gap="sm">
          <Title order={2}>{athleteFullName(trend.athlete)}</Title>
          {picker}
        </Group>
        <Button variant="default" leftSection={<IconPrinter size={18} />} component={Link} to={`/retests/print/athlete/${trend.athlete.id}`}>
          Report for the athlete
        </Button>
      </Group>
      {trend.columns.length === 0 && <Alert color="blue">No test results for this athlete yet.</Alert>}
      <SimpleGrid cols={{ base: 1, xl: 2 }} spacing="md">
        {trend.columns.map((column) => {
          const test = tests.get(column.testId) as TestDefinition;
          return (
            <Paper key={column.key} withBorder p="md" data-testid={`trend-${column.key}`}>
              <Group justify="space-between" mb={4}>
                <Title order={4}>
                  {test.name}
                  {column.side !== 'none' ? `, ${column.side} leg` : ''}
                </Title>
                <Text size="xs" c="dimmed">
                  {test.higherIsBetter ? 'higher is better' : 'lower is better'} · {test.unit}
                </Text>
              </Group>
              <AthleteTrendChart column={column} test={test} />
              <Table verticalSpacing={2} className="tabular" mt="xs">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Session</Table.Th>
                    <Table.Th ta="right">Score</Table.Th>
                    <Table.Th>Against the previous</Table.Th>
                    <Table.Th>Against the baseline</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {[...column.points].reverse().map((p) => (
                    <Table.Tr key={p.sessionId}>
                      <Table.Td>
                        <Text size="sm">{p.label}</Text>
                        <Text size="xs" c="dimmed" component="div">
                          {formatDateShort(p.date)} {p.kind === 'baseline' && <Badge size="xs" variant="light">baseline</Badge>}
                        </Text>
                      </Table.Td>
                      <Table.Td ta="right">
                        {p.status === 'ok' ? (
                          <Text size="sm" fw={600}>
                            {formatNumber(p.score as number, test.decimals)}
                          </Text>
                        ) : (
                          <Text size="sm" c="dimmed" fs="italic">
                            {MARK_LABELS[p.status]}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <ChangeCell view={p.vsPrevious} test={test} />
                      </Table.Td>
                      <Table.Td>
                        <ChangeCell view={p.vsBaseline} test={test} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Paper>
          );
        })}
      </SimpleGrid>
      {Object.entries(trend.asymmetry).map(([testId, series]) => {
        const test = tests.get(Number(testId)) as TestDefinition;
        if (series.length === 0) return null;
        return (
          <Paper key={testId} withBorder p="md">
            <Title order={4} mb="xs">
              {test.name}: left against right
            </Title>
            <Table verticalSpacing={2} className="tabular" aria-label={`${test.name} left and right`}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Session</Table.Th>
                  <Table.Th ta="right">Left</Table.Th>
                  <Table.Th ta="right">Right</Table.Th>
                  <Table.Th ta="right">Asymmetry</Table.Th>
                  <Table.Th>Better leg</Table.Th>
                  <Table.Th>Flag</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {series.map((s) => (
                  <Table.Tr key={s.sessionId}>
                    <Table.Td>
                      {s.label} <Text span size="xs" c="dimmed">{formatDateShort(s.date)}</Text>
                    </Table.Td>
                    <Table.Td ta="right">{formatNumber(s.view.left, test.decimals)}</Table.Td>
                    <Table.Td ta="right">{formatNumber(s.view.right, test.decimals)}</Table.Td>
                    <Table.Td ta="right">{s.view.percent.toFixed(1)}%</Table.Td>
                    <Table.Td>{s.view.betterSide ?? 'equal'}</Table.Td>
                    <Table.Td>{s.view.flagged ? '\u2691 flagged' : s.view.exceedsThreshold ? 'within the noise' : ''}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <Text size="xs" c="dimmed" mt="xs">
              {ASYMMETRY_CAVEAT}
            </Text>
          </Paper>
        );
      })}
    </Stack>
  );
}

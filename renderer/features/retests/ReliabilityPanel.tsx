/**
 * What a reliability session says about each test's noise (REFERENCE.md §1.1–§1.3): the typical
 * error from trial 1 and trial 2, with its n, the mean shift, CV and ICC; one click uses it.
 */
import { Alert, Button, Group, Paper, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { TYPICAL_ERROR_CAVEAT } from '@shared/science';
import type { TestDefinition } from '@shared/domain/retests';
import { call } from '@renderer/api/client';
import { useApiQuery } from '@renderer/api/hooks';
import { useUndo } from '@renderer/app/undo';
import { currentChoice, typicalErrorSummary } from './typicalError';

export function ReliabilityPanel({ sessionId, sessionDate, tests }: { sessionId: number; sessionDate: string; tests: TestDefinition[] }) {
  const reliability = useApiQuery('retests.reliability', { sessionId });
  const undo = useUndo();
  if (reliability.isError) return <Alert color="red">{reliability.error.message}</Alert>;
  if (!reliability.data) return null;
  const byTest = new Map(reliability.data.map((r) => [r.testId, r]));
  const usable = tests.filter((t) => (byTest.get(t.id)?.typicalError ?? 0) > 0);
  const alreadyUsed = usable.every((t) => t.typicalError.source === 'reliability' && t.typicalError.sessionId === sessionId);

  async function applyThem() {
    const before = usable.map(currentChoice);
    try {
      for (const t of usable) await call('retests.setTypicalError', { id: t.id, source: 'reliability', sessionId });
      undo.record(`Took ${usable.length} typical errors from the reliability session of ${sessionDate}`, async () => {
        for (const choice of before) await call('retests.setTypicalError', choice);
      });
    } catch (e) {
      notifications.show({ color: 'red', title: 'Typical errors not changed', message: (e as Error).message });
    }
  }

  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="xs">
        <Title order={4}>Each test&apos;s noise, from this session</Title>
        <Button size="xs" disabled={usable.length === 0 || alreadyUsed} onClick={() => void applyThem()}>
          {alreadyUsed && usable.length > 0 ? 'In use for comparisons' : 'Use these typical errors'}
        </Button>
      </Group>
      <Table verticalSpacing={4} className="tabular" aria-label="Typical error per test">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Test</Table.Th>
            <Table.Th ta="right">Pairs of trials</Table.Th>
            <Table.Th ta="right">Typical error</Table.Th>
            <Table.Th ta="right">Trial 2 − trial 1 (mean)</Table.Th>
            <Table.Th ta="right">CV</Table.Th>
            <Table.Th ta="right">ICC</Table.Th>
            <Table.Th>In use now</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {tests.map((t) => {
            const r = byTest.get(t.id);
            const d = t.decimals + 1;
            return (
              <Table.Tr key={t.id}>
                <Table.Td>{t.name}</Table.Td>
                <Table.Td ta="right">{r?.pairs ?? 0}</Table.Td>
                <Table.Td ta="right">{r?.typicalError != null ? `${r.typicalError.toFixed(d)} ${t.unit}` : <Text size="sm" c="dimmed">{r?.problem ?? '—'}</Text>}</Table.Td>
                <Table.Td ta="right">{r?.meanShift != null ? `${r.meanShift >= 0 ? '+' : '−'}${Math.abs(r.meanShift).toFixed(d)} ${t.unit}` : ''}</Table.Td>
                <Table.Td ta="right">{r?.cvPercent != null ? `${r.cvPercent.toFixed(1)}%` : ''}</Table.Td>
                <Table.Td ta="right">{r?.icc != null ? r.icc.toFixed(2) : ''}</Table.Td>
                <Table.Td>
                  <Text size="sm">{typicalErrorSummary(t)}</Text>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      <Text size="xs" c="dimmed" mt="xs">
        Typical error = SD(trial 2 − trial 1)/√2, each leg of a left/right test counting as one pair. A mean shift shows learning or fatigue between the trials; it is
        not part of the noise. {TYPICAL_ERROR_CAVEAT}
      </Text>
    </Paper>
  );
}

/** Regressions suggested for athletes flagged injured: shown, never applied until the coach says so. */
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { formatDateLong } from '@shared/dates';
import { athleteFullName, type Athlete } from '@shared/domain/roster';
import type { AthleteSuggestions } from '@shared/plan/views';
import { call } from '@renderer/api/client';
import { useApiMutation } from '@renderer/api/hooks';
import { useUndo } from '@renderer/app/undo';

export function SuggestionsModal({ opened, onClose, suggestions, athletes }: { opened: boolean; onClose(): void; suggestions: AthleteSuggestions[]; athletes: Map<number, Athlete> }) {
  const create = useApiMutation('swaps.create');
  const undo = useUndo();

  async function apply(entry: AthleteSuggestions) {
    const athlete = athletes.get(entry.athleteId);
    const name = athlete ? athleteFullName(athlete) : 'the athlete';
    try {
      const created = await create.mutateAsync({
        swaps: entry.suggestions.map((s) => ({ athleteId: entry.athleteId, exerciseId: s.exerciseId, replacementId: s.regressionId, fromDate: entry.fromDate, toDate: entry.toDate, reason: 'injury' as const })),
      });
      undo.record(`Regressions for ${name} until ${formatDateLong(entry.toDate)}`, () => call('swaps.remove', { ids: created.map((s) => s.id) }));
    } catch (error) {
      notifications.show({ color: 'red', title: 'Not applied', message: (error as Error).message });
    }
  }

  return (
    <Modal opened={opened} onClose={onClose} title="Regressions for injured athletes" size="lg">
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          For each athlete flagged injured on the roster: the exercises of their sessions in the next four weeks that have an easier version. Nothing changes until you apply them; each can be undone.
        </Text>
        {suggestions.length === 0 && <Text size="sm">No suggestions left: every injured athlete&apos;s sessions already use regressions, or they have no sessions planned.</Text>}
        {suggestions.map((entry) => {
          const athlete = athletes.get(entry.athleteId);
          return (
            <Stack key={entry.athleteId} gap={4} p="sm" style={{ border: '1px solid var(--mantine-color-orange-3)', borderRadius: 6 }}>
              <Group justify="space-between">
                <Text fw={600}>{athlete ? athleteFullName(athlete) : `Athlete ${entry.athleteId}`}</Text>
                <Button size="xs" color="orange" loading={create.isPending} onClick={() => void apply(entry)}>
                  Apply until {formatDateLong(entry.toDate)}
                </Button>
              </Group>
              {entry.injuryNotes && (
                <Text size="sm" c="dimmed">
                  {entry.injuryNotes}
                </Text>
              )}
              {entry.suggestions.map((s) => (
                <Text size="sm" key={s.exerciseId}>
                  {s.exerciseName} → <b>{s.regressionName}</b>{' '}
                  <Text span size="xs" c="dimmed">
                    (first on {formatDateLong(s.firstDate)})
                  </Text>
                </Text>
              ))}
            </Stack>
          );
        })}
      </Stack>
    </Modal>
  );
}

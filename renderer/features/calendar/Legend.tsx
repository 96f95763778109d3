import { Group, Popover, Button, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { RUN_TYPE_LABELS, RUN_TYPE_SHORT, RUN_TYPES, SESSION_TYPE_LABELS } from '@shared/plan/model';
import { RUN_CODES } from '@shared/plan/gridCode';

/** What the chips, shading and marks of the grid mean. */
export function Legend() {
  return (
    <Popover position="bottom-end" withinPortal shadow="md">
      <Popover.Target>
        <Button size="sm" variant="subtle" leftSection={<IconInfoCircle size={16} />}>
          Legend
        </Button>
      </Popover.Target>
      <Popover.Dropdown maw={460}>
        <Stack gap="xs">
          <Text size="sm" fw={600}>
            Strength sessions
          </Text>
          <Group gap="xs">
            {(['A', 'B', 'C'] as const).map((t) => (
              <Group key={t} gap={4}>
                <span className={`cal-legend-chip s${t}`}>{t}</span>
                <Text size="xs">{SESSION_TYPE_LABELS[t].slice(4)}</Text>
              </Group>
            ))}
          </Group>
          <Text size="sm" fw={600}>
            Runs
          </Text>
          <SimpleGrid cols={4} spacing={4} verticalSpacing={4}>
            {RUN_TYPES.map((t) => (
              <Group key={t} gap={4} wrap="nowrap">
                <span className={`cal-legend-chip r${RUN_CODES[t]}`}>{RUN_TYPE_SHORT[t]}</span>
                <Text size="xs">{RUN_TYPE_LABELS[t]}</Text>
              </Group>
            ))}
          </SimpleGrid>
          <Text size="sm" fw={600}>
            Marks
          </Text>
          <Text size="xs">
            Striped cells: deload week. Red corner: a planning rule is broken there (open the day to see why). Yellow corner: a deload warning for the athlete from that day (open the day, or the Warnings screen). Outlined chip: the athlete&apos;s own change; struck-through chip: skipped or moved
            away. N: a note. R: a regression (exercise swap) in that session. Yellow column: today. Coloured dots in the header: races (red) and test days (blue).
          </Text>
          <Text size="xs" c="dimmed">
            Click a day to open it; drag or Shift+click to select days, or click a group&apos;s row to select the whole group for that day. Arrows move, Enter opens, Delete resets to the group plan,
            Ctrl+Z undoes.
          </Text>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}

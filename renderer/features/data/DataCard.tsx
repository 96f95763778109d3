/** One card of the Data section: a title, a sentence, its actions on the right, its content below. */
import { Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

export function DataCard({ title, description, actions, children }: { title: string; description: ReactNode; actions?: ReactNode; children?: ReactNode }) {
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label={title}>
      <Group justify="space-between" align="flex-start" mb={children ? 'sm' : 0} wrap="wrap" gap="sm">
        <Stack gap={2} maw={620}>
          <Title order={4}>{title}</Title>
          <Text size="sm" c="dimmed">
            {description}
          </Text>
        </Stack>
        {actions && <Group gap="sm">{actions}</Group>}
      </Group>
      {children}
    </Paper>
  );
}

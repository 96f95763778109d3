import { Alert, Center, Code, Stack, Text, Title } from '@mantine/core';
import { IconDatabaseOff } from '@tabler/icons-react';

/** Shown instead of the app when the squad database cannot be opened. Nothing is overwritten. */
export function StartupProblem({ message, databasePath }: { message: string; databasePath?: string }) {
  return (
    <Center h="100vh" p="xl">
      <Stack maw={640} gap="md">
        <Title order={2}>Backchain cannot open your squad</Title>
        <Alert color="red" icon={<IconDatabaseOff />} title="What happened">
          {message}
        </Alert>
        {databasePath && (
          <Text size="sm">
            The squad file is <Code>{databasePath}</Code>. It has not been changed or replaced.
          </Text>
        )}
      </Stack>
    </Center>
  );
}

import { Alert, Button, Center, Code, Group, Stack, Text, Title } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconDatabaseOff, IconRestore } from '@tabler/icons-react';
import type { AppStatus } from '@shared/contract/roster';
import { call } from '../api/client';
import { useApiQuery } from '../api/hooks';
import { BackupsTable, useRestoreFlow } from '../features/data/restore';

/** Problems a backup can fix: the file is damaged or is not a squad at all. */
const RECOVERABLE = new Set(['damaged', 'not_a_database']);

/**
 * Shown instead of the app when the squad database cannot be opened. Nothing is overwritten:
 * for a damaged file it offers the newest backup that passes its checks (or any other one, or a
 * file), and the damaged file is moved aside and kept when a backup takes its place.
 */
export function StartupProblem({ message, status }: { message?: string; status?: AppStatus }) {
  const problem = status?.problem ?? null;
  const recoverable = problem !== null && RECOVERABLE.has(problem.kind);
  return (
    <Center mih="100vh" p="xl">
      <Stack maw={760} w="100%" gap="md">
        <Title order={2}>{problem?.kind === 'newer_version' ? 'This squad needs a newer Backchain' : 'Backchain cannot open your squad'}</Title>
        <Alert color="red" icon={<IconDatabaseOff />} title="What happened">
          {problem?.message ?? message}
        </Alert>
        {status && (
          <Text size="sm">
            The squad file is <Code>{status.databasePath}</Code>. It has not been changed or replaced.
          </Text>
        )}
        {status && recoverable && <Recovery status={status} />}
      </Stack>
    </Center>
  );
}

function Recovery({ status }: { status: AppStatus }) {
  const backups = useApiQuery('backups.list', {});
  const restore = useRestoreFlow({
    canChooseInMain: status.mode === 'desktop',
    replacing: false,
    onRestored(result) {
      notifications.show({ color: 'teal', title: 'Squad restored', message: `Restored from ${result.restoredFrom}.` });
      // Start the app afresh on the restored squad.
      window.location.reload();
    },
  });
  const list = backups.data?.backups ?? [];

  function startEmpty() {
    modals.openConfirmModal({
      title: 'Start an empty squad?',
      children: <Text size="sm">The damaged file is moved aside (kept, not deleted) and Backchain starts with no athletes. Only do this if no backup can be restored.</Text>,
      labels: { confirm: 'Start an empty squad', cancel: 'Cancel' },
      confirmProps: { color: 'red' },
      onConfirm: () =>
        void call('backups.startEmpty', {})
          .then(() => window.location.reload())
          .catch((error: unknown) => notifications.show({ color: 'red', title: 'Could not start an empty squad', message: (error as Error).message })),
    });
  }

  return (
    <Stack gap="sm">
      <Title order={4}>Restore a backup</Title>
      <Text size="sm">
        Backchain checks a backup before it uses it and shows you what it holds. The damaged file is then moved aside and kept, so nothing is lost.
      </Text>
      <Group gap="sm">
        <Button leftSection={<IconRestore size={18} />} onClick={() => void restore.start({ kind: 'newest' })} loading={restore.busy === 'checking'} disabled={list.length === 0}>
          Check and restore the newest good backup
        </Button>
        <Button variant="default" onClick={restore.chooseFile}>
          Restore from a file…
        </Button>
      </Group>
      {backups.isError && <Alert color="red">{backups.error.message}</Alert>}
      {backups.data && list.length === 0 && (
        <Alert color="yellow" title="There are no backups in this folder">
          <Stack gap="xs" align="flex-start">
            <Text size="sm">
              If you saved a backup elsewhere (Back up now, a USB stick), restore it from the file. Otherwise you can start an empty squad; the damaged file is kept in{' '}
              <Code>{status.dataDir}</Code>.
            </Text>
            <Button size="xs" variant="light" color="red" onClick={startEmpty}>
              Start an empty squad
            </Button>
          </Stack>
        </Alert>
      )}
      {list.length > 0 && (
        <BackupsTable backups={list} onRestore={(source) => void restore.start(source)} />
      )}
      {restore.element}
    </Stack>
  );
}

/**
 * The first screen of a section on an empty squad: what the section will show, and the two ways
 * to get athletes (the roster, or the sample squad to look around). The sample squad is offered
 * only while the squad has no groups either, as `sample.load` requires.
 */
import { Button, EmptyState, Paper } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDatabaseImport, IconUsers } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import { useApiMutation } from '../api/hooks';

export function NoAthletesYet({ description, hasGroups }: { description: string; hasGroups: boolean }) {
  const navigate = useNavigate();
  const loadSample = useApiMutation('sample.load');
  return (
    <Paper withBorder p="xl" maw={720} mx="auto" mt="xl">
      <EmptyState icon={<IconUsers size={32} />} variant="light" title="No athletes yet" description={description}>
        <EmptyState.Actions>
          <Button leftSection={<IconUsers size={18} />} onClick={() => void navigate('/roster')}>
            Go to the roster
          </Button>
          <Button
            variant="light"
            leftSection={<IconDatabaseImport size={18} />}
            loading={loadSample.isPending}
            disabled={hasGroups}
            title={hasGroups ? 'The sample squad loads only into a squad without groups' : undefined}
            onClick={() =>
              loadSample.mutateAsync({}).then(
                (r) => notifications.show({ color: 'teal', message: `Loaded the sample squad: ${r.athletes} athletes in ${r.groups} groups, with a plan and a few weeks of results.` }),
                (e: Error) => notifications.show({ color: 'red', title: 'Sample squad not loaded', message: e.message }),
              )
            }
          >
            Load sample squad
          </Button>
        </EmptyState.Actions>
      </EmptyState>
    </Paper>
  );
}

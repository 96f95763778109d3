/**
 * Acting on a selection of grid cells (a range, or a group's day): the same change for every
 * athlete-day in it, on top of the group plan, undoable as one step.
 */
import { Button, Group, Menu, Paper, Popover, Stack, Text, TextInput } from '@mantine/core';
import { IconBarbell, IconEraser, IconNote, IconRun, IconTrendingDown, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import type { ChangeAction } from '@shared/contract/plan';
import type { PlannedRun, SessionTemplate } from '@shared/plan/model';
import { PHASE_INFO, PHASES } from '@shared/plan/model';
import { RunFields } from './RunFields';

export function BulkBar(props: {
  athletes: number;
  days: number;
  templates: SessionTemplate[];
  busy: boolean;
  onApply(action: ChangeAction, label: string): void;
  onReset(): void;
  onDismiss(): void;
}) {
  const { athletes, days, templates, busy, onApply } = props;
  const [run, setRun] = useState<PlannedRun>({ type: 'cross_training', minutes: 30, rpe: 4 });
  const [runOpen, setRunOpen] = useState(false);
  const [note, setNote] = useState('');
  const [noteOpen, setNoteOpen] = useState(false);
  const cells = athletes * days;
  const what = `${athletes} athlete${athletes === 1 ? '' : 's'} × ${days} day${days === 1 ? '' : 's'}`;

  return (
    <Paper withBorder p={6} bg="teal.0" role="region" aria-label="Selected days">
      <Group gap="xs" wrap="wrap">
        <Text size="sm" fw={600} px={4}>
          {what} selected
        </Text>
        <Menu position="bottom-start" withinPortal>
          <Menu.Target>
            <Button size="compact-sm" variant="default" leftSection={<IconBarbell size={16} />} loading={busy}>
              Strength
            </Button>
          </Menu.Target>
          <Menu.Dropdown mah={420} style={{ overflowY: 'auto' }}>
            <Menu.Item onClick={() => onApply({ kind: 'skipStrength' }, `Skipped strength sessions (${cells} athlete-days)`)}>Skip the session</Menu.Item>
            <Menu.Item onClick={() => onApply({ kind: 'resetStrength' }, `Put planned sessions back (${cells} athlete-days)`)}>Back to the group plan</Menu.Item>
            {PHASES.map((phase) => {
              const list = templates.filter((t) => t.phase === phase);
              if (list.length === 0) return null;
              return (
                <div key={phase}>
                  <Menu.Label>Set session: {PHASE_INFO[phase].label}</Menu.Label>
                  {list.map((t) => (
                    <Menu.Item key={t.id} onClick={() => onApply({ kind: 'setStrength', templateId: t.id }, `Set "${t.name}" (${cells} athlete-days)`)}>
                      {t.name}
                    </Menu.Item>
                  ))}
                </div>
              );
            })}
            {templates.some((t) => t.phase === null) && <Menu.Label>Set session: your own</Menu.Label>}
            {templates
              .filter((t) => t.phase === null)
              .map((t) => (
                <Menu.Item key={t.id} onClick={() => onApply({ kind: 'setStrength', templateId: t.id }, `Set "${t.name}" (${cells} athlete-days)`)}>
                  {t.name}
                </Menu.Item>
              ))}
          </Menu.Dropdown>
        </Menu>
        <Popover opened={runOpen} onChange={setRunOpen} position="bottom-start" withinPortal trapFocus>
          <Popover.Target>
            <Button size="compact-sm" variant="default" leftSection={<IconRun size={16} />} onClick={() => setRunOpen((o) => !o)}>
              Run
            </Button>
          </Popover.Target>
          <Popover.Dropdown>
            <Stack gap="xs">
              <RunFields value={run} onChange={setRun} size="xs" />
              <Group gap="xs">
                <Button
                  size="xs"
                  onClick={() => {
                    setRunOpen(false);
                    onApply({ kind: 'setRun', run }, `Changed runs (${cells} athlete-days)`);
                  }}
                >
                  Set this run
                </Button>
                <Button
                  size="xs"
                  variant="default"
                  onClick={() => {
                    setRunOpen(false);
                    onApply({ kind: 'skipRun' }, `Skipped runs (${cells} athlete-days)`);
                  }}
                >
                  Skip the run
                </Button>
                <Button
                  size="xs"
                  variant="subtle"
                  onClick={() => {
                    setRunOpen(false);
                    onApply({ kind: 'resetRun' }, `Put planned runs back (${cells} athlete-days)`);
                  }}
                >
                  Back to plan
                </Button>
              </Group>
            </Stack>
          </Popover.Dropdown>
        </Popover>
        <Menu position="bottom-start" withinPortal>
          <Menu.Target>
            <Button size="compact-sm" variant="default" leftSection={<IconTrendingDown size={16} />}>
              Deload
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item onClick={() => onApply({ kind: 'deload', deload: true }, `Made deload days (${cells} athlete-days)`)}>Make these deload days</Menu.Item>
            <Menu.Item onClick={() => onApply({ kind: 'deload', deload: false }, `Made normal days (${cells} athlete-days)`)}>Not a deload</Menu.Item>
            <Menu.Item onClick={() => onApply({ kind: 'deload', deload: null }, `Deload as planned (${cells} athlete-days)`)}>As the block plans</Menu.Item>
          </Menu.Dropdown>
        </Menu>
        <Popover opened={noteOpen} onChange={setNoteOpen} position="bottom-start" withinPortal trapFocus>
          <Popover.Target>
            <Button size="compact-sm" variant="default" leftSection={<IconNote size={16} />} onClick={() => setNoteOpen((o) => !o)}>
              Note
            </Button>
          </Popover.Target>
          <Popover.Dropdown>
            <Group gap="xs">
              <TextInput size="xs" w={240} placeholder="e.g. Away: exams" aria-label="Note" value={note} onChange={(e) => setNote(e.currentTarget.value)} maxLength={500} data-autofocus />
              <Button
                size="xs"
                onClick={() => {
                  setNoteOpen(false);
                  onApply({ kind: 'note', note }, note ? `Added a note (${cells} athlete-days)` : `Removed notes (${cells} athlete-days)`);
                }}
              >
                Save
              </Button>
            </Group>
          </Popover.Dropdown>
        </Popover>
        <Button size="compact-sm" variant="default" color="red" leftSection={<IconEraser size={16} />} onClick={props.onReset}>
          Reset to plan (Del)
        </Button>
        <Button size="compact-sm" variant="subtle" leftSection={<IconX size={16} />} onClick={props.onDismiss}>
          Clear selection (Esc)
        </Button>
      </Group>
    </Paper>
  );
}

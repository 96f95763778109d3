/** Session templates by phase: the built-in A/B/C of every phase and the coach's own. */
import { Badge, Button, Card, Group, Menu, Select, SimpleGrid, Stack, Switch, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDots, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { PHASE_INFO, PHASES, type SessionTemplate } from '@shared/plan/model';
import { formatLoad, formatVolume } from '@shared/plan/progression';
import { call } from '@renderer/api/client';
import { useApiMutation, useApiQuery } from '@renderer/api/hooks';
import { useUndo } from '@renderer/app/undo';
import { TemplateDrawer } from './TemplateDrawer';

export function TemplatesTab() {
  const templatesQuery = useApiQuery('templates.list', { includeHidden: true });
  const exercisesQuery = useApiQuery('exercises.list', { includeHidden: true });
  const settingsQuery = useApiQuery('settings.get', {});
  const setHidden = useApiMutation('templates.setHidden');
  const remove = useApiMutation('templates.remove');
  const undo = useUndo();
  const [phase, setPhase] = useState<string>('all');
  const [showHidden, setShowHidden] = useState(false);
  const [editing, setEditing] = useState<{ template: SessionTemplate | null; copy: boolean } | null>(null);
  if (!templatesQuery.data || !exercisesQuery.data || !settingsQuery.data) return null;
  const unit = settingsQuery.data.unit;
  const names = new Map(exercisesQuery.data.map((e) => [e.id, e.name]));
  const hiddenCount = templatesQuery.data.filter((t) => t.hidden).length;
  const shown = templatesQuery.data.filter((t) => (showHidden || !t.hidden) && (phase === 'all' || (phase === 'own' ? !t.builtin : t.phase === phase)));
  const sections = [...PHASES.map((p) => ({ key: p as string, label: PHASE_INFO[p].label, list: shown.filter((t) => t.phase === p) })), { key: 'any', label: 'Any phase', list: shown.filter((t) => t.phase === null) }].filter((s) => s.list.length > 0);

  async function hide(t: SessionTemplate, hidden: boolean) {
    try {
      await setHidden.mutateAsync({ ids: [t.id], hidden });
      undo.record(`${hidden ? 'Hid' : 'Showed'} template "${t.name}"`, () => call('templates.setHidden', { ids: [t.id], hidden: !hidden }));
    } catch (error) {
      notifications.show({ color: 'red', message: (error as Error).message });
    }
  }

  async function del(t: SessionTemplate) {
    try {
      const removed = await remove.mutateAsync({ id: t.id });
      const { id: _id, code: _c, builtin: _b, hidden: _h, ...fields } = removed;
      undo.record(`Deleted template "${t.name}"`, () => call('templates.create', fields));
    } catch (error) {
      notifications.show({ color: 'red', title: 'Not deleted', message: (error as Error).message, autoClose: 10_000 });
    }
  }

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Group gap="sm">
          <Select
            aria-label="Templates of phase"
            w={220}
            allowDeselect={false}
            value={phase}
            onChange={(p) => setPhase(p ?? 'all')}
            data={[{ value: 'all', label: 'All phases' }, ...PHASES.map((p) => ({ value: p, label: PHASE_INFO[p].label })), { value: 'own', label: 'Your own templates' }]}
          />
          <Switch label={`Show hidden (${hiddenCount})`} checked={showHidden} onChange={(e) => setShowHidden(e.currentTarget.checked)} disabled={hiddenCount === 0} />
        </Group>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing({ template: null, copy: false })}>
          New template
        </Button>
      </Group>
      {sections.map((s) => (
        <Stack key={s.key} gap={6}>
          <Text fw={600}>{s.label}</Text>
          <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }} spacing="sm">
            {s.list.map((t) => (
              <Card key={t.id} withBorder padding="sm" style={{ cursor: 'pointer', opacity: t.hidden ? 0.6 : 1 }} onClick={() => setEditing({ template: t, copy: false })} aria-label={t.name}>
                <Group justify="space-between" wrap="nowrap" align="flex-start">
                  <div>
                    <Text fw={600} size="sm">
                      {t.name}
                    </Text>
                    <Group gap={4} mt={2}>
                      <Badge size="xs" variant="filled" color={t.sessionType === 'A' ? 'grape' : t.sessionType === 'B' ? 'blue' : t.sessionType === 'C' ? 'green' : 'gray'}>
                        {t.sessionType === 'custom' ? 'Custom' : t.sessionType}
                      </Badge>
                      <Badge size="xs" variant="light" color="gray">
                        {t.plannedMinutes} min · RPE {t.targetRpe}
                      </Badge>
                      {t.builtin ? (
                        <Badge size="xs" variant="outline" color="gray">
                          built in
                        </Badge>
                      ) : (
                        <Badge size="xs" variant="outline" color="teal">
                          your own
                        </Badge>
                      )}
                      {t.hidden && (
                        <Badge size="xs" color="gray">
                          hidden
                        </Badge>
                      )}
                    </Group>
                  </div>
                  <Menu withinPortal position="bottom-end">
                    <Menu.Target>
                      <Button size="compact-xs" variant="subtle" color="gray" aria-label={`More for ${t.name}`} onClick={(e) => e.stopPropagation()}>
                        <IconDots size={16} />
                      </Button>
                    </Menu.Target>
                    <Menu.Dropdown onClick={(e) => e.stopPropagation()}>
                      <Menu.Item onClick={() => setEditing({ template: t, copy: true })}>Duplicate</Menu.Item>
                      <Menu.Item onClick={() => void hide(t, !t.hidden)}>{t.hidden ? 'Show in pickers again' : 'Hide from pickers'}</Menu.Item>
                      {!t.builtin && (
                        <Menu.Item color="red" onClick={() => void del(t)}>
                          Delete
                        </Menu.Item>
                      )}
                    </Menu.Dropdown>
                  </Menu>
                </Group>
                <Stack gap={0} mt={6}>
                  {t.prescriptions.map((p, i) => (
                    <Text size="xs" key={i} c="dimmed" truncate>
                      {names.get(p.exerciseId) ?? '?'} {formatVolume(p)} {formatLoad({ loadRule: p.loadRule, percentOfMax: p.loadValue, fixedKg: p.loadValue, rir: p.loadValue }, unit)}
                    </Text>
                  ))}
                </Stack>
              </Card>
            ))}
          </SimpleGrid>
        </Stack>
      ))}
      <TemplateDrawer opened={editing !== null} template={editing?.template ?? null} copy={editing?.copy ?? false} exercises={exercisesQuery.data} unit={unit} onClose={() => setEditing(null)} />
    </Stack>
  );
}

/** The exercise library: built-in ones (hidden, never deleted) and the coach's own. */
import { ActionIcon, Badge, Button, Drawer, Group, Menu, MultiSelect, Select, SimpleGrid, Stack, Switch, Table, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { getHotkeyHandler } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconDots, IconPlus, IconSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { exerciseFieldsSchema, type ExerciseFieldsInput } from '@shared/contract/plan';
import { fieldErrorsFromIssues } from '@shared/errors';
import {
  EQUIPMENT,
  EQUIPMENT_LABELS,
  EXERCISE_CATEGORIES,
  EXERCISE_CATEGORY_LABELS,
  LOAD_KIND_LABELS,
  LOAD_KINDS,
  MOVEMENT_PATTERN_LABELS,
  MOVEMENT_PATTERNS,
  type Exercise,
} from '@shared/plan/model';
import { ApiError, call } from '@renderer/api/client';
import { useApiMutation, useApiQuery } from '@renderer/api/hooks';
import { useUndo } from '@renderer/app/undo';

interface ExerciseFormValues {
  name: string;
  category: string;
  pattern: string;
  unilateral: boolean;
  loadKind: string;
  equipment: string;
  defaultTempo: string;
  cue1: string;
  cue2: string;
  cue3: string;
  regressionId: string | null;
  progressionId: string | null;
  notes: string;
}

const fold = (s: string) => s.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLocaleLowerCase('en');

function toForm(e: Exercise | null): ExerciseFormValues {
  return {
    name: e?.name ?? '',
    category: e?.category ?? 'posterior_chain',
    pattern: e?.pattern ?? 'hinge',
    unilateral: e?.unilateral ?? false,
    loadKind: e?.loadKind ?? 'external',
    equipment: e?.equipment ?? 'dumbbell',
    defaultTempo: e?.defaultTempo ?? '',
    cue1: e?.cues[0] ?? '',
    cue2: e?.cues[1] ?? '',
    cue3: e?.cues[2] ?? '',
    regressionId: e?.regressionId != null ? String(e.regressionId) : null,
    progressionId: e?.progressionId != null ? String(e.progressionId) : null,
    notes: e?.notes ?? '',
  };
}

function toFields(v: ExerciseFormValues): ExerciseFieldsInput {
  return {
    name: v.name,
    category: v.category as ExerciseFieldsInput['category'],
    pattern: v.pattern as ExerciseFieldsInput['pattern'],
    unilateral: v.unilateral,
    loadKind: v.loadKind as ExerciseFieldsInput['loadKind'],
    equipment: v.equipment as ExerciseFieldsInput['equipment'],
    defaultTempo: v.defaultTempo,
    cues: [v.cue1, v.cue2, v.cue3].map((c) => c.trim()).filter((c) => c !== ''),
    regressionId: v.regressionId === null ? null : Number(v.regressionId),
    progressionId: v.progressionId === null ? null : Number(v.progressionId),
    notes: v.notes,
  };
}

function errorsOf(fields: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, message] of Object.entries(fields)) {
    const key = path.replace(/^fields\./, '').replace(/^cues.*/, 'cue1');
    if (!(key in out)) out[key] = message;
  }
  return out;
}

export function ExercisesTab() {
  const exercisesQuery = useApiQuery('exercises.list', { includeHidden: true });
  const setHidden = useApiMutation('exercises.setHidden');
  const remove = useApiMutation('exercises.remove');
  const undo = useUndo();
  const [search, setSearch] = useState('');
  const [categories, setCategories] = useState<string[]>([]);
  const [showHidden, setShowHidden] = useState(false);
  const [editing, setEditing] = useState<{ exercise: Exercise | null } | null>(null);
  if (!exercisesQuery.data) return null;
  const all = exercisesQuery.data;
  const byId = new Map(all.map((e) => [e.id, e]));
  const hiddenCount = all.filter((e) => e.hidden).length;
  const shown = all.filter((e) => (showHidden || !e.hidden) && (categories.length === 0 || categories.includes(e.category)) && (search.trim() === '' || fold(e.name).includes(fold(search.trim()))));

  async function hide(e: Exercise, hidden: boolean) {
    try {
      await setHidden.mutateAsync({ ids: [e.id], hidden });
      undo.record(`${hidden ? 'Hid' : 'Showed'} "${e.name}"`, () => call('exercises.setHidden', { ids: [e.id], hidden: !hidden }));
    } catch (error) {
      notifications.show({ color: 'red', message: (error as Error).message });
    }
  }

  async function del(e: Exercise) {
    try {
      const removed = await remove.mutateAsync({ id: e.id });
      undo.record(`Deleted "${removed.name}"`, () =>
        call('exercises.create', { ...toFields(toForm(removed)) }),
      );
    } catch (error) {
      notifications.show({ color: 'red', title: 'Not deleted', message: (error as Error).message, autoClose: 10_000 });
    }
  }

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Group gap="sm">
          <TextInput aria-label="Search exercises" placeholder="Search exercises" leftSection={<IconSearch size={14} />} w={220} value={search} onChange={(e) => setSearch(e.currentTarget.value)} />
          <MultiSelect aria-label="Categories" placeholder="All categories" w={320} clearable data={EXERCISE_CATEGORIES.map((c) => ({ value: c, label: EXERCISE_CATEGORY_LABELS[c] }))} value={categories} onChange={setCategories} />
          <Switch label={`Show hidden (${hiddenCount})`} checked={showHidden} onChange={(e) => setShowHidden(e.currentTarget.checked)} disabled={hiddenCount === 0} />
        </Group>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing({ exercise: null })}>
          New exercise
        </Button>
      </Group>
      <Text size="sm" c="dimmed">
        {shown.length} of {all.length} exercises. Regression ← exercise → progression: the easier and harder versions, used for injured athletes&apos; suggestions.
      </Text>
      <Table highlightOnHover verticalSpacing={5} aria-label="Exercises">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Exercise</Table.Th>
            <Table.Th>Category</Table.Th>
            <Table.Th>Pattern</Table.Th>
            <Table.Th>Loaded by</Table.Th>
            <Table.Th>Tempo</Table.Th>
            <Table.Th>Regression ← → progression</Table.Th>
            <Table.Th w={40} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {shown.map((e) => (
            <Table.Tr key={e.id} style={{ cursor: 'pointer', opacity: e.hidden ? 0.55 : 1 }} onClick={() => setEditing({ exercise: e })}>
              <Table.Td>
                <Group gap={6} wrap="nowrap">
                  <Text size="sm" fw={500}>
                    {e.name}
                  </Text>
                  {e.unilateral && (
                    <Badge size="xs" variant="light" color="gray">
                      one side
                    </Badge>
                  )}
                  {!e.builtin && (
                    <Badge size="xs" variant="outline" color="teal">
                      your own
                    </Badge>
                  )}
                  {e.hidden && (
                    <Badge size="xs" color="gray">
                      hidden
                    </Badge>
                  )}
                </Group>
                <Text size="xs" c="dimmed" lineClamp={1}>
                  {e.cues.join(' · ')}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{EXERCISE_CATEGORY_LABELS[e.category]}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{MOVEMENT_PATTERN_LABELS[e.pattern]}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">
                  {LOAD_KIND_LABELS[e.loadKind]}
                  {e.loadKind === 'external' ? ` (${EQUIPMENT_LABELS[e.equipment].toLowerCase()})` : ''}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{e.defaultTempo || '—'}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="xs">
                  {e.regressionId ? byId.get(e.regressionId)?.name : '—'} ← → {e.progressionId ? byId.get(e.progressionId)?.name : '—'}
                </Text>
              </Table.Td>
              <Table.Td onClick={(ev) => ev.stopPropagation()}>
                <Menu withinPortal position="bottom-end">
                  <Menu.Target>
                    <ActionIcon variant="subtle" color="gray" aria-label={`More for ${e.name}`}>
                      <IconDots size={16} />
                    </ActionIcon>
                  </Menu.Target>
                  <Menu.Dropdown>
                    <Menu.Item onClick={() => void hide(e, !e.hidden)}>{e.hidden ? 'Show in pickers again' : 'Hide from pickers'}</Menu.Item>
                    {!e.builtin && (
                      <Menu.Item color="red" onClick={() => void del(e)}>
                        Delete
                      </Menu.Item>
                    )}
                  </Menu.Dropdown>
                </Menu>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <ExerciseDrawer opened={editing !== null} exercise={editing?.exercise ?? null} exercises={all} onClose={() => setEditing(null)} />
    </Stack>
  );
}

function ExerciseDrawer({ opened, exercise, exercises, onClose }: { opened: boolean; exercise: Exercise | null; exercises: Exercise[]; onClose(): void }) {
  const create = useApiMutation('exercises.create');
  const update = useApiMutation('exercises.update');
  const undo = useUndo();
  const form = useForm<ExerciseFormValues>({
    initialValues: toForm(null),
    validate: (v) => {
      const parsed = exerciseFieldsSchema.safeParse(toFields(v));
      return parsed.success ? {} : errorsOf(fieldErrorsFromIssues(parsed.error.issues));
    },
  });
  useEffect(() => {
    if (!opened) return;
    const values = toForm(exercise);
    form.setValues(values);
    form.resetDirty(values);
    form.clearErrors();
    // Reload only when what is edited changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened, exercise]);

  async function save(v: ExerciseFormValues) {
    try {
      if (exercise) {
        const saved = await update.mutateAsync({ id: exercise.id, fields: toFields(v) });
        const previous = toFields(toForm(exercise));
        undo.record(`Edited "${saved.name}"`, () => call('exercises.update', { id: exercise.id, fields: previous }));
      } else {
        const saved = await create.mutateAsync(toFields(v));
        undo.record(`Added "${saved.name}"`, () => call('exercises.remove', { id: saved.id }));
      }
      onClose();
    } catch (error) {
      if (error instanceof ApiError && Object.keys(error.fields).length > 0) form.setErrors(errorsOf(error.fields));
      else notifications.show({ color: 'red', title: 'Not saved', message: (error as Error).message });
    }
  }

  const others = exercises.filter((e) => e.id !== exercise?.id).map((e) => ({ value: String(e.id), label: e.name }));
  const submit = form.onSubmit((v) => void save(v));
  return (
    <Drawer opened={opened} onClose={onClose} position="right" size="md" title={<Text fw={600}>{exercise ? `Edit ${exercise.name}` : 'New exercise'}</Text>}>
      <form onSubmit={submit} onKeyDown={getHotkeyHandler([['mod+Enter', () => submit()]])} noValidate aria-label="Exercise">
        <Stack gap="sm">
          {exercise?.builtin && (
            <Text size="sm" c="dimmed">
              Built in: your edits are kept; it can be hidden but not deleted.
            </Text>
          )}
          <TextInput label="Name" withAsterisk data-autofocus {...form.getInputProps('name')} />
          <SimpleGrid cols={2}>
            <Select label="Category" allowDeselect={false} data={EXERCISE_CATEGORIES.map((c) => ({ value: c, label: EXERCISE_CATEGORY_LABELS[c] }))} {...form.getInputProps('category')} />
            <Select label="Movement pattern" allowDeselect={false} data={MOVEMENT_PATTERNS.map((p) => ({ value: p, label: MOVEMENT_PATTERN_LABELS[p] }))} {...form.getInputProps('pattern')} />
            <Select label="Loaded by" allowDeselect={false} data={LOAD_KINDS.map((k) => ({ value: k, label: LOAD_KIND_LABELS[k] }))} {...form.getInputProps('loadKind')} />
            <Select label="Equipment" allowDeselect={false} data={EQUIPMENT.map((k) => ({ value: k, label: EQUIPMENT_LABELS[k] }))} {...form.getInputProps('equipment')} />
            <TextInput label="Default tempo" placeholder="3-1-1" description="Lower-pause-lift seconds, X = fast" {...form.getInputProps('defaultTempo')} />
            <Switch mt={28} label="One side at a time" {...form.getInputProps('unilateral', { type: 'checkbox' })} />
          </SimpleGrid>
          <TextInput label="Coaching cues" placeholder="e.g. Push the hips back, soft knees" {...form.getInputProps('cue1')} />
          <TextInput placeholder="Second cue" aria-label="Second cue" {...form.getInputProps('cue2')} />
          <TextInput placeholder="Third cue (optional)" aria-label="Third cue" {...form.getInputProps('cue3')} />
          <SimpleGrid cols={2}>
            <Select label="Regression (easier)" clearable searchable data={others} {...form.getInputProps('regressionId')} />
            <Select label="Progression (harder)" clearable searchable data={others} {...form.getInputProps('progressionId')} />
          </SimpleGrid>
          <Textarea label="Notes" autosize minRows={1} maxRows={4} {...form.getInputProps('notes')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending || update.isPending}>
              {exercise ? 'Save' : 'Add exercise'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Drawer>
  );
}

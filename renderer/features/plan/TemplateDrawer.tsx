/** Editing a session template: its exercises in order with sets, reps/seconds/metres/contacts, load rule, tempo and rest. */
import { ActionIcon, Button, Checkbox, Drawer, Group, NumberInput, Select, SimpleGrid, Stack, Table, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { getHotkeyHandler } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconArrowDown, IconArrowUp, IconPlus, IconX } from '@tabler/icons-react';
import { useEffect } from 'react';
import { DOSE_UNIT_LABELS, DOSE_UNITS, EXERCISE_CATEGORIES, EXERCISE_CATEGORY_LABELS, LOAD_RULE_LABELS, LOAD_RULES, PHASE_INFO, PHASES, SESSION_TYPE_LABELS, SESSION_TYPES, type Exercise, type SessionTemplate } from '@shared/plan/model';
import type { MassUnit } from '@shared/units';
import { ApiError, call } from '@renderer/api/client';
import { useApiMutation } from '@renderer/api/hooks';
import { useUndo } from '@renderer/app/undo';
import { emptyPrescription, emptyTemplateForm, formToTemplate, prescriptionFor, templateFormErrors, templateToForm, validateTemplateForm, type TemplateFormValues } from './templateForm';

export function TemplateDrawer(props: {
  opened: boolean;
  /** The template to edit; with `copy`, a new template starting from it. */
  template: SessionTemplate | null;
  copy: boolean;
  exercises: Exercise[];
  unit: MassUnit;
  onClose(): void;
}) {
  const { opened, template, copy, exercises, unit, onClose } = props;
  const undo = useUndo();
  const create = useApiMutation('templates.create');
  const update = useApiMutation('templates.update');
  const form = useForm<TemplateFormValues>({ initialValues: emptyTemplateForm(), validate: (v) => validateTemplateForm(v, unit) });

  useEffect(() => {
    if (!opened) return;
    const values = template ? { ...templateToForm(template, unit), ...(copy ? { name: `${template.name} (copy)` } : {}) } : emptyTemplateForm();
    form.setValues(values);
    form.resetDirty(values);
    form.clearErrors();
    // Reload only when what is edited changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened, template, copy, unit]);

  const editing = template !== null && !copy;
  async function save(values: TemplateFormValues) {
    const fields = formToTemplate(values, unit);
    try {
      if (editing && template) {
        const saved = await update.mutateAsync({ id: template.id, fields });
        const { id: _id, code: _c, builtin: _b, hidden: _h, ...previous } = template;
        undo.record(`Edited template "${saved.name}"`, () => call('templates.update', { id: template.id, fields: previous }));
      } else {
        const saved = await create.mutateAsync(fields);
        undo.record(`Added template "${saved.name}"`, () => call('templates.remove', { id: saved.id }));
      }
      onClose();
    } catch (error) {
      if (error instanceof ApiError && Object.keys(error.fields).length > 0) form.setErrors(templateFormErrors(error.fields));
      notifications.show({ color: 'red', title: 'Template not saved', message: (error as Error).message, autoClose: 10_000 });
    }
  }

  const exerciseOptions = EXERCISE_CATEGORIES.map((c) => ({
    group: EXERCISE_CATEGORY_LABELS[c],
    items: exercises.filter((e) => e.category === c && (!e.hidden || form.values.prescriptions.some((p) => p.exerciseId === String(e.id)))).map((e) => ({ value: String(e.id), label: e.name })),
  })).filter((g) => g.items.length > 0);
  const submit = form.onSubmit((v) => void save(v));
  const rows = form.values.prescriptions;

  return (
    <Drawer opened={opened} onClose={onClose} position="right" size="min(1180px, 95vw)" title={<Text fw={600}>{editing ? `Edit ${template?.name}` : 'New session template'}</Text>}>
      <form onSubmit={submit} onKeyDown={getHotkeyHandler([['mod+Enter', () => submit()]])} noValidate aria-label="Session template">
        <Stack gap="sm">
          {editing && template?.builtin && (
            <Text size="sm" c="dimmed">
              A built-in template: your edits apply to every block that uses it. Duplicate it instead to keep the original.
            </Text>
          )}
          <SimpleGrid cols={5}>
            <TextInput label="Name" withAsterisk style={{ gridColumn: 'span 2' }} data-autofocus {...form.getInputProps('name')} />
            <Select label="Session type" allowDeselect={false} data={SESSION_TYPES.map((t) => ({ value: t, label: SESSION_TYPE_LABELS[t] }))} {...form.getInputProps('sessionType')} />
            <Select label="Phase" allowDeselect={false} data={[{ value: 'any', label: 'Any phase' }, ...PHASES.map((p) => ({ value: p, label: PHASE_INFO[p].label }))]} {...form.getInputProps('phase')} />
            <Group grow gap="xs" align="flex-start">
              <NumberInput label="Minutes" min={5} max={240} allowDecimal={false} {...form.getInputProps('plannedMinutes')} />
              <NumberInput label="Target RPE" min={1} max={10} step={0.5} decimalScale={1} {...form.getInputProps('targetRpe')} />
            </Group>
          </SimpleGrid>
          <Table verticalSpacing={4} horizontalSpacing={4} aria-label="Exercises">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={24}>#</Table.Th>
                <Table.Th>Exercise</Table.Th>
                <Table.Th w={64}>Sets</Table.Th>
                <Table.Th w={74}>Dose</Table.Th>
                <Table.Th w={100}>Unit</Table.Th>
                <Table.Th w={54}>Each side</Table.Th>
                <Table.Th w={170}>Load</Table.Th>
                <Table.Th w={92}>Value</Table.Th>
                <Table.Th w={76}>Tempo</Table.Th>
                <Table.Th w={76}>Rest (s)</Table.Th>
                <Table.Th w={84} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((p, i) => (
                <Table.Tr key={p.key}>
                  <Table.Td>{i + 1}</Table.Td>
                  <Table.Td>
                    <Select
                      size="xs"
                      aria-label={`Exercise ${i + 1}`}
                      searchable
                      data={exerciseOptions}
                      value={p.exerciseId}
                      error={form.errors[`prescriptions.${i}.exerciseId`]}
                      onChange={(value) => {
                        const exercise = exercises.find((e) => String(e.id) === value);
                        form.setFieldValue(`prescriptions.${i}`, exercise ? prescriptionFor(exercise, p) : { ...p, exerciseId: value });
                      }}
                      comboboxProps={{ withinPortal: true }}
                    />
                    <TextInput size="xs" mt={2} placeholder="Note (e.g. eccentric 4 s)" aria-label={`Exercise ${i + 1} note`} {...form.getInputProps(`prescriptions.${i}.notes`)} />
                  </Table.Td>
                  <Table.Td>
                    <NumberInput size="xs" aria-label={`Exercise ${i + 1} sets`} min={1} max={10} allowDecimal={false} {...form.getInputProps(`prescriptions.${i}.sets`)} />
                  </Table.Td>
                  <Table.Td>
                    <NumberInput size="xs" aria-label={`Exercise ${i + 1} dose`} min={1} max={1000} allowDecimal={false} {...form.getInputProps(`prescriptions.${i}.dose`)} />
                  </Table.Td>
                  <Table.Td>
                    <Select size="xs" aria-label={`Exercise ${i + 1} unit`} allowDeselect={false} data={DOSE_UNITS.map((u) => ({ value: u, label: DOSE_UNIT_LABELS[u] }))} {...form.getInputProps(`prescriptions.${i}.doseUnit`)} comboboxProps={{ withinPortal: true }} />
                  </Table.Td>
                  <Table.Td>
                    <Checkbox aria-label={`Exercise ${i + 1} each side`} {...form.getInputProps(`prescriptions.${i}.perSide`, { type: 'checkbox' })} />
                  </Table.Td>
                  <Table.Td>
                    <Select
                      size="xs"
                      aria-label={`Exercise ${i + 1} load rule`}
                      allowDeselect={false}
                      data={LOAD_RULES.map((r) => ({ value: r, label: LOAD_RULE_LABELS[r] }))}
                      value={p.loadRule}
                      error={form.errors[`prescriptions.${i}.loadRule`]}
                      onChange={(r) => form.setFieldValue(`prescriptions.${i}`, { ...p, loadRule: (r ?? 'bodyweight') as typeof p.loadRule, loadValue: r === 'percent_max' ? 70 : r === 'rir' ? 2 : r === 'fixed_kg' ? (unit === 'kg' ? 10 : 20) : '' })}
                      comboboxProps={{ withinPortal: true }}
                    />
                  </Table.Td>
                  <Table.Td>
                    {p.loadRule !== 'bodyweight' && (
                      <NumberInput
                        size="xs"
                        aria-label={`Exercise ${i + 1} load value`}
                        suffix={p.loadRule === 'percent_max' ? ' %' : p.loadRule === 'fixed_kg' ? ` ${unit}` : ''}
                        prefix={p.loadRule === 'rir' ? 'RIR ' : ''}
                        decimalScale={1}
                        {...form.getInputProps(`prescriptions.${i}.loadValue`)}
                      />
                    )}
                  </Table.Td>
                  <Table.Td>
                    <TextInput size="xs" aria-label={`Exercise ${i + 1} tempo`} placeholder="3-1-1" {...form.getInputProps(`prescriptions.${i}.tempo`)} />
                  </Table.Td>
                  <Table.Td>
                    <NumberInput size="xs" aria-label={`Exercise ${i + 1} rest`} min={0} max={900} step={15} allowDecimal={false} {...form.getInputProps(`prescriptions.${i}.restSeconds`)} />
                  </Table.Td>
                  <Table.Td>
                    <Group gap={2} wrap="nowrap">
                      <ActionIcon size="sm" variant="subtle" aria-label={`Move exercise ${i + 1} up`} disabled={i === 0} onClick={() => form.reorderListItem('prescriptions', { from: i, to: i - 1 })}>
                        <IconArrowUp size={14} />
                      </ActionIcon>
                      <ActionIcon size="sm" variant="subtle" aria-label={`Move exercise ${i + 1} down`} disabled={i === rows.length - 1} onClick={() => form.reorderListItem('prescriptions', { from: i, to: i + 1 })}>
                        <IconArrowDown size={14} />
                      </ActionIcon>
                      <ActionIcon size="sm" variant="subtle" color="red" aria-label={`Remove exercise ${i + 1}`} disabled={rows.length === 1} onClick={() => form.removeListItem('prescriptions', i)}>
                        <IconX size={14} />
                      </ActionIcon>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {typeof form.errors.prescriptions === 'string' && (
            <Text size="sm" c="red">
              {form.errors.prescriptions}
            </Text>
          )}
          <Group>
            <Button variant="default" size="xs" leftSection={<IconPlus size={14} />} onClick={() => form.insertListItem('prescriptions', emptyPrescription())} disabled={rows.length >= 20}>
              Add exercise
            </Button>
            <Text size="xs" c="dimmed">
              % of working max progresses with the block (+2-5% a week); RIR leaves the load to the athlete; deload weeks cut sets and load automatically.
            </Text>
          </Group>
          <Textarea label="Notes" autosize minRows={1} maxRows={4} {...form.getInputProps('notes')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending || update.isPending}>
              {editing ? 'Save template' : 'Add template'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Drawer>
  );
}

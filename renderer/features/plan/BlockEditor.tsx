/**
 * Planning a block: phase, dates, deload and progression, who it is for, and the weekly rhythm
 * (a strength session and a run for each day). The planning rules are checked as the coach
 * types and shown on the day they concern; they warn, they never stop a save.
 */
import { Alert, Anchor, Badge, Button, Group, MultiSelect, NumberInput, Paper, Select, SimpleGrid, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { getHotkeyHandler } from '@mantine/hooks';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconArrowLeft, IconCheck, IconRefresh, IconTrash } from '@tabler/icons-react';
import { useEffect, useMemo, useRef } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { formatDateLong, weekday } from '@shared/dates';
import { athleteFullName, raceGoalMeters, type Athlete, type Group as SquadGroup } from '@shared/domain/roster';
import { WEEKDAY_NAMES } from '@shared/domain/settings';
import { blockEndDate, blockShapeWarnings, overlappingBlocks } from '@shared/plan/blocks';
import { DEFAULT_RUN_MINUTES, DEFAULT_RUN_RPE, groupEventFocus } from '@shared/plan/defaults';
import { dayLabel } from '@shared/plan/days';
import { PHASE_INFO, PHASES, RUN_TYPE_LABELS, RUN_TYPES, type Block, type RunType, type SessionTemplate } from '@shared/plan/model';
import { draftRuleBreaks } from '@shared/plan/preview';
import { LONG_RACE_GOAL_METERS, PLANNING_RULES } from '@shared/plan/rules';
import { ApiError, call } from '@renderer/api/client';
import { useApiMutation, useApiQuery } from '@renderer/api/hooks';
import { useUndo } from '@renderer/app/undo';
import { blockFormErrors, blockToForm, builtinTemplateFor, defaultRhythmRows, formToFields, newBlockForm, rowsToRhythm, validateBlockForm, type BlockFormValues } from './blockForm';

export function BlockEditorRoute() {
  const { blockId } = useParams();
  const [search] = useSearchParams();
  const blocks = useApiQuery('blocks.list', {});
  const templates = useApiQuery('templates.list', { includeHidden: true });
  const groups = useApiQuery('groups.list', {});
  const athletes = useApiQuery('athletes.list', { status: 'all' });
  const settings = useApiQuery('settings.get', {});
  if (blocks.isError || templates.isError || groups.isError || athletes.isError || settings.isError) {
    return <Alert color="red">{(blocks.error ?? templates.error ?? groups.error ?? athletes.error ?? settings.error)?.message}</Alert>;
  }
  if (!blocks.data || !templates.data || !groups.data || !athletes.data || !settings.data) return null;
  const existing = blockId && blockId !== 'new' ? (blocks.data.find((b) => b.id === Number(blockId)) ?? null) : null;
  if (blockId && blockId !== 'new' && !existing) return <Alert color="red">That block does not exist (any more).</Alert>;
  const groupParam = search.get('group');
  return (
    <BlockEditor
      key={existing?.id ?? `new-${groupParam ?? ''}`}
      block={existing}
      groupId={groupParam ? Number(groupParam) : null}
      blocks={blocks.data}
      templates={templates.data}
      groups={groups.data}
      athletes={athletes.data}
      firstDayOfWeek={settings.data.firstDayOfWeek}
    />
  );
}

function BlockEditor(props: { block: Block | null; groupId: number | null; blocks: Block[]; templates: SessionTemplate[]; groups: SquadGroup[]; athletes: Athlete[]; firstDayOfWeek: number }) {
  const { block, blocks, templates, groups, athletes, firstDayOfWeek } = props;
  const navigate = useNavigate();
  const undo = useUndo();
  const create = useApiMutation('blocks.create');
  const update = useApiMutation('blocks.update');
  const remove = useApiMutation('blocks.remove');

  const active = athletes.filter((a) => a.archivedAt === null);
  const focusOf = (groupId: number | null) => groupEventFocus(active.filter((a) => a.groupId === groupId).map((a) => a.eventFocus));
  const initial = useMemo(
    () => (block ? blockToForm(block) : newBlockForm({ groupId: props.groupId ?? groups[0]?.id ?? null, focus: focusOf(props.groupId ?? groups[0]?.id ?? null), blocks, templates, firstDayOfWeek })),
    // The form starts from these once; later list refreshes must not reset what the coach typed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  );
  const form = useForm<BlockFormValues>({ initialValues: initial, validate: validateBlockForm });
  const v = form.values;

  // A new phase brings its usual length, deload and built-in sessions (unless the coach chose their own).
  const lastPhase = useRef(v.phase);
  useEffect(() => {
    if (lastPhase.current === v.phase) return;
    const from = lastPhase.current;
    lastPhase.current = v.phase;
    const info = PHASE_INFO[v.phase];
    form.setFieldValue('weeks', info.defaultWeeks);
    form.setFieldValue('deloadWeek', info.defaultDeload ? String(info.defaultWeeks) : 'none');
    form.setFieldValue(
      'rhythm',
      v.rhythm.map((r) => {
        const t = templates.find((x) => String(x.id) === r.templateId);
        if (!t || t.code === null || t.phase !== from || t.sessionType === 'custom') return r;
        return { ...r, templateId: builtinTemplateFor(templates, v.phase, t.sessionType) ?? r.templateId };
      }),
    );
    // Only the phase drives this.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [v.phase]);

  const draftTargets = { groupIds: v.groupIds.map(Number), athleteIds: v.athleteIds.map(Number) };
  const draftDeload = v.deloadWeek === 'none' ? null : Number(v.deloadWeek);
  const templateTypes = useMemo(() => new Map(templates.map((t) => [t.id, t.sessionType])), [templates]);
  const targetAthletes = active.filter((a) => v.athleteIds.includes(String(a.id)) || (a.groupId !== null && v.groupIds.includes(String(a.groupId))));
  const longGoal = targetAthletes.filter((a) => a.raceGoal !== null && raceGoalMeters(a.raceGoal) >= LONG_RACE_GOAL_METERS);
  const validDraft = v.startDate !== null && v.weeks >= 1 && v.weeks <= 8;
  const ruleBreaks = validDraft
    ? draftRuleBreaks({ id: block?.id ?? null, phase: v.phase, startDate: v.startDate as string, weeks: v.weeks, deloadWeek: draftDeload, rhythm: rowsToRhythm(v.rhythm), ...draftTargets }, blocks, templateTypes, {
        firstDayOfWeek,
        longRaceGoal: longGoal.length > 0,
      })
    : [];
  const shape = blockShapeWarnings({ phase: v.phase, weeks: v.weeks, deloadWeek: draftDeload });
  const clash = validDraft ? overlappingBlocks({ startDate: v.startDate as string, endDate: blockEndDate(v.startDate as string, v.weeks), ...draftTargets }, blocks, block?.id ?? null)[0] : undefined;
  const startWrongDay = v.startDate !== null && weekday(v.startDate) !== firstDayOfWeek;

  async function save(values: BlockFormValues) {
    const payload = formToFields(values);
    try {
      if (block) {
        const saved = await update.mutateAsync({ id: block.id, fields: payload });
        const { id: _id, endDate: _end, ...previous } = block;
        undo.record(`Edited block "${saved.name}"`, () => call('blocks.update', { id: block.id, fields: previous }));
      } else {
        const saved = await create.mutateAsync(payload);
        undo.record(`Planned block "${saved.name}"`, () => call('blocks.remove', { id: saved.id }));
      }
      form.resetDirty();
      void navigate('/plan');
    } catch (error) {
      if (error instanceof ApiError && Object.keys(error.fields).length > 0) form.setErrors(blockFormErrors(error.fields));
      notifications.show({ color: 'red', title: 'Block not saved', message: (error as Error).message, autoClose: 12_000 });
    }
  }

  function confirmDelete() {
    if (!block) return;
    modals.openConfirmModal({
      title: `Delete "${block.name}"?`,
      children: <Text size="sm">Its days leave the calendar for everyone it is planned for. Athletes&apos; own changes on those days are kept. You can undo this.</Text>,
      labels: { confirm: 'Delete block', cancel: 'Keep it' },
      confirmProps: { color: 'red' },
      onConfirm: async () => {
        try {
          const removed = await remove.mutateAsync({ id: block.id });
          const { id: _id, endDate: _end, ...fieldsBack } = removed;
          undo.record(`Deleted block "${removed.name}"`, () => call('blocks.create', fieldsBack));
          void navigate('/plan');
        } catch (error) {
          notifications.show({ color: 'red', title: 'Not deleted', message: (error as Error).message });
        }
      },
    });
  }

  const submit = form.onSubmit((values) => void save(values));
  const info = PHASE_INFO[v.phase];
  const templateOptions = [
    { group: `${info.label} sessions`, items: templates.filter((t) => t.phase === v.phase && (!t.hidden || v.rhythm.some((r) => r.templateId === String(t.id)))).map((t) => ({ value: String(t.id), label: t.name })) },
    { group: 'Other sessions', items: templates.filter((t) => t.phase !== v.phase && (!t.hidden || v.rhythm.some((r) => r.templateId === String(t.id)))).map((t) => ({ value: String(t.id), label: t.name })) },
  ];
  const order = Array.from({ length: 7 }, (_, i) => (firstDayOfWeek + i) % 7);
  const breaksByWeekday = new Map<number, string[]>();
  for (const b of ruleBreaks) {
    const wd = (((b.day + 4) % 7) + 7) % 7;
    breaksByWeekday.set(wd, [...(breaksByWeekday.get(wd) ?? []), `${PLANNING_RULES[b.rule].title}`]);
  }
  const firstGroupId = v.groupIds[0] ? Number(v.groupIds[0]) : null;

  return (
    <form onSubmit={submit} onKeyDown={getHotkeyHandler([['mod+Enter', () => submit()]])} noValidate aria-label="Block">
      <Stack gap="md">
        <Group justify="space-between">
          <Group gap="sm">
            <Button variant="subtle" leftSection={<IconArrowLeft size={16} />} onClick={() => void navigate('/plan')}>
              Blocks
            </Button>
            <Title order={2}>{block ? `Edit block: ${block.name}` : 'New block'}</Title>
          </Group>
          <Group gap="xs">
            {block && (
              <Button variant="default" color="red" leftSection={<IconTrash size={16} />} onClick={confirmDelete}>
                Delete
              </Button>
            )}
            <Button variant="default" onClick={() => void navigate('/plan')}>
              Cancel
            </Button>
            <Button type="submit" leftSection={<IconCheck size={16} />} loading={create.isPending || update.isPending}>
              {block ? 'Save block' : 'Add block'}
            </Button>
          </Group>
        </Group>

        <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
          <Paper withBorder p="md">
            <Stack gap="sm">
              <SimpleGrid cols={2}>
                <TextInput label="Name" withAsterisk data-autofocus {...form.getInputProps('name')} />
                <Select label="Phase" allowDeselect={false} data={PHASES.map((p) => ({ value: p, label: PHASE_INFO[p].label }))} {...form.getInputProps('phase')} />
              </SimpleGrid>
              <SimpleGrid cols={3}>
                <DatePickerInput
                  label="Starts"
                  withAsterisk
                  valueFormat="ddd D MMM YYYY"
                  firstDayOfWeek={firstDayOfWeek as 0 | 1 | 2 | 3 | 4 | 5 | 6}
                  excludeDate={(d) => weekday(d) !== firstDayOfWeek}
                  description={`Always a ${WEEKDAY_NAMES[firstDayOfWeek]}`}
                  {...form.getInputProps('startDate')}
                  error={form.errors.startDate ?? (startWrongDay ? `Blocks start on a ${WEEKDAY_NAMES[firstDayOfWeek]}` : undefined)}
                />
                <NumberInput label="Weeks" min={1} max={8} allowDecimal={false} description={`Usually ${info.typicalWeeks[0] === info.typicalWeeks[1] ? info.typicalWeeks[0] : info.typicalWeeks.join('-')}`} {...form.getInputProps('weeks')} />
                <Select
                  label="Deload week"
                  allowDeselect={false}
                  description="Default: the last week"
                  data={[{ value: 'none', label: 'No deload' }, ...Array.from({ length: Math.max(1, Math.min(8, v.weeks || 1)) }, (_, i) => ({ value: String(i + 1), label: `Week ${i + 1}` }))]}
                  {...form.getInputProps('deloadWeek')}
                />
              </SimpleGrid>
              {validDraft && (
                <Text size="xs" c="dimmed">
                  {formatDateLong(v.startDate as string)} to {formatDateLong(blockEndDate(v.startDate as string, v.weeks))}
                </Text>
              )}
              <MultiSelect label="For groups" placeholder="Choose groups" data={groups.map((g) => ({ value: String(g.id), label: g.name }))} {...form.getInputProps('groupIds')} />
              <MultiSelect
                label="For individual athletes"
                description="A block for an athlete takes over from their group's block on the days both cover."
                placeholder="Search athletes"
                searchable
                data={athletes
                  .filter((a) => a.archivedAt === null || v.athleteIds.includes(String(a.id)))
                  .map((a) => ({ value: String(a.id), label: a.archivedAt === null ? athleteFullName(a) : `${athleteFullName(a)} (archived)` }))}
                {...form.getInputProps('athleteIds')}
              />
              <SimpleGrid cols={4}>
                <NumberInput label="Progression / week" suffix="%" min={2} max={5} step={0.5} decimalScale={2} description="2-5%" {...form.getInputProps('progressionPercent')} />
                <NumberInput label="Deload: sets" prefix="−" suffix="%" min={0} max={60} step={5} description="default −50%" {...form.getInputProps('setCutPercent')} />
                <NumberInput label="Deload: load" prefix="−" suffix="%" min={0} max={20} step={1} description="default −10%" {...form.getInputProps('loadCutPercent')} />
                <NumberInput label="Deload: RIR" prefix="+" min={0} max={4} step={1} description="default +2" {...form.getInputProps('rirIncrease')} />
              </SimpleGrid>
              <Textarea label="Notes" autosize minRows={1} maxRows={4} {...form.getInputProps('notes')} />
            </Stack>
          </Paper>

          <Stack gap="sm">
            <Paper withBorder p="md">
              <Text fw={600}>{info.label}</Text>
              <Text size="sm">{info.aim}</Text>
              <Text size="sm" c="dimmed">
                Typical: {info.prescription}.
              </Text>
            </Paper>
            {clash && (
              <Alert color="red" icon={<IconAlertTriangle size={18} />} title="Overlaps another block">
                &quot;{clash.name}&quot; already covers these dates ({formatDateLong(clash.startDate)} to {formatDateLong(clash.endDate)}) for the same group or athlete. Saving will be refused: start after{' '}
                {formatDateLong(clash.endDate)}, shorten this block, or change the other one.
              </Alert>
            )}
            {(shape.length > 0 || ruleBreaks.length > 0) && (
              <Alert color="orange" icon={<IconAlertTriangle size={18} />} title={`Planning warnings (${shape.length + ruleBreaks.length})`} aria-label="Planning warnings">
                <Stack gap={4}>
                  {shape.map((w) => (
                    <Text size="sm" key={w}>
                      {w}
                    </Text>
                  ))}
                  {ruleBreaks.slice(0, 8).map((b) => (
                    <Text size="sm" key={`${b.rule}-${b.day}`}>
                      <b>{dayLabel(b.day)}</b>: {b.message}
                    </Text>
                  ))}
                  {ruleBreaks.length > 8 && (
                    <Text size="sm" c="dimmed">
                      … and {ruleBreaks.length - 8} more on later days.
                    </Text>
                  )}
                  <Text size="xs" c="dimmed">
                    Warnings never stop you: the plan is yours.
                  </Text>
                </Stack>
              </Alert>
            )}
            {shape.length === 0 && ruleBreaks.length === 0 && validDraft && (
              <Alert color="teal" icon={<IconCheck size={18} />} title="No planning warnings">
                No strength on consecutive days, at most three sessions a week, a rest day in every seven, a deload in time
                {longGoal.length > 0 ? ', and heavy days kept apart from hard runs for the long-race runners.' : '.'}
              </Alert>
            )}
            {longGoal.length > 0 && (
              <Text size="xs" c="dimmed">
                Heavy strength with hard running is checked for {longGoal.length} athlete{longGoal.length === 1 ? '' : 's'} with a half-marathon-or-longer goal.
              </Text>
            )}
          </Stack>
        </SimpleGrid>

        <Paper withBorder p="md">
          <Group justify="space-between" mb="xs">
            <div>
              <Title order={4}>Weekly rhythm</Title>
              <Text size="sm" c="dimmed">
                Strength days A (posterior chain), B (core & hip stability), C (single-leg power); runs with planned minutes and target RPE (CR-10).
              </Text>
            </div>
            <Button
              variant="default"
              size="xs"
              leftSection={<IconRefresh size={14} />}
              onClick={() => form.setFieldValue('rhythm', defaultRhythmRows(focusOf(firstGroupId), v.phase, templates))}
            >
              Usual week for {groups.find((g) => g.id === firstGroupId)?.name ?? 'this group'}
            </Button>
          </Group>
          <Table verticalSpacing={4} aria-label="Weekly rhythm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={110}>Day</Table.Th>
                <Table.Th>Strength session</Table.Th>
                <Table.Th w={110}>From week</Table.Th>
                <Table.Th w={170}>Run</Table.Th>
                <Table.Th w={110}>Minutes</Table.Th>
                <Table.Th w={100}>RPE</Table.Th>
                <Table.Th>Warnings</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {order.map((wd) => {
                const i = v.rhythm.findIndex((r) => r.weekday === wd);
                const r = v.rhythm[i];
                if (!r) return null;
                const rest = r.runType === 'rest' || r.runType === null;
                return (
                  <Table.Tr key={wd}>
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {WEEKDAY_NAMES[wd]}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Select size="xs" aria-label={`${WEEKDAY_NAMES[wd]} strength session`} placeholder="No session" clearable searchable data={templateOptions} {...form.getInputProps(`rhythm.${i}.templateId`)} />
                    </Table.Td>
                    <Table.Td>
                      {r.templateId !== null && (
                        <NumberInput size="xs" aria-label={`${WEEKDAY_NAMES[wd]} session from week`} min={1} max={8} allowDecimal={false} {...form.getInputProps(`rhythm.${i}.strengthFromWeek`)} />
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Select
                        size="xs"
                        aria-label={`${WEEKDAY_NAMES[wd]} run`}
                        placeholder="No run"
                        clearable
                        data={RUN_TYPES.map((t) => ({ value: t, label: RUN_TYPE_LABELS[t] }))}
                        value={r.runType}
                        onChange={(t) => {
                          const type = t as RunType | null;
                          form.setFieldValue(`rhythm.${i}`, { ...r, runType: type, minutes: type ? DEFAULT_RUN_MINUTES[type] : 0, rpe: type ? DEFAULT_RUN_RPE[type] : 0 });
                        }}
                      />
                    </Table.Td>
                    <Table.Td>
                      {!rest && <NumberInput size="xs" aria-label={`${WEEKDAY_NAMES[wd]} run minutes`} min={5} max={600} allowDecimal={false} {...form.getInputProps(`rhythm.${i}.minutes`)} />}
                    </Table.Td>
                    <Table.Td>
                      {!rest && <NumberInput size="xs" aria-label={`${WEEKDAY_NAMES[wd]} run RPE`} min={1} max={10} step={0.5} decimalScale={1} {...form.getInputProps(`rhythm.${i}.rpe`)} />}
                    </Table.Td>
                    <Table.Td>
                      {[...new Set(breaksByWeekday.get(wd) ?? [])].map((t) => (
                        <Badge key={t} color="red" variant="light" size="sm" mr={4}>
                          {t}
                        </Badge>
                      ))}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
          <Text size="xs" c="dimmed" mt="xs">
            &quot;From week&quot; starts a session later in the block (DOMAIN: a third session after 4-6 weeks). Deload weeks keep the same days with fewer sets, less load and more reps in reserve.{' '}
            <Anchor size="xs" onClick={() => void navigate('/plan/templates')}>
              Edit session templates
            </Anchor>
          </Text>
        </Paper>
      </Stack>
    </form>
  );
}

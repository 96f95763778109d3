/** Test days and races: on any day, for the squad, a group or one athlete. */
import { ActionIcon, Badge, Button, EmptyState, Group, Modal, SegmentedControl, Select, Stack, Table, Text, Textarea, TextInput } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconFlag, IconPlus, IconTrash } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { eventFieldsSchema } from '@shared/contract/plan';
import { addDays, formatDateLong, localToday } from '@shared/dates';
import { athleteFullName } from '@shared/domain/roster';
import { fieldErrorsFromIssues } from '@shared/errors';
import type { CalendarEvent, EventKind } from '@shared/plan/model';
import { ApiError, call } from '@renderer/api/client';
import { useApiMutation, useApiQuery } from '@renderer/api/hooks';
import { useUndo } from '@renderer/app/undo';

interface EventFormValues {
  date: string | null;
  kind: EventKind;
  name: string;
  /** 'squad', 'g<id>' or 'a<id>'. */
  who: string;
  notes: string;
}

function toFields(v: EventFormValues) {
  return {
    date: v.date ?? '',
    kind: v.kind,
    name: v.name,
    groupId: v.who.startsWith('g') ? Number(v.who.slice(1)) : null,
    athleteId: v.who.startsWith('a') ? Number(v.who.slice(1)) : null,
    notes: v.notes,
  };
}

export function EventsTab() {
  const settings = useApiQuery('settings.get', {});
  const groups = useApiQuery('groups.list', {});
  const athletes = useApiQuery('athletes.list', { status: 'active' });
  const range = settings.data ? { from: addDays(settings.data.seasonStart, -366), to: addDays(settings.data.seasonEnd, 366) } : null;
  const events = useApiQuery('events.list', range ?? { from: '2000-01-01', to: '2000-01-02' }, { enabled: range !== null });
  const remove = useApiMutation('events.remove');
  const undo = useUndo();
  const [editing, setEditing] = useState<{ event: CalendarEvent | null } | null>(null);
  const [showPast, setShowPast] = useState(false);
  if (!events.data || !groups.data || !athletes.data) return null;
  const today = localToday();
  const who = (e: CalendarEvent) =>
    e.athleteId !== null
      ? (() => {
          const a = athletes.data.find((x) => x.id === e.athleteId);
          return a ? athleteFullName(a) : 'An athlete';
        })()
      : e.groupId !== null
        ? (groups.data.find((g) => g.id === e.groupId)?.name ?? 'A group')
        : 'Whole squad';
  const past = events.data.filter((e) => e.date < today);
  const shown = showPast ? events.data : events.data.filter((e) => e.date >= today);

  async function del(e: CalendarEvent) {
    try {
      const removed = await remove.mutateAsync({ id: e.id });
      const { id: _id, ...fields } = removed;
      undo.record(`Deleted ${removed.kind === 'race' ? 'race' : 'test day'} "${removed.name}"`, () => call('events.create', fields));
    } catch (error) {
      notifications.show({ color: 'red', message: (error as Error).message });
    }
  }

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <SegmentedControl
          aria-label="Which days"
          value={showPast ? 'all' : 'upcoming'}
          onChange={(v) => setShowPast(v === 'all')}
          data={[
            { value: 'upcoming', label: 'Upcoming' },
            { value: 'all', label: `All (${events.data.length})` },
          ]}
        />
        <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing({ event: null })}>
          Add a test day or race
        </Button>
      </Group>
      {shown.length === 0 ? (
        <EmptyState icon={<IconFlag size={28} />} title={past.length > 0 ? 'Nothing coming up' : 'No test days or races yet'} description="Test days (the block re-test) and races show on the calendar's header and on the athletes' days they concern." />
      ) : (
        <Table highlightOnHover verticalSpacing={6} aria-label="Test days and races">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Date</Table.Th>
              <Table.Th>What</Table.Th>
              <Table.Th>Name</Table.Th>
              <Table.Th>For</Table.Th>
              <Table.Th w={40} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((e) => (
              <Table.Tr key={e.id} style={{ cursor: 'pointer' }} onClick={() => setEditing({ event: e })}>
                <Table.Td>{formatDateLong(e.date)}</Table.Td>
                <Table.Td>
                  <Badge color={e.kind === 'race' ? 'red' : 'blue'} variant="light">
                    {e.kind === 'race' ? 'Race' : 'Test day'}
                  </Badge>
                </Table.Td>
                <Table.Td>{e.name}</Table.Td>
                <Table.Td>{who(e)}</Table.Td>
                <Table.Td onClick={(ev) => ev.stopPropagation()}>
                  <ActionIcon variant="subtle" color="gray" aria-label={`Delete ${e.name}`} onClick={() => void del(e)}>
                    <IconTrash size={16} />
                  </ActionIcon>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <EventModal
        opened={editing !== null}
        event={editing?.event ?? null}
        groups={groups.data}
        athletes={athletes.data}
        onClose={() => setEditing(null)}
      />
    </Stack>
  );
}

function EventModal(props: { opened: boolean; event: CalendarEvent | null; groups: { id: number; name: string }[]; athletes: { id: number; givenName: string; familyName: string }[]; onClose(): void }) {
  const { opened, event, onClose } = props;
  const create = useApiMutation('events.create');
  const update = useApiMutation('events.update');
  const undo = useUndo();
  const form = useForm<EventFormValues>({
    initialValues: { date: null, kind: 'test_day', name: '', who: 'squad', notes: '' },
    validate: (v) => {
      const parsed = eventFieldsSchema.safeParse(toFields(v));
      const errors = parsed.success ? {} : fieldErrorsFromIssues(parsed.error.issues);
      if (!v.date) errors.date = 'Choose the day';
      return errors;
    },
  });
  useEffect(() => {
    if (!opened) return;
    const values: EventFormValues = event
      ? { date: event.date, kind: event.kind, name: event.name, who: event.athleteId !== null ? `a${event.athleteId}` : event.groupId !== null ? `g${event.groupId}` : 'squad', notes: event.notes }
      : { date: null, kind: 'test_day', name: '', who: 'squad', notes: '' };
    form.setValues(values);
    form.resetDirty(values);
    form.clearErrors();
    // Reload only when what is edited changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened, event]);

  async function save(v: EventFormValues) {
    try {
      if (event) {
        const saved = await update.mutateAsync({ id: event.id, fields: toFields(v) });
        const { id: _id, ...previous } = event;
        undo.record(`Edited "${saved.name}"`, () => call('events.update', { id: event.id, fields: previous }));
      } else {
        const saved = await create.mutateAsync(toFields(v));
        undo.record(`Added ${saved.kind === 'race' ? 'race' : 'test day'} "${saved.name}"`, () => call('events.remove', { id: saved.id }));
      }
      onClose();
    } catch (error) {
      if (error instanceof ApiError && Object.keys(error.fields).length > 0) form.setErrors(error.fields);
      else notifications.show({ color: 'red', title: 'Not saved', message: (error as Error).message });
    }
  }

  return (
    <Modal opened={opened} onClose={onClose} title={event ? 'Edit test day or race' : 'Add a test day or race'}>
      <form onSubmit={form.onSubmit((v) => void save(v))} noValidate aria-label="Test day or race">
        <Stack gap="sm">
          <SegmentedControl
            data={[
              { value: 'test_day', label: 'Test day' },
              { value: 'race', label: 'Race' },
            ]}
            {...form.getInputProps('kind')}
          />
          <DatePickerInput label="Day" withAsterisk valueFormat="ddd D MMM YYYY" {...form.getInputProps('date')} />
          <TextInput label="Name" withAsterisk placeholder={form.values.kind === 'race' ? 'e.g. County XC 5K' : 'e.g. Block re-test'} data-autofocus {...form.getInputProps('name')} />
          <Select
            label="For"
            allowDeselect={false}
            searchable
            data={[
              { group: 'Squad', items: [{ value: 'squad', label: 'Whole squad' }] },
              { group: 'Groups', items: props.groups.map((g) => ({ value: `g${g.id}`, label: g.name })) },
              { group: 'Athletes', items: props.athletes.map((a) => ({ value: `a${a.id}`, label: athleteFullName(a) })) },
            ]}
            {...form.getInputProps('who')}
            error={form.errors.who ?? form.errors.athleteId ?? form.errors.groupId}
          />
          <Textarea label="Notes" autosize minRows={1} maxRows={4} {...form.getInputProps('notes')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending || update.isPending}>
              {event ? 'Save' : 'Add'}
            </Button>
          </Group>
          <Text size="xs" c="dimmed">
            Shown on the calendar: in the header of that day, and on the days of the athletes it concerns.
          </Text>
        </Stack>
      </form>
    </Modal>
  );
}

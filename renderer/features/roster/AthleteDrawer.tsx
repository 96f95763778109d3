import { Button, Drawer, Group, NumberInput, SegmentedControl, Select, SimpleGrid, Stack, Switch, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { getHotkeyHandler } from '@mantine/hooks';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconActivity } from '@tabler/icons-react';
import { useEffect, type MouseEvent } from 'react';
import type { AthleteFieldsInput } from '@shared/contract/roster';
import { athleteFullName, EVENT_FOCUS_LABELS, EVENT_FOCUSES, RACE_GOALS, SEX_LABELS, SEXES, type Athlete, type Group as SquadGroup } from '@shared/domain/roster';
import type { MassUnit } from '@shared/units';
import { ApiError, call } from '@renderer/api/client';
import { useApiMutation } from '@renderer/api/hooks';
import { useUndo } from '@renderer/app/undo';
import { AthleteWarningPanel } from '../warnings/WarningParts';
import { athleteToForm, emptyAthleteForm, formToAthleteFields, mapApiFieldErrors, NO_GROUP, validateAthleteForm, type AthleteFormValues } from './athleteForm';

function fieldsOf(athlete: Athlete): AthleteFieldsInput {
  const { id: _id, archivedAt: _a, createdAt: _c, updatedAt: _u, ...fields } = athlete;
  return fields;
}

export function AthleteDrawer(props: {
  opened: boolean;
  /** The athlete being edited, or null to add one. */
  athlete: Athlete | null;
  groups: SquadGroup[];
  unit: MassUnit;
  defaultGroupId: number | null;
  onClose: () => void;
}) {
  const { opened, athlete, groups, unit, defaultGroupId, onClose } = props;
  const undo = useUndo();
  const create = useApiMutation('athletes.create');
  const update = useApiMutation('athletes.update');
  const form = useForm<AthleteFormValues>({
    initialValues: emptyAthleteForm(defaultGroupId),
    validate: (values) => validateAthleteForm(values, unit),
    validateInputOnBlur: true,
  });

  // Load the athlete (or a blank form) each time the drawer opens.
  useEffect(() => {
    if (!opened) return;
    const values = athlete ? athleteToForm(athlete, unit) : emptyAthleteForm(defaultGroupId);
    form.setInitialValues(values);
    form.setValues(values);
    form.resetDirty(values);
    form.clearErrors();
    // `form` is stable for the drawer's life; re-run only when what is edited changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened, athlete, unit, defaultGroupId]);

  const saving = create.isPending || update.isPending;

  async function save(values: AthleteFormValues) {
    const fields = formToAthleteFields(values, unit, athlete ?? undefined);
    try {
      if (athlete) {
        const saved = await update.mutateAsync({ id: athlete.id, fields });
        const previous = fieldsOf(athlete);
        undo.record(`Edited ${athleteFullName(saved)}`, () => call('athletes.update', { id: athlete.id, fields: previous }));
      } else {
        const saved = await create.mutateAsync(fields);
        undo.record(`Added ${athleteFullName(saved)}`, () => call('athletes.remove', { id: saved.id }));
      }
      form.resetDirty();
      onClose();
    } catch (error) {
      if (error instanceof ApiError && Object.keys(error.fields).length > 0) {
        form.setErrors(mapApiFieldErrors(error.fields));
      } else {
        notifications.show({ color: 'red', title: 'Not saved', message: (error as Error).message, autoClose: 10_000 });
      }
    }
  }

  function requestClose() {
    if (!form.isDirty()) return onClose();
    modals.openConfirmModal({
      title: 'Discard your changes?',
      children: <Text size="sm">The changes to this athlete have not been saved.</Text>,
      labels: { confirm: 'Discard', cancel: 'Keep editing' },
      confirmProps: { color: 'red' },
      onConfirm: onClose,
    });
  }

  /** To the athlete's training load chart (the Load section); unsaved changes are asked about first. */
  function openLoadChart(event: MouseEvent<HTMLAnchorElement>) {
    if (!form.isDirty()) return;
    event.preventDefault();
    const href = event.currentTarget.getAttribute('href') ?? '';
    modals.openConfirmModal({
      title: 'Discard your changes?',
      children: <Text size="sm">The changes to this athlete have not been saved.</Text>,
      labels: { confirm: 'Discard and open the chart', cancel: 'Keep editing' },
      confirmProps: { color: 'red' },
      onConfirm: () => {
        window.location.hash = href.replace(/^#/, '');
      },
    });
  }

  const submit = form.onSubmit((values) => void save(values));
  const groupOptions = [{ value: NO_GROUP, label: 'No group' }, ...groups.map((g) => ({ value: String(g.id), label: g.name }))];

  return (
    <Drawer
      opened={opened}
      onClose={requestClose}
      position="right"
      size="md"
      title={<Text fw={600}>{athlete ? `Edit ${athleteFullName(athlete)}` : 'Add an athlete'}</Text>}
    >
      <form onSubmit={submit} onKeyDown={getHotkeyHandler([['mod+Enter', () => submit()]])} noValidate aria-label="Athlete">
        <Stack gap="sm">
          {athlete && athlete.archivedAt === null && <AthleteWarningPanel athleteId={athlete.id} />}
          {athlete && (
            <Group justify="flex-end" mt={-8}>
              <Button component="a" href={`#/load/athlete/${athlete.id}`} onClick={openLoadChart} variant="subtle" size="compact-sm" leftSection={<IconActivity size={16} />}>
                Training load
              </Button>
            </Group>
          )}
          <SimpleGrid cols={2}>
            <TextInput label="First name" withAsterisk data-autofocus {...form.getInputProps('givenName')} />
            <TextInput label="Last name" withAsterisk {...form.getInputProps('familyName')} />
          </SimpleGrid>
          <Select label="Group" data={groupOptions} allowDeselect={false} {...form.getInputProps('group')} />
          <div>
            <Text size="sm" fw={500} mb={4}>
              Sex
            </Text>
            <SegmentedControl fullWidth data={SEXES.map((s) => ({ value: s, label: SEX_LABELS[s] }))} {...form.getInputProps('sex')} />
          </div>
          <SimpleGrid cols={2}>
            <NumberInput label="Grade" description="High-school grade" allowDecimal={false} min={5} max={13} {...form.getInputProps('grade')} />
            <NumberInput label="Birth year" description="For club athletes" allowDecimal={false} {...form.getInputProps('birthYear')} />
          </SimpleGrid>
          <SimpleGrid cols={2}>
            <Select
              label="Event focus"
              placeholder="Choose"
              clearable
              data={EVENT_FOCUSES.map((e) => ({ value: e, label: EVENT_FOCUS_LABELS[e] }))}
              {...form.getInputProps('eventFocus')}
            />
            <Select
              label="Race goal"
              placeholder="Choose"
              clearable
              searchable
              data={RACE_GOALS.map((g) => ({ value: g.code, label: g.label }))}
              {...form.getInputProps('raceGoal')}
            />
          </SimpleGrid>
          <SimpleGrid cols={2}>
            <NumberInput label="Body mass" rightSection={<Text size="xs" c="dimmed">{unit}</Text>} decimalScale={1} {...form.getInputProps('bodyMass')} />
            <NumberInput
              label="Training age"
              description="Years of strength training"
              decimalScale={1}
              step={0.5}
              rightSection={<Text size="xs" c="dimmed">yr</Text>}
              {...form.getInputProps('trainingAgeYears')}
            />
          </SimpleGrid>
          <Switch
            label="Injured / modified"
            description="Session sheets give regressions; planning suggests them."
            {...form.getInputProps('injured', { type: 'checkbox' })}
          />
          <Textarea label="Injury notes" autosize minRows={2} maxRows={6} {...form.getInputProps('injuryNotes')} />
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={requestClose}>
              Cancel
            </Button>
            <Button type="submit" loading={saving}>
              {athlete ? 'Save' : 'Add athlete'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Drawer>
  );
}

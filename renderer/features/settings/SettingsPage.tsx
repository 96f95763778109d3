import { Alert, Button, Group, NumberInput, Paper, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { getHotkeyHandler } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useEffect } from 'react';
import { squadSettingsSchema } from '@shared/contract/settings';
import { WEEKDAY_NAMES, type SquadSettings } from '@shared/domain/settings';
import { fieldErrorsFromIssues } from '@shared/errors';
import type { MassUnit } from '@shared/units';
import { ApiError, call } from '@renderer/api/client';
import { useApiMutation, useApiQuery } from '@renderer/api/hooks';
import { useUndo } from '@renderer/app/undo';
import { ThresholdsCard } from '../warnings/ThresholdsCard';
import { convertEquipment } from './settingsForm';

type SettingsFormValues = Omit<SquadSettings, 'plateIncrement' | 'barWeight' | 'dumbbellStep' | 'firstDayOfWeek'> & {
  plateIncrement: number | '';
  barWeight: number | '';
  dumbbellStep: number | '';
  firstDayOfWeek: string;
};

function toForm(s: SquadSettings): SettingsFormValues {
  return { ...s, firstDayOfWeek: String(s.firstDayOfWeek) };
}

function fromForm(v: SettingsFormValues): SquadSettings {
  const num = (x: number | '') => (x === '' ? Number.NaN : x);
  return { ...v, plateIncrement: num(v.plateIncrement), barWeight: num(v.barWeight), dumbbellStep: num(v.dumbbellStep), firstDayOfWeek: Number(v.firstDayOfWeek) };
}

function validate(values: SettingsFormValues) {
  const parsed = squadSettingsSchema.safeParse(fromForm(values));
  return parsed.success ? {} : fieldErrorsFromIssues(parsed.error.issues);
}

export function SettingsPage() {
  const settings = useApiQuery('settings.get', {});
  if (settings.isError) return <Alert color="red">{settings.error.message}</Alert>;
  if (settings.isPending) return null;
  return <SettingsForm saved={settings.data} />;
}

function SettingsForm({ saved }: { saved: SquadSettings }) {
  const undo = useUndo();
  const update = useApiMutation('settings.update');
  const form = useForm<SettingsFormValues>({ initialValues: toForm(saved), validate, validateInputOnBlur: true });

  useEffect(() => {
    // Show what was saved (also after an undo), unless the coach is mid-edit.
    if (!form.isDirty()) {
      form.setInitialValues(toForm(saved));
      form.setValues(toForm(saved));
      form.resetDirty(toForm(saved));
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [saved]);

  async function save(values: SettingsFormValues) {
    try {
      const next = await update.mutateAsync(fromForm(values));
      form.setInitialValues(toForm(next));
      form.resetDirty(toForm(next));
      const before = saved;
      undo.record('Changed the squad settings', () => call('settings.update', before));
    } catch (error) {
      if (error instanceof ApiError && Object.keys(error.fields).length > 0) form.setErrors(error.fields);
      else notifications.show({ color: 'red', title: 'Settings not saved', message: (error as Error).message });
    }
  }

  function changeUnit(next: MassUnit) {
    const current = form.getValues();
    const equipment = convertEquipment(fromForm(current), current.unit, next);
    form.setValues({ unit: next, ...equipment });
  }

  const unit = form.getValues().unit;
  const submit = form.onSubmit((values) => void save(values));
  const unitSuffix = <Text size="xs" c="dimmed">{unit}</Text>;

  return (
    <Stack maw={760} gap="md">
      <Title order={2}>Settings</Title>
      <form onSubmit={submit} onKeyDown={getHotkeyHandler([['mod+Enter', () => submit()]])} noValidate aria-label="Squad settings">
        <Stack gap="md">
          <Paper withBorder p="md">
            <Stack gap="sm">
              <Title order={4}>Squad and season</Title>
              <TextInput label="Squad name" withAsterisk {...form.getInputProps('squadName')} />
              <SimpleGrid cols={3}>
                <DateInput label="Season starts" valueFormat="ddd D MMM YYYY" {...form.getInputProps('seasonStart')} />
                <DateInput label="Season ends" valueFormat="ddd D MMM YYYY" {...form.getInputProps('seasonEnd')} />
                <Select
                  label="Weeks start on"
                  allowDeselect={false}
                  data={WEEKDAY_NAMES.map((name, index) => ({ value: String(index), label: name }))}
                  {...form.getInputProps('firstDayOfWeek')}
                />
              </SimpleGrid>
            </Stack>
          </Paper>
          <Paper withBorder p="md">
            <Stack gap="sm">
              <Title order={4}>Units and the gym</Title>
              <Text size="sm" c="dimmed">
                Loads are stored in kilograms and shown in this unit. Prescribed loads are rounded to what the gym can load: barbells in steps of the
                smallest plate pair, never under the empty bar; dumbbells and kettlebells in their own steps.
              </Text>
              <div>
                <Text size="sm" fw={500} mb={4}>
                  Unit
                </Text>
                <SegmentedControl
                  value={unit}
                  onChange={(value) => changeUnit(value as MassUnit)}
                  data={[
                    { value: 'kg', label: 'Kilograms (kg)' },
                    { value: 'lb', label: 'Pounds (lb)' },
                  ]}
                />
              </div>
              <SimpleGrid cols={3}>
                <NumberInput label="Smallest plate pair" description="Barbell step" decimalScale={2} step={unit === 'kg' ? 0.5 : 1} rightSection={unitSuffix} {...form.getInputProps('plateIncrement')} />
                <NumberInput label="Empty bar" description="Lightest barbell load" decimalScale={2} rightSection={unitSuffix} {...form.getInputProps('barWeight')} />
                <NumberInput label="Dumbbell step" description="Dumbbells and kettlebells" decimalScale={2} rightSection={unitSuffix} {...form.getInputProps('dumbbellStep')} />
              </SimpleGrid>
            </Stack>
          </Paper>
          <Group justify="flex-end">
            <Button variant="default" disabled={!form.isDirty()} onClick={() => form.reset()}>
              Discard changes
            </Button>
            <Button type="submit" loading={update.isPending} disabled={!form.isDirty()}>
              Save settings
            </Button>
          </Group>
        </Stack>
      </form>
      <ThresholdsCard />
    </Stack>
  );
}

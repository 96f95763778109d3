/**
 * The deload warnings' thresholds on the Settings screen: each with what it means and where its
 * default comes from (shared/load/thresholds.ts). Saved as one undoable step.
 */
import { Alert, Button, Group, NumberInput, Paper, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { getHotkeyHandler } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router';
import { warningThresholdsSchema } from '@shared/contract/warnings';
import { fieldErrorsFromIssues } from '@shared/errors';
import { ACWR_METHOD_LABELS, ACWR_METHODS } from '@shared/load/series';
import { WARNING_THRESHOLD_HELP, WARNING_THRESHOLD_RANGES, type WarningThresholds } from '@shared/load/thresholds';
import { ApiError, call } from '@renderer/api/client';
import { useApiMutation, useApiQuery } from '@renderer/api/hooks';
import { useUndo } from '@renderer/app/undo';

type NumberKey = keyof typeof WARNING_THRESHOLD_RANGES;
type FormValues = Omit<WarningThresholds, NumberKey> & Record<NumberKey, number | ''>;

const toNumbers = (v: FormValues): WarningThresholds => {
  const out = { ...v } as Record<string, unknown>;
  for (const key of Object.keys(WARNING_THRESHOLD_RANGES)) if (out[key] === '') out[key] = Number.NaN;
  return out as unknown as WarningThresholds;
};

function validate(values: FormValues) {
  const parsed = warningThresholdsSchema.safeParse(toNumbers(values));
  return parsed.success ? {} : fieldErrorsFromIssues(parsed.error.issues);
}

/** The groups of settings, in the order a coach reads them. */
const SECTIONS: { title: string; keys: (keyof WarningThresholds)[] }[] = [
  { title: 'Deload timing', keys: ['weeksSinceDeload'] },
  { title: 'Training load (session RPE x minutes)', keys: ['weeklyJumpPercent', 'acwrHigh', 'acwrMethod', 'monotonyHigh', 'monotonySd'] },
  { title: 'Wellness checks', keys: ['wellnessZ', 'wellnessItem', 'wellnessDays', 'hamstringTimes', 'hamstringWindowDays'] },
  { title: 'Re-tests', keys: ['retestWindowDays'] },
];

export function ThresholdsCard() {
  const query = useApiQuery('warnings.thresholds', {});
  const { hash } = useLocation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (hash === '#warning-thresholds' && query.data) ref.current?.scrollIntoView({ block: 'start' });
  }, [hash, query.data]);
  if (query.isError) return <Alert color="red">{query.error.message}</Alert>;
  if (query.isPending) return null;
  return (
    <div ref={ref} id="warning-thresholds">
      <ThresholdsForm saved={query.data.thresholds} defaults={query.data.defaults} />
    </div>
  );
}

function ThresholdsForm({ saved, defaults }: { saved: WarningThresholds; defaults: WarningThresholds }) {
  const undo = useUndo();
  const update = useApiMutation('warnings.updateThresholds');
  const form = useForm<FormValues>({ initialValues: saved, validate, validateInputOnBlur: true });

  useEffect(() => {
    // Show what was saved (also after an undo), unless the coach is mid-edit.
    if (!form.isDirty()) {
      form.setInitialValues(saved);
      form.setValues(saved);
      form.resetDirty(saved);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [saved]);

  async function save(values: FormValues) {
    try {
      const next = await update.mutateAsync(toNumbers(values));
      form.setInitialValues(next.thresholds);
      form.resetDirty(next.thresholds);
      const before = saved;
      undo.record('Changed the warning thresholds', () => call('warnings.updateThresholds', before));
    } catch (error) {
      if (error instanceof ApiError && Object.keys(error.fields).length > 0) form.setErrors(error.fields);
      else notifications.show({ color: 'red', title: 'Thresholds not saved', message: (error as Error).message });
    }
  }

  const submit = form.onSubmit((values) => void save(values));
  const isDefault = (Object.keys(defaults) as (keyof WarningThresholds)[]).every((k) => form.getValues()[k] === defaults[k]);

  function field(key: keyof WarningThresholds) {
    const { label, help } = WARNING_THRESHOLD_HELP[key];
    const description = help;
    if (key === 'acwrMethod') {
      return (
        <Select
          key={key}
          label={label}
          description={description}
          allowDeselect={false}
          data={ACWR_METHODS.map((m) => ({ value: m, label: ACWR_METHOD_LABELS[m] }))}
          {...form.getInputProps(key)}
        />
      );
    }
    if (key === 'monotonySd') {
      return (
        <Select
          key={key}
          label={label}
          description={description}
          allowDeselect={false}
          data={[
            { value: 'sample', label: 'Sample (n \u2212 1)' },
            { value: 'population', label: 'Population (n)' },
          ]}
          {...form.getInputProps(key)}
        />
      );
    }
    const range = WARNING_THRESHOLD_RANGES[key];
    return (
      <NumberInput
        key={key}
        label={label}
        description={description}
        min={range.min}
        max={range.max}
        step={range.step}
        decimalScale={range.step < 1 ? 2 : 0}
        allowDecimal={range.step < 1 || key === 'weeklyJumpPercent'}
        {...form.getInputProps(key)}
      />
    );
  }

  return (
    <Paper withBorder p="md">
      <form onSubmit={submit} onKeyDown={getHotkeyHandler([['mod+Enter', () => submit()]])} noValidate aria-label="Warning thresholds">
        <Stack gap="md">
          <div>
            <Title order={4}>Deload warnings</Title>
            <Text size="sm" c="dimmed">
              What makes an athlete show on the Warnings screen. A deload is recommended (act) when the weeks since the last one pass the limit, or when
              two or more kinds of signal agree (load, wellness, hamstrings, re-tests); one kind alone is a watch. These are heuristics with sensible
              defaults, not validated cut-offs: change them to suit your squad.
            </Text>
          </div>
          {SECTIONS.map((section) => (
            <Stack key={section.title} gap="xs">
              <Text fw={600} size="sm">
                {section.title}
              </Text>
              <SimpleGrid cols={2} spacing="md" verticalSpacing="md">
                {section.keys.map(field)}
              </SimpleGrid>
            </Stack>
          ))}
          <Group justify="space-between">
            <Button variant="subtle" disabled={isDefault} onClick={() => form.setValues(defaults)}>
              Use the defaults
            </Button>
            <Group>
              <Button variant="default" disabled={!form.isDirty()} onClick={() => form.reset()}>
                Discard changes
              </Button>
              <Button type="submit" loading={update.isPending} disabled={!form.isDirty()}>
                Save thresholds
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

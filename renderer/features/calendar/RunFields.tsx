import { Group, NumberInput, Select } from '@mantine/core';
import { DEFAULT_RUN_MINUTES, DEFAULT_RUN_RPE } from '@shared/plan/defaults';
import { RUN_TYPE_LABELS, RUN_TYPES, type PlannedRun, type RunType } from '@shared/plan/model';

/** Run type, planned minutes and target RPE; picking a type fills in its usual minutes and RPE. */
export function RunFields({ value, onChange, size = 'sm', errors = {} }: { value: PlannedRun; onChange(run: PlannedRun): void; size?: 'xs' | 'sm'; errors?: Partial<Record<'minutes' | 'rpe', string>> }) {
  const rest = value.type === 'rest';
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start">
      <Select
        size={size}
        w={150}
        aria-label="Run type"
        allowDeselect={false}
        data={RUN_TYPES.map((t) => ({ value: t, label: RUN_TYPE_LABELS[t] }))}
        value={value.type}
        onChange={(t) => {
          const type = (t ?? 'easy') as RunType;
          onChange({ type, minutes: DEFAULT_RUN_MINUTES[type], rpe: DEFAULT_RUN_RPE[type] });
        }}
        comboboxProps={{ withinPortal: true }}
      />
      <NumberInput
        size={size}
        w={90}
        aria-label="Planned minutes"
        suffix=" min"
        min={rest ? 0 : 5}
        max={600}
        allowDecimal={false}
        disabled={rest}
        value={value.minutes}
        error={errors.minutes}
        onChange={(v) => onChange({ ...value, minutes: typeof v === 'number' ? v : 0 })}
      />
      <NumberInput
        size={size}
        w={84}
        aria-label="Target RPE"
        prefix="RPE "
        min={rest ? 0 : 1}
        max={10}
        step={0.5}
        decimalScale={1}
        disabled={rest}
        value={value.rpe}
        error={errors.rpe}
        onChange={(v) => onChange({ ...value, rpe: typeof v === 'number' ? v : 0 })}
      />
    </Group>
  );
}

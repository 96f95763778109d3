/**
 * Test settings: the battery (built-in tests can be hidden, never deleted; the coach adds and
 * edits their own), each test's typical error with where it came from, its n and date, and the
 * squad-wide re-test settings (SWC factor, SD_pure, the asymmetry flag).
 */
import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Drawer,
  Group,
  Modal,
  NumberInput,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconEdit, IconEye, IconEyeOff, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import type { TestFieldsInput, TypicalErrorChoice } from '@shared/contract/retests';
import { DEFAULT_TE_SUFFIX, SCORE_RULE_LABELS, type RetestSettings, type TestDefinition, type TestKind } from '@shared/domain/retests';
import { ApiError, call } from '@renderer/api/client';
import { useApiMutation, useApiQuery } from '@renderer/api/hooks';
import { useUndo } from '@renderer/app/undo';
import { currentChoice, typicalErrorSummary } from './typicalError';

const KIND_LABELS: Record<TestKind, string> = {
  plain: 'Plain (a value per trial)',
  jump: 'Jump (may be typed as flight time)',
  loaded_jump: 'Loaded jump (records the added load)',
  balance: 'Balance (records eyes open or closed)',
  sprint: 'Sprint split (built-in only)',
};

function testFields(t: TestDefinition): TestFieldsInput {
  return {
    name: t.name,
    shortName: t.shortName,
    unit: t.unit,
    higherIsBetter: t.higherIsBetter,
    decimals: t.decimals,
    rangeMin: t.rangeMin,
    rangeMax: t.rangeMax,
    trials: t.trials,
    scoreRule: t.scoreRule,
    sided: t.sided,
    kind: t.kind,
    swcFixed: t.swcFixed,
  };
}

export function TestSettingsPage() {
  const testsQuery = useApiQuery('retests.listTests', {});
  const undo = useUndo();
  const hide = useApiMutation('retests.setTestHidden');
  const remove = useApiMutation('retests.removeTest');
  const [editing, setEditing] = useState<{ test: TestDefinition | null } | null>(null);
  const [teFor, setTeFor] = useState<TestDefinition | null>(null);

  if (testsQuery.isError) return <Alert color="red">{testsQuery.error.message}</Alert>;
  if (!testsQuery.data) return null;
  const tests = testsQuery.data;

  async function toggleHidden(t: TestDefinition) {
    try {
      await hide.mutateAsync({ id: t.id, hidden: !t.hidden });
      undo.record(`${t.hidden ? 'Showed' : 'Hid'} ${t.name}`, () => call('retests.setTestHidden', { id: t.id, hidden: t.hidden }));
    } catch (e) {
      notifications.show({ color: 'red', message: (e as Error).message });
    }
  }

  async function removeTest(t: TestDefinition) {
    try {
      await remove.mutateAsync({ id: t.id });
      undo.record(`Deleted ${t.name}`, async () => {
        const again = await call('retests.createTest', testFields(t));
        if (t.typicalError.source === 'coach' && t.typicalError.value !== null) await call('retests.setTypicalError', { id: again.id, source: 'coach', value: t.typicalError.value });
      });
    } catch (e) {
      notifications.show({ color: 'red', title: 'Not deleted', message: (e as Error).message });
    }
  }

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={2}>Test battery</Title>
        <Button leftSection={<IconPlus size={18} />} onClick={() => setEditing({ test: null })}>
          Add a test
        </Button>
      </Group>
      <Table verticalSpacing={6} className="tabular" aria-label="Test battery" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Test</Table.Th>
            <Table.Th>Better</Table.Th>
            <Table.Th>Trials</Table.Th>
            <Table.Th>Valid range</Table.Th>
            <Table.Th>Typical error (the test&apos;s noise)</Table.Th>
            <Table.Th w={130} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {tests.map((t) => (
            <Table.Tr key={t.id} opacity={t.hidden ? 0.55 : 1} data-testid={`test-row-${t.id}`}>
              <Table.Td>
                <Group gap={6}>
                  <Text size="sm" fw={500}>
                    {t.name}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t.shortName} · {t.unit}
                    {t.sided ? ' · left and right' : ''}
                  </Text>
                  {t.builtinKey && <Badge size="xs" variant="light" color="gray">built in</Badge>}
                  {t.hidden && <Badge size="xs" variant="outline" color="gray">hidden</Badge>}
                </Group>
              </Table.Td>
              <Table.Td>{t.higherIsBetter ? 'Higher' : 'Lower'}</Table.Td>
              <Table.Td>
                {t.trials}, {SCORE_RULE_LABELS[t.scoreRule].toLowerCase()}
              </Table.Td>
              <Table.Td>
                {t.rangeMin}–{t.rangeMax} {t.unit}
              </Table.Td>
              <Table.Td>
                <Text size="sm">{typicalErrorSummary(t)}</Text>
                {t.typicalError.source === 'default' && (
                  <Text size="xs" c="dimmed">
                    {t.defaultTypicalErrorNote} {DEFAULT_TE_SUFFIX}
                  </Text>
                )}
                {t.swcFixed !== null && (
                  <Text size="xs" c="dimmed">
                    Smallest worthwhile change fixed at {t.swcFixed} {t.unit}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Group gap={2} justify="flex-end" wrap="nowrap">
                  <Button size="compact-xs" variant="light" onClick={() => setTeFor(t)}>
                    Typical error
                  </Button>
                  <Tooltip label="Edit the test">
                    <ActionIcon variant="subtle" aria-label={`Edit ${t.name}`} onClick={() => setEditing({ test: t })}>
                      <IconEdit size={16} />
                    </ActionIcon>
                  </Tooltip>
                  <Tooltip label={t.hidden ? 'Show in new sessions' : 'Hide from new sessions (results are kept)'}>
                    <ActionIcon variant="subtle" color="gray" aria-label={`${t.hidden ? 'Show' : 'Hide'} ${t.name}`} onClick={() => void toggleHidden(t)}>
                      {t.hidden ? <IconEye size={16} /> : <IconEyeOff size={16} />}
                    </ActionIcon>
                  </Tooltip>
                  {t.builtinKey === null && t.entryCount === 0 && (
                    <Tooltip label="Delete (it has no results)">
                      <ActionIcon variant="subtle" color="red" aria-label={`Delete ${t.name}`} onClick={() => void removeTest(t)}>
                        <IconTrash size={16} />
                      </ActionIcon>
                    </Tooltip>
                  )}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <RetestSettingsCard />
      <TestDrawer opened={editing !== null} test={editing?.test ?? null} onClose={() => setEditing(null)} />
      <TypicalErrorModal test={teFor} onClose={() => setTeFor(null)} />
    </Stack>
  );
}

type NumberField = number | '';

interface TestFormState {
  name: string;
  shortName: string;
  unit: string;
  higherIsBetter: boolean;
  decimals: NumberField;
  rangeMin: NumberField;
  rangeMax: NumberField;
  trials: NumberField;
  scoreRule: 'best' | 'mean';
  sided: boolean;
  kind: TestKind;
  swcFixed: NumberField;
}

const EMPTY_TEST: TestFormState = { name: '', shortName: '', unit: '', higherIsBetter: true, decimals: 1, rangeMin: 0, rangeMax: '', trials: 2, scoreRule: 'best', sided: false, kind: 'plain', swcFixed: '' };

function TestDrawer({ opened, test, onClose }: { opened: boolean; test: TestDefinition | null; onClose: () => void }) {
  return (
    <Drawer opened={opened} onClose={onClose} position="right" size="md" title={<Text fw={600}>{test ? `Edit ${test.name}` : 'Add a test'}</Text>}>
      {opened && <TestForm test={test} onClose={onClose} />}
    </Drawer>
  );
}

function formOf(test: TestDefinition): TestFormState {
  return { ...testFields(test), scoreRule: test.scoreRule, kind: test.kind, swcFixed: test.swcFixed ?? '' };
}

function TestForm({ test, onClose }: { test: TestDefinition | null; onClose: () => void }) {
  const undo = useUndo();
  const create = useApiMutation('retests.createTest');
  const update = useApiMutation('retests.updateTest');
  const [form, setForm] = useState<TestFormState>(test ? formOf(test) : EMPTY_TEST);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const set = <K extends keyof TestFormState>(key: K, value: TestFormState[K]) => setForm((f) => ({ ...f, [key]: value }));
  const builtin = test?.builtinKey != null;
  const num = (v: NumberField) => (v === '' ? Number.NaN : v);

  async function save() {
    const fields: TestFieldsInput = {
      name: form.name,
      shortName: form.shortName,
      unit: form.unit,
      higherIsBetter: form.higherIsBetter,
      decimals: num(form.decimals),
      rangeMin: num(form.rangeMin),
      rangeMax: num(form.rangeMax),
      trials: num(form.trials),
      scoreRule: form.scoreRule,
      sided: form.sided,
      kind: form.kind,
      swcFixed: form.swcFixed === '' ? null : form.swcFixed,
    };
    try {
      if (test) {
        await update.mutateAsync({ id: test.id, fields });
        const before = testFields(test);
        undo.record(`Edited ${test.name}`, () => call('retests.updateTest', { id: test.id, fields: before }));
      } else {
        const saved = await create.mutateAsync(fields);
        undo.record(`Added ${saved.name}`, () => call('retests.removeTest', { id: saved.id }));
      }
      onClose();
    } catch (e) {
      if (e instanceof ApiError && Object.keys(e.fields).length > 0) setErrors(Object.fromEntries(Object.entries(e.fields).map(([k, v]) => [k.replace(/^fields\./, ''), v])));
      else notifications.show({ color: 'red', title: 'Not saved', message: (e as Error).message });
    }
  }

  return (
    <form
      aria-label="Test"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <Stack gap="sm">
        {builtin && <Alert color="gray">A built-in test keeps its unit, direction, sides and kind. Add your own test for a different protocol.</Alert>}
        <TextInput label="Name" value={form.name} onChange={(e) => set('name', e.currentTarget.value)} error={errors.name} data-autofocus />
        <SimpleGrid cols={2}>
          <TextInput label="Short name" description="Column heading, CSV header" value={form.shortName} onChange={(e) => set('shortName', e.currentTarget.value)} error={errors.shortName} />
          <TextInput label="Unit" description="cm, s, reps, m..." value={form.unit} disabled={builtin} onChange={(e) => set('unit', e.currentTarget.value)} error={errors.unit} />
        </SimpleGrid>
        <div>
          <Text size="sm" fw={500} mb={4}>
            Better is
          </Text>
          <SegmentedControl
            fullWidth
            disabled={builtin}
            value={form.higherIsBetter ? 'higher' : 'lower'}
            onChange={(v) => set('higherIsBetter', v === 'higher')}
            data={[
              { value: 'higher', label: 'Higher (jumps, holds)' },
              { value: 'lower', label: 'Lower (times)' },
            ]}
          />
          {errors.higherIsBetter && <Text size="xs" c="red">{errors.higherIsBetter}</Text>}
        </div>
        <SimpleGrid cols={3}>
          <NumberInput label="Lowest valid" value={form.rangeMin} onChange={(v) => set('rangeMin', typeof v === 'number' ? v : '')} error={errors.rangeMin} />
          <NumberInput label="Highest valid" value={form.rangeMax} onChange={(v) => set('rangeMax', typeof v === 'number' ? v : '')} error={errors.rangeMax} />
          <NumberInput label="Decimals" allowDecimal={false} min={0} max={3} value={form.decimals} onChange={(v) => set('decimals', typeof v === 'number' ? v : '')} error={errors.decimals} />
        </SimpleGrid>
        <SimpleGrid cols={2}>
          <NumberInput label="Trials per athlete" allowDecimal={false} min={1} max={6} value={form.trials} onChange={(v) => set('trials', typeof v === 'number' ? v : '')} error={errors.trials} />
          <Select label="Score" value={form.scoreRule} onChange={(v) => set('scoreRule', (v ?? 'best') as 'best' | 'mean')} data={[{ value: 'best', label: 'Best trial' }, { value: 'mean', label: 'Mean of trials' }]} allowDeselect={false} />
        </SimpleGrid>
        <Switch label="Left and right (each leg scored)" disabled={builtin} checked={form.sided} onChange={(e) => set('sided', e.currentTarget.checked)} />
        <Select
          label="Kind"
          disabled={builtin}
          value={form.kind}
          onChange={(v) => set('kind', (v ?? 'plain') as TestKind)}
          data={(builtin && form.kind === 'sprint' ? (['sprint'] as TestKind[]) : (['plain', 'jump', 'loaded_jump', 'balance'] as TestKind[])).map((k) => ({ value: k, label: KIND_LABELS[k] }))}
          error={errors.kind}
          allowDeselect={false}
        />
        <NumberInput
          label="Smallest worthwhile change (optional)"
          description="Leave empty to use 0.2 × the squad's baseline spread (REFERENCE.md §1.4); set a value to anchor it."
          value={form.swcFixed}
          onChange={(v) => set('swcFixed', typeof v === 'number' ? v : '')}
          error={errors.swcFixed}
          rightSection={<Text size="xs" c="dimmed">{form.unit}</Text>}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending || update.isPending}>
            {test ? 'Save' : 'Add test'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function TypicalErrorModal({ test, onClose }: { test: TestDefinition | null; onClose: () => void }) {
  if (!test) return null;
  return (
    <Modal opened onClose={onClose} title={`Typical error of ${test.name}`} size="lg">
      <TypicalErrorForm key={test.id} test={test} onClose={onClose} />
    </Modal>
  );
}

function TypicalErrorForm({ test, onClose }: { test: TestDefinition; onClose: () => void }) {
  const undo = useUndo();
  const setTe = useApiMutation('retests.setTypicalError');
  const sessionsQuery = useApiQuery('retests.listSessions', {});
  const [source, setSource] = useState<'coach' | 'default' | 'reliability'>(
    test.typicalError.source === 'reliability' ? 'reliability' : test.typicalError.source === 'default' ? 'default' : 'coach',
  );
  const [value, setValue] = useState<number | ''>(test.typicalError.value ?? '');
  const [sessionId, setSessionId] = useState<string | null>(test.typicalError.sessionId !== null ? String(test.typicalError.sessionId) : null);
  const [error, setError] = useState<string | null>(null);
  const reliabilitySessions = (sessionsQuery.data ?? []).filter((s) => s.kind === 'reliability' && s.testIds.includes(test.id));
  const reliability = useApiQuery('retests.reliability', { sessionId: Number(sessionId) }, { enabled: sessionId !== null });
  const computed = reliability.data?.find((r) => r.testId === test.id);

  async function save() {
    const choice: TypicalErrorChoice =
      source === 'coach'
        ? { id: test.id, source: 'coach', value: value === '' ? Number.NaN : value }
        : source === 'default'
          ? { id: test.id, source: 'default' }
          : { id: test.id, source: 'reliability', sessionId: Number(sessionId) };
    try {
      await setTe.mutateAsync(choice);
      const before = currentChoice(test);
      undo.record(`Changed the typical error of ${test.name}`, () => call('retests.setTypicalError', before));
      onClose();
    } catch (e) {
      setError(e instanceof ApiError ? (Object.values(e.fields)[0] ?? e.message) : (e as Error).message);
    }
  }

  return (
    <Stack gap="sm">
      <Text size="sm">
        The typical error is how much a score varies from trial to trial when nothing has really changed. Comparisons only call a change real when it beats it.
        Now: <b>{typicalErrorSummary(test)}</b>.
      </Text>
      <SegmentedControl
        value={source}
        onChange={(v) => setSource(v as typeof source)}
        data={[
          { value: 'coach', label: 'My value' },
          { value: 'default', label: 'Default', disabled: test.defaultTypicalError === null },
          { value: 'reliability', label: 'A reliability session', disabled: reliabilitySessions.length === 0 },
        ]}
      />
      {source === 'coach' && (
        <NumberInput label={`Typical error (${test.unit})`} value={value} onChange={(v) => setValue(typeof v === 'number' ? v : '')} decimalScale={4} data-autofocus />
      )}
      {source === 'default' && (
        <Text size="sm">
          {test.defaultTypicalError} {test.unit}: {test.defaultTypicalErrorNote} {DEFAULT_TE_SUFFIX}
        </Text>
      )}
      {source === 'reliability' && (
        <>
          <Select
            label="Reliability session"
            value={sessionId}
            onChange={setSessionId}
            data={reliabilitySessions.map((s) => ({ value: String(s.id), label: `${s.label} (${s.date})` }))}
          />
          {computed && (
            <Text size="sm">
              {computed.typicalError !== null
                ? `${computed.typicalError.toFixed(test.decimals + 2)} ${test.unit} from ${computed.pairs} pairs of trials.`
                : computed.problem}
            </Text>
          )}
        </>
      )}
      {error && <Alert color="red">{error}</Alert>}
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          Cancel
        </Button>
        <Button onClick={() => void save()} loading={setTe.isPending}>
          Use it
        </Button>
      </Group>
    </Stack>
  );
}

function RetestSettingsCard() {
  const settingsQuery = useApiQuery('retests.settings', {});
  const saved = settingsQuery.data;
  // Keyed by the saved values: after a save or an undo the form starts from what is stored.
  return saved ? <RetestSettingsForm key={JSON.stringify(saved)} saved={saved} /> : null;
}

function RetestSettingsForm({ saved }: { saved: RetestSettings }) {
  const update = useApiMutation('retests.updateSettings');
  const undo = useUndo();
  const [draft, setDraft] = useState<{ swcFactor: number | ''; swcUsePureSd: boolean; asymmetryFlagPercent: number | '' }>({ ...saved });
  const [errors, setErrors] = useState<Record<string, string>>({});

  async function save() {
    const next: RetestSettings = {
      swcFactor: draft.swcFactor === '' ? Number.NaN : draft.swcFactor,
      swcUsePureSd: draft.swcUsePureSd,
      asymmetryFlagPercent: draft.asymmetryFlagPercent === '' ? Number.NaN : draft.asymmetryFlagPercent,
    };
    try {
      await update.mutateAsync(next);
      setErrors({});
      const before = { ...saved };
      undo.record('Changed the re-test settings', () => call('retests.updateSettings', before));
    } catch (e) {
      if (e instanceof ApiError) setErrors(e.fields);
    }
  }

  return (
    <Paper withBorder p="md" maw={760}>
      <Title order={4} mb="xs">
        How changes are judged
      </Title>
      <Stack gap="sm">
        <SimpleGrid cols={2}>
          <NumberInput
            label="Smallest worthwhile change factor"
            description="SWC = factor × the squad's spread (SD) at the baseline. 0.2 is a small effect (Hopkins)."
            value={draft.swcFactor}
            decimalScale={2}
            step={0.1}
            onChange={(v) => setDraft({ ...draft, swcFactor: typeof v === 'number' ? v : '' })}
            error={errors.swcFactor}
          />
          <NumberInput
            label="Asymmetry flag (%)"
            description="Flag a left/right difference above this, and above the test's own noise. 10% is a convention, not a validated cut-off."
            value={draft.asymmetryFlagPercent}
            onChange={(v) => setDraft({ ...draft, asymmetryFlagPercent: typeof v === 'number' ? v : '' })}
            error={errors.asymmetryFlagPercent}
          />
        </SimpleGrid>
        <Switch
          label="Take the test's noise out of the squad's spread first (SD_pure = √(SD² − TE²))"
          checked={draft.swcUsePureSd}
          onChange={(e) => setDraft({ ...draft, swcUsePureSd: e.currentTarget.checked })}
        />
        <Text size="xs" c="dimmed">
          A change is a clear improvement when the whole 90% range of the change, given the typical error, is above the smallest worthwhile change (REFERENCE.md §1.5).
        </Text>
        <Group justify="flex-end">
          <Button onClick={() => void save()} loading={update.isPending}>
            Save settings
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

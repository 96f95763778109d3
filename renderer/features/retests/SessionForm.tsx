/** Add or edit a test session: date, kind, label, tests, notes. */
import { Button, Checkbox, Group, Modal, SegmentedControl, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { localToday } from '@shared/dates';
import { SESSION_KIND_HELP, SESSION_KIND_LABELS, SESSION_KINDS, type SessionKind, type TestDefinition, type TestSession } from '@shared/domain/retests';
import { ApiError, call } from '@renderer/api/client';
import { useApiMutation } from '@renderer/api/hooks';
import { useUndo } from '@renderer/app/undo';

function defaultLabel(kind: SessionKind, sessions: readonly TestSession[]): string {
  if (kind === 'baseline') return 'Baseline';
  if (kind === 'reliability') return 'Reliability check';
  const lastBaseline = sessions.filter((s) => s.kind === 'baseline').sort((a, b) => (a.date < b.date ? 1 : -1))[0];
  const since = sessions.filter((s) => s.kind === 'retest' && (!lastBaseline || s.date > lastBaseline.date)).length;
  return `End of block ${since + 1}`;
}

interface SessionFormProps {
  opened: boolean;
  session: TestSession | null;
  sessions: TestSession[];
  tests: TestDefinition[];
  onClose: () => void;
  onSaved: (s: TestSession) => void;
}

export function SessionForm(props: SessionFormProps) {
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={props.session ? `Edit ${props.session.label}` : 'New test session'} size="lg">
      {props.opened && <SessionFormBody {...props} />}
    </Modal>
  );
}

/** Mounted each time the modal opens, so it starts from the session (or sensible defaults). */
function SessionFormBody({ session, sessions, tests, onClose, onSaved }: SessionFormProps) {
  const undo = useUndo();
  const create = useApiMutation('retests.createSession');
  const update = useApiMutation('retests.updateSession');
  const firstKind: SessionKind = session?.kind ?? (sessions.some((s) => s.kind === 'baseline') ? 'retest' : 'baseline');
  const [date, setDate] = useState(session?.date ?? localToday());
  const [kind, setKind] = useState<SessionKind>(firstKind);
  const [label, setLabel] = useState(session?.label ?? defaultLabel(firstKind, sessions));
  const [labelTouched, setLabelTouched] = useState(session !== null);
  const [notes, setNotes] = useState(session?.notes ?? '');
  const [testIds, setTestIds] = useState<number[]>(session?.testIds ?? tests.filter((t) => !t.hidden).map((t) => t.id));
  const [errors, setErrors] = useState<Record<string, string>>({});

  function chooseKind(next: SessionKind) {
    setKind(next);
    if (!labelTouched) setLabel(defaultLabel(next, sessions));
  }

  async function save() {
    const fields = { date, kind, label, notes, testIds };
    try {
      if (session) {
        const saved = await update.mutateAsync({ id: session.id, fields });
        const before = { date: session.date, kind: session.kind, label: session.label, notes: session.notes, testIds: session.testIds };
        undo.record(`Edited ${session.label}`, () => call('retests.updateSession', { id: session.id, fields: before }));
        onSaved(saved);
      } else {
        const saved = await create.mutateAsync(fields);
        undo.record(`Added ${saved.label}`, () => call('retests.removeSession', { id: saved.id }));
        onSaved(saved);
      }
    } catch (error) {
      if (error instanceof ApiError && Object.keys(error.fields).length > 0) setErrors(error.fields);
      else notifications.show({ color: 'red', title: 'Not saved', message: (error as Error).message });
    }
  }

  const visible = tests.filter((t) => !t.hidden || testIds.includes(t.id));
  return (
    <form
      aria-label="Test session"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <Stack gap="sm">
        <div>
          <Text size="sm" fw={500} mb={4}>
            Kind
          </Text>
          <SegmentedControl fullWidth value={kind} onChange={(v) => chooseKind(v as SessionKind)} data={SESSION_KINDS.map((k) => ({ value: k, label: SESSION_KIND_LABELS[k] }))} />
          <Text size="xs" c="dimmed" mt={4}>
            {SESSION_KIND_HELP[kind]}
          </Text>
        </div>
        <SimpleGrid cols={2}>
          <DateInput
            label="Date"
            value={date}
            onChange={(v) => setDate(v ?? '')}
            valueFormat="ddd D MMM YYYY"
            error={errors.date ?? errors['fields.date']}
          />
          <TextInput
            label="Label"
            description="What the coach will look for later"
            value={label}
            onChange={(e) => {
              setLabel(e.currentTarget.value);
              setLabelTouched(true);
            }}
            error={errors.label ?? errors['fields.label']}
            data-autofocus
          />
        </SimpleGrid>
        <Checkbox.Group label="Tests in this session" value={testIds.map(String)} onChange={(v) => setTestIds(v.map(Number))} error={errors.testIds ?? errors['fields.testIds']}>
          <SimpleGrid cols={2} mt={6} spacing={6}>
            {visible.map((t) => (
              <Checkbox key={t.id} value={String(t.id)} label={`${t.name} (${t.unit})`} />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
        <Textarea label="Notes" description="Conditions, surface, wind, timing device..." autosize minRows={2} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending || update.isPending}>
            {session ? 'Save' : 'Add session'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

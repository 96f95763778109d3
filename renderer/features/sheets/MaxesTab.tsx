/**
 * Working maxes: the tested 1RMs (with their date) and starting loads (with their reps) the coach
 * enters, beside the estimate from logged sets and what the sheets use today. For one exercise
 * across a group (with a starting load for everyone who has nothing yet, in one step), or for
 * every loaded exercise of one athlete. Each row is saved when the coach leaves it; every save
 * can be undone.
 */
import { Alert, Button, Group, Loader, NumberInput, Paper, SegmentedControl, Select, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { memo, useCallback, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { CoachMaxInput, WorkingMaxRow } from '@shared/contract/sheets';
import { formatDateShort, isIsoDate, localToday } from '@shared/dates';
import { athleteFullName } from '@shared/domain/roster';
import { carriesLoad, sourceText } from '@shared/sheets/loads';
import type { CoachMax } from '@shared/sheets/workingMax';
import { formatMass, kgToUnit, roundForDisplay, unitToKg, type MassUnit } from '@shared/units';
import { call } from '@renderer/api/client';
import { useApiQuery } from '@renderer/api/hooks';
import { LeaveGuard } from '@renderer/app/drafts/LeaveGuard';
import type { RowView } from '@renderer/app/drafts/rowDrafts';
import { SaveStateMark } from '@renderer/app/drafts/SaveStateMark';
import { useRowDrafts } from '@renderer/app/drafts/useRowDrafts';
import { useUndo } from '@renderer/app/undo';

interface RowDraft {
  tested: string;
  testedOn: string;
  starting: string;
  reps: string;
}

const shown = (kg: number | null, unit: MassUnit) => (kg === null ? '' : String(roundForDisplay(kgToUnit(kg, unit), 2)));

/** The boxes for what the coach entered (or for nothing entered). */
function draftOf(coach: CoachMax | null, unit: MassUnit): RowDraft {
  return { tested: shown(coach?.testedKg ?? null, unit), testedOn: coach?.testedOn ?? '', starting: shown(coach?.startingKg ?? null, unit), reps: coach?.startingReps ? String(coach.startingReps) : '' };
}

const sameRow = (a: RowDraft, b: RowDraft) => a.tested.trim() === b.tested.trim() && a.testedOn.trim() === b.testedOn.trim() && a.starting.trim() === b.starting.trim() && a.reps.trim() === b.reps.trim();

type Parsed = { entry: CoachMaxInput; errors: Partial<Record<keyof RowDraft, string>> };

/** The row as the contract wants it (kg), and what is wrong with it, box by box. */
export function parseRow(row: Pick<WorkingMaxRow, 'athleteId' | 'exerciseId'>, d: RowDraft, unit: MassUnit, today: string): Parsed {
  const errors: Parsed['errors'] = {};
  const max = roundForDisplay(kgToUnit(500, unit), 0);
  const load = (text: string, field: 'tested' | 'starting'): number | null => {
    if (text.trim() === '') return null;
    const n = Number(text.trim().replace(',', '.'));
    if (!Number.isFinite(n) || n <= 0 || n > max) {
      errors[field] = `Enter a load in ${unit}, more than 0 and at most ${max}`;
      return null;
    }
    return unitToKg(n, unit);
  };
  const testedKg = load(d.tested, 'tested');
  const startingKg = load(d.starting, 'starting');
  let testedOn: string | null = d.testedOn.trim() === '' ? null : d.testedOn.trim();
  if (testedOn !== null && !isIsoDate(testedOn)) errors.testedOn = 'Choose a date';
  else if (testedOn !== null && testedOn > today) errors.testedOn = 'A test cannot be in the future';
  if (testedKg !== null && testedOn === null && !errors.tested) errors.testedOn = 'When was it tested?';
  if (testedKg === null && testedOn !== null && !errors.tested) errors.tested = 'Enter the tested 1RM';
  let startingReps: number | null = null;
  if (d.reps.trim() !== '') {
    const n = Number(d.reps.trim());
    if (!Number.isInteger(n) || n < 1 || n > 30) errors.reps = 'Reps are 1-30';
    else startingReps = n;
  }
  if (startingKg !== null && startingReps === null && !errors.reps) errors.reps = 'For how many reps?';
  if (startingKg === null && startingReps !== null && !errors.starting) errors.starting = 'Enter the starting load';
  if (errors.testedOn) testedOn = null;
  return {
    entry: {
      athleteId: row.athleteId,
      exerciseId: row.exerciseId,
      testedKg: errors.tested || errors.testedOn ? null : testedKg,
      testedOn: errors.tested || errors.testedOn ? null : testedOn,
      startingKg: errors.starting || errors.reps ? null : startingKg,
      startingReps: errors.starting || errors.reps ? null : startingReps,
    },
    errors,
  };
}

export function MaxesTab() {
  const [params, setParams] = useSearchParams();
  const exercises = useApiQuery('exercises.list', {});
  const groups = useApiQuery('groups.list', {});
  const athletes = useApiQuery('athletes.list', { status: 'active' });
  const settings = useApiQuery('settings.get', {});
  const unit = settings.data?.unit ?? 'kg';
  const by = params.get('by') === 'athlete' ? 'athlete' : 'exercise';
  const loadable = useMemo(() => (exercises.data ?? []).filter((e) => carriesLoad(e.equipment)), [exercises.data]);
  const exerciseId = Number(params.get('exercise')) || (loadable.find((e) => e.code === 'trap_bar_deadlift') ?? loadable[0])?.id || 0;
  const groupParam = params.get('group');
  const groupId = groupParam === null || groupParam === 'all' ? null : Number(groupParam);
  const athleteId = Number(params.get('athlete')) || (athletes.data?.[0]?.id ?? 0);
  const query = by === 'exercise' ? ({ by, exerciseId, groupId } as const) : ({ by, athleteId } as const);
  const list = useApiQuery('maxes.list', query, { enabled: by === 'exercise' ? exerciseId > 0 : athleteId > 0 });
  const set = (key: string, value: string) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        next.set(key, value);
        return next;
      },
      { replace: true },
    );

  return (
    <Stack gap="sm">
      <Paper withBorder p="sm">
        <Stack gap="xs">
          <Group gap="md" align="flex-end" wrap="wrap">
            <div>
              <Text size="sm" fw={500} mb={4}>
                Show
              </Text>
              <SegmentedControl
                value={by}
                onChange={(v) => set('by', v)}
                data={[
                  { value: 'exercise', label: 'One exercise, a group' },
                  { value: 'athlete', label: 'One athlete' },
                ]}
              />
            </div>
            {by === 'exercise' ? (
              <>
                <Select label="Exercise" searchable w={260} allowDeselect={false} value={String(exerciseId)} onChange={(v) => v && set('exercise', v)} data={loadable.map((e) => ({ value: String(e.id), label: e.name }))} />
                <Select
                  label="Group"
                  w={220}
                  allowDeselect={false}
                  value={groupId === null ? 'all' : String(groupId)}
                  onChange={(v) => v && set('group', v)}
                  data={[{ value: 'all', label: 'Whole squad' }, ...(groups.data ?? []).map((g) => ({ value: String(g.id), label: g.name }))]}
                />
              </>
            ) : (
              <Select
                label="Athlete"
                searchable
                w={260}
                allowDeselect={false}
                value={athleteId ? String(athleteId) : null}
                onChange={(v) => v && set('athlete', v)}
                data={(athletes.data ?? []).map((a) => ({ value: String(a.id), label: athleteFullName(a) }))}
              />
            )}
          </Group>
          <Text size="xs" c="dimmed">
            Sheets use, in order: the tested 1RM (from its date on), else the estimate from the last six weeks of logged sets (Epley, counting the reps in reserve the sheet asked for), else the
            starting load, used as it is for its reps. With none, the sheet says “choose a starting load”. Loads in {unit}.
          </Text>
        </Stack>
      </Paper>
      {list.isPending && <Loader size="sm" />}
      {list.isError && <Alert color="red">{list.error.message}</Alert>}
      {list.data && by === 'exercise' && <BulkStart rows={list.data.rows} unit={unit} exerciseName={loadable.find((e) => e.id === exerciseId)?.name ?? ''} />}
      {list.data && list.data.rows.length === 0 && <Alert color="gray">No athletes in this group.</Alert>}
      {list.data && list.data.rows.length > 0 && <MaxTable key={JSON.stringify(query)} rows={list.data.rows} fetchedAt={list.dataUpdatedAt} unit={unit} by={by} asOf={list.data.asOf} />}
    </Stack>
  );
}

/** A starting load for everyone in the list who has nothing entered yet: one step, one undo. */
function BulkStart({ rows, unit, exerciseName }: { rows: WorkingMaxRow[]; unit: MassUnit; exerciseName: string }) {
  const undo = useUndo();
  const [load, setLoad] = useState<number | string>('');
  const [reps, setReps] = useState<number | string>(8);
  const [busy, setBusy] = useState(false);
  const without = rows.filter((r) => r.coach === null);
  if (without.length === 0) return null;
  async function apply() {
    const parsed = parseRow({ athleteId: 0, exerciseId: 0 }, { tested: '', testedOn: '', starting: String(load), reps: String(reps) }, unit, localToday());
    const problem = parsed.errors.starting ?? parsed.errors.reps;
    if (problem || parsed.entry.startingKg === null) {
      notifications.show({ color: 'red', title: 'Not applied', message: problem ?? 'Enter a starting load.' });
      return;
    }
    setBusy(true);
    try {
      const { previous } = await call('maxes.set', { entries: without.map((r) => ({ ...parsed.entry, athleteId: r.athleteId, exerciseId: r.exerciseId })) });
      undo.record(`Starting load ${load} ${unit} x ${reps} for ${without.length} athletes (${exerciseName})`, () => call('maxes.set', { entries: previous }));
    } catch (error) {
      notifications.show({ color: 'red', title: 'Not applied', message: (error as Error).message });
    } finally {
      setBusy(false);
    }
  }
  return (
    <Paper withBorder p="sm">
      <Group gap="sm" align="flex-end" wrap="wrap">
        <Text size="sm" maw={360}>
          {without.length} athlete{without.length === 1 ? ' has' : 's have'} nothing entered for {exerciseName}. Give {without.length === 1 ? 'them' : 'each of them'} a starting load:
        </Text>
        <NumberInput label={`Load (${unit})`} w={110} min={0} max={unit === 'kg' ? 500 : 1100} value={load} onChange={setLoad} aria-label={`Starting load for everyone without one (${unit})`} />
        <NumberInput label="for reps" w={90} min={1} max={30} value={reps} onChange={setReps} />
        <Button variant="light" loading={busy} onClick={() => void apply()} disabled={load === ''}>
          Set for {without.length}
        </Button>
      </Group>
    </Paper>
  );
}

/** A row of the table: one athlete and one exercise. */
const keyOf = (row: Pick<WorkingMaxRow, 'athleteId' | 'exerciseId'>) => `${row.athleteId}:${row.exerciseId}`;

const firstError = (errors: Parsed['errors']) => Object.values(errors).find((message) => message !== undefined) ?? null;

function MaxTable({ rows, fetchedAt, unit, by, asOf }: { rows: WorkingMaxRow[]; fetchedAt: number; unit: MassUnit; by: 'exercise' | 'athlete'; asOf: string }) {
  const undo = useUndo();
  const byKey = useMemo(() => new Map(rows.map((row) => [keyOf(row), row])), [rows]);
  const bases = useMemo(() => new Map(rows.map((row) => [keyOf(row), draftOf(row.coach, unit)])), [rows, unit]);
  const label = useCallback((key: string) => {
    const row = byKey.get(key);
    return row ? `${row.athleteName} (${row.exerciseName})` : 'A working max';
  }, [byKey]);
  const problem = useCallback((key: string, draft: RowDraft) => {
    const row = byKey.get(key);
    return row ? firstError(parseRow(row, draft, unit, localToday()).errors) : null;
  }, [byKey, unit]);
  const save = useCallback(
    async (key: string, draft: RowDraft) => {
      const row = byKey.get(key);
      if (!row) throw new Error(`No working-max row ${key}`);
      const { entry } = parseRow(row, draft, unit, localToday());
      const { previous } = await call('maxes.set', { entries: [entry] });
      undo.record(`Working max of ${row.athleteName}, ${row.exerciseName}`, () => call('maxes.set', { entries: previous }), { quiet: true });
      return draftOf(entry, unit);
    },
    [byKey, unit, undo],
  );
  const drafts = useRowDrafts({ bases, fetchedAt, same: sameRow, problem, save, label });
  return (
    <>
      <Table withTableBorder striped={false} verticalSpacing={4} className="maxes-table" aria-label="Working maxes">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{by === 'exercise' ? 'Athlete' : 'Exercise'}</Table.Th>
            <Table.Th>Tested 1RM ({unit})</Table.Th>
            <Table.Th>Tested on</Table.Th>
            <Table.Th>Starting load ({unit})</Table.Th>
            <Table.Th>for reps</Table.Th>
            <Table.Th>Estimated from logs</Table.Th>
            <Table.Th>Sheets use ({formatDateShort(asOf)})</Table.Th>
            <Table.Th w={90} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => {
            const view = drafts.rows.get(keyOf(row));
            return view && <MaxRow key={keyOf(row)} row={row} view={view} unit={unit} by={by} edit={drafts.edit} save={drafts.save} />;
          })}
        </Table.Tbody>
      </Table>
      <LeaveGuard unsaved={drafts.unsaved} />
    </>
  );
}

const FIELD_LABELS: Record<keyof RowDraft, string> = { tested: 'tested 1RM', testedOn: 'tested on', starting: 'starting load', reps: 'starting load reps' };

interface MaxRowProps {
  row: WorkingMaxRow;
  view: RowView<RowDraft>;
  unit: MassUnit;
  by: 'exercise' | 'athlete';
  edit(key: string, change: (d: RowDraft) => RowDraft): void;
  save(key: string): Promise<void>;
}

const MaxRow = memo(function MaxRow({ row, view, unit, by, edit, save }: MaxRowProps) {
  const { draft, base, state } = view;
  const key = keyOf(row);
  // A box's message shows once the row was refused, and until what is typed can be saved.
  const errors = state?.state === 'error' ? parseRow(row, draft, unit, localToday()).errors : {};
  const label = by === 'exercise' ? row.athleteName : row.exerciseName;
  const field = (name: keyof RowDraft, width: number, type: 'text' | 'date' = 'text') => (
    <div>
      <input
        className="entry-input"
        type={type}
        style={{ width }}
        aria-label={`${label}: ${FIELD_LABELS[name]}`}
        aria-invalid={errors[name] ? true : undefined}
        inputMode={type === 'text' ? 'decimal' : undefined}
        value={draft[name]}
        max={type === 'date' ? localToday() : undefined}
        onChange={(e) => {
          const v = e.currentTarget.value;
          edit(key, (d) => ({ ...d, [name]: v }));
        }}
        onKeyDown={(e) => {
          if (e.key === 'Escape') edit(key, (d) => ({ ...d, [name]: base[name] }));
        }}
      />
      {errors[name] && <div className="entry-problem">{errors[name]}</div>}
    </div>
  );
  return (
    <Table.Tr
      onBlur={(e) => {
        // Leaving the row (not moving inside it) saves it.
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) void save(key);
      }}
    >
      <Table.Td>
        <Text size="sm" fw={500}>
          {label}
        </Text>
      </Table.Td>
      <Table.Td>{field('tested', 80)}</Table.Td>
      <Table.Td>{field('testedOn', 140, 'date')}</Table.Td>
      <Table.Td>{field('starting', 80)}</Table.Td>
      <Table.Td>{field('reps', 50)}</Table.Td>
      <Table.Td>
        <Text size="xs">{row.estimate ? `${formatMass(row.estimate.kg, unit)} (${sourceText(row.estimate, unit)}${row.estimate.highReps ? ', rough' : ''})` : '–'}</Text>
      </Table.Td>
      <Table.Td>
        <Text size="xs" fw={row.inUse ? 600 : 400} c={row.inUse ? undefined : 'orange.8'}>
          {row.inUse ? (row.inUse.kind === 'starting' ? `${formatMass(row.inUse.kg, unit)} x ${row.inUse.reps} (starting load)` : `${formatMass(row.inUse.kg, unit)} (${row.inUse.kind === 'tested' ? 'tested' : 'estimated'})`) : 'none: “choose a starting load”'}
        </Text>
      </Table.Td>
      <Table.Td>
        <SaveStateMark state={state} compact />
      </Table.Td>
    </Table.Tr>
  );
});

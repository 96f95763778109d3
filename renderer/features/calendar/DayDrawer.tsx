/**
 * One athlete's day: the group plan, what the athlete does instead, the session as it stands
 * that week (progression, deload, regressions), the rules broken there and why. Every change
 * here is the athlete's own (the group plan stays as it is) and can be undone.
 */
import { Alert, Badge, Button, Divider, Drawer, Group, Loader, Menu, Select, Stack, Switch, Table, Text, Textarea, Title, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconArrowBackUp, IconFirstAidKit, IconFlag, IconTrendingDown } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { addDays, formatDateLong, type IsoDate } from '@shared/dates';
import { raceGoalLabel } from '@shared/domain/roster';
import { PHASE_INFO, RUN_TYPE_LABELS, SESSION_TYPE_LABELS, type PlannedRun, type SessionTemplate } from '@shared/plan/model';
import { formatLoad, formatVolume } from '@shared/plan/progression';
import { PLANNING_RULES } from '@shared/plan/rules';
import type { DayDetail } from '@shared/plan/views';
import type { MassUnit } from '@shared/units';
import { call } from '@renderer/api/client';
import { useApiMutation, useApiQuery } from '@renderer/api/hooks';
import { useUndo } from '@renderer/app/undo';
import { RunFields } from './RunFields';
import { useChanges } from './useChanges';

const STATE_TEXT = { plan: 'as planned', replaced: 'changed for this athlete', moved_in: 'moved here', skipped: 'skipped', moved_out: 'moved to another day' } as const;

function runText(run: PlannedRun | null): string {
  if (!run) return 'No run';
  if (run.type === 'rest') return 'Rest';
  return `${RUN_TYPE_LABELS[run.type]}, ${run.minutes} min @ RPE ${run.rpe}`;
}

export function DayDrawer(props: {
  target: { athleteId: number; date: IsoDate } | null;
  templates: SessionTemplate[];
  unit: MassUnit;
  /** The session shown on another day of this athlete (to offer free days for a move). */
  sessionOn(date: IsoDate): string | null;
  onClose(): void;
  /** The athlete's deload warning when it covers this day (issue 7), shown first. */
  warning?: ReactNode;
}) {
  const { target, onClose } = props;
  const detail = useApiQuery('calendar.day', target ?? { athleteId: 1, date: '2000-01-01' }, { enabled: target !== null });
  return (
    <Drawer opened={target !== null} onClose={onClose} position="right" size={560} title={<Text fw={600}>Day detail</Text>} aria-label="Day detail">
      {target && props.warning}
      {target && detail.isPending && <Loader size="sm" />}
      {target && detail.isError && <Alert color="red">{detail.error.message}</Alert>}
      {target && detail.data && <DayContent key={`${target.athleteId}:${target.date}:${detail.dataUpdatedAt}`} detail={detail.data} {...props} />}
    </Drawer>
  );
}

function DayContent({ detail, templates, unit, sessionOn }: { detail: DayDetail; templates: SessionTemplate[]; unit: MassUnit; sessionOn(date: IsoDate): string | null }) {
  const changes = useChanges();
  const undo = useUndo();
  const createSwaps = useApiMutation('swaps.create');
  const removeSwaps = useApiMutation('swaps.remove');
  const a = detail.athlete;
  const who = a.name;
  const day = formatDateLong(detail.date);
  const one = { athleteIds: [a.id], from: detail.date, to: detail.date };
  const [run, setRun] = useState<PlannedRun>(detail.run.run ?? detail.planned.run ?? { type: 'easy', minutes: 30, rpe: 3 });
  const [note, setNote] = useState(detail.change?.note ?? '');

  const changed = detail.change !== null;
  const blockEnd = detail.block ? addDays(detail.date, (detail.block.weeks - detail.block.week) * 7 + 6) : addDays(detail.date, 27);
  const moveTargets = Array.from({ length: 15 }, (_, i) => addDays(detail.date, i - 7))
    .filter((d) => d !== detail.date)
    .map((d) => ({ value: d, label: `${formatDateLong(d)}${sessionOn(d) ? ` (has ${sessionOn(d)})` : ''}`, disabled: sessionOn(d) !== null }));

  async function swap(exerciseId: number, replacementId: number, label: string) {
    try {
      const created = await createSwaps.mutateAsync({ swaps: [{ athleteId: a.id, exerciseId, replacementId, fromDate: detail.date, toDate: blockEnd, reason: a.injured ? 'injury' : 'coach' }] });
      undo.record(label, () => call('swaps.remove', { ids: created.map((s) => s.id) }));
    } catch (error) {
      notifications.show({ color: 'red', title: 'Not swapped', message: (error as Error).message });
    }
  }

  async function unswap(swapId: number, label: string) {
    try {
      const removed = await removeSwaps.mutateAsync({ ids: [swapId] });
      undo.record(label, () => call('swaps.create', { swaps: removed.map(({ id: _id, ...s }) => s) }));
    } catch (error) {
      notifications.show({ color: 'red', title: 'Not changed', message: (error as Error).message });
    }
  }

  async function applySuggestions() {
    try {
      const created = await createSwaps.mutateAsync({
        swaps: detail.suggestions.map((s) => ({ athleteId: a.id, exerciseId: s.exerciseId, replacementId: s.regressionId, fromDate: detail.date, toDate: blockEnd, reason: 'injury' as const })),
      });
      undo.record(`Regressions for ${who} until ${formatDateLong(blockEnd)}`, () => call('swaps.remove', { ids: created.map((s) => s.id) }));
    } catch (error) {
      notifications.show({ color: 'red', title: 'Not applied', message: (error as Error).message });
    }
  }

  const templateOptions = templates.map((t) => ({ value: String(t.id), label: t.name }));
  const plannedTemplate = templates.find((t) => t.id === detail.planned.templateId);

  return (
    <Stack gap="sm" aria-label={`${who}, ${day}`}>
      <div>
        <Title order={3}>{who}</Title>
        <Text c="dimmed">{day}</Text>
        <Group gap={6} mt={6}>
          {detail.block ? (
            <Badge variant="light">
              {detail.block.name} · week {detail.block.week} of {detail.block.weeks}
            </Badge>
          ) : (
            <Badge variant="light" color="gray">
              No block this day
            </Badge>
          )}
          {detail.block && <Badge variant="outline">{PHASE_INFO[detail.block.phase].label}</Badge>}
          {detail.isDeload && (
            <Badge color="gray" leftSection={<IconTrendingDown size={12} />}>
              Deload
            </Badge>
          )}
          {a.raceGoal && <Badge variant="outline" color="gray">Goal: {raceGoalLabel(a.raceGoal)}</Badge>}
          {a.injured && (
            <Badge color="orange" leftSection={<IconFirstAidKit size={12} />}>
              Injured / modified
            </Badge>
          )}
        </Group>
      </div>

      {detail.events.map((e) => (
        <Alert key={e.id} color={e.kind === 'race' ? 'red' : 'blue'} icon={<IconFlag size={18} />} p="xs">
          {e.kind === 'race' ? 'Race' : 'Test day'}: {e.name}
        </Alert>
      ))}

      {detail.ruleBreaks.length > 0 && (
        <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} title="Planning warnings (the plan is kept; you decide)">
          <Stack gap={6}>
            {detail.ruleBreaks.map((b) => (
              <div key={b.rule}>
                <Text size="sm">{b.message}</Text>
                <Text size="xs" c="dimmed">
                  Why: {PLANNING_RULES[b.rule].why}
                </Text>
              </div>
            ))}
          </Stack>
        </Alert>
      )}

      <Divider label="Strength" labelPosition="left" />
      <Text size="sm">
        {detail.strength.templateName ? (
          <>
            <b>{detail.strength.templateName}</b> ({detail.strength.plannedMinutes} min, RPE {detail.strength.targetRpe}), {STATE_TEXT[detail.strength.state]}
          </>
        ) : detail.strength.state === 'skipped' || detail.strength.state === 'moved_out' ? (
          <>
            <s>{plannedTemplate?.name ?? 'The planned session'}</s>: {STATE_TEXT[detail.strength.state]}
            {detail.change?.strength?.kind === 'moved_out' ? ` (${formatDateLong(detail.change.strength.to)})` : ''}
          </>
        ) : (
          'No strength session planned.'
        )}
      </Text>
      {detail.strength.templateId !== null && plannedTemplate && detail.strength.templateId !== plannedTemplate.id && (
        <Text size="xs" c="dimmed">
          Group plan: {plannedTemplate.name}
        </Text>
      )}
      <Group gap="xs">
        {detail.strength.templateId !== null && (
          <Button size="xs" variant="default" onClick={() => void changes.apply(`Skipped ${who}'s session on ${day}`, { ...one, action: { kind: 'skipStrength' } })}>
            Skip
          </Button>
        )}
        <Select
          size="xs"
          w={230}
          placeholder={detail.strength.templateId !== null ? 'Replace with…' : 'Add a session…'}
          aria-label={detail.strength.templateId !== null ? 'Replace the session with' : 'Add a session'}
          data={templateOptions}
          searchable
          value={null}
          onChange={(v) => {
            if (v) void changes.apply(`Set a session for ${who} on ${day}`, { ...one, action: { kind: 'setStrength', templateId: Number(v) } });
          }}
          comboboxProps={{ withinPortal: true }}
        />
        {detail.strength.templateId !== null && (
          <Select
            size="xs"
            w={210}
            placeholder="Move to…"
            aria-label="Move the session to"
            data={moveTargets}
            value={null}
            onChange={(v) => {
              if (v) void changes.move(`Moved ${who}'s session from ${day} to ${formatDateLong(v)}`, { athleteId: a.id, from: detail.date, to: v });
            }}
            comboboxProps={{ withinPortal: true }}
          />
        )}
        {detail.change?.strength && (
          <Button size="xs" variant="subtle" leftSection={<IconArrowBackUp size={14} />} onClick={() => void changes.apply(`Put ${who}'s planned session back on ${day}`, { ...one, action: { kind: 'resetStrength' } })}>
            Back to plan
          </Button>
        )}
      </Group>

      {a.injured && detail.suggestions.length > 0 && (
        <Alert color="orange" variant="light" icon={<IconFirstAidKit size={18} />} title={`${who} is flagged injured`}>
          {a.injuryNotes && (
            <Text size="sm" mb={4}>
              {a.injuryNotes}
            </Text>
          )}
          <Text size="sm">Suggested regressions (not applied until you say so):</Text>
          <ul style={{ margin: '4px 0 8px', paddingLeft: 18 }}>
            {detail.suggestions.map((s) => (
              <li key={s.exerciseId}>
                <Text size="sm">
                  {s.exerciseName} → {s.regressionName}
                </Text>
              </li>
            ))}
          </ul>
          <Button size="xs" color="orange" onClick={() => void applySuggestions()} loading={createSwaps.isPending}>
            Use these regressions until {formatDateLong(blockEnd)}
          </Button>
        </Alert>
      )}

      {detail.session.length > 0 && (
        <Table fz="sm" verticalSpacing={4} aria-label="Session">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Exercise</Table.Th>
              <Table.Th>Sets x reps</Table.Th>
              <Table.Th>Load</Table.Th>
              <Table.Th>Tempo</Table.Th>
              <Table.Th>Rest</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {detail.session.map((line) => (
              <Table.Tr key={line.position}>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {line.exerciseName}
                  </Text>
                  {line.swappedFrom && (
                    <Text size="xs" c="orange.8">
                      instead of {line.swappedFrom.exerciseName}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{formatVolume(line.prescription)}</Table.Td>
                <Table.Td>{formatLoad(line.prescription, unit) || '—'}</Table.Td>
                <Table.Td>{line.prescription.tempo || '—'}</Table.Td>
                <Table.Td>{line.prescription.restSeconds ? `${line.prescription.restSeconds} s` : '—'}</Table.Td>
                <Table.Td>
                  {line.swappedFrom ? (
                    <Tooltip label={`Back to ${line.swappedFrom.exerciseName} (removes this swap)`}>
                      <Button size="compact-xs" variant="subtle" onClick={() => void unswap(line.swappedFrom?.swapId ?? 0, `Back to ${line.swappedFrom?.exerciseName} for ${who}`)}>
                        Undo swap
                      </Button>
                    </Tooltip>
                  ) : line.regression ? (
                    <Tooltip label={`Use ${line.regression.exerciseName} until ${formatDateLong(blockEnd)}`}>
                      <Button size="compact-xs" variant="light" color="orange" onClick={() => void swap(line.exerciseId, line.regression?.exerciseId ?? 0, `${line.regression?.exerciseName} instead of ${line.exerciseName} for ${who}`)}>
                        Regress
                      </Button>
                    </Tooltip>
                  ) : null}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {detail.session.some((l) => l.prescription.deloaded) && (
        <Text size="xs" c="dimmed">
          Deload: sets −{Math.round((detail.block?.deload.setReduction ?? 0.5) * 100)}%, load −{Math.round((detail.block?.deload.loadReduction ?? 0.1) * 100)}%, reps in reserve +{detail.block?.deload.rirIncrease ?? 2}.
        </Text>
      )}
      {detail.strength.sessionType && (
        <Text size="xs" c="dimmed">
          {SESSION_TYPE_LABELS[detail.strength.sessionType]}. Loads are % of each athlete's working max; the session sheet turns them into kilos or pounds.
        </Text>
      )}

      <Divider label="Run" labelPosition="left" />
      <Text size="sm">
        {runText(detail.run.run ?? (detail.run.state === 'skipped' ? detail.planned.run : null))}
        {detail.run.state !== 'plan' && ` (${detail.run.state === 'skipped' ? 'skipped' : 'changed'}; plan: ${runText(detail.planned.run)})`}
      </Text>
      <RunFields value={run} onChange={setRun} size="xs" />
      <Group gap="xs">
        <Button size="xs" variant="default" onClick={() => void changes.apply(`Changed ${who}'s run on ${day}`, { ...one, action: { kind: 'setRun', run } })}>
          Set this run
        </Button>
        {(detail.run.run || detail.planned.run) && (
          <Button size="xs" variant="default" onClick={() => void changes.apply(`Skipped ${who}'s run on ${day}`, { ...one, action: { kind: 'skipRun' } })}>
            Skip the run
          </Button>
        )}
        {detail.change?.run && (
          <Button size="xs" variant="subtle" leftSection={<IconArrowBackUp size={14} />} onClick={() => void changes.apply(`Put ${who}'s planned run back on ${day}`, { ...one, action: { kind: 'resetRun' } })}>
            Back to plan
          </Button>
        )}
      </Group>

      <Divider label="Deload and note" labelPosition="left" />
      <Group gap="md">
        <Switch
          label="Deload day"
          checked={detail.isDeload}
          onChange={(e) => {
            const on = e.currentTarget.checked;
            const planned = detail.block !== null && detail.block.deloadWeek === detail.block.week;
            void changes.apply(`${on ? 'Made' : 'Unmade'} ${day} a deload day for ${who}`, { ...one, action: { kind: 'deload', deload: on === planned ? null : on } });
          }}
        />
        <Menu withinPortal>
          <Menu.Target>
            <Button size="xs" variant="default" leftSection={<IconTrendingDown size={14} />}>
              Deload week from here
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item onClick={() => void changes.apply(`Deload week for ${who} from ${day}`, { athleteIds: [a.id], from: detail.date, to: addDays(detail.date, 6), action: { kind: 'deload', deload: true } })}>
              7 days from {day} ({who} only)
            </Menu.Item>
          </Menu.Dropdown>
        </Menu>
      </Group>
      <Textarea label="Note" placeholder="e.g. Away for exams" autosize minRows={1} maxRows={4} value={note} onChange={(e) => setNote(e.currentTarget.value)} maxLength={500} />
      <Group gap="xs">
        <Button size="xs" variant="default" disabled={note === (detail.change?.note ?? '')} onClick={() => void changes.apply(`Note for ${who} on ${day}`, { ...one, action: { kind: 'note', note } })}>
          Save note
        </Button>
        {changed && (
          <Button size="xs" color="red" variant="light" leftSection={<IconArrowBackUp size={14} />} onClick={() => void changes.clear(`Reset ${who}'s ${day} to the group plan`, one)}>
            Reset this day to the group plan
          </Button>
        )}
      </Group>
    </Stack>
  );
}

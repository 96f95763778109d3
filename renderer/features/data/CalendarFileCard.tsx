/**
 * "Add to a calendar app (ICS)": one athlete's days or a group's plan as a calendar file that
 * Google Calendar, Apple Calendar or Outlook imports, for the dates chosen.
 */
import { Alert, Button, Group, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { notifications } from '@mantine/notifications';
import { IconCalendarDown } from '@tabler/icons-react';
import { useState } from 'react';
import { athleteFullName, type Athlete, type Group as SquadGroup } from '@shared/domain/roster';
import type { SquadSettings } from '@shared/domain/settings';
import type { PlanSummary } from '@shared/plan/views';
import { ApiError, call } from '@renderer/api/client';
import { downloadPrepared } from '@renderer/api/files';
import { DataCard } from './DataCard';
import { allDatesRange, seasonRange, type DateRange } from './exportChoices';

interface Props {
  athletes: readonly Athlete[];
  groups: readonly SquadGroup[];
  settings: SquadSettings;
  summary: PlanSummary;
  allDates: { first: string; last: string } | null;
  desktop: boolean;
}

export function CalendarFileCard({ athletes, groups, settings, summary, allDates, desktop }: Props) {
  const order = new Map(groups.map((g) => [g.id, g.sortOrder]));
  const collator = new Intl.Collator('en', { sensitivity: 'base' });
  const rank = (a: Athlete) => (a.groupId === null ? Number.MAX_SAFE_INTEGER : (order.get(a.groupId) ?? Number.MAX_SAFE_INTEGER));
  const active = athletes
    .filter((a) => a.archivedAt === null)
    .sort((a, b) => rank(a) - rank(b) || collator.compare(a.familyName, b.familyName) || collator.compare(a.givenName, b.givenName));
  // A squad without groups has only athletes to choose from.
  const [kind, setKind] = useState<'athlete' | 'group'>(() => (groups.length > 0 ? 'group' : 'athlete'));
  const [athleteId, setAthleteId] = useState<string | null>(null);
  const [groupId, setGroupId] = useState<string | null>(() => (groups[0] ? String(groups[0].id) : null));
  const [range, setRangeState] = useState<DateRange>(() => seasonRange(settings));
  const setRange = (value: DateRange | ((r: DateRange) => DateRange)) => {
    setError(null);
    setRangeState(value);
  };
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const everything = allDatesRange(allDates);

  const groupName = (id: number | null) => groups.find((g) => g.id === id)?.name ?? 'No group';
  const chosen = kind === 'athlete' ? athleteId : groupId;

  async function make() {
    if (chosen === null) return;
    setBusy(true);
    setError(null);
    try {
      const subject = kind === 'athlete' ? { kind: 'athlete' as const, athleteId: Number(chosen) } : { kind: 'group' as const, groupId: Number(chosen) };
      const result = await call('exports.calendar', { subject, from: range.from, to: range.to });
      const file = result.file;
      if (file.outcome === 'canceled') return;
      if (file.outcome === 'download') await downloadPrepared(file.downloadId, file.fileName);
      notifications.show({
        color: 'teal',
        title: 'Calendar file ready',
        message: `${file.outcome === 'saved' ? `Saved to ${file.path}` : `Downloaded ${file.fileName}`}: ${result.events} events for “${result.calendarName}”. Import it in your calendar app.`,
      });
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : new ApiError('internal', (caught as Error).message));
    } finally {
      setBusy(false);
    }
  }

  const noSquad = active.length === 0 && groups.length === 0;
  return (
    <DataCard
      title="Add to a calendar app (ICS)"
      description={
        <>
          A calendar file for Google Calendar, Apple Calendar or Outlook: strength sessions, runs, test days and races as all-day events, with each session&apos;s
          exercises. Import a newer file later and the events already there are updated, not doubled.
        </>
      }
    >
      {noSquad ? (
        <Text size="sm" c="dimmed">
          No athletes or groups yet: add them on the Roster, then plan their blocks.
        </Text>
      ) : (
        <Stack gap="sm">
          {summary.blocks === 0 && (
            <Alert color="gray" variant="light">
              Nothing is planned yet, so a calendar would only hold test days and races. Build blocks in the Plan section (Ctrl+3) first.
            </Alert>
          )}
          <Group align="flex-end" gap="sm" wrap="wrap">
            <SegmentedControl
              aria-label="Calendar for"
              value={kind}
              onChange={(v) => setKind(v as 'athlete' | 'group')}
              data={[
                { value: 'group', label: 'A group' },
                { value: 'athlete', label: 'An athlete' },
              ]}
            />
            {kind === 'group' ? (
              <Select
                label="Group"
                placeholder={groups.length === 0 ? 'No groups yet' : 'Choose a group'}
                w={240}
                allowDeselect={false}
                data={groups.map((g) => ({ value: String(g.id), label: `${g.name} (${g.athleteCount})` }))}
                value={groupId}
                onChange={setGroupId}
                error={error?.fields['subject.groupId']}
              />
            ) : (
              <Select
                label="Athlete"
                placeholder="Type a name"
                w={280}
                searchable
                allowDeselect={false}
                nothingFoundMessage="No active athlete by that name"
                data={active.map((a) => ({ value: String(a.id), label: `${athleteFullName(a)} · ${groupName(a.groupId)}` }))}
                value={athleteId}
                onChange={setAthleteId}
                error={error?.fields['subject.athleteId']}
              />
            )}
          </Group>
          <Group align="flex-start" gap="sm" wrap="wrap">
            <DatePickerInput label="From" valueFormat="ddd D MMM YYYY" w={200} value={range.from} onChange={(value) => value && setRange((r) => ({ ...r, from: value }))} error={error?.fields.from} />
            <DatePickerInput label="To" valueFormat="ddd D MMM YYYY" w={200} value={range.to} onChange={(value) => value && setRange((r) => ({ ...r, to: value }))} error={error?.fields.to} />
            <Group gap={4} mt={29}>
              <Button variant="subtle" size="compact-sm" onClick={() => setRange(seasonRange(settings))}>
                This season
              </Button>
              {everything && (
                <Button variant="subtle" size="compact-sm" onClick={() => setRange(everything)} title="From the first block, test or race to the last">
                  All dates
                </Button>
              )}
            </Group>
          </Group>
          <Group gap="sm">
            <Button leftSection={<IconCalendarDown size={18} />} onClick={() => void make()} loading={busy} disabled={chosen === null}>
              {desktop ? 'Make calendar file…' : 'Make calendar file'}
            </Button>
            {chosen === null && (
              <Text size="sm" c="dimmed">
                Choose {kind === 'athlete' ? 'an athlete' : 'a group'} first.
              </Text>
            )}
          </Group>
          {error && (
            <Alert color="red" title="No calendar file made" withCloseButton onClose={() => setError(null)}>
              {error.message}
            </Alert>
          )}
          <Text size="xs" c="dimmed">
            An athlete&apos;s calendar has their own days (their changes, swaps and notes); a group&apos;s has the group plan and names who does something else that day. A
            session removed from the plan after an import stays in the calendar app until you delete it there.
          </Text>
        </Stack>
      )}
    </DataCard>
  );
}

/**
 * The day and the athletes the Sheets section works on (print, enter results), kept in the
 * address so switching between them keeps the choice: `?date=2026-09-14&group=3` or
 * `?date=...&athletes=4,9`. Defaults: today, the first group.
 */
import { ActionIcon, Button, Group, MultiSelect, Select, Tooltip } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { useHotkeys } from '@mantine/hooks';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { useSearchParams } from 'react-router';
import { addDays, localToday } from '@shared/dates';
import { athleteFullName, type Athlete, type Group as SquadGroup } from '@shared/domain/roster';

export interface DayChoice {
  date: string;
  groupId: number | null;
  athleteIds: number[];
}

const CHOOSE_ATHLETES = 'athletes';

export function useDayChoice(groups: readonly SquadGroup[]): { choice: DayChoice; setDate(date: string): void; setWho(groupId: number | null, athleteIds: number[]): void } {
  const [params, setParams] = useSearchParams();
  const date = /^\d{4}-\d{2}-\d{2}$/.test(params.get('date') ?? '') ? (params.get('date') as string) : localToday();
  const athleteIds = (params.get('athletes') ?? '')
    .split(',')
    .map(Number)
    .filter((n) => Number.isInteger(n) && n > 0);
  const groupParam = Number(params.get('group'));
  const sorted = [...groups].sort((a, b) => a.sortOrder - b.sortOrder);
  const chosenGroup = groups.some((g) => g.id === groupParam) ? groupParam : null;
  const groupId = params.has('athletes') ? null : (chosenGroup ?? sorted.find((g) => g.athleteCount > 0)?.id ?? sorted[0]?.id ?? null);
  const update = (change: (next: URLSearchParams) => void) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        change(next);
        return next;
      },
      { replace: true },
    );
  return {
    choice: { date, groupId, athleteIds },
    setDate: (d) => update((next) => next.set('date', d)),
    setWho: (g, ids) =>
      update((next) => {
        next.delete('group');
        next.delete('athletes');
        if (g !== null) next.set('group', String(g));
        else next.set('athletes', ids.join(','));
      }),
  };
}

/** Date with previous/next day (Alt+← / Alt+→), and a group or chosen athletes. */
export function DayChoiceBar(props: {
  choice: DayChoice;
  groups: readonly SquadGroup[];
  athletes: readonly Athlete[];
  setDate(date: string): void;
  setWho(groupId: number | null, athleteIds: number[]): void;
}) {
  const { choice, groups, athletes, setDate, setWho } = props;
  const step = (days: number) => setDate(addDays(choice.date, days));
  useHotkeys([
    ['alt+ArrowLeft', () => step(-1)],
    ['alt+ArrowRight', () => step(1)],
  ]);
  const whoValue = choice.groupId !== null ? String(choice.groupId) : CHOOSE_ATHLETES;
  return (
    <Group gap="xs" align="flex-end" wrap="wrap">
      <Group gap={4} align="flex-end" wrap="nowrap">
        <Tooltip label="Previous day (Alt+←)">
          <ActionIcon variant="default" size="lg" aria-label="Previous day" onClick={() => step(-1)}>
            <IconChevronLeft size={18} />
          </ActionIcon>
        </Tooltip>
        <DatePickerInput label="Day" w={190} valueFormat="ddd D MMM YYYY" value={choice.date} onChange={(v) => v && setDate(v)} aria-label="Day" />
        <Tooltip label="Next day (Alt+→)">
          <ActionIcon variant="default" size="lg" aria-label="Next day" onClick={() => step(1)}>
            <IconChevronRight size={18} />
          </ActionIcon>
        </Tooltip>
        <Button variant="subtle" size="sm" onClick={() => setDate(localToday())} disabled={choice.date === localToday()}>
          Today
        </Button>
      </Group>
      <Select
        label="Who"
        w={220}
        allowDeselect={false}
        value={whoValue}
        onChange={(v) => {
          if (v === CHOOSE_ATHLETES) setWho(null, choice.athleteIds);
          else if (v) setWho(Number(v), []);
        }}
        data={[
          { group: 'Groups', items: [...groups].sort((a, b) => a.sortOrder - b.sortOrder).map((g) => ({ value: String(g.id), label: `${g.name} (${g.athleteCount})` })) },
          { group: 'Or', items: [{ value: CHOOSE_ATHLETES, label: 'Choose athletes…' }] },
        ]}
      />
      {choice.groupId === null && (
        <MultiSelect
          label="Athletes"
          placeholder={choice.athleteIds.length === 0 ? 'Type a name' : undefined}
          searchable
          clearable
          miw={260}
          maw={520}
          value={choice.athleteIds.map(String)}
          onChange={(ids) => setWho(null, ids.map(Number))}
          data={[...athletes].sort((a, b) => a.familyName.localeCompare(b.familyName)).map((a) => ({ value: String(a.id), label: athleteFullName(a) }))}
        />
      )}
    </Group>
  );
}

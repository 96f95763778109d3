/**
 * One athlete's load chart (route /load/athlete/:athleteId): an athlete picker, a range (the last
 * 4, 8 or 12 weeks with the coming week's plan, or the season), and AthleteLoadChart.
 */
import { Group, SegmentedControl, Select, Stack, Text, Title } from '@mantine/core';
import { useEffect, useMemo } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { localToday } from '@shared/dates';
import { athleteFullName } from '@shared/domain/roster';
import { useApiQuery } from '@renderer/api/hooks';
import { sortByGroupThenName } from '../retests/common';
import { AthleteLoadChart } from './AthleteLoadChart';
import { LOAD_RANGES, rangeDates, type LoadRange } from './chartData';
import { LAST_ATHLETE_KEY } from './words';

export function AthleteLoadPage() {
  const { athleteId } = useParams();
  const id = athleteId && /^\d+$/.test(athleteId) ? Number(athleteId) : null;
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const range = (LOAD_RANGES.find((r) => r.value === params.get('range'))?.value ?? '12w') as LoadRange;
  const athletesQuery = useApiQuery('athletes.list', { status: 'all' });
  const groupsQuery = useApiQuery('groups.list', {});
  const settingsQuery = useApiQuery('settings.get', {});
  const athletes = useMemo(() => sortByGroupThenName(athletesQuery.data ?? [], groupsQuery.data ?? []), [athletesQuery.data, groupsQuery.data]);
  const athlete = athletes.find((a) => a.id === id);
  const settings = settingsQuery.data;
  const dates = settings ? rangeDates(range, localToday(), settings.firstDayOfWeek, settings) : null;
  useEffect(() => {
    if (athlete) sessionStorage.setItem(LAST_ATHLETE_KEY, String(athlete.id));
  }, [athlete]);

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
        <Group gap="sm" align="flex-end" wrap="wrap">
          <Title order={2}>{athlete ? athleteFullName(athlete) : 'An athlete\u2019s training load'}</Title>
          <Select
            aria-label="Athlete"
            placeholder="Choose an athlete"
            searchable
            w={260}
            value={id === null ? null : String(id)}
            onChange={(v) => v && void navigate({ pathname: `/load/athlete/${v}`, search: params.toString() })}
            data={athletes.map((a) => ({ value: String(a.id), label: `${athleteFullName(a)}${a.archivedAt ? ' (archived)' : ''}` }))}
            nothingFoundMessage="No athlete by that name"
          />
        </Group>
        <SegmentedControl
          aria-label="Range"
          value={range}
          onChange={(v) => setParams((p) => {
            p.set('range', v);
            return p;
          })}
          data={LOAD_RANGES.map((r) => ({ value: r.value, label: r.value === 'season' ? 'Season' : `Last ${r.label}` }))}
        />
      </Group>
      {id === null && (
        <Text c="dimmed">
          Choose an athlete to see their daily and weekly load (planned and logged), acute and chronic load, the acute:chronic ratio, deloads and wellness, or click a row of the
          squad heat map.
        </Text>
      )}
      {id !== null && athletesQuery.data && !athlete && <Text c="red">There is no athlete with record number {id}. Choose one from the list.</Text>}
      {id !== null && athlete && dates && <AthleteLoadChart athleteId={id} from={dates.from} to={dates.to} />}
    </Stack>
  );
}

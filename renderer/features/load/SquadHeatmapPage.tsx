/**
 * The squad heat map (route /load): weeks across, athletes down, grouped; each cell the week's
 * load (AU) or the acute:chronic ratio, on one sequential blue scale with its numbers in a legend.
 * Deload weeks are framed, this week says "so far", weeks with nothing logged are hatched (not 0).
 * A click or Enter on an athlete opens their chart.
 */
import { Alert, Anchor, Box, Button, Collapse, Group, List, Paper, SegmentedControl, Select, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { useElementSize, useViewportSize } from '@mantine/hooks';
import { keepPreviousData } from '@tanstack/react-query';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { MAX_MATRIX_WEEKS, type LoadMatrixMeasure, type SquadLoadWeeks } from '@shared/contract/load';
import { localToday, startOfWeek } from '@shared/dates';
import { ACWR_METHODS, type AcwrMethod } from '@shared/load/series';
import { useApiQuery } from '@renderer/api/hooks';
import { HeatmapGrid, NAME_WIDTH } from './HeatmapGrid';
import { heatLegend, heatRows, heatScale, lastWeeksRange, rangeProblem, type GroupFilter, type HeatScale } from './heatmap';
import { METHOD_SHORT } from './words';
import './load.css';

const DEFAULT_WEEKS = 12;
/** The narrowest a week column gets before the grid scrolls sideways (fits "12,345" and "1.23"). */
const MIN_COLUMN = 50;
const MAX_COLUMN = 96;
/** From this width the ratio's caveats sit beside the grid, else above it. */
const SIDE_NOTES_FROM = 1100;

function Legend({ scale, note }: { scale: HeatScale; note: string }) {
  return (
    <Group gap={10} wrap="wrap" data-testid="heat-legend" aria-label="Colour scale">
      {heatLegend(scale).map((entry) => (
        <Group gap={4} key={entry.label} wrap="nowrap">
          <span className="heat-legend-swatch" style={{ background: entry.colour }} />
          <Text size="xs">{entry.label}</Text>
        </Group>
      ))}
      <Group gap={4} wrap="nowrap">
        <span className="heat-legend-swatch heat-none">{'\u2013'}</span>
        <Text size="xs">no data (not 0)</Text>
      </Group>
      <Group gap={4} wrap="nowrap">
        <span className="heat-legend-swatch heat-deload" style={{ background: '#fff' }} />
        <Text size="xs">deload week</Text>
      </Group>
      <Group gap={4} wrap="nowrap">
        <span className="heat-legend-swatch heat-current" style={{ background: '#fff', border: '1px solid #dee2e6' }}>
          123
        </span>
        <Text size="xs">this week, so far</Text>
      </Group>
      <Text size="xs" c="dimmed">
        {note}
      </Text>
    </Group>
  );
}

/** The ratio's method and its criticisms (REFERENCE.md §4.4): in full beside the grid, or folded to one line above it on a narrow window. */
function RatioCaveats({ matrix, beside }: { matrix: SquadLoadWeeks; beside: boolean }) {
  const [open, setOpen] = useState(false);
  const list = (
    <List size="xs" spacing={2}>
      {matrix.acwrCaveats.map((c) => (
        <List.Item key={c.title}>
          <b>{c.title}.</b> {c.text}
        </List.Item>
      ))}
    </List>
  );
  return (
    <Paper withBorder p="xs" w={beside ? 300 : undefined} data-testid="acwr-caveats" style={{ flex: 'none' }}>
      <Text size="sm" fw={600}>
        Acute:chronic ratio, {matrix.acwrMethodLabel}
      </Text>
      <Text size="xs" c="dimmed" mb={4}>
        Each cell is the ratio on the week&apos;s last day (today for this week). Above 1: load rising faster than usual for that athlete, not a prediction of injury.{' '}
        {beside ? 'Read it with these limits:' : `Limits: ${matrix.acwrCaveats.map((c) => c.title.toLowerCase()).join('; ')}. `}
        {!beside && (
          <Anchor component="button" size="xs" onClick={() => setOpen((o) => !o)} aria-expanded={open}>
            {open ? 'Hide the limits' : 'Read the limits'}
          </Anchor>
        )}
      </Text>
      {beside ? list : <Collapse expanded={open}>{list}</Collapse>}
    </Paper>
  );
}

export function SquadHeatmapPage() {
  const navigate = useNavigate();
  const settingsQuery = useApiQuery('settings.get', {});
  const [measure, setMeasure] = useState<LoadMatrixMeasure>('weeklyLoad');
  const [method, setMethod] = useState<AcwrMethod | null>(null);
  const [group, setGroup] = useState<string>('all');
  const [chosenRange, setChosenRange] = useState<{ from: string; to: string } | null>(null);
  const [picking, setPicking] = useState<[string | null, string | null] | null>(null);
  const { ref: areaRef, width } = useElementSize();
  const { height: viewportHeight } = useViewportSize();

  const today = localToday();
  const firstDay = settingsQuery.data?.firstDayOfWeek ?? 1;
  const defaultRange = lastWeeksRange(today, startOfWeek(today, firstDay), DEFAULT_WEEKS);
  const range = chosenRange ?? defaultRange;
  // Checked here so a range main would refuse is explained at the field and never sent.
  const rangeError = rangeProblem(range.from, range.to, firstDay, MAX_MATRIX_WEEKS);

  const query = useApiQuery(
    'load.squadWeeks',
    { from: range.from, to: range.to, measure, acwrMethod: measure === 'acwr' ? method : null },
    { enabled: settingsQuery.data !== undefined && rangeError === null, placeholderData: keepPreviousData },
  );
  const matrix = query.data;

  const scale = useMemo(() => heatScale(matrix?.measure ?? measure, matrix ? matrix.athletes.flatMap((a) => a.values) : []), [matrix, measure]);
  const filter: GroupFilter = group === 'all' ? 'all' : group === 'none' ? 'none' : Number(group);
  const rows = useMemo(() => (matrix ? heatRows(matrix, filter) : []), [matrix, filter]);

  const ratio = matrix?.measure === 'acwr';
  const notesBeside = ratio && width >= SIDE_NOTES_FROM;
  const gridWidth = notesBeside ? width - 316 : width;
  const weeks = matrix?.weeks.length ?? DEFAULT_WEEKS;
  const columnWidth = Math.min(MAX_COLUMN, Math.max(MIN_COLUMN, Math.floor((gridWidth - NAME_WIDTH - 16) / weeks)));
  // The grid fills the window below what is above it (only the grid scrolls); at least 12 rows.
  const gridBox = useRef<HTMLDivElement>(null);
  const [gridTop, setGridTop] = useState(300);
  useLayoutEffect(() => {
    const top = gridBox.current?.getBoundingClientRect().top;
    if (top !== undefined && Math.abs(top + window.scrollY - gridTop) > 1) setGridTop(top + window.scrollY);
  }, [gridTop, matrix, notesBeside, width, rangeError]);
  const gridHeight = Math.max(340, viewportHeight - gridTop - 16);

  // The moment the heat map first shows its rows (read by `npm run bench`: loadHeatmapFirstPaintMs).
  const painted = rows.length > 0 && width > 0;
  useEffect(() => {
    if (!painted) return;
    const frame = requestAnimationFrame(() => {
      if (performance.getEntriesByName('load-heatmap-ready').length === 0) performance.mark('load-heatmap-ready');
    });
    return () => cancelAnimationFrame(frame);
  }, [painted]);

  const nothingLogged = matrix !== undefined && matrix.athletes.length > 0 && matrix.athletes.every((a) => a.values.every((v) => v === null));

  const caveats = matrix && ratio && <RatioCaveats matrix={matrix} beside={notesBeside} />;

  return (
    <Stack gap="xs" ref={areaRef}>
      <VisuallyHidden>
        <Title order={2}>Squad load by week</Title>
      </VisuallyHidden>
      <Group gap="xs" align="flex-start" wrap="wrap">
        <SegmentedControl
          aria-label="Measure"
          value={measure}
          onChange={(v) => setMeasure(v as LoadMatrixMeasure)}
          data={[
            { value: 'weeklyLoad', label: 'Weekly load (AU)' },
            { value: 'acwr', label: 'Acute:chronic ratio' },
          ]}
        />
        {measure === 'acwr' && (
          <Select
            aria-label="Ratio method"
            w={160}
            allowDeselect={false}
            value={method ?? matrix?.acwrMethod ?? 'ewma'}
            onChange={(v) => v && setMethod(v as AcwrMethod)}
            data={ACWR_METHODS.map((m) => ({ value: m, label: METHOD_SHORT[m] }))}
          />
        )}
        <Select
          aria-label="Group"
          w={160}
          allowDeselect={false}
          value={group}
          onChange={(v) => setGroup(v ?? 'all')}
          data={[{ value: 'all', label: 'All groups' }, ...(matrix?.groups ?? []).map((g) => ({ value: g.id === null ? 'none' : String(g.id), label: g.name }))]}
        />
        <DatePickerInput
          type="range"
          aria-label="Weeks shown"
          valueFormat="D MMM YYYY"
          w={250}
          value={picking ?? [range.from, range.to]}
          onChange={([from, to]) => {
            // The picker reports the first day alone while the second is being chosen.
            if (from && to) {
              setChosenRange({ from, to });
              setPicking(null);
            } else setPicking([from, to]);
          }}
          onDropdownClose={() => setPicking(null)}
          error={rangeError}
        />
        {chosenRange !== null && (
          <Button variant="default" onClick={() => setChosenRange(null)}>
            Last {DEFAULT_WEEKS} weeks
          </Button>
        )}
      </Group>

      {query.isError && <Alert color="red" title="The squad's load could not be read">{query.error.message}</Alert>}
      {matrix && matrix.athletes.length === 0 && (
        <Alert color="blue" title="No athletes yet">
          The heat map shows every athlete&apos;s weekly load. Add the squad on the{' '}
          <Anchor component={Link} to="/roster">
            roster
          </Anchor>{' '}
          (or load the sample squad there) and plan a block.
        </Alert>
      )}
      {nothingLogged && (
        <Alert color="blue" title="Nothing logged in these weeks">
          Cells fill in as sessions are entered (session RPE and minutes) on the{' '}
          <Anchor component={Link} to="/sheets">
            Sheets
          </Anchor>{' '}
          screen. Choose earlier weeks to see older logs.
        </Alert>
      )}

      {matrix && matrix.athletes.length > 0 && (
        <>
          <Legend scale={scale} note={`${ratio ? 'The ratio on each week\u2019s last day' : 'Session RPE x minutes, strength and runs, summed over each week'}. Click an athlete (or Enter) for their chart.`} />
          {!notesBeside && caveats}
          <Group align="flex-start" gap="md" wrap="nowrap">
            <Box ref={gridBox} style={{ flex: 1, minWidth: 0, opacity: query.isPlaceholderData ? 0.6 : 1 }}>
              <HeatmapGrid matrix={matrix} rows={rows} scale={scale} columnWidth={columnWidth} height={gridHeight} onOpen={(id) => void navigate(`/load/athlete/${id}`)} />
            </Box>
            {notesBeside && caveats}
          </Group>
        </>
      )}
    </Stack>
  );
}

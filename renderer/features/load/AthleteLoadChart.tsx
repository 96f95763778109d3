/**
 * One athlete's training load (issue 7), four recharts panels on one date axis (tooltips move
 * together): daily load, planned against logged, with acute and chronic load; each week's load and
 * its change on the week before; the acute:chronic ratio labelled with its method (bands off until
 * switched on, REFERENCE.md §4.4); wellness against the athlete's own baseline. Deloads are shaded
 * in every panel. Then, folded, how the numbers are made.
 *
 * Exported on its own (athleteId, from, to) so other screens (the Warnings screen) can embed it.
 */
import { Accordion, Alert, Anchor, Badge, Box, Group, List, Loader, Paper, SegmentedControl, Stack, Switch, Text, Title } from '@mantine/core';
import { IconChartBar } from '@tabler/icons-react';
import { useMemo, useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import {
  Bar,
  CartesianGrid,
  ComposedChart,
  LabelList,
  Line,
  ReferenceArea,
  ReferenceLine,
  ResponsiveContainer,
  Scatter,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { AthleteLoad } from '@shared/contract/load';
import { daysBetween, formatDateLong, formatDateShort, type IsoDate } from '@shared/dates';
import { ACWR_METHODS, type AcwrMethod } from '@shared/load/series';
import { useApiQuery } from '@renderer/api/hooks';
import { chartRows, deloadSpans, hasLoadData, ratioNotes, STATUS_WORDS, type LoadChartRow } from './chartData';
import './load.css';
import { METHOD_SHORT, RATIO_GAP_WORDS } from './words';

/** Okabe-Ito colours: told apart with every common colour-vision deficiency. */
export const LOAD_COLOURS = {
  actual: '#56b4e9',
  planned: '#343a40',
  acute: '#d55e00',
  chronic: '#0072b2',
  ratio: '#0072b2',
  warmingUp: '#868e96',
  wellness: '#009e73',
  baseline: '#495057',
  flagged: '#d55e00',
  hamstring: '#cc79a7',
  notLogged: '#868e96',
  deload: '#e9ecef',
} as const;

const AXIS = { fontSize: 11 };
const Y_WIDTH = 52;
const MARGIN = { top: 6, right: 12, bottom: 0, left: 0 };

const au = (v: number) => `${Math.round(v).toLocaleString('en-US')} AU`;

/** A tick per week (every 2nd, 3rd... on long ranges so the labels never overlap). */
function weekTicks(rows: readonly LoadChartRow[]): IsoDate[] {
  const starts = [...new Set(rows.map((r) => r.weekStart))].filter((w) => rows.some((r) => r.date === w));
  const stride = Math.max(1, Math.ceil(starts.length / 14));
  return starts.filter((_, i) => i % stride === 0);
}

function Swatch({ colour, kind, label }: { colour: string; kind: 'bar' | 'outline' | 'line' | 'dashed' | 'dot' | 'area' | 'cross'; label: string }) {
  return (
    <Group gap={5} wrap="nowrap">
      <span className={`load-swatch load-swatch-${kind}`} style={{ ['--swatch' as string]: colour }} aria-hidden />
      <Text size="xs">{label}</Text>
    </Group>
  );
}

function Panel({ title, legend, children, controls, testId }: { title: ReactNode; legend: ReactNode; children: ReactNode; controls?: ReactNode; testId: string }) {
  return (
    <Box data-testid={testId}>
      <Group justify="space-between" align="flex-end" gap="xs" mb={2} wrap="wrap">
        <Text size="sm" fw={600}>
          {title}
        </Text>
        {controls}
      </Group>
      {children}
      <Group gap="md" mt={2} wrap="wrap" className="load-legend">
        {legend}
      </Group>
    </Box>
  );
}

/** The day under the pointer, in words, in every panel (the panels' tooltips move together). */
function DayTooltip({ active, payload, lines }: { active?: boolean; payload?: readonly { payload?: unknown }[]; lines: (row: LoadChartRow) => string[] }) {
  const row = payload?.[0]?.payload as LoadChartRow | undefined;
  if (!active || !row) return null;
  return (
    <Paper withBorder shadow="sm" p={6} className="load-tooltip">
      <Text size="xs" fw={600}>
        {formatDateLong(row.date)}
        {row.deload ? ' \u00b7 deload' : ''}
      </Text>
      {lines(row).map((line) => (
        <Text size="xs" key={line}>
          {line}
        </Text>
      ))}
    </Paper>
  );
}

function dailyLines(row: LoadChartRow): string[] {
  const lines = [`Planned: ${row.planned === null ? 'nothing' : au(row.planned)}`];
  if (row.status === 'future') return lines;
  lines.push(`Logged: ${row.actual === null ? STATUS_WORDS[row.status] : `${au(row.actual)}${row.status === 'done' ? '' : ` (${STATUS_WORDS[row.status]})`}`}`);
  if (row.acute !== null) lines.push(`Acute (7-day): ${au(row.acute)} a day`);
  if (row.chronic !== null) lines.push(`Chronic (28-day): ${au(row.chronic)} a day`);
  return lines;
}

function weeklyLines(row: LoadChartRow): string[] {
  const lines = [`Week of ${formatDateShort(row.weekStart)}`];
  lines.push(row.weekLoad === null ? 'Logged: nothing known yet' : `Logged: ${au(row.weekLoad)}`);
  if (row.weekPlanned !== null) lines.push(`Planned: ${au(row.weekPlanned)}`);
  return lines;
}

function wellnessLines(row: LoadChartRow): string[] {
  if (row.wellness === null && row.wellnessFlagged === null && row.hamstring === null) return ['No complete wellness check'];
  const lines: string[] = [];
  lines.push(row.wellness === null ? 'Total: an item was left blank' : `Total: ${row.wellness} of 25`);
  lines.push(row.baseline === null ? 'Own baseline: not yet (fewer than 14 checks in 28 days)' : `Own baseline: ${row.baseline.toFixed(1)}`);
  if (row.wellnessFlagged !== null) lines.push('Flagged: below own baseline or an item at 2 or less');
  if (row.hamstring !== null) lines.push('Hamstring tightness reported');
  return lines;
}

export interface AthleteLoadChartProps {
  athleteId: number;
  from: IsoDate;
  to: IsoDate;
}

export function AthleteLoadChart({ athleteId, from, to }: AthleteLoadChartProps) {
  // null = the method in the warning settings (EWMA by default).
  const [method, setMethod] = useState<AcwrMethod | null>(null);
  const [bands, setBands] = useState(false);
  // Always fresh: logs saved elsewhere (Sheets, Enter results) change these numbers.
  const query = useApiQuery('load.athlete', { athleteId, from, to, acwrMethod: method });
  const fresh = query.data;
  // While another range or method is read, the charts keep showing the last one (dimmed) instead of
  // collapsing to a spinner: the page keeps its height and the coach's scroll position.
  const [shown, setShown] = useState<AthleteLoad | undefined>(undefined);
  if (fresh !== undefined && fresh !== shown) setShown(fresh);
  const load = fresh ?? (shown?.athlete.id === athleteId ? shown : undefined);
  const reading = fresh === undefined && load !== undefined;
  const rows = useMemo(() => (load ? chartRows(load) : []), [load]);

  const error = query.error;
  if (error) return <Alert color="red" title="The training load could not be read">{error.message}</Alert>;
  if (!load) {
    return (
      <Group gap="xs" p="md">
        <Loader size="sm" />
        <Text size="sm" c="dimmed">
          Reading the plan and the logs…
        </Text>
      </Group>
    );
  }
  if (!hasLoadData(load.series.days)) {
    return (
      <Paper withBorder p="lg" data-testid="load-chart-empty">
        <Stack gap="xs" align="flex-start">
          <Group gap="xs">
            <IconChartBar size={22} />
            <Text fw={600}>Nothing to chart for {load.athlete.name} from {formatDateShort(load.from)} to {formatDateShort(load.to)}</Text>
          </Group>
          <Text size="sm" c="dimmed">
            No planned session, no logged session and no wellness check in these weeks. The chart fills in once the athlete is in a block of the{' '}
            <Anchor component={Link} to="/plan">
              plan
            </Anchor>{' '}
            or their sessions are entered on the{' '}
            <Anchor component={Link} to="/sheets">
              Sheets
            </Anchor>{' '}
            screen. Try a longer range, or the season.
          </Text>
        </Stack>
      </Paper>
    );
  }

  const series = load.series;
  const spans = deloadSpans(rows);
  const ticks = weekTicks(rows);
  const todayShown = rows.some((r) => r.date === load.today);
  const todayRow = series.days.find((d) => d.date === load.today);
  const lastDeload = [...series.days].reverse().find((d) => d.isDeload && d.date <= load.today)?.date ?? null;
  const anyBaseline = rows.some((r) => r.baseline !== null);
  const notes = ratioNotes(rows);
  const ratioMax = Math.max(2, ...rows.map((r) => r.acwr ?? r.acwrWarmingUp ?? 0));
  const anyWellness = rows.some((r) => r.wellness !== null || r.wellnessFlagged !== null || r.hamstring !== null);
  const anyNotLogged = rows.some((r) => r.status === 'not-logged');

  const shared = (withLabels: boolean) => [
    <CartesianGrid key="grid" strokeDasharray="3 3" vertical={false} />,
    ...spans.map((s) => (
      <ReferenceArea
        key={`deload-${s.from}`}
        x1={s.from}
        x2={s.to}
        fill={LOAD_COLOURS.deload}
        fillOpacity={0.9}
        ifOverflow="visible"
        label={withLabels ? { value: 'deload', position: 'insideTop', fontSize: 10, fill: '#495057' } : undefined}
      />
    )),
    todayShown ? (
      <ReferenceLine key="today" x={load.today} stroke="#495057" strokeDasharray="2 3" label={withLabels ? { value: 'today', position: 'insideTopRight', fontSize: 10, fill: '#495057' } : undefined} />
    ) : null,
  ];
  const xAxis = (hide: boolean) => (
    <XAxis dataKey="date" ticks={ticks} tickFormatter={(d: string) => formatDateShort(d)} tick={AXIS} hide={hide} interval={0} height={hide ? 0 : 20} />
  );

  return (
    <Stack gap="md" data-testid="athlete-load-chart" data-reading={reading} style={{ opacity: reading ? 0.6 : 1, transition: 'opacity 120ms' }}>
      <Group gap="lg" wrap="wrap">
        {load.athlete.archived && <Badge color="gray">archived</Badge>}
        {todayRow && todayRow.weeksSinceDeload !== null && (
          <Text size="sm">
            <b>{todayRow.weeksSinceDeload}</b> whole week{todayRow.weeksSinceDeload === 1 ? '' : 's'} since{' '}
            {lastDeload ? `the last deload day (${formatDateLong(lastDeload)})` : 'the last deload or, without one, the start of the plan'}
          </Text>
        )}
        <Text size="sm">{load.nextDeload ? `Next deload in the plan: ${formatDateLong(load.nextDeload)}` : 'No deload planned after today'}</Text>
      </Group>

      <Panel
        testId="panel-daily"
        title="Daily load (session RPE x minutes), with acute (7-day) and chronic (28-day) load"
        legend={
          <>
            <Swatch colour={LOAD_COLOURS.actual} kind="bar" label="Logged" />
            <Swatch colour={LOAD_COLOURS.planned} kind="outline" label="Planned" />
            <Swatch colour={LOAD_COLOURS.acute} kind="line" label="Acute load (7-day, AU a day)" />
            <Swatch colour={LOAD_COLOURS.chronic} kind="dashed" label="Chronic load (28-day, AU a day)" />
            {anyNotLogged && <Swatch colour={LOAD_COLOURS.notLogged} kind="cross" label="Not logged (unknown, not 0)" />}
            {spans.length > 0 && <Swatch colour="#ced4da" kind="area" label="Deload" />}
          </>
        }
      >
        <div className="load-chart-box" style={{ height: 230 }}>
          <ResponsiveContainer width="100%" height="100%">
            <ComposedChart data={rows} syncId="athlete-load" margin={MARGIN} barCategoryGap="18%">
              {shared(true)}
              {xAxis(false)}
              {/* A second, hidden axis on the same days: the planned outline sits over the logged bar instead of beside it. */}
              <XAxis dataKey="date" xAxisId="planned" hide />
              <YAxis tick={AXIS} width={Y_WIDTH} tickFormatter={(v: number) => v.toLocaleString('en-US')} label={{ value: 'AU', angle: -90, position: 'insideLeft', fontSize: 11, offset: 12 }} />
              <Tooltip content={(p) => <DayTooltip {...p} lines={dailyLines} />} />
              <Bar dataKey="actual" name="Logged" fill={LOAD_COLOURS.actual} isAnimationActive={false} />
              <Bar dataKey="planned" name="Planned" xAxisId="planned" fill="none" stroke={LOAD_COLOURS.planned} strokeWidth={1} isAnimationActive={false} />
              <Scatter dataKey="notLogged" name="Not logged" fill={LOAD_COLOURS.notLogged} shape="cross" isAnimationActive={false} />
              <Line dataKey="chronic" name="Chronic load" stroke={LOAD_COLOURS.chronic} strokeWidth={2} strokeDasharray="6 3" dot={false} connectNulls={false} isAnimationActive={false} />
              <Line dataKey="acute" name="Acute load" stroke={LOAD_COLOURS.acute} strokeWidth={2} dot={false} connectNulls={false} isAnimationActive={false} />
            </ComposedChart>
          </ResponsiveContainer>
        </div>
      </Panel>

      <Panel
        testId="panel-weekly"
        title="Weekly load and its change on the week before"
        legend={
          <>
            <Swatch colour={LOAD_COLOURS.actual} kind="bar" label="Logged in the week" />
            <Swatch colour={LOAD_COLOURS.planned} kind="dashed" label="Planned for the week" />
            <Text size="xs" c="dimmed">
              Labels: change on the week before (weeks that are over and fully known); "so far" for this week.
            </Text>
          </>
        }
      >
        <div className="load-chart-box" style={{ height: 140 }}>
          <ResponsiveContainer width="100%" height="100%">
            <ComposedChart data={rows} syncId="athlete-load" margin={{ ...MARGIN, top: 16 }} barCategoryGap={0}>
              {shared(false)}
              {xAxis(false)}
              <YAxis tick={AXIS} width={Y_WIDTH} tickFormatter={(v: number) => v.toLocaleString('en-US')} />
              <Tooltip content={(p) => <DayTooltip {...p} lines={weeklyLines} />} />
              <Bar dataKey="weekLoad" name="Weekly load" fill={LOAD_COLOURS.actual} fillOpacity={0.75} isAnimationActive={false}>
                <LabelList
                  dataKey="weekLabel"
                  content={(p) =>
                    p.value ? (
                      <text x={Number(p.x) + Number(p.width) / 2} y={Number(p.y) + 13} textAnchor="middle" fontSize={rows.length > 120 ? 9 : 11} fontWeight={600} fill="#212529">
                        {String(p.value)}
                      </text>
                    ) : null
                  }
                />
              </Bar>
              <Line dataKey="weekPlanned" name="Planned for the week" type="stepAfter" stroke={LOAD_COLOURS.planned} strokeWidth={1.5} strokeDasharray="4 3" dot={false} isAnimationActive={false} />
            </ComposedChart>
          </ResponsiveContainer>
        </div>
      </Panel>

      <Panel
        testId="panel-ratio"
        title={
          <>
            Acute:chronic ratio <span className="load-method-label">{series.acwrMethodLabel}</span>
          </>
        }
        controls={
          <Group gap="md" wrap="wrap">
            <SegmentedControl
              size="xs"
              aria-label="Ratio method"
              value={method ?? series.acwrMethod}
              onChange={(v) => setMethod(v as AcwrMethod)}
              data={ACWR_METHODS.map((m) => ({ value: m, label: METHOD_SHORT[m] }))}
            />
            <Switch size="xs" label="Show the commonly quoted bands" checked={bands} onChange={(e) => setBands(e.currentTarget.checked)} />
          </Group>
        }
        legend={
          <>
            <Swatch colour={LOAD_COLOURS.ratio} kind="line" label={`Ratio (${METHOD_SHORT[series.acwrMethod]})`} />
            {rows.some((r) => r.acwrWarmingUp !== null) && <Swatch colour={LOAD_COLOURS.warmingUp} kind="dashed" label="Warming up (under 28 days of data)" />}
            {bands && (
              <Text size="xs" data-testid="ratio-bands-legend">
                Grey band: {load.acwrBands.low}–{load.acwrBands.high}, the commonly quoted usual range; dotted line at {load.acwrBands.veryHigh}: load rising well above usual (Gabbett
                2016; observational, not a prediction for one athlete).
              </Text>
            )}
          </>
        }
      >
        <div className="load-chart-box" style={{ height: 160 }}>
          <ResponsiveContainer width="100%" height="100%">
            <ComposedChart data={rows} syncId="athlete-load" margin={MARGIN}>
              {shared(false)}
              {bands && (
                <ReferenceArea y1={load.acwrBands.low} y2={load.acwrBands.high} fill="#adb5bd" fillOpacity={0.3} ifOverflow="extendDomain" className="ratio-band" />
              )}
              {bands && <ReferenceLine y={load.acwrBands.veryHigh} stroke="#495057" strokeDasharray="1 3" className="ratio-band-line" />}
              {xAxis(false)}
              <YAxis tick={AXIS} width={Y_WIDTH} domain={[0, Math.ceil(ratioMax * 2) / 2]} tickFormatter={(v: number) => v.toFixed(1)} />
              <Tooltip
                content={(p) => (
                  <DayTooltip
                    {...p}
                    lines={(row) => {
                      const value = row.acwr ?? row.acwrWarmingUp;
                      if (row.status === 'future') return ['Still to come'];
                      if (row.status === 'open') return ['Today is not logged yet'];
                      if (value !== null) return [`Ratio: ${value.toFixed(2)}${row.acwr === null ? ' (warming up)' : ''}`];
                      return [`No ratio: ${row.acwrUnavailable ? RATIO_GAP_WORDS[row.acwrUnavailable] : 'before the first day of data'}`];
                    }}
                  />
                )}
              />
              <Line dataKey="acwrWarmingUp" name="Ratio, warming up" stroke={LOAD_COLOURS.warmingUp} strokeWidth={1.5} strokeDasharray="4 3" dot={false} connectNulls={false} isAnimationActive={false} />
              <Line dataKey="acwr" name="Ratio" stroke={LOAD_COLOURS.ratio} strokeWidth={2} dot={false} connectNulls={false} isAnimationActive={false} />
            </ComposedChart>
          </ResponsiveContainer>
        </div>
        <Stack gap={0} mt={4} data-testid="ratio-notes">
          <Text size="xs" c="dimmed">
            A secondary number: the acute and chronic lines above tell the same story without a ratio. Above 1 means the last week&apos;s load is rising faster than usual for
            this athlete; it is not a prediction of injury, and the method changes the number (see &quot;How these numbers are made&quot; below).
          </Text>
          {notes.map((n) => (
            <Text size="xs" c="dimmed" key={n}>
              {n}
            </Text>
          ))}
        </Stack>
      </Panel>

      <Panel
        testId="panel-wellness"
        title="Wellness (5 items, 5-25, higher is better) against the athlete's own baseline"
        legend={
          anyWellness ? (
            <>
              <Swatch colour={LOAD_COLOURS.wellness} kind="line" label="Total" />
              {anyBaseline ? (
                <Swatch colour={LOAD_COLOURS.baseline} kind="dashed" label="Own baseline (mean of the 28 days before)" />
              ) : (
                <Text size="xs" c="dimmed">
                  No own baseline yet: it needs 14 complete checks in 28 days.
                </Text>
              )}
              <Swatch colour={LOAD_COLOURS.flagged} kind="dot" label="Flagged day" />
              <Swatch colour={LOAD_COLOURS.hamstring} kind="dot" label="Hamstring tightness reported" />
            </>
          ) : (
            <Text size="xs" c="dimmed">
              No wellness checks in these weeks.
            </Text>
          )
        }
      >
        <div className="load-chart-box" style={{ height: 140 }}>
          <ResponsiveContainer width="100%" height="100%">
            <ComposedChart data={rows} syncId="athlete-load" margin={MARGIN}>
              {shared(false)}
              {xAxis(false)}
              <YAxis tick={AXIS} width={Y_WIDTH} domain={[5, 25]} ticks={[5, 10, 15, 20, 25]} />
              <Tooltip content={(p) => <DayTooltip {...p} lines={wellnessLines} />} />
              <Line dataKey="baseline" name="Own baseline" stroke={LOAD_COLOURS.baseline} strokeWidth={1.5} strokeDasharray="5 3" dot={false} connectNulls isAnimationActive={false} />
              <Line dataKey="wellness" name="Wellness total" stroke={LOAD_COLOURS.wellness} strokeWidth={1.5} dot={{ r: 2.5 }} connectNulls isAnimationActive={false} />
              <Scatter dataKey="wellnessFlagged" name="Flagged" fill={LOAD_COLOURS.flagged} shape="triangle" isAnimationActive={false} />
              <Scatter dataKey="hamstring" name="Hamstring tightness" fill={LOAD_COLOURS.hamstring} shape="diamond" isAnimationActive={false} />
            </ComposedChart>
          </ResponsiveContainer>
        </div>
      </Panel>

      <Accordion variant="contained" chevronPosition="left" data-testid="load-caveats">
        <Accordion.Item value="how">
          <Accordion.Control>
            <Text size="sm" fw={600}>
              How these numbers are made, and what they cannot tell you
            </Text>
          </Accordion.Control>
          <Accordion.Panel>
            <Stack gap="xs">
              <Text size="sm">{load.presentationNote}</Text>
              <Title order={6}>About the acute:chronic ratio ({series.acwrMethodLabel})</Title>
              <List size="sm" spacing={2}>
                {load.acwrCaveats.map((c) => (
                  <List.Item key={c.title}>
                    <b>{c.title}.</b> {c.text}
                  </List.Item>
                ))}
              </List>
              <Title order={6}>Wellness</Title>
              <Text size="sm">{load.wellnessCaveat}</Text>
              <Title order={6}>Monotony</Title>
              <Text size="sm">
                {load.monotonyCaveat} This athlete&apos;s monotony uses the {series.monotonySd} standard deviation.
              </Text>
              <Title order={6}>Conventions</Title>
              <List size="sm" spacing={2}>
                {load.conventions.map((c) => (
                  <List.Item key={c}>{c}</List.Item>
                ))}
              </List>
            </Stack>
          </Accordion.Panel>
        </Accordion.Item>
      </Accordion>
      <Text size="xs" c="dimmed">
        {formatDateLong(load.from)} to {formatDateLong(load.to)} ({daysBetween(load.from, load.to) + 1} days). Days after today show the planned load only.
      </Text>
    </Stack>
  );
}

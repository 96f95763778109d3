/**
 * Re-test charts (recharts): an athlete's trend with the noise drawn on it, the squad's change
 * per athlete coloured by verdict (with the verdict's symbol on each bar, so it reads without
 * colour), left against right per athlete, and the squad's mean over the sessions.
 */
import { Group, Stack, Text } from '@mantine/core';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  ErrorBar,
  LabelList,
  Legend,
  Line,
  LineChart,
  ReferenceArea,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatNumber, formatSigned, type TestDefinition } from '@shared/domain/retests';
import type { AsymmetryView, ChangeView, SquadTrendPoint, TrendColumn } from '@shared/retests/compare';
import { CLASSIFICATION_LABELS } from '@shared/retests/words';
import type { ChangeClassification } from '@shared/science';
import { VERDICT_FILL, VERDICT_SYMBOL } from './verdict';

const AXIS = { fontSize: 12 };

export function VerdictLegend() {
  return (
    <Group gap="md" wrap="wrap">
      {(Object.keys(CLASSIFICATION_LABELS) as ChangeClassification[]).map((c) => (
        <Group key={c} gap={6} wrap="nowrap">
          <span className="legend-swatch" style={{ background: VERDICT_FILL[c] }} />
          <Text size="xs">
            {VERDICT_SYMBOL[c]} {CLASSIFICATION_LABELS[c]}
          </Text>
        </Group>
      ))}
      <Group gap={6} wrap="nowrap">
        <span className="legend-swatch" style={{ background: VERDICT_FILL.none }} />
        <Text size="xs">No verdict</Text>
      </Group>
    </Group>
  );
}

export interface ChangeBarDatum {
  name: string;
  view: ChangeView;
}

/** The squad's improvement % per athlete for one test, best first. */
export function ChangeBars({ data, test, title }: { data: ChangeBarDatum[]; test: TestDefinition; title: string }) {
  const rows = data
    .filter((d) => d.view.improvementPercent !== null)
    .map((d) => ({
      name: d.name,
      value: d.view.improvementPercent as number,
      verdict: d.view.classification,
      label: `${formatSigned(d.view.improvementPercent as number, 1)}% ${d.view.classification ? VERDICT_SYMBOL[d.view.classification] : ''}`,
      change: formatSigned(d.view.change, test.decimals, test.unit),
    }))
    .sort((a, b) => b.value - a.value);
  if (rows.length === 0) return <Text c="dimmed" size="sm">No athlete has two scores to compare for {test.name}.</Text>;
  const height = Math.max(160, rows.length * 22 + 60);
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600}>
        {title}
      </Text>
      <div style={{ maxHeight: 560, overflowY: 'auto' }} data-testid="change-bars">
        <ResponsiveContainer width="100%" height={height}>
          <BarChart data={rows} layout="vertical" margin={{ left: 8, right: 70, top: 4, bottom: 4 }}>
            <CartesianGrid horizontal={false} strokeDasharray="3 3" />
            <XAxis type="number" tick={AXIS} unit="%" />
            <YAxis type="category" dataKey="name" width={150} tick={AXIS} interval={0} />
            <ReferenceLine x={0} stroke="#495057" />
            <Tooltip
              formatter={(value, _name, item) => {
                const p = item.payload as (typeof rows)[number];
                return [`${formatSigned(Number(value), 1)}% (${p.change}): ${p.verdict ? CLASSIFICATION_LABELS[p.verdict] : 'no verdict'}`, 'Improvement'];
              }}
            />
            <Bar dataKey="value" isAnimationActive={false}>
              {rows.map((r) => (
                <Cell key={r.name} fill={VERDICT_FILL[r.verdict ?? 'none']} />
              ))}
              <LabelList dataKey="label" position="right" style={{ fontSize: 11, fill: '#212529' }} />
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </div>
      <Text size="xs" c="dimmed">
        Improvement %: positive is better for every test (a faster time counts as positive). The symbol on each bar is the verdict.
      </Text>
    </Stack>
  );
}

/** Left against right per athlete, with the asymmetry and its flag written beside the bars. */
export function BalanceChart({ data, test }: { data: { name: string; view: AsymmetryView }[]; test: TestDefinition }) {
  if (data.length === 0) return <Text c="dimmed" size="sm">No athlete has both legs scored for {test.name}.</Text>;
  const rows = data.map((d) => ({
    name: d.name,
    left: d.view.left,
    right: d.view.right,
    label: `${d.view.percent.toFixed(0)}%${d.view.betterSide ? ` ${d.view.betterSide === 'left' ? 'L' : 'R'} better` : ''}${d.view.flagged ? ' \u2691' : ''}`,
  }));
  const height = Math.max(160, rows.length * 30 + 70);
  return (
    <div style={{ maxHeight: 560, overflowY: 'auto' }} data-testid="balance-chart">
      <ResponsiveContainer width="100%" height={height}>
        <BarChart data={rows} layout="vertical" margin={{ left: 8, right: 110, top: 4, bottom: 4 }} barGap={1}>
          <CartesianGrid horizontal={false} strokeDasharray="3 3" />
          <XAxis type="number" tick={AXIS} unit={` ${test.unit}`} />
          <YAxis type="category" dataKey="name" width={150} tick={AXIS} interval={0} />
          <Tooltip formatter={(value, name) => [`${formatNumber(Number(value), test.decimals)} ${test.unit}`, name]} />
          <Legend verticalAlign="top" height={24} />
          <Bar dataKey="left" name="Left" fill="#1c7ed6" isAnimationActive={false} />
          <Bar dataKey="right" name="Right" fill="#adb5bd" stroke="#495057" isAnimationActive={false}>
            <LabelList dataKey="label" position="right" style={{ fontSize: 11, fill: '#212529' }} />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

/** The squad's mean score per session for one column. */
export function SquadTrendChart({ points, test }: { points: SquadTrendPoint[]; test: TestDefinition }) {
  if (points.length < 2) return <Text c="dimmed" size="sm">The squad trend needs two sessions with {test.name}.</Text>;
  const rows = points.map((p) => ({ name: `${p.label} (${p.date})`, short: p.date, mean: p.mean, n: p.n }));
  return (
    <ResponsiveContainer width="100%" height={240}>
      <LineChart data={rows} margin={{ left: 8, right: 24, top: 8, bottom: 4 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="short" tick={AXIS} />
        <YAxis tick={AXIS} domain={['auto', 'auto']} reversed={!test.higherIsBetter} tickFormatter={(v: number) => `${formatNumber(v, test.decimals)} ${test.unit}`} width={70} />
        <Tooltip formatter={(value, _n, item) => [`${formatNumber(Number(value), test.decimals)} ${test.unit} (n ${(item.payload as (typeof rows)[number]).n})`, 'Squad mean']} labelFormatter={(_l, p) => (p[0]?.payload as (typeof rows)[number] | undefined)?.name ?? ''} />
        <Line dataKey="mean" name="Squad mean" stroke="#0b7285" strokeWidth={2} dot isAnimationActive={false} />
      </LineChart>
    </ResponsiveContainer>
  );
}

/**
 * One athlete's scores over the sessions. The shaded band is the baseline ± the smallest
 * worthwhile change (a change inside it does not matter); each point's bar is ± the typical
 * error (the test's noise). For times the axis is turned over, so up is always better.
 */
export function AthleteTrendChart({ column, test }: { column: TrendColumn; test: TestDefinition }) {
  const te = column.noise.typicalError.value;
  const swc = column.noise.swc.value;
  const rows = column.points
    .filter((p) => p.score !== null)
    .map((p) => ({ name: `${p.label} (${p.date})`, short: p.date, score: p.score as number, noise: te ?? 0 }));
  if (rows.length === 0) return <Text c="dimmed" size="sm">No scores yet.</Text>;
  const base = column.baseline;
  return (
    <Stack gap={2}>
      <ResponsiveContainer width="100%" height={220}>
        <LineChart data={rows} margin={{ left: 8, right: 24, top: 8, bottom: 4 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="short" tick={AXIS} />
          <YAxis tick={AXIS} domain={['auto', 'auto']} reversed={!test.higherIsBetter} tickFormatter={(v: number) => `${formatNumber(v, test.decimals)} ${test.unit}`} width={70} />
          {base && swc !== null && (
            <ReferenceArea y1={base.score - swc} y2={base.score + swc} fill="#adb5bd" fillOpacity={0.35} stroke="#868e96" strokeDasharray="4 3" ifOverflow="extendDomain" />
          )}
          {base && <ReferenceLine y={base.score} stroke="#495057" strokeDasharray="2 2" />}
          <Tooltip formatter={(value) => [`${formatNumber(Number(value), test.decimals)} ${test.unit}`, column.label]} labelFormatter={(_l, p) => (p[0]?.payload as (typeof rows)[number] | undefined)?.name ?? ''} />
          <Line dataKey="score" name={column.label} stroke="#0b7285" strokeWidth={2} dot={{ r: 4 }} isAnimationActive={false}>
            {te !== null && <ErrorBar dataKey="noise" width={6} stroke="#0b7285" direction="y" isAnimationActive={false} />}
          </Line>
        </LineChart>
      </ResponsiveContainer>
      <Text size="xs" c="dimmed">
        {base && swc !== null
          ? `Grey band: ${base.label} (${formatNumber(base.score, test.decimals)} ${test.unit}) ± the smallest worthwhile change (${swc.toFixed(test.decimals + 1)} ${test.unit}). `
          : 'No band: needs a baseline and a smallest worthwhile change. '}
        {te !== null ? `Bars: ± the typical error (${te.toFixed(test.decimals + 1)} ${test.unit}), the test's own noise.` : 'No typical error set for this test.'}
        {!test.higherIsBetter && ' Times: the axis is turned over, so higher on the chart is faster.'}
      </Text>
    </Stack>
  );
}

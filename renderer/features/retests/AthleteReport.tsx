/**
 * A one-page report for an athlete or a parent: the latest results against last time and the
 * baseline, each in plain words, and how to read them. Printed with the browser's or the
 * system's print (A4 or Letter, black and white friendly).
 */
import { Alert, Button, Group, Select, Stack, Text } from '@mantine/core';
import { IconArrowLeft, IconPrinter } from '@tabler/icons-react';
import { Link, useParams, useSearchParams } from 'react-router';
import { formatDateLong } from '@shared/dates';
import { athleteFullName } from '@shared/domain/roster';
import { formatNumber, MARK_LABELS, type TestDefinition } from '@shared/domain/retests';
import type { TrendPoint } from '@shared/retests/compare';
import { CLASSIFICATION_PLAIN, changeText } from '@shared/retests/words';
import { useApiQuery } from '@renderer/api/hooks';
import { VERDICT_SYMBOL } from './verdict';

function meaning(point: TrendPoint): string {
  const view = point.vsPrevious ?? point.vsBaseline;
  if (point.status !== 'ok') return MARK_LABELS[point.status];
  if (!view) return 'First result: the starting point.';
  if (!view.classification) return view.noVerdictReason ?? '';
  const plain = CLASSIFICATION_PLAIN[view.classification];
  return `${VERDICT_SYMBOL[view.classification]} ${plain.charAt(0).toUpperCase()}${plain.slice(1)}.`;
}

export function AthleteReport() {
  const { athleteId } = useParams();
  const [params, setParams] = useSearchParams();
  const trendQuery = useApiQuery('retests.athleteTrend', { athleteId: Number(athleteId) });
  const settingsQuery = useApiQuery('settings.get', {});
  const groupsQuery = useApiQuery('groups.list', {});
  const retestSettings = useApiQuery('retests.settings', {});
  const flagPercent = retestSettings.data?.asymmetryFlagPercent ?? 10;
  if (trendQuery.isError) return <Alert color="red">{trendQuery.error.message}</Alert>;
  const trend = trendQuery.data;
  if (!trend) return null;
  const tests = new Map(trend.tests.map((t) => [t.id, t]));
  const sessions = [...new Map(trend.columns.flatMap((c) => c.points).map((p) => [p.sessionId, p])).values()].sort((a, b) => (a.date < b.date ? 1 : -1));
  const chosen = sessions.find((s) => String(s.sessionId) === params.get('session')) ?? sessions[0];
  const group = groupsQuery.data?.find((g) => g.id === trend.athlete.groupId)?.name;

  const rows = trend.columns.flatMap((column) => {
    const at = column.points.findIndex((p) => p.sessionId === chosen?.sessionId);
    const point = column.points[at];
    if (!point) return [];
    const previous = column.points.slice(0, at).reverse().find((p) => p.score !== null);
    return [{ column, point, previous, test: tests.get(column.testId) as TestDefinition }];
  });
  const asymmetry = Object.entries(trend.asymmetry).flatMap(([testId, series]) => {
    const s = series.find((x) => x.sessionId === chosen?.sessionId);
    return s ? [{ test: tests.get(Number(testId)) as TestDefinition, view: s.view }] : [];
  });
  const baselineLabel = rows.find((r) => r.column.baseline)?.column.baseline;

  return (
    <Stack gap="sm" className="print-page">
      <Group justify="space-between" className="no-print">
        <Button variant="subtle" leftSection={<IconArrowLeft size={18} />} component={Link} to={`/retests/athlete/${trend.athlete.id}`}>
          Back
        </Button>
        <Group gap="xs">
          <Select
            aria-label="Session"
            w={320}
            value={chosen ? String(chosen.sessionId) : null}
            onChange={(v) => v && setParams({ session: v }, { replace: true })}
            data={sessions.map((s) => ({ value: String(s.sessionId), label: `${s.label} (${s.date})` }))}
            allowDeselect={false}
          />
          <Button leftSection={<IconPrinter size={18} />} onClick={() => window.print()}>
            Print
          </Button>
        </Group>
      </Group>
      <article className="report" aria-label="Athlete report">
        <p className="report-kicker">{settingsQuery.data?.squadName ?? ''} · test results</p>
        <h1>{athleteFullName(trend.athlete)}</h1>
        {chosen ? (
          <p>
            {group ? `${group} · ` : ''}
            <b>{chosen.label}</b>, {formatDateLong(chosen.date)}
            {baselineLabel ? `. Compared with the last test and with the start of the season (${baselineLabel.label}, ${formatDateLong(baselineLabel.date)}).` : '.'}
          </p>
        ) : (
          <p>No results yet.</p>
        )}
        <table className="report-table report-athlete">
          <colgroup>
            <col style={{ width: '21%' }} />
            <col style={{ width: '10%' }} />
            <col style={{ width: '10%' }} />
            <col style={{ width: '15%' }} />
            <col style={{ width: '15%' }} />
            <col style={{ width: '29%' }} />
          </colgroup>
          <thead>
            <tr>
              <th>Test</th>
              <th>Result</th>
              <th>Last time</th>
              <th>Change since last time</th>
              <th>Since the start</th>
              <th>What it means</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ column, point, previous, test }) => (
              <tr key={column.key}>
                <td>
                  {test.name}
                  {column.side !== 'none' ? ` (${column.side} leg)` : ''}
                  <div className="report-small">{test.higherIsBetter ? 'higher is better' : 'lower (faster) is better'}</div>
                </td>
                <td className="num">{point.score === null ? MARK_LABELS[point.status as 'absent' | 'injured'] : `${formatNumber(point.score, test.decimals)} ${test.unit}`}</td>
                <td className="num">{previous?.score != null ? `${formatNumber(previous.score, test.decimals)} ${test.unit}` : '—'}</td>
                <td>{point.vsPrevious ? changeText(test, point.vsPrevious) : '—'}</td>
                <td>{point.vsBaseline ? changeText(test, point.vsBaseline) : '—'}</td>
                <td>{meaning(point)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {asymmetry.map(({ test, view }) => (
          <p key={test.id}>
            <b>{test.name}, left and right:</b> left {formatNumber(view.left, test.decimals)} {test.unit}, right {formatNumber(view.right, test.decimals)} {test.unit}.{' '}
            {view.betterSide
              ? `The ${view.betterSide === 'left' ? 'right' : 'left'} leg is ${view.percent.toFixed(0)}% behind the ${view.betterSide} leg.`
              : 'Both legs are the same.'}{' '}
            {view.flagged
              ? `That is more than the usual ${flagPercent}% rule of thumb and more than the test varies by itself, so it is worth some extra single-leg work. It is a coaching rule of thumb, not a medical finding.`
              : 'That is within what we expect.'}
          </p>
        ))}
        <div className="report-box">
          <b>How to read this.</b> Every test goes up and down a little from one day to the next, even when nothing has changed: sleep, warm-up and the timing
          all play a part. We only call a change <i>real</i> when it is bigger than those everyday ups and downs <i>and</i> bigger than the smallest change
          that matters for this squad (a fifth of how much the squad differs from one athlete to the next).
          &quot;Too close to call&quot; does not mean no progress: it means the test cannot tell yet, and the next test will show more. Jumps are measured in
          centimetres, sprints in seconds (a lower time is better), balance in seconds held on one leg with eyes closed.
        </div>
        <p className="report-small">
          ▲ real improvement · ▼ real drop · = about the same · ? too close to call. Printed from Backchain. Questions? Ask your coach.
        </p>
      </article>
      {rows.length === 0 && chosen && <Text c="dimmed">No results in this session.</Text>}
    </Stack>
  );
}

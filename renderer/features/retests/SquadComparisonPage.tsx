/**
 * The squad comparison: every athlete × test for a session against an earlier one (and the
 * baseline), each change with its verdict in words, counts of clear improvements and declines
 * per test, ranks and z-scores in the squad and the group, left/right asymmetry; sortable and
 * filterable by group; charts; CSV/XLSX exports and a printable squad report.
 */
import { Alert, Anchor, Button, Group, Paper, SegmentedControl, Select, SimpleGrid, Stack, Table, Text, Title, Tooltip, UnstyledButton } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowDown, IconArrowUp, IconFileSpreadsheet, IconFileTypeCsv, IconFlag, IconPrinter, IconSelector } from '@tabler/icons-react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useMemo, useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { formatNumber, formatSigned, MARK_LABELS, type TestDefinition } from '@shared/domain/retests';
import type { Group as SquadGroup } from '@shared/domain/roster';
import { ASYMMETRY_CAVEAT, CHANGE_UNCERTAINTY_CAVEAT, SWC_CAVEAT, Z_SCORE_CAVEAT } from '@shared/science';
import { countClassifications, type AthleteComparisonRow, type CellComparison, type ComparisonBasis, type ComparisonColumn, type SquadComparison } from '@shared/retests/compare';
import { CLASSIFICATION_HELP, CLASSIFICATION_LABELS } from '@shared/retests/words';
import type { ChangeClassification } from '@shared/science';
import { call } from '@renderer/api/client';
import { downloadPrepared } from '@renderer/api/files';
import { useApiQuery } from '@renderer/api/hooks';
import { groupFilterOptions, inGroup, plural, sessionOptionLabel, sortByGroupThenName } from './common';
import { BalanceChart, ChangeBars, SquadTrendChart, VerdictLegend } from './charts';
import { ChangeCell } from './verdict';

type Show = 'change' | 'standing';
type SortKey = { column: string; by: 'score' | 'change' } | null;

function numberParam(value: string | null): number | null | undefined {
  if (value === null) return undefined;
  if (value === 'none') return null;
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

function zText(z: number | null): string {
  return z === null ? '' : `z ${formatSigned(z, 2)}`;
}

export function SquadComparisonPage() {
  const [params, setParams] = useSearchParams();
  const sessionsQuery = useApiQuery('retests.listSessions', {});
  const groupsQuery = useApiQuery('groups.list', {});
  const comparable = useMemo(() => (sessionsQuery.data ?? []).filter((s) => s.kind !== 'reliability'), [sessionsQuery.data]);
  const sessionId = numberParam(params.get('session')) ?? comparable[0]?.id ?? null;
  const against = numberParam(params.get('against'));
  const baseline = numberParam(params.get('baseline'));
  const group = params.get('group') ?? 'all';
  const basis: ComparisonBasis = params.get('basis') === 'baseline' ? 'baseline' : 'against';
  const show: Show = params.get('show') === 'standing' ? 'standing' : 'change';

  const input = { sessionId: sessionId ?? 0, ...(against !== undefined ? { againstSessionId: against } : {}), ...(baseline !== undefined ? { baselineSessionId: baseline } : {}) };
  const comparisonQuery = useApiQuery('retests.compare', input, { enabled: sessionId !== null });

  function setParam(key: string, value: string | null) {
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value === null) next.delete(key);
        else next.set(key, value);
        if (key === 'session') {
          next.delete('against');
          next.delete('baseline');
        }
        return next;
      },
      { replace: true },
    );
  }

  if (sessionsQuery.isError) return <Alert color="red">{sessionsQuery.error.message}</Alert>;
  if (sessionsQuery.isPending || groupsQuery.isPending) return null;
  if (comparable.length === 0) {
    return (
      <Paper withBorder p="xl" maw={640} mx="auto" mt="md">
        <Title order={3}>Nothing to compare yet</Title>
        <Text mt="xs">
          A comparison needs a baseline or a re-test with results. <Anchor component={Link} to="/retests">Add a test session</Anchor> and enter the squad&apos;s results.
        </Text>
      </Paper>
    );
  }

  const sessionData = comparable.map((s) => ({ value: String(s.id), label: sessionOptionLabel(s) }));
  const comparison = comparisonQuery.data;
  const groups = groupsQuery.data ?? [];

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end" className="no-print">
        <Title order={2}>Squad comparison</Title>
        {comparison && <ExportButtons comparison={comparison} group={group} against={against} baseline={baseline} />}
      </Group>
      <SimpleGrid cols={{ base: 2, lg: 4 }} spacing="sm" className="no-print">
        <Select label="Session" value={sessionId === null ? null : String(sessionId)} onChange={(v) => setParam('session', v)} data={sessionData} allowDeselect={false} searchable />
        <Select
          label="Compared with"
          value={comparison ? (comparison.against ? String(comparison.against.id) : 'none') : null}
          onChange={(v) => setParam('against', v)}
          data={[{ value: 'none', label: 'Nothing (values only)' }, ...sessionData.filter((s) => s.value !== String(sessionId))]}
          allowDeselect={false}
        />
        <Select
          label="Baseline"
          value={comparison ? (comparison.baseline ? String(comparison.baseline.id) : 'none') : null}
          onChange={(v) => setParam('baseline', v)}
          data={[{ value: 'none', label: 'No baseline' }, ...comparable.filter((s) => s.kind === 'baseline' && s.id !== sessionId).map((s) => ({ value: String(s.id), label: sessionOptionLabel(s) }))]}
          allowDeselect={false}
        />
        <Select
          label="Group"
          value={group}
          onChange={(v) => setParam('group', v === 'all' ? null : v)}
          data={groupFilterOptions(groups, 'Whole squad')}
          allowDeselect={false}
        />
      </SimpleGrid>
      {comparisonQuery.isError && <Alert color="red">{comparisonQuery.error.message}</Alert>}
      {comparison && (
        <ComparisonBody
          comparison={comparison}
          group={group}
          basis={basis}
          show={show}
          groupsById={new Map(groups.map((g) => [g.id, g.name]))}
          groupOrder={groups}
          setBasis={(b) => setParam('basis', b === 'against' ? null : b)}
          setShow={(s) => setParam('show', s === 'change' ? null : s)}
        />
      )}
    </Stack>
  );
}

function ExportButtons({ comparison, group, against, baseline }: { comparison: SquadComparison; group: string; against: number | null | undefined; baseline: number | null | undefined }) {
  const navigate = useNavigate();
  const [busy, setBusy] = useState<string | null>(null);
  async function exportAs(format: 'csv' | 'xlsx') {
    setBusy(format);
    try {
      const saved = await call('retests.exportComparison', {
        sessionId: comparison.session.id,
        againstSessionId: comparison.against?.id ?? null,
        baselineSessionId: comparison.baseline?.id ?? null,
        group: group === 'all' || group === 'none' ? group : Number(group),
        format,
      });
      if (saved.outcome === 'canceled') return;
      if (saved.outcome === 'download') await downloadPrepared(saved.downloadId, saved.fileName);
      notifications.show({ color: 'teal', message: `Saved ${saved.outcome === 'download' ? saved.fileName : saved.path}` });
    } catch (e) {
      notifications.show({ color: 'red', title: 'Not exported', message: (e as Error).message });
    } finally {
      setBusy(null);
    }
  }
  const printParams = new URLSearchParams({ session: String(comparison.session.id) });
  if (against !== undefined) printParams.set('against', against === null ? 'none' : String(against));
  if (baseline !== undefined) printParams.set('baseline', baseline === null ? 'none' : String(baseline));
  if (group !== 'all') printParams.set('group', group);
  return (
    <Group gap="xs">
      <Button variant="default" size="sm" leftSection={<IconFileTypeCsv size={18} />} loading={busy === 'csv'} onClick={() => void exportAs('csv')}>
        CSV
      </Button>
      <Button variant="default" size="sm" leftSection={<IconFileSpreadsheet size={18} />} loading={busy === 'xlsx'} onClick={() => void exportAs('xlsx')}>
        XLSX
      </Button>
      <Button variant="default" size="sm" leftSection={<IconPrinter size={18} />} onClick={() => void navigate(`/retests/print/squad?${printParams.toString()}`)}>
        Squad report
      </Button>
    </Group>
  );
}

function cellView(cell: CellComparison | undefined, basis: ComparisonBasis) {
  if (!cell) return null;
  return basis === 'against' ? cell.vsAgainst : cell.vsBaseline;
}

function ComparisonBody(props: {
  comparison: SquadComparison;
  group: string;
  basis: ComparisonBasis;
  show: Show;
  groupsById: Map<number, string>;
  groupOrder: SquadGroup[];
  setBasis: (b: ComparisonBasis) => void;
  setShow: (s: Show) => void;
}) {
  const { comparison, group, basis, show, groupsById, groupOrder, setBasis, setShow } = props;
  const [sort, setSort] = useState<SortKey>(null);
  const tests = useMemo(() => new Map(comparison.tests.map((t) => [t.id, t])), [comparison.tests]);

  const rows = useMemo(() => {
    const filtered = comparison.rows.filter((r) => inGroup(r.athlete.groupId, group));
    const ordered = sortByGroupThenName(
      filtered.map((r) => ({ ...r.athlete, row: r })),
      groupOrder,
    ).map((x) => x.row);
    if (!sort) return ordered;
    const column = comparison.columns.find((c) => c.key === sort.column);
    const test = column ? tests.get(column.testId) : undefined;
    if (!column || !test) return ordered;
    const value = (r: AthleteComparisonRow): number | null => {
      const cell = r.cells[column.key];
      if (sort.by === 'score') return cell?.score === null || cell?.score === undefined ? null : test.higherIsBetter ? cell.score : -cell.score;
      return cellView(cell, basis)?.improvementPercent ?? null;
    };
    return [...ordered].sort((a, b) => {
      const va = value(a);
      const vb = value(b);
      if (va === null && vb === null) return 0;
      if (va === null) return 1;
      if (vb === null) return -1;
      return vb - va;
    });
  }, [comparison, group, groupOrder, sort, tests, basis]);

  const compareLabel = basis === 'against' ? comparison.against : comparison.baseline;
  // 300 athletes x 8 tests is thousands of cells: only the rows in view (and a few more) are drawn.
  const scrollRef = useRef<HTMLDivElement>(null);
  // The app does not use the React Compiler; the virtualizer's functions are read fresh each render.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scrollRef.current, estimateSize: () => 72, overscan: 8 });
  const virtualRows = virtualizer.getVirtualItems();
  const padTop = virtualRows[0]?.start ?? 0;
  const padBottom = virtualizer.getTotalSize() - (virtualRows.at(-1)?.end ?? 0);
  const columnCount = 1 + comparison.columns.length + comparison.tests.filter((t) => t.sided).length;

  return (
    <Stack gap="sm">
      <Group gap="md" wrap="wrap" className="no-print">
        <Group gap={6}>
          <Text size="sm" c="dimmed">
            Change against
          </Text>
          <SegmentedControl
            size="xs"
            value={basis}
            onChange={(v) => setBasis(v as ComparisonBasis)}
            data={[
              { value: 'against', label: comparison.against ? comparison.against.label : 'the earlier session', disabled: !comparison.against },
              { value: 'baseline', label: comparison.baseline ? comparison.baseline.label : 'the baseline', disabled: !comparison.baseline },
            ]}
          />
        </Group>
        <Group gap={6}>
          <Text size="sm" c="dimmed">
            Show
          </Text>
          <SegmentedControl
            size="xs"
            value={show}
            onChange={(v) => setShow(v as Show)}
            data={[
              { value: 'change', label: 'Change and verdict' },
              { value: 'standing', label: 'Rank and z-score' },
            ]}
          />
        </Group>
        <Text size="sm" c="dimmed">
          {plural(rows.length, 'athlete')} · click a test&apos;s heading to sort (best score, then biggest improvement)
        </Text>
      </Group>
      {!compareLabel && show === 'change' && <Alert color="blue">No earlier session to compare with: the table shows values only.</Alert>}

      <div className="comparison-wrap" ref={scrollRef}>
        <Table stickyHeader verticalSpacing={4} horizontalSpacing={8} className="tabular comparison-table" aria-label="Squad comparison" withColumnBorders>
          <Table.Thead>
            <Table.Tr>
              <Table.Th className="comparison-name">Athlete</Table.Th>
              {comparison.columns.map((c) => {
                const test = tests.get(c.testId) as TestDefinition;
                const counts = countClassifications(rows, c.key, basis);
                const active = sort?.column === c.key ? sort.by : null;
                return [
                  <Table.Th key={c.key} aria-sort={active ? 'descending' : 'none'} className="comparison-head">
                    <UnstyledButton
                      onClick={() => setSort(active === null ? { column: c.key, by: 'score' } : active === 'score' ? { column: c.key, by: 'change' } : null)}
                      aria-label={`Sort by ${c.label}`}
                    >
                      <Group gap={4} wrap="nowrap">
                        <Text size="sm" fw={700}>
                          {c.label}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {test.unit}
                        </Text>
                        {active === null ? <IconSelector size={14} /> : active === 'score' ? <IconArrowDown size={14} /> : <IconArrowUp size={14} />}
                      </Group>
                    </UnstyledButton>
                    {active && (
                      <Text size="xs" c="dimmed">
                        sorted by {active === 'score' ? 'score' : 'improvement'}
                      </Text>
                    )}
                    <Text size="xs" data-testid={`counts-${c.key}`}>
                      ▲ {plural(counts['clear improvement'], 'clear improvement')}
                      <br />▼ {plural(counts['clear decline'], 'clear decline')}
                    </Text>
                    <NoiseLine column={c} test={test} />
                  </Table.Th>,
                  ...(test.sided && c.side === 'right'
                    ? [
                        <Table.Th key={`asym-${c.testId}`} className="comparison-head">
                          <Text size="sm" fw={700}>
                            {test.shortName} L/R
                          </Text>
                          <Text size="xs" c="dimmed">
                            asymmetry, flag above {comparison.settings.asymmetryFlagPercent}%
                          </Text>
                        </Table.Th>,
                      ]
                    : []),
                ];
              })}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {padTop > 0 && (
              <tr aria-hidden style={{ height: padTop }}>
                <td colSpan={columnCount} />
              </tr>
            )}
            {virtualRows.map((v) => {
              const r = rows[v.index] as AthleteComparisonRow;
              return (
                <ComparisonRow
                  key={r.athlete.id}
                  index={v.index}
                  measure={virtualizer.measureElement}
                  row={r}
                  comparison={comparison}
                  tests={tests}
                  basis={basis}
                  show={show}
                  groupName={r.athlete.groupId === null ? 'No group' : (groupsById.get(r.athlete.groupId) ?? '')}
                />
              );
            })}
            {padBottom > 0 && (
              <tr aria-hidden style={{ height: padBottom }}>
                <td colSpan={columnCount} />
              </tr>
            )}
          </Table.Tbody>
        </Table>
      </div>

      <Paper withBorder p="md">
        <Stack gap="xs">
          <Title order={4}>What the verdicts mean</Title>
          {(Object.keys(CLASSIFICATION_LABELS) as ChangeClassification[]).map((c) => (
            <Text key={c} size="sm">
              <b>{CLASSIFICATION_LABELS[c]}</b>: {CLASSIFICATION_HELP[c]}
            </Text>
          ))}
          <Text size="xs" c="dimmed">
            {CHANGE_UNCERTAINTY_CAVEAT} {SWC_CAVEAT}
          </Text>
          <Text size="xs" c="dimmed">
            Asymmetry = (stronger − weaker)/stronger; the flag (above {comparison.settings.asymmetryFlagPercent}% and above the test&apos;s own CV) is a convention. {ASYMMETRY_CAVEAT}
          </Text>
          <Text size="xs" c="dimmed">
            z-scores: 0 is the squad (or group) average; for times they are turned over so positive is always better. {Z_SCORE_CAVEAT}
          </Text>
        </Stack>
      </Paper>

      <ComparisonCharts comparison={comparison} rows={rows} basis={basis} tests={tests} />
    </Stack>
  );
}

/** Above this many athletes the charts wait for the coach to ask: hundreds of bars take a moment to draw. */
const CHARTS_OPEN_UP_TO = 80;

/**
 * The squad's improvement per athlete, left against right, and the squad mean over time, for
 * one test. Memoised: changing what the table shows does not redraw hundreds of bars.
 */
const ComparisonCharts = memo(function ComparisonCharts(props: {
  comparison: SquadComparison;
  rows: AthleteComparisonRow[];
  basis: ComparisonBasis;
  tests: Map<number, TestDefinition>;
}) {
  const { comparison, rows, basis, tests } = props;
  const [chartKey, setChartKey] = useState<string | null>(null);
  const [opened, setOpened] = useState(false);
  const column = comparison.columns.find((c) => c.key === chartKey) ?? comparison.columns[0];
  const compareLabel = basis === 'against' ? comparison.against : comparison.baseline;
  const bars = useMemo(
    () =>
      column
        ? rows.flatMap((r) => {
            const view = cellView(r.cells[column.key], basis);
            return view ? [{ name: `${r.athlete.givenName} ${r.athlete.familyName}`, view }] : [];
          })
        : [],
    [rows, column, basis],
  );
  if (!column) return null;
  const test = tests.get(column.testId) as TestDefinition;
  const sidedTest = test.sided ? test : comparison.tests.find((t) => t.sided);
  const show = opened || rows.length <= CHARTS_OPEN_UP_TO;
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="sm">
        <Title order={4}>Charts</Title>
        {show ? (
          <Select aria-label="Chart test" value={column.key} onChange={(v) => setChartKey(v)} data={comparison.columns.map((c) => ({ value: c.key, label: c.label }))} allowDeselect={false} w={200} />
        ) : (
          <Button variant="light" onClick={() => setOpened(true)}>
            Show the charts for {plural(rows.length, 'athlete')}
          </Button>
        )}
      </Group>
      {show && (
        <Stack gap="lg">
          <ChangeBars test={test} title={`${column.label}: improvement % per athlete against ${compareLabel ? compareLabel.label : '\u2014'}`} data={bars} />
          <VerdictLegend />
          {sidedTest && (
            <Stack gap={4}>
              <Text size="sm" fw={600}>
                {sidedTest.name}: left and right per athlete ({comparison.session.label})
              </Text>
              <BalanceChart
                test={sidedTest}
                data={rows.flatMap((r) => {
                  const view = r.asymmetry[String(sidedTest.id)];
                  return view ? [{ name: `${r.athlete.givenName} ${r.athlete.familyName}`, view }] : [];
                })}
              />
              <Text size="xs" c="dimmed">
                Beside each athlete: the asymmetry relative to the stronger leg, which leg is better, and \u2691 when flagged.
              </Text>
            </Stack>
          )}
          <Stack gap={4}>
            <Text size="sm" fw={600}>
              {column.label}: squad mean over every session
            </Text>
            <SquadTrendChart test={test} points={comparison.squadTrend[column.key] ?? []} />
          </Stack>
        </Stack>
      )}
    </Paper>
  );
});

const ComparisonRow = memo(function ComparisonRow(props: {
  index: number;
  measure: (el: HTMLTableRowElement | null) => void;
  row: AthleteComparisonRow;
  comparison: SquadComparison;
  tests: Map<number, TestDefinition>;
  basis: ComparisonBasis;
  show: Show;
  groupName: string;
}) {
  const { index, measure, row: r, comparison, tests, basis, show, groupName } = props;
  const flagAt = comparison.settings.asymmetryFlagPercent;
  return (
    <tr ref={measure} data-index={index} data-testid={`comparison-row-${r.athlete.id}`}>
      <td className="comparison-name">
        <Anchor component={Link} to={`/retests/athlete/${r.athlete.id}`} size="sm" fw={500}>
          {r.athlete.familyName}, {r.athlete.givenName}
        </Anchor>
        <div className="cmp-small cmp-dim">
          {groupName}
          {r.athlete.archived ? ' · archived' : ''}
        </div>
      </td>
      {comparison.columns.map((c) => {
        const test = tests.get(c.testId) as TestDefinition;
        const asym = r.asymmetry[String(c.testId)];
        return [
          <td key={c.key}>
            <ComparisonCell cell={r.cells[c.key]} column={c} test={test} basis={basis} show={show} />
          </td>,
          ...(test.sided && c.side === 'right'
            ? [
                <td
                  key={`asym-${c.testId}`}
                  title={
                    asym
                      ? `${asym.exceedsThreshold ? 'Above' : 'Within'} the ${flagAt}% convention; ${asym.exceedsTestNoise === null ? 'no typical error to compare with' : asym.exceedsTestNoise ? 'larger than the test\u2019s own noise (CV)' : 'within the test\u2019s own noise (CV)'}.`
                      : undefined
                  }
                >
                  {asym && (
                    <>
                      <div>
                        {asym.percent.toFixed(1)}% {asym.flagged && <IconFlag size={13} aria-label="flagged" style={{ verticalAlign: 'middle' }} />}
                      </div>
                      <div className="cmp-small cmp-dim">
                        {asym.betterSide ? `${asym.betterSide} better` : 'equal'}
                        {asym.flagged ? ' · flagged' : ''}
                      </div>
                    </>
                  )}
                </td>,
              ]
            : []),
        ];
      })}
    </tr>
  );
});

function NoiseLine({ column, test }: { column: ComparisonColumn; test: TestDefinition }) {
  const te = column.noise.typicalError;
  const swc = column.noise.swc;
  const d = test.decimals + 1;
  return (
    <Tooltip label={`Typical error: ${te.note} Smallest worthwhile change: ${swc.note}`} multiline w={360}>
      <Text size="xs" c="dimmed">
        TE {te.value === null ? 'not set' : formatNumber(te.value, d)} ({te.source === 'reliability' ? `n ${te.n}` : te.source}) · SWC {swc.value === null ? '—' : formatNumber(swc.value, d)}
        {swc.n !== null && swc.source === 'baseline' ? ` (n ${swc.n})` : ''}
      </Text>
    </Tooltip>
  );
}

function ComparisonCell({ cell, column, test, basis, show }: { cell: CellComparison | undefined; column: ComparisonColumn; test: TestDefinition; basis: ComparisonBasis; show: Show }) {
  if (!cell || cell.status === 'missing') return <span className="cmp-dim">—</span>;
  if (cell.status !== 'ok') return <span className="cmp-dim cmp-mark">{MARK_LABELS[cell.status]}</span>;
  return (
    <>
      <div className="cmp-score">{formatNumber(cell.score as number, test.decimals)}</div>
      {show === 'change' ? (
        <ChangeCell view={cellView(cell, basis)} test={test} />
      ) : (
        <>
          <div className="cmp-small">
            Squad #{cell.squadRank} of {column.scored} {zText(cell.squadZ)}
          </div>
          {cell.groupRank !== null && (
            <div className="cmp-small cmp-dim">
              Group #{cell.groupRank} {zText(cell.groupZ)}
            </div>
          )}
        </>
      )}
    </>
  );
}

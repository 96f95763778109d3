/**
 * The squad on one page (landscape): every athlete's score per test with its change and the
 * verdict's symbol, the counts per test, and the key. Printed with the browser's or the
 * system's print.
 */
import { Alert, Button, Group, Stack } from '@mantine/core';
import { IconArrowLeft, IconPrinter } from '@tabler/icons-react';
import { Link, useSearchParams } from 'react-router';
import { formatDateLong } from '@shared/dates';
import { formatNumber, formatSigned, MARK_LABELS, type TestDefinition } from '@shared/domain/retests';
import { countClassifications } from '@shared/retests/compare';
import { CLASSIFICATION_LABELS } from '@shared/retests/words';
import type { ChangeClassification } from '@shared/science';
import { useApiQuery } from '@renderer/api/hooks';
import { inGroup, sortByGroupThenName } from './common';
import { VERDICT_SYMBOL } from './verdict';

function idParam(value: string | null): number | null | undefined {
  if (value === null) return undefined;
  if (value === 'none') return null;
  return Number(value);
}

export function SquadReport() {
  const [params] = useSearchParams();
  const against = idParam(params.get('against'));
  const baseline = idParam(params.get('baseline'));
  const group = params.get('group') ?? 'all';
  const input = {
    sessionId: Number(params.get('session')),
    ...(against !== undefined ? { againstSessionId: against } : {}),
    ...(baseline !== undefined ? { baselineSessionId: baseline } : {}),
  };
  const comparisonQuery = useApiQuery('retests.compare', input);
  const groupsQuery = useApiQuery('groups.list', {});
  const settingsQuery = useApiQuery('settings.get', {});
  if (comparisonQuery.isError) return <Alert color="red">{comparisonQuery.error.message}</Alert>;
  const comparison = comparisonQuery.data;
  if (!comparison || !groupsQuery.data) return null;
  const groups = groupsQuery.data;
  const groupName = new Map(groups.map((g) => [g.id, g.name]));
  const tests = new Map(comparison.tests.map((t) => [t.id, t]));
  const rows = sortByGroupThenName(
    comparison.rows
      .filter((r) => inGroup(r.athlete.groupId, group))
      .filter((r) => Object.values(r.cells).some((c) => c.status !== 'missing'))
      .map((r) => ({ ...r.athlete, row: r })),
    groups,
  ).map((x) => x.row);
  const back = `/retests/compare?${params.toString()}`;

  return (
    <Stack gap="sm" className="print-page print-landscape">
      <Group justify="space-between" className="no-print">
        <Button variant="subtle" leftSection={<IconArrowLeft size={18} />} component={Link} to={back}>
          Back
        </Button>
        <Button leftSection={<IconPrinter size={18} />} onClick={() => window.print()}>
          Print
        </Button>
      </Group>
      <article className="report" aria-label="Squad report">
        <p className="report-kicker">{settingsQuery.data?.squadName ?? ''} · squad test report</p>
        <h1>
          {comparison.session.label}, {formatDateLong(comparison.session.date)}
        </h1>
        <p>
          {group === 'all' ? 'Whole squad' : group === 'none' ? 'Athletes with no group' : groupName.get(Number(group))} · changes against{' '}
          {comparison.against ? `${comparison.against.label} (${comparison.against.date})` : 'no earlier session'}
          {comparison.baseline ? `; baseline ${comparison.baseline.label} (${comparison.baseline.date})` : ''}.
        </p>
        <table className="report-table report-squad">
          <thead>
            <tr>
              <th>Athlete</th>
              {comparison.columns.map((c) => (
                <th key={c.key}>
                  {c.label} <span className="report-small">{(tests.get(c.testId) as TestDefinition).unit}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.athlete.id}>
                <td>
                  {r.athlete.familyName}, {r.athlete.givenName}
                  <span className="report-small"> {r.athlete.groupId === null ? '' : groupName.get(r.athlete.groupId)}</span>
                </td>
                {comparison.columns.map((c) => {
                  const test = tests.get(c.testId) as TestDefinition;
                  const cell = r.cells[c.key];
                  if (!cell || cell.status === 'missing') return <td key={c.key} />;
                  if (cell.status !== 'ok') return <td key={c.key} className="report-small">{MARK_LABELS[cell.status]}</td>;
                  const view = cell.vsAgainst;
                  return (
                    <td key={c.key} className="num">
                      {formatNumber(cell.score as number, test.decimals)}
                      {view && view.improvementPercent !== null && (
                        <span className="report-small">
                          {' '}
                          {formatSigned(view.improvementPercent, 1)}% {view.classification ? VERDICT_SYMBOL[view.classification] : ''}
                        </span>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <td>Clear improvements / declines</td>
              {comparison.columns.map((c) => {
                const counts = countClassifications(rows, c.key, 'against');
                return (
                  <td key={c.key} className="num">
                    ▲ {counts['clear improvement']} / ▼ {counts['clear decline']}
                  </td>
                );
              })}
            </tr>
            <tr>
              <td>Typical error · smallest worthwhile change</td>
              {comparison.columns.map((c) => {
                const test = tests.get(c.testId) as TestDefinition;
                return (
                  <td key={c.key} className="num report-small">
                    {c.noise.typicalError.value === null ? '—' : formatNumber(c.noise.typicalError.value, test.decimals + 1)} ·{' '}
                    {c.noise.swc.value === null ? '—' : formatNumber(c.noise.swc.value, test.decimals + 1)}
                  </td>
                );
              })}
            </tr>
          </tfoot>
        </table>
        <p className="report-small">
          Each cell: the score, then the improvement % against the earlier session (positive is better for every test; a faster time is positive) and the verdict:{' '}
          {(Object.keys(CLASSIFICATION_LABELS) as ChangeClassification[]).map((c) => `${VERDICT_SYMBOL[c]} ${CLASSIFICATION_LABELS[c].toLowerCase()}`).join(' · ')}. A change is
          clear only when its whole 90% range is beyond the smallest worthwhile change, given the test&apos;s typical error.
        </p>
      </article>
    </Stack>
  );
}

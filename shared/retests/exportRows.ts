/**
 * The squad comparison flattened to one row per athlete and test (side), for CSV and XLSX:
 * every number with its unit, the verdict in words, and the noise it was judged against.
 */
import { SIDE_LABELS, type Side, type TestDefinition } from '../domain/retests';
import { kgToUnit, type MassUnit } from '../units';
import type { AthleteComparisonRow, ChangeView, SquadComparison } from './compare';
import { classificationLabel } from './words';

export type ExportCell = string | number | null;

export interface ExportColumn {
  header: string;
  /** Decimals for numbers; null for text. */
  decimals: number | 'test' | 'test+1' | null;
  /** A mass: written in the squad's unit, with the unit in the header ("Added load (lb)"). */
  mass?: true;
}

export const COMPARISON_EXPORT_COLUMNS: readonly ExportColumn[] = [
  { header: 'Athlete', decimals: null },
  { header: 'Group', decimals: null },
  { header: 'Test', decimals: null },
  { header: 'Side', decimals: null },
  { header: 'Unit', decimals: null },
  { header: 'Status', decimals: null },
  { header: 'Score', decimals: 'test' },
  { header: 'Previous score', decimals: 'test' },
  { header: 'Change vs previous', decimals: 'test' },
  { header: 'Improvement % vs previous', decimals: 1 },
  { header: 'Verdict vs previous', decimals: null },
  { header: '90% range low vs previous', decimals: 'test+1' },
  { header: '90% range high vs previous', decimals: 'test+1' },
  { header: 'Chance better %', decimals: 1 },
  { header: 'Chance trivial %', decimals: 1 },
  { header: 'Chance worse %', decimals: 1 },
  { header: 'Baseline score', decimals: 'test' },
  { header: 'Change vs baseline', decimals: 'test' },
  { header: 'Improvement % vs baseline', decimals: 1 },
  { header: 'Verdict vs baseline', decimals: null },
  { header: 'Squad rank', decimals: 0 },
  { header: 'Squad z-score', decimals: 2 },
  { header: 'Group rank', decimals: 0 },
  { header: 'Group z-score', decimals: 2 },
  { header: 'Asymmetry %', decimals: 1 },
  { header: 'Better side', decimals: null },
  { header: 'Asymmetry flag', decimals: null },
  { header: 'Added load', decimals: 1, mass: true },
  { header: 'Eyes', decimals: null },
  { header: 'Typical error', decimals: 'test+1' },
  { header: 'Typical error source', decimals: null },
  { header: 'Smallest worthwhile change', decimals: 'test+1' },
  { header: 'SWC source', decimals: null },
];

function verdict(view: ChangeView | null): string | null {
  if (!view) return null;
  return view.classification ? classificationLabel(view) : `No verdict: ${view.noVerdictReason ?? ''}`.trim();
}

const pct = (p: number | undefined) => (p === undefined ? null : 100 * p);

export interface ExportRow {
  test: TestDefinition;
  athleteId: number;
  side: Side;
  cells: ExportCell[];
}

/** The headers of the comparison export, masses labelled with the squad's unit. */
export function comparisonExportHeaders(unit: MassUnit): string[] {
  return COMPARISON_EXPORT_COLUMNS.map((c) => (c.mass ? `${c.header} (${unit})` : c.header));
}

export function comparisonExportRows(
  comparison: SquadComparison,
  groupNames: ReadonlyMap<number, string>,
  rows: readonly AthleteComparisonRow[] = comparison.rows,
  unit: MassUnit = 'kg',
): ExportRow[] {
  const tests = new Map(comparison.tests.map((t) => [t.id, t]));
  const out: ExportRow[] = [];
  for (const row of rows) {
    for (const column of comparison.columns) {
      const test = tests.get(column.testId) as TestDefinition;
      const cell = row.cells[column.key];
      if (!cell || (cell.status === 'missing' && !cell.vsAgainst && !cell.vsBaseline)) continue;
      const asym = column.side === 'none' ? undefined : row.asymmetry[String(test.id)];
      const a = cell.vsAgainst;
      const b = cell.vsBaseline;
      out.push({
        test,
        athleteId: row.athlete.id,
        side: column.side,
        cells: [
          `${row.athlete.givenName} ${row.athlete.familyName}`,
          row.athlete.groupId === null ? '' : (groupNames.get(row.athlete.groupId) ?? ''),
          test.name,
          column.side === 'none' ? '' : SIDE_LABELS[column.side],
          test.unit,
          cell.status === 'missing' ? 'not tested' : cell.status,
          cell.score,
          a?.pre ?? null,
          a?.change ?? null,
          a?.improvementPercent ?? null,
          verdict(a),
          a?.interval?.low ?? null,
          a?.interval?.high ?? null,
          pct(a?.chances?.benefit),
          pct(a?.chances?.trivial),
          pct(a?.chances?.harm),
          b?.pre ?? null,
          b?.change ?? null,
          b?.improvementPercent ?? null,
          verdict(b),
          cell.squadRank,
          cell.squadZ,
          cell.groupRank,
          cell.groupZ,
          asym?.percent ?? null,
          asym ? (asym.betterSide ?? 'equal') : null,
          asym ? (asym.flagged ? 'flagged' : 'no') : null,
          cell.addedLoadKg === null ? null : kgToUnit(cell.addedLoadKg, unit),
          cell.eyes,
          column.noise.typicalError.value,
          column.noise.typicalError.note,
          column.noise.swc.value,
          column.noise.swc.note,
        ],
      });
    }
  }
  return out;
}

/** Decimals of an export column for a test. */
export function exportDecimals(column: ExportColumn, test: TestDefinition): number | null {
  if (column.decimals === 'test') return test.decimals;
  if (column.decimals === 'test+1') return test.decimals + 1;
  return column.decimals;
}

/** Rounded for a CSV: full precision stays in the XLSX, which formats instead. */
export function roundedCells(row: ExportRow): ExportCell[] {
  return row.cells.map((value, i) => {
    const column = COMPARISON_EXPORT_COLUMNS[i] as ExportColumn;
    const decimals = exportDecimals(column, row.test);
    return typeof value === 'number' && decimals !== null ? Number(value.toFixed(decimals)) : value;
  });
}


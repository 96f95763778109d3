/**
 * Exports of the squad comparison: CSV (papaparse writes the quoting) and XLSX (exceljs), as
 * file content plus a suggested name. Browser mode downloads it; the desktop app can put a save
 * dialog in front of the same content.
 */
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import type { ExportFile } from '@shared/contract/retests';
import { AppError } from '@shared/errors';
import { CHANGE_UNCERTAINTY_CAVEAT, SWC_CAVEAT, TYPICAL_ERROR_CAVEAT } from '@shared/science';
import { countClassifications } from '@shared/retests/compare';
import { COMPARISON_EXPORT_COLUMNS, comparisonExportHeaders, comparisonExportRows, exportDecimals, roundedCells } from '@shared/retests/exportRows';
import { CLASSIFICATION_HELP, CLASSIFICATION_LABELS } from '@shared/retests/words';
import { listGroups } from '@main/db/repositories/groups';
import { readSettings } from '@main/db/repositories/settings';
import type { SquadDb } from '@main/db/types';
import { compareSessions, type ComparisonChoice } from './compare';

function slug(text: string): string {
  return (
    text
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 40) || 'session'
  );
}

export async function exportComparison(db: SquadDb, choice: ComparisonChoice & { group: 'all' | 'none' | number; format: 'csv' | 'xlsx' }): Promise<ExportFile> {
  const comparison = compareSessions(db, choice);
  const groups = listGroups(db);
  const groupNames = new Map(groups.map((g) => [g.id, g.name]));
  const { group } = choice;
  if (typeof group === 'number' && !groupNames.has(group)) {
    throw new AppError('not_found', 'That group does not exist (any more). Choose another group.', { group: 'Choose a group from the list' });
  }
  const rows = group === 'all' ? comparison.rows : comparison.rows.filter((r) => r.athlete.groupId === (group === 'none' ? null : group));
  const unit = readSettings(db)?.unit ?? 'kg';
  const exportRows = comparisonExportRows(comparison, groupNames, rows, unit);
  const groupLabel = group === 'all' ? null : group === 'none' ? 'No group' : (groupNames.get(group) as string);
  const groupPart = groupLabel === null ? '' : `-${slug(groupLabel)}`;
  const baseName = `retest-${slug(comparison.session.label)}-${comparison.session.date}${groupPart}`;
  const headers = comparisonExportHeaders(unit);

  if (choice.format === 'csv') {
    const csv = Papa.unparse({ fields: headers, data: exportRows.map(roundedCells) });
    // A byte-order mark so spreadsheet programs read accented names correctly.
    return { fileName: `${baseName}.csv`, mimeType: 'text/csv', encoding: 'utf8', content: `\uFEFF${csv}\r\n` };
  }

  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Backchain';
  workbook.created = new Date(0);
  const sheet = workbook.addWorksheet('Comparison', { views: [{ state: 'frozen', ySplit: 1, xSplit: 1 }] });
  sheet.columns = headers.map((header) => ({ header, key: header, width: Math.max(10, Math.min(28, header.length + 2)) }));
  sheet.getRow(1).font = { bold: true };
  for (const row of exportRows) {
    const added = sheet.addRow(row.cells);
    COMPARISON_EXPORT_COLUMNS.forEach((column, i) => {
      const decimals = exportDecimals(column, row.test);
      if (decimals !== null && typeof row.cells[i] === 'number') added.getCell(i + 1).numFmt = decimals === 0 ? '0' : `0.${'0'.repeat(decimals)}`;
    });
  }

  const summary = workbook.addWorksheet('Summary');
  summary.addRow([`${comparison.session.label} (${comparison.session.date})`]).font = { bold: true, size: 13 };
  summary.addRow([`Compared with: ${comparison.against ? `${comparison.against.label} (${comparison.against.date})` : 'no earlier session'}`]);
  summary.addRow([`Baseline: ${comparison.baseline ? `${comparison.baseline.label} (${comparison.baseline.date})` : 'none'}`]);
  summary.addRow([`Athletes: ${groupLabel ?? 'whole squad'}`]);
  summary.addRow([]);
  const head = summary.addRow(['Test', 'Scored', 'Clear improvements', 'Clear declines', 'Trivial', 'Unclear', 'No verdict', 'Typical error', 'TE source', 'SWC', 'SWC source']);
  head.font = { bold: true };
  for (const column of comparison.columns) {
    const c = countClassifications(rows, column.key, 'against');
    summary.addRow([
      column.label,
      column.scored,
      c['clear improvement'],
      c['clear decline'],
      c.trivial,
      c.unclear,
      c.noVerdict,
      column.noise.typicalError.value,
      column.noise.typicalError.note,
      column.noise.swc.value,
      column.noise.swc.note,
    ]);
  }
  summary.addRow([]);
  summary.addRow(['What the verdicts mean']).font = { bold: true };
  for (const [key, label] of Object.entries(CLASSIFICATION_LABELS)) summary.addRow([label, CLASSIFICATION_HELP[key as keyof typeof CLASSIFICATION_HELP]]);
  summary.addRow([]);
  for (const caveat of [TYPICAL_ERROR_CAVEAT, SWC_CAVEAT, CHANGE_UNCERTAINTY_CAVEAT]) summary.addRow([caveat]);
  summary.getColumn(1).width = 28;
  summary.getColumn(9).width = 60;
  summary.getColumn(11).width = 60;

  const buffer = await workbook.xlsx.writeBuffer();
  return {
    fileName: `${baseName}.xlsx`,
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    encoding: 'base64',
    content: Buffer.from(buffer).toString('base64'),
  };
}

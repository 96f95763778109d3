/**
 * Exports of the squad comparison: CSV (the exports' CSV writer) and XLSX (exceljs), handed to
 * the coach the way every export is (docs/DEVELOPING.md "Files for the coach"): the save dialog
 * on the desktop, a download in browser mode; never file content inside the JSON answer. Every
 * text cell goes through spreadsheetText, so a name like "=HYPERLINK(...)" stays text.
 */
import ExcelJS from 'exceljs';
import fs from 'node:fs';
import type { SavedFile } from '@shared/contract/backups';
import { AppError } from '@shared/errors';
import { spreadsheetCell } from '@shared/exports/spreadsheetText';
import { CHANGE_UNCERTAINTY_CAVEAT, SWC_CAVEAT, TYPICAL_ERROR_CAVEAT } from '@shared/science';
import { countClassifications } from '@shared/retests/compare';
import { COMPARISON_EXPORT_COLUMNS, comparisonExportHeaders, comparisonExportRows, exportDecimals, roundedCells } from '@shared/retests/exportRows';
import { CLASSIFICATION_HELP, CLASSIFICATION_LABELS } from '@shared/retests/words';
import { listGroups } from '@main/db/repositories/groups';
import { readSettings } from '@main/db/repositories/settings';
import type { ApiContext } from '@main/api/context';
import type { FileFilter } from '@main/files/dialogs';
import { asWriteFailure, chooseDestination } from '@main/services/exports/delivery';
import { csvText } from '@main/services/exports/writers';
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

const FILTERS: Record<'csv' | 'xlsx', FileFilter> = {
  csv: { name: 'CSV file', extensions: ['csv'] },
  xlsx: { name: 'Excel workbook', extensions: ['xlsx'] },
};

export async function exportComparison(ctx: ApiContext, choice: ComparisonChoice & { group: 'all' | 'none' | number; format: 'csv' | 'xlsx' }): Promise<SavedFile> {
  const db = ctx.db;
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

  const fileName = `${baseName}.${choice.format}`;
  const content = choice.format === 'csv' ? comparisonCsv(headers, exportRows.map(roundedCells)) : await comparisonWorkbook(comparison, rows, exportRows, headers, groupLabel);
  const destination = await chooseDestination(ctx, { title: 'Save the comparison', fileName, filter: FILTERS[choice.format] });
  if (!destination) return { outcome: 'canceled' };
  try {
    await fs.promises.writeFile(destination.writePath, content);
    return destination.complete();
  } catch (error) {
    destination.discard();
    throw asWriteFailure(error, fileName);
  }
}

/** A byte-order mark so spreadsheet programs read accented names correctly; Windows line ends. */
function comparisonCsv(headers: readonly string[], rows: readonly (readonly (string | number | null)[])[]): string {
  return `\uFEFF${csvText([headers, ...rows])}\r\n`;
}

async function comparisonWorkbook(
  comparison: ReturnType<typeof compareSessions>,
  rows: typeof comparison.rows,
  exportRows: ReturnType<typeof comparisonExportRows>,
  headers: readonly string[],
  groupLabel: string | null,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Backchain';
  workbook.created = new Date(0);
  const sheet = workbook.addWorksheet('Comparison', { views: [{ state: 'frozen', ySplit: 1, xSplit: 1 }] });
  sheet.columns = headers.map((header) => ({ header, key: header, width: Math.max(10, Math.min(28, header.length + 2)) }));
  sheet.getRow(1).font = { bold: true };
  for (const row of exportRows) {
    const added = sheet.addRow(row.cells.map(spreadsheetCell));
    COMPARISON_EXPORT_COLUMNS.forEach((column, i) => {
      const decimals = exportDecimals(column, row.test);
      if (decimals !== null && typeof row.cells[i] === 'number') added.getCell(i + 1).numFmt = decimals === 0 ? '0' : `0.${'0'.repeat(decimals)}`;
    });
  }

  const summary = workbook.addWorksheet('Summary');
  const addSummaryRow = (cells: readonly (string | number | null)[]) => summary.addRow(cells.map(spreadsheetCell));
  addSummaryRow([`${comparison.session.label} (${comparison.session.date})`]).font = { bold: true, size: 13 };
  addSummaryRow([`Compared with: ${comparison.against ? `${comparison.against.label} (${comparison.against.date})` : 'no earlier session'}`]);
  addSummaryRow([`Baseline: ${comparison.baseline ? `${comparison.baseline.label} (${comparison.baseline.date})` : 'none'}`]);
  addSummaryRow([`Athletes: ${groupLabel ?? 'whole squad'}`]);
  addSummaryRow([]);
  const head = addSummaryRow(['Test', 'Scored', 'Clear improvements', 'Clear declines', 'Trivial', 'Unclear', 'No verdict', 'Typical error', 'TE source', 'SWC', 'SWC source']);
  head.font = { bold: true };
  for (const column of comparison.columns) {
    const c = countClassifications(rows, column.key, 'against');
    addSummaryRow([
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
  addSummaryRow([]);
  addSummaryRow(['What the verdicts mean']).font = { bold: true };
  for (const [key, label] of Object.entries(CLASSIFICATION_LABELS)) addSummaryRow([label, CLASSIFICATION_HELP[key as keyof typeof CLASSIFICATION_HELP]]);
  addSummaryRow([]);
  for (const caveat of [TYPICAL_ERROR_CAVEAT, SWC_CAVEAT, CHANGE_UNCERTAINTY_CAVEAT]) addSummaryRow([caveat]);
  summary.getColumn(1).width = 28;
  summary.getColumn(9).width = 60;
  summary.getColumn(11).width = 60;

  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * Every table an export can hold, in the order the workbook's sheets (and the Export card's
 * choices) come. To add one, write a module exporting an `ExportTable` and list it here.
 */
import type { ExportTableInfo } from '@shared/contract/exports';
import { AppError } from '@shared/errors';
import type { ExportTable } from '../table';
import { athletesTable } from './athletes';
import { blocksTable } from './blocks';
import { dayPlanTable } from './dayPlan';
import { eventsTable } from './events';
import { testResultsTable } from './testResults';
import { testSessionsTable } from './testSessions';
import { runsTable, trainingSessionsTable, trainingSetsTable, wellnessTable } from './trainingLogs';

export const EXPORT_TABLES: readonly ExportTable[] = [
  athletesTable,
  blocksTable,
  dayPlanTable,
  eventsTable,
  trainingSessionsTable,
  trainingSetsTable,
  runsTable,
  wellnessTable,
  testSessionsTable,
  testResultsTable,
];

export function exportTableInfo(): ExportTableInfo[] {
  return EXPORT_TABLES.map((t) => ({
    key: t.key,
    label: t.label,
    description: t.description,
    usesDateRange: t.usesDateRange,
    usesGroups: t.usesGroups,
    usesArchived: t.usesArchived,
  }));
}

/** The tables named by key, in the registry's order; a key Backchain does not know is refused. */
export function resolveTables(keys: readonly string[]): ExportTable[] {
  const unknown = keys.filter((k) => !EXPORT_TABLES.some((t) => t.key === k));
  if (unknown.length > 0) {
    throw new AppError('invalid_input', `Backchain has nothing called "${unknown[0]}" to export. Choose from the list.`, { tables: 'Choose from the list' });
  }
  return EXPORT_TABLES.filter((t) => keys.includes(t.key));
}

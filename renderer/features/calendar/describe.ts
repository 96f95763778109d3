/** Sentences about grid cells, for screen readers and tooltips. */
import { formatDateLong } from '@shared/dates';
import { decodeGridCell } from '@shared/plan/gridCode';
import { PLANNING_RULES, type RuleId } from '@shared/plan/rules';
import { RUN_TYPE_LABELS } from '@shared/plan/model';

export function describeCell(name: string, date: string, code: number, template: { name: string } | undefined): string {
  const cell = decodeGridCell(code);
  const parts: string[] = [];
  if (template) {
    const state = cell.strength === 'skipped' ? ' (skipped)' : cell.strength === 'replaced' ? ' (changed for this athlete)' : cell.strength === 'moved_in' ? ' (moved here)' : '';
    parts.push(`${template.name}${state}`);
  } else parts.push('no strength session');
  if (cell.runType) {
    const run = cell.runType === 'rest' ? 'rest day' : `${RUN_TYPE_LABELS[cell.runType]} ${cell.runMinutes} min`;
    parts.push(`${run}${cell.runSkipped ? ' (skipped)' : cell.runChanged ? ' (changed)' : ''}`);
  }
  if (cell.isDeload) parts.push('deload');
  if (cell.hasSwap) parts.push('regression in use');
  if (cell.hasNote) parts.push('has a note');
  for (const r of cell.rules) parts.push(`warning: ${PLANNING_RULES[r as RuleId].title.toLowerCase()}`);
  return `${name}, ${formatDateLong(date)}: ${parts.join('; ')}.`;
}

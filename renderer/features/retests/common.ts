/** Small pieces the Tests screens share. */
import { formatDateLong } from '@shared/dates';
import type { Athlete, Group } from '@shared/domain/roster';
import { SESSION_KIND_LABELS, type TestSession } from '@shared/domain/retests';

const collator = new Intl.Collator('en', { sensitivity: 'base' });

export function compareNames(a: Pick<Athlete, 'givenName' | 'familyName'>, b: Pick<Athlete, 'givenName' | 'familyName'>): number {
  return collator.compare(a.familyName, b.familyName) || collator.compare(a.givenName, b.givenName);
}

/** Athletes in group order (as on the roster), then by name. */
export function sortByGroupThenName<T extends Pick<Athlete, 'groupId' | 'givenName' | 'familyName'>>(athletes: readonly T[], groups: readonly Group[]): T[] {
  const order = new Map(groups.map((g) => [g.id, g.sortOrder]));
  const rank = (a: T) => (a.groupId === null ? Number.MAX_SAFE_INTEGER : (order.get(a.groupId) ?? Number.MAX_SAFE_INTEGER));
  return [...athletes].sort((a, b) => rank(a) - rank(b) || compareNames(a, b));
}

/** "End of block 2 · 2 Sep 2026" for a select (the kind only where the label does not say it). */
export function sessionOptionLabel(s: TestSession): string {
  const kind = s.label.toLowerCase().includes(SESSION_KIND_LABELS[s.kind].toLowerCase()) ? '' : ` (${SESSION_KIND_LABELS[s.kind].toLowerCase()})`;
  return `${s.label}${kind} \u00b7 ${formatDateLong(s.date).replace(/^\w+ /, '')}`;
}

/**
 * Hand a small text file the page made itself (the import template) to the browser as a download.
 * Files main makes go through the download channel instead (renderer/api/files.ts downloadPrepared).
 */
export function downloadFile(file: { fileName: string; mimeType: string; content: string }): void {
  const data = new TextEncoder().encode(file.content);
  const url = URL.createObjectURL(new Blob([data], { type: file.mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

/** A group filter as the screens keep it: 'all', 'none' (no group) or a group id as text. */
export type GroupFilter = string;

export function groupFilterOptions(groups: readonly Group[], allLabel = 'All groups'): { value: string; label: string }[] {
  return [{ value: 'all', label: allLabel }, ...groups.map((g) => ({ value: String(g.id), label: g.name })), { value: 'none', label: 'No group' }];
}

export function inGroup(groupId: number | null, filter: GroupFilter): boolean {
  if (filter === 'all') return true;
  if (filter === 'none') return groupId === null;
  return groupId === Number(filter);
}

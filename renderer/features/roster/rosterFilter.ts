import type { Athlete } from '@shared/domain/roster';

export type StatusFilter = 'active' | 'archived';
/** 'all', 'none' (athletes with no group), or a group id as text. */
export type GroupFilter = string;

export interface RosterFilter {
  status: StatusFilter;
  group: GroupFilter;
  search: string;
  injuredOnly: boolean;
}

/** Case- and accent-insensitive text for matching: "lopez" finds "López". */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLocaleLowerCase('en');
}

export function filterRoster(athletes: readonly Athlete[], filter: RosterFilter): Athlete[] {
  const words = foldText(filter.search).split(/\s+/).filter(Boolean);
  return athletes.filter((a) => {
    if ((a.archivedAt === null) !== (filter.status === 'active')) return false;
    if (filter.group === 'none' ? a.groupId !== null : filter.group !== 'all' && String(a.groupId) !== filter.group) return false;
    if (filter.injuredOnly && !a.injured) return false;
    if (words.length === 0) return true;
    const haystack = foldText(`${a.givenName} ${a.familyName} ${a.injuryNotes}`);
    return words.every((w) => haystack.includes(w));
  });
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

export function compareByName(a: Athlete, b: Athlete): number {
  return collator.compare(a.familyName, b.familyName) || collator.compare(a.givenName, b.givenName);
}

/**
 * The coach's choices (dates, groups, archived athletes) resolved against the squad: which
 * athletes, in which order, and the names every table needs. Groups are checked before anything
 * is asked or written, so a group deleted meanwhile gets a sentence, not an empty file.
 */
import type { ExportGroups } from '@shared/contract/exports';
import { athleteFullName, type Athlete } from '@shared/domain/roster';
import type { SquadSettings } from '@shared/domain/settings';
import { AppError } from '@shared/errors';
import { dayNumber } from '@shared/plan/days';
import { listAthletes } from '@main/db/repositories/athletes';
import { listBlocks } from '@main/db/repositories/blocks';
import { listExercises } from '@main/db/repositories/exercises';
import { listGroups } from '@main/db/repositories/groups';
import { listTemplates } from '@main/db/repositories/templates';
import type { SquadDb } from '@main/db/types';
import type { ExportLookup, ExportScope } from './table';

/** Refuse a group that does not exist, naming it and the field. */
export function checkGroupsExist(db: SquadDb, groups: ExportGroups): void {
  if (groups === 'all') return;
  const known = new Set(listGroups(db).map((g) => g.id));
  const missing = groups.filter((g): g is number => g !== 'none' && !known.has(g));
  if (missing.length > 0) {
    throw new AppError(
      'not_found',
      `There is no group with record number ${missing.join(', ')} (it may have been deleted). Choose groups from the list.`,
      { groups: 'Choose groups from the list' },
    );
  }
}

export function buildLookup(db: SquadDb): ExportLookup {
  const groups = new Map(listGroups(db).map((g) => [g.id, g]));
  const athletes = new Map(listAthletes(db, 'all').map((a) => [a.id, a]));
  const templates = new Map(listTemplates(db).map((t) => [t.id, t]));
  const exercises = new Map(listExercises(db).map((e) => [e.id, e]));
  const blocks = new Map(listBlocks(db).map((b) => [b.id, b]));
  return {
    groups,
    athletes,
    templates,
    exercises,
    blocks,
    groupName: (id) => (id === null ? '' : (groups.get(id)?.name ?? '')),
    athleteName: (id) => {
      const a = athletes.get(id);
      return a ? athleteFullName(a) : `Athlete ${id}`;
    },
    templateName: (id) => templates.get(id)?.name ?? `Session ${id}`,
    exerciseName: (id) => exercises.get(id)?.name ?? `Exercise ${id}`,
  };
}

/** Group order, then family and given name; athletes without a group last. */
export function squadOrder(athletes: readonly Athlete[], lookup: Pick<ExportLookup, 'groups'>): Athlete[] {
  const rank = (a: Athlete) => (a.groupId === null ? Number.MAX_SAFE_INTEGER : (lookup.groups.get(a.groupId)?.sortOrder ?? Number.MAX_SAFE_INTEGER - 1));
  const collator = new Intl.Collator('en', { sensitivity: 'base' });
  return [...athletes].sort((a, b) => rank(a) - rank(b) || collator.compare(a.familyName, b.familyName) || collator.compare(a.givenName, b.givenName) || a.id - b.id);
}

export function buildScope(
  db: SquadDb,
  choice: { from: string; to: string; groups: ExportGroups; includeArchived: boolean },
  settings: Pick<SquadSettings, 'unit' | 'firstDayOfWeek'>,
): ExportScope {
  checkGroupsExist(db, choice.groups);
  const lookup = buildLookup(db);
  const chosen = choice.groups === 'all' ? null : new Set(choice.groups);
  const includesGroup = (id: number | null) => chosen === null || chosen.has(id === null ? 'none' : id);
  const athletes = squadOrder(
    [...lookup.athletes.values()].filter((a) => (choice.includeArchived || a.archivedAt === null) && includesGroup(a.groupId)),
    lookup,
  );
  const ids = new Set(athletes.map((a) => a.id));
  return {
    from: choice.from,
    to: choice.to,
    fromDay: dayNumber(choice.from),
    toDay: dayNumber(choice.to),
    unit: settings.unit,
    firstDayOfWeek: settings.firstDayOfWeek,
    athletes,
    includesAthlete: (id) => ids.has(id),
    includesGroup,
    allGroups: chosen === null,
    includeArchived: choice.includeArchived,
    lookup,
  };
}

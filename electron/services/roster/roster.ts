/**
 * The roster: athletes and groups. Every change runs in a transaction and checks what the
 * schema alone cannot say nicely (a duplicate name, a group that does not exist), so a coach
 * gets a sentence next to the right field and the database is left untouched.
 */
import type { AthleteFields } from '@shared/contract/roster';
import { athleteFullName, athleteNameKey, groupNameKey, type Athlete, type Group } from '@shared/domain/roster';
import { AppError } from '@shared/errors';
import * as athletes from '@main/db/repositories/athletes';
import * as groups from '@main/db/repositories/groups';
import { isReferencedRowRefusal } from '@main/db/errors';
import type { SquadDb } from '@main/db/types';

function requireAthlete(db: SquadDb, id: number): Athlete {
  const athlete = athletes.findAthlete(db, id);
  if (!athlete) throw new AppError('not_found', `There is no athlete with record number ${id}; it may have been removed.`);
  return athlete;
}

function requireGroup(db: SquadDb, id: number, field = 'groupId'): Group {
  const group = groups.findGroup(db, id);
  if (!group) throw new AppError('not_found', 'That group does not exist (any more). Choose another group.', { [field]: 'Choose a group from the list' });
  return group;
}

function checkUniqueName(db: SquadDb, fields: AthleteFields, exceptId: number | null): string {
  const nameKey = athleteNameKey(fields.givenName, fields.familyName);
  const existing = athletes.findAthleteByNameKey(db, nameKey);
  if (existing && existing.id !== exceptId) {
    const name = athleteFullName(fields);
    const message = existing.archived
      ? `${name} is already in the squad, archived. Restore them from the archived list instead of adding them again.`
      : `${name} is already in the squad. If this is a different athlete, add a middle initial to tell them apart.`;
    throw new AppError('conflict', message, { familyName: message });
  }
  return nameKey;
}

export function listAthletes(db: SquadDb, status: athletes.AthleteStatusFilter): Athlete[] {
  return athletes.listAthletes(db, status);
}

export function getAthlete(db: SquadDb, id: number): Athlete {
  return requireAthlete(db, id);
}

export function createAthlete(db: SquadDb, fields: AthleteFields, now: Date): Athlete {
  return db.transaction(() => {
    if (fields.groupId !== null) requireGroup(db, fields.groupId);
    const nameKey = checkUniqueName(db, fields, null);
    const id = athletes.insertAthlete(db, fields, nameKey, now.toISOString());
    return requireAthlete(db, id);
  })();
}

export function updateAthlete(db: SquadDb, id: number, fields: AthleteFields, now: Date): Athlete {
  return db.transaction(() => {
    requireAthlete(db, id);
    if (fields.groupId !== null) requireGroup(db, fields.groupId);
    const nameKey = checkUniqueName(db, fields, id);
    athletes.updateAthlete(db, id, fields, nameKey, now.toISOString());
    return requireAthlete(db, id);
  })();
}

export function archiveAthletes(db: SquadDb, ids: readonly number[], now: Date): { archivedIds: number[] } {
  return db.transaction(() => {
    const stamp = now.toISOString();
    const unique = [...new Set(ids)];
    unique.forEach((id) => requireAthlete(db, id));
    return { archivedIds: unique.filter((id) => athletes.archiveAthlete(db, id, stamp)) };
  })();
}

export function restoreAthletes(db: SquadDb, ids: readonly number[], now: Date): { restoredIds: number[] } {
  return db.transaction(() => {
    const stamp = now.toISOString();
    const unique = [...new Set(ids)];
    unique.forEach((id) => requireAthlete(db, id));
    return { restoredIds: unique.filter((id) => athletes.restoreAthlete(db, id, stamp)) };
  })();
}

/**
 * Delete an athlete outright. Foreign keys (ON DELETE RESTRICT from every table that records
 * training) refuse it once anything refers to the athlete; archive them instead.
 */
export function removeAthlete(db: SquadDb, id: number): Athlete {
  return db.transaction(() => {
    const athlete = requireAthlete(db, id);
    try {
      athletes.deleteAthlete(db, id);
    } catch (error) {
      if (isReferencedRowRefusal(error)) {
        throw new AppError('conflict', `${athleteFullName(athlete)} already has training records, so they can only be archived, not deleted.`);
      }
      throw error;
    }
    return athlete;
  })();
}

export function moveAthletesToGroup(db: SquadDb, ids: readonly number[], groupId: number | null, now: Date) {
  return db.transaction(() => {
    if (groupId !== null) requireGroup(db, groupId);
    const stamp = now.toISOString();
    const moved = [...new Set(ids)].map((id) => {
      const athlete = requireAthlete(db, id);
      athletes.setAthleteGroup(db, id, groupId, stamp);
      return { id, fromGroupId: athlete.groupId };
    });
    return { moved };
  })();
}

export function listGroups(db: SquadDb): Group[] {
  return groups.listGroups(db);
}

function checkUniqueGroupName(db: SquadDb, name: string, exceptId: number | null): string {
  const nameKey = groupNameKey(name);
  const existing = groups.findGroupIdByNameKey(db, nameKey);
  if (existing !== null && existing !== exceptId) {
    throw new AppError('conflict', `There is already a group called "${name}".`, { name: `There is already a group called "${name}"` });
  }
  return nameKey;
}

export function createGroup(db: SquadDb, input: { name: string; color: string }, now: Date): Group {
  return db.transaction(() => {
    const nameKey = checkUniqueGroupName(db, input.name, null);
    const id = groups.insertGroup(db, { name: input.name, nameKey, color: input.color.toLowerCase(), createdAt: now.toISOString() });
    return requireGroup(db, id, 'id');
  })();
}

export function updateGroup(db: SquadDb, input: { id: number; name: string; color: string }): Group {
  return db.transaction(() => {
    requireGroup(db, input.id, 'id');
    const nameKey = checkUniqueGroupName(db, input.name, input.id);
    groups.updateGroup(db, input.id, { name: input.name, nameKey, color: input.color.toLowerCase() });
    return requireGroup(db, input.id, 'id');
  })();
}

/** The new order must name every group exactly once, so no group can fall out of the list. */
export function reorderGroups(db: SquadDb, orderedIds: readonly number[]): Group[] {
  return db.transaction(() => {
    const current = groups.listGroups(db).map((g) => g.id);
    const proposed = new Set(orderedIds);
    if (proposed.size !== orderedIds.length || proposed.size !== current.length || current.some((id) => !proposed.has(id))) {
      throw new AppError('conflict', 'The group list changed while you were reordering it. Try again.');
    }
    orderedIds.forEach((id, index) => groups.setGroupOrder(db, id, index + 1));
    return groups.listGroups(db);
  })();
}

export function removeGroup(db: SquadDb, id: number): Group {
  return db.transaction(() => {
    const group = requireGroup(db, id, 'id');
    const members = groups.countGroupMembers(db, id);
    if (members > 0) {
      throw new AppError(
        'conflict',
        `"${group.name}" still has ${members} athlete${members === 1 ? '' : 's'} (active or archived). Move them to another group first.`,
      );
    }
    groups.deleteGroup(db, id);
    return group;
  })();
}

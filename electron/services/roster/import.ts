/**
 * The roster import's two writes: add the checked athletes (and the groups they need) in one
 * transaction, and take an import back. The page has already shown the coach the preview
 * (shared/import/rosterImport.ts); main checks everything again here, because the squad may
 * have changed since, and refuses the whole import if any row no longer fits.
 */
import { athleteFullName, athleteNameKey, groupNameKey } from '@shared/domain/roster';
import type { AthleteFields } from '@shared/contract/roster';
import { AppError } from '@shared/errors';
import * as athletes from '@main/db/repositories/athletes';
import * as groups from '@main/db/repositories/groups';
import { isReferencedRowRefusal } from '@main/db/errors';
import type { SquadDb } from '@main/db/types';

export interface ImportedAthlete {
  rowNumber: number;
  fields: AthleteFields;
  newGroup: string | null;
}

export function importRoster(db: SquadDb, input: { athletes: readonly ImportedAthlete[]; newGroups: readonly { name: string; color: string }[] }, now: Date): { athleteIds: number[]; groupIds: number[] } {
  return db.transaction(() => {
    const stamp = now.toISOString();
    const created = new Map<string, number>();
    for (const group of input.newGroups) {
      const key = groupNameKey(group.name);
      if (created.has(key) || groups.findGroupIdByNameKey(db, key) !== null) {
        throw new AppError('conflict', `There is already a group called "${group.name}". Nothing was imported; check the groups and try again.`);
      }
      created.set(key, groups.insertGroup(db, { name: group.name, nameKey: key, color: group.color.toLowerCase(), createdAt: stamp }));
    }
    const athleteIds: number[] = [];
    for (const row of input.athletes) {
      const where = `Row ${row.rowNumber} (${athleteFullName(row.fields)})`;
      let groupId = row.fields.groupId;
      if (row.newGroup !== null) {
        if (groupId !== null) throw new AppError('invalid_input', `${where}: give either a group or a new group, not both. Nothing was imported.`);
        groupId = created.get(groupNameKey(row.newGroup)) ?? null;
        if (groupId === null) throw new AppError('invalid_input', `${where}: the new group "${row.newGroup}" is not in the list of groups to create. Nothing was imported.`);
      } else if (groupId !== null && !groups.findGroup(db, groupId)) {
        throw new AppError('not_found', `${where}: that group does not exist (any more). Nothing was imported; choose the groups again.`);
      }
      const nameKey = athleteNameKey(row.fields.givenName, row.fields.familyName);
      const existing = athletes.findAthleteByNameKey(db, nameKey);
      if (existing) {
        throw new AppError('conflict', `${where} is already in the squad${existing.archived ? ' (archived)' : ''}. Nothing was imported; look at the preview again.`);
      }
      athleteIds.push(athletes.insertAthlete(db, { ...row.fields, groupId }, nameKey, stamp));
    }
    return { athleteIds, groupIds: [...created.values()] };
  })();
}

/** The undo of an import: every athlete it added and every group it created, or nothing. */
export function undoRosterImport(db: SquadDb, athleteIds: readonly number[], groupIds: readonly number[]): { removedAthletes: number; removedGroups: number } {
  return db.transaction(() => {
    let removedAthletes = 0;
    for (const id of new Set(athleteIds)) {
      const athlete = athletes.findAthlete(db, id);
      if (!athlete) continue;
      try {
        athletes.deleteAthlete(db, id);
      } catch (error) {
        if (isReferencedRowRefusal(error)) {
          throw new AppError('conflict', `${athleteFullName(athlete)} already has training records, so the import can no longer be taken back. Archive athletes instead.`);
        }
        throw error;
      }
      removedAthletes += 1;
    }
    let removedGroups = 0;
    for (const id of new Set(groupIds)) {
      if (!groups.findGroup(db, id)) continue;
      const members = groups.countGroupMembers(db, id);
      if (members > 0) continue; // Someone was moved into it since: the group stays.
      groups.deleteGroup(db, id);
      removedGroups += 1;
    }
    return { removedAthletes, removedGroups };
  })();
}

/**
 * The season plan: blocks, their weekly rhythm and who they are for. A block starts on the
 * squad's first day of the week and may not overlap another block of the same group or of the
 * same athlete; everything else the coach may plan freely (the planning rules warn, never refuse).
 */
import type { BlockFields } from '@shared/contract/plan';
import { formatDateLong, weekday } from '@shared/dates';
import { athleteFullName } from '@shared/domain/roster';
import { WEEKDAY_NAMES } from '@shared/domain/settings';
import { AppError } from '@shared/errors';
import { blockEndDate, overlappingBlocks } from '@shared/plan/blocks';
import { addDays } from '@shared/dates';
import type { Block } from '@shared/plan/model';
import { findAthlete } from '@main/db/repositories/athletes';
import * as blocks from '@main/db/repositories/blocks';
import { findGroup } from '@main/db/repositories/groups';
import { readSettings } from '@main/db/repositories/settings';
import { findTemplate } from '@main/db/repositories/templates';
import type { SquadDb } from '@main/db/types';
import { athletesTargetedBy, refreshCalendar, withFreshCalendar } from './calendarStore';

function requireBlock(db: SquadDb, id: number): Block {
  const found = blocks.findBlock(db, id);
  if (!found) throw new AppError('not_found', 'That block does not exist (any more); it may have been deleted.');
  return found;
}

/** `kept`: athletes the block already names (they may have been archived since; they stay). */
function checkBlock(db: SquadDb, fields: BlockFields, exceptId: number | null, kept: readonly number[] = []): string {
  const firstDay = readSettings(db)?.firstDayOfWeek ?? 1;
  const startWeekday = weekday(fields.startDate);
  if (startWeekday !== firstDay) {
    const back = addDays(fields.startDate, -((startWeekday - firstDay + 7) % 7));
    const message = `Blocks start on the first day of the squad's week (${WEEKDAY_NAMES[firstDay]}). ${formatDateLong(fields.startDate)} is a ${WEEKDAY_NAMES[startWeekday]}: start on ${formatDateLong(back)} or ${formatDateLong(addDays(back, 7))}.`;
    throw new AppError('invalid_input', message, { startDate: message });
  }
  fields.groupIds.forEach((id, i) => {
    if (!findGroup(db, id)) throw new AppError('not_found', 'One of the chosen groups does not exist (any more).', { [`groupIds.${i}`]: 'Choose a group from the list' });
  });
  fields.athleteIds.forEach((id, i) => {
    const athlete = findAthlete(db, id);
    if (!athlete) throw new AppError('not_found', 'One of the chosen athletes does not exist (any more).', { [`athleteIds.${i}`]: 'Choose an athlete from the list' });
    if (athlete.archivedAt !== null && !kept.includes(id)) {
      throw new AppError('conflict', `${athleteFullName(athlete)} is archived; restore them before planning a block for them.`, { [`athleteIds.${i}`]: 'This athlete is archived' });
    }
  });
  fields.rhythm.forEach((d, i) => {
    if (d.templateId !== null && !findTemplate(db, d.templateId)) {
      throw new AppError('not_found', `The session chosen for ${WEEKDAY_NAMES[d.weekday]} does not exist (any more).`, { [`rhythm.${i}.templateId`]: 'Choose a session template' });
    }
  });
  const endDate = blockEndDate(fields.startDate, fields.weeks);
  const clash = overlappingBlocks({ startDate: fields.startDate, endDate, groupIds: fields.groupIds, athleteIds: fields.athleteIds }, blocks.listBlocks(db), exceptId)[0];
  if (clash) {
    const sharedGroup = clash.groupIds.find((g) => fields.groupIds.includes(g));
    const sharedAthlete = clash.athleteIds.find((a) => fields.athleteIds.includes(a));
    const who =
      sharedGroup !== undefined
        ? (findGroup(db, sharedGroup)?.name ?? 'the same group')
        : sharedAthlete !== undefined
          ? (() => {
              const a = findAthlete(db, sharedAthlete);
              return a ? athleteFullName(a) : 'the same athlete';
            })()
          : 'the same athletes';
    const after = addDays(clash.endDate, 1);
    const message =
      `"${clash.name}" already covers ${who} from ${formatDateLong(clash.startDate)} to ${formatDateLong(clash.endDate)}. ` +
      `Blocks for the same group or athlete cannot overlap: start this one on ${formatDateLong(after)} or later, shorten it, or change the other block.`;
    throw new AppError('conflict', message, { startDate: message });
  }
  return endDate;
}

export function listBlocks(db: SquadDb): Block[] {
  return blocks.listBlocks(db);
}

export function createBlock(db: SquadDb, fields: BlockFields, now: Date): Block {
  return withFreshCalendar(db, (fresh) => {
    const endDate = checkBlock(fresh, fields, null);
    const id = blocks.insertBlock(fresh, fields, endDate, now.toISOString());
    refreshCalendar(fresh, athletesTargetedBy(fresh, fields), { from: fields.startDate, to: endDate });
    return requireBlock(fresh, id);
  });
}

export function updateBlock(db: SquadDb, id: number, fields: BlockFields, now: Date): Block {
  return withFreshCalendar(db, (fresh) => {
    const before = requireBlock(fresh, id);
    const endDate = checkBlock(fresh, fields, id, before.athleteIds);
    blocks.updateBlock(fresh, id, fields, endDate, now.toISOString());
    const affected = [...athletesTargetedBy(fresh, before), ...athletesTargetedBy(fresh, fields)];
    const from = before.startDate < fields.startDate ? before.startDate : fields.startDate;
    const to = before.endDate > endDate ? before.endDate : endDate;
    refreshCalendar(fresh, affected, { from, to });
    return requireBlock(fresh, id);
  });
}

export function removeBlock(db: SquadDb, id: number): Block {
  return withFreshCalendar(db, (fresh) => {
    const block = requireBlock(fresh, id);
    blocks.deleteBlock(fresh, id);
    refreshCalendar(fresh, athletesTargetedBy(fresh, block), { from: block.startDate, to: block.endDate });
    return block;
  });
}

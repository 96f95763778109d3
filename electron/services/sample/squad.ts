import type { SquadSettings } from '@shared/domain/settings';
import { generateSquad, type SquadSize } from '@shared/sample/generator';
import { AppError } from '@shared/errors';
import { athleteNameKey, groupNameKey } from '@shared/domain/roster';
import { countAthletes, insertAthlete } from '@main/db/repositories/athletes';
import { insertGroup, listGroups } from '@main/db/repositories/groups';
import { writeSettings } from '@main/db/repositories/settings';
import type { SquadDb } from '@main/db/types';
import { loadGeneratedPlan } from './plan';
import { loadSampleRetests } from './retests';
import { loadSampleLogs } from './logs';
import { loadSampleLoadHistory } from './load';
import { getSettings } from '../settings';
import { withFreshCalendar } from '../plan/calendarStore';

/**
 * Write the generated squad into an empty database, in one transaction. The sample is for
 * exploring, so it only goes into a squad with no athletes and no groups: it never mixes
 * invented athletes into a real roster.
 */
export function loadGeneratedSquad(db: SquadDb, options: { seed: number; size: SquadSize }, now: Date): { athletes: number; groups: number } {
  return db.transaction(() => {
    if (countAthletes(db) > 0 || listGroups(db).length > 0) {
      throw new AppError(
        'conflict',
        'The sample squad can only be loaded into an empty squad, so it never mixes with your real athletes.',
      );
    }
    const squad = generateSquad({ seed: options.seed, size: options.size, referenceYear: now.getFullYear() });
    const stamp = now.toISOString();
    const settings: SquadSettings = { ...getSettings(db, now), squadName: squad.squadName };
    writeSettings(db, settings, stamp);
    const groupIds = squad.groups.map((g) => insertGroup(db, { name: g.name, nameKey: groupNameKey(g.name), color: g.color, createdAt: stamp }));
    const athleteIds = squad.athletes.map((a) => {
      const { groupIndex, ...fields } = a;
      return insertAthlete(db, { ...fields, groupId: groupIds[groupIndex] ?? null }, athleteNameKey(a.givenName, a.familyName), stamp);
    });
    loadGeneratedPlan(db, options, squad, { groups: groupIds, athletes: athleteIds }, now);
    loadSampleRetests(db, { seed: options.seed, size: options.size, athletes: squad.athletes, athleteIds }, now);
    // The logs follow the plan as the calendar table has it.
    withFreshCalendar(db, (fresh) => {
      loadSampleLogs(fresh, { seed: options.seed, size: options.size, athletes: squad.athletes, athleteIds }, now);
      loadSampleLoadHistory(fresh, { seed: options.seed, size: options.size, athletes: squad.athletes, athleteIds }, now);
    });
    return { athletes: squad.athletes.length, groups: squad.groups.length };
  })();
}

import { addDays, localToday, startOfWeek } from '@shared/dates';
import { EQUIPMENT_DEFAULTS, type SquadSettings } from '@shared/domain/settings';
import { readSettings, writeSettings } from '../db/repositories/settings';
import type { SquadDb } from '../db/types';

/** A new squad: this week to a year from now, kg, a standard gym, weeks starting Monday. */
export function defaultSettings(now: Date): SquadSettings {
  const seasonStart = startOfWeek(localToday(now), 1);
  return {
    squadName: 'My squad',
    seasonStart,
    seasonEnd: addDays(seasonStart, 52 * 7 - 1),
    unit: 'kg',
    ...EQUIPMENT_DEFAULTS.kg,
    firstDayOfWeek: 1,
  };
}

export function getSettings(db: SquadDb, now: Date): SquadSettings {
  return readSettings(db) ?? defaultSettings(now);
}

export function updateSettings(db: SquadDb, settings: SquadSettings, now: Date): SquadSettings {
  writeSettings(db, settings, now.toISOString());
  return getSettings(db, now);
}

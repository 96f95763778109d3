import type { SquadSettings } from '../../../shared/domain/settings';
import type { MassUnit } from '../../../shared/units';
import { preparedStatements } from '../statements';
import type { SquadDb } from '../types';

interface SettingsRow {
  squad_name: string;
  season_start: string;
  season_end: string;
  unit: MassUnit;
  plate_increment: number;
  bar_weight: number;
  dumbbell_step: number;
  first_day_of_week: number;
}

const sql = preparedStatements({
  get: 'SELECT squad_name, season_start, season_end, unit, plate_increment, bar_weight, dumbbell_step, first_day_of_week FROM squad_settings WHERE id = 1',
  upsert: `INSERT INTO squad_settings (id, squad_name, season_start, season_end, unit, plate_increment, bar_weight, dumbbell_step, first_day_of_week, updated_at)
           VALUES (1, @squadName, @seasonStart, @seasonEnd, @unit, @plateIncrement, @barWeight, @dumbbellStep, @firstDayOfWeek, @updatedAt)
           ON CONFLICT (id) DO UPDATE SET squad_name = excluded.squad_name, season_start = excluded.season_start, season_end = excluded.season_end,
             unit = excluded.unit, plate_increment = excluded.plate_increment, bar_weight = excluded.bar_weight,
             dumbbell_step = excluded.dumbbell_step, first_day_of_week = excluded.first_day_of_week, updated_at = excluded.updated_at`,
});

export function readSettings(db: SquadDb): SquadSettings | null {
  const row = sql(db).get.get() as SettingsRow | undefined;
  if (!row) return null;
  return {
    squadName: row.squad_name,
    seasonStart: row.season_start,
    seasonEnd: row.season_end,
    unit: row.unit,
    plateIncrement: row.plate_increment,
    barWeight: row.bar_weight,
    dumbbellStep: row.dumbbell_step,
    firstDayOfWeek: row.first_day_of_week,
  };
}

export function writeSettings(db: SquadDb, settings: SquadSettings, updatedAt: string): void {
  sql(db).upsert.run({ ...settings, updatedAt });
}

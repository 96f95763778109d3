import type { SquadSettings } from '@shared/domain/settings';
import type { MassUnit } from '@shared/units';
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
  // Two statements rather than one upsert: SQLite lets an outer INSERT ... ON CONFLICT override
  // the OR IGNORE of the statements its triggers run, so an upsert that changed the first day of
  // the week failed on athletes already marked for a calendar rebuild (athlete_day_pending).
  update: `UPDATE squad_settings SET squad_name = @squadName, season_start = @seasonStart, season_end = @seasonEnd,
             unit = @unit, plate_increment = @plateIncrement, bar_weight = @barWeight,
             dumbbell_step = @dumbbellStep, first_day_of_week = @firstDayOfWeek, updated_at = @updatedAt
           WHERE id = 1`,
  insert: `INSERT INTO squad_settings (id, squad_name, season_start, season_end, unit, plate_increment, bar_weight, dumbbell_step, first_day_of_week, updated_at)
           VALUES (1, @squadName, @seasonStart, @seasonEnd, @unit, @plateIncrement, @barWeight, @dumbbellStep, @firstDayOfWeek, @updatedAt)`,
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
  const statements = sql(db);
  const values = { ...settings, updatedAt };
  if (statements.update.run(values).changes === 0) statements.insert.run(values);
}

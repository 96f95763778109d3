import type { IsoDate } from '../dates';
import type { MassUnit } from '../units';

/** The squad's settings: one row, edited on the Settings screen. */
export interface SquadSettings {
  squadName: string;
  seasonStart: IsoDate;
  seasonEnd: IsoDate;
  /** The unit loads and body mass are shown in. Stored values are always kilograms. */
  unit: MassUnit;
  /** The gym's smallest plate pair, in `unit` (2.5 kg or 5 lb by default; REFERENCE.md §5.6). */
  plateIncrement: number;
  /** The empty bar, in `unit`; no barbell load is prescribed below it. */
  barWeight: number;
  /** Dumbbell and kettlebell steps, in `unit`. */
  dumbbellStep: number;
  /** 0 = Sunday ... 6 = Saturday. */
  firstDayOfWeek: number;
}

/** Gym defaults per unit (DOMAIN.md "Loads on the sheet"). */
export const EQUIPMENT_DEFAULTS: Record<MassUnit, { plateIncrement: number; barWeight: number; dumbbellStep: number }> = {
  kg: { plateIncrement: 2.5, barWeight: 20, dumbbellStep: 2 },
  lb: { plateIncrement: 5, barWeight: 45, dumbbellStep: 5 },
};

/** Allowed ranges, in each unit. */
export const EQUIPMENT_RANGES: Record<MassUnit, { plateIncrement: [number, number]; barWeight: [number, number]; dumbbellStep: [number, number] }> = {
  kg: { plateIncrement: [0.25, 10], barWeight: [0, 30], dumbbellStep: [0.5, 10] },
  lb: { plateIncrement: [0.5, 20], barWeight: [0, 65], dumbbellStep: [1, 20] },
};

export const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

/** A season is at most a year (PRODUCT.md "Scale"): 53 weeks allows a week of slack. */
export const MAX_SEASON_DAYS = 53 * 7;

import { z } from 'zod';
import { daysBetween } from '../dates';
import { EQUIPMENT_RANGES, MAX_SEASON_DAYS, type SquadSettings } from '../domain/settings';
import { isoDateSchema, emptyInput, nameText } from './common';
import { method } from './define';

export const squadSettingsSchema = z
  .object({
    squadName: nameText('a squad name', 80),
    seasonStart: isoDateSchema,
    seasonEnd: isoDateSchema,
    unit: z.enum(['kg', 'lb'], { error: 'Choose kg or lb' }),
    plateIncrement: z.number({ error: 'Enter the smallest plate increment' }),
    barWeight: z.number({ error: 'Enter the bar weight' }),
    dumbbellStep: z.number({ error: 'Enter the dumbbell step' }),
    firstDayOfWeek: z.number().int().min(0, 'Choose a day').max(6, 'Choose a day'),
  })
  .strict()
  .superRefine((s, ctx) => {
    const ranges = EQUIPMENT_RANGES[s.unit];
    const check = (field: 'plateIncrement' | 'barWeight' | 'dumbbellStep', label: string) => {
      const [min, max] = ranges[field];
      const value = s[field];
      if (!(value >= min && value <= max)) {
        ctx.addIssue({ code: 'custom', path: [field], message: `${label} must be between ${min} and ${max} ${s.unit}` });
      }
    };
    check('plateIncrement', 'Plate increment');
    check('barWeight', 'Bar weight');
    check('dumbbellStep', 'Dumbbell step');
    // Dates are validated field by field first; only compare two real dates.
    if (isoDateSchema.safeParse(s.seasonStart).success && isoDateSchema.safeParse(s.seasonEnd).success) {
      const days = daysBetween(s.seasonStart, s.seasonEnd);
      if (days < 7) ctx.addIssue({ code: 'custom', path: ['seasonEnd'], message: 'The season must end at least a week after it starts' });
      else if (days > MAX_SEASON_DAYS) ctx.addIssue({ code: 'custom', path: ['seasonEnd'], message: 'A season can be at most 53 weeks long' });
    }
  });

export const settingsMethods = {
  'settings.get': method(emptyInput, 'Read the squad settings').reads('settings').returns<SquadSettings>(),
  'settings.update': method(squadSettingsSchema, 'Save the squad settings').affects('settings').returns<SquadSettings>(),
};

import { z } from 'zod';
import { isIsoDate } from '../dates';
import './messages';

/** Field schemas shared by every domain's methods. Messages are written for a coach. */

export const idSchema = z
  .number({ error: 'Expected a record number' })
  .int('Expected a whole record number')
  .positive('Expected a record number')
  .max(Number.MAX_SAFE_INTEGER, 'Record number is out of range');

export const idListSchema = z.array(idSchema).min(1, 'Choose at least one').max(5000, 'Too many at once (5000 at most)');

export const isoDateSchema = z
  .string({ error: 'Enter a date' })
  .refine(isIsoDate, { message: 'Enter a real date as YYYY-MM-DD' });

export const emptyInput = z.object({}).strict();

/** A trimmed single-line text of 1..max characters. */
export function requiredText(what: string, max: number) {
  return z
    .string({ error: `Enter ${what}` })
    .trim()
    .min(1, `Enter ${what}`)
    .max(max, `Keep it to ${max} characters`)
    .refine((s) => !/\p{Cc}/u.test(s), { message: 'Remove line breaks and control characters' });
}

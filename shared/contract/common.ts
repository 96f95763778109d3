import { z } from 'zod';
import { DATE_WINDOW_MESSAGE, isDateInWindow, isIsoDate } from '../dates';
import './messages';

/** Field schemas shared by every domain's methods. Messages are written for a coach. */

export const idSchema = z
  .number({ error: 'Expected a record number' })
  .int('Expected a whole record number')
  .positive('Expected a record number')
  .max(Number.MAX_SAFE_INTEGER, 'Record number is out of range');

export const idListSchema = z.array(idSchema).min(1, 'Choose at least one').max(5000, 'Too many at once (5000 at most)');

/** A real date, as `YYYY-MM-DD`, between 1990 and 2100 (shared/dates.ts DATE_WINDOW). */
export const isoDateSchema = z
  .string({ error: 'Enter a date' })
  .refine(isIsoDate, { message: 'Enter a real date as YYYY-MM-DD', abort: true })
  .refine(isDateInWindow, { message: DATE_WINDOW_MESSAGE });

export const emptyInput = z.object({}).strict();

/**
 * Unicode format characters: text-direction overrides (an RLO turns "evil gnp.exe" into what
 * looks like "evil exe.png" in a file name), zero-width spaces, a stray byte-order mark. The
 * zero-width (non-)joiners are kept: Persian, Indic scripts and emoji need them, and they cannot
 * reorder text.
 */
const FORMAT_CHARACTER = /(?![\u200C\u200D])\p{Cf}/u;
const FORMAT_CHARACTERS = /(?![\u200C\u200D])\p{Cf}/gu;

export function hasFormatCharacters(text: string): boolean {
  return FORMAT_CHARACTER.test(text);
}

/** The text without format characters (for what comes in from files, where they are noise). */
export function withoutFormatCharacters(text: string): string {
  return text.replace(FORMAT_CHARACTERS, '');
}

/** A trimmed single-line text of 1..max characters, with no control or invisible formatting characters. */
export function requiredText(what: string, max: number) {
  return z
    .string({ error: `Enter ${what}` })
    .trim()
    .min(1, `Enter ${what}`)
    .max(max, `Keep it to ${max} characters`)
    .refine((s) => !/\p{Cc}/u.test(s), { message: 'Remove line breaks and control characters' })
    .refine((s) => !hasFormatCharacters(s), { message: 'Remove the invisible formatting characters (such as text-direction marks)' });
}

/**
 * A name (of a group, a squad, a test, a block...): a required text with at least one letter or
 * digit, so it can never be made only of spaces, marks or zero-width characters. A person's name
 * (`person: true`) needs a letter.
 */
export function nameText(what: string, max: number, options: { person?: boolean } = {}) {
  const pattern = options.person ? /\p{L}/u : /[\p{L}\p{N}]/u;
  return requiredText(what, max).refine((s) => pattern.test(s), { message: options.person ? 'A name needs at least one letter' : 'A name needs at least one letter or digit' });
}

/**
 * Names and dates that come in (issue 11, items 4 and 5): invisible formatting characters and
 * names with nothing to read are refused by the contract; dates outside 1990-2100 are refused
 * wherever a date enters; suggested file names never carry a text-direction override.
 */
import { describe, expect, it } from 'vitest';
import { isoDateSchema } from '@shared/contract/common';
import { blockFieldsSchema } from '@shared/contract/plan';
import { athleteFieldsSchema, rosterMethods } from '@shared/contract/roster';
import { squadSettingsSchema } from '@shared/contract/settings';
import { DATE_WINDOW, isDateInWindow } from '@shared/dates';
import { safeFileStem } from '@shared/exports/fileNames';

const RLO = '\u202E';
const messages = (result: { success: boolean; error?: { issues: { message: string; path: PropertyKey[] }[] } }) => (result.error?.issues ?? []).map((i) => `${i.path.join('.')}: ${i.message}`);

describe('names', () => {
  it('refuses text-direction overrides and other format characters in an athlete name, with a sentence', () => {
    for (const familyName of [`Evil${RLO}gnp.exe`, 'Ana\u200BLópez', '\u2066López\u2069', 'Ló\uFEFFpez', 'Ló\u00ADpez']) {
      const result = athleteFieldsSchema.safeParse({ givenName: 'Ana', familyName });
      expect(result.success, JSON.stringify(familyName)).toBe(false);
      expect(messages(result)).toEqual(['familyName: Remove the invisible formatting characters (such as text-direction marks)']);
    }
  });

  it('refuses a name made only of zero-width characters, marks or punctuation: a person needs a letter', () => {
    for (const givenName of ['\u200C\u200D', '\u0301\u0301', '---', '42']) {
      const result = athleteFieldsSchema.safeParse({ givenName, familyName: 'López' });
      expect(result.success, JSON.stringify(givenName)).toBe(false);
      expect(messages(result).join(' ')).toMatch(/A name needs at least one letter|Enter a first name/);
    }
  });

  it('keeps real names of every script, including the joiners Persian and Indic scripts need', () => {
    for (const [givenName, familyName] of [
      ['José', "O'Brien-Núñez"],
      ['Zoë', 'Françoise'],
      ['مهر\u200Cناز', 'رضایی'],
      ['Nguyễn', 'Thị Minh'],
      ['美咲', '佐藤'],
      ['Ana', 'López III'],
    ]) {
      expect(athleteFieldsSchema.safeParse({ givenName, familyName }).success, `${givenName} ${familyName}`).toBe(true);
    }
  });

  it('group and squad names need a letter or a digit ("800" is a fine group name) and no format characters', () => {
    const group = rosterMethods['groups.create'].input;
    expect(group.safeParse({ name: '800', color: '#1c7ed6' }).success).toBe(true);
    expect(group.safeParse({ name: '\u200B\u200B', color: '#1c7ed6' }).success).toBe(false);
    expect(group.safeParse({ name: `Sprints${RLO}`, color: '#1c7ed6' }).success).toBe(false);
    const settings = { squadName: 'Riverside XC', seasonStart: '2026-08-01', seasonEnd: '2027-06-30', unit: 'kg', plateIncrement: 2.5, barWeight: 20, dumbbellStep: 2, firstDayOfWeek: 1 };
    expect(squadSettingsSchema.safeParse(settings).success).toBe(true);
    expect(squadSettingsSchema.safeParse({ ...settings, squadName: `Riverside ${RLO}evil` }).success).toBe(false);
  });

  it('a suggested file name drops format characters even if one got in some other way', () => {
    expect(safeFileStem(`Ana ${RLO}evil gnp.exe`, 'x')).toBe('Ana evil gnp.exe');
    expect(safeFileStem('\u200B\u200B', 'Backchain squad')).toBe('Backchain squad');
  });
});

describe('dates', () => {
  it('keeps every date between 1990 and 2100', () => {
    expect(DATE_WINDOW).toEqual({ first: '1990-01-01', last: '2100-12-31' });
    for (const date of ['1990-01-01', '2026-09-07', '2100-12-31']) expect(isoDateSchema.safeParse(date).success, date).toBe(true);
    for (const date of ['1989-12-31', '2101-01-01', '9999-12-27', '1900-01-01']) {
      const result = isoDateSchema.safeParse(date);
      expect(messages(result), date).toEqual([': Enter a date between 1990 and 2100']);
    }
    // Not a date at all: one message, the format's.
    expect(messages(isoDateSchema.safeParse('2026-02-30'))).toEqual([': Enter a real date as YYYY-MM-DD']);
    expect(isDateInWindow('10000-01-23')).toBe(false);
  });

  it('a block must end by the end of the window (a block starting 9999-12-27 is refused, and so is one running into 2101)', () => {
    const block = { name: 'Base', phase: 'foundational', startDate: '2100-12-20', weeks: 4, groupIds: [1] };
    const result = blockFieldsSchema.safeParse(block);
    expect(messages(result)).toEqual(['startDate: A block must end by 31 Dec 2100']);
    expect(blockFieldsSchema.safeParse({ ...block, startDate: '2100-11-01' }).success).toBe(true);
    expect(messages(blockFieldsSchema.safeParse({ ...block, startDate: '9999-12-27' }))).toEqual(['startDate: Enter a date between 1990 and 2100']);
  });
});

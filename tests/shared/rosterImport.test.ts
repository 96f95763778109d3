import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  findHeaderRow,
  guessMapping,
  parseBirthYear,
  parseEventFocus,
  parseGrade,
  parseQuantity,
  parseRaceGoal,
  parseSex,
  previewRosterImport,
  splitFullName,
  unitFromHeading,
} from '@shared/import/rosterImport';

const value = <T>(parsed: { ok: true; value: T } | { ok: false; reason: string }) => (parsed.ok ? parsed.value : `refused: ${parsed.reason}`);

describe('guessing the columns from the headings', () => {
  it('recognises the headings coaches use, ignoring case, spaces and punctuation', () => {
    expect(guessMapping(['First Name', 'LAST', 'Grade', 'Gender', 'Event', 'Group', 'Weight (lb)', 'Shirt size'])).toEqual([
      'givenName',
      'familyName',
      'grade',
      'sex',
      'eventFocus',
      'group',
      'bodyMass',
      null,
    ]);
    expect(guessMapping(['Prénom', 'Nom', 'Sexe', 'Groupe', 'Poids'])).toEqual(['givenName', 'familyName', 'sex', 'group', 'bodyMass']);
    expect(guessMapping(['Surname', 'Forename', 'D.O.B.', 'Injured?', 'Injury notes'])).toEqual(['familyName', 'givenName', 'birthYear', 'injured', 'injuryNotes']);
  });

  it('uses a column once, and a full-name column only when there are no first/last columns', () => {
    expect(guessMapping(['Name', 'Group'])).toEqual(['fullName', 'group']);
    expect(guessMapping(['Name', 'First', 'Last'])).toEqual([null, 'givenName', 'familyName']);
    expect(guessMapping(['Group', 'Team'])).toEqual(['group', null]);
  });

  it('finds the headings under a title row', () => {
    expect(findHeaderRow([['Riverside roster 2026'], [], ['First', 'Last']])).toBe(2);
    expect(findHeaderRow([['a', 'b'], ['c', 'd']])).toBe(0);
  });

  it('reads a unit from a heading', () => {
    expect(unitFromHeading('Weight (lbs)')).toBe('lb');
    expect(unitFromHeading('Body mass kg')).toBe('kg');
    expect(unitFromHeading('Weight')).toBeNull();
  });
});

describe('reading a cell', () => {
  it('grades: numbers, ordinals, "Grade 10", US school-year names; junk refused', () => {
    expect(['10', '10th', 'Grade 10', 'gr. 9', '12th grade', 'Sophomore', 'SR', '9th'].map((t) => value(parseGrade(t)))).toEqual([10, 10, 10, 9, 12, 10, 12, 9]);
    expect(value(parseGrade('K'))).toMatch(/^refused: Grade "K"/);
    expect(value(parseGrade('2027'))).toMatch(/^refused/);
  });

  it('gender: F/M and the words for them; anything else refused', () => {
    expect(['F', 'female', 'Girl', 'M', 'Boys', 'X', 'prefer not to say'].map((t) => value(parseSex(t)))).toEqual(['female', 'female', 'female', 'male', 'male', 'unspecified', 'unspecified']);
    expect(value(parseSex('Q'))).toMatch(/^refused/);
  });

  it('events and race goals', () => {
    expect(['Sprints', '400m', 'XC', 'Hurdles / jumps', 'pole vault', 'Shot put', 'Heptathlon', '1600'].map((t) => value(parseEventFocus(t)))).toEqual([
      'sprints',
      'sprints',
      'distance',
      'hurdles_jumps',
      'hurdles_jumps',
      'throws',
      'multi',
      'middle_distance',
    ]);
    expect(['5K', '5000m', 'Half marathon', 'mile', '2 mile', '300mH'].map((t) => value(parseRaceGoal(t)))).toEqual(['5k', '5k', 'half_marathon', 'mile', '3200m', '300mh_400mh']);
    expect(value(parseRaceGoal('ultra'))).toMatch(/^refused/);
  });

  it('quantities: decimal point or comma, an optional unit', () => {
    expect(parseQuantity('54,5')).toEqual({ value: 54.5, unit: null });
    expect(parseQuantity('120 lbs')).toEqual({ value: 120, unit: 'lb' });
    expect(parseQuantity('61.2kg')).toEqual({ value: 61.2, unit: 'kg' });
    expect(parseQuantity('1,234.5')).toBeNull();
    expect(parseQuantity('heavy')).toBeNull();
  });

  it('birth years from a year or a full date; two-digit years refused', () => {
    expect(['2009', '2009-03-14', '3/14/2009', '14.03.2009', '2009-03-14T00:00:00Z'].map((t) => value(parseBirthYear(t)))).toEqual([2009, 2009, 2009, 2009, 2009]);
    expect(value(parseBirthYear('09'))).toMatch(/^refused/);
    expect(value(parseBirthYear('2009-02-30'))).toMatch(/^refused/);
  });

  it('full names: "Last, First" or "First Last"', () => {
    expect(splitFullName('López, Ana')).toEqual({ givenName: 'Ana', familyName: 'López' });
    expect(splitFullName('Mary Jo  van Dyke')).toEqual({ givenName: 'Mary Jo van', familyName: 'Dyke' });
    expect(splitFullName('Cher')).toEqual({ givenName: 'Cher', familyName: '' });
  });
});

describe('the preview', () => {
  const options = { mapping: guessMapping(['First', 'Last', 'Grade', 'Weight', 'Group']), headerRow: 0, bodyMassUnit: 'kg' as const, groupChoices: {} };
  const squad = { athletes: [], groups: [{ id: 1, name: 'Sprints' }] };

  it('says what stops the whole import: no name columns, a field chosen twice', () => {
    expect(previewRosterImport([['a'], ['b']], { ...options, mapping: ['grade'] }, squad).problems).toEqual(['Choose the columns with the first and last names (or one column with the full name).']);
    expect(previewRosterImport([['a', 'b', 'c']], { ...options, mapping: ['givenName', 'familyName', 'givenName'] }, squad).problems).toEqual(['First name is chosen for more than one column; keep one.']);
  });

  it('never throws, and puts every non-blank row in exactly one list (any cells at all)', () => {
    const cell = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('', ' ', 'Ana', 'López', '10th', '900', '54,5', 'Sprints', 'F', 'NaN', '__proto__', "'; DROP TABLE athlete;--"));
    fc.assert(
      fc.property(fc.array(fc.array(cell, { maxLength: 7 }), { maxLength: 30 }), (rows) => {
        const result = previewRosterImport([['First', 'Last', 'Grade', 'Weight', 'Group'], ...rows], options, squad);
        const nonBlank = rows.filter((r) => r.some((c) => c.replace(/\s+/g, '') !== '')).length;
        expect(result.accepted.length + result.rejected.length).toBe(nonBlank);
        expect(result.blankRows).toBe(rows.length - nonBlank);
        for (const r of result.rejected) expect(r.reasons.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });
});

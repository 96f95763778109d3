import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readEventFocus, readRaceGoal } from '@shared/import/eventNames';
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
  type ImportOptions,
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
    expect(value(parseGrade('K'))).toBe('refused: is not a grade (write 9, 10th or Sophomore)');
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

describe('events as coaches write them', () => {
  // Each written form and what a coach means by it (DOMAIN.md's event focuses; the distances by the track: up to 400 m sprints, 800 m to the mile middle distance, beyond it distance).
  const cases: [string, string, string | null][] = [
    ['Sprints', 'sprints', null],
    ['sprinter', 'sprints', null],
    ['100m', 'sprints', null],
    ['200 m', 'sprints', null],
    ['400 meters', 'sprints', null],
    ['4x400', 'sprints', null],
    ['Hurdles', 'hurdles_jumps', null],
    ['110mH', 'hurdles_jumps', null],
    ['300 IH', 'hurdles_jumps', null],
    ['Jumps', 'hurdles_jumps', null],
    ['LJ', 'hurdles_jumps', null],
    ['Pole vault', 'hurdles_jumps', null],
    ['Hurdles / jumps', 'hurdles_jumps', null],
    ['Throws', 'throws', null],
    ['SP/DT', 'throws', null],
    ['Shot put', 'throws', null],
    ['Jav', 'throws', null],
    ['800', 'middle_distance', null],
    ['1600', 'middle_distance', null],
    ['1,600 m', 'middle_distance', null],
    ['Mile', 'middle_distance', null],
    ['1 mi', 'middle_distance', null],
    ['mid-d', 'middle_distance', null],
    ['Mid D', 'middle_distance', null],
    ['MD', 'middle_distance', null],
    ['800/1600', 'middle_distance', null],
    ['3200', 'distance', null],
    ['2 mile', 'distance', null],
    ['Two mile', 'distance', null],
    ['5K', 'distance', null],
    ['5 km', 'distance', null],
    ['XC', 'distance', null],
    ['Cross country', 'distance', null],
    ['Distance', 'distance', null],
    ['dist.', 'distance', null],
    ['Steeple', 'distance', null],
    ['Heptathlon', 'multi', null],
    ['Multis', 'multi', null],
    // Several events in one cell: the first counts, and the reading says so.
    ['100, 200, LJ', 'sprints', 'the first of Sprints, Hurdles / jumps'],
    ['Sprints & Jumps', 'sprints', 'the first of Sprints, Hurdles / jumps'],
    ['1600/3200', 'middle_distance', 'the first of Middle distance, Distance'],
    ['XC and 800', 'distance', 'the first of Distance, Middle distance'],
  ];
  for (const [written, focus, note] of cases) {
    it(`"${written}" is ${focus}${note ? ` (${note})` : ''}`, () => {
      expect(readEventFocus(written)).toEqual({ value: focus, note });
    });
  }

  it('a cell with something that is no event is not guessed at', () => {
    for (const written of ['Soccer', '800/soccer', '5', 'fast', '12 miles of joy']) expect(readEventFocus(written), written).toBeNull();
  });

  it('race goals with their units, and several in one cell', () => {
    const goals: [string, string][] = [
      ['800m', '800m'],
      ['1600 m', 'mile'],
      ['Mile', 'mile'],
      ['3200 meters', '3200m'],
      ['2 mi', '3200m'],
      ['5 km', '5k'],
      ['5000', '5k'],
      ['5K XC', '5k_xc'],
      ['XC', '5k_xc'],
      ['8k', '8k_xc'],
      ['10 km', '10k'],
      ['Half', 'half_marathon'],
      ['Steeplechase', '3000m_sc'],
      ['400H', '300mh_400mh'],
    ];
    for (const [written, goal] of goals) expect(readRaceGoal(written)?.value, written).toBe(goal);
    expect(readRaceGoal('800/1600')).toEqual({ value: '800m', note: 'the first of 800 m, Mile' });
    expect(readRaceGoal('6k')).toBeNull();
  });
});

describe('forgiving with real rows', () => {
  const headings = ['First', 'Last', 'Gender', 'Grade', 'Event', 'Weight', 'Group', 'Injured'];
  const options: ImportOptions = { mapping: guessMapping(headings), headerRow: 0, bodyMassUnit: 'kg', groupChoices: {} };
  const squad = { athletes: [{ givenName: 'Gus', familyName: 'Existing', archivedAt: null }], groups: [{ id: 1, name: 'Sprints' }] };

  it('refuses a row only for no name or a duplicate; an unreadable optional cell is left blank and said on the row', () => {
    const rows = [
      headings,
      ['Ana', 'López', 'F', '10th', 'mid-d', '54,5', 'Sprints', 'no'],
      ['Ben', 'Okafor', 'M', 'K', 'Soccer', 'heavy', 'Sprints', 'sometimes'],
      ['', 'Nobody', 'F', '9', '', '', '', ''],
      ['Ana', 'López', 'F', '10th', 'mid-d', '54,5', 'Sprints', 'no'],
      ['Gus', 'Existing', 'M', '11', '', '', '', ''],
      ['Cy', 'Long', 'M', '3', '', '', 'x'.repeat(41), ''],
    ];
    const result = previewRosterImport(rows, options, squad);
    expect(result.rejected).toEqual([
      { rowNumber: 4, name: 'Nobody', reasons: ['No first name'] },
      { rowNumber: 5, name: 'Ana López', reasons: ['The same row as row 2 (the file has it twice)'] },
      { rowNumber: 6, name: 'Gus Existing', reasons: ['Gus Existing is already in the squad'] },
    ]);
    expect(result.accepted.map((r) => [r.rowNumber, r.fields.eventFocus, r.fields.grade, r.fields.bodyMassKg, r.fields.groupId, r.blanks.map((b) => b.message)])).toEqual([
      [2, 'middle_distance', 10, 54.5, 1, []],
      [
        3,
        null,
        null,
        null,
        1,
        [
          'Grade “K” is not a grade (write 9, 10th or Sophomore): left blank',
          'Event “Soccer” is not an event Backchain knows (sprints, hurdles, jumps, middle distance, distance, throws, multi-events): left blank',
          'Injured “sometimes” is not yes or no: left blank',
          'Body mass “heavy” is not a number: left blank',
        ],
      ],
      [7, null, null, null, null, ['Grade “3” must be between 5 and 13: left blank', `Group “${'x'.repeat(41)}” cannot be a group name (Keep it to 40 characters): left blank`]],
    ]);
    expect(result.counts).toEqual({ added: 3, addedWithBlanks: 2, refused: 3 });
    expect(result.readings).toContainEqual({ field: 'eventFocus', value: 'mid-d', readAs: 'Middle distance', rows: 2 });
  });

  it('one choice maps every row with the same value, written any way (case, spaces, punctuation)', () => {
    const rows = [headings, ['A', 'One', '', '', 'Race walk', '', '', ''], ['B', 'Two', '', '', 'race-walk', '', '', ''], ['C', 'Three', '', '', 'RACE WALK ', '', '', '']];
    const before = previewRosterImport(rows, { ...options, valueChoices: {} }, squad);
    // Race walking is not an event focus Backchain knows: one value to map, three rows.
    expect(before.unrecognised).toEqual([{ field: 'eventFocus', key: 'racewalk', value: 'Race walk', rowNumbers: [2, 3, 4] }]);
    const after = previewRosterImport(rows, { ...options, valueChoices: { eventFocus: { racewalk: 'distance' } } }, squad);
    expect(after.accepted.map((r) => r.fields.eventFocus)).toEqual(['distance', 'distance', 'distance']);
    expect(after.counts).toEqual({ added: 3, addedWithBlanks: 0, refused: 0 });
    // "Leave blank" is a choice too: the rows are added without the event and without a warning.
    const blank = previewRosterImport(rows, { ...options, valueChoices: { eventFocus: { racewalk: '' } } }, squad);
    expect(blank.counts).toEqual({ added: 3, addedWithBlanks: 0, refused: 0 });
  });

  it('invisible formatting characters pasted into a name are removed (and said); a name of nothing but them is no name', () => {
    const rows = [headings, ['Ana\u200B', 'Ló\u202Epez', '', '', '', '', '', ''], ['\u200B\u200B', 'Kim', '', '', '', '', '', '']];
    const result = previewRosterImport(rows, options, squad);
    expect(result.accepted[0]).toMatchObject({ fields: { givenName: 'Ana', familyName: 'López' }, notes: ['Invisible formatting characters were removed from the name'] });
    expect(result.rejected).toEqual([{ rowNumber: 3, name: 'Kim', reasons: ['No first name'] }]);
  });
});

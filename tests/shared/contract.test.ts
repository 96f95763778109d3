import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contract, isMethodName, methodNames } from '@shared/contract';
import { athleteFieldsSchema } from '@shared/contract/roster';
import { squadSettingsSchema } from '@shared/contract/settings';
import { fieldErrorsFromIssues } from '@shared/errors';

describe('the API contract', () => {
  it('names methods as domain.action, each with a summary', () => {
    for (const name of methodNames) {
      expect(name).toMatch(/^[a-z]+\.[a-zA-Z]+$/);
      expect(contract[name].summary.length).toBeGreaterThan(5);
    }
    expect(isMethodName('athletes.list')).toBe(true);
    expect(isMethodName('toString')).toBe(false);
    expect(isMethodName('__proto__')).toBe(false);
  });

  it('never throws on any input, and every refusal names a field or says why', () => {
    fc.assert(
      fc.property(fc.constantFrom(...methodNames), fc.anything(), (method, input) => {
        const result = contract[method].input.safeParse(input);
        if (!result.success) {
          expect(result.error.issues.length).toBeGreaterThan(0);
          for (const issue of result.error.issues) expect(issue.message.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses hostile values for an athlete: huge strings, NaN, negative and fractional numbers, SQL-ish text is just text', () => {
    const base = { givenName: 'Ana', familyName: 'López' };
    const refused = (extra: object) => !athleteFieldsSchema.safeParse({ ...base, ...extra }).success;
    expect(refused({ givenName: 'x'.repeat(61) })).toBe(true);
    expect(refused({ bodyMassKg: Number.NaN })).toBe(true);
    expect(refused({ bodyMassKg: Number.POSITIVE_INFINITY })).toBe(true);
    expect(refused({ trainingAgeYears: -1 })).toBe(true);
    expect(refused({ grade: 10.5 })).toBe(true);
    expect(refused({ groupId: 0 })).toBe(true);
    expect(refused({ groupId: '1' })).toBe(true);
    expect(refused({ givenName: 'Ana\nDROP' })).toBe(true);
    expect(refused({ raceGoal: 'ultra' })).toBe(true);
    expect(refused({ birthYear: new Date().getFullYear() + 1 })).toBe(true);
    expect(refused({ givenName: "Robert'); DROP TABLE athlete;--" })).toBe(false);
  });

  it('keeps a valid athlete exactly, trimming names', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 40 }).filter((s) => s.trim().length > 0 && !/\p{Cc}|\p{Cf}/u.test(s) && /\p{L}/u.test(s)), // a name: a letter, no control or format characters
        fc.double({ min: 20, max: 200, noNaN: true }),
        fc.integer({ min: 5, max: 13 }),
        (name, mass, grade) => {
          const parsed = athleteFieldsSchema.parse({ givenName: name, familyName: name, bodyMassKg: mass, grade });
          expect(parsed.givenName).toBe(name.trim());
          expect(parsed.bodyMassKg).toBe(mass);
          expect(parsed.grade).toBe(grade);
        },
      ),
    );
  });

  it('checks season dates as real calendar dates, in order, at most 53 weeks apart', () => {
    const settings = { squadName: 'S', seasonStart: '2026-09-07', seasonEnd: '2027-06-27', unit: 'kg', plateIncrement: 2.5, barWeight: 20, dumbbellStep: 2, firstDayOfWeek: 1 };
    expect(squadSettingsSchema.safeParse(settings).success).toBe(true);
    const errors = (patch: object) => {
      const r = squadSettingsSchema.safeParse({ ...settings, ...patch });
      return r.success ? {} : fieldErrorsFromIssues(r.error.issues);
    };
    expect(errors({ seasonStart: '2026-02-30' })).toEqual({ seasonStart: 'Enter a real date as YYYY-MM-DD' });
    expect(errors({ seasonStart: '2026-9-7' })).toEqual({ seasonStart: 'Enter a real date as YYYY-MM-DD' });
    expect(errors({ seasonEnd: '2026-09-10' })).toEqual({ seasonEnd: 'The season must end at least a week after it starts' });
    // 53 weeks = 371 days is allowed; a day more is not.
    expect(errors({ seasonEnd: '2027-09-13' })).toEqual({});
    expect(errors({ seasonEnd: '2027-09-14' })).toEqual({ seasonEnd: 'A season can be at most 53 weeks long' });
  });
});

import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayLabel, dayNumber, isoDate, weekdayOf, weekStartOf } from '@shared/plan/days';

dayjs.extend(utc);

describe('day numbers', () => {
  it('count days from 1970-01-01 (a Thursday) and convert back', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(weekdayOf(0)).toBe(4);
    // 2026-09-07 is a Monday: 56 years incl. 14 leap days = 20454 days to 2026-01-01, + 249 days.
    expect(dayNumber('2026-01-01')).toBe(56 * 365 + 14);
    expect(dayNumber('2026-09-07')).toBe(56 * 365 + 14 + 249);
    expect(weekdayOf(dayNumber('2026-09-07'))).toBe(1);
    expect(isoDate(dayNumber('2024-02-29'))).toBe('2024-02-29');
    expect(isoDate(dayNumber('2000-03-01')) ).toBe('2000-03-01');
    expect(dayNumber('1969-12-31')).toBe(-1);
  });

  it('agree with dayjs on any date from 1900 to 2200', () => {
    fc.assert(
      fc.property(fc.integer({ min: -25567, max: 84000 }), (n) => {
        const iso = dayjs.utc(0).add(n, 'day').format('YYYY-MM-DD');
        expect(dayNumber(iso)).toBe(n);
        expect(isoDate(n)).toBe(iso);
        expect(weekdayOf(n)).toBe(dayjs.utc(iso).day());
      }),
      { numRuns: 2000 },
    );
  });

  it('find the start of the squad week for Monday and Sunday weeks', () => {
    const wed = dayNumber('2026-09-09');
    expect(isoDate(weekStartOf(wed, 1))).toBe('2026-09-07');
    expect(isoDate(weekStartOf(wed, 0))).toBe('2026-09-06');
    expect(isoDate(weekStartOf(dayNumber('2026-09-06'), 1))).toBe('2026-08-31');
    expect(dayLabel(wed)).toBe('Wed 9 Sep');
    expect(dayLabel(wed, true)).toBe('Wed 9 Sep 2026');
  });
});

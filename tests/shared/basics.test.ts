import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, isIsoDate, startOfWeek, weekday } from '@shared/dates';
import { athleteNameKey, groupNameKey, raceGoalMeters } from '@shared/domain/roster';
import { formatMass, kgToUnit, LB_PER_KG, unitToKg } from '@shared/units';

describe('calendar dates', () => {
  it('knows real dates from impossible ones', () => {
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2026-02-30')).toBe(false);
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(isIsoDate('2026-1-01')).toBe(false);
    expect(isIsoDate('20260101')).toBe(false);
  });

  it('adds days across month ends and daylight-saving changes without skipping a day', () => {
    // US clocks change on 2026-03-08 and 2026-11-01; EU on 2026-03-29 and 2026-10-25.
    expect(addDays('2026-03-07', 1)).toBe('2026-03-08');
    expect(addDays('2026-03-08', 1)).toBe('2026-03-09');
    expect(addDays('2026-10-24', 2)).toBe('2026-10-26');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(daysBetween('2026-09-07', '2027-09-05')).toBe(363);
  });

  it('finds the start of the week for Monday- and Sunday-start squads', () => {
    // 2026-09-10 is a Thursday.
    expect(weekday('2026-09-10')).toBe(4);
    expect(startOfWeek('2026-09-10', 1)).toBe('2026-09-07');
    expect(startOfWeek('2026-09-10', 0)).toBe('2026-09-06');
    expect(startOfWeek('2026-09-07', 1)).toBe('2026-09-07');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 0, max: 6 }), (offset, firstDay) => {
        const day = addDays('2025-01-01', offset);
        const start = startOfWeek(day, firstDay);
        expect(weekday(start)).toBe(firstDay);
        expect(daysBetween(start, day)).toBeGreaterThanOrEqual(0);
        expect(daysBetween(start, day)).toBeLessThan(7);
      }),
    );
  });
});

describe('units', () => {
  it('converts with 1 kg = 2.2046226 lb (REFERENCE.md §0) and back without drift', () => {
    expect(kgToUnit(100, 'lb')).toBeCloseTo(220.46226, 9);
    expect(unitToKg(45, 'lb')).toBeCloseTo(45 / LB_PER_KG, 12);
    expect(formatMass(20.4117, 'lb')).toBe('45 lb');
    expect(formatMass(54.25, 'kg')).toBe('54.3 kg');
    fc.assert(
      fc.property(fc.double({ min: 0, max: 500, noNaN: true }), (kg) => {
        expect(unitToKg(kgToUnit(kg, "lb"), "lb")).toBeCloseTo(kg, 9);
      }),
    );
  });
});

describe('names', () => {
  it('treats case, spacing and Unicode composition as the same name', () => {
    expect(athleteNameKey(' Ana ', 'López')).toBe(athleteNameKey('ana', 'LÓPEZ'));
    // "ó" typed as o + combining accent (NFD) is the same letter as the precomposed "ó".
    expect(athleteNameKey('Ana', 'Lo\u0301pez')).toBe(athleteNameKey('Ana', 'L\u00f3pez'));
    expect(athleteNameKey('Ana Maria', 'Cruz')).not.toBe(athleteNameKey('Ana', 'Maria Cruz'));
    expect(groupNameKey('  Middle   distance ')).toBe(groupNameKey('middle distance'));
  });

  it('knows which race goals are half marathon or longer', () => {
    expect(raceGoalMeters('half_marathon')).toBeGreaterThanOrEqual(21097);
    expect(raceGoalMeters('10k')).toBeLessThan(21097);
  });
});

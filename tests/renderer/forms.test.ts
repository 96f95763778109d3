import { describe, expect, it } from 'vitest';
import { athleteToForm, formToAthleteFields, validateAthleteForm } from '@renderer/features/roster/athleteForm';
import { filterRoster } from '@renderer/features/roster/rosterFilter';
import { convertEquipment } from '@renderer/features/settings/settingsForm';
import { makeAthlete } from './fakeApi';

describe('athlete form', () => {
  it('shows kilograms in pounds and keeps the stored kilograms when the mass was not touched', () => {
    const athlete = makeAthlete(1, { bodyMassKg: 54.3 });
    const values = athleteToForm(athlete, 'lb');
    // 54.3 × 2.2046226 = 119.711 → shown as 119.7 lb.
    expect(values.bodyMass).toBe(119.7);
    expect(formToAthleteFields(values, 'lb', athlete).bodyMassKg).toBe(54.3);
    expect(formToAthleteFields({ ...values, bodyMass: 121 }, 'lb', athlete).bodyMassKg).toBeCloseTo(121 / 2.2046226, 9);
  });

  it('states the body-mass range in the coach’s unit', () => {
    const values = athleteToForm(makeAthlete(1), 'lb');
    // 200 kg = 440.9 lb; 20 kg = 44.1 lb.
    expect(validateAthleteForm({ ...values, bodyMass: 500 }, 'lb').bodyMass).toBe('Body mass must be between 44 and 441 lb');
    expect(validateAthleteForm({ ...values, bodyMass: 440 }, 'lb').bodyMass).toBeUndefined();
    expect(validateAthleteForm({ ...values, bodyMass: 201 }, 'kg').bodyMass).toMatch(/between 20 and 200 kg \(was it entered in lb\?\)/);
  });
});

describe('roster filter', () => {
  const squad = [
    makeAthlete(1, { givenName: 'Zoë', familyName: 'García', groupId: 1 }),
    makeAthlete(2, { givenName: 'Liam', familyName: 'Chen', groupId: 2, archivedAt: '2026-01-01' }),
    makeAthlete(3, { givenName: 'Noor', familyName: 'Haddad', groupId: null, injured: true, injuryNotes: 'Achilles soreness' }),
  ];
  const filter = { status: 'active' as const, group: 'all', search: '', injuredOnly: false };

  it('matches every typed word, ignoring accents, in names and injury notes', () => {
    expect(filterRoster(squad, { ...filter, search: 'zoe garcia' }).map((a) => a.id)).toEqual([1]);
    expect(filterRoster(squad, { ...filter, search: 'achilles' }).map((a) => a.id)).toEqual([3]);
    expect(filterRoster(squad, { ...filter, search: 'zoe chen' })).toEqual([]);
  });

  it('separates active from archived and filters by group or no group', () => {
    expect(filterRoster(squad, filter).map((a) => a.id)).toEqual([1, 3]);
    expect(filterRoster(squad, { ...filter, status: 'archived' }).map((a) => a.id)).toEqual([2]);
    expect(filterRoster(squad, { ...filter, group: 'none' }).map((a) => a.id)).toEqual([3]);
    expect(filterRoster(squad, { ...filter, group: '1' }).map((a) => a.id)).toEqual([1]);
  });
});

describe('settings unit switch', () => {
  it('turns a standard kg gym into a standard lb gym and converts custom values', () => {
    expect(convertEquipment({ plateIncrement: 2.5, barWeight: 20, dumbbellStep: 2 }, 'kg', 'lb')).toEqual({ plateIncrement: 5, barWeight: 45, dumbbellStep: 5 });
    // 1.25 kg × 2.2046226 = 2.7558 → 2.76 lb; a 15 kg bar = 33.07 lb.
    expect(convertEquipment({ plateIncrement: 1.25, barWeight: 15, dumbbellStep: 2 }, 'kg', 'lb')).toEqual({ plateIncrement: 2.76, barWeight: 33.07, dumbbellStep: 5 });
  });
});

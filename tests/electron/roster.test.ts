import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apiCalls } from '../support/calls';
import { openTempSquad, type TempSquad } from '../support/tempSquad';

let squad: TempSquad;
beforeEach(async () => {
  squad = await openTempSquad({ now: () => new Date('2026-09-07T06:00:00Z') });
});
afterEach(() => squad.close());
const { ok, refused } = apiCalls(() => squad);

describe('athletes', () => {
  it('adds an athlete with defaults for what was not given, and lists them', async () => {
    const ana = await ok('athletes.create', { givenName: '  Ana ', familyName: 'López' });
    expect(ana).toMatchObject({ givenName: 'Ana', familyName: 'López', groupId: null, sex: 'unspecified', injured: false, injuryNotes: '', archivedAt: null });
    expect(ana.createdAt).toBe('2026-09-07T06:00:00.000Z');
    expect((await ok('athletes.list', { status: 'active' })).map((a) => a.id)).toEqual([ana.id]);
  });

  it('refuses an empty name, an absurd body mass and a group that does not exist, each next to its field', async () => {
    const empty = await refused('athletes.create', { givenName: '   ', familyName: 'Smith' });
    expect(empty).toMatchObject({ code: 'invalid_input', fields: { givenName: 'Enter a first name' } });

    const heavy = await refused('athletes.create', { givenName: 'Sam', familyName: 'Smith', bodyMassKg: 900 });
    expect(heavy.fields?.bodyMassKg).toBe('Body mass must be between 20 and 200 kg');

    const nowhere = await refused('athletes.create', { givenName: 'Sam', familyName: 'Smith', groupId: 999 });
    expect(nowhere).toMatchObject({ code: 'not_found', fields: { groupId: 'Choose a group from the list' } });
  });

  it('refuses a duplicate (same name, any case or spacing), and points to the archive for an archived one', async () => {
    const ana = await ok('athletes.create', { givenName: 'Ana', familyName: 'López' });
    const dup = await refused('athletes.create', { givenName: 'ana', familyName: '  LÓPEZ ' });
    expect(dup.code).toBe('conflict');
    expect(dup.fields?.familyName).toMatch(/already in the squad/);

    await ok('athletes.archive', { ids: [ana.id] });
    const dupArchived = await refused('athletes.create', { givenName: 'Ana', familyName: 'López' });
    expect(dupArchived.message).toMatch(/archived\. Restore them/);
  });

  it('edits an athlete without tripping over their own name', async () => {
    const ana = await ok('athletes.create', { givenName: 'Ana', familyName: 'López', bodyMassKg: 54.3 });
    const edited = await ok('athletes.update', { id: ana.id, fields: { givenName: 'Ana', familyName: 'López', bodyMassKg: 55, injured: true, injuryNotes: 'Shin splints' } });
    expect(edited).toMatchObject({ bodyMassKg: 55, injured: true, injuryNotes: 'Shin splints' });
  });

  it('archives and restores (the undo of archive), keeping the athlete and their fields', async () => {
    const a = await ok('athletes.create', { givenName: 'Ben', familyName: 'Okafor', grade: 11 });
    const b = await ok('athletes.create', { givenName: 'Cara', familyName: 'Nguyen' });
    expect(await ok('athletes.archive', { ids: [a.id, b.id, a.id] })).toEqual({ archivedIds: [a.id, b.id] });
    expect(await ok('athletes.list', { status: 'active' })).toEqual([]);
    expect((await ok('athletes.list', { status: 'archived' })).map((x) => x.familyName)).toEqual(['Nguyen', 'Okafor']);
    // Archiving again changes nothing and says so.
    expect(await ok('athletes.archive', { ids: [a.id] })).toEqual({ archivedIds: [] });
    expect(await ok('athletes.restore', { ids: [a.id] })).toEqual({ restoredIds: [a.id] });
    expect(await ok('athletes.get', { id: a.id })).toMatchObject({ grade: 11, archivedAt: null });
  });

  it('archiving a list with an unknown athlete archives nobody', async () => {
    const a = await ok('athletes.create', { givenName: 'Ben', familyName: 'Okafor' });
    const error = await refused('athletes.archive', { ids: [a.id, 4242] });
    expect(error.code).toBe('not_found');
  });

  it('removes an athlete outright (the undo of an add)', async () => {
    const a = await ok('athletes.create', { givenName: 'Typo', familyName: 'Nmae' });
    await ok('athletes.remove', { id: a.id });
    expect(await ok('athletes.list', { status: 'all' })).toEqual([]);
    await ok('athletes.create', { givenName: 'Typo', familyName: 'Nmae' });
  });
});

describe('groups', () => {
  it('creates groups at the end of the order, renames, recolours and reorders them', async () => {
    const sprints = await ok('groups.create', { name: 'Sprints', color: '#E8590C' });
    const distance = await ok('groups.create', { name: 'Distance', color: '#2f9e44' });
    expect([sprints.sortOrder, distance.sortOrder]).toEqual([1, 2]);
    expect(sprints.color).toBe('#e8590c');

    await ok('groups.update', { id: distance.id, name: 'Distance (XC)', color: '#1c7ed6' });
    await ok('groups.reorder', { orderedIds: [distance.id, sprints.id] });
    const list = await ok('groups.list', {});
    expect(list.map((g) => [g.name, g.color])).toEqual([
      ['Distance (XC)', '#1c7ed6'],
      ['Sprints', '#e8590c'],
    ]);
  });

  it('refuses a duplicate group name and a reorder that leaves a group out', async () => {
    const sprints = await ok('groups.create', { name: 'Sprints', color: '#e8590c' });
    await ok('groups.create', { name: 'Distance', color: '#2f9e44' });
    expect((await refused('groups.create', { name: ' sprints ', color: '#000000' })).fields?.name).toMatch(/already a group called/);
    expect((await refused('groups.reorder', { orderedIds: [sprints.id] })).code).toBe('conflict');
    expect((await refused('groups.reorder', { orderedIds: [sprints.id, sprints.id] })).code).toBe('conflict');
  });

  it('moves athletes between groups in bulk and reports where each came from (for undo)', async () => {
    const sprints = await ok('groups.create', { name: 'Sprints', color: '#e8590c' });
    const distance = await ok('groups.create', { name: 'Distance', color: '#2f9e44' });
    const a = await ok('athletes.create', { givenName: 'A', familyName: 'One', groupId: sprints.id });
    const b = await ok('athletes.create', { givenName: 'B', familyName: 'Two' });
    const { moved } = await ok('athletes.moveToGroup', { ids: [a.id, b.id], groupId: distance.id });
    expect(moved).toEqual([
      { id: a.id, fromGroupId: sprints.id },
      { id: b.id, fromGroupId: null },
    ]);
    expect((await ok('athletes.list', { status: 'active' })).filter((x) => x.groupId === distance.id).length).toBe(2);
    expect((await ok('groups.list', {})).map((g) => g.athleteCount)).toEqual([0, 2]);
  });

  it('removes only an empty group: athletes (even archived ones) keep theirs', async () => {
    const sprints = await ok('groups.create', { name: 'Sprints', color: '#e8590c' });
    const a = await ok('athletes.create', { givenName: 'A', familyName: 'One', groupId: sprints.id });
    await ok('athletes.archive', { ids: [a.id] });
    expect((await refused('groups.remove', { id: sprints.id })).message).toMatch(/still has 1 athlete/);
    await ok('athletes.moveToGroup', { ids: [a.id], groupId: null });
    await ok('groups.remove', { id: sprints.id });
    expect(await ok('groups.list', {})).toEqual([]);
  });
});

describe('settings and the sample squad', () => {
  it('starts with sensible defaults and saves changes', async () => {
    const defaults = await ok('settings.get', {});
    expect(defaults).toMatchObject({ unit: 'kg', plateIncrement: 2.5, barWeight: 20, dumbbellStep: 2, firstDayOfWeek: 1 });
    // 2026-09-07 is a Monday; the default season runs 52 weeks from it.
    expect(defaults.seasonStart).toBe('2026-09-07');
    expect(defaults.seasonEnd).toBe('2027-09-05');
    const saved = await ok('settings.update', { ...defaults, squadName: 'Riverside XC', unit: 'lb', plateIncrement: 5, barWeight: 45, dumbbellStep: 5 });
    expect(await ok('settings.get', {})).toEqual(saved);
  });

  it('refuses impossible settings field by field', async () => {
    const s = await ok('settings.get', {});
    const error = await refused('settings.update', { ...s, seasonStart: '2026-02-30', plateIncrement: 0 });
    expect(error.fields).toMatchObject({ seasonStart: 'Enter a real date as YYYY-MM-DD' });
    const tooLong = await refused('settings.update', { ...s, seasonStart: '2026-09-07', seasonEnd: '2028-09-07' });
    expect(tooLong.fields?.seasonEnd).toMatch(/at most 53 weeks/);
    const lbRange = await refused('settings.update', { ...s, unit: 'lb', plateIncrement: 25, barWeight: 45, dumbbellStep: 5 });
    expect(lbRange.fields?.plateIncrement).toBe('Plate increment must be between 0.5 and 20 lb');
  });

  it('loads the sample squad into an empty squad only', async () => {
    expect(await ok('sample.load', { seed: 1 })).toEqual({ athletes: 24, groups: 4 });
    expect((await ok('athletes.list', { status: 'active' })).length).toBe(24);
    expect((await ok('groups.list', {})).map((g) => g.athleteCount)).toEqual([6, 4, 6, 8]);
    expect((await refused('sample.load', { seed: 1 })).message).toMatch(/only be loaded into an empty squad/);
  });
});

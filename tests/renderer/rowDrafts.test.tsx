/**
 * The entry screens' drafts hook (renderer/app/drafts), on the working-max table, against a fake
 * main that checks inputs with the real contract schemas and can hold an answer back: main has
 * done the work (a write is stored, a read has read) but the answer is still on its way. With it:
 * a box typed right after a save's answer, a refetch read before a save arriving after it, a row
 * typed into during its save, a refused row, leaving the screen, and the leave guard.
 */
import type { QueryClient } from '@tanstack/react-query';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { CoachMaxInput, WorkingMaxList, WorkingMaxRow } from '@shared/contract/sheets';
import type { Exercise } from '@shared/plan/model';
import { setTransportForTests } from '@renderer/api/client';
import { MaxesTab } from '@renderer/features/sheets/MaxesTab';
import { makeAthlete } from './fakeApi';
import { createHeldApi, leaveTo, microtasks, Refusal, renderScreen, SETTINGS, takeAway, type } from './heldApi';

afterEach(() => setTransportForTests(null));

const TRAP_BAR = 7;
const ANA = 1;
const BEN = 2;
const TESTED_ON = '2025-09-01';
const athletes = [makeAthlete(ANA, { givenName: 'Ana', familyName: 'López' }), makeAthlete(BEN, { givenName: 'Ben', familyName: 'Okafor' })];
const trapBar: Exercise = {
  id: TRAP_BAR,
  code: 'trap_bar_deadlift',
  name: 'Trap bar deadlift',
  category: 'posterior_chain',
  pattern: 'hinge',
  unilateral: false,
  loadKind: 'external',
  equipment: 'barbell',
  defaultTempo: '2-0-X',
  cues: [],
  regressionId: null,
  progressionId: null,
  builtin: true,
  hidden: false,
  notes: '',
};

type Coach = Omit<CoachMaxInput, 'athleteId' | 'exerciseId'>;
const NOTHING: Coach = { testedKg: null, testedOn: null, startingKg: null, startingReps: null };

/** Main for the working-max table (answers can be held: ./heldApi.tsx). */
function createMaxesApi() {
  const coach = new Map<number, Coach>();
  const sets: CoachMaxInput[][] = [];
  /** Athletes whose rows main refuses. */
  const refusing = new Set<number>();

  function list(): WorkingMaxList {
    const rows: WorkingMaxRow[] = athletes.map((a) => {
      const c = coach.get(a.id) ?? null;
      const inUse = c?.testedKg && c.testedOn ? { kind: 'tested' as const, kg: c.testedKg, date: c.testedOn } : c?.startingKg && c.startingReps ? { kind: 'starting' as const, kg: c.startingKg, reps: c.startingReps } : null;
      return { athleteId: a.id, athleteName: `${a.givenName} ${a.familyName}`, groupId: null, exerciseId: TRAP_BAR, exerciseName: trapBar.name, coach: c, estimate: null, inUse };
    });
    return { asOf: '2025-09-08', rows };
  }

  const api = createHeldApi((method, input) => {
    switch (method) {
      case 'exercises.list':
        return [trapBar];
      case 'groups.list':
        return [];
      case 'athletes.list':
        return athletes;
      case 'settings.get':
        return SETTINGS;
      case 'maxes.list':
        return list();
      case 'maxes.set': {
        const entries = input.entries as CoachMaxInput[];
        if (entries.some((e) => refusing.has(e.athleteId))) throw new Refusal('conflict', 'Ben Okafor was archived on another screen.');
        sets.push(entries);
        const previous = entries.map((e) => ({ athleteId: e.athleteId, exerciseId: e.exerciseId, ...(coach.get(e.athleteId) ?? NOTHING) }));
        for (const { athleteId, exerciseId: _e, ...c } of entries) coach.set(athleteId, c);
        return { previous };
      }
      default:
        throw new Error(`${method} is not faked`);
    }
  });
  return { ...api, coach, sets, refusing };
}

const box = (who: string, what: 'tested 1RM' | 'tested on' | 'starting load' | 'starting load reps') => screen.getByLabelText(`${who}: ${what}`) as HTMLInputElement;
const row = (who: string) => screen.getByRole('row', { name: new RegExp(who) });

function dataUpdatedAt(client: QueryClient): number {
  return client.getQueryCache().findAll({ queryKey: ['maxes.list'] })[0]?.state.dataUpdatedAt ?? 0;
}

/** The table for the trap bar deadlift across the squad, on a fresh fake main. */
async function openMaxes() {
  const api = createMaxesApi();
  const rendered = renderScreen(api, '/sheets/maxes', `/sheets/maxes?exercise=${TRAP_BAR}&group=all`, <MaxesTab />);
  await screen.findByRole('table', { name: 'Working maxes' });
  return { api, ...rendered };
}

/** Ana's tested 1RM of 100 kg, with its date. */
function typeAnaTested() {
  type(box('Ana López', 'tested 1RM'), '100');
  type(box('Ana López', 'tested on'), TESTED_ON);
}

/** A starting load for one athlete. */
function typeStarting(who: string, load: string, reps: string) {
  type(box(who, 'starting load'), load);
  type(box(who, 'starting load reps'), reps);
}

/** What main is sent for one athlete's row. */
const sent = (athleteId: number, c: Partial<Coach>): CoachMaxInput => ({ athleteId, exerciseId: TRAP_BAR, ...NOTHING, ...c });
const ANA_ALL = { testedKg: 100, testedOn: TESTED_ON, startingKg: 60, startingReps: 5 };

describe('the drafts hook on an entry screen', () => {
  it("takes a save's answer as the row's base at once: a box typed before the screen refetches starts from what was saved", async () => {
    const { api } = await openMaxes();
    typeAnaTested();
    api.hold('maxes.set');
    api.hold('maxes.list');
    leaveTo(box('Ben Okafor', 'tested 1RM'));
    await waitFor(() => expect(api.waiting('maxes.set')).toBe(1));
    expect(within(row('Ana López')).getByLabelText('Saving')).toBeInTheDocument();

    // The answer arrives; the refetch it starts is held, so the screen's data still has no max for Ana.
    await act(async () => {
      api.release('maxes.set');
      await microtasks(() => api.waiting('maxes.list') === 1);
    });
    expect(api.waiting('maxes.list')).toBe(1);
    // Her starting load, typed now: the row starts from the saved 100 kg, not from the empty row before the save.
    typeStarting('Ana López', '60', '5');
    expect(box('Ana López', 'tested 1RM').value).toBe('100');
    leaveTo(box('Ben Okafor', 'tested 1RM'));
    await waitFor(() => expect(api.sets).toHaveLength(2));
    expect(api.sets[1]).toEqual([sent(ANA, ANA_ALL)]);

    // The refetch read before the second save arrives late: it changes nothing typed or saved.
    await act(async () => api.release('maxes.list'));
    await within(row('Ana López')).findByText('100 kg (tested)');
    expect([box('Ana López', 'tested 1RM').value, box('Ana López', 'starting load').value, box('Ana López', 'starting load reps').value]).toEqual(['100', '60', '5']);
    expect(api.coach.get(ANA)).toEqual(ANA_ALL);
  });

  it('never brings back a base read before a save, even when it lands just before the answer and is drawn after it', async () => {
    const { api, client } = await openMaxes();
    // Ben's save refreshes the table; that read (Ana still empty) is held.
    typeStarting('Ben Okafor', '40', '8');
    api.hold('maxes.list');
    leaveTo(box('Ana López', 'tested 1RM'));
    await waitFor(() => expect(api.waiting('maxes.list')).toBe(1));
    // Ana's save is stored, its answer held; the read it will start is held too.
    typeAnaTested();
    api.hold('maxes.set');
    api.hold('maxes.list');
    leaveTo(null);
    await waitFor(() => expect(api.waiting('maxes.set')).toBe(1));

    // The old read lands in the cache, then Ana's answer arrives, before the screen has drawn the old read.
    const before = dataUpdatedAt(client);
    await act(async () => {
      api.release('maxes.list');
      await microtasks(() => dataUpdatedAt(client) !== before);
      expect(dataUpdatedAt(client)).not.toBe(before);
      api.release('maxes.set');
      await microtasks(() => api.waiting('maxes.list') === 1);
    });
    // Drawn now: Ben's saved load from the old read, and Ana's saved max, not her empty row from it.
    await within(row('Ben Okafor')).findByText('40 kg x 8 (starting load)');
    expect([box('Ana López', 'tested 1RM').value, box('Ana López', 'tested on').value]).toEqual(['100', TESTED_ON]);
    expect(within(row('Ana López')).getByLabelText('Saved')).toBeInTheDocument();
    // A box typed now starts from the saved row too.
    typeStarting('Ana López', '60', '5');
    leaveTo(null);
    await waitFor(() => expect(api.sets).toHaveLength(3));
    expect(api.sets[2]).toEqual([sent(ANA, ANA_ALL)]);
    await act(async () => api.release('maxes.list'));
    await within(row('Ana López')).findByText('100 kg (tested)');
    expect(box('Ana López', 'starting load').value).toBe('60');
  });

  it('keeps one save on its way per row; a row typed into and left during it is saved again after it', async () => {
    const { api } = await openMaxes();
    typeAnaTested();
    api.hold('maxes.set');
    leaveTo(null);
    await waitFor(() => expect(api.waiting('maxes.set')).toBe(1));
    // Back in her row while it saves: a starting load, and out again.
    typeStarting('Ana López', '60', '5');
    leaveTo(null);
    await microtasks();
    expect(api.sets).toHaveLength(1);
    expect(within(row('Ana López')).getByLabelText('Saving')).toBeInTheDocument();

    await act(async () => api.release('maxes.set'));
    await waitFor(() => expect(api.sets).toHaveLength(2));
    expect(api.sets[0]).toEqual([sent(ANA, { testedKg: 100, testedOn: TESTED_ON })]);
    expect(api.sets[1]).toEqual([sent(ANA, ANA_ALL)]);
    await within(row('Ana López')).findByLabelText('Saved');
    expect(box('Ana López', 'starting load').value).toBe('60');
  });

  it('does not save a row with a refused box; it keeps saying why while other rows save and the table refetches', async () => {
    const { api } = await openMaxes();
    type(box('Ana López', 'tested 1RM'), '100');
    leaveTo(box('Ben Okafor', 'starting load'));
    expect(await within(row('Ana López')).findByText('When was it tested?')).toBeInTheDocument();
    expect(within(row('Ana López')).getByLabelText('Not saved: When was it tested?')).toBeInTheDocument();
    // Ben's save refetches the table; Ana's typing and message stay.
    typeStarting('Ben Okafor', '40', '8');
    leaveTo(null);
    await within(row('Ben Okafor')).findByText('40 kg x 8 (starting load)');
    expect(box('Ana López', 'tested 1RM').value).toBe('100');
    expect(within(row('Ana López')).getByText('When was it tested?')).toBeInTheDocument();
    // Another wrong box: the message follows what is wrong now.
    type(box('Ana López', 'starting load reps'), '50');
    expect(within(row('Ana López')).getByText('Reps are 1-30')).toBeInTheDocument();
    expect(api.sets).toEqual([[sent(BEN, { startingKg: 40, startingReps: 8 })]]);
    // Fixed and left: saved.
    type(box('Ana López', 'starting load reps'), '');
    type(box('Ana López', 'tested on'), TESTED_ON);
    leaveTo(null);
    await within(row('Ana López')).findByText('100 kg (tested)');
    expect(within(row('Ana López')).queryByText('When was it tested?')).toBeNull();
  });

  it('saves every valid changed row when the screen goes, not a refused one, and says so', async () => {
    const { api } = await openMaxes();
    type(box('Ben Okafor', 'tested 1RM'), '70');
    leaveTo(null);
    await within(row('Ben Okafor')).findByText('When was it tested?');
    // Ana's row is typed and still has the focus when the screen goes.
    typeStarting('Ana López', '45', '6');
    expect(api.sets).toEqual([]);
    act(() => takeAway());
    await screen.findByText('Taken away');
    await waitFor(() => expect(api.sets).toHaveLength(1));
    expect(api.sets[0]).toEqual([sent(ANA, { startingKg: 45, startingReps: 6 })]);
    expect(await screen.findByText(/Saved as you left: Ana López \(Trap bar deadlift\)/)).toBeInTheDocument();
    expect(screen.getByText('Ben Okafor (Trap bar deadlift): When was it tested?')).toBeInTheDocument();
    expect(api.coach.has(BEN)).toBe(false);
  });

  it('asks before leaving while a row cannot be saved: staying keeps it, leaving goes without it and says so', async () => {
    const { api, router } = await openMaxes();
    type(box('Ben Okafor', 'tested 1RM'), '70');
    leaveTo(null);
    await within(row('Ben Okafor')).findByText('When was it tested?');

    await act(async () => router.navigate('/roster'));
    const guard = await screen.findByRole('dialog', { name: 'One row cannot be saved' });
    expect(within(guard).getByText('Ben Okafor (Trap bar deadlift)')).toBeInTheDocument();
    expect(within(guard).getByText(/When was it tested\?/)).toBeInTheDocument();
    fireEvent.click(within(guard).getByRole('button', { name: 'Stay and fix them' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(router.state.location.pathname).toBe('/sheets/maxes');
    expect(box('Ben Okafor', 'tested 1RM').value).toBe('70');

    // Another exercise or group is another address: asked too.
    await act(async () => router.navigate('/sheets/maxes?exercise=7&group=3'));
    fireEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Leave without them' }));
    await act(async () => router.navigate('/roster'));
    await screen.findByText('The roster');
    expect(await screen.findByText('Ben Okafor (Trap bar deadlift): When was it tested?')).toBeInTheDocument();
    expect(api.sets).toEqual([]);
  });

  it('leaves without asking when every row can be saved, and saves a row still on its way again with what was typed during its save', async () => {
    const { api, router } = await openMaxes();
    typeAnaTested();
    api.hold('maxes.set');
    leaveTo(null);
    await waitFor(() => expect(api.waiting('maxes.set')).toBe(1));
    typeStarting('Ana López', '60', '5');

    await act(async () => router.navigate('/roster'));
    await screen.findByText('The roster');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(api.sets).toHaveLength(1);
    await act(async () => api.release('maxes.set'));
    await waitFor(() => expect(api.sets).toHaveLength(2));
    expect(api.coach.get(ANA)).toEqual(ANA_ALL);
    expect(await screen.findByText(/Saved as you left: Ana López \(Trap bar deadlift\)/)).toBeInTheDocument();
  });

  it("keeps a row main refused, says main's reason, and tries it again when the screen goes", async () => {
    const { api } = await openMaxes();
    api.refusing.add(BEN);
    typeStarting('Ben Okafor', '40', '8');
    leaveTo(null);
    expect(await within(row('Ben Okafor')).findByLabelText('Not saved: Ben Okafor was archived on another screen.')).toBeInTheDocument();
    expect(box('Ben Okafor', 'starting load').value).toBe('40');
    expect(screen.queryByRole('dialog')).toBeNull();

    act(() => takeAway());
    expect(await screen.findByText('Ben Okafor (Trap bar deadlift): Ben Okafor was archived on another screen.')).toBeInTheDocument();
    expect(api.sets).toEqual([]);
  });
});

/**
 * The result-entry screen on the drafts hook, against a fake main whose answers can be held
 * (./heldApi.tsx): the race of commit 13e0c59. Ben's session is saved as missed; his hamstrings
 * are marked after the answer, before the screen has fetched the day again; leaving the screen
 * must save both, not write his session back to "not entered".
 */
import { act, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ResultsDay } from '@shared/contract/sheets';
import type { DayResults } from '@shared/sheets/results';
import type { AthleteSheet } from '@shared/sheets/sheet';
import { setTransportForTests } from '@renderer/api/client';
import { ResultsTab } from '@renderer/features/sheets/ResultsTab';
import { makeAthlete } from './fakeApi';
import { createHeldApi, leaveTo, microtasks, renderScreen, SETTINGS, takeAway, type } from './heldApi';

afterEach(() => setTransportForTests(null));

const DAY = '2025-09-08';
const BEN = 2;
const group = { id: 1, name: 'Distance', color: '#2f9e44', sortOrder: 1, athleteCount: 1 };
const ben = makeAthlete(BEN, { givenName: 'Ben', familyName: 'Okafor', groupId: 1 });
const sheet: AthleteSheet = {
  athlete: { id: BEN, name: 'Ben Okafor', givenName: 'Ben', familyName: 'Okafor', groupId: 1, groupName: 'Distance', injured: false, injuryNotes: '' },
  date: DAY,
  block: { id: 1, name: 'Foundational 1', phase: 'foundational', week: 1, weeks: 4 },
  isDeload: false,
  session: { templateId: 4, name: 'Foundational A', sessionType: 'A', plannedMinutes: 45, targetRpe: 6, state: 'plan' },
  lines: [],
  run: null,
  note: '',
  events: [],
};

function createResultsApi() {
  let stored: DayResults = { athleteId: BEN, date: DAY, strength: null, run: null, wellness: null };
  const saves: DayResults[] = [];
  const api = createHeldApi((method, input) => {
    switch (method) {
      case 'groups.list':
        return [group];
      case 'athletes.list':
        return [ben];
      case 'settings.get':
        return SETTINGS;
      case 'results.day':
        return { sheet: { date: DAY, squadName: 'Test squad', title: 'Distance', gym: { unit: 'kg', plateIncrement: 2.5, barWeight: 20, dumbbellStep: 2 }, sheets: [sheet], nothingPlanned: [] }, results: [stored] } satisfies ResultsDay;
      case 'results.save': {
        const previous = stored;
        stored = input as unknown as DayResults;
        saves.push(stored);
        return { saved: stored, previous };
      }
      default:
        throw new Error(`${method} is not faked`);
    }
  });
  return { ...api, saves, stored: () => stored };
}

describe('the result cards on the drafts hook', () => {
  it("saves a box changed right after a save's answer over what was saved, not over the day before (commit 13e0c59)", async () => {
    const api = createResultsApi();
    renderScreen(api, '/sheets/results', `/sheets/results?date=${DAY}&group=1`, <ResultsTab />);
    const session = await screen.findByRole('combobox', { name: 'Ben Okafor, strength session' });
    type(session, 'missed');
    api.hold('results.save');
    api.hold('results.day');
    leaveTo(null);
    await waitFor(() => expect(api.waiting('results.save')).toBe(1));

    // The answer; the day it makes the screen fetch again is held, so the screen's data says "not entered".
    await act(async () => {
      api.release('results.save');
      await microtasks(() => api.waiting('results.day') === 1);
    });
    type(screen.getByRole('combobox', { name: 'Ben Okafor, hamstrings tight' }), 'yes');
    expect((screen.getByRole('combobox', { name: 'Ben Okafor, strength session' }) as HTMLSelectElement).value).toBe('missed');
    act(() => takeAway());
    await screen.findByText('Taken away');
    await waitFor(() => expect(api.saves).toHaveLength(2));
    expect(api.stored().strength).toMatchObject({ status: 'missed', sets: [] });
    expect(api.stored().wellness).toMatchObject({ hamstringTight: true });
    expect(await screen.findByText(/Saved as you left: Ben Okafor/)).toBeInTheDocument();
  });
});

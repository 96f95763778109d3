/**
 * The re-test entry grid on the drafts hook (./heldApi.tsx's fake main): a refused cell is not
 * saved, and switching the grid's page asks first, as leaving the screen does; a valid row is
 * saved when left and shows it.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { AthleteResultsInput } from '@shared/contract/retests';
import type { TestEntry, TestSessionSheet } from '@shared/domain/retests';
import { setTransportForTests } from '@renderer/api/client';
import { SessionPage } from '@renderer/features/retests/SessionPage';
import { builtinBattery } from '../shared/retestFixtures';
import { makeAthlete } from './fakeApi';
import { createHeldApi, leaveTo, renderScreen, SETTINGS, type } from './heldApi';

afterEach(() => setTransportForTests(null));

const CMJ = 1;
const BALANCE = 3;
const athletes = [makeAthlete(1, { givenName: 'Ana', familyName: 'López' }), makeAthlete(2, { givenName: 'Ben', familyName: 'Okafor' })];
const session = { id: 9, date: '2025-09-08', kind: 'retest' as const, label: 'End of block 1', notes: '', testIds: [CMJ, BALANCE], athleteCount: 0 };

function createRetestApi() {
  const saves: AthleteResultsInput[] = [];
  let entries: TestEntry[] = [];
  const api = createHeldApi((method, input) => {
    switch (method) {
      case 'retests.getSession':
        return { session, entries } satisfies TestSessionSheet;
      case 'retests.listTests':
        return builtinBattery;
      case 'retests.listSessions':
        return [session];
      case 'athletes.list':
        return athletes;
      case 'groups.list':
        return [];
      case 'settings.get':
        return SETTINGS;
      case 'retests.saveResults': {
        const [row] = input.athletes as AthleteResultsInput[];
        if (!row) throw new Error('nothing sent');
        saves.push(row);
        const saved: TestEntry[] = row.tests.flatMap((t) =>
          (t.trials ?? []).map((trial) => ({ athleteId: row.athleteId, testId: t.testId, side: trial.side ?? 'none', status: 'ok' as const, score: trial.value ?? null, addedLoadKg: null, eyes: null, trials: [{ trial: trial.trial, value: trial.value ?? 0, flightTimeS: null, runNumber: null }] })),
        );
        entries = [...entries.filter((e) => e.athleteId !== row.athleteId), ...saved];
        return { entries: saved.map((e) => ({ ...e, sessionId: session.id })), previous: [] };
      }
      default:
        throw new Error(`${method} is not faked`);
    }
  });
  return { ...api, saves };
}

const cell = (who: string, trial: number) => screen.getByRole('textbox', { name: `${who}, Countermovement jump, Trial ${trial}` });

describe('the re-test grid on the drafts hook', () => {
  it('saves a valid row when left, keeps a refused one with its reason, and asks before switching the page', async () => {
    const api = createRetestApi();
    renderScreen(api, '/retests/:sessionId', `/retests/${session.id}`, <SessionPage />);
    await screen.findByRole('table', { name: 'Results: CMJ' });
    const row = (who: string) => screen.getByRole('row', { name: new RegExp(who) });

    type(cell('Ana López', 1), '31.2');
    leaveTo(cell('Ben Okafor', 1));
    await within(row('López, Ana')).findByLabelText('Saved');
    expect(api.saves).toEqual([{ athleteId: 1, tests: [{ testId: CMJ, mark: null, addedLoadKg: null, eyes: null, trials: [{ side: 'none', trial: 1, value: 31.2, flightTimeS: null, runNumber: null }] }] }]);

    type(cell('Ben Okafor', 1), '3');
    leaveTo(cell('Ana López', 2));
    expect(within(row('Okafor, Ben')).getByRole('alert')).toHaveTextContent('3 cm is below the 5–90 cm range for Countermovement jump');
    expect(within(row('Okafor, Ben')).getByLabelText(/^Not saved: 3 cm is below/)).toBeInTheDocument();

    fireEvent.click(screen.getByRole('tab', { name: 'Balance' }));
    const guard = await screen.findByRole('dialog', { name: 'One row cannot be saved' });
    expect(within(guard).getByText('Ben Okafor')).toBeInTheDocument();
    fireEvent.click(within(guard).getByRole('button', { name: 'Stay and fix them' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(screen.getByRole('table', { name: 'Results: CMJ' })).toBeInTheDocument();
    expect((cell('Ben Okafor', 1) as HTMLInputElement).value).toBe('3');

    fireEvent.click(screen.getByRole('tab', { name: 'Balance' }));
    fireEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Leave without them' }));
    await screen.findByRole('table', { name: 'Results: Balance' });
    expect(api.saves).toHaveLength(1);
    expect(await screen.findByText('Ben Okafor: 3 cm is below the 5–90 cm range for Countermovement jump')).toBeInTheDocument();
    // Back on the CMJ page: Ana's saved value, Ben's refused one gone.
    fireEvent.click(screen.getByRole('tab', { name: 'CMJ' }));
    await screen.findByRole('table', { name: 'Results: CMJ' });
    expect([(cell('Ana López', 1) as HTMLInputElement).value, (cell('Ben Okafor', 1) as HTMLInputElement).value]).toEqual(['31.2', '']);
  });
});

import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { setTransportForTests } from '@renderer/api/client';
import { AppProviders, createQueryClient } from '@renderer/app/App';
import { RosterPage } from '@renderer/features/roster/RosterPage';
import { createFakeApi, makeAthlete } from './fakeApi';

afterEach(() => setTransportForTests(null));

function renderRoster(api: ReturnType<typeof createFakeApi>) {
  setTransportForTests(api.transport);
  return render(
    <AppProviders queryClient={createQueryClient()}>
      <RosterPage />
    </AppProviders>,
  );
}

const sprints = { id: 1, name: 'Sprints', color: '#e8590c', sortOrder: 1, athleteCount: 0 };
const distance = { id: 2, name: 'Distance', color: '#2f9e44', sortOrder: 2, athleteCount: 0 };

describe('roster screen', () => {
  it('shows a clear first step for an empty squad', async () => {
    renderRoster(createFakeApi());
    expect(await screen.findByText('Your squad is empty')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Add your first athlete' })).toBeEnabled();
    expect(screen.getByRole('button', { name: 'Load sample squad' })).toBeEnabled();
  });

  it('lists athletes by group, filters by group and by accent-insensitive search', async () => {
    const api = createFakeApi({
      groups: [sprints, distance],
      athletes: [
        makeAthlete(1, { givenName: 'Ana', familyName: 'López', groupId: 2 }),
        makeAthlete(2, { givenName: 'Ben', familyName: 'Okafor', groupId: 1 }),
        makeAthlete(3, { givenName: 'Cara', familyName: 'Nguyen', groupId: 2, injured: true }),
      ],
    });
    renderRoster(api);
    const table = await screen.findByRole('table', { name: 'Athletes' });
    const names = () => within(table).getAllByRole('row').slice(1).map((r) => within(r).getAllByRole('cell')[1]?.textContent);
    // Group order (Sprints first), then name.
    expect(names()).toEqual(['Okafor, Ben', 'López, Ana', 'Nguyen, CaraInjured']);

    const user = userEvent.setup();
    await user.type(screen.getByRole('textbox', { name: 'Search athletes' }), 'lopez');
    expect(names()).toEqual(['López, Ana']);
    await user.clear(screen.getByRole('textbox', { name: 'Search athletes' }));
    await user.click(screen.getByRole('checkbox', { name: 'Injured / modified only' }));
    expect(names()).toEqual(['Nguyen, CaraInjured']);
  });

  it('shows field messages for bad input and sends nothing', async () => {
    const api = createFakeApi({ groups: [sprints], athletes: [makeAthlete(1)] });
    renderRoster(api);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Add athlete' }));
    const form = await screen.findByRole('form', { name: 'Athlete' });
    await user.type(within(form).getByRole('textbox', { name: 'Last name' }), 'Smith');
    await user.type(within(form).getByRole('textbox', { name: 'Body mass' }), '900');
    await user.click(within(form).getByRole('button', { name: 'Add athlete' }));
    expect(await within(form).findByText('Enter a first name')).toBeInTheDocument();
    expect(within(form).getByText(/Body mass must be between 20 and 200 kg/)).toBeInTheDocument();
    expect(api.calls.filter((c) => c.method === 'athletes.create')).toEqual([]);
  });

  it('adds an athlete in pounds, storing kilograms, and shows a duplicate next to the name', async () => {
    const api = createFakeApi({ groups: [sprints], athletes: [makeAthlete(1, { givenName: 'Ana', familyName: 'López' })], settings: { unit: 'lb' } });
    renderRoster(api);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Add athlete' }));
    const form = await screen.findByRole('form', { name: 'Athlete' });
    await user.type(within(form).getByRole('textbox', { name: 'First name' }), 'Ana');
    await user.type(within(form).getByRole('textbox', { name: 'Last name' }), 'Lopez');
    await user.type(within(form).getByRole('textbox', { name: 'Body mass' }), '132.3');
    await user.click(within(form).getByRole('button', { name: 'Add athlete' }));
    // "Lopez" without the accent is a different name key here, so it is added: 132.3 lb = 60.01 kg.
    await waitFor(() => expect(api.calls.some((c) => c.method === 'athletes.create')).toBe(true));
    const sent = api.calls.find((c) => c.method === 'athletes.create')?.input as { bodyMassKg: number };
    expect(sent.bodyMassKg).toBeCloseTo(132.3 / 2.2046226, 6);

    await user.click(await screen.findByRole('button', { name: 'Add athlete' }));
    const again = await screen.findByRole('form', { name: 'Athlete' });
    await user.type(within(again).getByRole('textbox', { name: 'First name' }), 'ana');
    await user.type(within(again).getByRole('textbox', { name: 'Last name' }), 'LÓPEZ');
    await user.click(within(again).getByRole('button', { name: 'Add athlete' }));
    expect(await within(again).findByText('ana LÓPEZ is already in the squad.')).toBeInTheDocument();
  });

  it('archives an athlete and undoes it', async () => {
    const api = createFakeApi({ athletes: [makeAthlete(1, { givenName: 'Ana', familyName: 'López' }), makeAthlete(2)] });
    renderRoster(api);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Archive Ana López' }));
    expect(await screen.findByText('Archived Ana López')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByText('López, Ana')).not.toBeInTheDocument());
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(await screen.findByText('López, Ana')).toBeInTheDocument();
    expect(api.calls.map((c) => c.method)).toContain('athletes.restore');
  });
});

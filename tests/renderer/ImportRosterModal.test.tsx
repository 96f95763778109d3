import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { setTransportForTests } from '@renderer/api/client';
import { AppProviders, createQueryClient } from '@renderer/app/App';
import { ImportRosterModal } from '@renderer/features/data/ImportRosterModal';
import type { TableFile } from '@shared/contract/imports';
import { createFakeApi, makeAthlete } from './fakeApi';

afterEach(() => setTransportForTests(null));

/** Pick an option of a Mantine Select (its list stays mounted in jsdom, so look in the one it controls). */
async function choose(user: ReturnType<typeof userEvent.setup>, select: HTMLElement, option: string) {
  await user.click(select);
  const listbox = document.getElementById(select.getAttribute('aria-controls') ?? '') as HTMLElement;
  await user.click(within(listbox).getByRole('option', { name: option, hidden: true }));
}

const sprints = { id: 1, name: 'Sprints', color: '#e8590c', sortOrder: 1, athleteCount: 1 };
const existing = makeAthlete(7, { givenName: 'Ana', familyName: 'López', groupId: 1 });

/** The fake main: the roster from fakeApi, plus the two import calls, recorded. */
function importApi(table: TableFile) {
  const api = createFakeApi({ athletes: [existing], groups: [sprints] });
  const sent: { method: string; input: unknown }[] = [];
  const transport = async (method: string, input: unknown) => {
    sent.push({ method, input });
    if (method === 'imports.readTable') return { ok: true, value: table };
    if (method === 'imports.roster') return { ok: true, value: { athleteIds: [101, 102], groupIds: [9] } };
    return api.transport(method, input);
  };
  return { transport, sent };
}

function renderModal(transport: (method: string, input: unknown) => Promise<unknown>) {
  setTransportForTests(transport);
  return render(
    <AppProviders queryClient={createQueryClient()}>
      <ImportRosterModal opened onClose={() => undefined} athletes={[existing]} groups={[sprints]} unit="kg" />
    </AppProviders>,
  );
}

const table: TableFile = {
  format: 'csv',
  encoding: 'windows-1252',
  separator: 'semicolon',
  sheets: [],
  sheet: null,
  rows: [
    ['First name', 'Last name', 'Squad group', 'Wt'],
    ['Ana', 'López', 'Sprints', '54,5'],
    ['Ben', 'Okafor', 'Sprints', '66'],
    ['Cara', 'Nguyen', 'Throws', '61'],
  ],
  warnings: [],
};

describe('importing a roster', () => {
  it('reads the file, lists the refused row with its reason, lets the coach map a column, and sends only the checked rows', async () => {
    const { transport, sent } = importApi(table);
    renderModal(transport);
    const user = userEvent.setup();
    const dialog = await screen.findByRole('dialog', { name: 'Import athletes from a spreadsheet' });
    const input = dialog.querySelector('input[type="file"]') as HTMLInputElement;
    await user.upload(input, new File(['First name;Last name\n'], 'roster.csv', { type: 'text/csv' }));

    // The file as main read it, and the refused row (already in the squad).
    expect(await within(dialog).findByText(/Windows-1252 \(Western\), semicolon-separated · 4 rows/)).toBeInTheDocument();
    const refused = await within(dialog).findByRole('table', { name: 'Refused rows' });
    expect(within(refused).getByRole('row', { name: /^2 Ana López Ana López is already in the squad$/ })).toBeInTheDocument();
    expect(sent.find((c) => c.method === 'imports.readTable')?.input).toMatchObject({ fileName: 'roster.csv', encoding: 'auto', separator: 'auto', contentBase64: expect.any(String) });

    // "Squad group" and "Wt" were not recognised: map them by hand. Body mass now shows, in the squad's unit.
    await choose(user, within(dialog).getByLabelText('Column C holds'), 'Group');
    await choose(user, within(dialog).getByLabelText('Column D holds'), 'Body mass');
    // Throws is new: it will be created unless the coach says otherwise.
    expect(within(dialog).getByLabelText('What to do with group Throws')).toHaveValue('Create group "Throws"');
    await user.click(within(dialog).getByRole('tab', { name: /Will be added/ }));
    const added = within(dialog).getByRole('table', { name: 'Athletes to add' });
    expect(within(added).getAllByRole('row').slice(1).map((r) => r.textContent)).toEqual(['3Okafor, BenSprints——66 kg', '4Nguyen, CaraThrows new——61 kg']);

    await user.click(within(dialog).getByRole('button', { name: 'Add 2 athletes' }));
    await waitFor(() => expect(sent.some((c) => c.method === 'imports.roster')).toBe(true));
    const commit = sent.find((c) => c.method === 'imports.roster')?.input as { athletes: { rowNumber: number; fields: { groupId: number | null; bodyMassKg: number }; newGroup: string | null }[]; newGroups: { name: string }[] };
    expect(commit.athletes.map((a) => [a.rowNumber, a.fields.groupId, a.newGroup, a.fields.bodyMassKg])).toEqual([
      [3, 1, null, 66],
      [4, null, 'Throws', 61],
    ]);
    expect(commit.newGroups.map((g) => g.name)).toEqual(['Throws']);
    expect(await screen.findByText('Imported 2 athletes and 1 group from roster.csv')).toBeInTheDocument();
  });

  it('sends nothing while no column holds the names', async () => {
    const { transport, sent } = importApi({ ...table, rows: [['Group', 'Wt'], ['Sprints', '60']] });
    renderModal(transport);
    const user = userEvent.setup();
    const dialog = await screen.findByRole('dialog', { name: 'Import athletes from a spreadsheet' });
    await user.upload(dialog.querySelector('input[type="file"]') as HTMLInputElement, new File(['x'], 'groups.csv'));
    expect(await within(dialog).findByText('Choose the columns with the first and last names (or one column with the full name).')).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Add athletes' })).toBeDisabled();
    expect(sent.some((c) => c.method === 'imports.roster')).toBe(false);
  });

  it('adds a row whose event it cannot read with the event blank, says so, and fills it for every such row in one choice', async () => {
    const events: TableFile = {
      ...table,
      rows: [
        ['First name', 'Last name', 'Event'],
        ['Ben', 'Okafor', 'Race walk'],
        ['Cara', 'Nguyen', 'race-walk'],
        ['Dev', 'Patel', '800/1600'],
        ['', 'Nobody', 'XC'],
      ],
    };
    const { transport, sent } = importApi(events);
    renderModal(transport);
    const user = userEvent.setup();
    const dialog = await screen.findByRole('dialog', { name: 'Import athletes from a spreadsheet' });
    await user.upload(dialog.querySelector('input[type="file"]') as HTMLInputElement, new File(['x'], 'events.csv'));

    expect(await within(dialog).findByText('3 athletes will be added · 2 added with blanks · 1 row refused (fix them in the file and import them later)')).toBeInTheDocument();
    expect(within(dialog).getByText('“800/1600” → Middle distance')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('tab', { name: /Added with blanks/ }));
    const blanks = within(dialog).getByRole('table', { name: 'Rows added with blanks' });
    expect(within(blanks).getAllByRole('row').slice(1).map((r) => r.textContent)).toEqual([
      '2Okafor, BenEvent “Race walk” is not an event Backchain knows (sprints, hurdles, jumps, middle distance, distance, throws, multi-events): left blank',
      '3Nguyen, CaraEvent “race-walk” is not an event Backchain knows (sprints, hurdles, jumps, middle distance, distance, throws, multi-events): left blank',
    ]);

    // One value, two rows, one choice.
    expect(within(dialog).getByText('rows 2, 3')).toBeInTheDocument();
    await choose(user, within(dialog).getByLabelText('Event “Race walk” means'), 'Distance');
    expect(await within(dialog).findByText('3 athletes will be added · 1 row refused (fix them in the file and import them later)')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Add 3 athletes' }));
    await waitFor(() => expect(sent.some((c) => c.method === 'imports.roster')).toBe(true));
    const commit = sent.find((c) => c.method === 'imports.roster')?.input as { athletes: { rowNumber: number; fields: { eventFocus: string | null } }[] };
    expect(commit.athletes.map((a) => [a.rowNumber, a.fields.eventFocus])).toEqual([
      [2, 'distance'],
      [3, 'distance'],
      [4, 'middle_distance'],
    ]);
  });

  it('refuses a file far larger than a roster before reading it', async () => {
    const { transport, sent } = importApi(table);
    renderModal(transport);
    const user = userEvent.setup();
    const dialog = await screen.findByRole('dialog', { name: 'Import athletes from a spreadsheet' });
    const huge = new File(['x'], 'season.csv');
    Object.defineProperty(huge, 'size', { value: 50 * 1024 * 1024 });
    Object.defineProperty(huge, 'arrayBuffer', { value: () => Promise.reject(new Error('the page must not read this file')) });
    await user.upload(dialog.querySelector('input[type="file"]') as HTMLInputElement, huge);
    expect(await within(dialog).findByText('season.csv is 50 MB; a roster is at most 10 MB. Check it is the right file.')).toBeInTheDocument();
    expect(sent.some((c) => c.method === 'imports.readTable')).toBe(false);
  });
});

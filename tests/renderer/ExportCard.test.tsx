/**
 * The Export card in jsdom: the tables main lists, what is sent for the coach's choices (checked
 * against the real contract schema), progress while it runs, Stop, and a refusal shown under the
 * field it is about.
 */
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { setTransportForTests } from '@renderer/api/client';
import { AppProviders, createQueryClient } from '@renderer/app/App';
import { ExportCard } from '@renderer/features/data/ExportCard';
import { contract, type MethodName } from '@shared/contract';
import type { ExportOptions } from '@shared/contract/exports';
import type { SquadSettings } from '@shared/domain/settings';
import { fieldErrorsFromIssues } from '@shared/errors';

afterEach(() => setTransportForTests(null));

const settings: SquadSettings = {
  squadName: 'Riverside XC',
  seasonStart: '2026-09-07',
  seasonEnd: '2027-06-27',
  unit: 'kg',
  plateIncrement: 2.5,
  barWeight: 20,
  dumbbellStep: 2,
  firstDayOfWeek: 1,
};

const options: ExportOptions = {
  tables: [
    { key: 'athletes', label: 'Athletes', description: 'The roster.', usesDateRange: false, usesGroups: true, usesArchived: true },
    { key: 'day_plan', label: 'Day-by-day plan', description: "Each athlete's days.", usesDateRange: true, usesGroups: true, usesArchived: false },
  ],
  dates: { first: '2025-09-01', last: '2027-08-29' },
};

const summary = { activeAthletes: 3, groups: 1, blocks: 2, firstBlockStart: '2026-09-07', lastBlockEnd: '2026-11-01' };

/** A main that answers the export's calls: `create` waits until the test settles it. */
function fakeMain() {
  const calls: { method: string; input: unknown }[] = [];
  let settle: (value: unknown) => void = () => undefined;
  const transport = async (method: string, input: unknown) => {
    calls.push({ method, input });
    const parsed = contract[method as MethodName].input.safeParse(input);
    if (!parsed.success) return { ok: false, error: { code: 'invalid_input', message: 'invalid', fields: fieldErrorsFromIssues(parsed.error.issues) } };
    if (method === 'exports.create') return new Promise((resolve) => (settle = resolve));
    if (method === 'exports.progress') return { ok: true, value: { stage: 'Day-by-day plan', done: 4_400, total: 12_000 } };
    if (method === 'exports.cancel') return { ok: true, value: { canceled: true } };
    return { ok: false, error: { code: 'internal', message: `${method} is not faked` } };
  };
  return { transport, calls, settle: (value: unknown) => settle(value) };
}

function renderCard(main: ReturnType<typeof fakeMain>, overrides: Partial<Parameters<typeof ExportCard>[0]> = {}) {
  setTransportForTests(main.transport);
  return render(
    <AppProviders queryClient={createQueryClient()}>
      <ExportCard options={options} groups={[{ id: 1, name: 'Distance', color: '#2f9e44', sortOrder: 1, athleteCount: 3 }]} settings={settings} summary={summary} athleteCount={3} desktop={false} {...overrides} />
    </AppProviders>,
  );
}

describe('the Export card', () => {
  it('sends the chosen tables, the season and every group; shows progress while it runs; Stop stops it', async () => {
    const user = userEvent.setup();
    const main = fakeMain();
    renderCard(main);
    await user.click(screen.getByRole('checkbox', { name: /^Athletes/ }));
    await user.click(screen.getByRole('button', { name: 'Export' }));
    const create = main.calls.find((c) => c.method === 'exports.create')?.input as Record<string, unknown>;
    expect(create).toMatchObject({ format: 'xlsx', tables: ['day_plan'], from: '2026-09-07', to: '2027-06-27', groups: 'all', includeArchived: false });
    expect(await screen.findByText('Day-by-day plan: 4,400 of 12,000 rows')).toBeInTheDocument();
    // The choices are locked while it runs.
    expect(screen.getByRole('checkbox', { name: /^Day-by-day plan/ })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Stop' }));
    expect(main.calls.find((c) => c.method === 'exports.cancel')?.input).toEqual({ jobId: create.jobId });
    main.settle({ ok: true, value: { file: { outcome: 'canceled' }, tables: [] } });
    expect(await screen.findByText('Export stopped')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('button', { name: 'Export' })).toBeEnabled());
  });

  it('"All dates" takes the squad\'s whole span; a refusal about a date shows under that date', async () => {
    const user = userEvent.setup();
    const main = fakeMain();
    renderCard(main);
    await user.click(screen.getByRole('button', { name: 'All dates' }));
    await user.click(screen.getByRole('button', { name: 'Export' }));
    expect(main.calls.find((c) => c.method === 'exports.create')?.input).toMatchObject({ from: '2025-09-01', to: '2027-08-29' });
    main.settle({ ok: false, error: { code: 'invalid_input', message: 'To: At most five years at once: choose a shorter range', fields: { to: 'At most five years at once: choose a shorter range' } } });
    expect(await screen.findByText('At most five years at once: choose a shorter range')).toBeInTheDocument();
    // Under the field, not repeated in an alert.
    expect(screen.queryByText('Not exported')).not.toBeInTheDocument();
  });

  it('without any table chosen there is nothing to send; an empty squad has nothing to export', async () => {
    const user = userEvent.setup();
    const main = fakeMain();
    const { unmount } = renderCard(main);
    await user.click(screen.getByRole('checkbox', { name: /^Athletes/ }));
    await user.click(screen.getByRole('checkbox', { name: /^Day-by-day plan/ }));
    expect(screen.getByRole('button', { name: 'Export' })).toBeDisabled();
    expect(screen.getByText('Choose at least one thing to export.')).toBeInTheDocument();
    unmount();
    renderCard(main, { athleteCount: 0, summary: { ...summary, blocks: 0, activeAthletes: 0 } });
    expect(screen.getByText(/^Nothing to export yet/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Export' })).not.toBeInTheDocument();
  });
});

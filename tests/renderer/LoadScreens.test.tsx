/**
 * The Load section in jsdom, against a fake main that checks every input with the real contract
 * schemas: the heat map's cells, labels, measure, method, group filter and keyboard; the athlete
 * chart's method label, bands (off until switched on), method chooser and empty state.
 */
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setTransportForTests } from '@renderer/api/client';
import { AppProviders, createQueryClient } from '@renderer/app/App';
import { HEAT_COLOURS } from '@renderer/features/load/heatmap';
import { LoadPage } from '@renderer/features/load/LoadPage';
import { contract, type MethodName } from '@shared/contract';
import type { AthleteLoad, SquadLoadWeeks } from '@shared/contract/load';
import { ACWR_METHOD_LABELS, type AcwrMethod } from '@shared/load/series';
import { fieldErrorsFromIssues } from '@shared/errors';
import { makeAthlete } from './fakeApi';
import { makeAthleteLoad, makeDay, makeMatrix, makeWeek } from './loadFixtures';

beforeEach(() => {
  // jsdom lays nothing out: give every box a size so recharts draws and the virtualizer shows rows.
  vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockReturnValue({ x: 0, y: 0, top: 0, left: 0, right: 1000, bottom: 700, width: 1000, height: 700, toJSON: () => ({}) });
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(1000);
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(700);
});
afterEach(() => {
  setTransportForTests(null);
  vi.restoreAllMocks();
});

/** Pick an option of a Mantine Select (its list stays mounted in jsdom, so look in the one it controls). */
async function choose(user: ReturnType<typeof userEvent.setup>, label: string, option: string) {
  // The input and its list both carry the label; the input opens the list.
  const select = screen.getAllByLabelText(label).find((e) => e.tagName === 'INPUT') as HTMLElement;
  await user.click(select);
  const listbox = document.getElementById(select.getAttribute('aria-controls') ?? '') as HTMLElement;
  await user.click(within(listbox).getByRole('option', { name: option, hidden: true }));
}

const settings = { squadName: 'Riverside', seasonStart: '2026-09-07', seasonEnd: '2027-06-27', unit: 'kg', plateIncrement: 2.5, barWeight: 20, dumbbellStep: 2, firstDayOfWeek: 1 };

function fakeMain(answers: {
  matrix?: (input: { measure: string; acwrMethod: AcwrMethod | null }) => SquadLoadWeeks;
  athlete?: (input: { acwrMethod: AcwrMethod | null; from: string }) => AthleteLoad;
  /** Holds a load.athlete answer until the promise settles. */
  hold?: (input: { acwrMethod: AcwrMethod | null }) => Promise<void> | undefined;
}) {
  const calls: { method: string; input: Record<string, unknown> }[] = [];
  const transport = async (method: string, input: unknown) => {
    const parsed = contract[method as MethodName].input.safeParse(input);
    if (!parsed.success) return { ok: false, error: { code: 'invalid_input', message: 'invalid', fields: fieldErrorsFromIssues(parsed.error.issues) } };
    const value = parsed.data as Record<string, unknown>;
    calls.push({ method, input: value });
    switch (method) {
      case 'app.status':
        return { ok: true, value: { appVersion: 'test', mode: 'browser', dataDir: '/tmp', databasePath: '/tmp/squad.db', schemaVersion: 5, problem: null } };
      case 'settings.get':
        return { ok: true, value: settings };
      case 'athletes.list':
        return { ok: true, value: [makeAthlete(7, { givenName: 'Ana', familyName: 'López', groupId: 2 }), makeAthlete(11, { givenName: 'Ben', familyName: 'Okafor', groupId: 2 }), makeAthlete(13, { givenName: 'Cara', familyName: 'Nguyen', groupId: 2 })] };
      case 'groups.list':
        return { ok: true, value: [{ id: 2, name: 'Distance', color: '#2f9e44', sortOrder: 1, athleteCount: 2 }] };
      case 'load.squadWeeks':
        return { ok: true, value: structuredClone((answers.matrix ?? (() => makeMatrix()))(value as { measure: string; acwrMethod: AcwrMethod | null })) };
      case 'load.athlete':
        if (!answers.athlete) break;
        await answers.hold?.(value as { acwrMethod: AcwrMethod | null });
        return { ok: true, value: structuredClone(answers.athlete(value as { acwrMethod: AcwrMethod | null; from: string })) };
    }
    return { ok: false, error: { code: 'internal', message: `${method} is not faked` } };
  };
  return { transport, calls: (method: string) => calls.filter((c) => c.method === method).map((c) => c.input) };
}

function renderAt(path: string, main: ReturnType<typeof fakeMain>) {
  setTransportForTests(main.transport);
  return render(
    <AppProviders queryClient={createQueryClient()}>
      <MemoryRouter initialEntries={[path]}>
        <Routes>
          <Route path="/load/*" element={<LoadPage />} />
        </Routes>
      </MemoryRouter>
    </AppProviders>,
  );
}

const row = (name: string) => screen.getByRole('row', { name: `${name}: press Enter for the training load chart` });
const cellTexts = (name: string) => within(row(name)).getAllByRole('cell').map((c) => c.textContent);

describe('the squad heat map', () => {
  it('shows the groups, each athlete\u2019s weeks with their numbers, no data as a dash (not 0), deload and this week marked', async () => {
    renderAt('/load', fakeMain({}));
    const table = await screen.findByRole('table', { name: 'Squad weekly load by week' });
    expect(within(table).getAllByRole('rowheader').map((h) => h.textContent)).toEqual(['Distance(2)', 'Ana López', 'Ben Okafor', 'Sprints(1)', 'Cara Nguyen', 'No group(1)', 'Dan Ito']);
    // Weeks of 9 Nov (over), 16 Nov (this week: so far), 23 Nov (to come: empty).
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Athlete (4)', '9 Nov', '16 Novso far', '23 Novto come']);
    expect(cellTexts('Ana López')).toEqual(['1,490', '620', '']);
    expect(cellTexts('Ben Okafor')).toEqual(['\u2013', '0', '']);
    const [benFirst, benSecond] = within(row('Ben Okafor')).getAllByRole('cell');
    expect(benFirst).toHaveAttribute('title', 'Ben Okafor, week of Mon 9 Nov 2026: no data: nothing logged that week; deload week in the plan');
    expect(benFirst).toHaveClass('heat-none', 'heat-deload');
    expect(benSecond).not.toHaveClass('heat-none');
    expect(within(row('Ana López')).getAllByRole('cell')[1]).toHaveAttribute('title', 'Ana López, week of Mon 16 Nov 2026: 620 AU so far (the week is not over)');
    // The scale: positive values 300, 620, 900, 1490, 2150; the 95th percentile (5th of 5) is 2150; 2150 / 6 = 358 -> steps of 400.
    // Cara's 2150 is at or over 2000 (the 5th step): the 6th class of 7.
    expect(within(row('Cara Nguyen')).getAllByRole('cell')[0]).toHaveStyle({ background: HEAT_COLOURS[5] });
    const legend = screen.getByTestId('heat-legend');
    expect(within(legend).getByText('under 400 AU')).toBeInTheDocument();
    expect(within(legend).getByText('2,400 AU and over')).toBeInTheDocument();
    expect(within(legend).getByText('no data (not 0)')).toBeInTheDocument();
  });

  it('switches to the ratio: asks main for it, labels it with its method and shows its caveats; the method can be changed', async () => {
    const main = fakeMain({
      matrix: (input) =>
        input.measure === 'acwr'
          ? makeMatrix({
              measure: 'acwr',
              acwrMethod: input.acwrMethod ?? 'ewma',
              acwrMethodLabel: ACWR_METHOD_LABELS[input.acwrMethod ?? 'ewma'],
              athletes: makeMatrix().athletes.map((a) => ({ ...a, values: [1.234, null, null] })),
              acwrCaveats: [
                { title: 'Mathematical coupling', text: 'The acute week is part of the chronic load.' },
                { title: 'Weak, non-causal evidence', text: 'No evidence that steering the ratio prevents injury.' },
              ],
            })
          : makeMatrix(),
    });
    renderAt('/load', main);
    await screen.findByRole('table', { name: 'Squad weekly load by week' });
    const user = userEvent.setup();
    await user.click(screen.getByRole('radio', { name: 'Acute:chronic ratio' }));
    await screen.findByRole('table', { name: 'Squad acute:chronic ratio by week' });
    expect(main.calls('load.squadWeeks').at(-1)).toMatchObject({ measure: 'acwr', acwrMethod: null });
    // The table is relabelled at once; the ratio's answer (with its caveats) may land a moment later.
    const caveats = await screen.findByTestId('acwr-caveats');
    expect(await within(caveats).findByText(/Mathematical coupling/)).toBeInTheDocument();
    expect(within(caveats).getByText(/EWMA 7\/28 days \(seed: first day\)/)).toBeInTheDocument();
    expect(cellTexts('Ana López')).toEqual(['1.23', '\u2013', '']);
    expect(within(screen.getByTestId('heat-legend')).getByText('1.60 and over')).toBeInTheDocument();

    await choose(user, 'Ratio method', 'Rolling, coupled');
    await waitFor(() => expect(main.calls('load.squadWeeks').at(-1)).toMatchObject({ measure: 'acwr', acwrMethod: 'rolling-coupled' }));
    expect(await within(screen.getByTestId('acwr-caveats')).findByText(/Rolling 7 days \/ 28 days \(coupled\)/)).toBeInTheDocument();
  });

  it('filters by group, and opens an athlete\u2019s chart with Enter after moving with the arrows', async () => {
    const main = fakeMain({ athlete: () => makeAthleteLoad([makeDay('2026-11-09', '2026-11-09')], [makeWeek('2026-11-09')]) });
    renderAt('/load', main);
    await screen.findByRole('table', { name: 'Squad weekly load by week' });
    const user = userEvent.setup();
    await choose(user, 'Group', 'Sprints');
    await waitFor(() => expect(screen.queryByText('Ana López')).not.toBeInTheDocument());
    expect(screen.getByText('Cara Nguyen')).toBeInTheDocument();

    await choose(user, 'Group', 'All groups');
    row('Ana López').focus();
    await user.keyboard('{ArrowDown}');
    await waitFor(() => expect(row('Ben Okafor')).toHaveFocus());
    // Down from Ben skips the Sprints header to Cara.
    await user.keyboard('{ArrowDown}');
    await waitFor(() => expect(row('Cara Nguyen')).toHaveFocus());
    await user.keyboard('{Enter}');
    await waitFor(() => expect(main.calls('load.athlete')[0]).toMatchObject({ athleteId: 13 }));
    expect(screen.getByRole('heading', { name: 'Cara Nguyen' })).toBeInTheDocument();
  });

  it('says what to do with an empty squad', async () => {
    renderAt('/load', fakeMain({ matrix: () => makeMatrix({ groups: [], athletes: [] }) }));
    expect(await screen.findByText('No athletes yet')).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });
});

/** Ana's two weeks: logged days with acute and chronic load, a ratio, a deload, a wellness check; today Wed 18 Nov. */
function anaLoad(method: AcwrMethod | null): AthleteLoad {
  const m = method ?? 'ewma';
  const days = [
    makeDay('2026-11-09', '2026-11-09', { status: 'done', plannedLoad: 390, actualLoad: 405, acuteLoad: 200, chronicLoad: 180, acwr: 200 / 180 }),
    makeDay('2026-11-10', '2026-11-09', { status: 'done', plannedLoad: 400, actualLoad: 380, acuteLoad: 210, chronicLoad: 185, acwr: 210 / 185, isDeload: true }),
    makeDay('2026-11-11', '2026-11-09', {
      status: 'rest',
      acuteLoad: 180,
      chronicLoad: 180,
      acwr: 1,
      wellness: { total: 19, baselineMean: 20, z: -0.5, lowItems: [], hamstringTight: false, flagged: false, flaggedRun: 0 },
    }),
    makeDay('2026-11-12', '2026-11-09', { status: 'not-logged', plannedLoad: 250, actualLoad: null, acuteLoad: 150, chronicLoad: 175, acwrUnavailable: 'too-many-missing-days' }),
    makeDay('2026-11-18', '2026-11-16', { status: 'not-logged', plannedLoad: 250, actualLoad: null }),
    makeDay('2026-11-19', '2026-11-16', { status: 'future', plannedLoad: 300, actualLoad: null }),
  ];
  return makeAthleteLoad(days, [makeWeek('2026-11-09', { load: 785, plannedLoad: 1040, missingDays: 1, changePercent: 8 }), makeWeek('2026-11-16', { complete: false, plannedLoad: 550 })], {
    series: { acwrMethod: m, acwrMethodLabel: ACWR_METHOD_LABELS[m], monotonySd: 'sample', days, weeks: [], lastDeload: null, firstPlanDay: null },
  });
}

describe('the athlete chart', () => {
  it('labels the ratio with its method; the commonly quoted bands are off until switched on', async () => {
    const main = fakeMain({ athlete: (input) => ({ ...anaLoad(input.acwrMethod), series: { ...anaLoad(input.acwrMethod).series, weeks: anaLoad(null).series.weeks } }) });
    const { container } = renderAt('/load/athlete/7', main);
    const ratio = await screen.findByTestId('panel-ratio');
    expect(within(ratio).getByText('EWMA 7/28 days (seed: first day)')).toBeInTheDocument();
    expect(container.querySelectorAll('.recharts-surface').length).toBe(4);
    // Deload (10 Nov) shaded in each panel; in the ratio panel, no band and no line at 1.5 yet.
    const areas = () => ratio.querySelectorAll('.recharts-reference-area').length;
    const lines = () => ratio.querySelectorAll('.recharts-reference-line').length;
    const [areasOff, linesOff] = [areas(), lines()];
    expect(areasOff).toBe(1);
    expect(screen.queryByTestId('ratio-bands-legend')).not.toBeInTheDocument();

    const user = userEvent.setup();
    await user.click(screen.getByRole('switch', { name: 'Show the commonly quoted bands' }));
    await waitFor(() => expect(areas()).toBe(areasOff + 1));
    expect(lines()).toBe(linesOff + 1);
    expect(screen.getByTestId('ratio-bands-legend')).toHaveTextContent('0.8–1.3, the commonly quoted usual range');
    expect(screen.getByTestId('ratio-bands-legend')).not.toHaveTextContent(/injury|danger|sweet/i);
  });

  it('asks main for the chosen method and relabels the ratio with it, keeping the last charts (dimmed) meanwhile', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const main = fakeMain({ athlete: (input) => anaLoad(input.acwrMethod), hold: (input) => (input.acwrMethod === 'rolling-uncoupled' ? gate : undefined) });
    renderAt('/load/athlete/7', main);
    await screen.findByTestId('panel-ratio');
    const user = userEvent.setup();
    await user.click(screen.getByRole('radio', { name: 'Rolling, uncoupled' }));
    await waitFor(() => expect(main.calls('load.athlete').at(-1)).toMatchObject({ athleteId: 7, acwrMethod: 'rolling-uncoupled' }));
    // While main answers, the page keeps its charts (no collapse to a spinner), marked as being read.
    expect(screen.getByTestId('athlete-load-chart')).toHaveAttribute('data-reading', 'true');
    expect(within(screen.getByTestId('panel-ratio')).getByText('EWMA 7/28 days (seed: first day)')).toBeInTheDocument();
    release();
    expect(await within(screen.getByTestId('panel-ratio')).findByText('Rolling 7 days / the 21 days before')).toBeInTheDocument();
    expect(screen.getByTestId('athlete-load-chart')).toHaveAttribute('data-reading', 'false');
  });

  it('writes out why numbers are missing, and keeps how they are made under the charts', async () => {
    renderAt('/load/athlete/7', fakeMain({ athlete: (input) => anaLoad(input.acwrMethod) }));
    const notes = await screen.findByTestId('ratio-notes');
    expect(notes).toHaveTextContent('No ratio on 12 Nov: Too many days without a record in this window (more than 10%) to compute it.');
    expect(notes).toHaveTextContent('Today is not logged yet: the lines stop at yesterday.');
    expect(screen.getByText('Not logged (unknown, not 0)')).toBeInTheDocument();
    const user = userEvent.setup();
    const how = screen.getByRole('button', { name: /How these numbers are made/ });
    expect(how).toHaveAttribute('aria-expanded', 'false');
    await user.click(how);
    expect(how).toHaveAttribute('aria-expanded', 'true');
    const caveats = screen.getByTestId('load-caveats');
    expect(within(caveats).getByText('Mathematical coupling.')).toBeInTheDocument();
    expect(within(caveats).getByText('Session load = session RPE x minutes.')).toBeInTheDocument();
    expect(within(caveats).getByText('These flags are heuristics.')).toBeInTheDocument();
  });

  it('says so when the athlete has no plan and no logs in the range', async () => {
    const empty = makeAthleteLoad([makeDay('2026-11-09', '2026-11-09'), makeDay('2026-11-19', '2026-11-16', { status: 'future', actualLoad: null })], []);
    renderAt('/load/athlete/7', fakeMain({ athlete: () => empty }));
    expect(await screen.findByTestId('load-chart-empty')).toHaveTextContent('Nothing to chart for Ana López from 9 Nov to 19 Nov');
    expect(screen.queryByTestId('panel-ratio')).not.toBeInTheDocument();
  });

  it('offers the athletes to choose from when none is chosen, and says when the one asked for does not exist', async () => {
    renderAt('/load/athlete', fakeMain({}));
    expect(await screen.findByText(/Choose an athlete to see their daily and weekly load/)).toBeInTheDocument();
    renderAt('/load/athlete/999', fakeMain({}));
    expect(await screen.findByText('There is no athlete with record number 999. Choose one from the list.')).toBeInTheDocument();
  });
});

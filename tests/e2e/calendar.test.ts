import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addDays, localToday, startOfWeek } from '@shared/dates';
import { chromiumSession, screenshot } from './harness';

const e2e = chromiumSession();

// page.evaluate runs in Chromium; the one browser global it touches (this file has no DOM types).
declare const sessionStorage: { getItem(key: string): string | null };

/** Call the API from the page (same token, same server), for setup and for checking what was saved. */
async function api<T>(page: Page, method: string, input: unknown): Promise<T> {
  return page.evaluate(
    async ([m, i]) => {
      const token = sessionStorage.getItem('backchain.token') ?? '';
      const response = await fetch(`./api/${m}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-backchain-token': token }, body: JSON.stringify(i) });
      const body = (await response.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
      if (!body.ok) throw new Error(body.error?.message ?? 'failed');
      return body.value;
    },
    [method, input] as const,
  ) as Promise<T>;
}

/** The grid cell of an athlete on a date (week and month views: the header has every day). */
async function cellCentre(page: Page, athleteId: number, date: string): Promise<{ x: number; y: number }> {
  const day = page.locator(`.cal-dh[data-day="${date}"]`);
  await day.scrollIntoViewIfNeeded();
  const dayBox = await day.boundingBox();
  const rowBox = await page.locator(`[data-athlete="${athleteId}"]`).boundingBox();
  if (!dayBox || !rowBox) throw new Error(`no cell for athlete ${athleteId} on ${date}`);
  return { x: dayBox.x + dayBox.width / 2, y: rowBox.y + rowBox.height / 2 };
}

async function clickCell(page: Page, athleteId: number, date: string, options: { shift?: boolean } = {}) {
  const { x, y } = await cellCentre(page, athleteId, date);
  if (options.shift) await page.keyboard.down('Shift');
  await page.mouse.click(x, y);
  if (options.shift) await page.keyboard.up('Shift');
}

const activeCell = (page: Page) => page.getByTestId('calendar-active-cell');

/** Close the day drawer and wait until its overlay has gone (it would catch the next click). */
async function closeDrawer(page: Page) {
  await page.keyboard.press('Escape');
  await page.getByRole('dialog', { name: 'Day detail' }).waitFor({ state: 'hidden' });
  await page.locator('.mantine-Drawer-overlay').waitFor({ state: 'detached' });
}

/** Let a drawer or dialog finish sliding in before a screenshot. */
const settle = (page: Page) => page.waitForTimeout(400);

async function zoom(page: Page, to: 'Week' | 'Month' | 'Season') {
  await page.getByRole('radiogroup', { name: 'Zoom' }).getByText(to, { exact: true }).click();
  await page.locator(`[data-testid="calendar-grid"][data-zoom="${to.toLowerCase()}"]`).waitFor();
  await page.locator('[data-testid="calendar-area"][data-ready="true"]').waitFor();
}

interface DayDetailLite {
  strength: { templateName: string | null; state: string };
  run: { run: { type: string } | null; state: string };
  change: unknown;
}

describe('season plan and calendar, end to end in Chromium', () => {
  it('builds a 2-block plan for a group, overrides one athlete, sees it at every zoom, undoes; bulk and keyboard', async () => {
    const { page, errors } = await e2e.start();
    await page.getByText('Your squad is empty').waitFor();

    // Calendar with nobody in the squad.
    await page.keyboard.press('Control+2');
    await page.getByText('No athletes yet').waitFor();
    await screenshot(page, 'calendar-01-no-athletes');

    // A distance group of three (set up through the API: the roster has its own tests).
    const group = await api<{ id: number }>(page, 'groups.create', { name: 'Distance', color: '#2f9e44' });
    const ana = await api<{ id: number }>(page, 'athletes.create', { givenName: 'Ana', familyName: 'López', groupId: group.id, eventFocus: 'distance', raceGoal: 'half_marathon' });
    const ben = await api<{ id: number }>(page, 'athletes.create', { givenName: 'Ben', familyName: 'Okafor', groupId: group.id, eventFocus: 'distance', raceGoal: '5k' });
    const cara = await api<{ id: number }>(page, 'athletes.create', { givenName: 'Cara', familyName: 'Nguyen', groupId: group.id, eventFocus: 'distance', raceGoal: '10k' });
    await page.reload();
    await page.getByText('Plan your first block').first().waitFor();
    await screenshot(page, 'calendar-02-no-plan');

    // Block 1: the editor starts from acclimation, this week, DOMAIN's week for a distance group.
    await page.getByRole('button', { name: 'Plan your first block' }).click();
    await page.getByRole('heading', { name: 'New block' }).waitFor();
    const form = page.getByRole('form', { name: 'Block' });
    await expect(form.getByRole('textbox', { name: 'Name' }).inputValue()).resolves.toBe('Acclimation');
    await expect(form.getByLabel('Monday strength session', { exact: true }).inputValue()).resolves.toBe('Acclimation A posterior chain');
    await expect(form.getByLabel('Thursday strength session', { exact: true }).inputValue()).resolves.toBe('Acclimation B core & hip stability');
    await expect(form.getByLabel('Tuesday run', { exact: true }).inputValue()).resolves.toBe('Intervals');
    await page.getByText('No planning warnings').waitFor();
    await screenshot(page, 'plan-01-first-block-editor');
    await form.getByRole('button', { name: 'Add block' }).click();
    await page.getByRole('heading', { name: 'Plan' }).waitFor();
    await page.getByRole('table', { name: 'Blocks' }).getByRole('row', { name: /Acclimation/ }).waitFor();

    // Block 2: foundational, right after the first; made 7 weeks without a deload, the editor warns (and still saves).
    await page.getByRole('button', { name: 'New block' }).click();
    await page.getByRole('heading', { name: 'New block' }).waitFor();
    const monday = startOfWeek(localToday(), 1);
    const foundationalStart = addDays(monday, 14);
    await expect(form.getByRole('textbox', { name: 'Name' }).inputValue()).resolves.toBe('Foundational strength 1');
    await form.getByRole('textbox', { name: 'Weeks' }).fill('7');
    await form.getByLabel('Deload week').click();
    await page.getByRole('option', { name: 'No deload' }).click();
    await page.getByLabel('Planning warnings').getByText(/Week 7 of strength work in a row without a deload/).waitFor();
    await page.getByText(/Foundational strength blocks usually last 4-6 weeks; this one has 7/).waitFor();
    await screenshot(page, 'plan-02-block-editor-warnings');
    // Back to the usual 4 weeks with the last a deload.
    await form.getByRole('textbox', { name: 'Weeks' }).fill('4');
    await form.getByLabel('Deload week').click();
    await page.getByRole('option', { name: 'Week 4' }).click();
    await page.getByText('No planning warnings').waitFor();
    await form.getByRole('button', { name: 'Add block' }).click();
    await page.getByRole('table', { name: 'Blocks' }).getByRole('row', { name: /Foundational strength 1/ }).waitFor();
    await screenshot(page, 'plan-03-two-blocks');

    // Bad input: stretching the acclimation block over the foundational one is flagged as you type and refused on save; nothing changes.
    await page.getByRole('table', { name: 'Blocks' }).getByRole('row', { name: /Acclimation/ }).click();
    await page.getByRole('heading', { name: 'Edit block: Acclimation' }).waitFor();
    await form.getByRole('textbox', { name: 'Weeks' }).fill('4');
    await page.getByText('Overlaps another block').waitFor();
    await form.getByRole('button', { name: 'Save block' }).click();
    await page.getByText(/"Foundational strength 1" already covers Distance from/).first().waitFor();
    await screenshot(page, 'plan-04-overlap-refused');
    const acclimation = (await api<{ name: string; weeks: number }[]>(page, 'blocks.list', {})).find((b) => b.name === 'Acclimation');
    expect(acclimation?.weeks).toBe(2);
    await form.getByRole('button', { name: 'Cancel' }).click();

    // The calendar: the plan is there for all three.
    await page.keyboard.press('Control+2');
    await page.locator('[data-testid="calendar-area"][data-ready="true"]').waitFor();
    await zoom(page, 'Month');
    await clickCell(page, ben.id, foundationalStart);
    const drawer = page.getByRole('dialog', { name: 'Day detail' });
    await drawer.getByText('Foundational A posterior chain').first().waitFor();
    // DOMAIN.md's foundational A in week 1: trap bar deadlift 3 x 6 @ 70% of max, tempo 2-0-X.
    await drawer.getByRole('row', { name: /Trap bar deadlift\s*3 x 6\s*@ 70% of max\s*2-0-X\s*150 s/ }).waitFor();
    await settle(page);
    await screenshot(page, 'calendar-03-day-detail');
    await closeDrawer(page);

    // Override one athlete: Ana skips her session on the first foundational Monday.
    await clickCell(page, ana.id, foundationalStart);
    await drawer.getByRole('button', { name: 'Skip', exact: true }).click();
    await drawer.getByText('skipped').first().waitFor();
    await closeDrawer(page);
    const skipped = await api<DayDetailLite>(page, 'calendar.day', { athleteId: ana.id, date: foundationalStart });
    expect(skipped.strength.state).toBe('skipped');
    const other = await api<DayDetailLite>(page, 'calendar.day', { athleteId: ben.id, date: foundationalStart });
    expect(other.strength).toMatchObject({ templateName: 'Foundational A posterior chain', state: 'plan' });

    // Seen on the grid at every zoom (the active cell is read out; screenshots for the eye).
    for (const level of ['Week', 'Month', 'Season'] as const) {
      await zoom(page, level);
      if (level === 'Season') {
        // The season view is drawn on a canvas: reach the day by keyboard from Ana's first day.
        await page.getByTestId('calendar-grid').focus();
        await page.keyboard.press('ArrowRight');
      } else {
        await clickCell(page, ana.id, foundationalStart, { shift: true });
      }
      await screenshot(page, `calendar-04-override-${level.toLowerCase()}`);
    }
    await zoom(page, 'Week');
    await clickCell(page, ana.id, foundationalStart);
    await page.getByRole('dialog', { name: 'Day detail' }).waitFor();
    await closeDrawer(page);
    await expect(activeCell(page).textContent()).resolves.toMatch(/^Ana López, .*: Foundational A posterior chain \(skipped\)/);

    // Undo (Ctrl+Z) puts Ana's session back.
    await page.getByTestId('calendar-grid').focus();
    await page.keyboard.press('Control+z');
    await page.getByText(/Undone: Skipped Ana López's session/).waitFor();
    expect((await api<DayDetailLite>(page, 'calendar.day', { athleteId: ana.id, date: foundationalStart })).strength.state).toBe('plan');

    // Bulk: the whole group's Tuesday by clicking the group's row, then skip the run for everyone.
    const tuesday = addDays(foundationalStart, 1);
    const tuesdayBox = await page.locator(`.cal-dh[data-day="${tuesday}"]`).boundingBox();
    const groupRow = await page.locator('.cal-row.grp').first().boundingBox();
    if (!tuesdayBox || !groupRow) throw new Error('no group row');
    await page.mouse.click(tuesdayBox.x + tuesdayBox.width / 2, groupRow.y + groupRow.height / 2);
    const bulk = page.getByRole('region', { name: 'Selected days' });
    await bulk.getByText('3 athletes × 1 day selected').waitFor();
    await screenshot(page, 'calendar-05-group-day-selected');
    await bulk.getByRole('button', { name: 'Run' }).click();
    await page.getByRole('button', { name: 'Skip the run' }).click();
    await page.getByText(/Skipped runs \(3 athlete-days\)/).first().waitFor();
    for (const who of [ana, ben, cara]) expect((await api<DayDetailLite>(page, 'calendar.day', { athleteId: who.id, date: tuesday })).run.state).toBe('skipped');
    await screenshot(page, 'calendar-06-runs-skipped');

    // Keyboard: Delete on the selection resets it to the plan; Ctrl+Z brings the skipped runs back.
    await page.getByTestId('calendar-grid').focus();
    await page.keyboard.press('Delete');
    await page.getByText(/Reset to the group plan: 3 athletes/).first().waitFor();
    expect((await api<DayDetailLite>(page, 'calendar.day', { athleteId: cara.id, date: tuesday })).run.state).toBe('plan');
    await page.keyboard.press('Control+z');
    await page.getByText(/Undone: Reset to the group plan/).waitFor();
    expect((await api<DayDetailLite>(page, 'calendar.day', { athleteId: cara.id, date: tuesday })).run.state).toBe('skipped');

    // Arrows move, Enter opens the day.
    await page.keyboard.press('Escape');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.getByRole('dialog', { name: 'Day detail' }).getByText(/Nguyen|Okafor|López/).first().waitFor();
    await closeDrawer(page);
    expect(errors).toEqual([]);
  });

  it('the sample squad: every zoom, an injured athlete with regressions, and every plan screen', async () => {
    const { app, page, errors } = await e2e.start();
    await page.getByRole('button', { name: 'Load sample squad' }).click();
    await page.getByText('24 active athletes').waitFor();
    // With a plan, the app opens on the calendar.
    await page.goto(app.openUrl);
    await page.locator('[data-testid="calendar-area"][data-ready="true"]').waitFor();
    for (const level of ['Week', 'Month', 'Season'] as const) {
      await zoom(page, level);
      await screenshot(page, `calendar-sample-${level.toLowerCase()}`);
    }
    await zoom(page, 'Month');

    // Regressions suggested for injured athletes: reviewed, applied, undone.
    await page.getByRole('button', { name: 'Review' }).click();
    const modal = page.getByRole('dialog', { name: 'Regressions for injured athletes' });
    await modal.waitFor();
    await settle(page);
    await screenshot(page, 'calendar-sample-regressions');
    await page.keyboard.press('Escape');
    await modal.waitFor({ state: 'detached' });

    // An injured athlete's day: the drawer shows the regressions in use and the suggestions left.
    const athletes = await api<{ id: number; injured: boolean; familyName: string }[]>(page, 'athletes.list', { status: 'active' });
    const injured = athletes.find((a) => a.injured);
    if (!injured) throw new Error('the sample has no injured athlete');
    const today = localToday();
    const days = await Promise.all(Array.from({ length: 7 }, (_, i) => addDays(today, i)).map((date) => api<DayDetailLite & { date: string }>(page, 'calendar.day', { athleteId: injured.id, date }).then((d) => ({ ...d, date }))));
    const withSession = days.find((d) => d.strength.templateName !== null);
    if (withSession) {
      await clickCell(page, injured.id, withSession.date);
      const drawer = page.getByRole('dialog', { name: 'Day detail' });
      await drawer.getByText('Injured / modified').waitFor();
      await settle(page);
    await screenshot(page, 'calendar-sample-injured-day');
      await closeDrawer(page);
    }

    // Filter by name and by group.
    await page.getByRole('textbox', { name: 'Find an athlete' }).fill(injured.familyName);
    await page.locator(`[data-athlete="${injured.id}"]`).waitFor();
    await page.getByRole('textbox', { name: 'Find an athlete' }).fill('');

    // The plan screens.
    await page.getByRole('link', { name: /^Plan/ }).click();
    await page.getByRole('heading', { name: 'Plan' }).waitFor();
    await page.getByLabel('Season timeline').waitFor();
    await screenshot(page, 'plan-sample-blocks');
    await page.getByRole('tab', { name: 'Session templates' }).click();
    await page.getByText('Foundational A posterior chain').first().waitFor();
    await screenshot(page, 'plan-sample-templates');
    await page.getByLabel('Foundational A posterior chain', { exact: true }).click();
    await page.getByRole('form', { name: 'Session template' }).waitFor();
    await settle(page);
    await screenshot(page, 'plan-sample-template-editor');
    await page.keyboard.press('Escape');
    await page.getByRole('tab', { name: 'Exercises' }).click();
    await page.getByRole('cell', { name: /Romanian deadlift/ }).first().waitFor();
    await screenshot(page, 'plan-sample-exercises');
    await page.getByRole('tab', { name: 'Test days & races' }).click();
    await page.getByRole('table', { name: 'Test days and races' }).getByRole('row', { name: /Block re-test/ }).waitFor();
    await screenshot(page, 'plan-sample-events');
    expect(errors).toEqual([]);
  });
});

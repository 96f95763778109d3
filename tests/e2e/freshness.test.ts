/**
 * One change, every screen fresh (issue 10): on the sample squad, a change made on one screen is
 * on the Calendar, the Sheets, the Load heat map and the Warnings at once, with no reload, and so
 * is its undo. The screens are visited in one page (hash routes), so each one reads the window's
 * cache: a screen that missed a change would show the old state.
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addDays, formatDateShort, localToday, startOfWeek } from '@shared/dates';
import { chromiumSession, screenshot } from './harness';

const e2e = chromiumSession();

declare const sessionStorage: { getItem(key: string): string | null };

/** Read through the API from the page (only to find ids; every change goes through the screens). */
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

async function go(page: Page, hash: string) {
  await page.evaluate(`window.location.hash = ${JSON.stringify(hash)}`);
}

interface Athlete {
  id: number;
  givenName: string;
  familyName: string;
  groupId: number | null;
}
interface Group {
  id: number;
  name: string;
}

const NEXT_MONDAY = addDays(startOfWeek(localToday(), 1), 7);

/** The Calendar's words for an athlete's day (its live region), after clicking the cell. */
async function calendarDay(page: Page, athleteId: number, date: string): Promise<string> {
  await go(page, '/calendar');
  await page.locator('[data-testid="calendar-area"][data-ready="true"]').waitFor();
  const day = page.locator(`.cal-dh[data-day="${date}"]`);
  await day.scrollIntoViewIfNeeded();
  const dayBox = await day.boundingBox();
  const rowBox = await page.locator(`[data-athlete="${athleteId}"]`).boundingBox();
  if (!dayBox || !rowBox) throw new Error(`no cell for athlete ${athleteId} on ${date}`);
  await page.mouse.click(dayBox.x + dayBox.width / 2, rowBox.y + rowBox.height / 2);
  const drawer = page.getByRole('dialog', { name: 'Day detail' });
  await drawer.waitFor();
  const text = (await page.getByTestId('calendar-active-cell').textContent()) ?? '';
  await page.keyboard.press('Escape');
  await drawer.waitFor({ state: 'hidden' });
  return text;
}

/** The calendar's group row (its label counts the group's athletes). */
function calendarGroup(page: Page, name: string): Locator {
  return page.getByRole('rowheader', { name: new RegExp(`^${name}, \\d+ athletes`) });
}

/** How many sheets the Sheets screen prints for a group on a day ("7 sheets for Middle distance, ..."). */
async function sheetsFor(page: Page, group: Group, date = localToday()): Promise<string> {
  await go(page, `/sheets?date=${date}&group=${group.id}`);
  const summary = page.getByText(new RegExp(`^\\d+ sheets? for ${group.name}`));
  await summary.waitFor();
  return (await summary.textContent()) ?? '';
}

function warningRow(page: Page, name: string): Locator {
  return page.locator('[data-testid="warning-row"]').filter({ hasText: name });
}

/** The Load heat map's group row ("Middle distance (7)"). */
async function heatmapGroup(page: Page, name: string, count: number) {
  await go(page, '/load');
  await page.getByRole('rowheader', { name: `${name} (${count})`, exact: true }).waitFor();
}

/** The number in an athlete's cell of the Load heat map for the week starting `week`. */
async function heatmapCell(page: Page, name: string, week: string): Promise<number> {
  await go(page, '/load');
  const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: true }) });
  await row.waitFor();
  const weeks = await page.getByRole('columnheader').allTextContents();
  const label = formatDateShort(week);
  const column = weeks.findIndex((w) => w.startsWith(label));
  if (column < 1) throw new Error(`no column for the week of ${week} (${weeks.join(' | ')})`);
  const text = (await row.getByRole('cell').nth(column - 1).textContent()) ?? '';
  return Number(text.replace(/[^0-9]/g, ''));
}

async function undo(page: Page) {
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+z');
  await page.getByText(/^Undone: /).first().waitFor();
}

describe('one change, every screen fresh', () => {
  it('moving an athlete between groups shows on the Calendar, Sheets, Load and Warnings at once; so does its undo', async () => {
    const { page, errors } = await e2e.start({}, { width: 1366, height: 768 });
    await page.getByRole('button', { name: 'Load sample squad' }).click();
    await page.getByRole('cell', { name: /Sprints/ }).first().waitFor();

    const groups = await api<Group[]>(page, 'groups.list', {});
    const sprints = groups.find((g) => g.name === 'Sprints');
    const middle = groups.find((g) => g.name === 'Middle distance');
    if (!sprints || !middle) throw new Error('the sample squad has Sprints and Middle distance');
    // A sprinter with a warning today: the one whose group the Warnings screen names.
    const warned = (await api<{ warnings: { athleteId: number; groupId: number | null }[] }>(page, 'warnings.list', {})).warnings.find((w) => w.groupId === sprints.id);
    if (!warned) throw new Error('the sample squad has a sprinter with a warning');
    const athlete = await api<Athlete>(page, 'athletes.get', { id: warned.athleteId });
    const name = `${athlete.givenName} ${athlete.familyName}`;
    const middleSize = (await api<Athlete[]>(page, 'athletes.list', {})).filter((a) => a.groupId === middle.id).length;

    // Every screen read once before the change (so each has it cached).
    const before = await calendarDay(page, athlete.id, NEXT_MONDAY);
    expect(before).toContain('Sprint / speed');
    await expect(calendarGroup(page, 'Middle distance').getAttribute('aria-label')).resolves.toContain(`${middleSize} athletes`);
    await expect(sheetsFor(page, middle)).resolves.toMatch(new RegExp(`^${middleSize} sheets for Middle distance`));
    await heatmapGroup(page, 'Middle distance', middleSize);
    await go(page, '/warnings');
    await expect(warningRow(page, name).textContent()).resolves.toContain('Sprints');

    // The move, on the Roster.
    await go(page, '/roster');
    await page.getByRole('checkbox', { name: `Select ${name}` }).check();
    await page.getByRole('button', { name: /Move to group/ }).click();
    await page.getByRole('menuitem', { name: 'Middle distance' }).click();
    await page.getByText("Moved 1 athlete to Middle distance").first().waitFor();

    // Every screen has it, with no reload.
    const after = await calendarDay(page, athlete.id, NEXT_MONDAY);
    expect(after).not.toEqual(before);
    expect(after).not.toContain('Sprint / speed');
    await expect(calendarGroup(page, 'Middle distance').getAttribute('aria-label')).resolves.toContain(`${middleSize + 1} athletes`);
    await screenshot(page, 'freshness-01-calendar-after-move');
    await expect(sheetsFor(page, middle)).resolves.toMatch(new RegExp(`^${middleSize + 1} sheets for Middle distance`));
    await heatmapGroup(page, 'Middle distance', middleSize + 1);
    await go(page, '/warnings');
    await expect(warningRow(page, name).textContent()).resolves.toContain('Middle distance');
    await screenshot(page, 'freshness-02-warnings-after-move');

    // Undo, and every screen is back.
    await undo(page);
    await expect(calendarDay(page, athlete.id, NEXT_MONDAY)).resolves.toEqual(before);
    await expect(sheetsFor(page, middle)).resolves.toMatch(new RegExp(`^${middleSize} sheets for Middle distance`));
    await heatmapGroup(page, 'Middle distance', middleSize);
    await go(page, '/warnings');
    await expect(warningRow(page, name).textContent()).resolves.toContain('Sprints');
    expect(errors).toEqual([]);
  });

  it('changing a block shows on the Calendar and the Sheets at once; so does its undo', async () => {
    const { page, errors } = await e2e.start({}, { width: 1366, height: 768 });
    await page.getByRole('button', { name: 'Load sample squad' }).click();
    await page.getByRole('cell', { name: /Sprints/ }).first().waitFor();
    const groups = await api<Group[]>(page, 'groups.list', {});
    const sprints = groups.find((g) => g.name === 'Sprints');
    if (!sprints) throw new Error('no Sprints group');
    const sprinter = (await api<Athlete[]>(page, 'athletes.list', {})).find((a) => a.groupId === sprints.id);
    if (!sprinter) throw new Error('no sprinter');
    const blocks = await api<{ id: number; groupIds: number[]; startDate: string; endDate: string; name: string }[]>(page, 'blocks.list', {});
    const block = blocks.find((b) => b.groupIds.includes(sprints.id) && b.startDate <= NEXT_MONDAY && b.endDate >= NEXT_MONDAY);
    if (!block) throw new Error('no Sprints block next Monday');

    const before = await calendarDay(page, sprinter.id, NEXT_MONDAY);
    expect(before).toMatch(/Sprint \/ speed \d+ min/);
    const minutesBefore = Number(/Sprint \/ speed (\d+) min/.exec(before)?.[1]);
    await sheetsFor(page, sprints, NEXT_MONDAY);

    // The Monday run made longer in the block's weekly rhythm.
    const minutes = minutesBefore + 5;
    await go(page, `/plan/blocks/${block.id}`);
    const box = page.getByLabel('Monday run minutes');
    await box.fill(String(minutes));
    await page.getByRole('button', { name: 'Save block' }).click();
    await page.getByText(/Edited block/).first().waitFor();

    await expect(calendarDay(page, sprinter.id, NEXT_MONDAY)).resolves.toContain(`Sprint / speed ${minutes} min`);
    await screenshot(page, 'freshness-03-calendar-after-block');
    // The sheets of that Monday say so.
    await sheetsFor(page, sprints, NEXT_MONDAY);
    await page.getByText(new RegExp(`Run: Sprint / speed, ${minutes} min`)).first().waitFor();

    await undo(page);
    await expect(calendarDay(page, sprinter.id, NEXT_MONDAY)).resolves.toEqual(before);
    await sheetsFor(page, sprints, NEXT_MONDAY);
    await page.getByText(new RegExp(`Run: Sprint / speed, ${minutesBefore} min`)).first().waitFor();
    expect(errors).toEqual([]);
  });
  it('saving results shows on the Load heat map and the Warnings at once; so does its undo', async () => {
    const { page, errors } = await e2e.start({}, { width: 1366, height: 768 });
    await page.getByRole('button', { name: 'Load sample squad' }).click();
    await page.getByRole('cell', { name: /Sprints/ }).first().waitFor();
    const yesterday = addDays(localToday(), -1);
    const groups = await api<Group[]>(page, 'groups.list', {});
    const warned = new Set((await api<{ warnings: { athleteId: number }[] }>(page, 'warnings.list', {})).warnings.map((w) => w.athleteId));
    // An athlete with a run logged yesterday and no warning today.
    let chosen: { group: Group; athleteId: number; minutes: number; rpe: number } | null = null;
    for (const group of groups) {
      const day = await api<{ results: { athleteId: number; run: { status: string; minutes: number | null; sessionRpe: number | null } | null }[] }>(page, 'results.day', { date: yesterday, groupId: group.id });
      const found = day.results.find((r) => r.run?.status === 'done' && r.run.minutes !== null && r.run.sessionRpe !== null && !warned.has(r.athleteId));
      if (found?.run) {
        chosen = { group, athleteId: found.athleteId, minutes: found.run.minutes ?? 0, rpe: found.run.sessionRpe ?? 0 };
        break;
      }
    }
    if (!chosen) throw new Error('the sample squad has a run logged yesterday by an athlete without a warning');
    const athlete = await api<Athlete>(page, 'athletes.get', { id: chosen.athleteId });
    const name = `${athlete.givenName} ${athlete.familyName}`;
    const week = startOfWeek(yesterday, (await api<{ firstDayOfWeek: number }>(page, 'settings.get', {})).firstDayOfWeek);

    const before = await heatmapCell(page, name, week);
    await go(page, '/warnings');
    await page.locator('[data-testid="warning-row"]').first().waitFor();
    await expect(warningRow(page, name).count()).resolves.toBe(0);

    // Yesterday's run keyed in again as four hours at RPE 10, on the entry screen.
    await go(page, `/sheets/results?date=${yesterday}&group=${chosen.group.id}`);
    const box = (what: string) => page.getByRole('textbox', { name: `${name}, ${what}`, exact: true });
    await box('run minutes').fill('240');
    await box('run RPE (0-10)').fill('10');
    // Leaving the card saves it.
    await page.getByRole('heading').first().click();
    await page.getByTestId(`entry-card-${athlete.id}`).getByText('saved').waitFor();

    const after = await heatmapCell(page, name, week);
    expect(after - before).toBe(240 * 10 - chosen.minutes * chosen.rpe);
    await screenshot(page, 'freshness-04-heatmap-after-results');
    await go(page, '/warnings');
    await warningRow(page, name).waitFor();
    await expect(warningRow(page, name).textContent()).resolves.toMatch(/load|ratio/i);
    await screenshot(page, 'freshness-05-warnings-after-results');

    await undo(page);
    await expect(heatmapCell(page, name, week)).resolves.toBe(before);
    await go(page, '/warnings');
    await page.locator('[data-testid="warning-row"]').first().waitFor();
    await expect(warningRow(page, name).count()).resolves.toBe(0);
    expect(errors).toEqual([]);
  });
});

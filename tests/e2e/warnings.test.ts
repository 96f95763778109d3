import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumSession, screenshot } from './harness';

const e2e = chromiumSession();

async function go(page: Page, hash: string) {
  await page.evaluate(`window.location.hash = ${JSON.stringify(hash)}`);
}

const rows = (page: Page) => page.locator('[data-testid="warning-row"]');

async function rowNames(page: Page): Promise<string[]> {
  const names: string[] = [];
  for (const row of await rows(page).all()) names.push((await row.locator('td').first().locator('p').first().textContent()) ?? '');
  return names;
}

describe('the Warnings screen, end to end in Chromium', () => {
  it('says what to do first on an empty squad', async () => {
    const { page, errors } = await e2e.start();
    await page.getByText('Your squad is empty').waitFor();
    await go(page, '/warnings');
    await page.getByText('No athletes yet').waitFor();
    await screenshot(page, 'warnings-01-empty');
    expect(errors).toEqual([]);
  });

  it('lists the sample squad\u2019s warnings with reasons, sorts and filters them, schedules a deload (undoable), dismisses with a note, and keeps the history', async () => {
    const { page, errors } = await e2e.start();
    await page.getByRole('button', { name: 'Load sample squad' }).click();
    await page.getByRole('cell', { name: /Sprints/ }).first().waitFor();

    // Ctrl+6 opens the Warnings screen.
    await page.keyboard.press('Control+6');
    await page.getByRole('heading', { name: 'Warnings' }).waitFor();
    await rows(page).first().waitFor();
    const count = await rows(page).count();
    expect(count).toBeGreaterThanOrEqual(5);
    // Act first: the athlete whose summer base had no deload, with the reasons in numbers.
    const overdue = rows(page).filter({ hasText: 'no deload in the plan' });
    await expect(overdue.count()).resolves.toBe(1);
    await expect(overdue.getByText('Act', { exact: true }).count()).resolves.toBe(1);
    await expect(rows(page).first().getByText('Act', { exact: true }).count()).resolves.toBe(1);
    await expect(page.getByText(/injury risk/i).count()).resolves.toBe(0);
    await screenshot(page, 'warnings-02-list');

    // Sort by athlete: alphabetical; again: reversed.
    await page.getByRole('button', { name: 'Athlete' }).click();
    const ascending = await rowNames(page);
    expect(ascending).toEqual([...ascending].sort((a, b) => a.localeCompare(b)));
    await page.getByRole('button', { name: 'Athlete' }).click();
    expect(await rowNames(page)).toEqual([...ascending].reverse());

    // Filter: Act only.
    const actLabel = page.getByText(/^Act \(\d+\)$/);
    const acts = Number(/\d+/.exec((await actLabel.textContent()) ?? '')?.[0]);
    await actLabel.click();
    await expect.poll(() => rows(page).count()).toBe(acts);
    for (const row of await rows(page).all()) await expect(row.getByText('Act', { exact: true }).count()).resolves.toBe(1);
    await page.getByText('All', { exact: true }).first().click();

    // The ratio's limits, where the ratio is shown.
    const withRatio = rows(page).filter({ hasText: 'acute:chronic ratio' }).first();
    await withRatio.getByRole('button', { name: /About the ratio/ }).click();
    await page.getByText('Mathematical coupling.').waitFor();
    await page.waitForTimeout(400);
    await screenshot(page, 'warnings-03-ratio-caveats');
    await page.keyboard.press('Escape');

    // Schedule a deload for the overdue athlete: the date starts on the next first day of the week.
    const overdueName = (await overdue.locator('td').first().locator('p').first().textContent()) ?? '';
    await overdue.getByRole('button', { name: 'Schedule deload' }).click();
    const modal = page.getByRole('dialog');
    await modal.getByText(/Seven days from this day/).waitFor();
    await page.waitForTimeout(400);
    await screenshot(page, 'warnings-04-schedule-deload');
    await modal.getByRole('button', { name: 'Schedule the deload' }).click();
    await modal.waitFor({ state: 'detached' });
    await page.getByText(`Scheduled a deload for ${overdueName}`).first().waitFor();
    // Answered: gone from the list needing a decision.
    await expect(rows(page).filter({ hasText: overdueName }).count()).resolves.toBe(0);
    // Shown with "Deload planned" among all warnings.
    await page.getByText(/^Also dismissed or deload planned/).click();
    await rows(page).filter({ hasText: overdueName }).getByText(/Deload planned from/).waitFor();
    await screenshot(page, 'warnings-05-deload-planned');
    await page.getByText('Needing a decision').click();

    // Undo (Ctrl+Z outside text fields): the warning is back.
    await page.locator('h2').click();
    await page.keyboard.press('Control+z');
    await rows(page).filter({ hasText: overdueName }).first().waitFor();

    // Dismiss a watch warning with a note.
    const watch = rows(page).filter({ has: page.getByText('Watch', { exact: true }) }).first();
    const watchName = (await watch.locator('td').first().locator('p').first().textContent()) ?? '';
    await watch.getByRole('button', { name: 'Dismiss' }).click();
    await page.getByRole('dialog').getByRole('textbox', { name: 'Note' }).fill('Spoke to them: exams, sleeping badly');
    await page.waitForTimeout(300);
    await screenshot(page, 'warnings-06-dismiss');
    await page.getByRole('dialog').getByRole('button', { name: 'Dismiss' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await expect(rows(page).filter({ hasText: watchName }).count()).resolves.toBe(0);

    // The history keeps it, with the note and the reasons as they were.
    await page.getByRole('tab', { name: 'History' }).click();
    const history = page.locator('[data-testid="history-row"]');
    await history.first().waitFor();
    await expect(history.count()).resolves.toBe(1);
    await history.first().getByText('Spoke to them: exams, sleeping badly').waitFor();
    await screenshot(page, 'warnings-07-history');

    // The athlete's own page (the roster drawer) shows the warning with a link here.
    await go(page, '/roster');
    await page.getByRole('row', { name: new RegExp(overdueName) }).click();
    await page.getByTestId('warning-summary').waitFor();
    await page.getByTestId('warning-summary').getByText('no deload in the plan', { exact: false }).waitFor();
    await page.waitForTimeout(400);
    await screenshot(page, 'warnings-08-athlete-drawer');
    await page.keyboard.press('Escape');

    // The calendar draws the flags (yellow corners) on the athletes with warnings.
    await go(page, '/calendar');
    await page.locator('[data-testid="calendar-area"][data-ready="true"]').waitFor();
    await page.waitForTimeout(500);
    await screenshot(page, 'warnings-09-calendar-flags');
    expect(errors).toEqual([]);
  });

  it('explains each threshold in Settings and refuses a bad one at the field', async () => {
    const { page, errors } = await e2e.start();
    await page.getByText('Your squad is empty').waitFor();
    await go(page, '/settings');
    const card = page.getByRole('form', { name: 'Warning thresholds' });
    await card.waitFor();
    await card.getByText(/Default 6: deloads every 4-6 weeks/).waitFor();
    // More reports than days in the window is refused at the field, with the reason.
    const times = card.getByRole('textbox', { name: 'Hamstring tightness reports' });
    await times.fill('9');
    await times.blur();
    await card.getByText('There cannot be more hamstring reports than days in the window').waitFor();
    // An empty field says what to enter.
    const weeks = card.getByRole('textbox', { name: 'Weeks since the last deload' });
    await weeks.fill('');
    await weeks.blur();
    await card.getByText('Weeks since the last deload: enter a number').waitFor();
    await times.scrollIntoViewIfNeeded();
    await screenshot(page, 'warnings-10-thresholds-bad-input');
    await times.fill('3');
    await weeks.fill('5');
    await card.getByRole('button', { name: 'Save thresholds' }).click();
    await page.getByText('Changed the warning thresholds').first().waitFor();
    await expect(weeks.inputValue()).resolves.toBe('5');
    expect(errors).toEqual([]);
  });
});

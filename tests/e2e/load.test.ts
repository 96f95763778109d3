/**
 * The Load section in Chromium: the squad heat map and an athlete's chart on the sample squad
 * (Ctrl+7, weekly load, the ratio with its caveats, the keyboard into a chart, the method, the
 * bands), an unknown athlete, the roster's link, 1280x720, and the 300-athlete squad.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { databasePath, openSquadDatabase } from '@main/db/connection';
import { loadGeneratedSquad } from '@main/services/sample/squad';
import { addDays, localToday, startOfWeek } from '@shared/dates';
import { chromiumSession, screenshot, SCREENSHOT_DIR } from './harness';

const e2e = chromiumSession();

// page.evaluate runs in Chromium; the browser globals it reads (this file has no DOM types).
declare const location: { hash: string };
declare const document: { querySelectorAll(selector: string): Iterable<{ getBoundingClientRect(): { width: number; height: number } }> };
declare const performance: { getEntriesByType(type: string): { name: string }[] };

const heatmap = (page: Page, measure: 'weekly load' | 'acute:chronic ratio') => page.getByRole('table', { name: `Squad ${measure} by week` });

/** Every chart of the athlete page drawn, with a real size (recharts needs a sized parent). */
async function chartsDrawn(page: Page): Promise<void> {
  await page.locator('[data-testid="athlete-load-chart"][data-reading="false"]').waitFor();
  await page.waitForFunction(() => {
    const surfaces = [...document.querySelectorAll('[data-testid="athlete-load-chart"] svg.recharts-surface')];
    return surfaces.length === 4 && surfaces.every((s) => s.getBoundingClientRect().width > 300 && s.getBoundingClientRect().height > 80);
  });
}
async function fullPage(page: Page, name: string) {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

async function loadSample(page: Page) {
  await page.keyboard.press('Control+1');
  await page.getByRole('button', { name: 'Load sample squad' }).click();
  await page.getByText('24 active athletes').waitFor({ timeout: 30_000 });
}

describe('training load screens, end to end in Chromium', () => {
  it('the sample squad: heat map, the ratio, an athlete\u2019s chart by keyboard, the method, the bands', async () => {
    const { page, errors } = await e2e.start();
    await page.getByText('Your squad is empty').waitFor();
    await page.keyboard.press('Control+7');
    await page.getByText('No athletes yet').waitFor();
    await screenshot(page, 'load-01-empty-squad');

    await loadSample(page);
    await page.keyboard.press('Control+7');
    const weekly = heatmap(page, 'weekly load');
    await weekly.waitFor();
    expect(await weekly.getAttribute('data-athletes')).toBe('24');
    // 12 week columns (and the name column), the last one this week, so far.
    const headers = await weekly.getByRole('columnheader').allTextContents();
    expect(headers).toHaveLength(13);
    expect(headers[12]).toMatch(/so far$/);
    // The sample has logged weeks: numbers with the scale's colours, and a legend with its numbers.
    expect(await weekly.locator('.heat-cell[style*="background"]').count()).toBeGreaterThan(24);
    await page.getByTestId('heat-legend').getByText(/AU and over$/).waitFor();
    await screenshot(page, 'load-02-heatmap');

    await page.getByRole('radiogroup', { name: 'Measure' }).getByText('Acute:chronic ratio').click();
    const ratio = heatmap(page, 'acute:chronic ratio');
    await ratio.waitFor();
    const caveats = page.getByTestId('acwr-caveats');
    await caveats.getByText(/EWMA 7\/28 days \(seed: first day\)/).waitFor();
    await caveats.getByText(/Mathematical coupling/).waitFor();
    await screenshot(page, 'load-03-heatmap-ratio');

    // Keyboard: to the second athlete, Enter opens their chart.
    const rows = ratio.locator('[data-row-index]');
    await rows.first().focus();
    await page.keyboard.press('ArrowDown');
    const second = await rows.nth(1).getAttribute('data-athlete');
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#/load');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => location.hash)).toBe(`#/load/athlete/${second}`);
    await chartsDrawn(page);
    const ratioPanel = page.getByTestId('panel-ratio');
    await ratioPanel.getByText('EWMA 7/28 days (seed: first day)').waitFor();
    // Bands off by default.
    expect(await page.getByTestId('ratio-bands-legend').count()).toBe(0);
    await screenshot(page, 'load-04-athlete-chart');
    await fullPage(page, 'load-05-athlete-chart-full');

    // The method: rolling, uncoupled, labelled as such.
    await ratioPanel.getByText('Rolling, uncoupled').click();
    await ratioPanel.getByText('Rolling 7 days / the 21 days before').waitFor();
    // The bands, switched on.
    const areasBefore = await ratioPanel.locator('.recharts-reference-area').count();
    await ratioPanel.getByRole('switch', { name: 'Show the commonly quoted bands' }).check();
    await page.getByTestId('ratio-bands-legend').waitFor();
    await expect.poll(() => ratioPanel.locator('.recharts-reference-area').count()).toBe(areasBefore + 1);
    await ratioPanel.scrollIntoViewIfNeeded();
    await screenshot(page, 'load-06-ratio-rolling-bands');

    // How the numbers are made, opened.
    await page.getByRole('button', { name: /How these numbers are made/ }).click();
    await page.getByTestId('load-caveats').getByText('Conventions').waitFor();
    await page.getByTestId('load-caveats').scrollIntoViewIfNeeded();
    await page.waitForTimeout(300);
    await screenshot(page, 'load-07-how-the-numbers-are-made');

    // Another range, and the season.
    await page.getByRole('radiogroup', { name: 'Range' }).getByText('Last 4 weeks').click();
    await chartsDrawn(page);
    await page.getByRole('radiogroup', { name: 'Range' }).getByText('Season').click();
    await chartsDrawn(page);
    await screenshot(page, 'load-08-athlete-season');

    // An athlete who does not exist: said plainly, nothing drawn.
    await page.evaluate(() => {
      location.hash = '#/load/athlete/9999';
    });
    await page.getByText('There is no athlete with record number 9999. Choose one from the list.').waitFor();
    await screenshot(page, 'load-09-unknown-athlete');

    // From the roster (the navigation: the range chooser, an input, still has the focus and keeps Ctrl+1 from the shortcuts): the athlete's drawer links to their chart.
    await page.getByRole('link', { name: /^Roster/ }).click();
    await page.getByRole('cell', { name: 'Bauer, Valeria' }).click();
    await page.getByRole('link', { name: 'Training load' }).click();
    await page.getByRole('heading', { name: 'Valeria Bauer' }).waitFor();
    await chartsDrawn(page);

    expect(errors).toEqual([]);
  });

  it('at 1280x720 the heat map and the chart fit, and the ratio\u2019s limits fold above the grid', async () => {
    const { page, errors } = await e2e.start({}, { width: 1280, height: 720 });
    await loadSample(page);
    await page.keyboard.press('Control+7');
    await heatmap(page, 'weekly load').waitFor();
    await screenshot(page, 'load-10-heatmap-1280');
    // The grid ends inside the window: only the grid scrolls.
    const box = await page.getByTestId('heatmap').boundingBox();
    expect(box && box.y + box.height).toBeLessThanOrEqual(720);

    // A range of more than 53 weeks, picked in the calendar (the 2nd of the month 14 months before the
    // shown range's first month, to the 20th of that month): explained at the field, not asked for.
    const asked = () => page.evaluate(() => performance.getEntriesByType('resource').filter((r) => r.name.includes('/api/load.squadWeeks')).length);
    const before = await asked();
    const shownFrom = addDays(startOfWeek(localToday(), 1), -77);
    const monthLabel = (monthsBack: number) => {
      const d = new Date(Date.UTC(Number(shownFrom.slice(0, 4)), Number(shownFrom.slice(5, 7)) - 1 - monthsBack, 1));
      return d.toLocaleString('en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' });
    };
    await page.getByLabel('Weeks shown').click();
    const previous = page.locator('[data-direction="previous"]').first();
    for (let i = 0; i < 14; i += 1) await previous.click();
    await page.getByText(monthLabel(14), { exact: true }).waitFor();
    await page.locator('table button:not([data-outside])').filter({ hasText: /^2$/ }).first().click();
    const next = page.locator('[data-direction="next"]').first();
    for (let i = 0; i < 14; i += 1) await next.click();
    await page.getByText(monthLabel(0), { exact: true }).waitFor();
    await page.locator('table button:not([data-outside])').filter({ hasText: /^20$/ }).first().click();
    await page.getByText(/^At most 53 weeks at once \(this range touches \d+\): choose a later first day$/).waitFor();
    await screenshot(page, 'load-11-bad-range');
    expect(await asked()).toBe(before);
    await page.getByRole('button', { name: 'Last 12 weeks' }).click();
    await page.getByText(/At most 53 weeks/).waitFor({ state: 'detached' });
    await page.getByRole('radiogroup', { name: 'Measure' }).getByText('Acute:chronic ratio').click();
    await heatmap(page, 'acute:chronic ratio').waitFor();
    await page.getByTestId('acwr-caveats').getByRole('button', { name: 'Read the limits' }).waitFor();
    await screenshot(page, 'load-12-heatmap-ratio-1280');
    await page.getByRole('row', { name: /Valeria Bauer/ }).click();
    await chartsDrawn(page);
    await screenshot(page, 'load-13-athlete-chart-1280');
    expect(errors).toEqual([]);
  });

  it('the 300-athlete squad: the heat map draws only the rows in view and scrolls to the last athlete', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'backchain-e2e-large-'));
    const db = await openSquadDatabase(databasePath(dataDir));
    loadGeneratedSquad(db, { seed: 5, size: 'large' }, new Date());
    db.close();
    const { page, errors } = await e2e.start({ dataDir });
    await page.getByRole('heading', { name: 'Calendar' }).waitFor({ timeout: 30_000 });
    await page.keyboard.press('Control+7');
    const weekly = heatmap(page, 'weekly load');
    await weekly.waitFor({ timeout: 30_000 });
    expect(await weekly.getAttribute('data-athletes')).toBe('300');
    // Virtualized: a screenful of rows in the page, not 300.
    expect(await weekly.locator('[data-row-index]').count()).toBeLessThan(60);
    await screenshot(page, 'load-14-heatmap-300');
    await weekly.locator('[data-row-index]').first().focus();
    await page.keyboard.press('End');
    const last = page.locator('[data-row-index]:focus');
    await last.waitFor();
    expect(Number(await last.getAttribute('data-row-index'))).toBeGreaterThan(300);
    await screenshot(page, 'load-15-heatmap-300-end');
    expect(errors).toEqual([]);
  });
});

import ExcelJS from 'exceljs';
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumSession, screenshot } from './harness';

const e2e = chromiumSession();

async function go(page: Page, hash: string) {
  await page.evaluate(`window.location.hash = ${JSON.stringify(hash)}`);
}

/** The grid's rows, top to bottom. */
function gridRows(page: Page) {
  return page.locator('table.entry-grid tbody tr');
}

describe('re-tests, end to end in Chromium', () => {
  it('shows what to do first when there are no sessions', async () => {
    const { page, errors } = await e2e.start();
    await page.getByText('Your squad is empty').waitFor();
    await go(page, '/retests');
    await page.getByText('No test sessions yet').waitFor();
    await page.getByText(/Your roster is empty/).waitFor();
    await screenshot(page, 'tests-01-empty');
    await go(page, '/retests/compare');
    await page.getByText('Nothing to compare yet').waitFor();
    expect(errors).toEqual([]);
  });

  it('enters a re-test for a group by keyboard, refuses bad values at the cell, imports a CSV, compares, charts, exports and prints', async () => {
    const { page, errors } = await e2e.start();
    await page.getByRole('button', { name: 'Load sample squad' }).click();
    await page.getByRole('cell', { name: /Sprints/ }).first().waitFor();

    // The sessions of the sample squad.
    await page.getByRole('link', { name: /Re-tests/ }).click();
    await page.getByRole('table', { name: 'Test sessions' }).waitFor();
    await expect(page.locator('[data-testid^="session-row-"]').count()).resolves.toBe(4);
    await screenshot(page, 'tests-02-sessions');

    // A new re-test; the label follows the blocks so far.
    await page.getByRole('button', { name: 'New test session' }).click();
    const form = page.getByRole('form', { name: 'Test session' });
    await expect(form.getByRole('textbox', { name: 'Label' }).inputValue()).resolves.toBe('End of block 3');
    await form.getByRole('button', { name: 'Add session' }).click();
    await page.getByRole('heading', { name: 'End of block 3' }).waitFor();

    // Only the Sprints group.
    await page.locator('input[aria-label="Group"]').click();
    await page.getByRole('option', { name: 'Sprints' }).click();
    const rows = gridRows(page);
    await expect(rows.count()).resolves.toBe(6);
    await screenshot(page, 'tests-03-entry-grid-empty');

    // CMJ, keyboard only: three trials, Tab between them; "a" marks the second athlete absent.
    await rows.nth(0).getByRole('textbox').first().click();
    for (const value of ['31.2', '32.6', '32.1']) {
      await page.keyboard.type(value);
      await page.keyboard.press('Tab');
    }
    await rows.nth(1).getByRole('textbox').first().click();
    await page.keyboard.type('a');
    await page.keyboard.press('Enter');
    // A CMJ of 3 cm is refused as it is typed, with the reason at the cell.
    await page.keyboard.type('3');
    await rows.nth(2).getByRole('alert').filter({ hasText: '3 cm is below the 5\u201390 cm range for Countermovement jump' }).waitFor();
    await screenshot(page, 'tests-04-rejected-value');
    await page.keyboard.press('Escape');
    await page.keyboard.type('33.4');
    await page.keyboard.press('ArrowUp');
    for (const i of [0, 1, 2]) await rows.nth(i).getByLabel('Saved').waitFor();
    await expect(rows.nth(1).getByRole('combobox', { name: /status/ }).inputValue()).resolves.toBe('absent');
    await expect(rows.nth(0).locator('td.entry-grid-score').first().textContent()).resolves.toBe('32.6');

    // Sprint runs: a 10 m split of 0.3 s is refused (DOMAIN.md: 1.4-3.5 s); then a real run.
    await page.getByRole('tab', { name: /Sprint runs/ }).click();
    const first = gridRows(page).nth(0);
    await first.getByRole('textbox').first().click();
    await page.keyboard.type('0.3');
    await first.getByRole('alert').filter({ hasText: '0.3 s is below the 1.4\u20133.5 s range for Sprint 10 m' }).waitFor();
    await screenshot(page, 'tests-05-rejected-sprint');
    await page.keyboard.press('Control+A');
    for (const value of ['1.79', '3.05', '4.21', '1.77', '3.02', '4.18']) {
      await page.keyboard.type(value);
      await page.keyboard.press('Tab');
    }
    await page.keyboard.press('Shift+Tab');
    await gridRows(page).nth(1).getByRole('textbox').first().click();
    await first.getByLabel('Saved').waitFor();

    // Import the rest of the sprint group's CMJ from a file with one bad row.
    const names = await page.locator('table.entry-grid tbody th').allTextContents();
    const csv = ['Athlete,CMJ 1,CMJ 2', ...names.slice(3).map((n, i) => `"${n}",${30 + i},${31 + i}`), 'Nobody Here,30,31', `"${names[5]}",31,fast`].join('\n');
    await page.getByRole('button', { name: 'Import results' }).click();
    await page.locator('input[type=file]').setInputFiles({ name: 'jumps.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    const dialog = page.getByRole('dialog', { name: /Import results/ });
    await dialog.getByText('No athlete called "Nobody Here" in the squad').waitFor();
    // The row repeats an athlete's trial 1 and has "fast" for trial 2: both cells are refused, so the row is.
    await dialog.getByText('CMJ 2 “fast”: not a number').waitFor();
    await screenshot(page, 'tests-06-import-preview');
    await expect(dialog.getByRole('button', { name: /^Import/ }).isDisabled()).resolves.toBe(true);
    await dialog.getByRole('checkbox', { name: /Leave out the 2 rejected rows/ }).check();
    await dialog.getByRole('button', { name: 'Import 3 results' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('tab', { name: 'CMJ' }).click();
    await expect(gridRows(page).nth(3).locator('td.entry-grid-score').first().textContent()).resolves.toBe('31.0');

    // Leaving the screen in the middle of a row loses nothing: the row is saved on the way out.
    await gridRows(page).nth(3).getByRole('textbox').nth(2).fill('35.5');
    const sessionHash = await page.evaluate('window.location.hash');
    await go(page, '/retests');
    await page.getByRole('table', { name: 'Test sessions' }).waitFor();
    await go(page, String(sessionHash).slice(1));
    await page.locator('input[aria-label="Group"]').click();
    await page.getByRole('option', { name: 'Sprints' }).click();
    await expect(gridRows(page).nth(3).locator('td.entry-grid-score').first().textContent()).resolves.toBe('35.5');

    // The comparison for the group against End of block 2, with words for every verdict.
    await page.getByRole('link', { name: 'Compare' }).click();
    await page.getByRole('table', { name: 'Squad comparison' }).waitFor();
    await page.getByRole('combobox', { name: 'Group' }).click();
    await page.getByRole('option', { name: 'Sprints' }).click();
    await page.locator('[data-testid^="comparison-row-"]').nth(6).waitFor({ state: 'detached' });
    await expect(page.locator('[data-testid^="comparison-row-"]').count()).resolves.toBe(6);
    const firstName = (names[0] as string).trim();
    const row = page.getByRole('row', { name: new RegExp(firstName.replace(',', ',?')) });
    await row.getByText('32.6').waitFor();
    await expect(page.getByTestId('counts-1').textContent()).resolves.toMatch(/▲ \d+ clear improvements?▼ \d+ clear declines?/);
    await expect(page.locator('.comparison-table').getByText(/Unclear – retest|Clear improvement|Clear decline|Trivial change/).count()).resolves.toBeGreaterThan(0);
    await screenshot(page, 'tests-07-comparison');
    await page.getByText('Rank and z-score').click();
    await row.getByText(/Squad #\d+ of \d+ z [+−±]\d\.\d\d/).first().waitFor();
    await page.getByTestId('change-bars').scrollIntoViewIfNeeded();

    // Exports: the XLSX opens in exceljs with the group's rows.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'XLSX' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^retest-end-of-block-3-\d{4}-\d{2}-\d{2}-sprints\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(fs.readFileSync((await download.path()) as string) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Comparison')!;
    const athletes = new Set<string>();
    sheet.eachRow((r, i) => {
      if (i > 1) athletes.add(String(r.getCell(1).value));
    });
    expect(athletes.size).toBe(6);

    // The athlete's history with the noise band, then the one-page report.
    await row.getByRole('link').click();
    await page.getByTestId('trend-1').locator('.recharts-line').first().waitFor();
    await page.getByText(/Grey band: Baseline/).first().waitFor();
    await screenshot(page, 'tests-09-athlete-chart');
    await page.getByRole('link', { name: 'Report for the athlete' }).click();
    await page.getByRole('article', { name: 'Athlete report' }).getByText('How to read this.').waitFor();
    await page.emulateMedia({ media: 'print' });
    await screenshot(page, 'tests-10-athlete-report-print');
    await page.emulateMedia({ media: 'screen' });

    await go(page, '/retests/settings');
    await page.getByRole('table', { name: 'Test battery' }).waitFor();
    await screenshot(page, 'tests-11-settings');
    expect(errors).toEqual([]);
  });

  it('prints the squad report and takes a typical error from the reliability session, undoably', async () => {
    const { page, errors } = await e2e.start();
    await page.getByRole('button', { name: 'Load sample squad' }).click();
    await page.getByRole('cell', { name: /Sprints/ }).first().waitFor();
    await go(page, '/retests/compare');
    await page.getByRole('table', { name: 'Squad comparison' }).waitFor();
    // The sample's last re-test against the one before: bars per athlete, left and right balance.
    await page.getByRole('combobox', { name: 'Chart test' }).click();
    await page.getByRole('option', { name: 'Balance L' }).click();
    await page.getByTestId('balance-chart').scrollIntoViewIfNeeded();
    await page.getByTestId('balance-chart').locator('.recharts-bar-rectangle').first().waitFor();
    await screenshot(page, 'tests-08-comparison-charts');
    await page.getByRole('button', { name: 'Squad report' }).click();
    const report = page.getByRole('article', { name: 'Squad report' });
    await report.getByText('Clear improvements / declines').waitFor();
    await page.emulateMedia({ media: 'print' });
    await screenshot(page, 'tests-12-squad-report-print');
    await page.emulateMedia({ media: 'screen' });

    await go(page, '/retests/settings');
    await page.getByRole('button', { name: 'Typical error' }).first().click();
    const modal = page.getByRole('dialog', { name: /Typical error of Countermovement jump/ });
    await modal.getByText('My value').click();
    await modal.getByRole('textbox', { name: /Typical error/ }).fill('1.5');
    await modal.getByRole('button', { name: 'Use it' }).click();
    await page.getByRole('cell', { name: /1\.50 cm · entered by you/ }).waitFor();
    await page.locator('header').getByRole('button', { name: 'Undo' }).click();
    await page.getByRole('cell', { name: /1\.50 cm · entered by you/ }).waitFor({ state: 'detached' });
    await expect(page.getByTestId('test-row-1').getByText(/reliability session of/).count()).resolves.toBe(1);
    expect(errors).toEqual([]);
  });
});

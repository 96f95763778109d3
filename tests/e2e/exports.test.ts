/**
 * Exports from the Data section in Chromium (browser mode): the workbook and a group's calendar
 * file downloaded and read back (exceljs, ical.js), a bad date range refused with its reason, and
 * the empty squad's cards. Screenshots in test-output/screenshots/exports-*.png.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { databasePath, openSquadDatabase } from '@main/db/connection';
import { loadGeneratedSquad } from '@main/services/sample/squad';
import { parseIcs, readWorkbook, sheetRecords } from '../support/exportFiles';
import { chromiumSession, screenshot } from './harness';

const e2e = chromiumSession();
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'backchain-e2e-exports-'));
afterAll(() => {
  fs.rmSync(scratch, { recursive: true, force: true });
});

describe('exports from the Data section, end to end in Chromium', () => {
  it('an empty squad says there is nothing to export yet', async () => {
    const { page, errors } = await e2e.start();
    await page.getByText('Your squad is empty').waitFor();
    await page.keyboard.press('Control+9');
    const exportCard = page.getByRole('region', { name: 'Export' });
    await exportCard.getByText(/^Nothing to export yet/).waitFor();
    await page.getByRole('region', { name: 'Add to a calendar app (ICS)' }).getByText(/^No athletes or groups yet/).waitFor();
    await page.getByRole('region', { name: 'Move the squad to another laptop' }).scrollIntoViewIfNeeded();
    await screenshot(page, 'exports-01-empty-squad');
    expect(errors).toEqual([]);
  });

  it('exports the sample squad as a workbook and a group calendar, and refuses a reversed date range', async () => {
    const { page, errors } = await e2e.start();
    await page.getByRole('button', { name: 'Load sample squad' }).click();
    await page.getByText('24 active athletes').waitFor();
    await page.keyboard.press('Control+9');
    const exportCard = page.getByRole('region', { name: 'Export' });
    await exportCard.getByRole('checkbox', { name: /^Day-by-day plan/ }).waitFor();
    await exportCard.scrollIntoViewIfNeeded();
    await screenshot(page, 'exports-02-export-card');

    // Every dated thing, every table, as one workbook: the download is read back with exceljs.
    await exportCard.getByRole('button', { name: 'All dates' }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), exportCard.getByRole('button', { name: 'Export', exact: true }).click()]);
    expect(download.suggestedFilename()).toMatch(/^Riverside .* export \d{4}-\d{2}-\d{2}\.xlsx$/);
    const workbookFile = path.join(scratch, download.suggestedFilename());
    await download.saveAs(workbookFile);
    await page.getByText(/^Downloaded Riverside .*\.xlsx/).waitFor();
    await screenshot(page, 'exports-03-exported');
    const workbook = await readWorkbook(workbookFile);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Athletes', 'Blocks', 'Day-by-day plan', 'Test days and races', 'Strength sessions', 'Sets', 'Runs', 'Wellness', 'Test sessions', 'Test results']);
    const athletes = workbook.getWorksheet('Athletes');
    expect(athletes?.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheetRecords(athletes as never)).toHaveLength(24);
    expect((athletes?.getRow(1).values as unknown[]).slice(1)).toContain('Body mass (kg)');
    const plan = sheetRecords(workbook.getWorksheet('Day-by-day plan') as never);
    expect(plan.length).toBeGreaterThan(24 * 7);
    expect(plan[0]?.Date).toBeInstanceOf(Date);
    // The sample's past days are logged: strength sessions with their sets, runs, wellness checks.
    for (const sheet of ['Strength sessions', 'Sets', 'Runs', 'Wellness']) expect(sheetRecords(workbook.getWorksheet(sheet) as never).length, sheet).toBeGreaterThan(24);
    // "All dates" reaches back to the sample's reliability session and baseline: all four sessions.
    expect(sheetRecords(workbook.getWorksheet('Test sessions') as never)).toHaveLength(4);

    // A reversed date range: "From" moved past "To" in the calendar popup, refused with the reason under "To".
    await exportCard.getByRole('button', { name: 'This season' }).click();
    const toLabel = (await exportCard.getByRole('button', { name: 'To', exact: true }).textContent()) ?? ''; // "Sun 24 Oct 2027"
    const [, toMonth, toYear] = /^\w{3} \d+ (\w{3}) (\d{4})$/.exec(toLabel.trim()) ?? [];
    await exportCard.getByRole('button', { name: 'From', exact: true }).click();
    const popup = page.locator('.mantine-Popover-dropdown');
    const next = popup.locator('button[data-direction="next"]');
    for (let i = 0; i < 30; i += 1) {
      const header = (await next.locator('xpath=..').textContent()) ?? '';
      if (header.startsWith(toMonth ?? '?') && header.includes(toYear ?? '?')) break;
      await next.click();
    }
    // The first day of the month after "To".
    await next.click();
    await popup.locator('button:not([data-outside])', { hasText: /^1$/ }).first().click();
    await exportCard.getByRole('button', { name: 'Export', exact: true }).click();
    await exportCard.getByText('The last day must not be before the first').waitFor();
    await screenshot(page, 'exports-04-reversed-dates');

    // A group's calendar file: downloaded and read back with ical.js.
    await exportCard.getByRole('button', { name: 'This season' }).click();
    const calendarCard = page.getByRole('region', { name: 'Add to a calendar app (ICS)' });
    await calendarCard.scrollIntoViewIfNeeded();
    const [ics] = await Promise.all([page.waitForEvent('download'), calendarCard.getByRole('button', { name: 'Make calendar file' }).click()]);
    expect(ics.suggestedFilename()).toMatch(/^Riverside .* - .+\.ics$/);
    const icsFile = path.join(scratch, ics.suggestedFilename());
    await ics.saveAs(icsFile);
    await page.getByText(/^Downloaded .*\.ics: \d+ events/).waitFor();
    await calendarCard.getByRole('button', { name: 'Make calendar file' }).and(page.locator(':not([data-loading])')).waitFor();
    await screenshot(page, 'exports-05-calendar-file');
    const calendar = parseIcs(fs.readFileSync(icsFile, 'utf8'));
    expect(calendar.calendarName).toMatch(/^Riverside .* · /);
    expect(calendar.events.length).toBeGreaterThan(10);
    expect(calendar.events.every((e) => e.allDay)).toBe(true);
    expect(calendar.events.some((e) => /^Strength [ABC]: /.test(e.summary))).toBe(true);
    expect(calendar.events.some((e) => /^(Easy run|Long run|Tempo run|Intervals) \d+ min \(RPE [\d.]+\)$/.test(e.summary))).toBe(true);

    expect(errors).toEqual([]);
  });

  it('a long export (the 300-athlete squad, three seasons) shows its progress and can be stopped', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'backchain-e2e-large-'));
    const db = await openSquadDatabase(databasePath(dataDir));
    loadGeneratedSquad(db, { seed: 5, size: 'large' }, new Date());
    db.close();
    const { page, errors } = await e2e.start({ dataDir });
    // A squad with a plan opens on the calendar.
    await page.getByRole('heading', { name: 'Calendar' }).waitFor({ timeout: 30_000 });
    await page.keyboard.press('Control+9');
    const exportCard = page.getByRole('region', { name: 'Export' });
    await exportCard.getByRole('button', { name: 'All dates' }).click();
    await exportCard.scrollIntoViewIfNeeded();
    await exportCard.getByRole('button', { name: 'Export', exact: true }).click();
    // The progress names the table and counts its rows while the window stays usable.
    const progress = exportCard.getByText(/^Day-by-day plan: [\d,]+ of [\d,]+ rows$/);
    await progress.waitFor({ timeout: 30_000 });
    await progress.scrollIntoViewIfNeeded();
    await screenshot(page, 'exports-06-long-export-progress');
    await page.getByRole('button', { name: 'Stop' }).click();
    await page.getByText('Export stopped').waitFor({ timeout: 30_000 });
    await exportCard.getByRole('button', { name: 'Export', exact: true }).and(page.locator(':not([disabled])')).waitFor();
    expect(fs.readdirSync(path.join(dataDir, '.transfers'))).toEqual([]);
    expect(errors).toEqual([]);
  });
});

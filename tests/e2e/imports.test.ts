/**
 * Files from outside, end to end in Chromium, on the two laptop screens coaches use (1366 x 768
 * and 1280 x 720): a roster with events as coaches write them (values read, one left blank and
 * mapped in one step), a timing workbook with a Run column and an impossible split (refused
 * alone), and a crafted backup (refused with a sentence, the squad untouched).
 */
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { chromiumSession, screenshot } from './harness';

const e2e = chromiumSession();
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'backchain-e2e-imports-'));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

const SCREENS = [
  { width: 1366, height: 768 },
  { width: 1280, height: 720 },
] as const;

async function go(page: Page, hash: string) {
  await page.evaluate(`window.location.hash = ${JSON.stringify(hash)}`);
}

/** The buttons at the foot of a dialog are in view without scrolling. */
async function inView(page: Page, button: ReturnType<Page['getByRole']>, height: number) {
  const box = await button.boundingBox();
  expect(box && box.y + box.height).toBeLessThanOrEqual(height);
}

describe('files from outside, on a laptop screen', () => {
  for (const screen of SCREENS) {
    it(`a roster with events as coaches write them (${screen.width} x ${screen.height})`, async () => {
      const { page, errors } = await e2e.start({}, screen);
      await page.getByText('Your squad is empty').waitFor();
      await page.keyboard.press('Control+9');
      await page.getByRole('button', { name: 'Import from a spreadsheet…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Import athletes from a spreadsheet' });
      await dialog.locator('input[type="file"]').setInputFiles(path.resolve('tests/fixtures/roster/events-unicode-text.txt'));
      await dialog.getByText(/Text file: UTF-16, tab-separated/).waitFor();
      await dialog.getByText('“100, 200, LJ” → Sprints (the first of Sprints, Hurdles / jumps)').waitFor();
      await dialog.getByText('6 athletes will be added · 1 added with blanks').waitFor();
      await page.waitForTimeout(400);
      await screenshot(page, `imports-01-roster-values-${screen.width}`);
      // "Race walk" means distance here: one choice.
      await dialog.getByLabel('Event “Race walk” means').click();
      await page.getByRole('option', { name: 'Distance', exact: true }).click();
      await dialog.getByLabel('Grade “K” means').click();
      await page.getByRole('option', { name: 'Grade 9', exact: true }).click();
      await dialog.getByText('6 athletes will be added · 1 added with blanks').waitFor(); // the race goal "ultra" is still blank
      await dialog.getByRole('tab', { name: /Added with blanks/ }).click();
      await dialog.getByText('Race goal “ultra” is not a race Backchain knows (e.g. 800 m, Mile, 5K, Half marathon): left blank').waitFor();
      await page.waitForTimeout(200);
      await screenshot(page, `imports-02-roster-blanks-${screen.width}`);
      const add = dialog.getByRole('button', { name: 'Add 6 athletes' });
      await inView(page, add, screen.height);
      await add.click();
      await page.getByText('Imported 6 athletes from events-unicode-text.txt').waitFor();
      expect(errors).toEqual([]);
    });

    it(`a timing workbook with an impossible split (${screen.width} x ${screen.height})`, async () => {
      const { page, errors } = await e2e.start({}, screen);
      await page.getByRole('button', { name: 'Load sample squad' }).click();
      await page.getByRole('cell', { name: /Sprints/ }).first().waitFor();
      await go(page, '/retests');
      await page.getByRole('table', { name: 'Test sessions' }).waitFor();
      await page.getByRole('button', { name: 'New test session' }).click();
      await page.getByRole('form', { name: 'Test session' }).getByRole('button', { name: 'Add session' }).click();
      await page.getByRole('heading', { name: 'End of block 3' }).waitFor();
      const names = (await page.locator('table.entry-grid tbody th').allTextContents()).slice(0, 4);
      expect(names).toHaveLength(4);

      // The gates' workbook: a row per run, names as the grid writes them ("Last, First") and as
      // "First LAST"; one 20 m split impossible.
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('Gates');
      sheet.addRow(['Athlete', 'Run', '10 m', '20 m', '30 m']);
      const time = (base: number, i: number) => Math.round((base + i / 100) * 100) / 100;
      names.forEach((name, i) => {
        const [family = '', given = ''] = name.split(', ');
        sheet.addRow([name, 1, time(1.9, i), i === 2 ? 0.9 : time(3.3, i), time(4.6, i)]);
        sheet.addRow([`${given} ${family.toUpperCase()}`, 2, time(1.88, i), time(3.28, i), time(4.58, i)]);
      });
      const file = path.join(scratch, `gates-${screen.width}.xlsx`);
      fs.writeFileSync(file, Buffer.from(await workbook.xlsx.writeBuffer()));

      await page.getByRole('button', { name: 'Import results' }).click();
      const dialog = page.getByRole('dialog', { name: /Import results/ });
      await dialog.locator('input[type=file]').setInputFiles(file);
      await dialog.getByText(/Excel workbook, sheet "Gates"/).waitFor();
      await dialog.getByText('8 rows accepted (1 cell refused), 0 rows rejected').waitFor();
      await dialog.getByText('Refused 20 m “0.9”: 0.9 s is below the 2.5–5.5 s range for Sprint 20 m').waitFor();
      await page.waitForTimeout(400);
      await screenshot(page, `imports-03-timing-refused-cell-${screen.width}`);
      await dialog.getByRole('checkbox', { name: 'Leave out the 1 refused cell, and import the rest' }).check();
      await dialog.getByRole('button', { name: /^Import \d+ results$/ }).click();
      await dialog.waitFor({ state: 'detached' });
      expect(errors).toEqual([]);
    });
  }

  it('a crafted backup (a trigger that clears injury flags) is refused with a sentence; the squad is untouched (1366 x 768 and 1280 x 720)', async () => {
    const { page, errors } = await e2e.start({}, SCREENS[0]);
    await page.getByRole('button', { name: 'Load sample squad' }).click();
    await page.getByRole('cell', { name: /Sprints/ }).first().waitFor();
    await page.keyboard.press('Control+9');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Back up now' }).click()]);
    const crafted = path.join(scratch, 'crafted.backchain');
    await download.saveAs(crafted);
    const db = new Database(crafted);
    db.exec("CREATE TRIGGER clear_injuries AFTER INSERT ON athlete BEGIN UPDATE athlete SET injured = 0, injury_notes = ''; END;");
    db.close();
    await page.locator('input[type="file"][aria-label="Backup file to restore"]').setInputFiles(crafted);
    await page.getByText(/^This backup has been changed by another program: it holds trigger "clear_injuries" that Backchain does not make\./).waitFor();
    for (const screen of SCREENS) {
      await page.setViewportSize(screen);
      await page.waitForTimeout(300);
      await screenshot(page, `imports-05-crafted-backup-refused-${screen.width}`);
    }
    await expect(page.getByRole('dialog', { name: 'Restore this backup?' }).count()).resolves.toBe(0);
    await page.keyboard.press('Control+1');
    await page.getByText('24 active athletes').waitFor();
    expect(errors).toEqual([]);
  });
});

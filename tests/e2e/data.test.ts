import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { chromiumSession, screenshot } from './harness';

const e2e = chromiumSession();
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'backchain-e2e-files-'));
afterAll(() => {
  fs.rmSync(scratch, { recursive: true, force: true });
});

const MESSY_CSV = path.resolve('tests/fixtures/roster/messy.csv');

describe('the Data section, end to end in Chromium', () => {
  it('imports a roster CSV (refused rows and cells left blank shown), backs up now, and restores with a preview', async () => {
    const { page, errors } = await e2e.start();
    await page.getByText('Your squad is empty').waitFor();
    await page.keyboard.press('Control+9');
    await page.getByRole('heading', { name: 'Data', exact: true }).waitFor();
    // A brand-new squad has nothing to back up yet.
    await page.getByText(/^No automatic backups yet/).waitFor();
    await screenshot(page, 'data-01-empty-squad');

    // Import the messy file: rows without a name and duplicates are refused, with their row
    // numbers and reasons; a cell that cannot be used (900 kg, grade K) is left blank and said.
    await page.getByRole('button', { name: 'Import from a spreadsheet…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import athletes from a spreadsheet' });
    await dialog.locator('input[type="file"]').setInputFiles(MESSY_CSV);
    await dialog.getByRole('table', { name: 'Refused rows' }).waitFor();
    await expect(dialog.getByRole('row', { name: /^9 ana LÓPEZ Same name as row 4/ }).count()).resolves.toBe(1);
    await expect(dialog.getByText('Windows-1252').count()).resolves.toBe(0);
    await dialog.getByText('7 athletes will be added · 3 added with blanks').waitFor();
    await page.waitForTimeout(400);
    await screenshot(page, 'data-02-import-refused-rows');
    await dialog.getByRole('tab', { name: /Added with blanks/ }).click();
    await expect(dialog.getByRole('row', { name: /^8 Nguyen, Cara Body mass “900” must be between 20 and 200 kg: left blank$/ }).count()).resolves.toBe(1);
    await dialog.getByRole('tab', { name: /Will be added/ }).click();
    await dialog.getByRole('table', { name: 'Athletes to add' }).waitFor();
    await screenshot(page, 'data-03-import-to-add');
    await dialog.getByRole('button', { name: 'Add 7 athletes' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('Imported 7 athletes and 4 groups from messy.csv').waitFor();

    await page.keyboard.press('Control+1');
    await page.getByText('7 active athletes').waitFor();
    await page.getByRole('cell', { name: 'López, Ana' }).waitFor();

    // Back up now: the browser downloads the backup file.
    await page.keyboard.press('Control+9');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Back up now' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^My squad \d{4}-\d{2}-\d{2}\.backchain$/);
    const backupFile = path.join(scratch, download.suggestedFilename());
    await download.saveAs(backupFile);
    expect(fs.readFileSync(backupFile).subarray(0, 15).toString('latin1')).toBe('SQLite format 3');
    await page.getByText(/^Downloaded My squad/).waitFor();

    // Change the squad, then restore the backup: the preview says what it holds.
    await page.keyboard.press('Control+1');
    await page.getByRole('button', { name: 'Archive Ana López' }).click();
    await page.getByText('6 active athletes').waitFor();
    await page.keyboard.press('Control+9');
    await page.getByRole('heading', { name: 'Data', exact: true }).waitFor();
    await page.locator('input[type="file"][aria-label="Backup file to restore"]').setInputFiles(backupFile);
    const preview = page.getByRole('dialog', { name: 'Restore this backup?' });
    await preview.getByRole('table', { name: 'What the backup holds' }).waitFor();
    await expect(preview.getByRole('row', { name: 'Athletes 7 active athletes' }).count()).resolves.toBe(1);
    await expect(preview.getByRole('row', { name: /^Groups Distance Throws Sprints Hurdlers$/ }).count()).resolves.toBe(1);
    await expect(preview.getByRole('row', { name: /^Squad My squad/ }).count()).resolves.toBe(1);
    await page.waitForTimeout(400); // the dialog's fade-in
    await screenshot(page, 'data-04-restore-preview');
    await preview.getByRole('button', { name: 'Restore' }).click();
    await preview.waitFor({ state: 'detached' });
    await page.getByText('Squad restored').waitFor();
    await page.getByRole('cell', { name: 'Before a restore' }).waitFor();
    await screenshot(page, 'data-05-after-restore');

    await page.keyboard.press('Control+1');
    await page.getByText('7 active athletes').waitFor();
    // The restore can be undone like any change: back to the squad with Ana archived.
    await page.getByRole('heading', { name: 'Roster' }).click();
    await page.keyboard.press('Control+z');
    await page.getByText('6 active athletes').waitFor();
    expect(errors).toEqual([]);
  });

  it('a damaged squad file: a clear screen, the newest good backup checked and restored, the damaged file kept', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'backchain-e2e-damaged-'));
    const first = await e2e.start({ dataDir, keepData: true });
    let { page } = first;
    await page.getByRole('button', { name: 'Load sample squad' }).click();
    await page.getByText('24 active athletes').waitFor();
    // Keep a backup with the sample squad in the backups folder, as yesterday's daily backup.
    await page.keyboard.press('Control+9');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Back up now' }).click()]);
    await download.saveAs(path.join(dataDir, 'backups', '2020-01-01_06-00-00_daily.backchain'));
    await page.close();
    await first.app.stop();

    // The squad file is damaged: a page of it overwritten with garbage.
    const squadFile = path.join(dataDir, 'squad.db');
    const damaged = Buffer.alloc(fs.statSync(squadFile).size, 'lost power ');
    fs.writeFileSync(squadFile, damaged);

    const reopened = await e2e.start({ dataDir });
    page = reopened.page;
    const errors = reopened.errors;
    await page.getByRole('heading', { name: 'Backchain cannot open your squad' }).waitFor();
    await page.getByRole('table', { name: 'Backups' }).waitFor();
    await screenshot(page, 'data-06-damaged-squad-file');
    await page.getByRole('button', { name: 'Check and restore the newest good backup' }).click();
    const preview = page.getByRole('dialog', { name: 'Restore this backup?' });
    await preview.getByRole('row', { name: 'Athletes 24 active athletes' }).waitFor();
    await page.waitForTimeout(400); // the dialog's fade-in
    await screenshot(page, 'data-07-damaged-restore-preview');
    await preview.getByRole('button', { name: 'Restore' }).click();
    // The restored squad opens where the app opens (the calendar, since it has a plan); its roster has everyone.
    await page.getByRole('heading', { name: /^(Calendar|Roster)$/ }).waitFor();
    await page.keyboard.press('Control+1');
    await page.getByText('24 active athletes').waitFor();
    expect(fs.readdirSync(dataDir).filter((f) => /^squad\.damaged-.*\.db$/.test(f))).toHaveLength(1);
    const kept = fs.readdirSync(dataDir).find((f) => f.startsWith('squad.damaged-')) ?? '';
    expect(fs.readFileSync(path.join(dataDir, kept)).equals(damaged)).toBe(true);
    expect(errors).toEqual([]);
    // The data folder goes when this server stops (started without keepData).
  });

  it('imports an Excel workbook on a small laptop screen (1280 x 720): the buttons stay in view', async () => {
    const { page, errors } = await e2e.start({}, { width: 1280, height: 720 });
    await page.getByText('Your squad is empty').waitFor();
    await page.keyboard.press('Control+9');
    await page.getByRole('button', { name: 'Import from a spreadsheet…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import athletes from a spreadsheet' });
    await dialog.locator('input[type="file"]').setInputFiles(path.resolve('tests/fixtures/roster/roster.xlsx'));
    await dialog.getByText('Excel workbook, sheet "Roster"').waitFor();
    await dialog.getByRole('table', { name: 'Athletes to add' }).waitFor();
    const add = dialog.getByRole('button', { name: 'Add 3 athletes' });
    await page.waitForTimeout(400);
    // In view without scrolling the dialog.
    const box = await add.boundingBox();
    expect(box && box.y + box.height).toBeLessThanOrEqual(720);
    await screenshot(page, 'data-08-import-xlsx-small-screen');
    await add.click();
    await page.getByText('Imported 3 athletes and 2 groups from roster.xlsx').waitFor();
    await page.keyboard.press('Control+1');
    await page.getByText('3 active athletes').waitFor();
    expect(errors).toEqual([]);
  });
});

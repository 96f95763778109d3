/**
 * Session sheets end to end in Chromium (browser mode): print a group's sheets to PDF from the
 * print route (Chromium's PDF printing, the engine the desktop's printToPDF uses), check the PDF's
 * pages and text and render its first pages (test-output/screenshots/sheets-pdf-*.png, to look
 * at) with PDF.js (./pdf.ts); key a group's results back in on the
 * entry screen (a refused value, a doubtful load, leaving the screen, undo) and see next week's
 * loads change; the working-max screen; the empty states.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addDays } from '@shared/dates';
import { distanceSquad, THIS_MONDAY, WEEK1_MONDAY } from './distanceSquad';
import { chromiumSession, screenshot, SCREENSHOT_DIR } from './harness';
import { pdfFonts, pdfImages, pdfInfo, pdfText, pdfWords } from './pdf';

const e2e = chromiumSession();

// page.evaluate runs in Chromium; the browser globals it touches (this file has no DOM types).
declare const sessionStorage: { getItem(key: string): string | null };
declare const document: { body: { dataset: Record<string, string | undefined> } };

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

/** The squad of ./distanceSquad.ts, made through browser mode's API. */
const makeDistanceSquad = (page: Page) => distanceSquad(<T,>(method: string, input: unknown) => api<T>(page, method, input));

const OUT = path.resolve('test-output', 'sheets');

/** The print route to PDF, as the benchmark and the desktop's hidden window do it. */
async function printToPdf(page: Page, route: string, file: string): Promise<string> {
  await page.goto(`${e2e.app?.url}/#${route}`);
  // A fresh page, as the desktop's hidden print window is.
  await page.reload();
  await page.waitForFunction(() => document.body.dataset.printReady === 'true' || document.body.dataset.printError !== undefined, undefined, { timeout: 30_000 });
  const error = await page.evaluate(() => document.body.dataset.printError);
  if (error) throw new Error(`print page failed: ${error}`);
  fs.mkdirSync(OUT, { recursive: true });
  const target = path.join(OUT, file);
  await page.pdf({ path: target, preferCSSPageSize: true, printBackground: true });
  return target;
}

// Paper in PostScript points (1/72 in): A4 is 210 x 297 mm = 595.28 x 841.89; US Letter 8.5 x 11 in = 612 x 792.
const A4 = { widthPt: 595, heightPt: 842 };
const LETTER = { widthPt: 612, heightPt: 792 };

describe('session sheets, end to end', () => {
  it("prints a group's sheets to PDF: one A4 page per athlete with their own loads, regressions and tempo; US Letter in lb; the landscape clipboard", async () => {
    const { page, errors } = await e2e.start();
    const squad = await makeDistanceSquad(page);

    const pdf = await printToPdf(page, `/print/sheets?date=${THIS_MONDAY}&group=${squad.group}&layout=individual&paper=a4`, 'individual-a4.pdf');
    // A4 portrait; one page per athlete.
    expect(await pdfInfo(pdf)).toEqual({ pages: 3, ...A4 });
    // Week 2: 70% x 1.025 = 71.75% of her tested 100 kg = 71.75 -> 72.5 kg (2.5 kg plates); tempo 2-0-X.
    expect(await pdfText(pdf, 1)).toMatch(/Trap bar deadlift\s+3\s*x\s*6\s+72\.5 kg\s+2-0-X\s+2:30/);
    const ana = await pdfWords(pdf, 1);
    expect(ana).toContain('Ana López');
    expect(ana).toContain('Foundational 1 · week 2 of 4');
    expect(ana).toContain('71.8% of 100 kg tested 1RM');
    expect(ana).toContain('Hip thrust');
    expect(ana).toContain('Choose a starting load for 8 reps');
    expect(ana).toContain('Run: Easy run, 30 min, target RPE 3');
    expect(ana).toContain('Sleep quality');
    // Page 2 is Cara (N before O), page 3 Ben, with his regressions.
    expect(await pdfWords(pdf, 2)).toContain('Cara Nguyen');
    expect(await pdfWords(pdf, 2)).toContain('Choose a starting load for 6 reps');
    const ben = await pdfWords(pdf, 3);
    expect(ben).toContain('Ben Okafor');
    expect(ben).toContain('Injured / modified: Left hamstring strain');
    expect(ben).toContain('Regression for injury: Romanian deadlift instead of Trap bar deadlift');
    // The text is set in Inter, the font the app ships (renderer/app/font.ts), whatever the machine has installed.
    expect((await pdfFonts(pdf, 1)).filter((font) => font.startsWith('Inter-'))).toEqual(['Inter-Bold', 'Inter-Regular', 'Inter-SemiBold']);
    expect(await pdfImages(pdf, SCREENSHOT_DIR, 'sheets-pdf-a4', 2)).toHaveLength(2);

    // A squad in lb on US Letter; 72.5 kg... from 100 kg: 71.75 kg = 158.2 lb -> 160 lb (5 lb plates).
    const settings = await api<Record<string, unknown>>(page, 'settings.get', {});
    await api(page, 'settings.update', { ...settings, unit: 'lb', plateIncrement: 5, barWeight: 45, dumbbellStep: 5 });
    const letter = await printToPdf(page, `/print/sheets?date=${THIS_MONDAY}&athletes=${squad.ana}&layout=individual&paper=letter`, 'individual-letter-lb.pdf');
    expect(await pdfInfo(letter)).toEqual({ pages: 1, ...LETTER });
    expect(await pdfText(letter)).toMatch(/Trap bar deadlift\s+3\s*x\s*6\s+160 lb/);
    expect(await pdfImages(letter, SCREENSHOT_DIR, 'sheets-pdf-letter', 1)).toHaveLength(1);

    const clipboard = await printToPdf(page, `/print/sheets?date=${THIS_MONDAY}&group=${squad.group}&layout=clipboard&paper=a4`, 'clipboard-a4.pdf');
    // A4 landscape.
    expect(await pdfInfo(clipboard)).toEqual({ pages: 1, widthPt: A4.heightPt, heightPt: A4.widthPt });
    expect(await pdfText(clipboard)).toMatch(/López, Ana\s+160 lb T/);
    expect(await pdfWords(clipboard)).toContain('Romanian deadlift');
    expect(await pdfImages(clipboard, SCREENSHOT_DIR, 'sheets-pdf-clipboard', 1)).toHaveLength(1);
    expect(errors).toEqual([]);
  });

  it("previews the sheets in the app, enters a group's results (a refused value, a doubtful load, leaving the screen), which changes next week's loads; undo", async () => {
    const { app, page, errors } = await e2e.start();
    const squad = await makeDistanceSquad(page);
    await page.goto(`${app.url}/#/sheets?date=${WEEK1_MONDAY}&group=${squad.group}`);
    await page.reload();
    const preview = page.getByTestId('sheets-preview');
    await preview.getByRole('region', { name: 'Session sheet: Ana López' }).waitFor();
    await expect(page.getByTestId('sheets-summary').textContent()).resolves.toMatch(/^3 sheets for Distance/);
    // Week 1: 70% of 100 kg = 70 kg for Ana; Cara has no working max yet.
    await preview.getByRole('region', { name: 'Session sheet: Ana López' }).getByText('70 kg', { exact: true }).waitFor();
    await preview.getByRole('region', { name: 'Session sheet: Cara Nguyen' }).getByText('Choose a starting load for 6 reps').waitFor();
    await screenshot(page, 'sheets-01-preview-individual');
    // What the browser's print (Print, window.print()) puts on paper: the sheets alone, one page each.
    fs.mkdirSync(OUT, { recursive: true });
    const printed = path.join(OUT, 'preview-print.pdf');
    await page.pdf({ path: printed, preferCSSPageSize: true, printBackground: true });
    expect((await pdfInfo(printed)).pages).toBe(3);
    const words = await pdfWords(printed);
    expect(words).toContain('Ana López');
    expect(words).not.toContain('Enter results');
    expect(words).not.toContain('Roster');
    await page.getByText('Group clipboard').click();
    await preview.getByRole('region', { name: 'Clipboard sheet: Distance' }).waitFor();
    await screenshot(page, 'sheets-02-preview-clipboard');

    // Enter results for week 1's Monday.
    await page.getByRole('tab', { name: 'Enter results' }).click();
    await page.getByTestId(`entry-card-${squad.cara}`).waitFor();
    await expect(page.getByTestId('entry-count').textContent()).resolves.toMatch(/^0 of 3 athletes entered/);
    const box = (who: string, what: string) => page.getByRole('textbox', { name: `${who}, ${what}`, exact: true });

    // Cara chose 40 kg for the trap bar deadlift and did every rep; RPE 14 is refused at the field.
    await box('Cara Nguyen', 'session RPE (0-10)').fill('14');
    await page.getByText('RPE 14? The CR-10 scale runs 0-10 (half points allowed).').waitFor();
    await screenshot(page, 'sheets-03-entry-rejected-rpe');
    await box('Cara Nguyen', 'session RPE (0-10)').fill('6');
    await box('Cara Nguyen', 'minutes').fill('48');
    for (const set of [1, 2, 3]) await box('Cara Nguyen', `Trap bar deadlift, set ${set}, load in kg`).fill('40');
    await box('Cara Nguyen', 'Sleep quality (1-5)').fill('4');
    await page.getByRole('combobox', { name: 'Cara Nguyen, strength session' }).waitFor();
    await expect(page.getByRole('combobox', { name: 'Cara Nguyen, strength session' }).inputValue()).resolves.toBe('done');

    // Ana's trap bar: 150 kg typed where the sheet says 70 kg is asked about (typed in lb?); she did 72.5.
    await box('Ana López', 'Trap bar deadlift, set 1, load in kg').fill('150');
    await page.getByText('150 kg is more than twice the 70 kg on the sheet. Typed in lb?').waitFor();
    await page.getByRole('button', { name: 'Yes, 150 kg' }).waitFor();
    await screenshot(page, 'sheets-04-entry-doubtful-load');
    await box('Ana López', 'Trap bar deadlift, set 1, load in kg').fill('72.5');
    await box('Ana López', 'session RPE (0-10)').fill('7');
    // Leaving Ana's card saves Cara's and Ana's (Cara's was left when Ana's was clicked).
    await box('Ben Okafor', 'session RPE (0-10)').click();
    await page.getByTestId(`entry-card-${squad.ana}`).getByText('saved').waitFor();
    await page.getByTestId(`entry-card-${squad.cara}`).getByText('saved').waitFor();
    await expect(page.getByRole('combobox', { name: 'Ana López, strength session' }).inputValue()).resolves.toBe('modified');

    // Ben: a missed session, and a wellness note; then leave the screen without leaving his card.
    await page.getByRole('combobox', { name: 'Ben Okafor, strength session' }).selectOption('missed');
    await page.getByRole('combobox', { name: 'Ben Okafor, hamstrings tight' }).selectOption('yes');
    await page.getByRole('tab', { name: 'Print sheets' }).click();
    await page.getByTestId('sheets-summary').waitFor();
    await expect
      .poll(async () => (await api<{ results: { athleteId: number; strength: { status: string } | null; wellness: { hamstringTight: boolean | null } | null }[] }>(page, 'results.day', { date: WEEK1_MONDAY, groupId: squad.group })).results.map((r) => [r.athleteId, r.strength?.status ?? null, r.wellness?.hamstringTight ?? null]))
      .toEqual([
        [squad.ana, 'modified', null],
        [squad.cara, 'done', null],
        [squad.ben, 'missed', true],
      ]);

    // Undo the last save (Ben's hamstrings, saved as the screen was left; "missed" had been saved on its own
    // when his RPE box was disabled): his session stays missed, the wellness answer goes.
    await page.getByRole('banner').getByRole('button', { name: 'Undo' }).click();
    await expect
      .poll(async () => (await api<{ results: { athleteId: number; strength: { status: string } | null; wellness: unknown }[] }>(page, 'results.day', { date: WEEK1_MONDAY, groupId: squad.group })).results.find((r) => r.athleteId === squad.ben))
      .toMatchObject({ strength: { status: 'missed' }, wellness: null });

    // Next week's sheet: Cara's 40 kg x 6 at 70% (6.86 reps in reserve) estimates 40 / 0.7 = 57.1 kg; week 2 asks
    // 71.75% of it = 41 kg -> 40 kg, where before her results it said "choose a starting load".
    await page.goto(`${app.url}/#/sheets?date=${THIS_MONDAY}&group=${squad.group}`);
    await page.reload();
    const cara = page.getByTestId('sheets-preview').getByRole('region', { name: 'Session sheet: Cara Nguyen' });
    await cara.getByText(/est\. from 40 kg x 6/).waitFor();
    await expect(cara.locator('.sheet-load').first().textContent()).resolves.toBe('40 kg');
    // Ana keeps her tested max: 72.5 kg.
    await expect(page.getByTestId('sheets-preview').getByRole('region', { name: 'Session sheet: Ana López' }).locator('.sheet-load').first().textContent()).resolves.toBe('72.5 kg');
    expect(errors).toEqual([]);
  });

  it('keeps working maxes: a tested 1RM for one athlete, a starting load for the rest in one step, undo; and the empty states', async () => {
    const { app, page, errors } = await e2e.start();
    await page.getByText('Your squad is empty').waitFor();
    await page.keyboard.press('Control+4');
    await page.getByText('No athletes yet').waitFor();
    await screenshot(page, 'sheets-05-empty-squad');

    const group = await api<{ id: number }>(page, 'groups.create', { name: 'Sprints', color: '#e8590c' });
    await api(page, 'athletes.create', { givenName: 'Dee', familyName: 'Adams', groupId: group.id });
    await page.reload();
    await page.getByText('No season plan yet').waitFor();
    await screenshot(page, 'sheets-06-empty-no-plan');
    await page.goto(`${app.url}/#/sheets?date=${THIS_MONDAY}&group=${group.id}`);
    await page.reload();
    await page.getByText('No season plan yet').waitFor();

    const squad = await makeDistanceSquad(page);
    // Friday of this week: no session and no run for the distance group.
    await page.goto(`${app.url}/#/sheets?date=${addDays(THIS_MONDAY, 4)}&group=${squad.group}`);
    await page.reload();
    await page.getByText(/^Nothing planned for Distance on/).waitFor();
    await screenshot(page, 'sheets-07-empty-no-session');

    await page.getByRole('tab', { name: 'Working maxes' }).click();
    await page.getByRole('table', { name: 'Working maxes' }).waitFor();
    // The tab keeps the group chosen for the sheets (Distance); the whole squad instead.
    await page.getByRole('combobox', { name: 'Group' }).click();
    await page.getByRole('option', { name: 'Whole squad' }).click();
    // Trap bar deadlift across the squad: Ana tested (100 kg), the others nothing.
    await page.getByText('3 athletes have nothing entered for Trap bar deadlift').waitFor();
    await page.getByRole('textbox', { name: 'Dee Adams: tested 1RM', exact: true }).fill('60');
    await page.getByLabel('Dee Adams: tested on').fill(WEEK1_MONDAY);
    await page.getByRole('textbox', { name: 'Cara Nguyen: starting load', exact: true }).click();
    await page.getByRole('row', { name: /Dee Adams/ }).getByText('60 kg (tested)').waitFor();
    // A starting load for everyone else, in one step.
    await page.getByLabel('Starting load for everyone without one (kg)').fill('35');
    await page.getByRole('button', { name: 'Set for 2' }).click();
    await page.getByRole('row', { name: /Cara Nguyen/ }).getByText('35 kg x 8 (starting load)').waitFor();
    await page.getByRole('row', { name: /Ben Okafor/ }).getByText('35 kg x 8 (starting load)').waitFor();
    // A tested max with no date is caught at the field.
    await page.getByRole('textbox', { name: 'Ben Okafor: tested 1RM', exact: true }).fill('70');
    await page.getByRole('textbox', { name: 'Ben Okafor: starting load', exact: true }).click();
    await page.getByRole('textbox', { name: 'Cara Nguyen: tested 1RM', exact: true }).click();
    await page.getByText('When was it tested?').waitFor();
    await screenshot(page, 'sheets-08-working-maxes');
    await page.getByRole('textbox', { name: 'Ben Okafor: tested 1RM', exact: true }).fill('');
    await page.getByRole('textbox', { name: 'Cara Nguyen: tested 1RM', exact: true }).click();

    // Undo takes the bulk step back as one.
    await page.getByRole('banner').getByRole('button', { name: 'Undo' }).click();
    await page.getByText('2 athletes have nothing entered for Trap bar deadlift').waitFor();
    const list = await api<{ rows: { athleteName: string; inUse: { kind: string } | null }[] }>(page, 'maxes.list', { by: 'exercise', exerciseId: (await api<{ id: number; code: string | null }[]>(page, 'exercises.list', {})).find((e) => e.code === 'trap_bar_deadlift')?.id, groupId: null });
    expect(list.rows.map((r) => [r.athleteName, r.inUse?.kind ?? null])).toEqual([
      ['Dee Adams', 'tested'],
      ['Ana López', 'tested'],
      ['Cara Nguyen', null],
      ['Ben Okafor', null],
    ]);
    expect(errors).toEqual([]);
  });
});

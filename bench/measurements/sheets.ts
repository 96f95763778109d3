/**
 * Session sheets on the large squad (300 athletes, two seasons of logs behind today):
 * - sheetsPdfMs: one PDF holding the individual sheets of 150 athletes for one day, in browser
 *   mode with Chromium's PDF printing (page.pdf(), the engine the desktop's printToPDF uses):
 *   from opening the print route in a fresh page to the PDF's bytes (median of 5, after a warm-up);
 * - sheetsPdfPages: that PDF's pages, counted with PDF.js (tests/e2e/pdf.ts); one per athlete,
 *   or the measurement fails;
 * - sheetsDayMs: main building those 150 sheets (sheets.day through the dispatcher).
 * On the smoke run's sample squad: every athlete with a session on the busiest day.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Browser } from 'playwright-core';
import { dispatch } from '@main/api/dispatch';
import { startWebServer } from '@main/web/server';
import { localToday } from '@shared/dates';
import { dayNumber, isoDate } from '@shared/plan/days';
import { sheetsPrintRoute } from '@shared/sheets/printRoute';
import { pdfPageCount } from '../../tests/e2e/pdf';
import type { BenchContext, Measurement } from '../context';
import { median, medianMs, repeats, round, warmups } from '../harness';

// The page-side check runs in Chromium (this module has no DOM types).
declare const document: { body: { dataset: Record<string, string | undefined> } };

/** Sheets in the PDF: 150 on the large squad; on the sample squad, everyone with a session that day (at least one). */
const ATHLETES = { large: 150, sample: 1 } as const;

/** The day in the next two weeks with the most strength sessions, and up to 150 athletes who have one. */
function busiestDay(db: BenchContext['db'], squad: BenchContext['squad']): { date: string; athleteIds: number[] } {
  const from = dayNumber(localToday());
  const best = db
    .prepare('SELECT day, count(*) AS n FROM athlete_day WHERE day BETWEEN ? AND ? AND template_id IS NOT NULL GROUP BY day ORDER BY n DESC, day LIMIT 1')
    .get(from, from + 13) as { day: number; n: number } | undefined;
  const wanted = ATHLETES[squad];
  if (!best || best.n < wanted) throw new Error(`No day in the next two weeks has ${wanted} strength sessions (best: ${best?.n ?? 0})`);
  const athleteIds = db.prepare('SELECT athlete_id FROM athlete_day WHERE day = ? AND template_id IS NOT NULL ORDER BY athlete_id LIMIT ?').pluck().all(best.day, ATHLETES.large) as number[];
  return { date: isoDate(best.day), athleteIds };
}

async function printOnce(browser: Browser, openUrl: string, route: string): Promise<{ ms: number; pdf: Buffer }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  // The token and the print route in one address, as a fresh print window opens it (opening the
  // app first would race its landing page's redirect to the calendar).
  const start = performance.now();
  await page.goto(`${openUrl}#${route}`);
  await page.waitForFunction(() => document.body.dataset.printReady === 'true' || document.body.dataset.printError !== undefined, undefined, { timeout: 60_000 });
  const error = await page.evaluate(() => document.body.dataset.printError);
  if (error) throw new Error(`The print page failed: ${error}`);
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  const ms = performance.now() - start;
  await context.close();
  return { ms, pdf };
}

export const sheetsMeasurement: Measurement = {
  name: 'sheets',
  async run({ ctx, dataDir, squad, rendererDir, launchBrowser, log }) {
    const { date, athleteIds } = busiestDay(ctx.db, squad);
    log(`sheets: ${athleteIds.length} athletes with a strength session on ${date}`);
    const figures: Record<string, number> = {};
    figures.sheetsDayMs = await medianMs(async () => {
      const response = await dispatch(ctx, 'sheets.day', { date, athleteIds });
      if (!response.ok) throw new Error(response.error.message);
    }, 5, 1);

    const route = sheetsPrintRoute({ date, groupId: null, athleteIds, layout: 'individual', paper: 'a4' });
    const server = await startWebServer({ dataDir, rendererDir, appVersion: 'bench' });
    const browser = await launchBrowser();
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'backchain-sheets-')), 'sheets.pdf');
    try {
      for (let i = 0; i < warmups(1); i += 1) await printOnce(browser, server.openUrl, route); // the file cache and Chromium's code cache
      const times: number[] = [];
      let last: Buffer | null = null;
      for (let i = 0; i < repeats(5); i += 1) {
        const { ms, pdf } = await printOnce(browser, server.openUrl, route);
        times.push(ms);
        last = pdf;
      }
      figures.sheetsPdfMs = round(median(times));
      fs.writeFileSync(file, last as Buffer);
      figures.sheetsPdfPages = await pdfPageCount(file);
      log(`sheets PDF: ${figures.sheetsPdfPages} pages, ${round((last as Buffer).byteLength / 1024 / 1024, 2)} MB`);
      if (figures.sheetsPdfPages !== athleteIds.length) throw new Error(`The sheets PDF has ${figures.sheetsPdfPages} pages for ${athleteIds.length} athletes (one page each expected)`);
    } finally {
      await browser.close();
      await server.close();
      fs.rmSync(path.dirname(file), { recursive: true, force: true });
    }
    return figures;
  },
};

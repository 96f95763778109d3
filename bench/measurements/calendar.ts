/**
 * The calendar grid on the large squad (300 athletes, three seasons of plans):
 * - calendarQueryMs: main returning the grid for all athletes x 12 weeks, through the dispatcher;
 * - calendarFloorMs: the plain SQL reading the same stored rows (what no code can beat);
 * - gridFirstPaintMs: browser mode in Chromium, navigation to the grid showing 300 athletes x 12 weeks;
 * - gridScrollFrameMs: 95th-percentile frame time scrolling the season view down and across.
 */
import type { Browser } from 'playwright-core';
import { dispatch } from '@main/api/dispatch';
import { GRID_SQL } from '@main/db/repositories/athleteDays';
import { readSettings } from '@main/db/repositories/settings';
import { startWebServer } from '@main/web/server';
import { addDays, localToday, startOfWeek } from '@shared/dates';
import { dayNumber } from '@shared/plan/days';
import type { Measurement } from '../context';
import { performance } from 'node:perf_hooks';
import { median, percentile, repeats, round, warmups } from '../harness';

// The page-side functions run in Chromium; these are the few browser globals they touch
// (declared here, in this module only: the Node-side code has no DOM types).
declare const sessionStorage: { setItem(key: string, value: string): void };
declare const document: { querySelector(selector: string): ScrollBox | null };
declare function requestAnimationFrame(callback: (time: number) => void): number;
interface ScrollBox {
  scrollTop: number;
  scrollLeft: number;
  readonly scrollHeight: number;
  readonly scrollWidth: number;
  readonly clientHeight: number;
  readonly clientWidth: number;
}

// Run in Chromium: globalThis, so the bundler's renaming of the imported `performance` cannot reach it.
const READY = () => globalThis.performance.getEntriesByName('calendar-grid-ready').length > 0;

async function firstPaint(browser: Browser, url: string): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(READY, undefined, { timeout: 30_000 });
  const ms = await page.evaluate(() => globalThis.performance.getEntriesByName('calendar-grid-ready')[0]?.startTime ?? Number.NaN);
  await context.close();
  return ms;
}

/** Frame times (ms) while scrolling the season view: down through every athlete, then across the season. */
async function scrollFrames(browser: Browser, url: string): Promise<number[]> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(() => sessionStorage.setItem('backchain.calendar.zoom', 'season'));
  await page.goto(url);
  await page.waitForFunction(READY, undefined, { timeout: 30_000 });
  // Every page of the season loaded, so scrolling measures drawing, not waiting.
  await page.waitForSelector('[data-testid="calendar-area"][data-all-loaded="true"]', { timeout: 60_000 });
  await page.waitForTimeout(300);
  const frames = await page.evaluate(
    () =>
      new Promise<number[]>((resolve) => {
        const grid = document.querySelector('[data-testid="calendar-grid"]') as ScrollBox;
        const down = (grid.scrollHeight - grid.clientHeight) / 120;
        const across = Math.max(4, (grid.scrollWidth - grid.clientWidth) / 90);
        const times: number[] = [];
        let frame = 0;
        let last = 0;
        const step = (t: number) => {
          if (last) times.push(t - last);
          last = t;
          if (frame < 120) grid.scrollTop += down;
          else if (frame < 210) grid.scrollLeft += across;
          else if (frame < 300) {
            grid.scrollTop -= down * 1.3;
            grid.scrollLeft -= across;
          } else return resolve(times);
          frame += 1;
          requestAnimationFrame(step);
        };
        requestAnimationFrame(step);
      }),
  );
  await context.close();
  return frames;
}

export const calendarMeasurement: Measurement = {
  name: 'calendar',
  async run({ ctx, db, dataDir, rendererDir, launchBrowser, log }) {
    const firstDay = readSettings(db)?.firstDayOfWeek ?? 1;
    const from = startOfWeek(localToday(), firstDay);
    const to = addDays(from, 12 * 7 - 1);
    const floor = db.prepare(GRID_SQL).raw(true);
    const rows = floor.all(dayNumber(from), dayNumber(to)).length;
    const response = await dispatch(ctx, 'calendar.grid', { from, to });
    if (!response.ok) throw new Error(response.error.message);
    log(`grid ${from}..${to}: ${rows} stored rows for ${(response.value as { athleteIds: number[] }).athleteIds.length} athletes`);

    // Alternate the two so both medians see the same machine (other work, garbage collection).
    const query: number[] = [];
    const plain: number[] = [];
    const warm = warmups(5);
    for (let i = 0; i < warm + repeats(30); i += 1) {
      let start = performance.now();
      await dispatch(ctx, 'calendar.grid', { from, to });
      const queryMs = performance.now() - start;
      start = performance.now();
      floor.all(dayNumber(from), dayNumber(to));
      const floorMs = performance.now() - start;
      if (i >= warm) {
        query.push(queryMs);
        plain.push(floorMs);
      }
    }
    const figures: Record<string, number> = { calendarQueryMs: round(median(query)), calendarFloorMs: round(median(plain)) };

    const server = await startWebServer({ dataDir, rendererDir, appVersion: 'bench' });
    const browser = await launchBrowser();
    try {
      const url = `${server.openUrl}#/calendar`;
      for (let i = 0; i < warmups(1); i += 1) await firstPaint(browser, url); // the OS file cache and Chromium's code cache
      const paints: number[] = [];
      for (let i = 0; i < repeats(5); i += 1) paints.push(await firstPaint(browser, url));
      figures.gridFirstPaintMs = round(median(paints));
      const frames = await scrollFrames(browser, url);
      figures.gridScrollFrameMs = round(percentile(frames, 95));
      log(`scroll: ${frames.length} frames, median ${round(median(frames))} ms, worst ${round(Math.max(...frames))} ms`);
    } finally {
      await browser.close();
      await server.close();
    }
    return figures;
  },
};

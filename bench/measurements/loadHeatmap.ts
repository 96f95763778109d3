/**
 * Training load on the large squad (300 athletes, two seasons of logs behind today):
 * - squadHeatmapMs: main answering load.squadWeeks for the last 12 weeks (weekly load), through
 *   the dispatcher: every active athlete's series, computed on read from the plan and the logs;
 * - squadHeatmapAcwrMs: the same with the acute:chronic ratio;
 * - athleteLoadMs: one athlete's chart (load.athlete, 12 weeks and the coming week);
 * - loadHeatmapFirstPaintMs: browser mode in Chromium, navigation to the heat map showing its rows
 *   (300 athletes, virtualized).
 */
import type { Browser } from 'playwright-core';
import { dispatch } from '@main/api/dispatch';
import { readSettings } from '@main/db/repositories/settings';
import { startWebServer } from '@main/web/server';
import { addDays, localToday, startOfWeek } from '@shared/dates';
import type { Measurement } from '../context';
import { median, medianMs, repeats, round, warmups } from '../harness';

const READY = () => globalThis.performance.getEntriesByName('load-heatmap-ready').length > 0;

async function firstPaint(browser: Browser, url: string): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(READY, undefined, { timeout: 60_000 });
  const ms = await page.evaluate(() => globalThis.performance.getEntriesByName('load-heatmap-ready')[0]?.startTime ?? Number.NaN);
  await context.close();
  return ms;
}

export const loadHeatmapMeasurement: Measurement = {
  name: 'loadHeatmap',
  async run({ ctx, db, dataDir, rendererDir, launchBrowser, log }) {
    const today = localToday();
    const thisWeek = startOfWeek(today, readSettings(db)?.firstDayOfWeek ?? 1);
    const from = addDays(thisWeek, -7 * 11);
    const weeks = (measure: 'weeklyLoad' | 'acwr') => dispatch(ctx, 'load.squadWeeks', { from, to: today, measure });
    const first = await weeks('weeklyLoad');
    if (!first.ok) throw new Error(first.error.message);
    const matrix = first.value as { athletes: { id: number; values: (number | null)[] }[]; weeks: string[] };
    const filled = matrix.athletes.reduce((n, a) => n + a.values.filter((v) => v !== null).length, 0);
    log(`  ${matrix.athletes.length} athletes x ${matrix.weeks.length} weeks (${from}..${today}), ${filled} cells with a value`);
    const athleteId = matrix.athletes[0]?.id ?? 1;
    const figures: Record<string, number> = {
      squadHeatmapMs: await medianMs(() => weeks('weeklyLoad'), 9, 2),
      squadHeatmapAcwrMs: await medianMs(() => weeks('acwr'), 9, 2),
      athleteLoadMs: await medianMs(() => dispatch(ctx, 'load.athlete', { athleteId, from, to: addDays(thisWeek, 13) })),
    };

    const server = await startWebServer({ dataDir, rendererDir, appVersion: 'bench' });
    const browser = await launchBrowser();
    try {
      const url = `${server.openUrl}#/load`;
      for (let i = 0; i < warmups(1); i += 1) await firstPaint(browser, url);
      const paints: number[] = [];
      for (let i = 0; i < repeats(5); i += 1) paints.push(await firstPaint(browser, url));
      figures.loadHeatmapFirstPaintMs = round(median(paints));
    } finally {
      await browser.close();
      await server.close();
    }
    return figures;
  },
};

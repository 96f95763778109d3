import { dispatch } from '@main/api/dispatch';
import type { RetestSettings } from '@shared/domain/retests';
import { addDays, localToday } from '@shared/dates';
import type { WarningsList } from '@shared/contract/warnings';
import type { Measurement } from '../context';
import { median, medianMs, repeats, round } from '../harness';
import { performance } from 'node:perf_hooks';

async function ok(ctx: Parameters<Measurement['run']>[0]['ctx'], method: Parameters<typeof dispatch>[1], input: unknown): Promise<unknown> {
  const response = await dispatch(ctx, method, input);
  if (!response.ok) throw new Error(`${method}: ${response.error.message}`);
  return response.value;
}

/**
 * Load monitoring and the deload warnings on the large squad (300 athletes, two seasons of logs):
 * - warningsAllMs: every active athlete's warning computed from the database (warnings.list with
 *   every status, through the dispatcher); the re-test declines are kept between calls until the
 *   re-test data change;
 * - warningsAfterRetestChangeMs: the same right after a re-test setting is saved (the declines of
 *   every athlete recomputed too);
 * - loadAthleteSeasonMs: one athlete's series over a year (the athlete chart);
 * - loadSquadWeeksMs: the squad heat map, 300 athletes x 12 weeks of weekly load.
 */
export const warningsMeasurement: Measurement = {
  name: 'warnings',
  async run({ ctx, log }) {
    const list = () => ok(ctx, 'warnings.list', { status: 'all' });
    const first = (await list()) as WarningsList;
    const kinds = new Map<string, number>();
    for (const w of first.warnings) for (const s of w.signals) kinds.set(s.key, (kinds.get(s.key) ?? 0) + 1);
    log(`  ${first.warnings.length} warnings (act ${first.counts.act}, watch ${first.counts.watch}); signals: ${[...kinds].map(([k, n]) => `${k} ${n}`).join(', ')}`);

    const warningsAllMs = await medianMs(list);

    const settings = (await ok(ctx, 'retests.settings', {})) as RetestSettings;
    const afterChange: number[] = [];
    for (let i = 0; i < repeats(5); i += 1) {
      await ok(ctx, 'retests.updateSettings', settings);
      const start = performance.now();
      await list();
      afterChange.push(performance.now() - start);
    }

    const today = localToday(ctx.now());
    return {
      warningsAllMs,
      warningsAfterRetestChangeMs: round(median(afterChange)),
      loadAthleteSeasonMs: await medianMs(() => ok(ctx, 'load.athlete', { athleteId: 1, from: addDays(today, -364), to: today }), 9, 2),
      loadSquadWeeksMs: await medianMs(() => ok(ctx, 'load.squadWeeks', { from: addDays(today, -77), to: today, measure: 'weeklyLoad' }), 5, 1),
    };
  },
};

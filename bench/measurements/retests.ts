import { dispatch } from '@main/api/dispatch';
import type { TestSession } from '@shared/domain/retests';
import type { Measurement } from '../context';
import { medianMs } from '../harness';

/**
 * The re-test comparison screen's read on the large squad (300 athletes x 7 tests, 18 sessions
 * and a reliability session): the squad comparison of the latest session with the one before
 * it and the baseline, including the squad's trend over every session, through the dispatcher.
 */
export const retestsMeasurement: Measurement = {
  name: 'retests',
  async run({ ctx, log }) {
    const listed = await dispatch(ctx, 'retests.listSessions', {});
    if (!listed.ok) throw new Error(listed.error.message);
    const sessions = listed.value as TestSession[];
    const latest = sessions.find((s) => s.kind === 'retest');
    const athleteId = 1;
    if (!latest) throw new Error('The large squad has no re-test session');
    const compare = () => dispatch(ctx, 'retests.compare', { sessionId: latest.id });
    const first = await compare();
    if (!first.ok) throw new Error(first.error.message);
    log(`  ${sessions.length} sessions; comparing "${latest.label}" (${latest.date})`);
    return {
      retestCompareMs: await medianMs(compare),
      retestAthleteTrendMs: await medianMs(() => dispatch(ctx, 'retests.athleteTrend', { athleteId })),
      retestSessionListMs: await medianMs(() => dispatch(ctx, 'retests.listSessions', {})),
      retestSessionSheetMs: await medianMs(() => dispatch(ctx, 'retests.getSession', { id: latest.id })),
    };
  },
};

import { dispatch } from '@main/api/dispatch';
import type { Measurement } from '../context';
import { medianMs } from '../harness';

/** The roster screen's read: all 300 athletes and the groups, through the same dispatcher IPC uses. */
export const rosterMeasurement: Measurement = {
  name: 'roster',
  async run({ ctx }) {
    return {
      rosterListMs: await medianMs(() => dispatch(ctx, 'athletes.list', { status: 'all' })),
      groupsListMs: await medianMs(() => dispatch(ctx, 'groups.list', {})),
    };
  },
};

/**
 * A consistent read of the squad for a long export. The export hands control back to the
 * event loop between batches of rows (so the window stays responsive), and the coach may change
 * the plan meanwhile; reading through the app's own connection would then mix two states, and a
 * read transaction on it would swallow the coach's writes. So the export reads through its own
 * read-only connection inside one read transaction: a snapshot of the file (WAL mode lets the
 * app keep writing beside it), closed when the export ends.
 *
 * The calendar table is brought up to date first (withFreshCalendar, on the app's connection),
 * and the snapshot checks that nothing was marked stale since.
 */
import type { ApiContext } from '@main/api/context';
import type { FreshCalendarDb } from '@main/db/types';
import { AppError } from '@shared/errors';
import { freshSnapshot, withFreshCalendar } from '../plan/calendarStore';

export async function withReadSnapshot<T>(ctx: ApiContext, read: (reader: FreshCalendarDb) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    withFreshCalendar(ctx.db, () => undefined);
    const reader = ctx.openRaw(ctx.status.databasePath, { readonly: true, fileMustExist: true });
    try {
      reader.pragma('busy_timeout = 5000');
      reader.exec('BEGIN');
      // The first read starts the snapshot. A roster change may slip in between the refresh and
      // the snapshot: then refresh again.
      const fresh = freshSnapshot(reader);
      if (fresh) return await read(fresh);
      if (attempt >= 3) throw new AppError('conflict', 'The squad kept changing while the export started; try the export again.');
    } finally {
      if (reader.inTransaction) reader.exec('ROLLBACK');
      reader.close();
    }
  }
}

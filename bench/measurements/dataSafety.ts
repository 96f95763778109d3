import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { dispatch } from '@main/api/dispatch';
import { openApi } from '@main/api/open';
import { checkIntegrity } from '@main/db/backupFile';
import type { InspectResult, SavedFile } from '@shared/contract/backups';
import { generateSquad } from '@shared/sample/generator';
import { findHeaderRow, guessMapping, previewRosterImport } from '@shared/import/rosterImport';
import type { Measurement } from '../context';
import { medianMs, round } from '../harness';

/**
 * Data safety on the large squad: the checks and backups that run at every start, Back up now,
 * checking a backup before a restore, the restore itself, and a 300-row roster import preview.
 */
export const dataSafetyMeasurement: Measurement = {
  name: 'data safety',
  async run({ ctx, dataDir }) {
    const quickCheckMs = await medianMs(() => checkIntegrity(ctx.db), 9, 2);
    const integrityCheckMs = await medianMs(() => checkIntegrity(ctx.db, true), 5, 1);
    const backupNowMs = await medianMs(async () => {
      const response = await dispatch(ctx, 'backups.create', {});
      const saved = response.ok ? (response.value as SavedFile) : null;
      if (saved?.outcome !== 'download') throw new Error('backups.create failed');
      fs.rmSync(ctx.transfers.get(saved.downloadId, 'download')?.path ?? '', { force: true });
    }, 9, 2);

    // A start of the app on this squad: open, check, migrate (nothing to do), take the day's backup.
    const startDir = fs.mkdtempSync(path.join(path.dirname(dataDir), 'backchain-bench-start-'));
    try {
      fs.copyFileSync(path.join(dataDir, 'squad.db'), path.join(startDir, 'squad.db'));
      const started = performance.now();
      const first = await openApi({ dataDir: startDir, mode: 'browser', appVersion: 'bench' });
      const startWithBackupMs = round(performance.now() - started);
      first.close();
      const again = performance.now();
      const second = await openApi({ dataDir: startDir, mode: 'browser', appVersion: 'bench' });
      const startSameDayMs = round(performance.now() - again);

      // Restore: check and stage a backup, then put it in place (with the before-restore backup).
      const backup = fs.readdirSync(path.join(startDir, 'backups'))[0] ?? '';
      const inspectStarted = performance.now();
      const response = await dispatch(second.ctx, 'backups.inspect', { source: { kind: 'listed', name: backup } });
      const inspectBackupMs = round(performance.now() - inspectStarted);
      const inspected = response.ok ? (response.value as InspectResult) : null;
      if (inspected?.outcome !== 'ready') throw new Error('backups.inspect failed');
      const restoreStarted = performance.now();
      const restored = await dispatch(second.ctx, 'backups.restore', { stagedId: inspected.preview.stagedId });
      const restoreMs = round(performance.now() - restoreStarted);
      if (!restored.ok) throw new Error(restored.error.message);
      second.close();

      // The import preview the screen recomputes on every change of the column mapping: 300 rows.
      const squad = generateSquad({ seed: 2, size: 'large' });
      const rows = [['First name', 'Last name', 'Grade', 'Gender', 'Group', 'Weight (kg)'], ...squad.athletes.map((a) => [a.givenName, `${a.familyName}x`, String(a.grade ?? ''), a.sex === 'female' ? 'F' : 'M', 'Distance', String(a.bodyMassKg)])];
      const existing = (await dispatch(ctx, 'athletes.list', { status: 'all' })) as { ok: true; value: { givenName: string; familyName: string; archivedAt: string | null }[] };
      const options = { mapping: guessMapping(rows[0] ?? []), headerRow: findHeaderRow(rows), bodyMassUnit: 'kg' as const, groupChoices: {} };
      const importPreview300RowsMs = await medianMs(() => previewRosterImport(rows, options, { athletes: existing.value, groups: [] }), 15, 3);

      return { quickCheckMs, integrityCheckMs, backupNowMs, startWithBackupMs, startSameDayMs, inspectBackupMs, restoreMs, importPreview300RowsMs };
    } finally {
      fs.rmSync(startDir, { recursive: true, force: true });
    }
  },
};

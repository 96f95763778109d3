/**
 * The Data section: where the squad's file lives, its backups (Back up now, Restore), the
 * roster import, the exports (the squad's tables as XLSX or CSV, the calendar as an ICS file),
 * and how to move the squad to another laptop (a backup, not an export).
 */
import { ActionIcon, Alert, Button, Code, CopyButton, Group, Stack, Text, Title, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconCopy, IconDatabaseExport, IconFileImport, IconHistory, IconRestore } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { BackupInfo } from '@shared/contract/backups';
import { call } from '@renderer/api/client';
import { downloadPrepared } from '@renderer/api/files';
import { useApiMutation, useApiQuery } from '@renderer/api/hooks';
import { useUndo } from '@renderer/app/undo';
import { CalendarFileCard } from './CalendarFileCard';
import { DataCard } from './DataCard';
import { ExportCard } from './ExportCard';
import { ImportRosterModal } from './ImportRosterModal';
import { BackupsTable, formatBytes, useRestoreFlow } from './restore';

function PathLine({ label, value }: { label: string; value: string }) {
  return (
    <Group gap="xs" wrap="nowrap">
      <Text size="sm" c="dimmed" w={110} style={{ flexShrink: 0 }}>
        {label}
      </Text>
      <Code style={{ overflowWrap: 'anywhere' }}>{value}</Code>
      <CopyButton value={value}>
        {({ copied, copy }) => (
          <Tooltip label={copied ? 'Copied' : 'Copy'}>
            <ActionIcon variant="subtle" size="sm" aria-label={`Copy ${label.toLowerCase()}`} onClick={copy}>
              {copied ? <IconCheck size={14} /> : <IconCopy size={14} />}
            </ActionIcon>
          </Tooltip>
        )}
      </CopyButton>
    </Group>
  );
}

export function DataPage() {
  const status = useApiQuery('app.status', {});
  const backups = useApiQuery('backups.list', {});
  const athletes = useApiQuery('athletes.list', { status: 'all' });
  const groups = useApiQuery('groups.list', {});
  const settings = useApiQuery('settings.get', {});
  const exportOptions = useApiQuery('exports.options', {});
  const summary = useApiQuery('calendar.summary', {});
  const create = useApiMutation('backups.create');
  const queryClient = useQueryClient();
  const undo = useUndo();
  const [importOpen, setImportOpen] = useState(false);

  const restore = useRestoreFlow({
    canChooseInMain: status.data?.mode === 'desktop',
    replacing: true,
    async onRestored(result) {
      // The undo steps recorded so far refer to the squad that was just replaced.
      undo.clear();
      await queryClient.invalidateQueries();
      const safety = result.safetyBackup;
      notifications.show({ color: 'teal', title: 'Squad restored', message: `Your squad is now what ${result.restoredFrom} held.${safety ? ' The squad as it was is in the backups list, marked "Before a restore".' : ''}` });
      if (safety) {
        undo.record(`Restored the squad from ${result.restoredFrom}`, async () => {
          const inspected = await call('backups.inspect', { source: { kind: 'listed', name: safety } });
          if (inspected.outcome === 'ready') await call('backups.restore', { stagedId: inspected.preview.stagedId });
        });
      }
    },
  });

  async function backUpNow() {
    try {
      const saved = await create.mutateAsync({});
      if (saved.outcome === 'canceled') return;
      if (saved.outcome === 'download') await downloadPrepared(saved.downloadId, saved.fileName);
      notifications.show({
        color: 'teal',
        title: 'Backed up',
        message: saved.outcome === 'saved' ? `Saved to ${saved.path} (${formatBytes(saved.sizeBytes)}).` : `Downloaded ${saved.fileName} (${formatBytes(saved.sizeBytes)}).`,
      });
    } catch (error) {
      notifications.show({ color: 'red', title: 'Not backed up', message: (error as Error).message, autoClose: false });
    }
  }

  const list: BackupInfo[] = backups.data?.backups ?? [];
  const desktop = status.data?.mode === 'desktop';

  return (
    <Stack gap="md" maw={980}>
      <div>
        <Title order={2}>Data</Title>
        <Text c="dimmed" size="sm">
          Your whole squad is one file on this computer. Backchain backs it up every day you open it; a backup copied to a USB stick or another laptop brings
          everything along.
        </Text>
      </div>

      <DataCard title="Where your squad lives" description="Nothing leaves this computer unless you copy it.">
        {status.data && (
          <Stack gap={6}>
            <PathLine label="Squad file" value={status.data.databasePath} />
            {backups.data && <PathLine label="Backups folder" value={backups.data.folder} />}
            {!desktop && (
              <Text size="xs" c="dimmed">
                Browser mode: the files are on the computer running <Code>npm run web</Code>.
              </Text>
            )}
          </Stack>
        )}
      </DataCard>

      <DataCard
        title="Backups"
        description="Kept automatically: one a day for the last 7 days, one a week for 4 weeks, and a copy before every update or restore. Back up now saves a copy wherever you choose."
        actions={
          <>
            <Button leftSection={<IconDatabaseExport size={18} />} onClick={() => void backUpNow()} loading={create.isPending}>
              Back up now
            </Button>
            <Button variant="default" leftSection={<IconRestore size={18} />} onClick={restore.chooseFile} loading={restore.busy === 'checking'}>
              Restore from a file…
            </Button>
          </>
        }
      >
        {backups.data?.warning && (
          <Alert color="red" mb="sm" title="The automatic backup did not work">
            {backups.data.warning}
          </Alert>
        )}
        {backups.isError && <Alert color="red">{backups.error.message}</Alert>}
        {backups.data && list.length === 0 && (
          <Group gap="xs" c="dimmed">
            <IconHistory size={18} />
            <Text size="sm">No automatic backups yet. The first is taken the next time Backchain starts; use Back up now to make one at once.</Text>
          </Group>
        )}
        {list.length > 0 && (
          <BackupsTable backups={list} onRestore={(source) => void restore.start(source)} />
        )}
      </DataCard>

      <DataCard
        title="Import athletes"
        description="Add athletes from the school's roster or your own spreadsheet (CSV or Excel). You check every row before anything is added."
        actions={
          <Button variant="default" leftSection={<IconFileImport size={18} />} onClick={() => setImportOpen(true)} disabled={!athletes.data || !groups.data}>
            Import from a spreadsheet…
          </Button>
        }
      />

      {/* Exports: the tables come from main (exports.options), so a new one needs no change here. */}
      {exportOptions.data && athletes.data && groups.data && settings.data && summary.data && (
        <>
          <ExportCard options={exportOptions.data} groups={groups.data} settings={settings.data} summary={summary.data} athleteCount={athletes.data.length} desktop={desktop} />
          <CalendarFileCard athletes={athletes.data} groups={groups.data} settings={settings.data} summary={summary.data} allDates={exportOptions.data.dates} desktop={desktop} />
        </>
      )}
      {(exportOptions.isError || summary.isError) && <Alert color="red">{(exportOptions.error ?? summary.error)?.message}</Alert>}

      <DataCard
        title="Move the squad to another laptop"
        description={
          <>
            Everything (athletes, groups, the plan and every change, tests, settings) is in one backup file, the same one Back up now makes. Copy it to the other laptop (a USB
            stick, a shared drive), and there use Restore from a file… in this Data section. The exports above are for reading; they cannot be restored.
          </>
        }
        actions={
          <Button variant="default" leftSection={<IconDatabaseExport size={18} />} onClick={() => void backUpNow()} loading={create.isPending}>
            Back up for another laptop
          </Button>
        }
      />

      {restore.element}
      {athletes.data && groups.data && (
        <ImportRosterModal opened={importOpen} onClose={() => setImportOpen(false)} athletes={athletes.data} groups={groups.data} unit={settings.data?.unit ?? 'kg'} />
      )}
    </Stack>
  );
}

/**
 * Restoring a backup, shared by the Data section and the damaged-file screen: pick a backup
 * (a file, one from the list, or the newest good one), see what it holds, confirm. Nothing
 * changes until the coach presses Restore; main backs up the current squad first.
 */
import { Alert, Badge, Button, Group, List, Modal, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle } from '@tabler/icons-react';
import dayjs from 'dayjs';
import { useRef, useState, type ReactNode } from 'react';
import { MAX_BACKUP_UPLOAD_BYTES, type BackupInfo, type BackupPreview, type BackupSource, type RestoreResult } from '@shared/contract/backups';
import { formatDateLong } from '@shared/dates';
import { call } from '@renderer/api/client';
import { fileTooLargeMessage, uploadFile } from '@renderer/api/files';

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function formatWhen(iso: string | null): string {
  return iso ? dayjs(iso).format('ddd D MMM YYYY, HH:mm') : '—';
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** The automatic backups, newest first, each with a Restore… button that starts the restore flow. */
export function BackupsTable({ backups, onRestore }: { backups: readonly BackupInfo[]; onRestore: (source: BackupSource) => void }) {
  return (
    <Table verticalSpacing={4} highlightOnHover aria-label="Backups">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Taken</Table.Th>
          <Table.Th>Why</Table.Th>
          <Table.Th ta="right">Size</Table.Th>
          <Table.Th w={120} />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {backups.map((b) => (
          <Table.Tr key={b.name}>
            <Table.Td>
              {formatDateLong(b.date)}, {b.time.slice(0, 5)}
            </Table.Td>
            <Table.Td>
              <Badge variant="light" color={b.kind === 'daily' ? 'gray' : 'blue'}>
                {b.kindLabel}
              </Badge>
            </Table.Td>
            <Table.Td ta="right" className="tabular">
              {formatBytes(b.sizeBytes)}
            </Table.Td>
            <Table.Td ta="right">
              <Button size="compact-sm" variant="subtle" onClick={() => onRestore({ kind: 'listed', name: b.name })} aria-label={`Restore the backup of ${b.date} ${b.time}`}>
                Restore…
              </Button>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** What a backup holds, side by side with what the coach needs to decide. */
export function BackupPreviewTable({ preview }: { preview: BackupPreview }) {
  const rows: [string, ReactNode][] = [
    [
      'Squad',
      preview.squadName ?? (
        <>
          My squad{' '}
          <Text c="dimmed" span size="sm">
            (the name was never changed)
          </Text>
        </>
      ),
    ],
    ['Athletes', `${plural(preview.activeAthletes, 'active athlete')}${preview.archivedAthletes ? `, ${preview.archivedAthletes} archived` : ''}`],
    [
      'Groups',
      preview.groups.length ? (
        <Group gap={4}>
          {preview.groups.map((g) => (
            <Badge key={g} variant="light" color="gray">
              {g}
            </Badge>
          ))}
        </Group>
      ) : (
        <Text c="dimmed" span size="sm">
          None
        </Text>
      ),
    ],
    ['Last entry', formatWhen(preview.lastEntryAt)],
    ['File', `${preview.fileName} (${formatBytes(preview.sizeBytes)})`],
    ['File date', formatWhen(preview.fileDate)],
    ['Data version', preview.schemaVersion < preview.appSchemaVersion ? `${preview.schemaVersion} (brought up to ${preview.appSchemaVersion} when restored)` : String(preview.schemaVersion)],
  ];
  return (
    <Table withRowBorders={false} verticalSpacing={4} aria-label="What the backup holds">
      <Table.Tbody>
        {rows.map(([label, content]) => (
          <Table.Tr key={label}>
            <Table.Th w={130} fw={500} c="dimmed">
              {label}
            </Table.Th>
            <Table.Td>{content}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

interface RestoreFlowOptions {
  /** Desktop: main shows the open dialog. Browser mode: the page uploads the file. */
  canChooseInMain: boolean;
  /** Whether a squad is open now (then it is backed up first, and the modal says so). */
  replacing: boolean;
  onRestored(result: RestoreResult): void | Promise<void>;
}

/** The restore flow: call `start(source)` (or `chooseFile()`), render `element`. */
export function useRestoreFlow(options: RestoreFlowOptions) {
  const [preview, setPreview] = useState<BackupPreview | null>(null);
  const [busy, setBusy] = useState<'checking' | 'restoring' | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  async function start(source: BackupSource | (() => Promise<BackupSource>)) {
    setBusy('checking');
    try {
      const resolved = typeof source === 'function' ? await source() : source;
      const result = await call('backups.inspect', { source: resolved });
      if (result.outcome === 'ready') setPreview(result.preview);
    } catch (error) {
      notifications.show({ color: 'red', title: 'This backup cannot be restored', message: (error as Error).message, autoClose: false });
    } finally {
      setBusy(null);
    }
  }

  function chooseFile() {
    if (options.canChooseInMain) void start({ kind: 'choose' });
    else fileInput.current?.click();
  }

  async function cancel() {
    const staged = preview;
    setPreview(null);
    if (staged) await call('backups.discard', { stagedId: staged.stagedId }).catch(() => undefined);
  }

  async function confirm() {
    if (!preview) return;
    setBusy('restoring');
    try {
      const result = await call('backups.restore', { stagedId: preview.stagedId });
      setPreview(null);
      await options.onRestored(result);
    } catch (error) {
      notifications.show({ color: 'red', title: 'Not restored', message: (error as Error).message, autoClose: false });
    } finally {
      setBusy(null);
    }
  }

  const element = (
    <>
      <input
        ref={fileInput}
        type="file"
        accept=".backchain,.db,.sqlite"
        hidden
        aria-label="Backup file to restore"
        onChange={(event) => {
          const file = event.currentTarget.files?.[0];
          event.currentTarget.value = '';
          if (!file) return;
          const tooLarge = fileTooLargeMessage(file, MAX_BACKUP_UPLOAD_BYTES, 'a backup');
          if (tooLarge) notifications.show({ color: 'red', title: 'This backup cannot be restored', message: tooLarge, autoClose: false });
          else void start(async () => ({ kind: 'upload', uploadId: await uploadFile(file) }));
        }}
      />
      <Modal opened={preview !== null} onClose={() => void cancel()} title="Restore this backup?" size="lg">
        {preview && (
          <Stack gap="md">
            {preview.skipped.length > 0 && (
              <Alert color="yellow" icon={<IconAlertTriangle />} title={`${plural(preview.skipped.length, 'newer backup')} did not pass the check`}>
                <List size="sm">
                  {preview.skipped.map((s) => (
                    <List.Item key={s.name}>
                      {s.name}: {s.reason}
                    </List.Item>
                  ))}
                </List>
              </Alert>
            )}
            <BackupPreviewTable preview={preview} />
            <Alert color={options.replacing ? 'orange' : 'blue'} variant="light">
              {options.replacing
                ? 'Your current squad will be replaced by this backup. A backup of it is taken first, so you can undo the restore.'
                : 'This backup becomes your squad. The damaged file is moved aside and kept, not deleted.'}
            </Alert>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => void cancel()} disabled={busy === 'restoring'}>
                Cancel
              </Button>
              <Button color={options.replacing ? 'orange' : 'teal'} loading={busy === 'restoring'} onClick={() => void confirm()} data-autofocus>
                Restore
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </>
  );

  return { start, chooseFile, element, busy };
}

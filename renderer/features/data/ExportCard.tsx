/**
 * The Export card: the squad's tables (the list comes from main, so a new table appears here by
 * itself) as one Excel workbook or CSV files, for the dates, groups and athletes chosen. A long
 * export shows how far it has got and can be stopped; the file arrives through the save dialog
 * (desktop) or as a download (browser mode).
 */
import { Alert, Button, Checkbox, Group, MultiSelect, Progress, SegmentedControl, SimpleGrid, Stack, Switch, Text } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { notifications } from '@mantine/notifications';
import { IconFileSpreadsheet, IconPlayerStop } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import type { ExportOptions, ExportProgress } from '@shared/contract/exports';
import type { Group as SquadGroup } from '@shared/domain/roster';
import type { SquadSettings } from '@shared/domain/settings';
import type { PlanSummary } from '@shared/plan/views';
import { ApiError, call } from '@renderer/api/client';
import { downloadPrepared } from '@renderer/api/files';
import { DataCard } from './DataCard';
import { allDatesRange, groupsChoice, newJobId, progressPercent, progressText, rowsText, seasonRange, type DateRange } from './exportChoices';
import { formatBytes } from './restore';

interface Props {
  options: ExportOptions;
  groups: readonly SquadGroup[];
  settings: SquadSettings;
  summary: PlanSummary;
  athleteCount: number;
  desktop: boolean;
}

interface Running {
  jobId: string;
  progress: ExportProgress | null;
  stopping: boolean;
}

const POLL_MS = 300;

export function ExportCard({ options, groups, settings, summary, athleteCount, desktop }: Props) {
  const tables = options.tables;
  const [chosen, setChosenState] = useState<string[]>(() => tables.map((t) => t.key));
  const [range, setRangeState] = useState<DateRange>(() => seasonRange(settings));
  const [groupValues, setGroupValuesState] = useState<string[]>([]);
  const [includeArchived, setIncludeArchived] = useState(false);
  const [format, setFormat] = useState<'xlsx' | 'csv'>('xlsx');
  const [running, setRunning] = useState<Running | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const poll = useRef<ReturnType<typeof setInterval> | null>(null);
  // A new choice clears the last refusal (it was about the old one).
  const setChosen = (value: string[]) => {
    setError(null);
    setChosenState(value);
  };
  const setRange = (value: DateRange | ((r: DateRange) => DateRange)) => {
    setError(null);
    setRangeState(value);
  };
  const setGroupValues = (value: string[]) => {
    setError(null);
    setGroupValuesState(value);
  };
  useEffect(() => () => {
    if (poll.current) clearInterval(poll.current);
  }, []);

  const picked = tables.filter((t) => chosen.includes(t.key));
  const usesDates = picked.some((t) => t.usesDateRange);
  const usesGroups = picked.some((t) => t.usesGroups);
  const usesArchived = picked.some((t) => t.usesArchived);
  const allDates = allDatesRange(options.dates);
  const empty = athleteCount === 0 && summary.blocks === 0;

  async function start() {
    const jobId = newJobId();
    setError(null);
    setRunning({ jobId, progress: null, stopping: false });
    poll.current = setInterval(() => {
      call('exports.progress', { jobId })
        .then((progress) => setRunning((r) => (r && r.jobId === jobId ? { ...r, progress } : r)))
        .catch(() => undefined);
    }, POLL_MS);
    try {
      const result = await call('exports.create', { jobId, format, tables: picked.map((t) => t.key), from: range.from, to: range.to, groups: groupsChoice(groupValues), includeArchived });
      const file = result.file;
      if (file.outcome === 'canceled') {
        notifications.show({ color: 'gray', title: 'Export stopped', message: 'Nothing was saved.' });
        return;
      }
      if (file.outcome === 'download') await downloadPrepared(file.downloadId, file.fileName);
      const rows = result.tables.reduce((n, t) => n + t.rows, 0);
      const where = file.outcome === 'saved' ? `Saved to ${file.path}` : `Downloaded ${file.fileName}`;
      notifications.show({
        color: 'teal',
        title: 'Exported',
        message: `${where} (${formatBytes(file.sizeBytes)}): ${result.tables.map((t) => `${t.label} ${rowsText(t.rows)}`).join(', ')}${result.tables.length > 1 ? `; ${rowsText(rows)} in all` : ''}.`,
      });
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : new ApiError('internal', (caught as Error).message));
    } finally {
      if (poll.current) clearInterval(poll.current);
      poll.current = null;
      setRunning(null);
    }
  }

  async function stop() {
    if (!running) return;
    setRunning({ ...running, stopping: true });
    await call('exports.cancel', { jobId: running.jobId }).catch(() => undefined);
  }

  const fieldError = (field: string) => error?.fields[field];
  // A refusal about one of the choices shows under it; anything else in an alert.
  const shownOnField = ['tables', 'from', 'to', 'groups'].some((f) => fieldError(f) !== undefined);

  return (
    <DataCard
      title="Export"
      description={
        <>
          Your squad as a spreadsheet, to read, print or share: one Excel workbook with a sheet per table, or CSV files (one per table, in a .zip when there are several).
          CSV files are UTF-8 with a byte-order mark, so Excel shows accents (é, ñ, ö) correctly.
        </>
      }
    >
      {empty ? (
        <Text size="sm" c="dimmed">
          Nothing to export yet: add athletes on the Roster (or import them above), or load the sample squad.
        </Text>
      ) : (
        <Stack gap="sm">
          <Checkbox.Group label="What to include" value={chosen} onChange={setChosen} error={fieldError('tables')}>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" mt={6}>
              {tables.map((t) => (
                <Checkbox key={t.key} value={t.key} label={t.label} description={t.description} disabled={running !== null} />
              ))}
            </SimpleGrid>
          </Checkbox.Group>

          {usesDates && (
            <Stack gap={4}>
              <Group align="flex-start" gap="sm" wrap="wrap">
                <DatePickerInput
                  label="From"
                  valueFormat="ddd D MMM YYYY"
                  w={200}
                  value={range.from}
                  onChange={(value) => value && setRange((r) => ({ ...r, from: value }))}
                  error={fieldError('from')}
                  disabled={running !== null}
                />
                <DatePickerInput
                  label="To"
                  valueFormat="ddd D MMM YYYY"
                  w={200}
                  value={range.to}
                  onChange={(value) => value && setRange((r) => ({ ...r, to: value }))}
                  error={fieldError('to')}
                  disabled={running !== null}
                />
                <Group gap={4} mt={29}>
                  <Button variant="subtle" size="compact-sm" onClick={() => setRange(seasonRange(settings))} disabled={running !== null}>
                    This season
                  </Button>
                  {allDates && (
                    <Button variant="subtle" size="compact-sm" onClick={() => setRange(allDates)} disabled={running !== null} title="From the first block, test, race or training log to the last">
                      All dates
                    </Button>
                  )}
                </Group>
              </Group>
              {summary.blocks === 0 && chosen.includes('day_plan') && (
                <Text size="xs" c="dimmed">
                  Nothing is planned yet, so the day-by-day plan will be empty. Build blocks in the Plan section (Ctrl+3).
                </Text>
              )}
            </Stack>
          )}

          {(usesGroups || usesArchived) && (
            <Group align="flex-end" gap="lg" wrap="wrap">
              {usesGroups && (
                <MultiSelect
                  label="Groups"
                  placeholder={groupValues.length === 0 ? 'All groups' : undefined}
                  w={360}
                  clearable
                  data={[...groups.map((g) => ({ value: String(g.id), label: g.name })), { value: 'none', label: 'No group' }]}
                  value={groupValues}
                  onChange={setGroupValues}
                  error={fieldError('groups')}
                  disabled={running !== null}
                />
              )}
              {usesArchived && (
                <Switch
                  label="Include archived athletes"
                  description="In the roster, the training logs and the test results (archived athletes have no day-by-day plan)"
                  checked={includeArchived}
                  onChange={(e) => setIncludeArchived(e.currentTarget.checked)}
                  disabled={running !== null}
                  mb={4}
                />
              )}
            </Group>
          )}

          <Group gap="sm" align="center" wrap="wrap">
            <SegmentedControl
              aria-label="File format"
              value={format}
              onChange={(v) => setFormat(v as 'xlsx' | 'csv')}
              disabled={running !== null}
              data={[
                { value: 'xlsx', label: 'Excel workbook (.xlsx)' },
                { value: 'csv', label: picked.length > 1 ? 'CSV files (.zip)' : 'CSV file' },
              ]}
            />
            <Button leftSection={<IconFileSpreadsheet size={18} />} onClick={() => void start()} loading={running !== null && running.progress === null} disabled={picked.length === 0 || running !== null}>
              {desktop ? 'Export…' : 'Export'}
            </Button>
            {picked.length === 0 && (
              <Text size="sm" c="dimmed">
                Choose at least one thing to export.
              </Text>
            )}
          </Group>

          {running && (
            <Stack gap={4} aria-live="polite">
              <Progress value={progressPercent(running.progress)} animated={!running.stopping} aria-label="Export progress" />
              <Group justify="space-between" gap="sm">
                <Text size="sm" c="dimmed" className="tabular">
                  {running.stopping ? 'Stopping…' : progressText(running.progress)}
                </Text>
                <Button size="compact-sm" variant="default" leftSection={<IconPlayerStop size={14} />} onClick={() => void stop()} disabled={running.stopping}>
                  Stop
                </Button>
              </Group>
            </Stack>
          )}

          {error && !shownOnField && (
            <Alert color="red" title="Not exported" withCloseButton onClose={() => setError(null)}>
              {error.message}
            </Alert>
          )}
          <Text size="xs" c="dimmed">
            An export is for reading elsewhere: it cannot be restored into Backchain. To move the squad to another laptop, use a backup (below).
          </Text>
        </Stack>
      )}
    </DataCard>
  );
}

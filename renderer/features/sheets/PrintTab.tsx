/**
 * Print sheets: choose a day and a group (or athletes), individual sheets or the group's
 * clipboard, A4 or US Letter (US Letter by default for a squad in lb), see the pages, then print
 * them (the system's print dialog in the desktop app, the browser's in browser mode) or, in the
 * desktop app, save them as a PDF.
 */
import { Alert, Button, EmptyState, Group, Loader, Paper, SegmentedControl, Stack, Text } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconCalendarOff, IconFileTypePdf, IconPrinter } from '@tabler/icons-react';
import { useState } from 'react';
import type { PaperSize, SheetLayout } from '@shared/contract/sheets';
import { addDays, formatDateLong } from '@shared/dates';
import { call } from '@renderer/api/client';
import { useApiQuery } from '@renderer/api/hooks';
import { DayChoiceBar, useDayChoice } from './selection';
import { SheetPages } from './SheetPrint';

const PAPER_KEY = 'backchain.sheets.paper';

export function PrintTab() {
  const settings = useApiQuery('settings.get', {});
  const status = useApiQuery('app.status', {});
  const groups = useApiQuery('groups.list', {});
  const athletes = useApiQuery('athletes.list', { status: 'active' });
  const { choice, setDate, setWho } = useDayChoice(groups.data ?? []);
  const [layout, setLayout] = useState<SheetLayout>('individual');
  const [paperChoice, setPaperChoice] = useState<PaperSize | null>(() => sessionStorage.getItem(PAPER_KEY) as PaperSize | null);
  const [saving, setSaving] = useState(false);
  const paper: PaperSize = paperChoice ?? (settings.data?.unit === 'lb' ? 'letter' : 'a4');
  const ready = choice.groupId !== null || choice.athleteIds.length > 0;
  const day = useApiQuery('sheets.day', { date: choice.date, groupId: choice.groupId, athleteIds: choice.groupId === null ? choice.athleteIds : [] }, { enabled: ready });
  const desktop = status.data?.mode === 'desktop';
  const sheets = day.data?.sheets ?? [];

  function print() {
    if (sheets.length > 0) window.print();
    else notifications.show({ color: 'gray', message: 'Nothing to print for this day: choose a day with sessions.' });
  }
  useHotkeys([['mod+p', print]]);

  async function savePdf() {
    setSaving(true);
    try {
      const saved = await call('sheets.savePdf', { date: choice.date, groupId: choice.groupId, athleteIds: choice.groupId === null ? choice.athleteIds : [], layout, paper });
      if (saved.outcome === 'saved') notifications.show({ color: 'teal', title: 'PDF saved', message: saved.path });
    } catch (error) {
      notifications.show({ color: 'red', title: 'PDF not saved', message: (error as Error).message });
    } finally {
      setSaving(false);
    }
  }

  return (
    <Stack gap="sm">
      <Paper withBorder p="sm" className="no-print sheets-preview-controls">
        <Stack gap="sm">
          <DayChoiceBar choice={choice} groups={groups.data ?? []} athletes={athletes.data ?? []} setDate={setDate} setWho={setWho} />
          <Group gap="md" align="flex-end" justify="space-between" wrap="wrap">
            <Group gap="md" align="flex-end">
              <div>
                <Text size="sm" fw={500} mb={4}>
                  Sheets
                </Text>
                <SegmentedControl
                  value={layout}
                  onChange={(v) => setLayout(v as SheetLayout)}
                  data={[
                    { value: 'individual', label: 'One per athlete' },
                    { value: 'clipboard', label: 'Group clipboard' },
                  ]}
                />
              </div>
              <div>
                <Text size="sm" fw={500} mb={4}>
                  Paper
                </Text>
                <SegmentedControl
                  value={paper}
                  onChange={(v) => {
                    sessionStorage.setItem(PAPER_KEY, v);
                    setPaperChoice(v as PaperSize);
                  }}
                  data={[
                    { value: 'a4', label: 'A4' },
                    { value: 'letter', label: 'US Letter' },
                  ]}
                />
              </div>
            </Group>
            <Group gap="xs">
              <Button leftSection={<IconPrinter size={18} />} disabled={sheets.length === 0} onClick={print}>
                Print {layout === 'individual' && sheets.length > 0 ? `${sheets.length} sheet${sheets.length === 1 ? '' : 's'}` : ''}
              </Button>
              {desktop && (
                <Button variant="default" leftSection={<IconFileTypePdf size={18} />} disabled={sheets.length === 0} loading={saving} onClick={() => void savePdf()}>
                  Save as PDF
                </Button>
              )}
            </Group>
          </Group>
          {!desktop && sheets.length > 0 && (
            <Text size="xs" c="dimmed">
              To keep a PDF, press Print and choose “Save as PDF” as the printer. Set the paper to {paper === 'a4' ? 'A4' : 'US Letter'} and the margins to default.
            </Text>
          )}
        </Stack>
      </Paper>

      {!ready && <Alert color="gray">Choose a group, or some athletes, to see their sheets.</Alert>}
      {day.isPending && ready && <Loader size="sm" />}
      {day.isError && <Alert color="red">{day.error.message}</Alert>}
      {day.data && sheets.length === 0 && (
        <Paper withBorder p="xl" maw={720} mx="auto" mt="md" className="no-print">
          <EmptyState
            icon={<IconCalendarOff size={32} />}
            variant="light"
            title={`Nothing planned for ${day.data.title} on ${formatDateLong(choice.date)}`}
            description="No strength session and no run that day, so there is no sheet to print. Choose another day, or another group."
          >
            <EmptyState.Actions>
              <Button variant="default" onClick={() => setDate(addDays(choice.date, -1))}>
                Previous day
              </Button>
              <Button variant="default" onClick={() => setDate(addDays(choice.date, 1))}>
                Next day
              </Button>
            </EmptyState.Actions>
          </EmptyState>
        </Paper>
      )}
      {day.data && sheets.length > 0 && (
        <>
          <Text size="sm" className="no-print" data-testid="sheets-summary">
            {layout === 'individual' ? `${sheets.length} sheet${sheets.length === 1 ? '' : 's'}` : `1 clipboard sheet, ${sheets.length} athletes`} for {day.data.title}, {formatDateLong(choice.date)}
            {day.data.nothingPlanned.length > 0 ? `. Nothing planned for ${day.data.nothingPlanned.map((a) => a.name).join(', ')}: no sheet.` : '.'}
          </Text>
          <div className="sheets-preview" data-testid="sheets-preview">
            <SheetPages day={day.data} layout={layout} paper={paper} />
          </div>
        </>
      )}
    </Stack>
  );
}

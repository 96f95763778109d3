/**
 * CSV import of a session: choose a file, see every row (accepted, rejected and why), every
 * column (what it was read as), then import in one go, or nothing. Undoable.
 */
import { Alert, Badge, Button, Checkbox, FileButton, Group, List, Modal, ScrollArea, Stack, Table, Text } from '@mantine/core';
import { IconDownload, IconFileUpload } from '@tabler/icons-react';
import { useState } from 'react';
import Papa from 'papaparse';
import type { TestDefinition, TestSession } from '@shared/domain/retests';
import { spreadsheetText } from '@shared/exports/spreadsheetText';
import type { ImportPreview } from '@shared/retests/importRows';
import { ApiError, call } from '@renderer/api/client';
import { useApiMutation } from '@renderer/api/hooks';
import { useUndo } from '@renderer/app/undo';
import { downloadFile, plural } from './common';

/** A CSV with the session's tests as columns, to fill in or to show a timing app what to export (headings escaped and quoted like every CSV Backchain writes). */
function templateCsv(session: TestSession, tests: readonly TestDefinition[]): string {
  const headers = ['Athlete'];
  for (const t of tests.filter((x) => session.testIds.includes(x.id))) {
    const sides = t.sided ? [' L', ' R'] : [''];
    for (const side of sides) for (let trial = 1; trial <= t.trials; trial += 1) headers.push(`${t.shortName}${side} ${trial}`);
    if (t.kind === 'loaded_jump') headers.push(`${t.shortName} load (kg)`);
  }
  return `${Papa.unparse([headers.map(spreadsheetText)], { newline: '\r\n' })}\r\n`;
}

export function ImportModal(props: { opened: boolean; onClose: () => void; session: TestSession; tests: TestDefinition[] }) {
  const { opened, onClose, session, tests } = props;
  const undo = useUndo();
  const [csv, setCsv] = useState<string | null>(null);
  const [fileName, setFileName] = useState('');
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [skipRejected, setSkipRejected] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [reading, setReading] = useState(false);
  const commit = useApiMutation('retests.commitImport');
  const testName = new Map(tests.map((t) => [t.id, t.name]));

  function close() {
    setCsv(null);
    setPreview(null);
    setError(null);
    setSkipRejected(false);
    onClose();
  }

  async function choose(file: File | null) {
    if (!file) return;
    setReading(true);
    setError(null);
    setPreview(null);
    try {
      const text = await file.text();
      setCsv(text);
      setFileName(file.name);
      setPreview(await call('retests.previewImport', { sessionId: session.id, csv: text }));
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setReading(false);
    }
  }

  async function importNow() {
    if (!csv || !preview) return;
    try {
      const outcome = await commit.mutateAsync({
        sessionId: session.id,
        csv,
        skipRejected,
        expected: { acceptedRows: preview.acceptedRows, rejectedRows: preview.rejectedRows },
      });
      undo.record(`Imported ${plural(outcome.entriesWritten, 'result')} from ${fileName}`, async () => {
        await call('retests.saveResults', { sessionId: session.id, athletes: outcome.previous });
        if (outcome.addedTestIds.length > 0) {
          await call('retests.updateSession', {
            id: session.id,
            fields: { date: session.date, kind: session.kind, label: session.label, notes: session.notes, testIds: outcome.previousTestIds },
          });
        }
      });
      close();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'The import failed; nothing was imported.');
    }
  }

  const rejected = preview ? preview.rejectedRows + preview.rejectedColumns : 0;
  const canImport = preview !== null && preview.fileProblem === null && preview.entries.length > 0 && (rejected === 0 || skipRejected);

  return (
    <Modal opened={opened} onClose={close} title={`Import results into ${session.label}`} size="80rem">
      <Stack gap="sm">
        <Text size="sm">
          A CSV from timing gates, a jump app or a spreadsheet: one column with the athlete&apos;s name, and a column per test (e.g. <b>CMJ</b>, <b>CMJ 2</b>,{' '}
          <b>Balance L</b>, <b>10 m</b>, <b>20 m</b>, <b>30 m</b>; a row of splits is one run), or one row per trial with <b>Test</b> and <b>Value</b> columns. Write{' '}
          <b>absent</b> or <b>injured</b> instead of a value. Nothing is saved until you press Import.
        </Text>
        <Group gap="sm">
          <FileButton onChange={(f) => void choose(f)} accept=".csv,text/csv,text/plain">
            {(p) => (
              <Button {...p} leftSection={<IconFileUpload size={18} />} loading={reading}>
                Choose a CSV file
              </Button>
            )}
          </FileButton>
          <Button
            variant="subtle"
            leftSection={<IconDownload size={16} />}
            onClick={() => downloadFile({ fileName: `template-${session.date}.csv`, mimeType: 'text/csv', content: templateCsv(session, tests) })}
          >
            Download a template
          </Button>
          {fileName && <Text size="sm" c="dimmed">{fileName}</Text>}
        </Group>
        {error && (
          <Alert color="red" title="Not imported">
            {error}
          </Alert>
        )}
        {preview?.fileProblem && (
          <Alert color="red" title="This file cannot be imported">
            {preview.fileProblem}
          </Alert>
        )}
        {preview && !preview.fileProblem && (
          <>
            <Alert color={rejected > 0 ? 'orange' : 'teal'} title={`${plural(preview.acceptedRows, 'row')} accepted, ${plural(preview.rejectedRows, 'row')} rejected`}>
              <Text size="sm">
                {plural(preview.entries.length, 'athlete result')} to write ({preview.layout === 'wide' ? 'a column per test' : 'a row per trial'}).
                {preview.replaces > 0 && ` ${plural(preview.replaces, 'result')} already in this session will be replaced.`}
                {preview.addsTestIds.length > 0 && ` Adds ${preview.addsTestIds.map((id) => testName.get(id) ?? '?').join(', ')} to this session.`}
              </Text>
            </Alert>
            <Table withTableBorder verticalSpacing={4} aria-label="Columns in the file">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Column</Table.Th>
                  <Table.Th>Read as</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {preview.columns.map((c) => (
                  <Table.Tr key={c.index} bg={c.problem ? 'var(--mantine-color-red-light)' : undefined}>
                    <Table.Td>{c.header || <i>(no name)</i>}</Table.Td>
                    <Table.Td>{c.problem ? <Text size="sm" c="red.8">Rejected: {c.problem}</Text> : (c.meaning ?? <Text size="sm" c="dimmed">Not used</Text>)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <ScrollArea.Autosize mah={380}>
              <Table withTableBorder verticalSpacing={4} stickyHeader aria-label="Rows in the file">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w={60}>Line</Table.Th>
                    <Table.Th>Athlete</Table.Th>
                    <Table.Th w={110}>Row</Table.Th>
                    <Table.Th>Values, or why the row is rejected</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {preview.rows.map((r) => (
                    <Table.Tr key={r.line} bg={r.status === 'rejected' ? 'var(--mantine-color-red-light)' : undefined} data-testid={`import-row-${r.line}`}>
                      <Table.Td>{r.line}</Table.Td>
                      <Table.Td>{r.athleteName}</Table.Td>
                      <Table.Td>
                        <Badge color={r.status === 'accepted' ? 'teal' : r.status === 'rejected' ? 'red' : 'gray'} variant="light">
                          {r.status === 'accepted' ? 'Accepted' : r.status === 'rejected' ? 'Rejected' : 'Empty'}
                        </Badge>
                      </Table.Td>
                      <Table.Td>
                        {r.problems.length > 0 ? (
                          <List size="sm" c="red.8">
                            {r.problems.map((p) => (
                              <List.Item key={p}>{p}</List.Item>
                            ))}
                          </List>
                        ) : (
                          <Text size="sm">{r.values.join(' · ')}</Text>
                        )}
                        {r.notes.map((n) => (
                          <Text key={n} size="xs" c="dimmed">
                            {n}
                          </Text>
                        ))}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollArea.Autosize>
            {rejected > 0 && preview.entries.length > 0 && (
              <Checkbox
                checked={skipRejected}
                onChange={(e) => setSkipRejected(e.currentTarget.checked)}
                label={`Leave out the ${plural(preview.rejectedRows, 'rejected row')}${preview.rejectedColumns > 0 ? ` and ${plural(preview.rejectedColumns, 'rejected column')}` : ''}, and import the rest`}
              />
            )}
          </>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            Cancel
          </Button>
          <Button disabled={!canImport} loading={commit.isPending} onClick={() => void importNow()}>
            {preview ? `Import ${plural(preview.entries.length, 'result')}` : 'Import'}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}


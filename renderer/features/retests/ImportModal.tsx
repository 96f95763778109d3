/**
 * Import of a session's results from a file (CSV in any encoding and separator, or XLSX, read
 * by the reader every import uses): choose a file, see every row (what it adds, every refused
 * cell and rejected row and why), every column (what it was read as), then import in one go, or
 * nothing. Undoable.
 */
import { Alert, Badge, Button, Checkbox, FileButton, Group, List, Modal, ScrollArea, Select, Stack, Table, Text } from '@mantine/core';
import { IconDownload, IconFileUpload } from '@tabler/icons-react';
import { useState } from 'react';
import Papa from 'papaparse';
import { MAX_IMPORT_FILE_BYTES } from '@shared/contract/imports';
import type { RetestImportPreview } from '@shared/contract/retests';
import type { TestDefinition, TestSession } from '@shared/domain/retests';
import { spreadsheetText } from '@shared/exports/spreadsheetText';
import { ApiError, call } from '@renderer/api/client';
import { fileToBase64, fileTooLargeMessage } from '@renderer/api/files';
import { useApiMutation } from '@renderer/api/hooks';
import { useUndo } from '@renderer/app/undo';
import { downloadFile, plural } from './common';

const ENCODING_LABELS = { 'utf-8': 'UTF-8', 'utf-8-bom': 'UTF-8', 'utf-16': 'UTF-16', 'windows-1252': 'Windows-1252' } as const;
const SEPARATOR_WORDS = { comma: 'comma', semicolon: 'semicolon', tab: 'tab', pipe: 'pipe' } as const;

/** "Excel workbook, sheet Gates" or "Text file: UTF-16, tab-separated". */
function howRead(file: RetestImportPreview['file']): string {
  if (file.format === 'xlsx') return `Excel workbook, sheet "${file.sheet ?? ''}"`;
  return `Text file: ${ENCODING_LABELS[file.encoding ?? 'utf-8']}, ${SEPARATOR_WORDS[file.separator ?? 'comma']}-separated`;
}

interface ChosenFile {
  fileName: string;
  contentBase64: string;
  sheet: string | null;
}

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
  const [file, setFile] = useState<ChosenFile | null>(null);
  const [preview, setPreview] = useState<RetestImportPreview | null>(null);
  const [skipRejected, setSkipRejected] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [reading, setReading] = useState(false);
  const commit = useApiMutation('retests.commitImport');
  const testName = new Map(tests.map((t) => [t.id, t.name]));

  function close() {
    setFile(null);
    setPreview(null);
    setError(null);
    setSkipRejected(false);
    onClose();
  }

  /** Read (or read again with another sheet) and preview. */
  async function read(next: ChosenFile) {
    setReading(true);
    setError(null);
    setPreview(null);
    setFile(next);
    try {
      setPreview(await call('retests.previewImport', { sessionId: session.id, file: next }));
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setReading(false);
    }
  }

  async function choose(picked: File | null) {
    if (!picked) return;
    // The size first: a file far larger than any results file is refused before the page reads it.
    const tooLarge = fileTooLargeMessage(picked, MAX_IMPORT_FILE_BYTES, 'a results file');
    if (tooLarge) {
      setFile(null);
      setPreview(null);
      setError(tooLarge);
      return;
    }
    await read({ fileName: picked.name, contentBase64: await fileToBase64(picked), sheet: null });
  }

  async function importNow() {
    if (!file || !preview) return;
    try {
      const outcome = await commit.mutateAsync({
        sessionId: session.id,
        file,
        skipRejected,
        expected: { acceptedRows: preview.acceptedRows, rejectedRows: preview.rejectedRows, refusedCells: preview.refusedCells },
      });
      undo.record(`Imported ${plural(outcome.entriesWritten, 'result')} from ${file.fileName}`, async () => {
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

  const rejected = preview ? preview.rejectedRows + preview.rejectedColumns + preview.refusedCells : 0;
  const leftOut = preview
    ? [
        preview.rejectedRows ? plural(preview.rejectedRows, 'rejected row') : null,
        preview.rejectedColumns ? plural(preview.rejectedColumns, 'rejected column') : null,
        preview.refusedCells ? plural(preview.refusedCells, 'refused cell') : null,
      ].filter(Boolean)
    : [];
  const canImport = preview !== null && preview.fileProblem === null && preview.entries.length > 0 && (rejected === 0 || skipRejected);

  return (
    <Modal opened={opened} onClose={close} title={`Import results into ${session.label}`} size="80rem">
      <Stack gap="sm">
        <Text size="sm">
          A CSV or Excel file from timing gates, a jump app or a spreadsheet: one column with the athlete&apos;s name, and a column per test (e.g. <b>CMJ</b>,{' '}
          <b>CMJ 2</b>, <b>Balance L</b>, <b>10 m</b>, <b>20 m</b>, <b>30 m</b>; a row of splits is one run), or one row per trial with <b>Test</b> and <b>Value</b>{' '}
          columns; a <b>Trial</b> or <b>Run</b> column says which try a row is. Write <b>absent</b> or <b>injured</b> instead of a value. Nothing is saved until you
          press Import.
        </Text>
        <Group gap="sm">
          <FileButton onChange={(f) => void choose(f)} accept=".csv,.tsv,.txt,.xlsx,text/csv,text/plain,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet">
            {(p) => (
              <Button {...p} leftSection={<IconFileUpload size={18} />} loading={reading}>
                Choose a file
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
          {file && (
            <Text size="sm" c="dimmed">
              {file.fileName}
              {preview && ` · ${howRead(preview.file)}`}
            </Text>
          )}
          {file && preview && preview.file.sheets.length > 1 && (
            <Select
              size="xs"
              w={180}
              aria-label="Sheet"
              allowDeselect={false}
              value={preview.file.sheet}
              data={preview.file.sheets}
              onChange={(sheet) => sheet && void read({ ...file, sheet })}
            />
          )}
        </Group>
        {preview?.file.warnings.map((w) => (
          <Alert key={w} color="yellow">
            {w}
          </Alert>
        ))}
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
            <Alert
              color={rejected > 0 ? 'orange' : 'teal'}
              title={`${plural(preview.acceptedRows, 'row')} accepted${preview.refusedCells ? ` (${plural(preview.refusedCells, 'cell')} refused)` : ''}, ${plural(preview.rejectedRows, 'row')} rejected`}
            >
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
                    <Table.Th>Values, refused cells, or why the row is rejected</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {preview.rows.map((r) => (
                    <Table.Tr key={r.line} bg={r.status === 'rejected' ? 'var(--mantine-color-red-light)' : r.refused.length > 0 ? 'var(--mantine-color-orange-light)' : undefined} data-testid={`import-row-${r.line}`}>
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
                          <>
                            <Text size="sm">{r.values.join(' · ')}</Text>
                            {r.refused.map((c) => (
                              <Text key={`${c.column}|${c.value}`} size="sm" c="red.8">
                                Refused {c.column} “{c.value}”: {c.reason}
                              </Text>
                            ))}
                          </>
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
                label={`Leave out the ${leftOut.join(', ').replace(/, ([^,]*)$/, ' and $1')}, and import the rest`}
              />
            )}
          </>
        )}
        <Group
          justify="flex-end"
          // Always in view at the bottom of the dialog, however long the lists above are.
          style={{ position: 'sticky', bottom: 0, zIndex: 2, background: 'var(--mantine-color-body)', borderTop: '1px solid var(--mantine-color-gray-3)', paddingTop: 10, paddingBottom: 4 }}
        >
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


/**
 * Import athletes from a CSV or XLSX file: choose the file, check which column holds what (guessed
 * from the headings), see who will be added and which rows are refused and why, then confirm.
 * Nothing is written before the coach presses "Add"; the whole import is one undoable step.
 */
import { Alert, Badge, Button, FileButton, Group, Modal, NumberInput, ScrollArea, SegmentedControl, Select, SimpleGrid, Stack, Table, Tabs, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconFileSpreadsheet } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { MAX_IMPORT_FILE_BYTES, type Separator, type TableFile, type TextEncodingChoice } from '@shared/contract/imports';
import { EVENT_FOCUS_LABELS, GROUP_COLORS, type Athlete, type Group as SquadGroup } from '@shared/domain/roster';
import {
  athletesToImport,
  findHeaderRow,
  groupsToCreate,
  guessMapping,
  IMPORT_FIELD_LABELS,
  IMPORT_FIELDS,
  previewRosterImport,
  unitFromHeading,
  type ColumnMapping,
  type GroupChoice,
  type ImportField,
  type ValueChoices,
} from '@shared/import/rosterImport';
import { columnLetter } from '@shared/import/headings';
import { formatMass, type MassUnit } from '@shared/units';
import { call } from '@renderer/api/client';
import { fileToBase64, fileTooLargeMessage } from '@renderer/api/files';
import { useApiMutation } from '@renderer/api/hooks';
import { useUndo } from '@renderer/app/undo';
import { ImportValueMapping, RowsWithReasons } from './ImportValueMapping';

const SHOWN_ROWS = 200;
const ENCODING_LABELS: Record<NonNullable<TableFile['encoding']>, string> = {
  'utf-8': 'UTF-8',
  'utf-8-bom': 'UTF-8 (with BOM)',
  'utf-16': 'UTF-16',
  'windows-1252': 'Windows-1252 (Western)',
};
const SEPARATOR_LABELS: Record<Separator, string> = { comma: 'Comma', semicolon: 'Semicolon', tab: 'Tab', pipe: 'Pipe (|)' };

interface LoadedFile {
  file: File;
  base64: string;
  table: TableFile;
  encoding: 'auto' | TextEncodingChoice;
  separator: 'auto' | Separator;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function ImportRosterModal(props: { opened: boolean; onClose: () => void; athletes: Athlete[]; groups: SquadGroup[]; unit: MassUnit }) {
  const { opened, onClose, athletes, groups, unit: squadUnit } = props;
  const undo = useUndo();
  const commit = useApiMutation('imports.roster');
  const [loaded, setLoaded] = useState<LoadedFile | null>(null);
  const [reading, setReading] = useState(false);
  const [readError, setReadError] = useState<string | null>(null);
  const [headerRow, setHeaderRow] = useState(0);
  const [mapping, setMapping] = useState<ColumnMapping>([]);
  const [unit, setUnit] = useState<MassUnit>(squadUnit);
  const [groupChoices, setGroupChoices] = useState<Record<string, GroupChoice>>({});
  const [valueChoices, setValueChoices] = useState<ValueChoices>({});

  function reset() {
    setLoaded(null);
    setReadError(null);
    setGroupChoices({});
    setValueChoices({});
  }

  function close() {
    reset();
    onClose();
  }

  /** Read (or re-read with another encoding/separator/sheet) and guess the columns again. */
  async function read(file: File, base64: string | null, encoding: LoadedFile['encoding'], separator: LoadedFile['separator'], sheet: string | null = null) {
    // The size first: a 50 MB file is refused before the page reads a byte of it.
    const tooLarge = fileTooLargeMessage(file, MAX_IMPORT_FILE_BYTES, 'a roster');
    if (tooLarge) {
      setReadError(tooLarge);
      return;
    }
    setReading(true);
    setReadError(null);
    try {
      const content = base64 ?? (await fileToBase64(file));
      const table = await call('imports.readTable', { fileName: file.name, contentBase64: content, encoding, separator, sheet });
      setLoaded({ file, base64: content, table, encoding, separator });
      applyHeaderRow(table, findHeaderRow(table.rows));
    } catch (error) {
      setReadError((error as Error).message);
    } finally {
      setReading(false);
    }
  }

  function applyHeaderRow(table: TableFile, row: number) {
    const headings = table.rows[row] ?? [];
    const guessed = guessMapping(headings);
    setHeaderRow(row);
    setMapping(guessed);
    const massColumn = guessed.indexOf('bodyMass');
    setUnit((massColumn >= 0 ? unitFromHeading(headings[massColumn] ?? '') : null) ?? squadUnit);
  }

  const table = loaded?.table ?? null;
  const columnCount = useMemo(() => (table ? Math.max(0, ...table.rows.map((r) => r.length)) : 0), [table]);
  const preview = useMemo(
    () => (table ? previewRosterImport(table.rows, { mapping, headerRow, bodyMassUnit: unit, groupChoices, valueChoices }, { athletes, groups }) : null),
    [table, mapping, headerRow, unit, groupChoices, valueChoices, athletes, groups],
  );
  const groupById = useMemo(() => new Map(groups.map((g) => [g.id, g])), [groups]);
  const newGroups = preview ? groupsToCreate(preview.accepted) : [];
  // Only groups someone would go into: a group whose every row is refused needs no decision.
  const unknownGroups = preview?.groups.filter((g) => g.existingId === null && g.athletes > 0) ?? [];

  async function confirm() {
    if (!preview) return;
    const used = new Set(groups.map((g) => g.color.toLowerCase()));
    const palette = [...GROUP_COLORS.filter((c) => !used.has(c)), ...GROUP_COLORS];
    try {
      const result = await commit.mutateAsync({
        athletes: athletesToImport(preview.accepted),
        newGroups: newGroups.map((name, i) => ({ name, color: palette[i % palette.length] ?? GROUP_COLORS[0] })),
      });
      const label = `Imported ${plural(result.athleteIds.length, 'athlete')}${result.groupIds.length ? ` and ${plural(result.groupIds.length, 'group')}` : ''} from ${loaded?.file.name ?? 'a file'}`;
      undo.record(label, () => call('imports.undoRoster', { athleteIds: result.athleteIds, groupIds: result.groupIds }));
      close();
    } catch (error) {
      notifications.show({ color: 'red', title: 'Nothing was imported', message: (error as Error).message, autoClose: false });
    }
  }

  const fieldOptions = [{ value: '', label: 'Ignore this column' }, ...IMPORT_FIELDS.map((f) => ({ value: f, label: IMPORT_FIELD_LABELS[f] }))];
  const groupOptions = (name: string) => [
    { value: 'create', label: `Create group "${name}"` },
    { value: 'none', label: 'No group' },
    ...groups.map((g) => ({ value: String(g.id), label: `Put them in ${g.name}` })),
  ];

  return (
    <Modal opened={opened} onClose={close} title="Import athletes from a spreadsheet" size={1100} centered={false}>
      {!table ? (
        <Stack gap="md" py="md" align="flex-start">
          <Text size="sm">
            Choose a CSV or Excel (.xlsx) file with one athlete per row and a row of headings such as <i>First name</i>, <i>Last name</i>, <i>Grade</i>,{' '}
            <i>Gender</i>, <i>Event</i>, <i>Group</i> or <i>Weight</i>. You will see who will be added before anything is saved.
          </Text>
          <FileButton onChange={(file) => file && void read(file, null, 'auto', 'auto')} accept=".csv,.tsv,.txt,.xlsx,text/csv,text/tab-separated-values,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet">
            {(buttonProps) => (
              <Button {...buttonProps} leftSection={<IconFileSpreadsheet size={18} />} loading={reading}>
                Choose a file…
              </Button>
            )}
          </FileButton>
          {readError && (
            <Alert color="red" title="This file cannot be imported" w="100%">
              {readError}
            </Alert>
          )}
        </Stack>
      ) : (
        <Stack gap="md">
          <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
            <Stack gap={0}>
              <Text fw={600}>{loaded?.file.name}</Text>
              <Text size="xs" c="dimmed">
                {table.format === 'xlsx' ? `Excel workbook, sheet "${table.sheet}"` : `Text file: ${ENCODING_LABELS[table.encoding ?? 'utf-8']}, ${SEPARATOR_LABELS[table.separator ?? 'comma'].toLowerCase()}-separated`}
                {` · ${plural(table.rows.length, 'row')}`}
              </Text>
            </Stack>
            <Group gap="sm" align="flex-end">
              {table.format === 'csv' && loaded && (
                <>
                  <Select
                    label="Text encoding"
                    w={210}
                    size="xs"
                    allowDeselect={false}
                    value={loaded.encoding}
                    data={[
                      { value: 'auto', label: `Detect (${ENCODING_LABELS[table.encoding ?? 'utf-8']})` },
                      { value: 'utf-8', label: 'UTF-8' },
                      { value: 'windows-1252', label: 'Windows-1252 (Excel on Windows)' },
                    ]}
                    onChange={(value) => value && void read(loaded.file, loaded.base64, value as LoadedFile['encoding'], loaded.separator)}
                  />
                  <Select
                    label="Separator"
                    w={170}
                    size="xs"
                    allowDeselect={false}
                    value={loaded.separator}
                    data={[
                      { value: 'auto', label: `Detect (${SEPARATOR_LABELS[table.separator ?? 'comma'].toLowerCase()})` },
                      { value: 'comma', label: 'Comma' },
                      { value: 'semicolon', label: 'Semicolon' },
                      { value: 'tab', label: 'Tab' },
                    ]}
                    onChange={(value) => value && void read(loaded.file, loaded.base64, loaded.encoding, value as LoadedFile['separator'])}
                  />
                </>
              )}
              {table.format === 'xlsx' && loaded && table.sheets.length > 1 && (
                <Select label="Sheet" w={180} size="xs" allowDeselect={false} value={table.sheet} data={table.sheets} onChange={(value) => value && void read(loaded.file, loaded.base64, 'auto', 'auto', value)} />
              )}
              <NumberInput
                label="Headings on row"
                w={130}
                size="xs"
                min={1}
                max={Math.max(1, table.rows.length)}
                value={headerRow + 1}
                onChange={(value) => typeof value === 'number' && value >= 1 && value <= table.rows.length && applyHeaderRow(table, value - 1)}
              />
              <Stack gap={2}>
                <Text size="xs" fw={500}>
                  Body mass in
                </Text>
                <SegmentedControl size="xs" value={unit} onChange={(value) => setUnit(value as MassUnit)} data={[{ value: 'kg', label: 'kg' }, { value: 'lb', label: 'lb' }]} aria-label="Body mass unit in the file" />
              </Stack>
              <Button variant="subtle" size="xs" onClick={reset}>
                Choose another file
              </Button>
            </Group>
          </Group>

          {table.warnings.map((w) => (
            <Alert key={w} color="yellow" icon={<IconAlertTriangle />}>
              {w}
            </Alert>
          ))}

          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            <Stack gap={4}>
              <Text fw={600} size="sm">
                Which column holds what
              </Text>
              <ScrollArea.Autosize mah={260}>
                <Table striped={false} verticalSpacing={4} aria-label="Columns">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th w={36}>Col.</Table.Th>
                      <Table.Th>Heading and examples</Table.Th>
                      <Table.Th w={220}>Holds</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {Array.from({ length: columnCount }, (_, column) => {
                      const heading = table.rows[headerRow]?.[column] ?? '';
                      const examples = table.rows
                        .slice(headerRow + 1)
                        .map((r) => (r[column] ?? '').trim())
                        .filter(Boolean)
                        .slice(0, 3);
                      return (
                        <Table.Tr key={column}>
                          <Table.Td c="dimmed">{columnLetter(column)}</Table.Td>
                          <Table.Td>
                            <Text size="sm" fw={500} truncate maw={260}>
                              {heading || <Text span c="dimmed">(no heading)</Text>}
                            </Text>
                            <Text size="xs" c="dimmed" truncate maw={260}>
                              {examples.join(' · ') || 'empty'}
                            </Text>
                          </Table.Td>
                          <Table.Td>
                            <Select
                              size="xs"
                              aria-label={`Column ${columnLetter(column)} holds`}
                              allowDeselect={false}
                              value={mapping[column] ?? ''}
                              data={fieldOptions}
                              onChange={(value) =>
                                setMapping((m) => {
                                  const next = Array.from({ length: columnCount }, (_, i) => m[i] ?? null);
                                  next[column] = (value || null) as ImportField | null;
                                  return next;
                                })
                              }
                            />
                          </Table.Td>
                        </Table.Tr>
                      );
                    })}
                  </Table.Tbody>
                </Table>
              </ScrollArea.Autosize>
            </Stack>

            <Stack gap="xs">
              <Text fw={600} size="sm">
                Groups the squad does not have yet
              </Text>
              {unknownGroups.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {preview?.groups.length ? 'Every group in the file is already in the squad.' : 'No group column, or no groups in it: athletes are added without a group.'}
                </Text>
              ) : (
                unknownGroups.map((g) => {
                  const choice = groupChoices[g.key] ?? { action: 'create' };
                  return (
                    <Group key={g.key} gap="sm" wrap="nowrap">
                      <Text size="sm" w={180} truncate>
                        "{g.name}" <Text span c="dimmed" size="xs">({plural(g.athletes, 'athlete')})</Text>
                      </Text>
                      <Select
                        size="xs"
                        flex={1}
                        aria-label={`What to do with group ${g.name}`}
                        allowDeselect={false}
                        value={choice.action === 'existing' ? String(choice.groupId) : choice.action}
                        data={groupOptions(g.name)}
                        onChange={(value) =>
                          setGroupChoices((c) => ({
                            ...c,
                            [g.key]: value === 'create' || value === 'none' ? { action: value } : { action: 'existing', groupId: Number(value) },
                          }))
                        }
                      />
                    </Group>
                  );
                })
              )}
            </Stack>
          </SimpleGrid>

          {preview && preview.problems.length === 0 && <ImportValueMapping preview={preview} choices={valueChoices} onChange={setValueChoices} />}

          {preview && preview.problems.length > 0 ? (
            <Alert color="red" title="Choose the columns first">
              {preview.problems.map((p) => (
                <Text key={p} size="sm">
                  {p}
                </Text>
              ))}
            </Alert>
          ) : (
            preview && (
              <Tabs defaultValue={preview.rejected.length > 0 ? 'refused' : 'added'} keepMounted={false}>
                <Tabs.List>
                  <Tabs.Tab value="added" rightSection={<Badge size="sm" color="teal" variant="light">{preview.accepted.length}</Badge>}>
                    Will be added
                  </Tabs.Tab>
                  {preview.counts.addedWithBlanks > 0 && (
                    <Tabs.Tab value="blanks" rightSection={<Badge size="sm" color="orange" variant="light">{preview.counts.addedWithBlanks}</Badge>}>
                      Added with blanks
                    </Tabs.Tab>
                  )}
                  <Tabs.Tab value="refused" rightSection={<Badge size="sm" color={preview.rejected.length ? 'red' : 'gray'} variant="light">{preview.rejected.length}</Badge>}>
                    Refused rows
                  </Tabs.Tab>
                </Tabs.List>
                <Tabs.Panel value="added" pt="xs">
                  <ScrollArea.Autosize mah={280}>
                    <Table verticalSpacing={3} aria-label="Athletes to add">
                      <Table.Thead>
                        <Table.Tr>
                          <Table.Th w={60}>Row</Table.Th>
                          <Table.Th>Name</Table.Th>
                          <Table.Th>Group</Table.Th>
                          <Table.Th>Grade / born</Table.Th>
                          <Table.Th>Event</Table.Th>
                          <Table.Th>Body mass</Table.Th>
                        </Table.Tr>
                      </Table.Thead>
                      <Table.Tbody>
                        {preview.accepted.slice(0, SHOWN_ROWS).map((r) => (
                          <Table.Tr key={r.rowNumber}>
                            <Table.Td c="dimmed">{r.rowNumber}</Table.Td>
                            <Table.Td>
                              {r.fields.familyName}, {r.fields.givenName}
                              {r.blanks.length > 0 && <IconAlertTriangle size={14} color="var(--mantine-color-orange-7)" style={{ marginLeft: 6, verticalAlign: -2 }} aria-label="Added with blanks" />}
                            </Table.Td>
                            <Table.Td>{r.newGroup ? <Text span size="sm">{r.newGroup} <Badge size="xs" variant="light">new</Badge></Text> : (groupById.get(r.fields.groupId ?? -1)?.name ?? '—')}</Table.Td>
                            <Table.Td>{r.fields.grade !== null ? `Grade ${r.fields.grade}` : r.fields.birthYear !== null ? `Born ${r.fields.birthYear}` : '—'}</Table.Td>
                            <Table.Td>{r.fields.eventFocus ? EVENT_FOCUS_LABELS[r.fields.eventFocus] : '—'}</Table.Td>
                            <Table.Td className="tabular">{r.fields.bodyMassKg !== null ? formatMass(r.fields.bodyMassKg, squadUnit) : '—'}</Table.Td>
                          </Table.Tr>
                        ))}
                      </Table.Tbody>
                    </Table>
                    {preview.accepted.length > SHOWN_ROWS && (
                      <Text size="xs" c="dimmed" mt={4}>
                        …and {preview.accepted.length - SHOWN_ROWS} more.
                      </Text>
                    )}
                    {preview.accepted.length === 0 && (
                      <Text size="sm" c="dimmed" py="sm">
                        No row can be added as the columns are set now.
                      </Text>
                    )}
                  </ScrollArea.Autosize>
                </Tabs.Panel>
                <Tabs.Panel value="blanks" pt="xs">
                  <ScrollArea.Autosize mah={280}>
                    <RowsWithReasons
                      label="Rows added with blanks"
                      heading="Left blank, and why"
                      color="orange.9"
                      rows={preview.accepted
                        .filter((r) => r.blanks.length > 0)
                        .slice(0, SHOWN_ROWS)
                        .map((r) => ({ rowNumber: r.rowNumber, name: `${r.fields.familyName}, ${r.fields.givenName}`, reasons: [...r.blanks.map((b) => b.message), ...r.notes] }))}
                    />
                  </ScrollArea.Autosize>
                </Tabs.Panel>
                <Tabs.Panel value="refused" pt="xs">
                  <ScrollArea.Autosize mah={280}>
                    {preview.rejected.length === 0 ? (
                      <Text size="sm" c="dimmed" py="sm">
                        Every row can be added.
                      </Text>
                    ) : (
                      <RowsWithReasons label="Refused rows" heading="Why it is not added" color="red.8" rows={preview.rejected.slice(0, SHOWN_ROWS)} />
                    )}
                  </ScrollArea.Autosize>
                </Tabs.Panel>
              </Tabs>
            )
          )}

          <Group
            justify="space-between"
            wrap="nowrap"
            gap="md"
            // Always in view at the bottom of the dialog, however long the lists above are.
            style={{ position: 'sticky', bottom: 0, zIndex: 2, background: 'var(--mantine-color-body)', borderTop: '1px solid var(--mantine-color-gray-3)', paddingTop: 10, paddingBottom: 4 }}
          >
            <Text size="sm" c="dimmed">
              {preview && preview.problems.length === 0
                ? [
                    `${plural(preview.counts.added, 'athlete')} will be added`,
                    preview.counts.addedWithBlanks ? `${preview.counts.addedWithBlanks} added with blanks` : null,
                    newGroups.length ? `${plural(newGroups.length, 'new group')}` : null,
                    preview.counts.refused ? `${plural(preview.counts.refused, 'row')} refused (fix them in the file and import them later)` : null,
                    preview.blankRows ? `${plural(preview.blankRows, 'blank row')} skipped` : null,
                  ]
                    .filter(Boolean)
                    .join(' · ')
                : ''}
            </Text>
            <Group gap="sm" wrap="nowrap">
              <Button variant="default" onClick={close}>
                Cancel
              </Button>
              <Button onClick={() => void confirm()} loading={commit.isPending} disabled={!preview || preview.problems.length > 0 || preview.accepted.length === 0}>
                {preview && preview.accepted.length > 0 ? `Add ${plural(preview.accepted.length, 'athlete')}` : 'Add athletes'}
              </Button>
            </Group>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

/**
 * Parts of the roster import's preview. The values, for the coach to check and fix in one step each: every value
 * Backchain could not read in a column it can map (an event, a grade, a gender...), listed once
 * with how many rows have it and a choice of what it means (as spreadsheet import wizards do),
 * and how the other values written the coach's way were read ("800/1600" → Middle distance).
 */
import { Group, ScrollArea, Select, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { mappingChoices, type ImportPreview, type MappableField, type ValueChoices } from '@shared/import/rosterImport';

const FIELD_LABELS: Record<MappableField, string> = {
  sex: 'Gender',
  grade: 'Grade',
  eventFocus: 'Event',
  raceGoal: 'Race goal',
  injured: 'Injured',
};

const LEAVE_BLANK = '';

function rowsText(rowNumbers: readonly number[]): string {
  const shown = rowNumbers.slice(0, 6).join(', ');
  return `row${rowNumbers.length === 1 ? '' : 's'} ${shown}${rowNumbers.length > 6 ? ` and ${rowNumbers.length - 6} more` : ''}`;
}

export function ImportValueMapping(props: { preview: ImportPreview; choices: ValueChoices; onChange: (choices: ValueChoices) => void }) {
  const { preview, choices, onChange } = props;
  const listed = preview.unrecognised;
  if (listed.length === 0 && preview.readings.length === 0) return null;

  function choose(field: MappableField, key: string, value: string | null) {
    const next: ValueChoices = { ...choices, [field]: { ...choices[field] } };
    const byKey = next[field] as Record<string, string>;
    if (value === null) delete byKey[key];
    else byKey[key] = value;
    onChange(next);
  }

  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
      <Stack gap={4}>
        <Text fw={600} size="sm">
          Values Backchain did not recognise
        </Text>
        {listed.length === 0 ? (
          <Text size="sm" c="dimmed">
            Every value was recognised.
          </Text>
        ) : (
          <>
            <Text size="xs" c="dimmed">
              Until you choose, those rows are added with the field blank. Choose what a value means to fill it in every row that has it.
            </Text>
            <ScrollArea.Autosize mah={150} type="auto">
              <Table verticalSpacing={3} aria-label="Values to map">
                <Table.Tbody>
                  {listed.map((u) => {
                    const chosen = choices[u.field]?.[u.key];
                    return (
                      <Table.Tr key={`${u.field}|${u.key}`}>
                        <Table.Td>
                          <Text size="sm">
                            {FIELD_LABELS[u.field]} “{u.value}”
                          </Text>
                          <Text size="xs" c="dimmed">
                            {rowsText(u.rowNumbers)}
                          </Text>
                        </Table.Td>
                        <Table.Td w={230}>
                          <Select
                            size="xs"
                            aria-label={`${FIELD_LABELS[u.field]} “${u.value}” means`}
                            placeholder="Leave blank"
                            clearable
                            value={chosen === undefined ? null : chosen === LEAVE_BLANK ? '__blank' : chosen}
                            data={[{ value: '__blank', label: 'Leave blank' }, ...mappingChoices(u.field)]}
                            onChange={(value) => choose(u.field, u.key, value === null ? null : value === '__blank' ? LEAVE_BLANK : value)}
                          />
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </ScrollArea.Autosize>
          </>
        )}
      </Stack>
      <Stack gap={4}>
        <Text fw={600} size="sm">
          How values were read
        </Text>
        {preview.readings.length === 0 ? (
          <Text size="sm" c="dimmed">
            Every value is written as Backchain writes it.
          </Text>
        ) : (
          <ScrollArea.Autosize mah={150} type="auto">
            <Stack gap={2} aria-label="How values were read">
              {preview.readings.map((r) => (
                <Group key={`${r.field}|${r.value}`} gap={6} wrap="nowrap">
                  <Text size="sm" c="dimmed" w={80} style={{ flexShrink: 0 }}>
                    {FIELD_LABELS[r.field]}
                  </Text>
                  <Text size="sm" truncate title={`“${r.value}” → ${r.readAs}`}>
                    “{r.value}” → {r.readAs}
                    <Text span size="xs" c="dimmed">
                      {' '}
                      ({r.rows} row{r.rows === 1 ? '' : 's'})
                    </Text>
                  </Text>
                </Group>
              ))}
            </Stack>
          </ScrollArea.Autosize>
        )}
      </Stack>
    </SimpleGrid>
  );
}

/** Rows with what was said about each (refused, or added with blanks), by row number. */
export function RowsWithReasons(props: { label: string; heading: string; color: string; rows: readonly { rowNumber: number; name: string; reasons: readonly string[] }[] }) {
  return (
    <Table verticalSpacing={3} aria-label={props.label}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={60}>Row</Table.Th>
          <Table.Th w={220}>Name</Table.Th>
          <Table.Th>{props.heading}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {props.rows.map((r) => (
          <Table.Tr key={r.rowNumber}>
            <Table.Td c="dimmed">{r.rowNumber}</Table.Td>
            <Table.Td>{r.name}</Table.Td>
            <Table.Td c={props.color}>{r.reasons.join('; ')}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

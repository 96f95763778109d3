import { ActionIcon, AppShell, Group, Kbd, Modal, NavLink, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { useDisclosure, useHotkeys } from '@mantine/hooks';
import { IconArrowBackUp, IconKeyboard } from '@tabler/icons-react';
import { NavLink as RouterLink, Outlet, useLocation, useNavigate } from 'react-router';
import { useApiQuery } from '../api/hooks';
import { shortcutLabel } from '../lib/keys';
import { SECTIONS } from './sections';
import { useUndo } from './undo';

const GLOBAL_SHORTCUTS: [string, string][] = [
  ['mod+z', 'Undo the last change (outside text fields)'],
  ['/', 'Search the roster'],
  ['n', 'Add an athlete (on the roster)'],
  ['mod+enter', 'Save the open form'],
  ['arrows', 'Calendar: move between days and athletes'],
  ['shift+arrows', 'Calendar: select several days'],
  ['enter', 'Calendar: open the day'],
  ['delete', "Calendar: reset the selected days to the group's plan"],
  ['escape', 'Close a form or dialog without saving'],
  ['?', 'Show these shortcuts'],
];

export function Shell() {
  const navigate = useNavigate();
  const location = useLocation();
  const settings = useApiQuery('settings.get', {});
  const { last, undoLast } = useUndo();
  const [shortcutsOpen, shortcuts] = useDisclosure(false);

  // Ctrl/⌘ + a section's key works from anywhere, a text box or a chooser included (it types
  // nothing there); "?" only outside text boxes, where it is a character.
  useHotkeys(
    SECTIONS.map((s): [string, () => void] => [s.shortcut, () => void navigate(s.path)]),
    [],
  );
  useHotkeys([['shift+?', shortcuts.open]]);

  return (
    <AppShell header={{ height: 52 }} navbar={{ width: 200, breakpoint: 0 }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Title order={4} c="teal.8">
              Backchain
            </Title>
            <Text c="dimmed" size="sm" truncate data-testid="squad-name">
              {settings.data?.squadName ?? ''}
            </Text>
          </Group>
          <Group gap="xs">
            <Tooltip label={last ? `Undo: ${last.label} (${shortcutLabel('mod+z')})` : 'Nothing to undo'}>
              <ActionIcon variant="subtle" size="lg" aria-label="Undo" disabled={!last} onClick={() => void undoLast()}>
                <IconArrowBackUp size={20} />
              </ActionIcon>
            </Tooltip>
            <Tooltip label="Keyboard shortcuts (?)">
              <ActionIcon variant="subtle" size="lg" aria-label="Keyboard shortcuts" onClick={shortcuts.open}>
                <IconKeyboard size={20} />
              </ActionIcon>
            </Tooltip>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs">
        <Stack gap={2}>
          {SECTIONS.map((section) => (
            <NavLink
              key={section.path}
              component={RouterLink}
              to={section.path}
              label={section.label}
              active={location.pathname.startsWith(section.path)}
              leftSection={<section.icon size={18} stroke={1.6} />}
              rightSection={
                <Text size="xs" c="dimmed">
                  {shortcutLabel(section.shortcut)}
                </Text>
              }
            />
          ))}
        </Stack>
      </AppShell.Navbar>
      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
      <Modal opened={shortcutsOpen} onClose={shortcuts.close} title="Keyboard shortcuts" size="md">
        <Table>
          <Table.Tbody>
            {[...SECTIONS.map((s): [string, string] => [s.shortcut, `Go to ${s.label}`]), ...GLOBAL_SHORTCUTS].map(([keys, what]) => (
              <Table.Tr key={keys}>
                <Table.Td w={140}>
                  <Kbd>{shortcutLabel(keys)}</Kbd>
                </Table.Td>
                <Table.Td>{what}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Modal>
    </AppShell>
  );
}

/**
 * One test session: the entry grid page by page (a test, or the sprint runs), filtered by
 * group; CSV import; and, for a reliability session, the typical error it gives each test.
 */
import { Alert, Badge, Button, Group, SegmentedControl, Select, Stack, Tabs, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconChartBar, IconEdit, IconFileImport, IconTrash } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { formatDateLong } from '@shared/dates';
import { SESSION_KIND_LABELS, type TestDefinition } from '@shared/domain/retests';
import { athleteFullName } from '@shared/domain/roster';
import { call } from '@renderer/api/client';
import { useApiMutation, useApiQuery } from '@renderer/api/hooks';
import { useUndo } from '@renderer/app/undo';
import { groupFilterOptions, inGroup, plural, sortByGroupThenName } from './common';
import { EntryGrid } from './EntryGrid';
import { gridPages, type JumpInput } from './gridModel';
import { LeaveGuard } from '@renderer/app/drafts/LeaveGuard';
import type { UnsavedRow } from '@renderer/app/drafts/rowDrafts';
import { ImportModal } from './ImportModal';
import { ReliabilityPanel } from './ReliabilityPanel';
import { SessionForm } from './SessionForm';

export function SessionPage() {
  const { sessionId } = useParams();
  const id = Number(sessionId);
  const navigate = useNavigate();
  const undo = useUndo();
  const sheetQuery = useApiQuery('retests.getSession', { id }, { enabled: Number.isInteger(id) && id > 0 });
  const testsQuery = useApiQuery('retests.listTests', {});
  const sessionsQuery = useApiQuery('retests.listSessions', {});
  const athletesQuery = useApiQuery('athletes.list', { status: 'all' });
  const groupsQuery = useApiQuery('groups.list', {});
  const settingsQuery = useApiQuery('settings.get', {});
  const remove = useApiMutation('retests.removeSession');

  const [pageKey, setPageKey] = useState<string | null>(null);
  // Rows of the grid that cannot be saved, and the page the coach asked for meanwhile (the guard asks first).
  const [unsaved, setUnsaved] = useState<readonly UnsavedRow<number>[]>([]);
  const [asked, setAsked] = useState<string | null>(null);
  const [group, setGroup] = useState<string>('all');
  const [jumpInput, setJumpInput] = useState<JumpInput>('height');
  const [importing, setImporting] = useState(false);
  const [editing, setEditing] = useState(false);

  const sheet = sheetQuery.data;
  const tests = useMemo(() => testsQuery.data ?? [], [testsQuery.data]);
  const sessionTests = useMemo(() => {
    if (!sheet) return [];
    const inSession = new Set(sheet.session.testIds);
    return tests.filter((t) => inSession.has(t.id));
  }, [sheet, tests]);
  const pages = useMemo(() => gridPages(sessionTests), [sessionTests]);
  const page = pages.find((p) => p.key === pageKey) ?? pages[0];
  const groups = useMemo(() => groupsQuery.data ?? [], [groupsQuery.data]);
  const names = useMemo(() => new Map((athletesQuery.data ?? []).map((a) => [a.id, athleteFullName(a)])), [athletesQuery.data]);
  const athletes = useMemo(() => {
    if (!sheet) return [];
    const withResults = new Set(sheet.entries.map((e) => e.athleteId));
    const list = (athletesQuery.data ?? []).filter((a) => a.archivedAt === null || withResults.has(a.id));
    const filtered = list.filter((a) => inGroup(a.groupId, group));
    return sortByGroupThenName(filtered, groups);
  }, [sheet, athletesQuery.data, group, groups]);

  if (sheetQuery.isError) {
    return (
      <Alert color="red" title="This test session could not be opened">
        {sheetQuery.error.message} <Link to="/retests">Back to the sessions</Link>
      </Alert>
    );
  }
  if (!sheet || testsQuery.isPending || athletesQuery.isPending || groupsQuery.isPending || settingsQuery.isPending) return null;
  const session = sheet.session;
  const unit = settingsQuery.data?.unit ?? 'kg';
  const tested = new Set(sheet.entries.map((e) => e.athleteId)).size;

  async function removeSession() {
    try {
      const snapshot = await remove.mutateAsync({ id: session.id });
      undo.record(`Deleted ${session.label}`, () => call('retests.restoreSession', { snapshot }));
      void navigate('/retests');
    } catch (e) {
      notifications.show({ color: 'red', title: 'Not deleted', message: (e as Error).message });
    }
  }

  const hasJump = page?.tests.some((t: TestDefinition) => t.kind === 'jump' || t.kind === 'loaded_jump') ?? false;

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-start">
        <div>
          <Group gap="xs" align="baseline">
            <Title order={2}>{session.label}</Title>
            <Badge variant="light">{SESSION_KIND_LABELS[session.kind]}</Badge>
          </Group>
          <Text c="dimmed" size="sm">
            {formatDateLong(session.date)} · {plural(tested, 'athlete')} with results
            {session.notes ? ` · ${session.notes}` : ''}
          </Text>
        </div>
        <Group gap="xs">
          <Button variant="default" leftSection={<IconFileImport size={18} />} onClick={() => setImporting(true)}>
            Import results
          </Button>
          {session.kind !== 'reliability' && (
            <Button variant="default" leftSection={<IconChartBar size={18} />} component={Link} to={`/retests/compare?session=${session.id}`}>
              Compare
            </Button>
          )}
          <Button variant="subtle" leftSection={<IconEdit size={18} />} onClick={() => setEditing(true)}>
            Edit
          </Button>
          <Button variant="subtle" color="red" leftSection={<IconTrash size={18} />} onClick={() => void removeSession()}>
            Delete
          </Button>
        </Group>
      </Group>

      {session.kind === 'reliability' && <ReliabilityPanel sessionId={session.id} sessionDate={session.date} tests={sessionTests} />}

      <Tabs
        value={page?.key ?? null}
        // Valid rows are saved when the page changes; the leave guard asks about refused ones.
        onChange={(v) => (unsaved.length > 0 ? setAsked(v) : setPageKey(v))}
        keepMounted={false}
      >
        <Tabs.List>
          {pages.map((p) => (
            <Tabs.Tab key={p.key} value={p.key}>
              {p.title}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>

      <Group gap="sm" wrap="wrap">
        <Select
          aria-label="Group"
          w={200}
          allowDeselect={false}
          value={group}
          onChange={(v) => setGroup(v ?? 'all')}
          data={groupFilterOptions(groups)}
        />
        {hasJump && (
          <Group gap={6}>
            <Text size="sm" c="dimmed">
              Type jumps as
            </Text>
            <SegmentedControl
              size="xs"
              value={jumpInput}
              onChange={(v) => setJumpInput(v as JumpInput)}
              data={[
                { value: 'height', label: 'Height (cm)' },
                { value: 'flight', label: 'Flight time (s)' },
              ]}
            />
          </Group>
        )}
        <Text size="xs" c="dimmed" ml="auto" maw={520}>
          Tab / Enter / arrow keys move between cells; type <b>a</b> for absent, <b>i</b> for injured; Esc puts a cell back. Each athlete is saved when you leave their row.
        </Text>
      </Group>

      {page ? (
        <EntryGrid
          key={`${session.id}-${page.key}`}
          sheet={sheet}
          fetchedAt={sheetQuery.dataUpdatedAt}
          page={page}
          athletes={athletes}
          names={names}
          unit={unit}
          jumpInput={jumpInput}
          onUnsavedChange={setUnsaved}
        />
      ) : (
        <Alert color="yellow">This session has no tests. Edit it to choose some.</Alert>
      )}

      <LeaveGuard
        unsaved={unsaved}
        request={
          asked === null
            ? null
            : {
                stay: () => setAsked(null),
                leave: () => {
                  setPageKey(asked);
                  setAsked(null);
                },
              }
        }
      />
      <ImportModal opened={importing} onClose={() => setImporting(false)} session={session} tests={tests} />
      <SessionForm
        opened={editing}
        session={session}
        sessions={sessionsQuery.data ?? []}
        tests={tests}
        onClose={() => setEditing(false)}
        onSaved={() => setEditing(false)}
      />
    </Stack>
  );
}

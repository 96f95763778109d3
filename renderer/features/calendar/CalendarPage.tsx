/**
 * The squad calendar: every athlete's strength sessions and runs, day by day, on one grid.
 * The grid asks the server for 12 weeks at a time (the weeks in view first) and keeps what it
 * has while a change is saved, so edits never blank the screen.
 */
import { ActionIcon, Alert, Button, EmptyState, Group, Paper, SegmentedControl, Select, Stack, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import { IconCalendarEvent, IconChevronLeft, IconChevronRight, IconFirstAidKit, IconPlus, IconSearch, IconX } from '@tabler/icons-react';
import { useQueries } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import type { ChangeAction } from '@shared/contract/plan';
import { addDays, daysBetween, formatDateLong, localToday } from '@shared/dates';
import { athleteFullName } from '@shared/domain/roster';
import { dayNumber, isoDate, weekStartOf } from '@shared/plan/days';
import { GRID } from '@shared/plan/gridCode';
import type { CalendarEvent } from '@shared/plan/model';
import { call } from '@renderer/api/client';
import { useApiQuery } from '@renderer/api/hooks';
import { NoAthletesYet } from '@renderer/app/NoAthletesYet';
import { shortcutLabel } from '@renderer/lib/keys';
import { BulkBar } from './BulkBar';
import { CalendarGrid, NAME_WIDTH, type GridHandle } from './CalendarGrid';
import { DayDrawer } from './DayDrawer';
import { describeCell } from './describe';
import { buildRows, GridData, groupSelection, pagesFor, selectionCells, type CellRef, type GridRow, type RowFilter, type Selection, type Zoom } from './gridModel';
import { Legend } from './Legend';
import { SuggestionsModal } from './SuggestionsModal';
import { useChanges } from './useChanges';
import type { AthleteWarning } from '@shared/load/warnings';
import { WarningSummary } from '../warnings/WarningParts';

const ROW_HEIGHT: Record<Zoom, number> = { week: 46, month: 30, season: 20 };
const ZOOM_KEY = 'backchain.calendar.zoom';

function columnWidth(zoom: Zoom, width: number, days: number): number {
  const room = Math.max(200, width - NAME_WIDTH - 16);
  if (zoom === 'week') return Math.max(96, Math.floor(room / 7));
  if (zoom === 'month') return Math.max(26, Math.floor(room / 35));
  return Math.max(5, Math.floor(room / days));
}

export function CalendarPage() {
  const navigate = useNavigate();
  const settingsQuery = useApiQuery('settings.get', {});
  const athletesQuery = useApiQuery('athletes.list', { status: 'active' });
  const groupsQuery = useApiQuery('groups.list', {});
  const summaryQuery = useApiQuery('calendar.summary', {});
  // Asked once the weeks in view are on screen: the server answers one call at a time, and the grid comes first.
  const [firstPageIn, setFirstPageIn] = useState(false);
  const templatesQuery = useApiQuery('templates.list', {}, { enabled: firstPageIn });
  const suggestionsQuery = useApiQuery('swaps.suggestions', {}, { enabled: firstPageIn });
  // Deload warnings (issue 7): a yellow corner on the athlete's days from when the warning applies.
  const warningsQuery = useApiQuery('warnings.list', {}, { enabled: firstPageIn });
  const changes = useChanges();

  const [zoom, setZoomState] = useState<Zoom>(() => (sessionStorage.getItem(ZOOM_KEY) as Zoom | null) ?? 'month');
  const [seasonShift, setSeasonShift] = useState(0);
  const [filter, setFilter] = useState<RowFilter>({ group: 'all', search: '' });
  const [collapsed, setCollapsed] = useState<Set<string>>(new Set());
  // A selection refers to row positions, so it belongs to the rows it was made on.
  const [pick, setPick] = useState<{ rows: GridRow[] | null; selection: Selection | null; active: CellRef | null }>({ rows: null, selection: null, active: null });
  const [detail, setDetail] = useState<{ athleteId: number; date: string } | null>(null);
  const [suggestionsOpen, setSuggestionsOpen] = useState(false);
  const { ref: areaRef, width, height } = useElementSize();
  const gridRef = useRef<GridHandle>(null);

  const settings = settingsQuery.data;
  const today = localToday();
  const seasonDays = settings ? daysBetween(settings.seasonStart, settings.seasonEnd) + 1 : 364;
  const rangeStart = settings ? addDays(settings.seasonStart, seasonShift * seasonDays) : today;
  const rangeEnd = addDays(rangeStart, seasonDays - 1);
  const startDay = dayNumber(rangeStart);
  const todayIndex = dayNumber(today) - startDay;
  const todayInRange = todayIndex >= 0 && todayIndex < seasonDays;
  const focusIndex = todayInRange ? todayIndex : 0;

  /** The first day of the squad week holding a day (as an index of the range). */
  const weekStartIndex = (index: number) => Math.max(0, weekStartOf(startDay + index, settings?.firstDayOfWeek ?? 1) - startDay);

  const pages = useMemo(() => pagesFor(rangeStart, rangeEnd, isoDate(startDay + focusIndex)), [rangeStart, rangeEnd, startDay, focusIndex]);
  const hasPlan = (summaryQuery.data?.blocks ?? 0) > 0;
  // The 12 weeks in view first, then the rest of the season (pages[0] holds the focus day).
  const pageQueries = useQueries({
    queries: pages.map((p, i) => ({
      queryKey: ['calendar.grid', { from: p.from, to: p.to }],
      queryFn: () => call('calendar.grid', { from: p.from, to: p.to }),
      enabled: settings !== undefined && summaryQuery.data?.blocks !== 0 && (i === 0 || firstPageIn),
    })),
  });

  const dataStamp = pageQueries.map((q) => q.dataUpdatedAt).join(',');
  // Rebuilt only when a page's data changes (the queries array itself is new on every render).
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const data = useMemo(() => new GridData(pages.map((page, i) => ({ page, grid: pageQueries[i]?.data }))), [pages, dataStamp]);
  const pageError = pageQueries.find((q) => q.isError)?.error;

  const athletes = useMemo(() => athletesQuery.data ?? [], [athletesQuery.data]);
  const groups = useMemo(() => groupsQuery.data ?? [], [groupsQuery.data]);
  const athleteById = useMemo(() => new Map(athletes.map((a) => [a.id, a])), [athletes]);
  const rows = useMemo(() => buildRows(athletes, groups, filter, collapsed), [athletes, groups, filter, collapsed]);
  const athleteRows = rows.filter((r) => r.kind === 'athlete').length;
  const events = useMemo(() => {
    const byDay = new Map<number, CalendarEvent[]>();
    for (const e of data.events) {
      const d = dayNumber(e.date) - startDay;
      byDay.set(d, [...(byDay.get(d) ?? []), e]);
    }
    return byDay;
  }, [data, startDay]);

  const warningSpans = useMemo(() => {
    const spans = new Map<number, { from: number; to: number; warning: AthleteWarning }>();
    for (const w of warningsQuery.data?.warnings ?? []) spans.set(w.athleteId, { from: dayNumber(w.since) - startDay, to: dayNumber(w.today) - startDay, warning: w });
    return spans;
  }, [warningsQuery.data, startDay]);
  const warningAt = useCallback(
    (athleteId: number, day: number) => {
      const span = warningSpans.get(athleteId);
      return span !== undefined && day >= span.from && day <= span.to;
    },
    [warningSpans],
  );

  const selection = pick.rows === rows ? pick.selection : null;
  const active = pick.rows === rows ? pick.active : null;
  const setSelection = useCallback((s: Selection | null, a: CellRef | null = s?.focus ?? null) => setPick({ rows, selection: s, active: a }), [rows]);

  const ready = rows.length > 0 && data.has(focusIndex) && width > 0;
  useEffect(() => {
    if (!ready) return;
    // The moment the grid first shows the weeks in view (read by `npm run bench`); then the rest of the season.
    const frame = requestAnimationFrame(() => {
      if (performance.getEntriesByName('calendar-grid-ready').length === 0) performance.mark('calendar-grid-ready');
      setFirstPageIn(true);
    });
    return () => cancelAnimationFrame(frame);
  }, [ready]);

  const setZoom = (z: Zoom) => {
    sessionStorage.setItem(ZOOM_KEY, z);
    setZoomState(z);
  };

  const onSelect = useCallback((s: Selection, a: CellRef) => setSelection(s, a), [setSelection]);

  const onOpen = useCallback(
    (cell: CellRef) => {
      const row = rows[cell.row];
      if (row?.kind !== 'athlete') return;
      setDetail({ athleteId: row.athlete.id, date: isoDate(startDay + cell.day) });
    },
    [rows, startDay],
  );

  const onGroupColumn = useCallback(
    (groupRow: number, day: number) => {
      const s = groupSelection(rows, groupRow, day);
      if (s) setSelection(s, s.anchor);
    },
    [rows, setSelection],
  );

  const onToggleGroup = useCallback((key: string) => {
    setCollapsed((c) => {
      const next = new Set(c);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });
  }, []);

  const selected = selection ? selectionCells(rows, selection) : null;
  const multi = selected !== null && (selected.athleteIds.length > 1 || selected.fromDay !== selected.toDay);

  const target = (): { athleteIds: number[]; from: string; to: string } | null => {
    const cells = selected ?? (active ? selectionCells(rows, { anchor: active, focus: active }) : null);
    if (!cells || cells.athleteIds.length === 0) return null;
    return { athleteIds: cells.athleteIds, from: isoDate(startDay + cells.fromDay), to: isoDate(startDay + cells.toDay) };
  };

  const labelFor = (cells: { athleteIds: number[]; from: string; to: string }) => {
    const who = cells.athleteIds.length === 1 ? athleteFullName(athleteById.get(cells.athleteIds[0] ?? 0) ?? { givenName: '', familyName: '' }) : `${cells.athleteIds.length} athletes`;
    const when = cells.from === cells.to ? formatDateLong(cells.from) : `${formatDateLong(cells.from)} to ${formatDateLong(cells.to)}`;
    return `${who}, ${when}`;
  };

  const applyToSelection = (action: ChangeAction, label: string) => {
    const cells = target();
    if (cells) void changes.apply(`${label}: ${labelFor(cells)}`, { ...cells, action });
  };

  const resetSelection = useCallback(() => {
    const cells = target();
    if (cells) void changes.clear(`Reset to the group plan: ${labelFor(cells)}`, cells);
    // target/labelFor read the latest selection; recreated each render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [selection, active, rows, startDay]);

  const describe = useCallback(
    (cell: CellRef) => {
      const row = rows[cell.row];
      if (row?.kind !== 'athlete') return '';
      const templateId = data.template(row.athlete.id, cell.day);
      const text = describeCell(athleteFullName(row.athlete), isoDate(startDay + cell.day), data.code(row.athlete.id, cell.day), data.templateTypes.get(templateId));
      return warningAt(row.athlete.id, cell.day) ? `${text}; deload warning (open the day to read it)` : text;
    },
    [rows, data, startDay, warningAt],
  );

  const sessionOn = useCallback(
    (date: string) => {
      if (!detail) return null;
      const d = dayNumber(date) - startDay;
      const code = data.code(detail.athleteId, d);
      const skipped = ((code % GRID.MINUTES_FACTOR) & GRID.STRENGTH_MASK) >> GRID.STRENGTH_SHIFT === 3;
      const template = data.templateTypes.get(data.template(detail.athleteId, d));
      return template && !skipped ? template.sessionType : null;
    },
    [detail, data, startDay],
  );

  if (athletesQuery.isError || groupsQuery.isError || settingsQuery.isError) {
    return <Alert color="red" title="The calendar could not be read">{(athletesQuery.error ?? groupsQuery.error ?? settingsQuery.error)?.message}</Alert>;
  }
  if (athletesQuery.isPending || groupsQuery.isPending || !settings || summaryQuery.isPending) return null;

  if (athletes.length === 0) {
    return <NoAthletesYet hasGroups={groups.length > 0} description="The calendar shows every athlete's strength sessions and runs, day by day. Add your squad on the roster first, or load the sample squad (24 athletes with a plan) to look around." />;
  }

  if (!hasPlan) {
    const firstGroup = [...groups].sort((a, b) => a.sortOrder - b.sortOrder)[0];
    return (
      <Paper withBorder p="xl" maw={720} mx="auto" mt="xl">
        <EmptyState
          icon={<IconCalendarEvent size={32} />}
          variant="light"
          title="Plan your first block"
          description={`${athletes.length} athlete${athletes.length === 1 ? '' : 's'} and no plan yet. A block is 2-6 weeks with one phase (acclimation first), a weekly rhythm of strength days (A, B, C) and runs, and a deload week. The editor starts from the usual week for the group's event focus.`}
        >
          <EmptyState.Actions>
            <Button leftSection={<IconPlus size={18} />} onClick={() => void navigate(`/plan/blocks/new${firstGroup ? `?group=${firstGroup.id}` : ''}`)}>
              Plan your first block
            </Button>
          </EmptyState.Actions>
        </EmptyState>
      </Paper>
    );
  }

  const colWidth = columnWidth(zoom, width, seasonDays);
  const pageDays = zoom === 'week' ? 7 : zoom === 'month' ? 28 : 0;
  const suggestions = suggestionsQuery.data ?? [];
  const named = suggestions.flatMap((x) => {
    const a = athleteById.get(x.athleteId);
    return a ? [athleteFullName(a)] : [];
  });
  const suggestionNames = named.length > 3 ? `${named.slice(0, 3).join(', ')} and ${named.length - 3} more` : named.join(', ');
  const templates = templatesQuery.data ?? [];
  const detailTarget = detail && athleteById.has(detail.athleteId) ? detail : null;

  return (
    <Stack gap={8} style={{ height: 'calc(100dvh - 52px - 2 * var(--mantine-spacing-md))' }}>
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Group gap="sm" wrap="nowrap">
          <Title order={2}>Calendar</Title>
          <SegmentedControl
            aria-label="Zoom"
            size="sm"
            value={zoom}
            onChange={(z) => setZoom(z as Zoom)}
            data={[
              { value: 'week', label: 'Week' },
              { value: 'month', label: 'Month' },
              { value: 'season', label: 'Season' },
            ]}
          />
          <Group gap={2} wrap="nowrap">
            {pageDays > 0 && (
              <Tooltip label={`Back ${zoom === 'week' ? 'a week' : 'four weeks'}`}>
                <ActionIcon variant="default" aria-label="Earlier" onClick={() => gridRef.current?.scrollToDay(Math.max(0, (active?.day ?? focusIndex) - pageDays))}>
                  <IconChevronLeft size={16} />
                </ActionIcon>
              </Tooltip>
            )}
            <Button size="xs" variant="default" disabled={!todayInRange} onClick={() => gridRef.current?.scrollToDay(zoom === 'week' ? weekStartIndex(todayIndex) : Math.max(0, todayIndex - 3))}>
              Today
            </Button>
            {pageDays > 0 && (
              <Tooltip label={`On ${zoom === 'week' ? 'a week' : 'four weeks'}`}>
                <ActionIcon variant="default" aria-label="Later" onClick={() => gridRef.current?.scrollToDay((active?.day ?? focusIndex) + pageDays)}>
                  <IconChevronRight size={16} />
                </ActionIcon>
              </Tooltip>
            )}
          </Group>
        </Group>
        <Group gap="xs" wrap="nowrap">
          <Select
            aria-label="Show group"
            size="sm"
            w={150}
            allowDeselect={false}
            value={filter.group}
            onChange={(g) => setFilter((f) => ({ ...f, group: g ?? 'all' }))}
            data={[{ value: 'all', label: 'All groups' }, ...groups.map((g) => ({ value: String(g.id), label: g.name })), { value: 'none', label: 'No group' }]}
          />
          <TextInput
            aria-label="Find an athlete"
            size="sm"
            w={160}
            placeholder="Find an athlete"
            leftSection={<IconSearch size={14} />}
            value={filter.search}
            onChange={(e) => setFilter((f) => ({ ...f, search: e.currentTarget.value }))}
            onKeyDown={(e) => {
              if (e.key === 'Escape') setFilter((f) => ({ ...f, search: '' }));
              if (e.key === 'Enter') gridRef.current?.focus();
            }}
            rightSection={
              filter.search ? (
                <ActionIcon size="sm" variant="subtle" aria-label="Clear the search" onClick={() => setFilter((f) => ({ ...f, search: '' }))}>
                  <IconX size={12} />
                </ActionIcon>
              ) : null
            }
          />
          <Legend />
          <Button size="sm" variant="light" leftSection={<IconCalendarEvent size={16} />} onClick={() => void navigate('/plan')}>
            Plan
          </Button>
        </Group>
      </Group>

      {suggestions.length > 0 && (
        <Alert color="orange" variant="light" p={6} icon={<IconFirstAidKit size={18} />}>
          <Group gap="sm">
            <Text size="sm">
              Regressions suggested for {suggestions.length} injured athlete{suggestions.length === 1 ? '' : 's'}: {suggestionNames}.
            </Text>
            <Button size="compact-sm" color="orange" variant="light" onClick={() => setSuggestionsOpen(true)}>
              Review
            </Button>
          </Group>
        </Alert>
      )}
      {pageError && <Alert color="red" title="Part of the calendar could not be read">{pageError.message}</Alert>}
      {multi && selected ? (
        <BulkBar
          athletes={selected.athleteIds.length}
          days={selected.toDay - selected.fromDay + 1}
          templates={templates}
          busy={changes.busy}
          onApply={applyToSelection}
          onReset={resetSelection}
          onDismiss={() => setSelection(active ? { anchor: active, focus: active } : null, active)}
        />
      ) : (
        <Group gap={4} wrap="nowrap">
          <ActionIcon size="sm" variant="subtle" aria-label="Previous season" onClick={() => setSeasonShift((s) => s - 1)}>
            <IconChevronLeft size={14} />
          </ActionIcon>
          <Text size="xs" fw={600} style={{ whiteSpace: 'nowrap' }} data-testid="calendar-range">
            {seasonShift === 0 ? 'Season' : seasonShift < 0 ? 'Earlier season' : 'Later season'} {formatDateLong(rangeStart).slice(4)} – {formatDateLong(rangeEnd).slice(4)}
          </Text>
          <ActionIcon size="sm" variant="subtle" aria-label="Next season" onClick={() => setSeasonShift((s) => s + 1)}>
            <IconChevronRight size={14} />
          </ActionIcon>
          <Text size="xs" c="dimmed" truncate>
            · {athleteRows} athlete{athleteRows === 1 ? '' : 's'} · click a day to open it, drag to select days, click a group row to select its day · {shortcutLabel('mod+z')} undoes
          </Text>
        </Group>
      )}

      <div
        ref={areaRef}
        style={{ flex: 1, minHeight: 0 }}
        data-testid="calendar-area"
        data-ready={ready ? 'true' : 'false'}
        data-all-loaded={data.loadedPages === pages.length ? 'true' : 'false'}
      >
        {rows.length === 0 ? (
          <Paper withBorder p="xl">
            <EmptyState icon={<IconSearch size={28} />} title="Nobody matches" description="No athlete fits the group and name you chose.">
              <EmptyState.Actions>
                <Button variant="default" onClick={() => setFilter({ group: 'all', search: '' })}>
                  Show everyone
                </Button>
              </EmptyState.Actions>
            </EmptyState>
          </Paper>
        ) : (
          width > 0 &&
          height > 0 && (
            <CalendarGrid
              key={`${zoom}:${rangeStart}`}
              ref={gridRef}
              rows={rows}
              startDay={startDay}
              days={seasonDays}
              zoom={zoom}
              colWidth={colWidth}
              rowHeight={ROW_HEIGHT[zoom]}
              height={height}
              data={data}
              todayIndex={todayInRange ? todayIndex : -1}
              firstDayOfWeek={settings.firstDayOfWeek}
              events={events}
              blocks={data.blocks}
              selection={selection}
              active={active}
              initialDay={zoom === 'week' ? weekStartIndex(active?.day ?? focusIndex) : (active?.day ?? focusIndex)}
              onSelect={onSelect}
              onOpen={onOpen}
              onClearChanges={resetSelection}
              onEscape={() => setSelection(active ? { anchor: active, focus: active } : null, active)}
              onToggleGroup={onToggleGroup}
              onGroupColumn={onGroupColumn}
              describe={describe}
              warningAt={warningAt}
            />
          )
        )}
      </div>

      <DayDrawer
        target={detailTarget}
        templates={templates}
        unit={settings.unit}
        sessionOn={sessionOn}
        onClose={() => setDetail(null)}
        warning={
          detail && warningsQuery.data && warningAt(detail.athleteId, dayNumber(detail.date) - startDay) ? (
            <WarningSummary warning={(warningSpans.get(detail.athleteId) as { warning: AthleteWarning }).warning} caveats={warningsQuery.data.acwrCaveats} />
          ) : null
        }
      />
      <SuggestionsModal opened={suggestionsOpen} onClose={() => setSuggestionsOpen(false)} suggestions={suggestions} athletes={athleteById} />
    </Stack>
  );
}

/**
 * Keying the sheets back in, for a day and a group: one card per athlete shaped like their sheet,
 * pre-filled with it so only differences are typed. Keyboard first: Tab moves along an athlete,
 * Enter (Shift+Enter) jumps to the same box of the next (previous) athlete, Esc puts a box back.
 * Each box is checked as it is typed; a doubtful load asks first. An athlete is saved when the
 * coach leaves their card (and when leaving the screen), and each save can be undone.
 */
import { Alert, Loader, Paper, Stack, Text } from '@mantine/core';
import { useCallback, useMemo, useRef } from 'react';
import type { ResultsDay } from '@shared/contract/sheets';
import { formatDateLong, localToday } from '@shared/dates';
import type { AthleteSheet } from '@shared/sheets/sheet';
import type { MassUnit } from '@shared/units';
import { call } from '@renderer/api/client';
import { useApiQuery } from '@renderer/api/hooks';
import { LeaveGuard } from '@renderer/app/drafts/LeaveGuard';
import { useRowDrafts } from '@renderer/app/drafts/useRowDrafts';
import { useUndo } from '@renderer/app/undo';
import { baseDraft, draftProblem, draftToResults, sameDraft, type EntryDraft } from './entryModel';
import { ResultCard } from './ResultCard';
import { DayChoiceBar, useDayChoice } from './selection';

export function ResultsTab() {
  const groups = useApiQuery('groups.list', {});
  const athletes = useApiQuery('athletes.list', { status: 'active' });
  const settings = useApiQuery('settings.get', {});
  const { choice, setDate, setWho } = useDayChoice(groups.data ?? []);
  const ready = choice.groupId !== null || choice.athleteIds.length > 0;
  const input = { date: choice.date, groupId: choice.groupId, athleteIds: choice.groupId === null ? choice.athleteIds : [] };
  const day = useApiQuery('results.day', input, { enabled: ready });
  const future = choice.date > localToday();
  const unit = settings.data?.unit ?? 'kg';

  return (
    <Stack gap="sm">
      <Paper withBorder p="sm">
        <Stack gap={6}>
          <DayChoiceBar choice={choice} groups={groups.data ?? []} athletes={athletes.data ?? []} setDate={setDate} setWho={setWho} />
          <Text size="xs" c="dimmed">
            Pre-filled with the sheet: type only what was different. Tab moves on, Enter goes to the same box for the next athlete (Shift+Enter: back), Esc puts a box back. Loads in {unit}. Each
            athlete is saved when you leave them; Ctrl+Z undoes.
          </Text>
        </Stack>
      </Paper>
      {!ready && <Alert color="gray">Choose a group, or some athletes, to enter their results.</Alert>}
      {future && <Alert color="yellow">{formatDateLong(choice.date)} has not happened yet: results are entered on the day or after.</Alert>}
      {day.isPending && ready && <Loader size="sm" />}
      {day.isError && <Alert color="red">{day.error.message}</Alert>}
      {day.data && day.data.sheet.sheets.length === 0 && (
        <Alert color="gray" title={`Nothing planned for ${day.data.sheet.title} on ${formatDateLong(choice.date)}`}>
          No strength session and no run that day, so there is nothing to enter. Choose another day or group.
        </Alert>
      )}
      {day.data && day.data.sheet.sheets.length > 0 && !future && (
        <EntryList key={`${choice.date}:${choice.groupId}:${choice.athleteIds.join(',')}`} day={day.data} fetchedAt={day.dataUpdatedAt} unit={unit} />
      )}
    </Stack>
  );
}

const nothingSaved = (sheet: AthleteSheet): ResultsDay['results'][number] => ({ athleteId: sheet.athlete.id, date: sheet.date, strength: null, run: null, wellness: null });

function EntryList({ day, fetchedAt, unit }: { day: ResultsDay; fetchedAt: number; unit: MassUnit }) {
  const undo = useUndo();
  const sheets = day.sheet.sheets;
  const sheetOf = useMemo(() => new Map(sheets.map((s) => [s.athlete.id, s])), [sheets]);
  const bases = useMemo(() => new Map(sheets.map((s, i) => [s.athlete.id, baseDraft(s, day.results[i] ?? nothingSaved(s), unit)])), [sheets, day.results, unit]);
  const label = useCallback((athleteId: number) => sheetOf.get(athleteId)?.athlete.name ?? 'An athlete', [sheetOf]);
  const problem = useCallback((athleteId: number, draft: EntryDraft) => {
    const sheet = sheetOf.get(athleteId);
    return sheet ? draftProblem(draft, sheet, unit) : null;
  }, [sheetOf, unit]);
  const save = useCallback(
    async (athleteId: number, draft: EntryDraft) => {
      const sheet = sheetOf.get(athleteId);
      if (!sheet) throw new Error(`No sheet for athlete ${athleteId}`);
      const outcome = await call('results.save', draftToResults(draft, sheet, unit));
      undo.record(`Saved ${sheet.athlete.name}'s results for ${formatDateLong(sheet.date)}`, () => call('results.save', outcome.previous), { quiet: true });
      return baseDraft(sheet, outcome.saved, unit);
    },
    [sheetOf, unit, undo],
  );
  const drafts = useRowDrafts({ bases, fetchedAt, same: sameDraft, problem, save, label });

  const inputs = useRef(new Map<string, HTMLElement>());
  const register = useCallback((key: string, el: HTMLElement | null) => {
    if (el) inputs.current.set(key, el);
    else inputs.current.delete(key);
  }, []);

  /** The same box in the next (or previous) athlete's card that has it. */
  const moveVertically = useCallback(
    (index: number, field: string, direction: 1 | -1) => {
      for (let i = index + direction; i >= 0 && i < sheets.length; i += direction) {
        const el = inputs.current.get(`${i}|${field}`);
        if (el) {
          el.focus();
          if (el instanceof HTMLInputElement) el.select();
          return;
        }
      }
    },
    [sheets.length],
  );

  const entered = sheets.filter((s, i) => {
    const r = day.results[i];
    return r && (r.strength || r.run || r.wellness);
  }).length;

  return (
    <Stack gap="xs">
      <Text size="sm" c="dimmed" data-testid="entry-count">
        {entered} of {sheets.length} athletes entered for {day.sheet.title}, {formatDateLong(day.sheet.date)}.
      </Text>
      {sheets.map((sheet, index) => {
        const view = drafts.rows.get(sheet.athlete.id);
        return (
          view && (
            <ResultCard
              key={sheet.athlete.id}
              index={index}
              sheet={sheet}
              unit={unit}
              view={view}
              edit={drafts.edit}
              save={drafts.save}
              register={register}
              moveVertically={moveVertically}
            />
          )
        );
      })}
      <LeaveGuard unsaved={drafts.unsaved} />
    </Stack>
  );
}

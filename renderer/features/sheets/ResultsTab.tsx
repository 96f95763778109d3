/**
 * Keying the sheets back in, for a day and a group: one card per athlete shaped like their sheet,
 * pre-filled with it so only differences are typed. Keyboard first: Tab moves along an athlete,
 * Enter (Shift+Enter) jumps to the same box of the next (previous) athlete, Esc puts a box back.
 * Each box is checked as it is typed; a doubtful load asks first. An athlete is saved when the
 * coach leaves their card (and when leaving the screen), and each save can be undone.
 */
import { Alert, Badge, Group, Loader, Paper, Stack, Text, Tooltip } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { IconAlertTriangle, IconCheck, IconLoader2 } from '@tabler/icons-react';
import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { ResultsDay } from '@shared/contract/sheets';
import { formatDateLong, localToday } from '@shared/dates';
import { RUN_TYPE_LABELS } from '@shared/plan/model';
import { loadText } from '@shared/sheets/loads';
import type { FieldCheck } from '@shared/sheets/results';
import type { AthleteSheet } from '@shared/sheets/sheet';
import { WELLNESS_WORDS, type WellnessItemKey } from '@shared/sheets/words';
import type { MassUnit } from '@shared/units';
import { ApiError, call } from '@renderer/api/client';
import { useApiQuery } from '@renderer/api/hooks';
import { useUndo } from '@renderer/app/undo';
import { baseDraft, draftChecks, draftToResults, sameDraft, setKey, withAutoStatus, type EntryDraft } from './entryModel';
import { DayChoiceBar, useDayChoice } from './selection';

type CardStatus = { state: 'saving' } | { state: 'saved' } | { state: 'error'; message: string };

export function ResultsTab() {
  const groups = useApiQuery('groups.list', {});
  const athletes = useApiQuery('athletes.list', { status: 'active' });
  const settings = useApiQuery('settings.get', {});
  const { choice, setDate, setWho } = useDayChoice(groups.data ?? []);
  const ready = choice.groupId !== null || choice.athleteIds.length > 0;
  const input = { date: choice.date, groupId: choice.groupId, athleteIds: choice.groupId === null ? choice.athleteIds : [] };
  const day = useApiQuery('results.day', input, { enabled: ready, staleTime: Infinity });
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
      {day.data && day.data.sheet.sheets.length > 0 && !future && <EntryList key={`${choice.date}:${choice.groupId}:${choice.athleteIds.join(',')}`} day={day.data} unit={unit} queryInput={input} />}
    </Stack>
  );
}

function EntryList({ day, unit, queryInput }: { day: ResultsDay; unit: MassUnit; queryInput: unknown }) {
  const undo = useUndo();
  const queryClient = useQueryClient();
  const sheets = day.sheet.sheets;
  const bases = useMemo(() => new Map(sheets.map((s, i) => [s.athlete.id, baseDraft(s, day.results[i] ?? { athleteId: s.athlete.id, date: s.date, strength: null, run: null, wellness: null }, unit)])), [sheets, day.results, unit]);
  const [drafts, setDrafts] = useState<Map<number, EntryDraft>>(new Map());
  const [statuses, setStatuses] = useState<Map<number, CardStatus>>(new Map());
  const draftsRef = useRef(drafts);
  const basesRef = useRef(bases);
  useLayoutEffect(() => {
    draftsRef.current = drafts;
    basesRef.current = bases;
  });
  const inputs = useRef(new Map<string, HTMLElement>());
  const inFlight = useRef(new Map<number, EntryDraft>());
  const sheetOf = useMemo(() => new Map(sheets.map((s) => [s.athlete.id, s])), [sheets]);

  const setStatus = useCallback((athleteId: number, status: CardStatus | null) => {
    setStatuses((prev) => {
      const next = new Map(prev);
      if (status) next.set(athleteId, status);
      else next.delete(athleteId);
      return next;
    });
  }, []);

  /** Put what main stored into the cached day, so the card shows it as saved. */
  const applySaved = useCallback(
    (athleteId: number, saved: ResultsDay['results'][number]) => {
      queryClient.setQueryData<ResultsDay>(['results.day', queryInput], (old) => (old ? { ...old, results: old.results.map((r) => (r.athleteId === athleteId ? saved : r)) } : old));
    },
    [queryClient, queryInput],
  );

  const saveCard = useCallback(
    async (athleteId: number) => {
      const typed = draftsRef.current.get(athleteId);
      const base = basesRef.current.get(athleteId);
      const sheet = sheetOf.get(athleteId);
      if (!typed || !base || !sheet) return;
      if (sameDraft(typed, base)) {
        setDrafts((prev) => {
          const next = new Map(prev);
          next.delete(athleteId);
          return next;
        });
        return;
      }
      const checks = Object.values(draftChecks(typed, sheet, unit));
      const refused = checks.find((c) => c.state === 'error');
      const asked = checks.find((c) => c.state === 'ask');
      if (refused || asked) {
        setStatus(athleteId, { state: 'error', message: `Not saved: ${refused && refused.state === 'error' ? refused.message : asked && asked.state === 'ask' ? `${asked.message} Confirm or correct it.` : ''}` });
        return;
      }
      setStatus(athleteId, { state: 'saving' });
      inFlight.current.set(athleteId, typed);
      try {
        const outcome = await call('results.save', draftToResults(typed, sheet, unit));
        applySaved(athleteId, outcome.saved);
        // The card's base is what was saved from now on, before the next render recomputes it: a
        // box changed in between starts from the saved day, not from the day before the save
        // (which a later save would then write back over it).
        basesRef.current = new Map(basesRef.current).set(athleteId, baseDraft(sheet, outcome.saved, unit));
        setDrafts((prev) => {
          if (prev.get(athleteId) !== typed) return prev;
          const next = new Map(prev);
          next.delete(athleteId);
          return next;
        });
        setStatus(athleteId, { state: 'saved' });
        undo.record(`Saved ${sheet.athlete.name}'s results for ${formatDateLong(sheet.date)}`, () => call('results.save', outcome.previous), { quiet: true });
      } catch (error) {
        setStatus(athleteId, { state: 'error', message: error instanceof ApiError ? `Not saved: ${error.message}` : 'Not saved: Backchain did not answer.' });
      } finally {
        if (inFlight.current.get(athleteId) === typed) inFlight.current.delete(athleteId);
      }
    },
    [sheetOf, unit, setStatus, applySaved, undo],
  );

  // Leaving the screen saves every card that can be saved.
  useEffect(() => {
    const saving = inFlight.current;
    return () => {
      for (const [athleteId, typed] of draftsRef.current) {
        const sheet = sheetOf.get(athleteId);
        const base = basesRef.current.get(athleteId);
        if (!sheet || !base || saving.get(athleteId) === typed || sameDraft(typed, base)) continue;
        if (Object.keys(draftChecks(typed, sheet, unit)).length > 0) continue;
        void call('results.save', draftToResults(typed, sheet, unit))
          .then((outcome) => {
            undo.record(`Saved ${sheet.athlete.name}'s results for ${formatDateLong(sheet.date)}`, () => call('results.save', outcome.previous), { quiet: true });
          })
          .catch(() => undefined);
      }
    };
    // Only on leaving this day and selection (the list is keyed by them).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const updateDraft = useCallback((athleteId: number, change: (d: EntryDraft) => EntryDraft) => {
    setDrafts((prev) => {
      const current = prev.get(athleteId) ?? basesRef.current.get(athleteId);
      if (!current) return prev;
      const next = new Map(prev);
      next.set(athleteId, change(current));
      return next;
    });
    setStatuses((prev) => {
      if (!prev.has(athleteId)) return prev;
      const next = new Map(prev);
      next.delete(athleteId);
      return next;
    });
  }, []);

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
      {sheets.map((sheet, index) => (
        <EntryCard
          key={sheet.athlete.id}
          index={index}
          sheet={sheet}
          unit={unit}
          draft={drafts.get(sheet.athlete.id) ?? (bases.get(sheet.athlete.id) as EntryDraft)}
          base={bases.get(sheet.athlete.id) as EntryDraft}
          dirty={drafts.has(sheet.athlete.id)}
          status={statuses.get(sheet.athlete.id) ?? null}
          updateDraft={updateDraft}
          saveCard={saveCard}
          register={register}
          moveVertically={moveVertically}
        />
      ))}
    </Stack>
  );
}

interface EntryCardProps {
  index: number;
  sheet: AthleteSheet;
  unit: MassUnit;
  draft: EntryDraft;
  base: EntryDraft;
  dirty: boolean;
  status: CardStatus | null;
  updateDraft(athleteId: number, change: (d: EntryDraft) => EntryDraft): void;
  saveCard(athleteId: number): Promise<void>;
  register(key: string, el: HTMLElement | null): void;
  moveVertically(index: number, field: string, direction: 1 | -1): void;
}

const WELLNESS_BOXES: WellnessItemKey[] = ['sleepQuality', 'muscleSoreness', 'fatigue', 'stress', 'mood'];

/** A draft with one box of one set changed. */
function writeSet(d: EntryDraft, key: string, change: Partial<EntryDraft['sets'][string]>): EntryDraft {
  return { ...d, sets: { ...d.sets, [key]: { ...(d.sets[key] ?? { dose: '', load: '' }), ...change } } };
}

const EntryCard = memo(function EntryCard(props: EntryCardProps) {
  const { index, sheet, unit, draft, base, dirty, status, updateDraft, saveCard, register, moveVertically } = props;
  const id = sheet.athlete.id;
  const name = sheet.athlete.name;
  const checks = draftChecks(draft, sheet, unit);
  const missed = draft.status === 'missed';
  const runMissed = draft.runStatus === 'missed';

  function keys(field: string, revert: () => void) {
    return (e: KeyboardEvent<HTMLElement>) => {
      if (e.key === 'Enter') {
        e.preventDefault();
        moveVertically(index, field, e.shiftKey ? -1 : 1);
      } else if (e.key === 'Escape') {
        e.preventDefault();
        e.stopPropagation();
        revert();
      }
    };
  }

  /** A text box: its check under it, Enter/Esc as above. */
  function box(
    field: string,
    label: string,
    value: string,
    /** Writes a value of this box into a draft (the typed one, or the saved one on Esc). */
    write: (d: EntryDraft, v: string) => EntryDraft,
    saved: string,
    options: { width?: number; disabled?: boolean; placeholder?: string; touched: 'strength' | 'run' | 'wellness'; unit?: string; after?: ReactNode },
  ) {
    // Boxes still showing the sheet (nothing entered for that part yet) are grey until the coach confirms or types.
    const prefill = (options.touched === 'strength' && draft.status === '') || (options.touched === 'run' && draft.runStatus === '');
    const check: FieldCheck<number> | undefined = checks[field];
    return (
      <div className={`entry-box${check?.state === 'error' ? ' entry-bad' : check?.state === 'ask' ? ' entry-ask' : ''}`}>
        <div className="entry-box-row">
          <input
            ref={(el) => register(`${index}|${field}`, el)}
            className={`entry-input${prefill ? ' entry-prefill' : ''}`}
            style={options.width ? { width: options.width } : undefined}
            aria-label={`${name}, ${label}`}
            aria-invalid={check?.state === 'error' ? true : undefined}
            inputMode="decimal"
            autoComplete="off"
            disabled={options.disabled}
            placeholder={options.placeholder}
            value={value}
            onChange={(e) => {
              const v = e.currentTarget.value;
              updateDraft(id, (d) => withAutoStatus(write(d, v), sheet, options.touched));
            }}
            onKeyDown={keys(field, () => updateDraft(id, (d) => write(d, saved)))}
          />
          {options.unit && <span className="entry-unit">{options.unit}</span>}
        </div>
        {/* A set's message sits under its box; the header's go in one line under the header (the layout stays put). */}
        {field.startsWith('set:') && check && check.state !== 'empty' && check.state !== 'ok' && (
          <div className={check.state === 'error' ? 'entry-problem' : 'entry-question'} role={check.state === 'error' ? 'alert' : undefined}>
            {check.message}
          </div>
        )}
        {options.after}
      </div>
    );
  }

  const runLabel = sheet.run ? `${RUN_TYPE_LABELS[sheet.run.type]} ${sheet.run.minutes} min @ RPE ${sheet.run.rpe}` : '';

  return (
    <div
      className={`entry-card${dirty ? ' entry-dirty' : ''}`}
      data-testid={`entry-card-${id}`}
      onBlur={(e) => {
        // Leaving the card (not moving inside it) saves it.
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) void saveCard(id);
      }}
    >
      <div className="entry-head">
        <div className="entry-name">
          <Text fw={700} size="sm">
            {sheet.athlete.familyName}, {sheet.athlete.givenName}
          </Text>
          <Text size="xs" c="dimmed" truncate>
            {sheet.session ? sheet.session.name : 'No strength session'}
            {sheet.isDeload ? ' · deload' : ''}
          </Text>
          {sheet.run && (
            <Text size="xs" c="dimmed" truncate>
              {runLabel}
            </Text>
          )}
          {sheet.athlete.injured && (
            <Badge size="xs" color="orange" variant="light">
              injured / modified
            </Badge>
          )}
        </div>
        {sheet.session && (
          <>
            <div className="entry-field">
              <span>Session</span>
              <select
                ref={(el) => register(`${index}|status`, el)}
                className="entry-select"
                aria-label={`${name}, strength session`}
                value={draft.status}
                onChange={(e) => {
                  const v = e.currentTarget.value as EntryDraft['status'];
                  updateDraft(id, (d) => ({ ...d, status: v }));
                }}
                onKeyDown={keys('status', () => updateDraft(id, (d) => ({ ...d, status: base.status })))}
              >
                <option value="">not entered</option>
                <option value="done">done</option>
                <option value="modified">modified</option>
                <option value="missed">missed</option>
              </select>
            </div>
            <div className="entry-field">
              <span>RPE</span>
              {box('rpe', 'session RPE (0-10)', draft.rpe, (d, v) => ({ ...d, rpe: v }), base.rpe, { width: 52, disabled: missed, placeholder: String(sheet.session.targetRpe), touched: 'strength' })}
            </div>
            <div className="entry-field">
              <span>Minutes</span>
              {box('minutes', 'minutes', draft.minutes, (d, v) => ({ ...d, minutes: v }), base.minutes, { width: 60, disabled: missed, placeholder: String(sheet.session.plannedMinutes), touched: 'strength' })}
            </div>
          </>
        )}
        <div className="entry-wellness">
          {WELLNESS_BOXES.map((item) => (
            <div key={item} className="entry-field" title={`${WELLNESS_WORDS[item].label}: 1 = ${WELLNESS_WORDS[item].worst}, 5 = ${WELLNESS_WORDS[item].best}`}>
              <span>{WELLNESS_WORDS[item].short}</span>
              {box(item, `${WELLNESS_WORDS[item].label} (1-5)`, draft.wellness[item], (d, v) => ({ ...d, wellness: { ...d.wellness, [item]: v } }), base.wellness[item], { width: 36, touched: 'wellness' })}
            </div>
          ))}
          <div className="entry-field">
            <span>Hamstrings</span>
            <select
              ref={(el) => register(`${index}|hamstring`, el)}
              className="entry-select"
              aria-label={`${name}, hamstrings tight`}
              value={draft.hamstring}
              onChange={(e) => {
                const v = e.currentTarget.value as EntryDraft['hamstring'];
                updateDraft(id, (d) => ({ ...d, hamstring: v }));
              }}
              onKeyDown={keys('hamstring', () => updateDraft(id, (d) => ({ ...d, hamstring: base.hamstring })))}
            >
              <option value="">–</option>
              <option value="no">not tight</option>
              <option value="yes">tight</option>
            </select>
          </div>
        </div>
        {sheet.run && (
          <div className="entry-run">
            <div className="entry-field">
              <span title={runLabel}>Run</span>
              <select
                ref={(el) => register(`${index}|runStatus`, el)}
                className="entry-select"
                aria-label={`${name}, run (${runLabel})`}
                value={draft.runStatus}
                onChange={(e) => {
                  const v = e.currentTarget.value as EntryDraft['runStatus'];
                  updateDraft(id, (d) => ({ ...d, runStatus: v }));
                }}
                onKeyDown={keys('runStatus', () => updateDraft(id, (d) => ({ ...d, runStatus: base.runStatus })))}
              >
                <option value="">not entered</option>
                <option value="done">done</option>
                <option value="missed">missed</option>
              </select>
            </div>
            <div className="entry-field">
              <span>Min</span>
              {box('runMinutes', 'run minutes', draft.runMinutes, (d, v) => ({ ...d, runMinutes: v }), base.runMinutes, { width: 52, disabled: runMissed, touched: 'run' })}
            </div>
            <div className="entry-field">
              <span>RPE</span>
              {box('runRpe', 'run RPE (0-10)', draft.runRpe, (d, v) => ({ ...d, runRpe: v }), base.runRpe, { width: 44, disabled: runMissed, placeholder: String(sheet.run.rpe), touched: 'run' })}
            </div>
          </div>
        )}
        <div className="entry-state">
          <CardState status={status} dirty={dirty} />
        </div>
      </div>
      {Object.entries(checks).some(([key, c]) => !key.startsWith('set:') && c.state === 'error') && (
        <div className="entry-messages" role="alert">
          {Object.entries(checks)
            .filter(([key, c]) => !key.startsWith('set:') && c.state === 'error')
            .map(([key, c]) => (
              <span key={key}>{c.state === 'error' ? c.message : ''}</span>
            ))}
        </div>
      )}
      {sheet.session && !missed && (
        <table className="entry-lines">
          <tbody>
            {sheet.lines.map((line) => (
              <tr key={line.position}>
                <th scope="row">
                  <div className="entry-exercise">{line.exerciseName}</div>
                  <div className="entry-planned">
                    {line.volume}
                    {line.load.kind === 'load' ? ` @ ${loadText(line.load)}` : line.load.kind === 'choose' ? ' · choose a starting load' : line.load.kind === 'effort' ? ` · ${line.load.text}` : ''}
                    {line.changeNote ? ` · ${line.changeNote}` : ''}
                  </div>
                </th>
                <td>
                  <div className="entry-sets">
                    {Array.from({ length: line.sets }, (_, i) => {
                      const key = setKey(line.position, i + 1);
                      const set = draft.sets[key] ?? { dose: '', load: '' };
                      const saved = base.sets[key] ?? { dose: '', load: '' };
                      const loadCheck = checks[`set:${key}:load`];
                      const unitLabel = line.doseUnit === 'reps' ? 'reps' : line.doseUnit === 'seconds' ? 's' : line.doseUnit === 'metres' ? 'm' : 'contacts';
                      return (
                        <div key={key} className="entry-set">
                          <span className="entry-set-n">{i + 1}</span>
                          {box(`set:${key}:dose`, `${line.exerciseName}, set ${i + 1}, ${unitLabel}`, set.dose, (d, v) => writeSet(d, key, { dose: v }), saved.dose, { width: 42, touched: 'strength', unit: unitLabel })}
                          {line.loaded &&
                            box(`set:${key}:load`, `${line.exerciseName}, set ${i + 1}, load in ${unit}`, set.load, (d, v) => writeSet(d, key, { load: v }), saved.load, {
                              width: 58,
                              touched: 'strength',
                              placeholder: unit,
                              unit,
                              after:
                                loadCheck?.state === 'ask' ? (
                                  <button type="button" className="entry-confirm" onClick={() => updateDraft(id, (d) => ({ ...d, confirmed: { ...d.confirmed, [key]: set.load.trim() } }))}>
                                    Yes, {set.load.trim()} {unit}
                                  </button>
                                ) : null,
                            })}
                        </div>
                      );
                    })}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
});

function CardState({ status, dirty }: { status: CardStatus | null; dirty: boolean }) {
  if (status?.state === 'saving') return <IconLoader2 size={16} className="spin" aria-label="Saving" />;
  if (status?.state === 'error') {
    return (
      <Tooltip label={status.message} multiline w={300}>
        <Group gap={4} wrap="nowrap" c="red" className="entry-not-saved">
          <IconAlertTriangle size={16} />
          <Text size="xs" c="red" lineClamp={2}>
            {status.message}
          </Text>
        </Group>
      </Tooltip>
    );
  }
  if (status?.state === 'saved') {
    return (
      <Group gap={4} wrap="nowrap" c="teal.7">
        <IconCheck size={16} aria-label="Saved" />
        <Text size="xs">saved</Text>
      </Group>
    );
  }
  if (dirty)
    return (
      <Text size="xs" c="dimmed">
        editing
      </Text>
    );
  return null;
}

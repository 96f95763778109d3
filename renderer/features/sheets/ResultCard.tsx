/**
 * One athlete's card on the result-entry screen: the session, wellness and run boxes in a header
 * line, then a box per set of each line of their sheet. Each box is checked as it is typed (the
 * message under a set's box, the header's in one line under the header); Enter (Shift+Enter) goes
 * to the same box of the next (previous) card, Esc puts a box back to what is saved.
 */
import { Badge, Text } from '@mantine/core';
import { memo, type KeyboardEvent, type ReactNode } from 'react';
import { RUN_TYPE_LABELS } from '@shared/plan/model';
import { loadText } from '@shared/sheets/loads';
import type { FieldCheck } from '@shared/sheets/results';
import type { AthleteSheet } from '@shared/sheets/sheet';
import { WELLNESS_WORDS, type WellnessItemKey } from '@shared/sheets/words';
import type { MassUnit } from '@shared/units';
import type { RowView } from '@renderer/app/drafts/rowDrafts';
import { SaveStateMark } from '@renderer/app/drafts/SaveStateMark';
import { draftChecks, setKey, withAutoStatus, type EntryDraft } from './entryModel';

interface ResultCardProps {
  index: number;
  sheet: AthleteSheet;
  unit: MassUnit;
  /** The card as typed over what is saved (from the drafts hook). */
  view: RowView<EntryDraft>;
  edit(athleteId: number, change: (d: EntryDraft) => EntryDraft): void;
  save(athleteId: number): Promise<void>;
  register(key: string, el: HTMLElement | null): void;
  moveVertically(index: number, field: string, direction: 1 | -1): void;
}

const WELLNESS_BOXES: WellnessItemKey[] = ['sleepQuality', 'muscleSoreness', 'fatigue', 'stress', 'mood'];

/** A draft with one box of one set changed. */
function writeSet(d: EntryDraft, key: string, change: Partial<EntryDraft['sets'][string]>): EntryDraft {
  return { ...d, sets: { ...d.sets, [key]: { ...(d.sets[key] ?? { dose: '', load: '' }), ...change } } };
}

/** One athlete's card: shaped like their sheet, pre-filled with it (or with what is saved). */
export const ResultCard = memo(function ResultCard(props: ResultCardProps) {
  const { index, sheet, unit, view, edit: updateDraft, save, register, moveVertically } = props;
  const { draft, base, dirty, state } = view;
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

  /** A chooser (session, hamstrings, run): Enter/Esc as the boxes. */
  function chooser<F extends 'status' | 'hamstring' | 'runStatus'>(field: F, label: string, options: [EntryDraft[F], string][]) {
    return (
      <select
        ref={(el) => register(`${index}|${field}`, el)}
        className="entry-select"
        aria-label={`${name}, ${label}`}
        value={draft[field]}
        onChange={(e) => {
          const v = e.currentTarget.value as EntryDraft[F];
          updateDraft(id, (d) => ({ ...d, [field]: v }));
        }}
        onKeyDown={keys(field, () => updateDraft(id, (d) => ({ ...d, [field]: base[field] })))}
      >
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    );
  }

  const runLabel = sheet.run ? `${RUN_TYPE_LABELS[sheet.run.type]} ${sheet.run.minutes} min @ RPE ${sheet.run.rpe}` : '';

  return (
    <div
      className={`entry-card${dirty ? ' entry-dirty' : ''}`}
      data-testid={`entry-card-${id}`}
      onBlur={(e) => {
        // Leaving the card (not moving inside it) saves it.
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) void save(id);
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
              {chooser('status', 'strength session', [
                ['', 'not entered'],
                ['done', 'done'],
                ['modified', 'modified'],
                ['missed', 'missed'],
              ])}
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
            {chooser('hamstring', 'hamstrings tight', [
              ['', '–'],
              ['no', 'not tight'],
              ['yes', 'tight'],
            ])}
          </div>
        </div>
        {sheet.run && (
          <div className="entry-run">
            <div className="entry-field">
              <span title={runLabel}>Run</span>
              {chooser('runStatus', `run (${runLabel})`, [
                ['', 'not entered'],
                ['done', 'done'],
                ['missed', 'missed'],
              ])}
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
          <SaveStateMark state={state} />
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

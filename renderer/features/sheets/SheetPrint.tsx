/**
 * The printed session sheets, as paper: one page per athlete (A4 or US Letter, portrait), or one
 * clipboard table for the group (landscape). Plain HTML in millimetres and points, black on white
 * (grey at most), so the preview, the browser's print and the desktop's PDF are the same pages.
 * Rows never split across pages.
 */
import { formatDateLong } from '@shared/dates';
import type { PaperSize, SheetLayout } from '@shared/contract/sheets';
import { PHASE_INFO, RUN_TYPE_LABELS, type DoseUnit } from '@shared/plan/model';
import { loadText, type SheetLoad } from '@shared/sheets/loads';
import { restText, type AthleteSheet, type SheetDay, type SheetLine } from '@shared/sheets/sheet';
import { CR10_WORDS, SESSION_RPE_QUESTION, WELLNESS_WORDS } from '@shared/sheets/words';
import type { MassUnit } from '@shared/units';
import './sheets.css';

const BOX_LABEL: Record<DoseUnit, string> = { reps: 'reps', seconds: 's', metres: 'm', contacts: 'cont.' };

function SetBoxes({ line, unit }: { line: SheetLine; unit: MassUnit }) {
  return (
    <div className="sheet-boxes">
      {Array.from({ length: line.sets }, (_, i) => (
        <div key={i} className="sheet-box">
          <span className="sheet-box-n">{i + 1}</span>
          <span className="sheet-box-cell">{BOX_LABEL[line.doseUnit]}</span>
          {line.loaded && <span className="sheet-box-cell">{unit}</span>}
        </div>
      ))}
    </div>
  );
}

function LoadCell({ load }: { load: SheetLoad }) {
  if (load.kind === 'load') {
    return (
      <>
        <div className="sheet-load">{loadText(load)}</div>
        <div className="sheet-small">{load.how}</div>
        <div className="sheet-small">{load.source}</div>
        {load.note && <div className="sheet-small sheet-note">{load.note}</div>}
      </>
    );
  }
  if (load.kind === 'choose') return <div className="sheet-choose">{load.text}</div>;
  if (load.kind === 'effort') return <div className="sheet-effort">{load.text}</div>;
  return <div className="sheet-small">no load</div>;
}

function dayLine(sheet: AthleteSheet): string {
  const parts = [sheet.athlete.groupName ?? 'No group'];
  if (sheet.block) parts.push(`${sheet.block.name}`, `week ${sheet.block.week} of ${sheet.block.weeks}`, PHASE_INFO[sheet.block.phase].label);
  else parts.push('no block');
  return parts.join(' · ');
}

export function IndividualSheet({ sheet, unit, squadName, paper }: { sheet: AthleteSheet; unit: MassUnit; squadName: string; paper: PaperSize }) {
  const s = sheet.session;
  return (
    <section className={`sheet-page sheet-individual paper-${paper}`} aria-label={`Session sheet: ${sheet.athlete.name}`} data-athlete-id={sheet.athlete.id}>
      <header className="sheet-header">
        <div>
          <h1 className="sheet-name">{sheet.athlete.name}</h1>
          <div className="sheet-meta">{dayLine(sheet)}</div>
        </div>
        <div className="sheet-date">
          <div>{formatDateLong(sheet.date)}</div>
          <div className={sheet.isDeload ? 'sheet-deload' : 'sheet-meta'}>{sheet.isDeload ? 'DELOAD WEEK: lighter, fewer sets' : 'Not a deload week'}</div>
        </div>
      </header>
      {sheet.athlete.injured && (
        <div className="sheet-flag">
          Injured / modified{sheet.athlete.injuryNotes ? `: ${sheet.athlete.injuryNotes}` : ''}. Regressions replace exercises below where the plan has them.
        </div>
      )}
      {sheet.events.length > 0 && <div className="sheet-flag">{sheet.events.map((e) => `${e.kind === 'race' ? 'Race' : 'Test day'}: ${e.name}`).join(' · ')}</div>}
      {sheet.note && <div className="sheet-flag">Note: {sheet.note}</div>}

      {s ? (
        <>
          <div className="sheet-session">
            <strong>{s.name}</strong> · about {s.plannedMinutes} min · target session RPE {s.targetRpe}
            {s.state === 'moved_in' ? ' · moved to today' : s.state === 'replaced' ? ' · changed for this athlete' : ''}
          </div>
          <table className="sheet-table">
            <colgroup>
              <col className="col-n" />
              <col className="col-exercise" />
              <col className="col-volume" />
              <col className="col-load" />
              <col className="col-tempo" />
              <col className="col-rest" />
              <col className="col-done" />
            </colgroup>
            <thead>
              <tr>
                <th>#</th>
                <th>Exercise and cues</th>
                <th>Sets x reps</th>
                <th>Load ({unit})</th>
                <th>Tempo</th>
                <th>Rest</th>
                <th>Done: each set</th>
              </tr>
            </thead>
            <tbody>
              {sheet.lines.map((line) => (
                <tr key={line.position}>
                  <td className="sheet-num">{line.position}</td>
                  <td>
                    <div className="sheet-exercise">{line.exerciseName}</div>
                    {line.changeNote && <div className="sheet-change">{line.changeNote}</div>}
                    <ul className="sheet-cues">
                      {line.cues.map((c) => (
                        <li key={c}>{c}</li>
                      ))}
                    </ul>
                    {line.notes && <div className="sheet-small">{line.notes}</div>}
                  </td>
                  <td className="sheet-volume">{line.volume}</td>
                  <td>
                    <LoadCell load={line.load} />
                  </td>
                  <td className="sheet-tempo">{line.tempo || '–'}</td>
                  <td className="sheet-rest">{restText(line.restSeconds) || '–'}</td>
                  <td>
                    <SetBoxes line={line} unit={unit} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="sheet-after">
            <div className="sheet-rpe">
              <div className="sheet-field">
                <span>Session RPE</span>
                <span className="sheet-write" />
                <span>Minutes</span>
                <span className="sheet-write" />
                <span className="sheet-check">☐ done ☐ modified ☐ missed</span>
              </div>
              <div className="sheet-small">{SESSION_RPE_QUESTION}: CR-10</div>
              <div className="sheet-scale">
                {CR10_WORDS.map((w) => (
                  <span key={w.rating}>
                    <b>{w.rating}</b> {w.words}
                  </span>
                ))}
              </div>
            </div>
          </div>
        </>
      ) : (
        <div className="sheet-session">No strength session today{sheet.run ? ': the run only.' : '.'}</div>
      )}

      <div className="sheet-wellness">
        <div className="sheet-subtitle">Wellness check: circle one</div>
        <WellnessLine label={WELLNESS_WORDS.sleepQuality.label} worst={WELLNESS_WORDS.sleepQuality.worst} best={WELLNESS_WORDS.sleepQuality.best} />
        <WellnessLine label="Muscle soreness" worst={WELLNESS_WORDS.muscleSoreness.worst} best={WELLNESS_WORDS.muscleSoreness.best} />
        <div className="sheet-wellness-line">
          <span className="sheet-wellness-label">Hamstrings tight?</span>
          <span />
          <span className="sheet-circles">
            <span>yes</span>
            <span>no</span>
          </span>
        </div>
      </div>
      <div className="sheet-run">
        {sheet.run ? (
          <div className="sheet-field">
            <span>
              Run: {RUN_TYPE_LABELS[sheet.run.type]}, {sheet.run.minutes} min, target RPE {sheet.run.rpe}
              {sheet.run.state === 'changed' ? ' (changed for this athlete)' : ''}
            </span>
            <span className="sheet-check">☐ done ☐ missed</span>
            <span>Minutes</span>
            <span className="sheet-write" />
            <span>RPE</span>
            <span className="sheet-write" />
          </div>
        ) : (
          <div>No run today.</div>
        )}
      </div>
      <div className="sheet-notes">Notes</div>
      <footer className="sheet-footer">
        {squadName} · {sheet.athlete.name} · {formatDateLong(sheet.date)} · loads in {unit}
      </footer>
    </section>
  );
}

function WellnessLine({ label, worst, best }: { label: string; worst: string; best: string }) {
  return (
    <div className="sheet-wellness-line">
      <span className="sheet-wellness-label">{label}</span>
      <span className="sheet-small sheet-anchor">1 = {worst}</span>
      <span className="sheet-circles">
        {[1, 2, 3, 4, 5].map((n) => (
          <span key={n}>{n}</span>
        ))}
      </span>
      <span className="sheet-small">5 = {best}</span>
    </div>
  );
}

/** One column of the clipboard: a line of the session as planned (the template's exercise). */
interface ClipboardColumn {
  key: string;
  name: string;
  volume: string;
  tempo: string;
}

function columnKey(line: SheetLine): string {
  return `${line.position}:${line.planned?.exerciseId ?? line.exerciseId}`;
}

function clipboardColumns(sheets: readonly AthleteSheet[]): ClipboardColumn[] {
  const columns = new Map<string, ClipboardColumn>();
  for (const sheet of sheets) {
    for (const line of sheet.lines) {
      const key = columnKey(line);
      if (!columns.has(key)) columns.set(key, { key, name: line.planned?.exerciseName ?? line.exerciseName, volume: line.volume, tempo: line.tempo });
    }
  }
  return [...columns.values()];
}

function shortSource(load: SheetLoad): string {
  if (load.kind !== 'load') return '';
  if (load.source.startsWith('tested')) return 'T';
  if (load.source.startsWith('est.')) return 'E';
  if (load.source.startsWith('starting')) return 'S';
  return 'F';
}

export function ClipboardSheet({ day, paper }: { day: SheetDay; paper: PaperSize }) {
  const columns = clipboardColumns(day.sheets);
  const unit = day.gym.unit;
  const first = day.sheets.find((s) => s.block) ?? day.sheets[0];
  const sessions = [...new Set(day.sheets.map((s) => s.session?.name).filter((n): n is string => Boolean(n)))];
  return (
    <section className={`sheet-page sheet-clipboard paper-${paper}`} aria-label={`Clipboard sheet: ${day.title}`}>
      <header className="sheet-header">
        <div>
          <h1 className="sheet-name">
            {day.title}: {sessions.join(' / ') || 'no strength session'}
          </h1>
          <div className="sheet-meta">
            {first?.block ? `${first.block.name} · week ${first.block.week} of ${first.block.weeks} · ${PHASE_INFO[first.block.phase].label}` : 'No block'}
            {first?.isDeload ? ' · DELOAD WEEK' : ''} · loads in {unit}
          </div>
        </div>
        <div className="sheet-date">{formatDateLong(day.date)}</div>
      </header>
      <table className="sheet-table clipboard-table">
        <thead>
          <tr>
            <th className="clip-name">Athlete</th>
            {columns.map((c) => (
              <th key={c.key}>
                <div>{c.name}</div>
                <div className="sheet-small">
                  {c.volume}
                  {c.tempo ? ` · ${c.tempo}` : ''}
                </div>
              </th>
            ))}
            <th>Run</th>
            <th className="clip-write">RPE</th>
            <th className="clip-write">Min</th>
          </tr>
        </thead>
        <tbody>
          {day.sheets.map((sheet) => {
            const byKey = new Map(sheet.lines.map((l) => [columnKey(l), l]));
            return (
              <tr key={sheet.athlete.id}>
                <td className="clip-name">
                  <div className="sheet-exercise">
                    {sheet.athlete.familyName}, {sheet.athlete.givenName}
                  </div>
                  {sheet.athlete.injured && <div className="sheet-small">injured / modified</div>}
                  {!sheet.session && <div className="sheet-small">no strength session</div>}
                </td>
                {columns.map((c) => {
                  const line = byKey.get(c.key);
                  if (!line) return <td key={c.key} className="clip-empty" />;
                  return (
                    <td key={c.key}>
                      {line.planned && <div className="sheet-change">{line.exerciseName}</div>}
                      {line.volume !== c.volume && <div className="sheet-small">{line.volume}</div>}
                      {line.load.kind === 'load' ? (
                        <span className="clip-load">
                          {loadText(line.load)} <span className="sheet-small">{shortSource(line.load)}</span>
                        </span>
                      ) : line.load.kind === 'choose' ? (
                        <span className="sheet-choose">choose</span>
                      ) : line.load.kind === 'effort' ? (
                        <span className="sheet-small">{line.load.text}</span>
                      ) : (
                        <span className="sheet-small">–</span>
                      )}
                    </td>
                  );
                })}
                <td className="sheet-small">{sheet.run ? `${RUN_TYPE_LABELS[sheet.run.type]} ${sheet.run.minutes}′ @${sheet.run.rpe}` : '–'}</td>
                <td className="clip-write" />
                <td className="clip-write" />
              </tr>
            );
          })}
        </tbody>
      </table>
      <footer className="sheet-footer">
        T tested 1RM · E estimated from logged sets · S starting load · F fixed load · “choose”: no working max yet, pick a starting load · {day.squadName}
      </footer>
    </section>
  );
}

/**
 * The paper for the whole print, while the sheets are on screen: one unnamed @page rule (a named
 * page per sheet makes Chromium add a blank page after the last one).
 */
function PageStyle({ layout, paper }: { layout: SheetLayout; paper: PaperSize }) {
  return <style>{`@page { size: ${paper === 'a4' ? 'A4' : 'letter'} ${layout === 'clipboard' ? 'landscape' : 'portrait'}; margin: 10mm; }`}</style>;
}

/** Every page of a day's sheets. */
export function SheetPages({ day, layout, paper }: { day: SheetDay; layout: SheetLayout; paper: PaperSize }) {
  return (
    <>
      <PageStyle layout={layout} paper={paper} />
      {layout === 'clipboard' ? (
        <ClipboardSheet day={day} paper={paper} />
      ) : (
        day.sheets.map((sheet) => <IndividualSheet key={sheet.athlete.id} sheet={sheet} unit={day.gym.unit} squadName={day.squadName} paper={paper} />)
      )}
    </>
  );
}

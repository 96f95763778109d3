/**
 * What the coach types on an entry screen (a results card, a grid row, a working-max row), row by
 * row, over what the squad file holds; no React here (`useRowDrafts` puts it on a screen).
 *
 * The rules that keep typing from being lost or written back over newer results:
 * - a row shows its draft (what was typed) over its base (what is saved);
 * - a save's answer is the row's base the moment it arrives, so a box changed right after starts
 *   from what was saved, not from the row as it was before;
 * - a base the server sends later never replaces a draft being typed, nor a save's answer newer
 *   than what it read. `fetchedAt` is when the data arrived: data that arrived before the answer
 *   stays under it; data that arrives after it was read after the save, since the save's own
 *   refresh (renderer/api/freshness.ts) cancels any read still on its way and reads again;
 * - one save at a time per row; a row asked to save during a save is saved again after it, with
 *   what was typed meanwhile;
 * - a row whose boxes refuse what was typed is not saved and says why until it is fixed;
 * - leaving saves every row that can be saved and says which could not.
 */
import { ApiError } from '@renderer/api/client';

export type RowKey = string | number;

export type SaveState = { state: 'editing' } | { state: 'saving' } | { state: 'saved' } | { state: 'error'; message: string };

/** One row as the screen draws it. */
export interface RowView<Draft> {
  /** What the boxes show: the typed draft, else the base. */
  draft: Draft;
  /** What is saved (what Esc puts a box back to). */
  base: Draft;
  /** Something typed that is not saved yet. */
  dirty: boolean;
  state: SaveState | null;
  /** Why the typed row cannot be saved (a box's refusal), when dirty; null when it can. */
  problem: string | null;
}

/** What a screen tells the drafts about its rows. */
export interface RowRules<Key extends RowKey, Draft> {
  /** Whether two drafts save the same thing (so an unchanged row is not saved again). */
  same(a: Draft, b: Draft): boolean;
  /** Why the row cannot be saved as typed (the first box's message), or null. */
  problem(key: Key, draft: Draft): string | null;
  /** Saves the row (and records its undo); resolves with the row as saved, its new base. */
  save(key: Key, draft: Draft): Promise<Draft>;
  /** The row in a sentence ("Ana López", "Ana López, Back squat"). */
  label(key: Key): string;
}

/** A row that cannot be saved as typed. */
export interface UnsavedRow<Key extends RowKey> {
  key: Key;
  label: string;
  problem: string;
}

/** What leaving the screen did. */
export interface LeaveReport {
  saved: string[];
  notSaved: { label: string; message: string }[];
}

/** The words for a save that did not happen; one place, so every entry screen says it the same way. */
export function notSavedMessage(error: unknown): string {
  return error instanceof ApiError ? error.message : 'Backchain did not answer.';
}

interface RowRecord<Draft> {
  /** The row as the server last sent it. */
  server: Draft | undefined;
  /** The last save's answer, the base until the server sends data it read after that save. */
  answer: { base: Draft; at: number } | undefined;
  draft: Draft | undefined;
  /** The draft being saved, while its save is on its way. */
  sending: Draft | undefined;
  flight: Promise<void> | undefined;
  /** Asked to save during a save: save again after it. */
  again: boolean;
  /** Why the last save did not happen: a box's refusal (`check`) or main's (`refused`). */
  failure: { kind: 'check' | 'refused'; reason: string } | null;
  saved: boolean;
  view: RowView<Draft> | undefined;
}

const settled = Promise.resolve();

export class RowDraftStore<Key extends RowKey, Draft> {
  private readonly rows = new Map<Key, RowRecord<Draft>>();
  private views: ReadonlyMap<Key, RowView<Draft>> = new Map();
  private changed = new Set<Key>();
  private batching = 0;
  private readonly listeners = new Set<() => void>();
  private lastUnsaved: readonly UnsavedRow<Key>[] = [];

  constructor(
    private rules: RowRules<Key, Draft>,
    private readonly now: () => number = Date.now,
  ) {}

  /** The screen's latest rules (they close over its latest data). */
  follow(rules: RowRules<Key, Draft>): void {
    this.rules = rules;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Every row's view; a new map (with the unchanged rows' same objects) after each change. */
  snapshot = (): ReadonlyMap<Key, RowView<Draft>> => this.views;

  /**
   * The rows as the server has them, read into drafts; `fetchedAt` is when that data arrived
   * (React Query's `dataUpdatedAt`). Rows missing here keep what they had (a filtered-out row's
   * draft is still saved on leaving).
   */
  receive(bases: ReadonlyMap<Key, Draft>, fetchedAt: number): void {
    this.batch(() => {
      for (const [key, base] of bases) {
        const rec = this.record(key);
        const before = baseOf(rec);
        // An equal base keeps the object it had, so rows that did not change are not drawn again.
        if (rec.server === undefined || !this.rules.same(rec.server, base)) rec.server = base;
        // The server has read the row since the last save's answer: its data is the base again.
        if (rec.answer && fetchedAt > rec.answer.at) rec.answer = undefined;
        const after = baseOf(rec);
        if (after === before) continue;
        // A draft that only restated the old base would now write it back over the new one.
        if (rec.draft !== undefined && rec.sending === undefined && before !== undefined && this.rules.same(rec.draft, before)) rec.draft = undefined;
        this.touch(key);
      }
    });
  }

  /** Change what is typed in a row (from what the row shows now). */
  edit(key: Key, change: (draft: Draft) => Draft): void {
    const rec = this.rows.get(key);
    const current = rec ? (rec.draft ?? baseOf(rec)) : undefined;
    if (!rec || current === undefined) return;
    rec.draft = change(current);
    rec.saved = false;
    if (rec.failure?.kind === 'refused') rec.failure = null;
    if (rec.failure?.kind === 'check') {
      // A row that was refused keeps saying why until what is typed can be saved.
      const problem = this.rules.problem(key, rec.draft);
      rec.failure = problem ? { kind: 'check', reason: problem } : null;
    }
    this.touch(key);
  }

  /** Save a row (the coach left it). Resolves once it is saved, refused, or saved again after a save on its way. */
  save(key: Key): Promise<void> {
    const rec = this.rows.get(key);
    if (!rec) return settled;
    if (rec.flight) {
      rec.again = true;
      return rec.flight;
    }
    const draft = rec.draft;
    const base = baseOf(rec);
    if (draft === undefined || base === undefined) return settled;
    if (this.rules.same(draft, base)) {
      rec.draft = undefined;
      this.touch(key);
      return settled;
    }
    const problem = this.rules.problem(key, draft);
    if (problem) {
      rec.failure = { kind: 'check', reason: problem };
      this.touch(key);
      return settled;
    }
    rec.flight = this.send(key, rec, draft);
    return rec.flight;
  }

  /** Rows typed into that cannot be saved as they are (the same array while that does not change). */
  unsaved(): readonly UnsavedRow<Key>[] {
    const out: UnsavedRow<Key>[] = [];
    for (const [key, view] of this.views) if (view.problem) out.push({ key, label: this.rules.label(key), problem: view.problem });
    const last = this.lastUnsaved;
    const same = out.length === last.length && out.every((row, i) => row.key === last[i]?.key && row.label === last[i]?.label && row.problem === last[i]?.problem);
    if (!same) this.lastUnsaved = out;
    return this.lastUnsaved;
  }

  /**
   * Leaving the screen: save every row that can be saved (a row on its way is saved again after,
   * if typed into meanwhile), wait for the saves on their way, and report what the leaving saved
   * and everything that was not saved.
   */
  async leave(): Promise<LeaveReport> {
    const report: LeaveReport = { saved: [], notSaved: [] };
    const waits: Promise<void>[] = [];
    for (const [key, rec] of this.rows) {
      const label = this.rules.label(key);
      const problem = this.views.get(key)?.problem;
      if (rec.draft !== undefined && problem && rec.sending === undefined) {
        report.notSaved.push({ label, message: problem });
        continue;
      }
      // Typed into and not saved yet (or typed into again while its save is on its way).
      const saving = rec.draft !== undefined && (rec.sending !== undefined ? rec.draft !== rec.sending : this.views.get(key)?.dirty === true);
      const waiting = saving ? this.save(key) : rec.flight;
      if (!waiting) continue;
      waits.push(
        waiting.then(() => {
          if (rec.failure) report.notSaved.push({ label, message: rec.failure.reason });
          else if (saving && rec.saved) report.saved.push(label);
        }),
      );
    }
    await Promise.all(waits);
    return report;
  }

  private async send(key: Key, rec: RowRecord<Draft>, draft: Draft): Promise<void> {
    rec.sending = draft;
    rec.failure = null;
    rec.saved = false;
    this.touch(key);
    try {
      const saved = await this.rules.save(key, draft);
      rec.answer = { base: saved, at: this.now() };
      // What was typed during the save stays, over the new base.
      if (rec.draft === draft) rec.draft = undefined;
      rec.saved = true;
    } catch (error) {
      rec.failure = { kind: 'refused', reason: notSavedMessage(error) };
    }
    rec.sending = undefined;
    rec.flight = undefined;
    const again = rec.again && rec.draft !== undefined && rec.draft !== draft;
    rec.again = false;
    this.touch(key);
    if (again) await this.save(key);
  }

  private record(key: Key): RowRecord<Draft> {
    let rec = this.rows.get(key);
    if (!rec) {
      rec = { server: undefined, answer: undefined, draft: undefined, sending: undefined, flight: undefined, again: false, failure: null, saved: false, view: undefined };
      this.rows.set(key, rec);
    }
    return rec;
  }

  private batch(run: () => void): void {
    this.batching += 1;
    try {
      run();
    } finally {
      this.batching -= 1;
      if (this.batching === 0) this.publish();
    }
  }

  private touch(key: Key): void {
    this.changed.add(key);
    if (this.batching === 0) this.publish();
  }

  /** Rebuild the changed rows' views and tell the screen. */
  private publish(): void {
    if (this.changed.size === 0) return;
    const views = new Map(this.views);
    for (const key of this.changed) {
      const rec = this.rows.get(key);
      const base = rec ? baseOf(rec) : undefined;
      if (!rec || base === undefined) continue;
      rec.view = this.viewOf(key, rec, base);
      views.set(key, rec.view);
    }
    this.changed = new Set();
    this.views = views;
    for (const listener of this.listeners) listener();
  }

  private viewOf(key: Key, rec: RowRecord<Draft>, base: Draft): RowView<Draft> {
    const dirty = rec.draft !== undefined && !this.rules.same(rec.draft, base);
    const problem = dirty && rec.draft !== undefined ? this.rules.problem(key, rec.draft) : null;
    let state: SaveState | null = null;
    if (rec.sending !== undefined) state = { state: 'saving' };
    else if (rec.failure) state = { state: 'error', message: `Not saved: ${rec.failure.reason}` };
    else if (dirty) state = { state: 'editing' };
    else if (rec.saved) state = { state: 'saved' };
    return { draft: rec.draft ?? base, base, dirty, state, problem };
  }
}

function baseOf<Draft>(rec: RowRecord<Draft>): Draft | undefined {
  return rec.answer ? rec.answer.base : rec.server;
}

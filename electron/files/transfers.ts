/**
 * Files on their way in or out of the app that are not the squad itself, kept in
 * `<data folder>/.transfers` (same disk as the squad, so moving one into place is a rename):
 * - uploads: a file the browser-mode page sent (a backup to restore);
 * - downloads: a file made for the browser-mode page to save (a backup);
 * - staged: a checked private copy of a backup, waiting for the coach to confirm the restore.
 * Each is known by a random id; the folder is emptied when the app starts, and anything not
 * used within TRANSFER_LIFETIME_MS (an upload never restored, a download never fetched, a restore
 * preview never confirmed) is deleted then. The folder and its files are private (0700/0600).
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createPrivateFile, ensurePrivateDir, makePrivate } from './privacy';

/** How long a file waits in the transfer area for its next step. */
export const TRANSFER_LIFETIME_MS = 60 * 60 * 1000;
const SWEEP_EVERY_MS = 5 * 60 * 1000;

export type TransferKind = 'upload' | 'download' | 'staged';

export interface TransferEntry {
  id: string;
  kind: TransferKind;
  path: string;
  /** The name the coach knows the file by (what they uploaded, or what the download is called). */
  fileName: string;
  /** When the original file was last changed (ISO), if known. */
  fileDate: string | null;
}

export const TRANSFER_ID_PATTERN = /^[0-9a-f]{32}$/;

export class TransferArea {
  readonly dir: string;
  private readonly entries = new Map<string, TransferEntry>();
  private timer: NodeJS.Timeout | null = null;

  /** `clock` gives the time in milliseconds (tests move it on to see files expire). */
  constructor(
    dataDir: string,
    private readonly clock: () => number = () => Date.now(),
  ) {
    this.dir = path.join(dataDir, '.transfers');
  }

  /** Forget and delete everything (at start-up: nothing in here outlives the run that made it). */
  clear(): void {
    this.entries.clear();
    this.stopSweeping();
    fs.rmSync(this.dir, { recursive: true, force: true });
  }

  /** A new, unused (empty, private) file in the area, and the id it will be known by. */
  reserve(extension: string): { id: string; path: string } {
    this.sweep();
    ensurePrivateDir(this.dir);
    const id = randomBytes(16).toString('hex');
    const file = path.join(this.dir, `${id}${extension}`);
    createPrivateFile(file);
    return { id, path: file };
  }

  register(entry: TransferEntry): TransferEntry {
    // A copy (a staged backup) may have brought its source's permissions along.
    makePrivate(entry.path);
    this.entries.set(entry.id, entry);
    this.startSweeping();
    return entry;
  }

  /**
   * Delete every file in the area older than TRANSFER_LIFETIME_MS (last written), and forget its
   * entry. Runs on every use of the area and every few minutes while something waits in it.
   */
  sweep(): number {
    let names: string[];
    try {
      names = fs.readdirSync(this.dir);
    } catch {
      return 0;
    }
    const oldest = this.clock() - TRANSFER_LIFETIME_MS;
    let removed = 0;
    for (const name of names) {
      const file = path.join(this.dir, name);
      try {
        if (fs.statSync(file).mtimeMs >= oldest) continue;
        fs.rmSync(file, { force: true });
        removed += 1;
      } catch {
        // Gone already (sent, or discarded meanwhile).
      }
    }
    for (const [id, entry] of this.entries) if (!fs.existsSync(entry.path)) this.entries.delete(id);
    if (this.entries.size === 0) this.stopSweeping();
    return removed;
  }

  private startSweeping(): void {
    if (this.timer) return;
    this.timer = setInterval(() => this.sweep(), SWEEP_EVERY_MS);
    this.timer.unref();
  }

  private stopSweeping(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  get(id: string, kind: TransferKind): TransferEntry | null {
    this.sweep();
    const entry = this.entries.get(id);
    return entry && entry.kind === kind && fs.existsSync(entry.path) ? entry : null;
  }

  /** Forget an entry and hand it over (the caller deletes its file when done): a download is sent once. */
  take(id: string, kind: TransferKind): TransferEntry | null {
    const entry = this.get(id, kind);
    if (entry) this.entries.delete(id);
    return entry;
  }

  /** Delete a file and forget it. */
  discard(id: string): void {
    const entry = this.entries.get(id);
    if (!entry) return;
    this.entries.delete(id);
    fs.rmSync(entry.path, { force: true });
    // SQLite may have left a journal beside a staged copy.
    for (const suffix of ['-journal', '-wal', '-shm']) fs.rmSync(`${entry.path}${suffix}`, { force: true });
  }

  /**
   * Write an upload's bytes to the area, refusing more than `maxBytes`. Returns its entry; a
   * refused or broken upload leaves no file behind.
   */
  async receive(body: AsyncIterable<Uint8Array>, meta: { fileName: string; fileDate: string | null }, maxBytes: number): Promise<TransferEntry> {
    const { id, path: file } = this.reserve('.upload');
    const out = fs.createWriteStream(file, { mode: 0o600 });
    let size = 0;
    try {
      for await (const chunk of body) {
        size += chunk.length;
        if (size > maxBytes) throw new UploadTooLargeError(maxBytes);
        if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
      }
      await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
    } catch (error) {
      out.destroy();
      fs.rmSync(file, { force: true });
      throw error;
    }
    return this.register({ id, kind: 'upload', path: file, fileName: meta.fileName, fileDate: meta.fileDate });
  }
}

export class UploadTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`The file is larger than ${Math.round(maxBytes / 1024 / 1024)} MB.`);
  }
}

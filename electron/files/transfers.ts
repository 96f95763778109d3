/**
 * Files on their way in or out of the app that are not the squad itself, kept in
 * `<data folder>/.transfers` (same disk as the squad, so moving one into place is a rename):
 * - uploads: a file the browser-mode page sent (a backup to restore);
 * - downloads: a file made for the browser-mode page to save (a backup);
 * - staged: a checked private copy of a backup, waiting for the coach to confirm the restore.
 * Each is known by a random id; the folder is emptied when the app starts.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

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

  constructor(dataDir: string) {
    this.dir = path.join(dataDir, '.transfers');
  }

  /** Forget and delete everything (at start-up: nothing in here outlives the run that made it). */
  clear(): void {
    this.entries.clear();
    fs.rmSync(this.dir, { recursive: true, force: true });
  }

  /** A new, unused path in the area, and the id it will be known by. */
  reserve(extension: string): { id: string; path: string } {
    fs.mkdirSync(this.dir, { recursive: true });
    const id = randomBytes(16).toString('hex');
    return { id, path: path.join(this.dir, `${id}${extension}`) };
  }

  register(entry: TransferEntry): TransferEntry {
    this.entries.set(entry.id, entry);
    return entry;
  }

  get(id: string, kind: TransferKind): TransferEntry | null {
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
    const out = fs.createWriteStream(file);
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

/**
 * Where an export's file goes (docs/DEVELOPING.md "Files for the coach"): on the desktop, where
 * the coach chooses in the save dialog (cancelling is an answer: nothing is written); in browser
 * mode, into the transfer area as a download the page then fetches. The file is written under a
 * temporary name and gets its real name only when complete, so a failed or stopped export never
 * leaves half a file where the coach looks for it.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { SavedFile } from '@shared/contract/backups';
import { AppError } from '@shared/errors';
import type { ApiContext } from '@main/api/context';
import type { FileFilter } from '@main/files/dialogs';

export interface Destination {
  /** Write the file here. */
  readonly writePath: string;
  /** The file is complete: give it its name (desktop) or offer it for download (browser mode). */
  complete(): SavedFile;
  /** Something went wrong or the coach stopped: remove what was written. */
  discard(): void;
}

export async function chooseDestination(ctx: ApiContext, options: { title: string; fileName: string; filter: FileFilter }): Promise<Destination | null> {
  const extension = `.${options.filter.extensions[0] ?? 'dat'}`;
  if (ctx.dialogs) {
    const chosen = await ctx.dialogs.chooseSaveFile({ title: options.title, defaultName: options.fileName, filters: [options.filter] });
    if (chosen === null) return null;
    const target = path.extname(chosen) ? chosen : `${chosen}${extension}`;
    const writePath = `${target}.partial`;
    try {
      fs.writeFileSync(writePath, '');
    } catch (error) {
      throw new AppError('invalid_input', `Backchain cannot write to ${path.dirname(target)} (${(error as Error).message}). Choose another folder.`);
    }
    return {
      writePath,
      complete() {
        fs.renameSync(writePath, target);
        return { outcome: 'saved', path: target, sizeBytes: fs.statSync(target).size };
      },
      discard: () => fs.rmSync(writePath, { force: true }),
    };
  }
  const { id, path: writePath } = ctx.transfers.reserve(extension);
  return {
    writePath,
    complete() {
      ctx.transfers.register({ id, kind: 'download', path: writePath, fileName: options.fileName, fileDate: ctx.now().toISOString() });
      return { outcome: 'download', downloadId: id, fileName: options.fileName, sizeBytes: fs.statSync(writePath).size };
    },
    discard: () => fs.rmSync(writePath, { force: true }),
  };
}

/** A file-system failure while writing (disk full, no permission...) as a sentence; anything else as it is. */
export function asWriteFailure(error: unknown, fileName: string): unknown {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (typeof code !== 'string' || !/^E[A-Z]+$/.test(code)) return error;
  return new AppError('invalid_input', `The export could not be written (${(error as Error).message}); nothing was saved as ${fileName}. Check the disk has room, or choose another folder.`);
}

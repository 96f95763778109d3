/**
 * The squad holds minors' data: the folders Backchain makes for it (the data folder, backups, the
 * transfer area) are readable by their owner only (0700), and so are the files in them (0600).
 * On Windows the modes mean little (access is governed by the user profile's ACLs); Node ignores
 * what it cannot apply there.
 */
import fs from 'node:fs';

export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/** Create a folder (and its parents) readable by its owner only; an existing folder is left as it is. */
export function ensurePrivateDir(dir: string): void {
  if (fs.existsSync(dir)) return;
  fs.mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  // mkdir applies the umask; say it again so the mode is exactly 0700.
  makePrivate(dir, PRIVATE_DIR_MODE);
}

/** An empty file only its owner can read (left as it is if it exists). Writers that open it later keep the mode. */
export function createPrivateFile(file: string): void {
  try {
    fs.closeSync(fs.openSync(file, 'wx', PRIVATE_FILE_MODE));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
}

/** Narrow a file's (or folder's) permissions to its owner. */
export function makePrivate(file: string, mode: number = PRIVATE_FILE_MODE): void {
  if (process.platform === 'win32') return;
  fs.chmodSync(file, mode);
}

/**
 * The desktop's file dialogs behind a small interface, so the services that save and open files
 * never touch Electron (and tests can hand them a fake). Cancelling a dialog is an answer, not an
 * error: it comes back as null and nothing happens.
 */
import type { BrowserWindow, Dialog } from 'electron';
import path from 'node:path';

export interface FileFilter {
  name: string;
  extensions: string[];
}

export interface FileDialogs {
  /** Ask where to save a file; null when the coach cancels. */
  chooseSaveFile(options: { title: string; defaultName: string; filters: FileFilter[] }): Promise<string | null>;
  /** Ask which file to open; null when the coach cancels. */
  chooseOpenFile(options: { title: string; filters: FileFilter[] }): Promise<string | null>;
}

/** The real dialogs, attached to the app's window, starting in the coach's Documents folder. */
export function electronFileDialogs(
  dialog: Pick<Dialog, 'showSaveDialog' | 'showOpenDialog'>,
  parentWindow: () => BrowserWindow | null,
  startFolder: () => string,
): FileDialogs {
  return {
    async chooseSaveFile({ title, defaultName, filters }) {
      const options = { title, defaultPath: path.join(startFolder(), defaultName), filters, properties: ['createDirectory', 'showOverwriteConfirmation'] as ('createDirectory' | 'showOverwriteConfirmation')[] };
      const window = parentWindow();
      const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    async chooseOpenFile({ title, filters }) {
      const options = { title, defaultPath: startFolder(), filters, properties: ['openFile'] as 'openFile'[] };
      const window = parentWindow();
      const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
  };
}

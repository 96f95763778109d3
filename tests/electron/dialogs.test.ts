import type { BrowserWindow, Dialog } from 'electron';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { electronFileDialogs } from '@main/files/dialogs';

/** Electron's dialog module, faked: records the options, answers as the coach would. */
function fakeDialog(answer: { canceled: boolean; filePath?: string; filePaths?: string[] }) {
  const calls: { method: string; window: unknown; options: Record<string, unknown> }[] = [];
  const dialog = {
    showSaveDialog: async (...args: unknown[]) => {
      const [window, options] = args.length === 2 ? args : [null, args[0]];
      calls.push({ method: 'save', window, options: options as Record<string, unknown> });
      return { canceled: answer.canceled, filePath: answer.filePath ?? '' };
    },
    showOpenDialog: async (...args: unknown[]) => {
      const [window, options] = args.length === 2 ? args : [null, args[0]];
      calls.push({ method: 'open', window, options: options as Record<string, unknown> });
      return { canceled: answer.canceled, filePaths: answer.filePaths ?? [] };
    },
  } as unknown as Pick<Dialog, 'showSaveDialog' | 'showOpenDialog'>;
  return { dialog, calls };
}

const window = { id: 1 } as unknown as BrowserWindow;
const filters = [{ name: 'Backchain backup', extensions: ['backchain'] }];

describe('the desktop file dialogs', () => {
  it('save: starts in Documents with the suggested name, attached to the window, and returns the chosen path', async () => {
    const { dialog, calls } = fakeDialog({ canceled: false, filePath: '/home/coach/Desktop/squad.backchain' });
    const dialogs = electronFileDialogs(dialog, () => window, () => '/home/coach/Documents');
    expect(await dialogs.chooseSaveFile({ title: 'Back up', defaultName: 'Riverside 2026-09-07.backchain', filters })).toBe('/home/coach/Desktop/squad.backchain');
    expect(calls[0]).toMatchObject({ method: 'save', window, options: { defaultPath: path.join('/home/coach/Documents', 'Riverside 2026-09-07.backchain'), filters } });
  });

  it('a cancelled dialog answers null, even when Electron also sends a path', async () => {
    const save = electronFileDialogs(fakeDialog({ canceled: true, filePath: '/tmp/x.backchain' }).dialog, () => window, () => '/tmp');
    expect(await save.chooseSaveFile({ title: 'Back up', defaultName: 'x.backchain', filters })).toBeNull();
    const open = electronFileDialogs(fakeDialog({ canceled: true, filePaths: ['/tmp/x.backchain'] }).dialog, () => null, () => '/tmp');
    expect(await open.chooseOpenFile({ title: 'Restore', filters })).toBeNull();
  });

  it('open: returns the one chosen file; works without a window', async () => {
    const { dialog, calls } = fakeDialog({ canceled: false, filePaths: ['/media/usb/squad.backchain'] });
    const dialogs = electronFileDialogs(dialog, () => null, () => '/home/coach/Documents');
    expect(await dialogs.chooseOpenFile({ title: 'Restore', filters })).toBe('/media/usb/squad.backchain');
    expect(calls[0]).toMatchObject({ method: 'open', window: null, options: { properties: ['openFile'] } });
  });
});

/**
 * The desktop entry point, run against a small fake of Electron's main-process API (the real
 * binary cannot run here). It checks what main.ts does on start: the window's security, the
 * app:// page, one IPC handler per contract method, the menu, and the squad database opened in
 * the --data-dir folder.
 */
import type { BrowserWindowConstructorOptions, IpcMainInvokeEvent, MenuItemConstructorOptions } from 'electron';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ipcChannel, methodNames } from '@shared/contract';
import { tempDir } from '../support/tempSquad';

type Handler = (...args: unknown[]) => unknown;

const fake = vi.hoisted(() => {
  const state = {
    windows: [] as { options: BrowserWindowConstructorOptions; url: string | null; openHandler: Handler | null; listeners: Map<string, Handler> }[],
    ipc: new Map<string, Handler>(),
    protocols: new Map<string, Handler>(),
    privileged: [] as unknown[],
    menu: null as MenuItemConstructorOptions[] | null,
    permissionHandlers: 0,
    quitCalls: 0,
    appListeners: new Map<string, Handler>(),
  };
  class BrowserWindow {
    readonly record: (typeof state.windows)[number];
    readonly webContents: { setWindowOpenHandler(h: Handler): void; on(name: string, h: Handler): unknown };
    constructor(options: BrowserWindowConstructorOptions) {
      this.record = { options, url: null, openHandler: null, listeners: new Map() };
      state.windows.push(this.record);
      const record = this.record;
      this.webContents = {
        setWindowOpenHandler: (h) => (record.openHandler = h),
        on: (name, h) => {
          record.listeners.set(name, h);
          return this.webContents;
        },
      };
    }
    once() {}
    isMinimized() {
      return false;
    }
    restore() {}
    focus() {}
    loadURL(url: string) {
      this.record.url = url;
      return Promise.resolve();
    }
  }
  const electron = {
    app: {
      setName: () => undefined,
      requestSingleInstanceLock: () => true,
      whenReady: () => Promise.resolve(),
      getPath: () => '/nonexistent/userData',
      getAppPath: () => process.cwd(),
      getVersion: () => '0.1.0-test',
      isPackaged: true,
      on: (name: string, h: Handler) => state.appListeners.set(name, h),
      quit: () => (state.quitCalls += 1),
      exit: () => undefined,
    },
    BrowserWindow,
    ipcMain: { handle: (channel: string, h: Handler) => state.ipc.set(channel, h), removeHandler: (channel: string) => state.ipc.delete(channel) },
    protocol: { registerSchemesAsPrivileged: (s: unknown[]) => state.privileged.push(...s), handle: (scheme: string, h: Handler) => state.protocols.set(scheme, h) },
    session: {
      defaultSession: {
        setPermissionRequestHandler: () => (state.permissionHandlers += 1),
        setPermissionCheckHandler: () => (state.permissionHandlers += 1),
      },
    },
    Menu: { buildFromTemplate: (t: MenuItemConstructorOptions[]) => t, setApplicationMenu: (m: MenuItemConstructorOptions[]) => (state.menu = m) },
    dialog: { showErrorBox: (title: string, message: string) => console.error(title, message) },
    shell: { openExternal: () => Promise.resolve() },
  };
  return { state, electron };
});

vi.mock('electron', () => ({ ...fake.electron, default: fake.electron }));

const data = tempDir();
const argv = process.argv;

beforeAll(async () => {
  process.argv = [...argv, '--data-dir', data.dir];
  await import('@main/main');
  await vi.waitFor(() => expect(fake.state.windows[0]?.url).not.toBeNull());
});
afterAll(() => {
  process.argv = argv;
  data.cleanup();
});

describe('desktop main process', () => {
  it('opens one window on app://backchain with the secure preferences', () => {
    expect(fake.state.windows).toHaveLength(1);
    const [window] = fake.state.windows;
    expect(window?.url).toBe('app://backchain/index.html');
    expect(window?.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
    expect(path.basename(window?.options.webPreferences?.preload ?? '')).toBe('preload.cjs');
    expect(fake.state.protocols.has('app')).toBe(true);
    expect(fake.state.privileged).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
  });

  it('hardens the window: new windows denied, navigation away blocked', () => {
    const [window] = fake.state.windows;
    expect(window?.openHandler?.({ url: 'https://example.com' })).toEqual({ action: 'deny' });
    let prevented = false;
    window?.listeners.get('will-navigate')?.({ preventDefault: () => (prevented = true) }, 'https://example.com');
    expect(prevented).toBe(true);
    expect(fake.state.permissionHandlers).toBe(2);
  });

  it('registers exactly the contract methods over IPC, answering from the --data-dir squad', async () => {
    expect([...fake.state.ipc.keys()].sort()).toEqual(methodNames.map(ipcChannel).sort());
    const event = { senderFrame: { url: 'app://backchain/index.html' } } as unknown as IpcMainInvokeEvent;
    const status = (await fake.state.ipc.get(ipcChannel('app.status'))?.(event, {})) as { ok: boolean; value: { dataDir: string; mode: string; problem: unknown } };
    expect(status).toMatchObject({ ok: true, value: { dataDir: data.dir, mode: 'desktop', problem: null } });
    expect(fs.existsSync(path.join(data.dir, 'squad.db'))).toBe(true);
  });

  it('sets an application menu without developer tools in the packaged app', () => {
    expect(fake.state.menu).not.toBeNull();
    expect(JSON.stringify(fake.state.menu)).not.toContain('toggleDevTools');
  });

  it('closes the database when the app quits', () => {
    expect(fake.state.appListeners.has('will-quit')).toBe(true);
    expect(fake.state.appListeners.has('window-all-closed')).toBe(true);
  });
});

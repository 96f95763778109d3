/**
 * The desktop app's main process: one window, the squad database, and the IPC handlers.
 * The page gets only `window.backchain.invoke` (see preload.ts).
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, shell } from 'electron';
import fs from 'node:fs';
import path from 'node:path';
import { openApi } from './api/open';
import { electronFileDialogs } from './files/dialogs';
import { electronPrintWindows, routePrinter } from './files/printing';
import { registerIpcHandlers } from './ipc';
import { menuTemplate } from './menu';
import { resolveDataDir } from './paths';
import { serveRendererFile } from './protocol';
import { APP_ORIGIN, APP_SCHEME, denyAllPermissions, hardenWebContents, isAppUrl, secureWebPreferences } from './security';

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

app.setName('Backchain');

/**
 * In development the Node-built better-sqlite3 in node_modules stays as it is (so `npm test`
 * keeps working) and the desktop app loads a copy built for Electron (scripts/native.mjs).
 * A packaged app has the module rebuilt for Electron by electron-builder.
 */
function electronNativeBinding(): string | undefined {
  if (app.isPackaged) return undefined;
  const candidate = path.join(app.getAppPath(), '.native', `electron-${process.versions.modules}`, 'better_sqlite3.node');
  return fs.existsSync(candidate) ? candidate : undefined;
}

async function start(): Promise<void> {
  if (!app.requestSingleInstanceLock()) {
    // One window per squad file: a second copy would only compete for the same database.
    app.quit();
    return;
  }
  await app.whenReady();

  const dataDir = resolveDataDir(process.argv, process.env, app.getPath('userData'));
  let mainWindow: BrowserWindow | null = null;
  const { ctx, close } = await openApi({
    dataDir,
    mode: 'desktop',
    appVersion: app.getVersion(),
    nativeBinding: electronNativeBinding(),
    // Back up now / Restore ask for a file with the system's dialogs, attached to our window.
    dialogs: electronFileDialogs(dialog, () => mainWindow, () => app.getPath('documents')),
    // Save as PDF (session sheets): a hidden window, as locked down as the main one, prints the page.
    printer: routePrinter(electronPrintWindows((options) => new BrowserWindow(options), path.join(__dirname, 'preload.cjs')), APP_ORIGIN),
  });

  const rendererDir = path.join(__dirname, '..', 'dist-renderer');
  protocol.handle(APP_SCHEME, (request) => serveRendererFile(rendererDir, request.url));
  denyAllPermissions(session.defaultSession);
  registerIpcHandlers(ipcMain, ctx, (event) => isAppUrl(event.senderFrame?.url ?? ''));
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate({ isMac: process.platform === 'darwin', dev: !app.isPackaged })));

  const window = createMainWindow();
  mainWindow = window;
  app.on('second-instance', () => {
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', close);
}

function createMainWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    title: 'Backchain',
    backgroundColor: '#f8f9fa',
    webPreferences: secureWebPreferences(path.join(__dirname, 'preload.cjs')),
  });
  hardenWebContents(window.webContents, (url) => void shell.openExternal(url));
  window.once('ready-to-show', () => window.show());
  void window.loadURL(`${APP_ORIGIN}/index.html`);
  return window;
}

start().catch((error: unknown) => {
  dialog.showErrorBox('Backchain could not start', error instanceof Error ? error.message : String(error));
  app.exit(1);
});

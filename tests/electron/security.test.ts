import type { Event, Session, WebContents } from 'electron';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { menuTemplate } from '@main/menu';
import { serveRendererFile } from '@main/protocol';
import { CONTENT_SECURITY_POLICY, denyAllPermissions, hardenWebContents, secureWebPreferences } from '@main/security';
import { tempDir } from '../support/tempSquad';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

type Listener = (event: Event, url: string) => void;

function fakeWebContents() {
  const listeners = new Map<string, Listener>();
  let openHandler: Parameters<WebContents['setWindowOpenHandler']>[0] | null = null;
  const contents = {
    setWindowOpenHandler: (handler: Parameters<WebContents['setWindowOpenHandler']>[0]) => {
      openHandler = handler;
    },
    on: (name: string, listener: Listener) => {
      listeners.set(name, listener);
      return contents;
    },
  };
  return {
    contents: contents as unknown as Pick<WebContents, 'setWindowOpenHandler' | 'on'>,
    open: (url: string) => openHandler?.({ url } as Parameters<Parameters<WebContents['setWindowOpenHandler']>[0]>[0]),
    emit(name: string, url: string): boolean {
      let prevented = false;
      listeners.get(name)?.({ preventDefault: () => (prevented = true) } as unknown as Event, url);
      return prevented;
    },
  };
}

describe('window security', () => {
  it('isolates the page: sandbox, context isolation, no Node', () => {
    const prefs = secureWebPreferences('/app/dist-electron/preload.cjs');
    expect(prefs).toMatchObject({
      preload: '/app/dist-electron/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      webviewTag: false,
    });
  });

  it('denies every new window; https links go to the default browser, anything else nowhere', () => {
    const wc = fakeWebContents();
    const openExternal = vi.fn();
    hardenWebContents(wc.contents, openExternal);
    expect(wc.open('https://www.nsca.com/')).toEqual({ action: 'deny' });
    expect(wc.open('file:///etc/passwd')).toEqual({ action: 'deny' });
    expect(wc.open('javascript:alert(1)')).toEqual({ action: 'deny' });
    expect(openExternal.mock.calls).toEqual([['https://www.nsca.com/']]);
  });

  it('blocks navigation and redirects away from the app, allows moves within it', () => {
    const wc = fakeWebContents();
    hardenWebContents(wc.contents, () => undefined);
    expect(wc.emit('will-navigate', 'https://evil.example/')).toBe(true);
    expect(wc.emit('will-navigate', 'file:///home/coach/')).toBe(true);
    expect(wc.emit('will-redirect', 'http://127.0.0.1:9999/')).toBe(true);
    expect(wc.emit('will-navigate', 'app://backchain/index.html#/roster')).toBe(false);
    expect(wc.emit('will-attach-webview', 'app://backchain/')).toBe(true);
  });

  it('grants no permission requests', () => {
    let request: Parameters<Session['setPermissionRequestHandler']>[0] = null;
    let check: Parameters<Session['setPermissionCheckHandler']>[0] = null;
    denyAllPermissions({
      setPermissionRequestHandler: (h) => (request = h),
      setPermissionCheckHandler: (h) => (check = h),
    });
    const callback = vi.fn();
    (request as unknown as (wc: unknown, p: string, cb: (granted: boolean) => void) => void)(null, 'media', callback);
    expect(callback).toHaveBeenCalledWith(false);
    expect((check as unknown as (...args: unknown[]) => boolean)(null, 'notifications', 'app://backchain', {})).toBe(false);
  });

  it('has a strict content security policy', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|\*|http:|https:/);
  });

  it('shows developer tools in the menu only in development', () => {
    const roles = (dev: boolean) => JSON.stringify(menuTemplate({ isMac: false, dev }));
    expect(roles(true)).toContain('toggleDevTools');
    expect(roles(false)).not.toContain('toggleDevTools');
  });
});

describe('app:// protocol', () => {
  function rendererFolder() {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    const renderer = path.join(dir, 'dist-renderer');
    fs.mkdirSync(path.join(renderer, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><title>Backchain</title>');
    fs.writeFileSync(path.join(renderer, 'assets', 'app.js'), 'console.log(1)');
    fs.writeFileSync(path.join(dir, 'squad.db'), 'secret');
    return renderer;
  }

  it('serves the renderer with the CSP header', async () => {
    const renderer = rendererFolder();
    const index = await serveRendererFile(renderer, 'app://backchain/');
    expect(index.status).toBe(200);
    expect(index.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await index.text()).toContain('<title>Backchain</title>');
    const js = await serveRendererFile(renderer, 'app://backchain/assets/app.js');
    expect(js.headers.get('content-type')).toMatch(/javascript/);
  });

  it('never serves a file outside the renderer folder', async () => {
    const renderer = rendererFolder();
    for (const url of ['app://backchain/../squad.db', 'app://backchain/%2e%2e/squad.db', 'app://backchain/assets/..%2f..%2fsquad.db', 'app://other/index.html', 'app://backchain/%E0%A4%A']) {
      expect((await serveRendererFile(renderer, url)).status, url).toBe(404);
    }
  });
});

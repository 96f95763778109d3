/**
 * Printing a page of the app to PDF, the way the desktop's "Save as PDF" does it: a hidden window
 * as locked down as the main one loads the print route, waits until the page says it is ready
 * (its data loaded and its fonts ready) or failed, prints it with Chromium's PDF printer, and is
 * always closed afterwards, whatever happened. The window sits behind `PrintWindow` so the steps
 * are tested with a fake; `electronPrintWindows` is the real one.
 */
import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import { AppError } from '@shared/errors';
import { hardenWebContents, secureWebPreferences } from '../security';

export interface PdfOptions {
  pageSize: 'A4' | 'Letter';
  landscape: boolean;
}

export type PageReadiness = { state: 'waiting' } | { state: 'ready' } | { state: 'failed'; message: string };

/** One hidden window that shows one page and prints it. */
export interface PrintWindow {
  load(url: string): Promise<void>;
  readiness(): Promise<PageReadiness>;
  printToPdf(options: PdfOptions): Promise<Uint8Array>;
  close(): void;
}

export interface RoutePrinter {
  /** The PDF of an app route (e.g. `/print/sheets?...`). */
  pdfOfRoute(route: string, options: PdfOptions): Promise<Uint8Array>;
}

export interface PrintTiming {
  /** Longest wait for the page to be ready (150 sheets take a few seconds). */
  timeoutMs: number;
  pollMs: number;
}

const DEFAULT_TIMING: PrintTiming = { timeoutMs: 60_000, pollMs: 100 };

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function routePrinter(openWindow: () => PrintWindow, appOrigin: string, timing: PrintTiming = DEFAULT_TIMING): RoutePrinter {
  return {
    async pdfOfRoute(route, options) {
      const window = openWindow();
      try {
        await window.load(`${appOrigin}/index.html#${route}`);
        const deadline = Date.now() + timing.timeoutMs;
        for (;;) {
          const readiness = await window.readiness();
          if (readiness.state === 'ready') break;
          if (readiness.state === 'failed') throw new AppError('internal', `The sheets could not be prepared: ${readiness.message}`);
          if (Date.now() >= deadline) throw new AppError('internal', `The sheets were not ready after ${Math.round(timing.timeoutMs / 1000)} s; nothing was saved. Try fewer athletes at once.`);
          await wait(timing.pollMs);
        }
        return await window.printToPdf(options);
      } finally {
        window.close();
      }
    },
  };
}

/** What the print page sets on <body> (renderer/features/sheets/PrintSheetsPage.tsx). */
export const READINESS_SCRIPT = `(() => {
  const body = document.body;
  if (!body) return 'waiting';
  if (body.dataset.printError) return 'failed:' + body.dataset.printError;
  return body.dataset.printReady === 'true' ? 'ready' : 'waiting';
})()`;

export function readinessFrom(answer: unknown): PageReadiness {
  if (answer === 'ready') return { state: 'ready' };
  if (typeof answer === 'string' && answer.startsWith('failed:')) return { state: 'failed', message: answer.slice('failed:'.length) };
  return { state: 'waiting' };
}

/**
 * Hidden windows made by Electron: the main window's web preferences (sandboxed, isolated, no
 * Node), no new windows and no navigation away, nothing shown.
 */
export function electronPrintWindows(createWindow: (options: BrowserWindowConstructorOptions) => BrowserWindow, preloadPath: string): () => PrintWindow {
  return () => {
    const window = createWindow({ show: false, width: 1100, height: 1400, webPreferences: secureWebPreferences(preloadPath) });
    hardenWebContents(window.webContents, () => undefined);
    return {
      load: (url) => window.loadURL(url),
      readiness: async () => readinessFrom(await window.webContents.executeJavaScript(READINESS_SCRIPT, false)),
      printToPdf: async (options) => window.webContents.printToPDF({ pageSize: options.pageSize, landscape: options.landscape, printBackground: true, preferCSSPageSize: true }),
      close: () => {
        if (!window.isDestroyed()) window.destroy();
      },
    };
  };
}

/**
 * The desktop's PDF printing of an app page, with a fake window: it loads the print route, waits
 * until the page is ready (or says it failed, or takes too long), prints, and always closes the
 * window.
 */
import { describe, expect, it } from 'vitest';
import { readinessFrom, routePrinter, type PageReadiness, type PdfOptions, type PrintWindow } from '@main/files/printing';

const OPTIONS: PdfOptions = { pageSize: 'A4', landscape: false };
const TIMING = { timeoutMs: 200, pollMs: 5 };

function fakeWindow(answers: PageReadiness[], options: { loadFails?: boolean; printFails?: boolean } = {}) {
  const log: string[] = [];
  let asked = 0;
  const window: PrintWindow = {
    async load(url) {
      log.push(`load ${url}`);
      if (options.loadFails) throw new Error('net::ERR_FAILED');
    },
    async readiness() {
      const answer = answers[Math.min(asked, answers.length - 1)] ?? { state: 'waiting' };
      asked += 1;
      return answer;
    },
    async printToPdf(o) {
      log.push(`print ${o.pageSize} ${o.landscape ? 'landscape' : 'portrait'}`);
      if (options.printFails) throw new Error('printing failed');
      return new Uint8Array([37, 80, 68, 70]);
    },
    close() {
      log.push('close');
    },
  };
  return { window, log, asked: () => asked };
}

describe('printing a route to PDF', () => {
  it('waits until the page is ready, prints it and closes the window', async () => {
    const fake = fakeWindow([{ state: 'waiting' }, { state: 'waiting' }, { state: 'ready' }]);
    const pdf = await routePrinter(() => fake.window, 'app://backchain', TIMING).pdfOfRoute('/print/sheets?date=2026-09-14&group=1&layout=individual&paper=a4', OPTIONS);
    expect([...pdf]).toEqual([37, 80, 68, 70]);
    expect(fake.asked()).toBe(3);
    expect(fake.log).toEqual(['load app://backchain/index.html#/print/sheets?date=2026-09-14&group=1&layout=individual&paper=a4', 'print A4 portrait', 'close']);
  });

  it('says why when the page reports a failure, and closes the window', async () => {
    const fake = fakeWindow([{ state: 'failed', message: 'There is no group with record number 9' }]);
    await expect(routePrinter(() => fake.window, 'app://backchain', TIMING).pdfOfRoute('/print/sheets', OPTIONS)).rejects.toThrow('The sheets could not be prepared: There is no group with record number 9');
    expect(fake.log.at(-1)).toBe('close');
    expect(fake.log.some((l) => l.startsWith('print'))).toBe(false);
  });

  it('gives up after the time limit, and closes the window', async () => {
    const fake = fakeWindow([{ state: 'waiting' }]);
    await expect(routePrinter(() => fake.window, 'app://backchain', TIMING).pdfOfRoute('/print/sheets', OPTIONS)).rejects.toThrow(/not ready after/);
    expect(fake.log.at(-1)).toBe('close');
  });

  it('closes the window when loading or printing fails', async () => {
    const badLoad = fakeWindow([{ state: 'ready' }], { loadFails: true });
    await expect(routePrinter(() => badLoad.window, 'app://backchain', TIMING).pdfOfRoute('/print/sheets', OPTIONS)).rejects.toThrow('net::ERR_FAILED');
    expect(badLoad.log).toEqual(['load app://backchain/index.html#/print/sheets', 'close']);
    const badPrint = fakeWindow([{ state: 'ready' }], { printFails: true });
    await expect(routePrinter(() => badPrint.window, 'app://backchain', TIMING).pdfOfRoute('/print/sheets', { pageSize: 'Letter', landscape: true })).rejects.toThrow('printing failed');
    expect(badPrint.log.slice(1)).toEqual(['print Letter landscape', 'close']);
  });

  it("reads the page's answer: ready, failed with its reason, or still waiting", () => {
    expect(readinessFrom('ready')).toEqual({ state: 'ready' });
    expect(readinessFrom('failed:Nothing planned')).toEqual({ state: 'failed', message: 'Nothing planned' });
    expect(readinessFrom('waiting')).toEqual({ state: 'waiting' });
    expect(readinessFrom(undefined)).toEqual({ state: 'waiting' });
  });
});

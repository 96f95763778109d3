import { execSync } from 'node:child_process';
import type { TestProject } from 'vitest/node';
import { announceChromium, findChromium, NoChromiumError, type ChromiumForRun } from './chromium';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The browser every end-to-end test file launches (tests/e2e/chromium.ts), or why there is none. */
    chromium: ChromiumForRun;
  }
}

/**
 * Choose Chromium and say which (one line), then build the renderer and the browser-mode server
 * once for all end-to-end tests. No Chromium: one sentence says what to install, and every
 * end-to-end file fails with it (counted, never skipped), while the other projects still run.
 */
export default async function setup(project: TestProject): Promise<void> {
  try {
    const choice = await findChromium();
    console.log(await announceChromium(choice));
    project.provide('chromium', choice);
  } catch (error) {
    if (!(error instanceof NoChromiumError)) throw error;
    console.error(error.message);
    project.provide('chromium', { problem: error.message });
  }
  if (process.env.BACKCHAIN_E2E_SKIP_BUILD !== '1') {
    execSync('npm run --silent build:web', { stdio: ['ignore', 'ignore', 'inherit'] });
  }
}

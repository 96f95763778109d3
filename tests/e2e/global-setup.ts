import { execSync } from 'node:child_process';
import type { TestProject } from 'vitest/node';
import { announceChromium, findChromium, type ChromiumChoice } from './chromium';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The browser every end-to-end test file launches (tests/e2e/chromium.ts). */
    chromium: ChromiumChoice;
  }
}

/**
 * Choose Chromium and say which (one line), then build the renderer and the browser-mode server
 * once for all end-to-end tests. No Chromium: the run stops here with one sentence saying what to
 * install (every e2e file then fails, counted; nothing is skipped).
 */
export default async function setup(project: TestProject): Promise<void> {
  const choice = await findChromium();
  console.log(await announceChromium(choice));
  project.provide('chromium', choice);
  if (process.env.BACKCHAIN_E2E_SKIP_BUILD !== '1') {
    execSync('npm run --silent build:web', { stdio: ['ignore', 'ignore', 'inherit'] });
  }
}

import { execSync } from 'node:child_process';
import fs from 'node:fs';
import { CHROMIUM_PATH } from './harness';

/** Build the renderer and the browser-mode server once for all end-to-end tests. */
export default function setup(): void {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(`End-to-end tests need Chromium at ${CHROMIUM_PATH} (apt-get install -y chromium), or set BACKCHAIN_CHROMIUM.`);
  }
  if (process.env.BACKCHAIN_E2E_SKIP_BUILD !== '1') {
    execSync('npm run --silent build:web', { stdio: ['ignore', 'ignore', 'inherit'] });
  }
}

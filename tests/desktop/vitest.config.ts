import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { aliases } from '../../aliases.config.ts';

// `npm run test:desktop` (scripts/test-desktop.mjs) only: the desktop shell in Electron. Not one
// of npm test's projects (vitest.config.ts), because it needs the Electron binary.
export default defineConfig({
  root: path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..'),
  resolve: { alias: aliases },
  test: {
    name: 'desktop',
    include: ['tests/desktop/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});

import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { aliases } from './aliases.config.ts';

// Four projects, one per kind of test (ARCHITECTURE.md "Tests"):
// unit: pure logic in shared/; integration: services on a real SQLite file;
// component: screens in jsdom; e2e: the built app in Chromium through browser mode (tests/e2e/chromium.ts
// chooses which: BACKCHAIN_CHROMIUM, a system one, or the one bundled in @sparticuz/chromium).
export default defineConfig({
  test: {
    reporters: process.env.VITEST_JSON_REPORT
      ? ['default', ['json', { outputFile: process.env.VITEST_JSON_REPORT }]]
      : ['default'],
    projects: [
      {
        resolve: { alias: aliases },
        test: {
          name: 'unit',
          include: ['tests/shared/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        resolve: { alias: aliases },
        test: {
          name: 'integration',
          include: ['tests/electron/**/*.test.ts'],
          environment: 'node',
          // Each test opens its own database in its own temp folder; files can run in parallel.
          testTimeout: 30_000,
          // Several files generate the large squad (with its training logs) before their tests.
          hookTimeout: 60_000,
        },
      },
      {
        plugins: [react()],
        resolve: { alias: aliases },
        test: {
          name: 'component',
          include: ['tests/renderer/**/*.test.{ts,tsx}'],
          environment: 'jsdom',
          setupFiles: ['tests/renderer/setup.ts'],
          testTimeout: 20_000,
        },
      },
      {
        resolve: { alias: aliases },
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/e2e/global-setup.ts'],
          // One Chromium at a time: the machines this runs on have two cores.
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});

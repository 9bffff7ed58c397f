import { defineConfig } from '@playwright/test';
import { join } from 'node:path';

/**
 * The Electron launch test: `npx playwright test tests/electron --config tests/electron/playwright.config.ts`.
 * It needs the Electron binary (downloaded by the `electron` package on first run) and is
 * reported as skipped, with the reason, where that binary is missing.
 */
export default defineConfig({
  testDir: __dirname,
  testMatch: '*.spec.ts',
  outputDir: join(__dirname, '..', '..', 'test-results', 'electron'),
  timeout: 120_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
});

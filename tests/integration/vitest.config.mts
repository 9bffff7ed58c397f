import { defineConfig } from 'vitest/config';

// `npm run test:integration`: against the real WordPress that scripts/wordpress.sh runs on
// 127.0.0.1. Every test skips, saying why, when that WordPress is not running.
export default defineConfig({
  test: {
    root: new URL('../..', import.meta.url).pathname,
    include: ['tests/integration/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    reporters: ['default'],
  },
});

// Bundles the Node-side entry points with esbuild: the Electron main and preload, the `midad`
// CLI, and the page bridge the Playwright harness injects. better-sqlite3 stays external (a
// native addon); electron stays external (provided by the runtime).
import { build } from 'esbuild';
import { buildDictionaries } from './build-dictionaries.mjs';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// MIDAD_DIST: another output folder (parallel work on one checkout builds into separate folders).
const dist = process.env.MIDAD_DIST ?? 'dist';
const common = { bundle: true, sourcemap: true, logLevel: 'warning', absWorkingDir: root, target: 'node20' };

const entries = [
  { entry: 'electron/main/main.ts', out: `${dist}/electron/main.cjs`, platform: 'node', format: 'cjs' },
  { entry: 'electron/preload/preload.ts', out: `${dist}/electron/preload.cjs`, platform: 'node', format: 'cjs' },
  { entry: 'electron/cli/midad.ts', out: `${dist}/cli/midad.cjs`, platform: 'node', format: 'cjs' },
  { entry: 'tests/e2e/harness/pageBridge.ts', out: `${dist}/harness/pageBridge.js`, platform: 'browser', format: 'iife', target: 'chrome120' },
];

for (const { entry, out, platform, format, target } of entries) {
  if (!existsSync(join(root, entry))) continue;
  await build({
    ...common,
    entryPoints: [entry],
    outfile: out,
    platform,
    format,
    ...(target ? { target } : {}),
    external: ['electron', 'better-sqlite3'],
  });
}

// The spelling dictionaries the core reads (scripts/build-dictionaries.mjs; kept when already built).
await buildDictionaries(dist);

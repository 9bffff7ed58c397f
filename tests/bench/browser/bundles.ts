import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '../../..');
export const BENCH_DIST = join(ROOT, 'dist/bench');

/** Bundles the bare-Tiptap page and the in-page probe into dist/bench/; returns the probe's source. */
export async function buildBenchBundles(): Promise<{ probeSource: string }> {
  mkdirSync(BENCH_DIST, { recursive: true });
  const common = { bundle: true, platform: 'browser', format: 'iife', target: 'chrome120', logLevel: 'warning', absWorkingDir: ROOT } as const;
  // Minified like the production renderer bundle, so neither side pays for development builds.
  await build({ ...common, entryPoints: ['tests/bench/bare/main.ts'], outfile: join(BENCH_DIST, 'bare.js'), minify: true, define: { 'process.env.NODE_ENV': '"production"' } });
  await build({ ...common, entryPoints: ['tests/bench/browser/probe.ts'], outfile: join(BENCH_DIST, 'probe.js') });
  copyFileSync(join(ROOT, 'tests/bench/bare/index.html'), join(BENCH_DIST, 'index.html'));
  return { probeSource: readFileSync(join(BENCH_DIST, 'probe.js'), 'utf8') };
}

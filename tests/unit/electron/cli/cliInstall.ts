import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { beforeAll } from 'vitest';

export const ROOT = resolve(__dirname, '../../../..');

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  /** Standard input (none: an empty one). */
  input?: string;
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
}

/** Runs a `midad` launcher as a user would, without the caller's MIDAD_DATA_DIR. */
export function runMidad(launcher: string, args: string[], options: RunOptions = {}): Run {
  const { MIDAD_DATA_DIR: _ignored, ...base } = process.env;
  const result = spawnSync(process.execPath, [launcher, ...args], {
    encoding: 'utf8',
    env: { ...base, ...options.env },
    input: options.input ?? '',
    timeout: options.timeoutMs ?? 30_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * The real launcher and the real bundle (the same esbuild options as scripts/build-node.mjs),
 * laid out as bin/ + dist/cli/ in a folder of their own under dist/ (built before the file's
 * tests), so test files, which vitest runs in parallel, never run a bundle another one is
 * rewriting (midad.test.ts rebuilds dist/cli). Being inside the repository, the bundle still finds
 * node_modules/better-sqlite3, and the spelling dictionaries under dist/ from the working directory.
 */
export function cliInstall(name: string, defaults: Pick<RunOptions, 'timeoutMs'> = {}): { install: string; launcher: string; midad: (args: string[], options?: RunOptions) => Run } {
  const install = join(ROOT, `dist/test-cli-${name}`);
  const launcher = join(install, 'bin/midad.cjs');
  beforeAll(async () => {
    mkdirSync(join(install, 'bin'), { recursive: true });
    copyFileSync(join(ROOT, 'bin/midad.cjs'), launcher);
    await build({
      entryPoints: [join(ROOT, 'electron/cli/midad.ts')],
      outfile: join(install, 'dist/cli/midad.cjs'),
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      sourcemap: true,
      logLevel: 'warning',
      external: ['electron', 'better-sqlite3'],
    });
  }, 60_000);
  return { install, launcher, midad: (args, options = {}) => runMidad(launcher, args, { ...defaults, ...options }) };
}

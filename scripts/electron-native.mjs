#!/usr/bin/env node
// Builds better-sqlite3 for Electron's ABI in a cache directory, leaving
// node_modules/better-sqlite3 (built for Node) untouched, so `npm test` (Node) and `npm start`
// (Electron) both work, in either order, without manual rebuilds. The Electron main process
// passes the result to better-sqlite3 as `nativeBinding` (electron/main/nativeBinding.ts computes
// the same path). A packaged app does not need this: electron-builder rebuilds node_modules.
//
// Needs the network the first time (a prebuilt binary from GitHub, or Electron's headers to
// compile against); prints what failed and exits non-zero when it cannot get either.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const STEP_TIMEOUT_MS = 10 * 60 * 1000;

/** Same layout as electronNativeBindingPath() in electron/main/nativeBinding.ts. */
export function electronNativePaths(root, electronVersion, platform = process.platform, arch = process.arch) {
  const cacheDir = join(root, '.cache', 'electron-native', `electron-${electronVersion}-${platform}-${arch}`);
  const packageDir = join(cacheDir, 'better-sqlite3');
  return {
    cacheDir,
    packageDir,
    binding: join(packageDir, 'build', 'Release', 'better_sqlite3.node'),
    stamp: join(cacheDir, 'stamp.json'),
  };
}

function readVersion(packageJson) {
  return JSON.parse(readFileSync(packageJson, 'utf8')).version;
}

function run(label, command, args, cwd) {
  console.log(`[electron-native] ${label}: ${[command, ...args].map((part) => (part.startsWith(ROOT + sep) ? relative(ROOT, part) : part)).join(' ')}`);
  const result = spawnSync(command, args, { cwd, stdio: 'inherit', timeout: STEP_TIMEOUT_MS, env: { ...process.env } });
  if (result.error) return `${label} could not run: ${result.error.message}`;
  if (result.status !== 0) return `${label} exited with ${result.status ?? result.signal}`;
  return null;
}

function fail(lines) {
  console.error(['', '[electron-native] FAILED: better-sqlite3 could not be built for Electron.', ...lines.map((line) => `  ${line}`), ''].join('\n'));
  process.exit(1);
}

export function main() {
  const require = createRequire(join(ROOT, 'package.json'));
  const electronPackage = join(ROOT, 'node_modules', 'electron', 'package.json');
  const sqlitePackageDir = join(ROOT, 'node_modules', 'better-sqlite3');
  if (!existsSync(electronPackage)) fail(['node_modules/electron is missing: run `npm install` first.']);
  if (!existsSync(join(sqlitePackageDir, 'package.json'))) fail(['node_modules/better-sqlite3 is missing: run `npm install` first.']);

  const electronVersion = readVersion(electronPackage);
  const sqliteVersion = readVersion(join(sqlitePackageDir, 'package.json'));
  const paths = electronNativePaths(ROOT, electronVersion);
  const wanted = { electron: electronVersion, betterSqlite3: sqliteVersion, platform: process.platform, arch: process.arch };

  if (existsSync(paths.binding) && existsSync(paths.stamp)) {
    const stamp = JSON.parse(readFileSync(paths.stamp, 'utf8'));
    if (stamp.betterSqlite3 === sqliteVersion && stamp.electron === electronVersion) {
      console.log(`[electron-native] better-sqlite3 ${sqliteVersion} for Electron ${electronVersion} is ready: ${relative(ROOT, paths.binding)}`);
      return;
    }
  }

  console.log(`[electron-native] building better-sqlite3 ${sqliteVersion} for Electron ${electronVersion} (${process.platform}-${process.arch}) in ${relative(ROOT, paths.cacheDir)}`);
  rmSync(paths.cacheDir, { recursive: true, force: true });
  mkdirSync(paths.cacheDir, { recursive: true });
  // The sources without Node's build output: a fresh copy so nothing of node_modules is touched.
  const nodeBuildDir = join(sqlitePackageDir, 'build') + sep;
  cpSync(sqlitePackageDir, paths.packageDir, { recursive: true, filter: (source) => !(source + sep).startsWith(nodeBuildDir) });

  const target = [`--runtime=electron`, `--target=${electronVersion}`, `--arch=${process.arch}`];
  const failures = [];
  const prebuildInstall = require.resolve('prebuild-install/bin.js');
  const prebuildFailure = run('prebuild-install', process.execPath, [prebuildInstall, ...target, `--platform=${process.platform}`, '--verbose'], paths.packageDir);
  if (prebuildFailure) {
    failures.push(`${prebuildFailure} (downloads a prebuilt binary from GitHub releases)`);
    const nodeGyp = require.resolve('node-gyp/bin/node-gyp.js');
    const gypFailure = run('node-gyp', process.execPath, [nodeGyp, 'rebuild', '--release', ...target, '--dist-url=https://electronjs.org/headers'], paths.packageDir);
    if (gypFailure) failures.push(`${gypFailure} (downloads Electron ${electronVersion} headers from electronjs.org, then compiles; needs python3, make and a C++ compiler)`);
  }
  if (!existsSync(paths.binding)) {
    rmSync(paths.cacheDir, { recursive: true, force: true });
    fail([
      ...failures,
      `Expected ${relative(ROOT, paths.binding)}; it was not produced.`,
      'This step needs network access to github.com or electronjs.org. On a connected machine run',
      '`node scripts/electron-native.mjs` again (npm start runs it for you). `npm test` does not need it.',
    ]);
  }
  writeFileSync(paths.stamp, `${JSON.stringify(wanted, null, 2)}\n`);
  console.log(`[electron-native] ready: ${relative(ROOT, paths.binding)}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();

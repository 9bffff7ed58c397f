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

/**
 * The environment for prebuild-install and node-gyp. An npm `nodedir` setting (npm passes it as
 * npm_config_nodedir when this runs under `npm start`) makes node-gyp compile against Node's
 * headers whatever `--target` says: the build would "succeed" with the wrong ABI.
 */
function childEnv() {
  const env = { ...process.env };
  for (const name of Object.keys(env)) {
    if (/^npm_config_(nodedir|target|runtime|disturl|arch)$/i.test(name)) delete env[name];
  }
  return env;
}

/** ABIs a NAN/V8 addon was compiled for, read from its `node_register_module_v<ABI>` export. */
export function addonAbis(file) {
  const text = readFileSync(file).toString('latin1');
  return [...new Set([...text.matchAll(/node_register_module_v(\d+)/g)].map((match) => Number(match[1])))];
}

function electronAbi(electronDir) {
  const abiFile = join(electronDir, 'abi_version');
  if (existsSync(abiFile)) return Number(readFileSync(abiFile, 'utf8').trim());
  const require = createRequire(join(ROOT, 'package.json'));
  return Number(require('node-abi').getAbi(readVersion(join(electronDir, 'package.json')), 'electron'));
}

function run(label, command, args, cwd) {
  console.log(`[electron-native] ${label}: ${[command, ...args].map((part) => (part.startsWith(ROOT + sep) ? relative(ROOT, part) : part)).join(' ')}`);
  const result = spawnSync(command, args, { cwd, stdio: 'inherit', timeout: STEP_TIMEOUT_MS, env: childEnv() });
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

  const abi = electronAbi(join(ROOT, 'node_modules', 'electron'));
  const wanted = { electron: electronVersion, abi, betterSqlite3: sqliteVersion, platform: process.platform, arch: process.arch };
  if (existsSync(paths.binding) && existsSync(paths.stamp)) {
    const stamp = JSON.parse(readFileSync(paths.stamp, 'utf8'));
    if (stamp.betterSqlite3 === sqliteVersion && stamp.electron === electronVersion && addonAbis(paths.binding).includes(abi)) {
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
  const built = addonAbis(paths.binding);
  if (!built.includes(abi)) {
    rmSync(paths.cacheDir, { recursive: true, force: true });
    fail([
      `The binary was built for ABI ${built.join(', ') || 'unknown'}, but Electron ${electronVersion} needs ABI ${abi}.`,
      'node-gyp probably compiled against Node\'s headers (an npm `nodedir` setting?). Check `npm config get nodedir`.',
    ]);
  }
  writeFileSync(paths.stamp, `${JSON.stringify(wanted, null, 2)}\n`);
  console.log(`[electron-native] ready: ${relative(ROOT, paths.binding)}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();

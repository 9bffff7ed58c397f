// electron-builder `afterPack` hook: refuses a package whose better-sqlite3 was not built for
// the Electron it ships with (the app would start and fail on its first database call).
const { existsSync, readdirSync, statSync } = require('node:fs');
const { join } = require('node:path');
const nativeAbi = require('./nativeAbi.cjs');

/** What the main process requires at runtime besides its own bundle (see `files` in package.json). */
const RUNTIME_MODULES = ['better-sqlite3', 'bindings', 'file-uri-to-path'];

function checkRuntimeModules(appOutDir, projectDir) {
  const asarFile = findFile(appOutDir, 'app.asar');
  if (!asarFile) return;
  const asar = require(require.resolve('@electron/asar', { paths: [projectDir] }));
  const listed = new Set(asar.listPackage(asarFile).map((entry) => entry.replace(/\\/g, '/')));
  const missing = RUNTIME_MODULES.filter((name) => !listed.has(`/node_modules/${name}/package.json`));
  if (missing.length > 0) throw new Error(`midad: ${asarFile} lacks runtime modules: ${missing.join(', ')}`);
  // The spell checker's word lists (scripts/build-dictionaries.mjs): without them nothing is ever underlined.
  const dictionaries = ['ar.btrie', 'en-US.btrie', 'dictionaries.json'].filter((name) => !listed.has(`/dist/dictionaries/${name}`));
  if (dictionaries.length > 0) throw new Error(`midad: ${asarFile} lacks the spelling dictionaries: ${dictionaries.join(', ')} (run npm run build)`);
}

function findFile(dir, wanted) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (name === wanted) return path;
    if (statSync(path).isDirectory() && !name.endsWith('.asar.unpacked')) {
      const found = findFile(path, wanted);
      if (found) return found;
    }
  }
  return null;
}

function findAddons(dir, found = []) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const stat = statSync(path);
    if (stat.isDirectory()) findAddons(path, found);
    else if (name === 'better_sqlite3.node') found.push(path);
  }
  return found;
}

exports.default = async function afterPack(context) {
  const projectDir = context.packager.projectDir;
  const version = context.packager.config.electronVersion || context.packager.info?.framework?.version;
  const expected = nativeAbi.electronAbi(projectDir, version);
  const root = existsSync(context.appOutDir) ? context.appOutDir : null;
  const addons = root ? findAddons(root) : [];
  if (addons.length === 0) throw new Error(`midad: better_sqlite3.node is missing from the package in ${context.appOutDir}`);
  for (const addon of addons) {
    const abis = nativeAbi.addonAbis(addon);
    if (!abis.includes(expected)) {
      throw new Error(
        `midad: ${addon} was built for ABI ${abis.join(', ') || 'unknown'}, but Electron ${version ?? ''} needs ABI ${expected}. ` +
          'Remove node_modules/better-sqlite3/build/Release/.forge-meta and run `npm run dist` again with network access.',
      );
    }
  }
  checkRuntimeModules(context.appOutDir, projectDir);
  console.log(`  • midad: better-sqlite3 is built for Electron's ABI ${expected} (${addons.length} file)`);
};

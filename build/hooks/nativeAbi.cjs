// Which ABI a native Node addon was compiled for, read from the binary itself: NAN/V8 addons
// such as better-sqlite3 export `node_register_module_v<ABI>` (ELF, Mach-O and PE alike).
// Shared by scripts/electron-native.mjs and the electron-builder hooks so a binary built for the
// wrong runtime is caught before it ships, not when a user opens the app.
const { readFileSync, existsSync } = require('node:fs');
const { join } = require('node:path');

function addonAbis(file) {
  const text = readFileSync(file).toString('latin1');
  const abis = new Set();
  for (const match of text.matchAll(/node_register_module_v(\d+)/g)) abis.add(Number(match[1]));
  return [...abis];
}

function electronAbi(projectDir, electronVersion) {
  const abiFile = join(projectDir, 'node_modules', 'electron', 'abi_version');
  if (existsSync(abiFile)) {
    const installed = JSON.parse(readFileSync(join(projectDir, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
    if (!electronVersion || installed === electronVersion) return Number(readFileSync(abiFile, 'utf8').trim());
  }
  const nodeAbi = require(require.resolve('node-abi', { paths: [projectDir] }));
  return Number(nodeAbi.getAbi(electronVersion, 'electron'));
}

module.exports = { addonAbis, electronAbi };

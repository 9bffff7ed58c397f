// `npm run dist`: electron-builder rebuilds better-sqlite3 in node_modules for Electron's ABI
// while packaging. Whatever the outcome, put the Node build back afterwards so `npm test` and
// the CLI keep working on this machine.
import { spawnSync } from 'node:child_process';

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const build = spawnSync(npx, ['electron-builder', '--publish', 'never', ...process.argv.slice(2)], { stdio: 'inherit' });
console.log('\n[dist] restoring the Node build of better-sqlite3 (npm rebuild better-sqlite3)…');
const restore = spawnSync(npm, ['rebuild', 'better-sqlite3'], { stdio: 'inherit' });
if (restore.status !== 0) {
  console.error('[dist] could not rebuild better-sqlite3 for Node; run "npm rebuild better-sqlite3" before "npm test".');
}
process.exit(build.status ?? 1);

// electron-builder `beforeBuild` hook. An npm `nodedir` setting (some offline machines set
// nodedir=/usr) makes node-gyp compile against Node's headers whatever `--target` says, so the
// Electron rebuild of better-sqlite3 "succeeds" with the wrong ABI and is then marked as done.
// Drop it for this build so node-gyp fetches Electron's headers; afterPack verifies the result.
exports.default = async function beforeBuild() {
  for (const name of ['npm_config_nodedir', 'NPM_CONFIG_NODEDIR']) {
    if (process.env[name]) {
      console.log(`  • midad: ignoring ${name}=${process.env[name]} so native modules build against Electron's headers`);
      delete process.env[name];
    }
  }
  return true;
};

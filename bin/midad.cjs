#!/usr/bin/env node
// Launcher for the `midad` command: the CLI itself is bundled to dist/cli/midad.cjs.
'use strict';
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const bundle = join(__dirname, '..', 'dist', 'cli', 'midad.cjs');
if (!existsSync(bundle)) {
  process.stderr.write(
    `midad: the CLI is not built (${bundle} is missing). Run "npm run build:node" (or "npm install") in the Midad folder first.\n` +
      'midad: لم تُبنَ أداة سطر الأوامر بعد. شغّل ‎"npm run build:node"‎ في مجلد مداد أولًا.\n',
  );
  process.exit(2);
}
require(bundle).main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`midad: unexpected failure: ${error && error.stack ? error.stack : String(error)}\n`);
    process.exitCode = 70;
  },
);

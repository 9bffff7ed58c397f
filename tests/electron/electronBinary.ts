import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Why the Electron binary cannot run here, or null when it can. Reads what `require('electron')`
 * reads (path.txt and dist/) without requiring it: requiring it starts a download of the binary,
 * which on a machine without network only fails, slowly.
 */
export function electronBinaryProblem(root: string): string | null {
  let electronDir: string;
  try {
    electronDir = dirname(require.resolve('electron/package.json', { paths: [root] }));
  } catch {
    return 'the electron package is not installed (run npm install)';
  }
  const pathFile = join(electronDir, 'path.txt');
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (!existsSync(pathFile) && !override) {
    return `no Electron binary: ${join(electronDir, 'path.txt')} is missing, so the binary was never downloaded ("Electron failed to install correctly"); the electron package fetches it from GitHub on first run, which needs network access`;
  }
  const executable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : 'electron';
  const binary = override ? join(override, executable) : join(electronDir, 'dist', executable);
  if (!existsSync(binary)) return `no Electron binary at ${binary} ("Electron failed to install correctly")`;
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return 'no display: Electron needs an X or Wayland display on Linux (run the test under xvfb-run)';
  }
  return null;
}

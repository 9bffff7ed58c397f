import { homedir } from 'node:os';
import { posix, win32 } from 'node:path';

/** The folder name Electron derives from `productName`; kept in one place for the app and the CLI. */
export const PRODUCT_NAME = 'Midad';
/** Environment variable that moves the data directory (the CLI and the app honour it). */
export const DATA_DIR_ENV = 'MIDAD_DATA_DIR';

export interface PlatformInfo {
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
  home: string;
}

function currentPlatform(): PlatformInfo {
  return { platform: process.platform, env: process.env, home: homedir() };
}

/**
 * Where Midad keeps its database and media when nothing overrides it: Electron's `userData`
 * folder plus `data`, computed without Electron so the CLI finds the same files as the app.
 * Linux: $XDG_CONFIG_HOME/Midad/data (default ~/.config/Midad/data); macOS:
 * ~/Library/Application Support/Midad/data; Windows: %APPDATA%\Midad\data.
 */
export function defaultDataDir(info: PlatformInfo = currentPlatform()): string {
  const { platform, env, home } = info;
  if (platform === 'win32') {
    const appData = env.APPDATA || win32.join(home, 'AppData', 'Roaming');
    return win32.join(appData, PRODUCT_NAME, 'data');
  }
  if (platform === 'darwin') return posix.join(home, 'Library', 'Application Support', PRODUCT_NAME, 'data');
  const configHome = env.XDG_CONFIG_HOME && posix.isAbsolute(env.XDG_CONFIG_HOME) ? env.XDG_CONFIG_HOME : posix.join(home, '.config');
  return posix.join(configHome, PRODUCT_NAME, 'data');
}

/** An explicit `--data-dir` wins, then MIDAD_DATA_DIR, then the platform default. */
export function resolveDataDir(explicit: string | undefined, info: PlatformInfo = currentPlatform()): string {
  if (explicit) return explicit;
  const fromEnv = info.env[DATA_DIR_ENV];
  if (fromEnv) return fromEnv;
  return defaultDataDir(info);
}

import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Where `scripts/electron-native.mjs` leaves better-sqlite3 built for Electron's ABI, inside the
 * app root. node_modules keeps the Node build so `npm test` and `npm start` work in either order.
 * The script computes the same path (`electronNativePaths`); a unit test keeps the two in step.
 */
export function electronNativeBindingPath(appRoot: string, electronVersion: string, platform: string, arch: string): string {
  return join(appRoot, '.cache', 'electron-native', `electron-${electronVersion}-${platform}-${arch}`, 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
}

export type NativeBindingChoice =
  | { kind: 'packaged' }
  | { kind: 'found'; path: string }
  | { kind: 'missing'; expectedPath: string };

/**
 * A packaged app gets node_modules rebuilt for Electron by electron-builder, so it needs no
 * override; a development run uses the cached Electron build, which must exist.
 */
export function chooseNativeBinding(isPackaged: boolean, appRoot: string, electronVersion: string, platform = process.platform, arch = process.arch): NativeBindingChoice {
  if (isPackaged) return { kind: 'packaged' };
  const path = electronNativeBindingPath(appRoot, electronVersion, platform, arch);
  return existsSync(path) ? { kind: 'found', path } : { kind: 'missing', expectedPath: path };
}

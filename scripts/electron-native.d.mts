/** Types for scripts/electron-native.mjs, so the unit test that keeps its paths in step type-checks. */
export interface ElectronNativePaths {
  cacheDir: string;
  packageDir: string;
  binding: string;
  stamp: string;
}
export function electronNativePaths(root: string, electronVersion: string, platform?: string, arch?: string): ElectronNativePaths;
export function addonAbis(file: string): number[];
export function main(): void;

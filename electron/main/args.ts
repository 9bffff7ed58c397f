import { isAbsolute, resolve } from 'node:path';

export interface LaunchArgs {
  /** The data directory chosen on the command line or through MIDAD_DATA_DIR; null means the default. */
  dataDir: string | null;
}

/**
 * Reads `--data-dir DIR` (or `--data-dir=DIR`) from the process arguments, then MIDAD_DATA_DIR.
 * A relative path is taken from the working directory, as a user typing it would expect.
 * Electron and Chromium add their own switches to argv, so unknown arguments are ignored.
 */
export function parseLaunchArgs(argv: readonly string[], env: Readonly<Record<string, string | undefined>>, cwd: string): LaunchArgs {
  let fromArgv: string | null = null;
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index]!;
    if (arg === '--data-dir') {
      const value = argv[index + 1];
      if (value !== undefined && value !== '' && !value.startsWith('--')) fromArgv = value;
      index += 1;
    } else if (arg.startsWith('--data-dir=')) {
      const value = arg.slice('--data-dir='.length);
      if (value !== '') fromArgv = value;
    }
  }
  const chosen = fromArgv ?? (env.MIDAD_DATA_DIR ? env.MIDAD_DATA_DIR : null);
  if (chosen === null) return { dataDir: null };
  return { dataDir: isAbsolute(chosen) ? resolve(chosen) : resolve(cwd, chosen) };
}

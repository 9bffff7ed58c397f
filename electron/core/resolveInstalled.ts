import { createRequire } from 'node:module';
import { join } from 'node:path';

/**
 * Where an installed package's file is, resolved from this module (tests, the CLI and `npm start`
 * run beside the repository's node_modules) or else from the working directory; null when it is
 * not installed (the packaged app ships no node_modules for data packages).
 */
export function resolveInstalled(specifier: string): string | null {
  const bases = [typeof __filename === 'string' ? __filename : null, join(process.cwd(), 'package.json')];
  for (const base of bases) {
    if (!base) continue;
    try {
      return createRequire(base).resolve(specifier);
    } catch {
      // not installed beside this base; try the next
    }
  }
  return null;
}

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { resolveInstalled } from '../../resolveInstalled';

/**
 * The Noto Naskh Arabic files the offline site bundles (OFL-1.1, from @fontsource/noto-naskh-arabic):
 * the Arabic and Latin subsets, regular and bold (about 130 KB together).
 *
 * Where they are found at run time, first match wins:
 *   1. `@fontsource/noto-naskh-arabic/files` resolved from node_modules: tests (vitest), the
 *      `midad` CLI and `npm start` run beside the repository's node_modules.
 *   2. `../renderer/assets` next to the bundle (`dist/electron/main.cjs`, `dist/cli/midad.cjs`):
 *      the packaged app ships no node_modules for fonts, but Vite's renderer build already copies
 *      these same files there (renderer/styles/fonts.css imports them) as
 *      `noto-naskh-arabic-arabic-400-normal-<hash>.woff2`, and electron-builder packs
 *      `dist/renderer/**` into the asar, which Electron's fs reads.
 * When neither has them the site falls back to the reader's system Arabic font (the export does
 * not fail over a font).
 */
export const FONT_FILES = [
  { name: 'noto-naskh-arabic-latin-400-normal.woff2', subset: 'latin', weight: 400 },
  { name: 'noto-naskh-arabic-latin-700-normal.woff2', subset: 'latin', weight: 700 },
  { name: 'noto-naskh-arabic-arabic-400-normal.woff2', subset: 'arabic', weight: 400 },
  { name: 'noto-naskh-arabic-arabic-700-normal.woff2', subset: 'arabic', weight: 700 },
] as const;
export type FontFile = (typeof FONT_FILES)[number];

function fromNodeModules(): string | null {
  const pkg = resolveInstalled('@fontsource/noto-naskh-arabic/package.json');
  const dir = pkg ? join(dirname(pkg), 'files') : null;
  return dir && existsSync(dir) ? dir : null;
}

function fromRendererAssets(name: string): string | null {
  if (typeof __dirname !== 'string') return null;
  const assets = join(__dirname, '..', 'renderer', 'assets');
  let entries: string[];
  try {
    entries = readdirSync(assets);
  } catch {
    return null;
  }
  const stem = name.replace(/\.woff2$/, '');
  const hit = entries.find((entry) => entry.startsWith(`${stem}-`) && entry.endsWith('.woff2'));
  return hit ? join(assets, hit) : null;
}

let cache: Map<string, Buffer> | null = null;

/** The font files by name (those that could be found); read once per process. */
export function loadFonts(): Map<string, Buffer> {
  if (cache) return cache;
  const found = new Map<string, Buffer>();
  const dir = fromNodeModules();
  for (const font of FONT_FILES) {
    const path = dir && existsSync(join(dir, font.name)) ? join(dir, font.name) : fromRendererAssets(font.name);
    if (!path) continue;
    try {
      found.set(font.name, readFileSync(path));
    } catch {
      // unreadable: the site uses the fallback font for this face
    }
  }
  cache = found;
  return found;
}

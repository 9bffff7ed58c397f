import type { ITrie, WeightMap } from 'cspell-trie-lib';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { SpellLanguage } from '../../../shared/text/spellTokens';
import { resolveInstalled } from '../resolveInstalled';

/**
 * The bundled word lists (docs/spelling.md). `scripts/build-dictionaries.mjs` turns the npm
 * packages' text tries into binary ones under `<dist>/dictionaries/` at build time; the core
 * reads those (both lists ≈0.1 s and ≈30 MB, `npm run bench` → spell.load). Where no build output
 * is found (a bare `vitest run`) the packages' own files are decoded instead — slower (≈1 s,
 * ≈200 MB), same words. Suggestion costs are ours for Arabic (ARABIC_INFORMATION) and the
 * package's plus letter swaps for English (englishInformation).
 *
 * Looked for, first match wins: the `dictionariesDir` option; `../dictionaries` beside the bundle
 * (`dist/electron/main.cjs` and `dist/cli/midad.cjs` → `dist/dictionaries`, inside the asar when
 * packaged); `<MIDAD_DIST or dist>/dictionaries` under the repository (source runs and tests).
 */

export interface LoadedDictionary {
  language: SpellLanguage;
  trie: ITrie;
  weightMap: WeightMap | undefined;
  source: string;
}

const PACKAGES: Record<SpellLanguage, { pkg: string; trie: string }> = {
  ar: { pkg: '@cspell/dict-ar', trie: 'ar.trie.gz' },
  'en-US': { pkg: '@cspell/dict-en_us', trie: 'en_US.trie.gz' },
};

type TrieLib = typeof import('cspell-trie-lib');
type DictionaryInformation = Parameters<TrieLib['mapDictionaryInformationToWeightMap']>[0];

// cspell-trie-lib is published as ES modules only: a dynamic import works from the bundles
// (esbuild inlines it), vitest and tsx alike, where a static one would be a require() under CJS.
let trieLib: Promise<TrieLib> | null = null;
export function loadTrieLib(): Promise<TrieLib> {
  trieLib ??= import('cspell-trie-lib');
  return trieLib;
}

interface ManifestEntry {
  file: string;
  source: string;
  info?: DictionaryInformation | null;
}

interface Found {
  trie: ITrie;
  source: string;
  info: DictionaryInformation | null;
}

function candidateDirs(explicit: string | undefined): string[] {
  const dirs: string[] = [];
  if (explicit) dirs.push(explicit);
  if (typeof __dirname === 'string') {
    dirs.push(join(__dirname, '..', 'dictionaries'));
    dirs.push(resolve(__dirname, '..', '..', '..', process.env.MIDAD_DIST ?? 'dist', 'dictionaries'));
  }
  dirs.push(resolve(process.cwd(), process.env.MIDAD_DIST ?? 'dist', 'dictionaries'));
  return dirs;
}

/** The package's folder (only its cspell-ext.json is exported; it sits at the root). */
function packageDir(pkg: string): string | null {
  const ext = resolveInstalled(`${pkg}/cspell-ext.json`);
  return ext ? dirname(ext) : null;
}

function fromBuild(lib: TrieLib, language: SpellLanguage, dirs: string[]): Found | null {
  for (const dir of dirs) {
    const manifestFile = join(dir, 'dictionaries.json');
    if (!existsSync(manifestFile)) continue;
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Partial<Record<SpellLanguage, ManifestEntry>>;
    const entry = manifest[language];
    if (!entry || !existsSync(join(dir, entry.file))) continue;
    const bytes = readFileSync(join(dir, entry.file));
    const view = new Uint8Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    return { trie: lib.decodeTrie(view), source: entry.source, info: entry.info ?? null };
  }
  return null;
}

function fromPackage(lib: TrieLib, language: SpellLanguage): Found | null {
  const pkgDir = packageDir(PACKAGES[language].pkg);
  if (!pkgDir) return null;
  const file = join(pkgDir, PACKAGES[language].trie);
  if (!existsSync(file)) return null;
  const version = (JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as { version: string }).version;
  const ext = JSON.parse(readFileSync(join(pkgDir, 'cspell-ext.json'), 'utf8')) as {
    dictionaryDefinitions?: Array<{ dictionaryInformation?: DictionaryInformation }>;
  };
  return {
    trie: lib.decodeTrie(gunzipSync(readFileSync(file)).toString('utf8')),
    source: `${PACKAGES[language].pkg}@${version}`,
    info: ext.dictionaryDefinitions?.[0]?.dictionaryInformation ?? null,
  };
}

/**
 * Arabic suggestion costs (100 = one edit). The package's own table makes inserting or deleting
 * و or ى almost free, so "الحكومه" was offered "الحكمه" first; ours makes the letters Arabic
 * writers actually confuse cheap to swap instead.
 */
const ARABIC_INFORMATION: DictionaryInformation = {
  locale: 'ar',
  alphabet: '\u0621-\u064A',
  ignore: '\u0640\u064B-\u0652\u0670',
  suggestionEditCosts: [
    { description: 'Hamza on or under alef', map: 'اأإآ', replace: 40 },
    { description: 'The seat of hamza', map: 'ءؤئأ', replace: 50 },
    { description: 'Final ta marbuta and ha', map: 'ةه', replace: 40 },
    { description: 'Final alef maqsura and ya', map: 'ىي', replace: 40 },
    { description: 'Letters that sound alike', map: 'تط|سصث|ذزظض|دض|قك|حه', replace: 75 },
    { description: 'Long vowels dropped or doubled', map: 'اوي', insDel: 60 },
  ],
};

/**
 * English: the package's costs plus cheap swaps of neighbouring letters, the commonest typing
 * slip ("teh" → "the", "adn" → "and"), which its table ranks below a dozen other words.
 */
function englishInformation(info: DictionaryInformation | null): DictionaryInformation {
  const base = info ?? { locale: 'en-US', alphabet: 'a-zA-Z' };
  return { ...base, suggestionEditCosts: [...(base.suggestionEditCosts ?? []), { description: 'Two letters swapped', map: 'abcdefghijklmnopqrstuvwxyz', swap: 50 }] };
}

// Word lists never change while the process runs: every Core (a restore reopens one) shares them.
const loaded = new Map<string, Promise<LoadedDictionary | null>>();

/** The dictionary for `language`, loaded once per process; null when none can be found (nothing is then flagged). */
export function loadDictionary(language: SpellLanguage, dictionariesDir?: string): Promise<LoadedDictionary | null> {
  const key = `${language}\0${dictionariesDir ?? ''}`;
  let pending = loaded.get(key);
  if (!pending) {
    pending = readDictionary(language, dictionariesDir);
    loaded.set(key, pending);
  }
  return pending;
}

async function readDictionary(language: SpellLanguage, dictionariesDir: string | undefined): Promise<LoadedDictionary | null> {
  let result: LoadedDictionary | null = null;
  try {
    const lib = await loadTrieLib();
    const found = fromBuild(lib, language, candidateDirs(dictionariesDir)) ?? fromPackage(lib, language);
    // The package's suggestion costs: cheaper swaps between letters its writers confuse.
    const info = language === 'ar' ? ARABIC_INFORMATION : englishInformation(found?.info ?? null);
    if (found) result = { language, trie: found.trie, source: found.source, weightMap: info ? lib.mapDictionaryInformationToWeightMap(info) : undefined };
  } catch (error) {
    console.error(`[midad] the ${language} spelling dictionary could not be read`, error);
  }
  return result;
}

import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Offline dictionaries (docs/spelling.md). Chromium's spellchecker (Linux, and Windows without
 * the system checker) reads hunspell `.bdic` files from the profile's `Dictionaries` folder and
 * downloads a missing one from Google's servers. Midad ships the files it has in
 * `build/dictionaries/` (packaged: `resources/dictionaries/`) and copies them into that folder
 * before any language is set, so nothing is downloaded for them.
 *
 * Returns the file names copied (a file already there with the same size is left alone).
 */
export function installBundledDictionaries(sourceDir: string, profileDictionariesDir: string): string[] {
  if (!existsSync(sourceDir)) return [];
  const files = readdirSync(sourceDir).filter((name) => /^[A-Za-z-]+-\d+-\d+\.bdic$/.test(name));
  if (files.length === 0) return [];
  mkdirSync(profileDictionariesDir, { recursive: true });
  const copied: string[] = [];
  for (const name of files) {
    const from = join(sourceDir, name);
    const to = join(profileDictionariesDir, name);
    if (existsSync(to) && statSync(to).size === statSync(from).size) continue;
    // Written beside, then renamed: Chromium never sees half a dictionary.
    const partial = `${to}.partial`;
    copyFileSync(from, partial);
    renameSync(partial, to);
    copied.push(name);
  }
  return copied;
}

/** The language code of a `.bdic` file name (`en-US-10-1.bdic` → `en-US`). */
export function bdicLanguage(name: string): string | null {
  return /^([A-Za-z-]+?)-\d+-\d+\.bdic$/.exec(name)?.[1] ?? null;
}

/** The languages of the `.bdic` files shipped in `sourceDir`. */
export function bundledLanguages(sourceDir: string): string[] {
  if (!existsSync(sourceDir)) return [];
  return readdirSync(sourceDir)
    .map(bdicLanguage)
    .filter((language): language is string => language !== null);
}

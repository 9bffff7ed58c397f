// Converts the spelling word lists from npm (@cspell/dict-ar: Ayaspell's Arabic, LGPL; and
// @cspell/dict-en_us: SCOWL's American English, MIT) into cspell-trie-lib's binary trie, which the
// core reads in ~20 ms and ~25 MB instead of ~1 s and ~200 MB for the text trie (docs/spelling.md).
// Output: <dist>/dictionaries/{ar,en-US}.btrie, their licences, and dictionaries.json naming the
// source package and version. A file already built from the same package version is kept.
import { decodeTrie, encodeITrieToBTrie } from 'cspell-trie-lib';
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));

// Each package's own licence (the Arabic package is LGPL-3.0, over Ayaspell's GPL/LGPL/MPL word
// list) and the word list's notice travel with the built file.
export const SOURCES = [
  { language: 'ar', pkg: '@cspell/dict-ar', trie: 'ar.trie.gz', notices: ['LICENSE', 'src/ayaspell/COPYING'] },
  { language: 'en-US', pkg: '@cspell/dict-en_us', trie: 'en_US.trie.gz', notices: ['LICENSE', 'src/hunspell/README_en_US-large.txt'] },
];

export function buildDictionaries(dist = process.env.MIDAD_DIST ?? 'dist') {
  const out = resolve(root, dist, 'dictionaries');
  mkdirSync(out, { recursive: true });
  const manifestFile = join(out, 'dictionaries.json');
  const previous = existsSync(manifestFile) ? JSON.parse(readFileSync(manifestFile, 'utf8')) : {};
  const manifest = {};
  // A newer cspell-trie-lib may write another binary format: its version is part of what is built.
  const trieLib = JSON.parse(readFileSync(join(dirname(fileURLToPath(import.meta.resolve('cspell-trie-lib'))), '..', 'package.json'), 'utf8')).version;
  for (const { language, pkg, trie, notices } of SOURCES) {
    // Only cspell-ext.json is exported by these packages; it sits at the package root.
    const pkgDir = dirname(require.resolve(`${pkg}/cspell-ext.json`));
    const version = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')).version;
    const file = `${language}.btrie`;
    // The package's suggestion costs (letters its writers confuse) travel with the built file.
    const info = JSON.parse(readFileSync(join(pkgDir, 'cspell-ext.json'), 'utf8')).dictionaryDefinitions?.[0]?.dictionaryInformation ?? null;
    const licences = notices.map((notice) => `${language}-${notice.split('/').pop().replace(/\.txt$/, '')}.txt`);
    manifest[language] = { file, source: `${pkg}@${version}`, trieLib, licences, info };
    const same = previous[language]?.source === manifest[language].source && previous[language]?.trieLib === trieLib;
    if (same && existsSync(join(out, file)) && licences.every((name) => existsSync(join(out, name)))) continue;
    const text = gunzipSync(readFileSync(join(pkgDir, trie))).toString('utf8');
    const binary = encodeITrieToBTrie(decodeTrie(text));
    writeFileSync(join(out, `${file}.tmp`), binary);
    renameSync(join(out, `${file}.tmp`), join(out, file));
    notices.forEach((notice, index) => copyFileSync(join(pkgDir, notice), join(out, licences[index])));
  }
  writeFileSync(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);
  return out;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  console.log(`dictionaries: ${buildDictionaries()}`);
}

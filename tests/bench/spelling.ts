import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { Core } from '../../electron/core/Core';
import { dispatch } from '../../electron/core/ipc/dispatch';
import { loadDictionary } from '../../electron/core/spelling/dictionaries';
import { normalizeSpellWord } from '../../electron/core/spelling/normalize';
import { docToText } from '../../shared/editor/docToText';
import { spellTokens } from '../../shared/text/spellTokens';
import { arabicArticleDoc } from '../fixtures/arabicArticle';
import { signedInContext, tempDir } from '../support/tempCore';
import { ROOT } from './browser/bundles';
import { ratioOf, type BenchResult } from './result';
import { median, percentile, round } from './stats';

/** Misspellings a writer makes (hamza, ة/ه, a dropped or doubled letter), mixed into the article. */
const TYPOS = ['الحكومه', 'الإنتخابات', 'البرلمن', 'الوزاره', 'اجتماعات', 'المسئولين', 'الأقتصاد', 'المدينه', 'الى', 'هاذا', 'goverment', 'recieve'];

/**
 * spell.check.20k: the words of a 20,000-word article (what the editor sends when an article
 * opens: each distinct word once) checked through `dispatch` (validation, normalization, the
 * newsroom dictionary, the word lists) against bare `trie.has` on the same normalized words.
 * spell.suggest: the corrections the menu waits for, p95 over the typos above.
 * spell.load: reading both word lists in a fresh process (time and resident memory added).
 */
export async function benchSpelling(options: { iterations: number }): Promise<BenchResult[]> {
  const dataDir = tempDir('midad-bench-spell-');
  const core = new Core({ dataDir });
  try {
    const ctx = await signedInContext(core);
    const text = `${docToText(arabicArticleDoc({ words: 20_000, seed: 7 }))} ${TYPOS.join(' ')}`;
    const tokens = spellTokens(text);
    const words = [...new Set(tokens.map((token) => token.word))];
    const ar = await loadDictionary('ar');
    const en = await loadDictionary('en-US');
    if (!ar || !en) throw new Error('the spelling dictionaries could not be loaded (npm run build first)');
    const normalized = tokens.map((token) => ({ word: normalizeSpellWord(token.word, token.language), trie: token.language === 'ar' ? ar.trie : en.trie }));
    const unique = [...new Map(normalized.map((entry) => [entry.word, entry])).values()];

    const timesCheck: number[] = [];
    const timesRaw: number[] = [];
    let misspelled = 0;
    for (let run = 0; run < options.iterations + 3; run += 1) {
      let start = performance.now();
      const result = await dispatch(core, 'spell.check', { words }, ctx);
      const checkMs = performance.now() - start;
      if (!result.ok) throw new Error(result.error.message);
      misspelled = (result.value as { misspelled: string[] }).misspelled.length;
      start = performance.now();
      let rawMisses = 0;
      for (const entry of unique) if (!entry.trie.has(entry.word)) rawMisses += 1;
      const rawMs = performance.now() - start;
      if (rawMisses < 0) throw new Error('unreachable');
      if (run >= 3) {
        timesCheck.push(checkMs);
        timesRaw.push(rawMs);
      }
    }
    const suggestTimes: number[] = [];
    for (const typo of TYPOS) {
      const start = performance.now();
      const result = await dispatch(core, 'spell.suggest', { word: typo }, ctx);
      suggestTimes.push(performance.now() - start);
      if (!result.ok) throw new Error(result.error.message);
    }
    const value = round(median(timesCheck), 2);
    const baseline = round(median(timesRaw), 2);
    const load = measureLoad();
    return [
      {
        name: 'spell.check.20k',
        value,
        unit: 'ms',
        baseline,
        ratio: ratioOf(value, baseline),
        target: null,
        note: `median of ${options.iterations}; ${words.length.toLocaleString('en')} distinct words of a ${tokens.length.toLocaleString('en')}-word text, ${misspelled} flagged; baseline: trie.has on the same normalized words`,
        detail: { p95: round(percentile(timesCheck, 95), 2), words: words.length, flagged: misspelled },
      },
      {
        name: 'spell.suggest',
        value: round(percentile(suggestTimes, 95), 1),
        unit: 'ms p95',
        baseline: null,
        ratio: null,
        target: null,
        note: `corrections for ${TYPOS.length} typical typos (hamza, ة/ه, dropped letters, English); the search stops at 250 ms`,
        detail: { p50: round(median(suggestTimes), 1) },
      },
      load,
    ];
  } finally {
    core.close();
  }
}

/** Both word lists read in a fresh Node process: milliseconds and resident memory added. */
function measureLoad(): BenchResult {
  const script = `
    const { loadDictionary } = require(${JSON.stringify(join(ROOT, 'electron/core/spelling/dictionaries.ts'))});
    const before = process.memoryUsage().rss;
    const start = performance.now();
    Promise.all([loadDictionary('ar'), loadDictionary('en-US')]).then((loaded) => {
      if (loaded.some((d) => !d)) throw new Error('missing dictionary');
      loaded[0].trie.has('الحكومة');
      console.log(JSON.stringify({ ms: performance.now() - start, rssMb: (process.memoryUsage().rss - before) / 1e6 }));
    });`;
  const child = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  const line = child.stdout.trim().split('\n').pop() ?? '';
  try {
    const { ms, rssMb } = JSON.parse(line) as { ms: number; rssMb: number };
    return { name: 'spell.load', value: round(ms, 0), unit: 'ms', baseline: null, ratio: null, target: null, note: `both word lists in a fresh process (first check); +${round(rssMb, 1)} MB resident`, detail: { rssMb: round(rssMb, 1) } };
  } catch {
    return { name: 'spell.load', value: null, unit: 'ms', baseline: null, ratio: null, target: null, note: `not measured: ${child.stderr.trim().split('\n').slice(-3).join(' ')}` };
  }
}

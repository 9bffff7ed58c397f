import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Core } from '../../electron/core/Core';
import { signedInContext } from '../support/tempCore';
import { dispatch } from '../../electron/core/ipc/dispatch';
import type { Article } from '../../shared/domain/article';
import type { DocNode } from '../../shared/editor/docSchema';
import { docToText } from '../../shared/editor/docToText';
import { REPLACEMENT_WORDS, arabicArticleDoc, seededRandom } from '../fixtures/arabicArticle';
import { percentile, round } from './stats';
import { ratioOf, type BenchResult } from './result';

/** Every text node of a doc, so one word can be changed in place. */
function textNodes(node: DocNode, out: DocNode[] = []): DocNode[] {
  if (node.type === 'text') out.push(node);
  for (const child of node.content ?? []) textNodes(child, out);
  return out;
}

/** Replaces one word of a random text node by a different word: a real change every time. */
function changeOneWord(nodes: DocNode[], random: () => number, iteration: number): void {
  for (;;) {
    const node = nodes[Math.floor(random() * nodes.length)]!;
    const words = node.text!.split(' ');
    const index = Math.floor(random() * words.length);
    const replacement = REPLACEMENT_WORDS[iteration % REPLACEMENT_WORDS.length]!;
    if (!words[index] || words[index] === replacement) continue;
    words[index] = replacement;
    node.text = words.join(' ');
    return;
  }
}

export interface AutosaveBenchOptions {
  iterations: number;
  warmup: number;
}

/**
 * `autosave.p95.20k`: one autosave of a 20,000-word article through the core — dispatch
 * (contract validation of the whole body), the transaction, the derived HTML, text and counts,
 * the version check and revision coalescing — against a raw better-sqlite3 upsert of the same
 * JSON string into a table configured like the app's (WAL, synchronous=FULL). Both write to the
 * same disk; their iterations alternate so disk and CPU drift hit both equally.
 */
export async function benchAutosave(options: AutosaveBenchOptions): Promise<BenchResult> {
  const root = mkdtempSync(join(tmpdir(), 'midad-bench-autosave-'));
  const core = new Core({ dataDir: join(root, 'core') });
  const raw = new Database(join(root, 'raw.sqlite'));
  try {
    raw.pragma('journal_mode = WAL');
    raw.pragma('foreign_keys = ON');
    raw.pragma('synchronous = FULL');
    raw.exec('CREATE TABLE docs (id TEXT PRIMARY KEY, body TEXT NOT NULL) STRICT');
    const upsert = raw.prepare('INSERT INTO docs (id, body) VALUES (?, ?) ON CONFLICT(id) DO UPDATE SET body = excluded.body');
    // A second baseline with the work search now requires of every save (issue 6: the index is
    // kept in the same transaction): the upsert plus a plain FTS5 re-index of the article's text,
    // without Midad's Arabic normalization or clitic forms.
    raw.exec("CREATE VIRTUAL TABLE docs_fts USING fts5(body, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2')");
    const ftsDelete = raw.prepare('DELETE FROM docs_fts WHERE rowid = 1');
    const ftsInsert = raw.prepare('INSERT INTO docs_fts (rowid, body) VALUES (1, ?)');
    const indexedUpsert = raw.transaction((id: string, json: string, text: string) => {
      upsert.run(id, json);
      ftsDelete.run();
      ftsInsert.run(text);
    });

    const doc = arabicArticleDoc({ words: 20_000, seed: 20 });
    const nodes = textNodes(doc);
    const random = seededRandom(7);
    const ctx = await signedInContext(core);
    const created = await dispatch(core, 'articles.create', { fields: { title: 'تقرير مطول عن الموسم الفلاحي', body: doc } }, ctx);
    if (!created.ok) throw new Error(`create failed: ${created.error.message}`);
    const article = created.value as Article;
    if (article.wordCount !== 20_000) throw new Error(`expected a 20,000-word article, the core counted ${article.wordCount}`);
    let version = article.version;

    const coreTimes: number[] = [];
    const rawTimes: number[] = [];
    const indexedTimes: number[] = [];
    let revisions = 0;
    for (let iteration = 0; iteration < options.warmup + options.iterations; iteration += 1) {
      changeOneWord(nodes, random, iteration);
      const started = performance.now();
      const result = await dispatch(core, 'articles.save', { id: article.id, baseVersion: version, patch: { body: doc }, reason: 'autosave' }, ctx);
      const coreMs = performance.now() - started;
      if (!result.ok) throw new Error(`save failed: ${result.error.message}`);
      const saved = result.value as { version: number; revisionCreated: boolean };
      if (saved.version !== version + 1) throw new Error('autosave did not store a new version');
      version = saved.version;
      if (saved.revisionCreated) revisions += 1;

      const json = JSON.stringify(doc);
      const rawStarted = performance.now();
      upsert.run(article.id, json);
      const rawMs = performance.now() - rawStarted;
      const indexedStarted = performance.now();
      indexedUpsert(article.id, json, docToText(doc));
      const indexedMs = performance.now() - indexedStarted;
      if (iteration >= options.warmup) {
        coreTimes.push(coreMs);
        rawTimes.push(rawMs);
        indexedTimes.push(indexedMs);
      }
    }
    const value = percentile(coreTimes, 95);
    const baseline = percentile(rawTimes, 95);
    return {
      name: 'autosave.p95.20k',
      value: round(value),
      unit: 'ms',
      baseline: round(baseline),
      ratio: ratioOf(value, baseline),
      target: 5,
      note: 'baseline: raw better-sqlite3 upsert of the same JSON (WAL, synchronous=FULL), same disk, alternating',
      detail: {
        p95Ms: round(value),
        p50Ms: round(percentile(coreTimes, 50)),
        baselineP50Ms: round(percentile(rawTimes, 50)),
        // The p95s are dominated by fsync stalls when the disk is busy; the p50 ratio shows the CPU overhead.
        p50Ratio: ratioOf(percentile(coreTimes, 50), percentile(rawTimes, 50)) ?? 'n/a',
        // Upsert + plain FTS5 re-index of the text in one transaction (docToText included).
        indexedBaselineP95Ms: round(percentile(indexedTimes, 95)),
        ratioToIndexedBaseline: ratioOf(value, percentile(indexedTimes, 95)) ?? 'n/a',
        samples: coreTimes.length,
        jsonKB: round(JSON.stringify(doc).length / 1024, 1),
        revisionsWritten: revisions,
      },
    };
  } finally {
    core.close();
    raw.close();
    rmSync(root, { recursive: true, force: true });
  }
}

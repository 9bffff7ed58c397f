import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { diffArrays } from 'diff';
import { Core } from '../../electron/core/Core';
import { dispatch } from '../../electron/core/ipc/dispatch';
import type { Article, RevisionSummary } from '../../shared/domain/article';
import type { DocNode } from '../../shared/editor/docSchema';
import { docToText } from '../../shared/editor/docToText';
import { tokenize } from '../../shared/text/tokenize';
import { signedInContext } from '../support/tempCore';
import { REPLACEMENT_WORDS, arabicArticleDoc, seededRandom } from '../fixtures/arabicArticle';
import { ratioOf, type BenchResult } from './result';
import { percentile, round } from './stats';

/** The target for `diff.20k`: an absolute p95, not a ratio. */
const TARGET_P95_MS = 200;

function textNodes(node: DocNode, out: DocNode[] = []): DocNode[] {
  if (node.type === 'text') out.push(node);
  for (const child of node.content ?? []) textNodes(child, out);
  return out;
}

/**
 * Replaces `count` distinct words (letters only, so no punctuation goes with them) by a
 * different word, spread over the whole article: the desk's corrections, 2% of 20,000 words.
 */
function changeWords(doc: DocNode, count: number, seed: number): number {
  const random = seededRandom(seed);
  const slots: { node: DocNode; words: string[]; index: number }[] = [];
  for (const node of textNodes(doc)) {
    const words = node.text!.split(' ');
    words.forEach((word, index) => {
      if (/^[\p{L}\p{M}]+$/u.test(word)) slots.push({ node, words, index });
    });
  }
  const chosen = new Set<number>();
  while (chosen.size < count) chosen.add(Math.floor(random() * slots.length));
  let changed = 0;
  for (const slot of chosen) {
    const { words, index } = slots[slot]!;
    const next = REPLACEMENT_WORDS[changed % REPLACEMENT_WORDS.length]!;
    words[index] = next !== words[index] ? next : REPLACEMENT_WORDS[(changed + 1) % REPLACEMENT_WORDS.length]!;
    changed += 1;
  }
  for (const slot of slots) slot.node.text = slot.words.join(' ');
  return changed;
}

export interface DiffBenchOptions {
  words: number;
  changedShare: number;
  iterations: number;
  warmup: number;
}

/**
 * `diff.20k`: `revisions.diff` between two revisions of a 20,000-word Arabic article with 2%
 * of its words changed, through dispatch — contract parsing, the two snapshots read and parsed,
 * both bodies turned to text, Arabic tokenizing, jsdiff's `diffArrays` (paragraphs first, then
 * the words of each run of changed paragraphs), shaping the parts, word counts and the metadata
 * comparison — against `diffArrays` alone on the whole articles' token arrays (tokenized once,
 * outside the timing). Iterations alternate, so machine load hits both alike.
 */
export async function benchDiff(options: DiffBenchOptions): Promise<BenchResult> {
  const root = mkdtempSync(join(tmpdir(), 'midad-bench-diff-'));
  const core = new Core({ dataDir: root });
  try {
    const ctx = await signedInContext(core);
    const doc = arabicArticleDoc({ words: options.words, seed: 20 });
    const created = await dispatch(core, 'articles.create', { fields: { title: 'ملف خاص: الموسم الفلاحي في عشرين ألف كلمة', body: doc } }, ctx);
    if (!created.ok) throw new Error(`create failed: ${created.error.message}`);
    const article = created.value as Article;
    const submitted = await dispatch(core, 'workflow.act', { id: article.id, action: 'submit' }, ctx);
    if (!submitted.ok) throw new Error(`submit failed: ${submitted.error.message}`);
    // The desk edits what was submitted: the admin claims it, as a reviewer would.
    const claimed = await dispatch(core, 'workflow.act', { id: article.id, action: 'claim' }, ctx);
    if (!claimed.ok) throw new Error(`claim failed: ${claimed.error.message}`);
    const before = docToText(doc);
    const changed = changeWords(doc, Math.round(options.words * options.changedShare), 3);
    const saved = await dispatch(core, 'articles.save', { id: article.id, baseVersion: (claimed.value as Article).version, patch: { body: doc }, reason: 'manual' }, ctx);
    if (!saved.ok) throw new Error(`save failed: ${saved.error.message}`);
    const listed = await dispatch(core, 'revisions.list', { articleId: article.id }, ctx);
    if (!listed.ok) throw new Error(`revisions.list failed: ${listed.error.message}`);
    const [edited, original] = listed.value as RevisionSummary[];
    const request = { articleId: article.id, from: original!.id, to: edited!.id };

    const beforeTokens = tokenize(before);
    const afterTokens = tokenize(docToText(doc));
    const coreTimes: number[] = [];
    const libraryTimes: number[] = [];
    let stats = { inserted: 0, deleted: 0 };
    for (let iteration = 0; iteration < options.warmup + options.iterations; iteration += 1) {
      const started = performance.now();
      const result = await dispatch(core, 'revisions.diff', request, ctx);
      const coreMs = performance.now() - started;
      if (!result.ok) throw new Error(`revisions.diff failed: ${result.error.message}`);
      stats = (result.value as { stats: typeof stats }).stats;

      const libraryStarted = performance.now();
      const changes = diffArrays(beforeTokens, afterTokens);
      const libraryMs = performance.now() - libraryStarted;
      if (changes.length < changed) throw new Error('diffArrays found fewer changes than were made');
      if (iteration >= options.warmup) {
        coreTimes.push(coreMs);
        libraryTimes.push(libraryMs);
      }
    }
    if (stats.deleted !== changed || stats.inserted !== changed) {
      throw new Error(`expected ${changed} words replaced, the diff reports ${stats.deleted} deleted and ${stats.inserted} inserted`);
    }
    const value = percentile(coreTimes, 95);
    const baseline = percentile(libraryTimes, 95);
    const verdict = value <= TARGET_P95_MS ? `within the ${TARGET_P95_MS} ms target` : `OVER the ${TARGET_P95_MS} ms target`;
    return {
      name: 'diff.20k',
      value: round(value),
      unit: 'ms',
      baseline: round(baseline),
      ratio: ratioOf(value, baseline),
      // The issue sets an absolute target (p95 ≤ 200 ms), not a ratio: see the note and detail.
      target: null,
      note:
        `p95 ${round(value)} ms, ${verdict}. revisions.diff between two revisions of a ${options.words.toLocaleString('en')}-word article ` +
        `with ${changed} words (${options.changedShare * 100}%) replaced, through dispatch (snapshots read, text, Arabic tokens, paragraph-anchored word diff, shaping, ` +
        'word counts); baseline: jsdiff diffArrays alone on the same token arrays, alternating',
      detail: {
        p95Ms: round(value),
        p50Ms: round(percentile(coreTimes, 50)),
        baselineP50Ms: round(percentile(libraryTimes, 50)),
        targetP95Ms: TARGET_P95_MS,
        withinTarget: value <= TARGET_P95_MS ? 'yes' : 'no',
        samples: coreTimes.length,
        tokens: beforeTokens.length,
        wordsReplaced: changed,
      },
    };
  } finally {
    core.close();
    rmSync(root, { recursive: true, force: true });
  }
}

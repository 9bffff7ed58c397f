// `npm run bench`: builds, then measures Midad against baselines taken in the same run and
// writes bench-results.json at the repository root. Run with `node --import tsx`.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { Core } from '../../electron/core/Core';
import { signedInContext } from '../support/tempCore';
import { dispatch } from '../../electron/core/ipc/dispatch';
import type { Article } from '../../shared/domain/article';
import type { DocNode } from '../../shared/editor/docSchema';
import { docToText } from '../../shared/editor/docToText';
import { CHROMIUM_ARGS, CHROMIUM_PATH, chromiumMissingReason } from '../support/chromium';
import { MidadHarness } from '../e2e/harness/MidadHarness';
import { WRITTEN_SENTENCES, arabicArticleDoc } from '../fixtures/arabicArticle';
import { benchAutosave } from './autosave';
import { benchQueueList } from './queueList';
import { benchDiff } from './diff';
import { benchSearch, searchBenchArticles } from './search';
import { benchSyncWordpress } from './syncWordpress';
import { benchPaste, pasteNotMeasured } from './paste';
import { benchArchive } from './archive';
import { benchSpelling } from './spelling';
import { BarePage } from './browser/barePage';
import { ROOT, buildBenchBundles } from './browser/bundles';
import { TypingTarget, typeInterleaved, type TypingRun } from './browser/typing';
import { ratioOf, type BenchResult } from './result';
import { median, percentile, round } from './stats';

// 15 opens per side: with 5 the median moved by ±0.15 with machine load (two quiet alternated runs: 1.21×, 1.26×).
const OPEN_RUNS = 15;
/** 200 Arabic characters of news text, typed one by one. */
const TYPED = WRITTEN_SENTENCES.slice(3, 8).join(' ').slice(0, 200);
/** Typed first and not counted: JIT and caches warm up on both editors. */
const WARMUP = WRITTEN_SENTENCES[0]!.slice(0, 15);
const BARE_EDITOR = 'window.__bareBench.editor';
const MIDAD_EDITOR = 'window.__midadBench.editor';

interface Docs {
  big: DocNode;
  small: DocNode;
}

interface EditorFigures {
  typing20k: TypingRun | null;
  typing1k: TypingRun | null;
  open20k: number[] | null;
  /** Midad only: pointerdown → the article's data in the renderer, per open run. */
  fetch20k?: number[];
  /** Midad only: the article's data in the renderer → editable, every block rendered and laid out. */
  render20k?: number[];
  /** Midad only: round trips of `articles.get` (harness binding + core) during the open runs. */
  getArticleMs?: number[];
  /** Why the figures are missing, when they are. */
  missing?: string;
}

interface Measured {
  bare: EditorFigures;
  midad: EditorFigures;
}

async function createArticle(core: Core, title: string, body: DocNode): Promise<Article> {
  const result = await dispatch(core, 'articles.create', { fields: { title, body } }, await signedInContext(core));
  if (!result.ok) throw new Error(result.error.message);
  return result.value as Article;
}

/** Bare StarterKit alone (when Midad cannot be measured). */
async function measureBareOnly(bare: BarePage, docs: Docs): Promise<EditorFigures> {
  await bare.load(docs.big);
  const [typing20k] = await typeInterleaved([new TypingTarget(bare.page, BARE_EDITOR)], WARMUP, TYPED);
  await bare.load(docs.small);
  const [typing1k] = await typeInterleaved([new TypingTarget(bare.page, BARE_EDITOR)], WARMUP, TYPED);
  const open20k: number[] = [];
  for (let run = 0; run < OPEN_RUNS + 1; run += 1) open20k.push(await bare.timeSetContent(docs.big));
  return { typing20k: typing20k!, typing1k: typing1k!, open20k: open20k.slice(1) };
}

/**
 * Midad (the built renderer in the harness, `?bench=1`) and bare StarterKit side by side in
 * one browser; every measurement alternates between the two so machine load hits both alike.
 */
async function measureEditors(browser: Browser, probeSource: string, docs: Docs): Promise<Measured> {
  const bare = await BarePage.open(browser, probeSource);
  const notMeasured = (missing: string): EditorFigures => ({ typing20k: null, typing1k: null, open20k: null, missing });
  if (!existsSync(join(ROOT, 'dist/renderer/index.html'))) {
    const bareFigures = await measureBareOnly(bare, docs);
    await bare.close();
    return { bare: bareFigures, midad: notMeasured('not measured: the renderer is not built (dist/renderer)') };
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'midad-bench-editor-'));
  const setup = new Core({ dataDir });
  const small = await createArticle(setup, 'موجز: افتتاح سوق الكتاب المستعمل', docs.small);
  const big = await createArticle(setup, 'ملف خاص: عشرون ألف كلمة عن الموسم الفلاحي', docs.big);
  setup.close();

  const harness = await MidadHarness.start(browser, { dataDir, query: 'bench=1' });
  try {
    const page = harness.page;
    await page.waitForSelector(`[data-article-id="${big.id}"]`, { timeout: 30_000 });
    await page.evaluate(probeSource);
    await page.evaluate('document.fonts.ready');
    const openArticle = (article: Article, blocks: number) =>
      page.evaluate(`window.__benchProbe.openFromList(${JSON.stringify(article.id)}, ${blocks})`) as Promise<{ totalMs: number; dataMs: number | null }>;
    try {
      await openArticle(small, docs.small.content!.length);
    } catch (error) {
      const hasHook = await page.evaluate('Boolean(window.__midadBench)');
      if (!hasHook) return { bare: await measureBareOnly(bare, docs), midad: notMeasured('not measured: renderer lacks __midadBench') };
      throw error;
    }

    await page.evaluate('window.__benchProbe.timeInvokes()');
    await bare.load(docs.small);
    const midadOpen: number[] = [];
    const midadFetch: number[] = [];
    const midadRender: number[] = [];
    const bareOpen: number[] = [];
    const getArticle: number[] = [];
    for (let run = 0; run < OPEN_RUNS + 1; run += 1) {
      await openArticle(small, docs.small.content!.length);
      await page.waitForTimeout(300);
      await page.evaluate('window.__benchProbe.takeInvokes("articles.get")');
      const midadRun = await openArticle(big, docs.big.content!.length);
      const getMs = (await page.evaluate('window.__benchProbe.takeInvokes("articles.get")')) as number[];
      await page.waitForTimeout(300);
      const bareMs = await bare.timeSetContent(docs.big);
      if (run === 0) continue; // first open of each: cold caches and JIT
      midadOpen.push(midadRun.totalMs);
      if (midadRun.dataMs === null) throw new Error('the renderer did not mark the arrival of the article data (midad:article-data)');
      midadFetch.push(midadRun.dataMs);
      midadRender.push(midadRun.totalMs - midadRun.dataMs);
      bareOpen.push(bareMs);
      getArticle.push(...getMs);
    }

    // 20,000 words: Midad has the big article open; the bare editor gets the same doc.
    await bare.load(docs.big);
    const [midad20k, bare20k] = await typeInterleaved([new TypingTarget(page, MIDAD_EDITOR), new TypingTarget(bare.page, BARE_EDITOR)], WARMUP, TYPED);
    // The typed text must reach the core: proves the full editor (autosave included) did the work.
    await harness.flush();
    const saved = await dispatch(harness.core, 'articles.get', { id: big.id }, await signedInContext(harness.core));
    if (!saved.ok || !docToText((saved.value as Article).body).endsWith(TYPED)) throw new Error('Midad did not save what was typed');

    await openArticle(small, docs.small.content!.length);
    await bare.load(docs.small);
    const [midad1k, bare1k] = await typeInterleaved([new TypingTarget(page, MIDAD_EDITOR), new TypingTarget(bare.page, BARE_EDITOR)], WARMUP, TYPED);
    return {
      bare: { typing20k: bare20k!, typing1k: bare1k!, open20k: bareOpen },
      midad: { typing20k: midad20k!, typing1k: midad1k!, open20k: midadOpen, fetch20k: midadFetch, render20k: midadRender, getArticleMs: getArticle },
    };
  } finally {
    await harness.close();
    await bare.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function typingResult(name: string, midad: TypingRun | null, bare: TypingRun | null, missing: string | undefined): BenchResult {
  const value = midad ? percentile(midad.samples, 95) : null;
  const baseline = bare ? percentile(bare.samples, 95) : null;
  return {
    name,
    value: value === null ? null : round(value),
    unit: 'ms',
    baseline: baseline === null ? null : round(baseline),
    ratio: ratioOf(value, baseline),
    target: 1.5,
    note: missing ?? 'p95 per keystroke, 200 Arabic characters at the end; baseline: bare Tiptap StarterKit, same doc, same probe',
    detail: {
      ...(midad ? { p50Ms: round(median(midad.samples)), maxMs: round(Math.max(...midad.samples)), samples: midad.samples.length } : {}),
      ...(bare ? { baselineP50Ms: round(median(bare.samples)), baselineMaxMs: round(Math.max(...bare.samples)) } : {}),
    },
  };
}

/**
 * Opening the 20,000-word article, three lines:
 *   open.20k         pointerdown in the list → editable editor with every block rendered and laid
 *                    out, against bare `setContent` + layout. The whole user-visible figure; it
 *                    includes fetching the article through the harness's Playwright binding.
 *   open.20k.render  the article's data in the renderer → the same end point, against the same
 *                    baseline. The like-for-like comparison: bare `setContent` is handed the doc
 *                    already in memory, and so is this figure.
 *   open.20k.fetch   pointerdown → the data in the renderer (no baseline: the bare page fetches
 *                    nothing). Reported so the transport is never hidden.
 */
function openResults(figures: EditorFigures, bare: number[] | null, missing: string | undefined): BenchResult[] {
  const midad = figures.open20k;
  const baseline = bare ? median(bare) : null;
  const total = midad ? median(midad) : null;
  const render = figures.render20k?.length ? median(figures.render20k) : null;
  const fetch = figures.fetch20k?.length ? median(figures.fetch20k) : null;
  const runs = (values: number[] | undefined) => (values ?? []).map((ms) => round(ms, 1)).join(' ');
  const getMedian = figures.getArticleMs?.length ? round(median(figures.getArticleMs), 1) : null;
  const baselineRuns: Record<string, string> = bare ? { baselineRunsMs: runs(bare) } : {};
  return [
    {
      name: 'open.20k',
      value: total === null ? null : round(total),
      unit: 'ms',
      baseline: baseline === null ? null : round(baseline),
      ratio: ratioOf(total, baseline),
      target: 1.3,
      note:
        missing ??
        `median of ${OPEN_RUNS}: pointerdown+click in the list → editable editor with every block rendered and laid out, ` +
          'fetch through the harness included; baseline: bare editor.commands.setContent of the doc already in memory + layout, ' +
          'in a page with Midad\'s fonts.css and body typography. ' +
          'The harness carries the article over a Playwright binding as JSON text (see open.20k.fetch; Electron uses structured-clone IPC), ' +
          'which the baseline never pays, so the 1.3 target is met, or not, by open.20k.render; this line shows the whole cost',
      detail: { ...(midad ? { runsMs: runs(midad) } : {}), ...baselineRuns },
    },
    {
      name: 'open.20k.render',
      value: render === null ? null : round(render),
      unit: 'ms',
      baseline: baseline === null ? null : round(baseline),
      ratio: ratioOf(render, baseline),
      target: 1.3,
      note:
        missing ??
        `median of ${OPEN_RUNS}: the article's data arrives in the renderer (performance mark) → editable editor with every block rendered ` +
          'and laid out (React commit, document swap into the window\'s one editor, title and metadata); baseline: bare setContent + layout of the same doc. ' +
          'Both pages draw with the same @font-face rules and files (renderer/styles/fonts.css) and the same body typography (family, size, line height, ' +
          'column width, rtl), so layout and shaping cost the same on both sides and the ratio measures the editor, not the fonts. ' +
          'The target applies here: both sides start from the document in page memory',
      detail: { ...(figures.render20k ? { runsMs: runs(figures.render20k) } : {}), ...baselineRuns },
    },
    {
      name: 'open.20k.fetch',
      value: fetch === null ? null : round(fetch),
      unit: 'ms',
      baseline: null,
      ratio: null,
      target: null,
      note:
        missing ??
        `median of ${OPEN_RUNS}: pointerdown → the article's data in the renderer: articles.get and view.get through the harness binding ` +
          '(JSON text both ways, core read and response validation in Node), JSON.parse in the page. No baseline (the bare page fetches nothing); informational',
      detail: { ...(figures.fetch20k ? { runsMs: runs(figures.fetch20k) } : {}), ...(getMedian === null ? {} : { articlesGetRoundTripMedianMs: getMedian }) },
    },
  ];
}

function printTable(results: BenchResult[]): void {
  const rows = results.map((result) => [
    result.name,
    result.value === null ? 'n/a' : `${result.value} ${result.unit}`,
    result.baseline === null ? 'n/a' : `${result.baseline} ${result.unit}`,
    result.ratio === null ? 'n/a' : String(result.ratio),
    result.target === null ? '—' : `≤ ${result.target}`,
    result.target === null ? (result.value === null ? 'NOT MEASURED' : 'info') : result.ratio === null ? 'NOT MEASURED' : result.ratio <= result.target ? 'ok' : 'OVER TARGET',
  ]);
  const header = ['benchmark', 'value', 'baseline', 'ratio', 'target', ''];
  const widths = header.map((title, index) => Math.max(title.length, ...rows.map((row) => row[index]!.length)));
  const line = (cells: string[]) => cells.map((cell, index) => cell.padEnd(widths[index]!)).join('  ').trimEnd();
  console.log(line(header));
  console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  for (const row of rows) console.log(line(row));
  for (const result of results) {
    console.log(`\n${result.name}: ${result.note ?? ''}`);
    if (result.detail) console.log(`  ${Object.entries(result.detail).map(([key, value]) => `${key}=${value}`).join('  ')}`);
  }
}

const notMeasuredFigures: EditorFigures = { typing20k: null, typing1k: null, open20k: null };

async function main(): Promise<void> {
  const docs: Docs = { big: arabicArticleDoc({ words: 20_000, seed: 20 }), small: arabicArticleDoc({ words: 1_000, seed: 1 }) };
  console.log('autosave: 20,000-word article through the core vs raw upsert…');
  const autosave = await benchAutosave({ iterations: 200, warmup: 10 });

  console.log('queue: desk.list of the review queue, 10,000 articles, vs the raw SQL…');
  const queue = await benchQueueList({ articles: 10_000, iterations: 300, warmup: 30 });

  console.log('diff: revisions.diff of a 20,000-word article, 2% of words changed, vs jsdiff alone…');
  const diff = await benchDiff({ words: 20_000, changedShare: 0.02, iterations: 100, warmup: 5 });

  console.log(`search: search.query over ${searchBenchArticles().toLocaleString('en')} generated Arabic articles vs the raw FTS5 MATCH (MIDAD_BENCH_SEARCH_N to shrink)…`);
  const search = await benchSearch({ articles: searchBenchArticles(), iterations: 10 });

  console.log('sync: 200 approved articles to the local WordPress through the outbox vs a raw fetch loop…');
  const syncWordpress = await benchSyncWordpress({ articles: 200, concurrency: 4 });
  if (syncWordpress.value === null) console.log(`sync.wordpress.200 ${syncWordpress.note}`);

  console.log('archive: export of generated articles to the full archive vs a plain jsonl stream, peak RSS, import…');
  const archive = await benchArchive();

  console.log('spelling: the words of a 20,000-word article through spell.check vs bare trie lookups, suggestions, loading…');
  const spelling = await benchSpelling({ iterations: 30 });

  const results: BenchResult[] = [autosave, queue, diff, search, syncWordpress, ...archive, ...spelling];
  const load = loadavg().map((value) => value.toFixed(2)).join(' ');
  console.log(`machine: ${cpus().length} cores, load average ${load} (other work on the machine skews the p95 figures)`);
  const chromiumProblem = chromiumMissingReason();
  if (chromiumProblem) {
    const missing = `not measured: ${chromiumProblem}`;
    results.push(typingResult('typing.p95.20k', null, null, missing), typingResult('typing.p95.1k', null, null, missing), ...openResults(notMeasuredFigures, null, missing));
    results.push(pasteNotMeasured(chromiumProblem));
  } else {
    const { probeSource } = await buildBenchBundles();
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    try {
      console.log('editor: Midad in the harness and bare Tiptap StarterKit, alternating…');
      const { midad, bare } = await measureEditors(browser, probeSource, docs);
      results.push(
        typingResult('typing.p95.20k', midad.typing20k, bare.typing20k, midad.missing),
        typingResult('typing.p95.1k', midad.typing1k, bare.typing1k, midad.missing),
        ...openResults(midad, bare.open20k, midad.missing),
      );
      console.log('paste: 1 MB of Word-style clipboard HTML pasted into the built renderer vs raw insertContent…');
      results.push(await benchPaste(browser).catch((error: unknown) => pasteNotMeasured(error instanceof Error ? error.message : String(error))));
    } finally {
      await browser.close();
    }
  }
  console.log('');
  printTable(results);
  const file = join(ROOT, 'bench-results.json');
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\nwrote ${file}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

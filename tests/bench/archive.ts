import { spawn } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { build } from 'esbuild';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Core } from '../../electron/core/Core';
import { insertArticleRow, type ArticleRow } from '../../electron/core/db/queries/articles';
import type { DocNode } from '../../shared/editor/docSchema';
import { docToText } from '../../shared/editor/docToText';
import { countCharacters, countWords } from '../../shared/text/arabic';
import { arabicArticleDoc, HEADINGS } from '../fixtures/arabicArticle';
import { type BenchResult } from './result';
import { round } from './stats';

const ROOT = resolve(__dirname, '../..');
const CHILD = join(__dirname, 'archiveChild.ts');
const CLI_CHILD = join(__dirname, 'archiveCliChild.cjs');
/** The CLI bundled for this benchmark (inside the repository, so it finds node_modules/better-sqlite3). */
const CLI_BUNDLE = join(ROOT, 'dist/bench-archive/midad.cjs');
/** Peak RSS allowed for an export, whatever the number of articles. */
const RSS_BUDGET_MB = 250;

interface ChildFigures {
  seconds: number;
  bytes?: number;
  articles: number;
  maxRssMb: number;
}

/** A distinct small image per article (PNG signature; Midad recognises images by their first bytes). */
function image(seed: number): Buffer {
  const bytes = Buffer.alloc(6 * 1024);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(bytes);
  let state = seed + 1;
  for (let index = 8; index < bytes.length; index += 1) {
    state = (state * 1103515245 + 12345) >>> 0;
    bytes[index] = state >>> 24;
  }
  return bytes;
}

/** `count` generated Arabic articles of ~800 words, each with its own image (featured and in the body). */
export function seed(dataDir: string, count: number): void {
  const core = new Core({ dataDir });
  try {
    const db = core.open.db;
    const start = Date.parse('2025-01-01T08:00:00Z');
    const insert = db.transaction((from: number, to: number) => {
      for (let index = from; index < to; index += 1) {
        const hash = core.open.media.put(`صورة-${index}.png`, image(index)).hash;
        const generated = arabicArticleDoc({ words: 800, seed: index + 1 });
        const body: DocNode = { type: 'doc', content: [...generated.content!.slice(0, 2), { type: 'image', attrs: { hash, alt: 'صورة المقال', caption: `الصورة ${index}`, dir: 'rtl' } }, ...generated.content!.slice(2)] };
        const bodyJson = JSON.stringify(body);
        const text = docToText(body);
        const created = new Date(start + index * 60_000).toISOString();
        const row: ArticleRow = {
          id: randomUUID(),
          title: `${HEADINGS[index % HEADINGS.length]}: تقرير رقم ${index + 1}`,
          subtitle: 'تغطية خاصة',
          excerpt: '',
          slug: `report-${index + 1}`,
          slug_auto: 0,
          section: ['سياسة', 'اقتصاد', 'رياضة', 'ثقافة', 'مجتمع'][index % 5]!,
          tags: JSON.stringify(['تقارير', `ملف ${index % 20}`]),
          byline: 'قسم التحقيقات',
          featured_media: hash,
          status: index % 3 === 0 ? 'published' : 'draft',
          status_before_spike: null,
          body_json: bodyJson,
          body_hash: createHash('sha256').update(bodyJson).digest('hex'),
          body_text: text,
          word_count: countWords(text),
          char_count: countCharacters(text),
          version: 1,
          created_at: created,
          updated_at: created,
          author_id: null,
          assignee_id: null,
          priority: 'normal',
          deadline: null,
          scheduled_at: null,
          submitted_at: null,
          published_at: index % 3 === 0 ? created : null,
        };
        insertArticleRow(db, row);
      }
    });
    for (let from = 0; from < count; from += 500) insert(from, Math.min(count, from + 500));
  } finally {
    core.close();
  }
}

function child(args: string[], cli = false): Promise<ChildFigures> {
  return new Promise((done, fail) => {
    const argv = cli ? [CLI_CHILD, ...args] : ['--import', 'tsx', CHILD, ...args];
    const run = spawn(process.execPath, argv, { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, MIDAD_BENCH_CLI: CLI_BUNDLE } });
    let stdout = '';
    run.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    run.on('error', fail);
    run.on('close', (status) => (status === 0 ? done(JSON.parse(stdout.trim().split('\n').pop()!) as ChildFigures) : fail(new Error(`archive bench child ${args[0]} exited ${status}`))));
  });
}

const mb = (bytes: number) => bytes / (1024 * 1024);

/**
 * `export.10k`, `export.rss.1k`/`export.rss.10k` and `import.10k`: generated Arabic articles
 * (~800 words, one image each) exported to the full archive (articles.jsonl, media, HTML site,
 * Markdown, WXR, manifest) in a child process whose peak RSS is read from
 * `process.resourceUsage()`; the baseline writes the same articles.jsonl alone through a plain
 * stream in another child; then the archive is imported into an empty database.
 * `MIDAD_BENCH_ARCHIVE_N` shrinks the run (default 10,000).
 */
export async function benchArchive(): Promise<BenchResult[]> {
  const n = Number(process.env.MIDAD_BENCH_ARCHIVE_N ?? 10_000);
  const small = Math.max(1, Math.round(n / 10));
  const root = mkdtempSync(join(tmpdir(), 'midad-bench-archive-'));
  await build({
    entryPoints: [join(ROOT, 'electron/cli/midad.ts')],
    outfile: CLI_BUNDLE,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    logLevel: 'warning',
    external: ['electron', 'better-sqlite3'],
  });
  try {
    const figures: Record<string, { export: ChildFigures; plain: ChildFigures }> = {};
    for (const count of [small, n]) {
      const dataDir = join(root, `data-${count}`);
      console.log(`archive: seeding ${count} articles…`);
      seed(dataDir, count);
      console.log(`archive: exporting ${count} articles (child process) and the plain-stream baseline…`);
      const plain = await child(['plain', dataDir, join(root, `plain-${count}.jsonl`)]);
      const file = join(root, `archive-${count}.zip`);
      const exported = await child(['--data-dir', dataDir, 'export', '--out', file], true);
      figures[count] = { export: { ...exported, bytes: statSync(file).size, articles: count }, plain };
    }
    const big = figures[n]!;
    const target = join(root, 'import-target');
    new Core({ dataDir: target }).close();
    console.log(`archive: importing ${n} articles into an empty database…`);
    const imported = { ...(await child(['--data-dir', target, 'import', join(root, `archive-${n}.zip`)], true)), articles: n };
    const restored = new Core({ dataDir: target });
    const count = restored.open.db.prepare('SELECT count(*) FROM articles').pluck().get() as number;
    restored.close();
    if (count !== n) throw new Error(`the import restored ${count} of ${n} articles`);
    const archiveRate = mb(big.export.bytes!) / big.export.seconds;
    const plainRate = mb(big.plain.bytes!) / big.plain.seconds;
    const label = n >= 1000 ? `${Math.round(n / 1000)}k` : String(n);
    const smallLabel = small >= 1000 ? `${Math.round(small / 1000)}k` : String(small);
    const rss = (count: number, name: string): BenchResult => ({
      name,
      value: round(figures[count]!.export.maxRssMb),
      unit: 'MB',
      baseline: RSS_BUDGET_MB,
      ratio: round(figures[count]!.export.maxRssMb / RSS_BUDGET_MB, 2),
      target: 1,
      note: `peak RSS of the \`midad export\` process (the CLI bundle; ${count} articles, full archive), against the ${RSS_BUDGET_MB} MB budget; must not grow with the article count`,
      detail: { plainStreamPeakRssMbUnderTsx: round(figures[count]!.plain.maxRssMb), exportSeconds: round(figures[count]!.export.seconds, 1) },
    });
    return [
      {
        name: `export.${label}`,
        value: round(archiveRate, 1),
        unit: 'MB/s',
        baseline: round(plainRate, 1),
        // Throughput: the ratio is how many times slower the full archive is than the plain stream (informational).
        ratio: round(plainRate / archiveRate, 2),
        target: null,
        note: `${n} generated Arabic articles (~800 words, one image each) to the full archive (articles.jsonl, media, HTML site, Markdown, WXR, manifest with SHA-256s) vs the same articles.jsonl alone through a plain write stream; ratio = baseline MB/s ÷ archive MB/s`,
        detail: {
          archiveMb: round(mb(big.export.bytes!), 1),
          archiveSeconds: round(big.export.seconds, 1),
          plainJsonlMb: round(mb(big.plain.bytes!), 1),
          plainSeconds: round(big.plain.seconds, 1),
          articlesPerSecond: round(big.export.articles / big.export.seconds),
        },
      },
      rss(small, `export.rss.${smallLabel}`),
      rss(n, `export.rss.${label}`),
      {
        name: `import.${label}`,
        value: round(imported.articles / imported.seconds),
        unit: 'articles/s',
        baseline: null,
        ratio: null,
        target: null,
        note: `the ${n}-article archive (checksums verified, every record checked, images restored) into an empty database, one transaction`,
        detail: { seconds: round(imported.seconds, 1), peakRssMb: round(imported.maxRssMb) },
      },
    ];
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

// `node --import tsx tests/bench/archive.ts` runs this benchmark alone.
if (process.argv[1] && resolve(process.argv[1]) === resolve(__filename)) {
  benchArchive().then(
    (results) => console.log(JSON.stringify(results, null, 2)),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}

import Database from 'better-sqlite3';
import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { cliContext } from '../../electron/core/CallContext';
import { Core, DATABASE_FILE_NAME } from '../../electron/core/Core';
import { dispatch } from '../../electron/core/ipc/dispatch';
import { BM25, RANK_WINDOW } from '../../electron/core/services/SearchService';
import { parseQuery, toMatchExpression } from '../../electron/core/search/query';
import type { ArticleStatus } from '../../shared/domain/article';
import type { SearchFilters, SearchHit } from '../../shared/ipc/channels/search';
import { HEADINGS, newsSentence, seededRandom } from '../fixtures/arabicArticle';
import { signInAs } from '../support/tempCore';
import { ratioOf, type BenchResult } from './result';
import { percentile, round } from './stats';

export interface SearchBenchOptions {
  articles: number;
  /** Timed runs per query kind (after one warm-up run), alternating service and raw. */
  iterations: number;
}

const WORDS_PER_ARTICLE = 800;
const PAGE = 20;
const SECTIONS = ['سياسة', 'اقتصاد', 'رياضة', 'ثقافة', 'مجتمع', 'جهات', 'دولي'] as const;
const STATUSES: [ArticleStatus, number][] = [
  ['published', 0.6],
  ['draft', 0.15],
  ['submitted', 0.08],
  ['approved', 0.05],
  ['in_review', 0.04],
  ['changes_requested', 0.03],
  ['killed', 0.02],
  ['spiked', 0.03],
];

/**
 * A lexicon of 30,000 Arabic-looking words (roots of three letters in common patterns), drawn
 * with a Zipf-like law (rank r with probability ∝ 1/r): a few words are in every article,
 * most are in a few hundred, as in a real archive. The generator's news sentences (about a
 * third of the words) bring real phrases, clitics and a fixed vocabulary on top.
 */
const LETTERS = 'بتثجحخدذرزسشصضطظعغفقكلمنهوي';
const PATTERNS: ((a: string, b: string, c: string) => string)[] = [
  (a, b, c) => `${a}${b}${c}`,
  (a, b, c) => `م${a}${b}${c}`,
  (a, b, c) => `${a}ا${b}${c}`,
  (a, b, c) => `${a}${b}ي${c}`,
  (a, b, c) => `م${a}${b}${c}ة`,
  (a, b, c) => `ت${a}${b}ي${c}`,
  (a, b, c) => `${a}${b}${c}ات`,
  (a, b, c) => `است${a}${b}ا${c}`,
  (a, b, c) => `${a}${b}ا${c}ة`,
  (a, b, c) => `م${a}ا${b}${c}`,
];
const LEXICON_SIZE = 30_000;

function buildLexicon(): string[] {
  const random = seededRandom(77);
  const words = new Set<string>();
  while (words.size < LEXICON_SIZE) {
    const pick = () => LETTERS[Math.floor(random() * LETTERS.length)]!;
    words.add(PATTERNS[Math.floor(random() * PATTERNS.length)]!(pick(), pick(), pick()));
  }
  return [...words];
}

const CLITICS: [string, number][] = [
  ['ال', 0.22],
  ['و', 0.06],
  ['وال', 0.05],
  ['بال', 0.04],
  ['لل', 0.03],
  ['ب', 0.02],
  ['ل', 0.02],
  ['ف', 0.01],
];
const HARAKAT = ['\u064e', '\u064f', '\u0650', '\u0651', '\u0652'];

class ArticleMaker {
  readonly lexicon = buildLexicon();
  private readonly logSize = Math.log(LEXICON_SIZE);

  constructor(private readonly random: () => number) {}

  /** Rank ~ 1/r: exp(u · ln N) gives r with density ∝ 1/r. */
  lexiconWord(): string {
    const rank = Math.min(LEXICON_SIZE - 1, Math.floor(Math.exp(this.random() * this.logSize)) - 1);
    let word = this.lexicon[rank]!;
    let roll = this.random();
    for (const [clitic, share] of CLITICS) {
      if (roll < share) {
        word = clitic + word;
        break;
      }
      roll -= share;
    }
    // A few words written with harakat, as some writers do.
    if (this.random() < 0.02) word = word[0] + HARAKAT[Math.floor(this.random() * HARAKAT.length)]! + word.slice(1);
    return word;
  }

  lexiconSentence(words: number): string {
    const parts: string[] = [];
    for (let index = 0; index < words; index += 1) parts.push(this.lexiconWord());
    return `${parts.join(' ')}.`;
  }

  /** Paragraphs of about `WORDS_PER_ARTICLE` words: news sentences and lexicon sentences mixed. */
  paragraphs(): string[] {
    const paragraphs: string[] = [];
    let words = 0;
    while (words < WORDS_PER_ARTICLE) {
      const sentences: string[] = [];
      for (let index = 0; index < 4 && words < WORDS_PER_ARTICLE; index += 1) {
        const sentence = this.random() < 0.4 ? newsSentence(this.random) : this.lexiconSentence(10 + Math.floor(this.random() * 12));
        words += sentence.split(' ').length;
        sentences.push(sentence);
      }
      paragraphs.push(sentences.join(' '));
    }
    return paragraphs;
  }
}

function pickStatus(random: () => number): ArticleStatus {
  let roll = random();
  for (const [status, share] of STATUSES) {
    if (roll < share) return status;
    roll -= share;
  }
  return 'published';
}

function escapeJson(text: string): string {
  return JSON.stringify(text);
}

/** The query kinds: [name, query, filters]. */
function queryKinds(maker: ArticleMaker): [string, string, SearchFilters][] {
  const lexicon = maker.lexicon;
  const from = '2026-01-01T00:00:00Z';
  const to = '2026-03-31T23:59:59Z';
  return [
    ['common word', 'الحكومة', {}],
    ['common word 2', 'المدينة', {}],
    ['common lexicon word', lexicon[1]!, {}],
    ['mid-frequency word', lexicon[400]!, {}],
    ['rare word', lexicon[24_000]!, {}],
    ['rare word 2', lexicon[29_000]!, {}],
    ['absent word', 'زلزلزال', {}],
    ['vowelled query', 'الحُكُومَة', {}],
    ['vowelled rare', `${lexicon[5_000]![0]}\u064e${lexicon[5_000]!.slice(1)}`, {}],
    ['clitic (stem finds وال/بال/لل)', lexicon[50]!, {}],
    ['clitic form typed', `بال${lexicon[50]!}`, {}],
    ['hamza forms', 'أعلن', {}],
    ['two words', `الحكومة ${lexicon[300]!}`, {}],
    ['three words', `${lexicon[20]!} ${lexicon[200]!} ${lexicon[2_000]!}`, {}],
    ['phrase', '"الناطق الرسمي باسم الحكومة"', {}],
    ['phrase, rare', `"${lexicon[3]!} ${lexicon[7]!}"`, {}],
    ['prefix', `${lexicon[100]!.slice(0, 3)}*`, {}],
    ['prefix, long', `${lexicon[1_000]!.slice(0, 4)}*`, {}],
    ['status filter', 'المدينة', { status: ['submitted'] }],
    ['section filter', lexicon[100]!, { section: 'رياضة' }],
    ['author filter', lexicon[60]!, { author: 'سلمى' }],
    ['date filter', lexicon[80]!, { from, to }],
    ['spiked only', lexicon[40]!, { status: ['spiked'] }],
    ['all filters', 'الحكومة', { status: ['published'], section: 'سياسة', from, to }],
  ];
}

/**
 * The same question as hand-written SQL: the MATCH, the filters (on search_docs, the index's
 * own filter columns), every match ranked by the same bm25, one page of ids.
 */
function rawSql(filters: SearchFilters): { sql: string; params: Record<string, unknown> } {
  const where = ['article_search MATCH @match'];
  const params: Record<string, unknown> = {};
  let join = '';
  if (filters.status?.length) {
    where.push(`d.status IN (${filters.status.map((_, index) => `@s${index}`).join(', ')})`);
    filters.status.forEach((status, index) => (params[`s${index}`] = status));
  } else where.push("d.status <> 'spiked'");
  if (filters.section) {
    where.push('d.section = @section');
    params.section = filters.section;
  }
  if (filters.author) {
    join = ' LEFT JOIN users au ON au.id = d.author_id';
    where.push('(au.name LIKE @author OR d.byline LIKE @author)');
    params.author = `%${filters.author}%`;
  }
  if (filters.from) {
    where.push('d.updated_at >= @from');
    params.from = new Date(filters.from).toISOString();
  }
  if (filters.to) {
    where.push('d.updated_at <= @to');
    params.to = new Date(filters.to).toISOString();
  }
  return {
    sql: `SELECT d.article_id, ${BM25} AS rank FROM article_search s CROSS JOIN search_docs d ON d.doc = s.rowid${join}
      WHERE ${where.join(' AND ')} ORDER BY rank LIMIT ${PAGE}`,
    params,
  };
}

/**
 * `search.p95.100k`: `search.query` through dispatch (contract validation, session, parser,
 * SearchService: ranked page, total, passages with highlights) against the raw FTS5 MATCH
 * of the same expression with the same filters on the same index (a separate read-only
 * connection), alternating, over 24 query kinds.
 */
export async function benchSearch(options: SearchBenchOptions): Promise<BenchResult> {
  const root = mkdtempSync(join(tmpdir(), 'midad-bench-search-'));
  const core = new Core({ dataDir: root });
  let raw: Database.Database | null = null;
  try {
    const { ctx } = await signInAs(core, 'مديرة التحرير', 'admin');
    const authors = [ctx.user!.id!];
    for (const name of ['سلمى الكاتبة', 'كريم المراسل', 'هدى المحررة']) {
      authors.push((await core.open.accounts.create(cliContext('bench'), name, 'editor', 'كلمة-سر-طويلة-2026')).id);
    }
    const random = seededRandom(100_000);
    const maker = new ArticleMaker(random);
    const db = core.open.db;
    const columns = [
      'id', 'title', 'subtitle', 'excerpt', 'slug', 'section', 'tags', 'byline', 'status', 'body_json', 'body_hash', 'body_text',
      'word_count', 'char_count', 'version', 'created_at', 'updated_at', 'author_id',
    ];
    // Raw prepared statement: the triggers index every row exactly as a save would.
    const insert = db.prepare(`INSERT INTO articles (${columns.join(', ')}) VALUES (${columns.map((column) => `@${column}`).join(', ')})`);
    const start = Date.parse('2025-01-01T00:00:00Z');
    const span = 700 * 24 * 3600_000;
    const buildStarted = performance.now();
    let totalWords = 0;
    db.transaction(() => {
      for (let index = 0; index < options.articles; index += 1) {
        const paragraphs = maker.paragraphs();
        const bodyText = paragraphs.join('\n');
        const bodyJson = `{"type":"doc","content":[${paragraphs.map((text) => `{"type":"paragraph","attrs":{"dir":"rtl"},"content":[{"type":"text","text":${escapeJson(text)}}]}`).join(',')}]}`;
        const words = bodyText.split(/\s+/).length;
        totalWords += words;
        const updated = new Date(start + Math.floor(random() * span)).toISOString();
        const author = index % authors.length;
        insert.run({
          id: randomUUID(),
          title: `${HEADINGS[index % HEADINGS.length]}: ${maker.lexiconSentence(5).slice(0, -1)}`,
          subtitle: maker.lexiconSentence(6).slice(0, -1),
          excerpt: '',
          slug: '',
          section: SECTIONS[index % SECTIONS.length]!,
          tags: JSON.stringify([maker.lexiconWord(), maker.lexiconWord()]),
          byline: author === 1 ? 'سلمى الكاتبة' : '',
          status: pickStatus(random),
          body_json: bodyJson,
          body_hash: createHash('sha256').update(bodyJson).digest('hex'),
          body_text: bodyText,
          word_count: words,
          char_count: bodyText.length,
          version: 1,
          created_at: updated,
          updated_at: updated,
          author_id: authors[author]!,
        });
      }
    })();
    const buildMs = performance.now() - buildStarted;
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.pragma('optimize');
    const file = join(root, DATABASE_FILE_NAME);
    const dbBytes = statSync(file).size;
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    const indexPages = db
      .prepare("SELECT sum(pgsize) FROM dbstat WHERE name LIKE 'article_search%' OR name = 'search_docs' OR name LIKE 'sqlite_autoindex_search_docs%'")
      .pluck()
      .get() as number | null;

    raw = new Database(file, { readonly: true });
    if (process.env.MIDAD_BENCH_SEARCH_BUILD_ONLY) return { name: 'search.p95.100k', value: null, unit: 'ms', baseline: null, ratio: null, target: 1.5 };
    const kinds = queryKinds(maker);
    const serviceTimes: number[] = [];
    const rawTimes: number[] = [];
    const perKind: string[] = [];
    const windowed: string[] = [];
    for (const [name, query, filters] of kinds) {
      const match = toMatchExpression(parseQuery(query));
      if (!match) throw new Error(`query kind "${name}" parses to nothing`);
      const { sql, params } = rawSql(filters);
      const statement = raw.prepare(sql);
      const matching = raw.prepare('SELECT count(*) FROM article_search WHERE article_search MATCH ?').pluck().get(match) as number;
      if (matching > RANK_WINDOW) windowed.push(name);
      const kindService: number[] = [];
      const kindRaw: number[] = [];
      let hits = 0;
      for (let run = 0; run <= options.iterations; run += 1) {
        const started = performance.now();
        const result = await dispatch(core, 'search.query', { query, filters, limit: PAGE }, ctx);
        const serviceMs = performance.now() - started;
        if (!result.ok) throw new Error(`search.query failed for "${name}": ${result.error.message}`);
        const rawStarted = performance.now();
        const rows = statement.all({ ...params, match }) as { article_id: string }[];
        const rawMs = performance.now() - rawStarted;
        const found = (result.value as { hits: SearchHit[] }).hits;
        // Where every match is ranked, the service and the raw query must give the same page.
        if (matching <= RANK_WINDOW && found.map((hit) => hit.id).join() !== rows.map((row) => row.article_id).join()) {
          throw new Error(`search.query and the raw MATCH disagree for "${name}"`);
        }
        hits = found.length;
        if (run === 0) continue;
        kindService.push(serviceMs);
        kindRaw.push(rawMs);
      }
      serviceTimes.push(...kindService);
      rawTimes.push(...kindRaw);
      perKind.push(`${name}: ${round(percentile(kindService, 95), 1)}/${round(percentile(kindRaw, 95), 1)} ms (${matching} matches, ${hits} hits)`);
    }
    const value = percentile(serviceTimes, 95);
    const baseline = percentile(rawTimes, 95);
    const perThousand = options.articles / 1000;
    return {
      name: 'search.p95.100k',
      value: round(value, 2),
      unit: 'ms',
      baseline: round(baseline, 2),
      ratio: ratioOf(value, baseline),
      target: 1.5,
      note:
        `p95 over ${kinds.length} query kinds × ${options.iterations} runs of search.query (page of ${PAGE}, total, highlighted passages) through dispatch, ` +
        `${options.articles.toLocaleString('en')} generated Arabic articles of ~${WORDS_PER_ARTICLE} words (Zipf lexicon + news sentences, clitics, some harakat); ` +
        'baseline: the raw FTS5 MATCH of the same expression with the same filters, every match ranked by the same bm25, one page of ids, on a separate ' +
        'read-only connection to the same index, alternating (the pages are checked equal wherever the service ranks every match). ' +
        `Queries matching more than ${RANK_WINDOW.toLocaleString('en')} articles are ranked by the service among the ${RANK_WINDOW.toLocaleString('en')} most recent matches ` +
        '(README, Search); the raw baseline ranks them all. Also required: p95 ≤ 50 ms',
      detail: {
        p95Ms: round(value, 2),
        p50Ms: round(percentile(serviceTimes, 50), 2),
        baselineP50Ms: round(percentile(rawTimes, 50), 2),
        p95TargetMs: 50,
        articles: options.articles,
        averageWords: Math.round(totalWords / options.articles),
        buildSeconds: round(buildMs / 1000, 1),
        buildMsPer1000Articles: round(buildMs / perThousand, 0),
        dbMBPer1000Articles: round(dbBytes / 1_048_576 / perThousand, 2),
        searchIndexMBPer1000Articles: indexPages === null ? 'n/a' : round(indexPages / 1_048_576 / perThousand, 2),
        pageSize,
        perKindP95ServiceVsRaw: perKind.join('; '),
        kindsRankedInWindow: windowed.join(', ') || 'none',
      },
    };
  } finally {
    raw?.close();
    core.close();
    if (process.env.MIDAD_BENCH_SEARCH_KEEP) console.log(`kept ${root}`);
    else rmSync(root, { recursive: true, force: true });
  }
}

/** The article count: MIDAD_BENCH_SEARCH_N (a quick run) or 100,000. */
export function searchBenchArticles(): number {
  const n = Number(process.env.MIDAD_BENCH_SEARCH_N ?? 100_000);
  return Number.isInteger(n) && n > 0 ? n : 100_000;
}

// `node --import tsx tests/bench/search.ts`: this figure alone.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  benchSearch({ articles: searchBenchArticles(), iterations: 10 })
    .then((result) => console.log(JSON.stringify(result, null, 2)))
    .catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    });
}

import Database from 'better-sqlite3';
import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cliContext } from '../../electron/core/CallContext';
import { Core, DATABASE_FILE_NAME } from '../../electron/core/Core';
import { insertArticleRow, type ArticleRow } from '../../electron/core/db/queries/articles';
import { dispatch } from '../../electron/core/ipc/dispatch';
import type { ArticleStatus, ArticleSummary } from '../../shared/domain/article';
import type { DocNode } from '../../shared/editor/docSchema';
import { docToText } from '../../shared/editor/docToText';
import { countCharacters, countWords } from '../../shared/text/arabic';
import { HEADINGS, newsSentence, seededRandom } from '../fixtures/arabicArticle';
import { signInAs } from '../support/tempCore';
import { ratioOf, type BenchResult } from './result';
import { percentile, round } from './stats';

export interface QueueListBenchOptions {
  articles: number;
  iterations: number;
  warmup: number;
}

/** The share of each state among the generated articles: about 2,000 of 10,000 are in the queue. */
const STATE_MIX: [ArticleStatus, number][] = [
  ['draft', 0.3],
  ['submitted', 0.2],
  ['in_review', 0.05],
  ['changes_requested', 0.05],
  ['approved', 0.05],
  ['published', 0.3],
  ['killed', 0.02],
  ['spiked', 0.03],
];

function pickState(random: () => number): ArticleStatus {
  let roll = random();
  for (const [state, share] of STATE_MIX) {
    if (roll < share) return state;
    roll -= share;
  }
  return 'draft';
}

/**
 * The query the review queue needs, written out by hand against the schema: one page of
 * submitted articles with their author's and assignee's names, urgent first, nearest deadline
 * (undated last), oldest submission; and how many there are.
 */
const RAW_PAGE = `SELECT a.id, a.title, a.status, a.word_count, a.section, a.priority, a.deadline, a.submitted_at, a.scheduled_at,
  a.created_at, a.updated_at, author.name AS author_name, assignee.name AS assignee_name
  FROM articles a LEFT JOIN users author ON author.id = a.author_id LEFT JOIN users assignee ON assignee.id = a.assignee_id
  WHERE a.status = 'submitted'
  ORDER BY a.priority DESC, a.deadline IS NULL, a.deadline, a.submitted_at, a.rowid LIMIT ? OFFSET 0`;
const RAW_COUNT = "SELECT count(*) FROM articles WHERE status = 'submitted'";
/** What `desk.list` returns when no limit is given. */
const PAGE = 200;

/** Fills the core's database with `count` articles by several authors, in one transaction. */
async function seed(core: Core, count: number): Promise<{ submitted: number; urgent: number }> {
  const { ctx } = await signInAs(core, 'مديرة التحرير', 'admin');
  const cli = cliContext('bench');
  const authors = [ctx.user!.id!];
  for (const name of ['سلمى الكاتبة', 'كريم المراسل', 'هدى المحررة', 'عمر الصحفي']) authors.push((await core.open.accounts.create(cli, name, 'editor', 'كلمة-سر-طويلة-2026')).id);
  const reviewers: string[] = [];
  for (const name of ['يوسف المدقق', 'ليلى المراجعة']) reviewers.push((await core.open.accounts.create(cli, name, 'reviewer', 'كلمة-سر-طويلة-2026')).id);
  const random = seededRandom(10_000);
  const start = Date.parse('2026-01-01T08:00:00Z');
  let submitted = 0;
  let urgent = 0;
  const db = core.open.db;
  db.transaction(() => {
    for (let index = 0; index < count; index += 1) {
      const status = pickState(random);
      const body: DocNode = { type: 'doc', content: [0, 1, 2].map(() => ({ type: 'paragraph', attrs: { dir: 'rtl' }, content: [{ type: 'text', text: newsSentence(random) }] })) };
      const bodyJson = JSON.stringify(body);
      const text = docToText(body);
      const created = new Date(start + index * 47_000).toISOString();
      const isUrgent = random() < 0.1;
      const hasDeadline = random() < 0.4;
      if (status === 'submitted') {
        submitted += 1;
        if (isUrgent) urgent += 1;
      }
      const row: ArticleRow = {
        id: randomUUID(),
        title: `${HEADINGS[index % HEADINGS.length]} (${index})`,
        subtitle: '',
        excerpt: '',
        slug: '',
        slug_auto: 1,
        section: ['سياسة', 'اقتصاد', 'رياضة', 'ثقافة', 'مجتمع'][index % 5]!,
        tags: '[]',
        byline: '',
        featured_media: null,
        status,
        status_before_spike: status === 'spiked' ? 'draft' : null,
        body_json: bodyJson,
        body_hash: createHash('sha256').update(bodyJson).digest('hex'),
        body_text: text,
        word_count: countWords(text),
        char_count: countCharacters(text),
        version: 1,
        created_at: created,
        updated_at: created,
        author_id: authors[index % authors.length]!,
        assignee_id: status === 'in_review' ? reviewers[index % reviewers.length]! : null,
        priority: isUrgent ? 'urgent' : 'normal',
        deadline: hasDeadline ? new Date(start + Math.floor(random() * 400) * 3_600_000).toISOString() : null,
        scheduled_at: null,
        submitted_at: status === 'submitted' || status === 'in_review' ? new Date(Date.parse(created) + 600_000).toISOString() : null,
        published_at: status === 'published' ? created : null,
      };
      insertArticleRow(db, row);
    }
  })();
  db.pragma('optimize');
  return { submitted, urgent };
}

/**
 * `queue.list.10k`: the review queue (`desk.list {view:'queue'}`, first page of 200) through
 * dispatch — the contract's request parsing, the access check, the session, the desk service
 * and the mapping to summaries — against the hand-written SQL it needs, run with a separate
 * better-sqlite3 connection on the same database file. Iterations alternate between the two.
 */
export async function benchQueueList(options: QueueListBenchOptions): Promise<BenchResult> {
  const root = mkdtempSync(join(tmpdir(), 'midad-bench-queue-'));
  const core = new Core({ dataDir: root });
  let raw: Database.Database | null = null;
  try {
    const { submitted, urgent } = await seed(core, options.articles);
    const ctx = core.sessionContext();
    raw = new Database(join(root, DATABASE_FILE_NAME), { readonly: true });
    const page = raw.prepare(RAW_PAGE);
    const count = raw.prepare(RAW_COUNT).pluck();

    const first = await dispatch(core, 'desk.list', { view: 'queue' }, ctx);
    if (!first.ok) throw new Error(`desk.list failed: ${first.error.message}`);
    const listed = first.value as { items: ArticleSummary[]; total: number };
    const expected = (page.all(PAGE) as { id: string }[]).map((row) => row.id);
    if (listed.total !== submitted || listed.items.map((item) => item.id).join() !== expected.join()) {
      throw new Error('desk.list and the raw query disagree on the queue');
    }

    const coreTimes: number[] = [];
    const rawTimes: number[] = [];
    for (let iteration = 0; iteration < options.warmup + options.iterations; iteration += 1) {
      const started = performance.now();
      const result = await dispatch(core, 'desk.list', { view: 'queue' }, ctx);
      const coreMs = performance.now() - started;
      if (!result.ok) throw new Error(`desk.list failed: ${result.error.message}`);
      const rawStarted = performance.now();
      const rows = page.all(PAGE);
      const total = count.get() as number;
      const rawMs = performance.now() - rawStarted;
      if (rows.length !== PAGE || total !== submitted) throw new Error('raw queue query returned the wrong page');
      if (iteration >= options.warmup) {
        coreTimes.push(coreMs);
        rawTimes.push(rawMs);
      }
    }
    const value = percentile(coreTimes, 95);
    const baseline = percentile(rawTimes, 95);
    return {
      name: 'queue.list.10k',
      value: round(value, 3),
      unit: 'ms',
      baseline: round(baseline, 3),
      ratio: ratioOf(value, baseline),
      target: 2,
      note:
        `p95 of desk.list {view:'queue'} (first page of ${PAGE}, with the total) through dispatch, ${options.articles.toLocaleString('en')} articles ` +
        `(${submitted} submitted, ${urgent} of them urgent); baseline: the same page and count as hand-written SQL on a separate ` +
        'better-sqlite3 connection to the same file, alternating',
      detail: {
        p95Ms: round(value, 3),
        p50Ms: round(percentile(coreTimes, 50), 3),
        baselineP50Ms: round(percentile(rawTimes, 50), 3),
        p50Ratio: ratioOf(percentile(coreTimes, 50), percentile(rawTimes, 50)) ?? 'n/a',
        samples: coreTimes.length,
        articles: options.articles,
        submitted,
      },
    };
  } finally {
    raw?.close();
    core.close();
    rmSync(root, { recursive: true, force: true });
  }
}

import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Core } from '../../electron/core/Core';
import { dispatch } from '../../electron/core/ipc/dispatch';
import type { CallContext } from '../../electron/core/CallContext';
import type { SyncItemRow } from '../../electron/core/sync/outboxRows';
import type { Article } from '../../shared/domain/article';
import { signInAs, tempDir } from '../support/tempCore';
import { FaultProxy, type Fault } from './faultProxy';
import { findWordPress, wpRest, type WordPressEnv } from './wordpressEnv';

const found = await findWordPress();
if (found.reason) console.log(`SKIPPED (engine through a faulty proxy): ${found.reason}`);
const env = found.env as WordPressEnv;

const ARTICLES = Number(process.env.MIDAD_FAULT_ARTICLES ?? 120);
const TIMEOUT_MS = 1500;
const ROOT = new URL('../..', import.meta.url).pathname;

/** A small deterministic PRNG (mulberry32), so a failing run can be replayed with its seed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FAULTS: Array<[Fault, number]> = [
  ['drop-before', 0.07],
  ['drop-after', 0.09],
  ['error-500', 0.07],
  ['throttle-429', 0.07],
  ['stall-before', 0.025],
  ['stall-after', 0.035],
];

/** Every post on the site whose title contains `part`, in any status (trash included), page by page. */
async function postsTitled(env: WordPressEnv, part: string): Promise<Array<{ id: number; status: string; title: string }>> {
  const posts: Array<{ id: number; status: string; title: string }> = [];
  for (let page = 1, pages = 1; page <= pages; page += 1) {
    const { status, json, headers } = await wpRest<Array<{ id: number; status: string; title: { raw: string } }>>(
      env,
      'editor',
      'GET',
      `/posts?search=${encodeURIComponent(part)}&status=publish,future,draft,pending,private,trash&context=edit&orderby=id&order=asc&per_page=100&page=${page}&_fields=id,status,title`,
    );
    if (status !== 200) throw new Error(`listing the posts titled …${part}… (page ${page}): HTTP ${status} ${JSON.stringify(json)}`);
    pages = Number(headers.get('x-wp-totalpages') ?? 1);
    for (const post of json) if (post.title.raw.includes(part)) posts.push({ id: post.id, status: post.status, title: post.title.raw });
  }
  return posts;
}

function paragraph(text: string) {
  return { type: 'paragraph', attrs: { dir: 'rtl' }, content: [{ type: 'text', text }] };
}

function runWorker(dataDir: string, log: string[]): { child: ChildProcess; done: Promise<number | null> } {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'tests/integration/engineWorker.ts'), dataDir], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (chunk: Buffer) => log.push(...chunk.toString('utf8').split('\n').filter(Boolean)));
  child.stderr!.on('data', (chunk: Buffer) => log.push(`stderr: ${chunk.toString('utf8')}`));
  const done = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, done };
}

describe.skipIf(!env)('the sync engine through a fault-injecting proxy to a real WordPress', () => {
  it(`does publish each of ${ARTICLES} approved articles exactly once when connections drop, answers are lost, the server errs, throttles and stalls, and the engine is killed mid-run`, async () => {
    const seed = Number(process.env.MIDAD_FAULT_SEED ?? Date.now() % 100_000);
    const random = prng(seed);
    // This run's own part of every title (the seed alone may repeat across runs on the same site).
    const runTag = `run${seed}x${randomBytes(4).toString('hex')}`;
    let createsForwarded = 0;
    let faultsOn = true;
    const firstFaults: Fault[] = FAULTS.map(([name]) => name);
    const proxy = await FaultProxy.start(env.url, ({ method, path }) => {
      let fault: Fault = 'pass';
      // The first requests meet each fault kind once, so every kind is exercised in every run;
      // after that the faults are drawn at random.
      const scripted = faultsOn ? firstFaults.shift() : undefined;
      if (scripted) {
        fault = scripted;
      } else if (faultsOn) {
        let draw = random();
        for (const [name, share] of FAULTS) {
          if (draw < share) {
            fault = name;
            break;
          }
          draw -= share;
        }
      }
      if (method === 'POST' && path.startsWith('/wp-json/wp/v2/posts') && !/posts\/\d/.test(path) && (fault === 'pass' || fault.endsWith('-after'))) createsForwarded += 1;
      return fault;
    });
    const dataDir = tempDir('midad-faults-');
    const log: string[] = [];
    try {
      // An admin, a WordPress endpoint behind the proxy, and approved articles queued for it.
      const setup = new Core({ dataDir });
      const { ctx } = await signInAs(setup, 'مديرة التحرير', 'admin');
      const call = async <T>(channel: string, payload: unknown, as: CallContext = ctx): Promise<T> => {
        const result = await dispatch(setup, channel, payload, as);
        if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
        return result.value as T;
      };
      const endpoint = await call<{ id: string }>('endpoints.save', {
        kind: 'wordpress',
        name: 'ووردبريس المحلي',
        url: proxy.url,
        username: env.users.editor.user,
        secret: env.users.editor.applicationPassword,
        enabled: true,
        concurrency: 4,
      });
      setup.open.db.prepare(`UPDATE endpoints SET options = json_set(options, '$.timeoutMs', ?) WHERE id = ?`).run(TIMEOUT_MS, endpoint.id);
      const ids: string[] = [];
      for (let n = 0; n < ARTICLES; n += 1) {
        const article = await call<Article>('articles.create', {
          fields: {
            title: `خبر رقم ${n + 1}: ارتفاع أسعار القمح ${runTag}`,
            body: { type: 'doc', content: [paragraph(`قال وزير الاقتصاد إن نسبة النمو بلغت ${n}٫٥٪ في 2026 (وفق Reuters) — «رقم قياسي».`)] },
          },
        });
        await call('workflow.act', { id: article.id, action: 'submit' });
        await call('workflow.act', { id: article.id, action: 'claim' });
        await call('workflow.act', { id: article.id, action: 'approve' });
        ids.push(article.id);
      }
      const queued = setup.open.db.prepare(`SELECT COUNT(*) AS n FROM sync_items WHERE endpoint_id = ?`).get(endpoint.id) as { n: number };
      expect(queued.n).toBe(ARTICLES);
      setup.close();

      // Engine 1, killed (SIGKILL) while requests are in flight, once a third of the creates went through.
      const first = runWorker(dataDir, log);
      const killAt = Math.ceil(ARTICLES / 3);
      await new Promise<void>((resolve, reject) => {
        const timer = setInterval(() => {
          if (createsForwarded >= killAt) {
            clearInterval(timer);
            first.child.kill('SIGKILL');
            resolve();
          }
        }, 5);
        void first.done.then((code) => {
          clearInterval(timer);
          if (createsForwarded < killAt) reject(new Error(`engine 1 ended (${code}) before the kill: ${log.slice(-5).join(' | ')}`));
        });
      });
      await first.done;

      // Engine 2 on the same data directory, faults still on, until nothing waits.
      const second = runWorker(dataDir, log);
      const code = await second.done;
      expect(code, log.slice(-10).join('\n')).toBe(0);
      faultsOn = false;

      // Everything published, each article exactly once on the site.
      const check = new Core({ dataDir });
      const rows = check.open.db.prepare(`SELECT * FROM sync_items WHERE endpoint_id = ?`).all(endpoint.id) as SyncItemRow[];
      const states = new Map<string, number>();
      for (const row of rows) states.set(row.state, (states.get(row.state) ?? 0) + 1);
      const articleStatus = check.open.db.prepare(`SELECT status, COUNT(*) AS n FROM articles GROUP BY status`).all() as Array<{ status: string; n: number }>;
      const attempts = rows.reduce((sum, row) => sum + row.attempts, 0);
      const markers = rows.map((row) => ({ row, marker: row.slug!.slice(row.slug!.lastIndexOf('-') + 1) }));
      check.close();

      let missing = 0;
      let duplicates = 0;
      let mismatched = 0;
      const perArticle: number[] = [];
      for (let i = 0; i < markers.length; i += 8) {
        await Promise.all(
          markers.slice(i, i + 8).map(async ({ row, marker }) => {
            const { json } = await wpRest<Array<{ id: number; content: { raw: string } }>>(env, 'editor', 'GET', `/posts?search=${encodeURIComponent(`midad:${marker}`)}&status=any&context=edit&per_page=20`);
            const ours = json.filter((post) => post.content.raw.includes(`<!-- midad:${marker} -->`));
            perArticle.push(ours.length);
            if (ours.length === 0) missing += 1;
            if (ours.length > 1) duplicates += ours.length - 1;
            if (ours.length >= 1 && String(ours[0]!.id) !== row.remote_id) mismatched += 1;
          }),
        );
      }
      // Independently of the marker findExisting relies on: every post whose title carries this run's tag.
      const titled = await postsTitled(env, runTag);
      const titledStatuses = new Map<string, number>();
      for (const post of titled) titledStatuses.set(post.status, (titledStatuses.get(post.status) ?? 0) + 1);
      const recovered = log.filter((line) => line.startsWith('{"started"')).map((line) => (JSON.parse(line) as { recovered: number }).recovered).at(-1) ?? 0;
      const passes = log.filter((line) => line.startsWith('{"pass"')).length;
      console.log(
        [
          `fault run (seed ${seed}): ${ARTICLES} approved articles, ${rows.length} outbox rows, ${attempts} attempts over ${passes} engine passes`,
          `  proxy: ${proxy.summary()}`,
          `  engine killed (SIGKILL) once after ${killAt} creates had been forwarded; the next engine found ${recovered} rows left in sending and reconciled them`,
          `  outbox states: ${[...states].map(([state, n]) => `${state}=${n}`).join(' ')}; articles: ${articleStatus.map(({ status, n }) => `${status}=${n}`).join(' ')}`,
          `  WordPress by title (${runTag}, all statuses): ${titled.length} posts for ${ARTICLES} articles (${[...titledStatuses].map(([status, n]) => `${status}=${n}`).join(' ')})`,
          `  WordPress by marker: ${perArticle.filter((n) => n === 1).length} articles with exactly one post, ${missing} missing, ${duplicates} duplicates, ${mismatched} not the post the outbox recorded`,
        ].join('\n'),
      );
      for (const [fault] of FAULTS) expect(proxy.counts.get(fault) ?? 0, `the proxy never injected ${fault} (seed ${seed})`).toBeGreaterThan(0);
      expect(recovered).toBeGreaterThan(0);
      expect(missing).toBe(0);
      expect(duplicates).toBe(0);
      expect(mismatched).toBe(0);
      expect(titled.length, `posts titled with ${runTag}: ${titled.map((post) => `${post.id}:${post.status}`).join(' ')}`).toBe(ARTICLES);
      expect(states.get('published')).toBe(ARTICLES);
      expect(articleStatus).toEqual([{ status: 'published', n: ARTICLES }]);
    } finally {
      await proxy.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 600_000);
});

// sync.wordpress.200: approved articles published to the local WordPress (scripts/wordpress.sh)
// through the whole outbox (SQLite rows claimed and recorded, payload built, WordPressTarget),
// against a raw fetch loop posting the same payloads with the same concurrency, in the same run.
import { rmSync } from 'node:fs';
import { Core } from '../../electron/core/Core';
import { dispatch } from '../../electron/core/ipc/dispatch';
import { buildPayload } from '../../electron/core/sync/payload';
import { WRITE_FIELDS, markerComment } from '../../electron/core/sync/targets/WordPressTarget';
import type { PublishPayload } from '../../electron/core/sync/types';
import type { Article } from '../../shared/domain/article';
import { findWordPress, type WordPressEnv } from '../integration/wordpressEnv';
import { signInAs, tempDir } from '../support/tempCore';
import { WRITTEN_SENTENCES } from '../fixtures/arabicArticle';
import { ratioOf, type BenchResult } from './result';
import { round } from './stats';

const NAME = 'sync.wordpress.200';

function notMeasured(reason: string): BenchResult {
  return { name: NAME, value: null, unit: 'ms/post', baseline: null, ratio: null, target: 1.25, note: `not measured: ${reason}` };
}

/** The raw loop: `concurrency` workers POSTing the JSON bodies, nothing else. */
async function rawLoop(env: WordPressEnv, bodies: unknown[], concurrency: number): Promise<number> {
  const auth = `Basic ${Buffer.from(`${env.users.editor.user}:${env.users.editor.applicationPassword}`).toString('base64')}`;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < bodies.length) {
        const body = bodies[next++];
        const response = await fetch(`${env.url}/wp-json/wp/v2/posts?${WRITE_FIELDS}`, {
          method: 'POST',
          headers: { authorization: auth, 'content-type': 'application/json; charset=utf-8', accept: 'application/json' },
          body: JSON.stringify(body),
        });
        const text = await response.text();
        if (response.status !== 201) throw new Error(`raw loop: HTTP ${response.status} ${text.slice(0, 200)}`);
      }
    }),
  );
  return performance.now() - started;
}

export async function benchSyncWordpress(options: { articles: number; concurrency: number }): Promise<BenchResult> {
  const found = await findWordPress();
  if (!found.env) return notMeasured(found.reason);
  const env = found.env;
  const dataDir = tempDir('midad-bench-sync-');
  const core = new Core({ dataDir });
  try {
    const { ctx } = await signInAs(core, 'مديرة التحرير', 'admin');
    const call = async <T>(channel: string, payload: unknown): Promise<T> => {
      const result = await dispatch(core, channel, payload, ctx);
      if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
      return result.value as T;
    };
    await call('endpoints.save', {
      kind: 'wordpress',
      name: 'ووردبريس المحلي',
      url: env.url,
      username: env.users.editor.user,
      secret: env.users.editor.applicationPassword,
      enabled: true,
      concurrency: options.concurrency,
    });
    const run = Date.now().toString(36);
    const ids: string[] = [];
    for (let n = 0; n < options.articles; n += 1) {
      const text = WRITTEN_SENTENCES.slice(n % 5, (n % 5) + 6).join(' ');
      const article = await call<Article>('articles.create', {
        fields: {
          title: `${WRITTEN_SENTENCES[n % WRITTEN_SENTENCES.length]!.slice(0, 60)} ${run}-${n}`,
          body: { type: 'doc', content: [1, 2, 3].map(() => ({ type: 'paragraph', attrs: { dir: 'rtl' }, content: [{ type: 'text', text }] })) },
        },
      });
      for (const action of ['submit', 'claim', 'approve']) await call('workflow.act', { id: article.id, action });
      ids.push(article.id);
    }
    // The raw loop posts what the target would send for the same articles (own slugs, so no -2 probing).
    const payloads: PublishPayload[] = ids.map((id) => buildPayload(core.open.db, core.open.media, id, null, new Date()).payload);
    const bodies = payloads.map((payload) => ({
      title: payload.title,
      content: `${payload.html}\n${markerComment(`${payload.marker}raw`)}`,
      excerpt: payload.excerpt,
      slug: `${payload.slug}-raw`,
      status: 'publish',
      tags: [],
      featured_media: 0,
    }));
    // Raw half, engine, raw half: the site's tables grow during the run, both sides alike.
    const half = Math.floor(bodies.length / 2);
    const rawFirst = await rawLoop(env, bodies.slice(0, half), options.concurrency);
    const started = performance.now();
    let passes = 0;
    for (;;) {
      const summary = await core.open.outbox.runOnce();
      passes += 1;
      if (summary.failed > 0) throw new Error(`engine: ${summary.failed} failed`);
      if (summary.waiting === 0 || passes > 50) break;
    }
    const engineMs = performance.now() - started;
    const rawSecond = await rawLoop(env, bodies.slice(half), options.concurrency);
    const published = (core.open.db.prepare(`SELECT COUNT(*) AS n FROM sync_items WHERE state = 'published'`).get() as { n: number }).n;
    if (published !== options.articles) throw new Error(`engine published ${published} of ${options.articles}`);
    const rawMs = rawFirst + rawSecond;
    const value = engineMs / options.articles;
    const baseline = rawMs / options.articles;
    return {
      name: NAME,
      value: round(value),
      unit: 'ms/post',
      baseline: round(baseline),
      ratio: ratioOf(value, baseline),
      target: 1.25,
      note:
        `${options.articles} approved articles published through the outbox (rows claimed and recorded in SQLite, payload built, WordPressTarget) ` +
        `to the local WordPress (scripts/wordpress.sh), ${options.concurrency} in flight; baseline: a raw fetch loop POSTing the same payloads with the same ` +
        `concurrency and the same URL (half before, half after the engine). Wall time per post; the 1.25 ceiling is the posts/s ratio >= 0.8`,
      detail: {
        enginePostsPerSecond: round((options.articles * 1000) / engineMs),
        rawPostsPerSecond: round((options.articles * 1000) / rawMs),
        postsPerSecondRatio: round(rawMs / engineMs, 2),
        enginePasses: passes,
      },
    };
  } finally {
    core.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

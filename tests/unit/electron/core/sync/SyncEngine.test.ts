import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Article } from '../../../../../shared/domain/article';
import { applyDigits } from '../../../../../shared/text/digits';
import { BACKOFF_CAP_MS, backoffCeilingMs, retryDelayMs } from '../../../../../electron/core/sync/backoff';
import { ARABIC, PNG, paragraph, readDb, reopenWorld, syncWorld } from './syncFixture';

const SECOND = 1000;

describe('SyncEngine', () => {
  it('does publish an approved article to every enabled endpoint, Arabic byte-exact, with an explicit marked slug, and marks it published', async () => {
    const world = await syncWorld();
    const wp = await world.addEndpoint('الموقع');
    const other = await world.addEndpoint('النسخة الثانية');
    const article = await world.approvedArticle({ slug: 'أسعار-القمح' });
    expect(world.row(article.id, wp.id).state).toBe('queued');

    const summary = await world.core.open.outbox.runOnce();
    expect(summary).toMatchObject({ processed: 2, published: 2, failed: 0, online: true });
    for (const server of [wp.server, other.server]) {
      const posts = [...server.posts.values()];
      expect(posts).toHaveLength(1);
      // Byte for byte as typed, with the newsroom's digits policy (Western by default) applied.
      const sent = `<p dir="rtl">${applyDigits(ARABIC, 'western')}</p>`;
      expect(posts[0]!.html).toBe(sent);
      expect(Buffer.from(posts[0]!.html, 'utf8').equals(Buffer.from(sent, 'utf8'))).toBe(true);
      expect(posts[0]!.slug).toBe(`أسعار-القمح-m${article.id.replace(/-/g, '').slice(0, 8)}`);
      expect(posts[0]!.status).toBe('publish');
    }
    const row = world.row(article.id, wp.id);
    expect(row).toMatchObject({ state: 'published', remote_id: '1', attempts: 1, outcome_unknown: 0 });
    expect((await world.call<Article>('articles.get', { id: article.id })).status).toBe('published');
  });

  it('does never make a duplicate when a create times out after the server made the post: the retry adopts it', async () => {
    const world = await syncWorld();
    const wp = await world.addEndpoint('الموقع');
    wp.server.failNext('create', { kind: 'lostAnswer' });
    const article = await world.approvedArticle();

    const first = await world.core.open.outbox.runOnce();
    expect(first.retrying).toBe(1);
    expect(world.row(article.id, wp.id)).toMatchObject({ state: 'retry', outcome_unknown: 1, last_error_code: 'TIMEOUT' });
    expect(wp.server.posts.size).toBe(1);

    world.clock.advance(20 * 60 * SECOND);
    const second = await world.core.open.outbox.runOnce();
    expect(second.published).toBe(1);
    expect(wp.server.calls.findExisting).toBe(1);
    expect(wp.server.calls.create).toBe(1);
    expect(wp.server.posts.size).toBe(1);
    expect(world.row(article.id, wp.id)).toMatchObject({ state: 'published', remote_id: [...wp.server.posts.keys()][0], outcome_unknown: 0 });
  });

  it('does create again when the lost create never reached the server, still exactly one post', async () => {
    const world = await syncWorld();
    const wp = await world.addEndpoint('الموقع');
    wp.server.failNext('create', { kind: 'lostRequest' });
    const article = await world.approvedArticle();
    await world.core.open.outbox.runOnce();
    world.clock.advance(20 * 60 * SECOND);
    await world.core.open.outbox.runOnce();
    expect(wp.server.calls.findExisting).toBe(1);
    expect(wp.server.calls.create).toBe(2);
    expect(wp.server.posts.size).toBe(1);
    expect(world.row(article.id, wp.id).state).toBe('published');
  });

  it('does wait exactly as long as Retry-After says before trying again', async () => {
    const world = await syncWorld({ random: () => 0 });
    const wp = await world.addEndpoint('الموقع');
    wp.server.failNext('create', { kind: 'transient', code: 'HTTP_429', retryAfterMs: 120 * SECOND });
    const article = await world.approvedArticle();
    const start = world.clock.now.getTime();
    await world.core.open.outbox.runOnce();
    expect(world.row(article.id, wp.id)).toMatchObject({ state: 'retry', last_error_code: 'HTTP_429', next_attempt_at: new Date(start + 120 * SECOND).toISOString() });

    world.clock.advance(119 * SECOND);
    expect((await world.core.open.outbox.runOnce()).processed).toBe(0);
    world.clock.advance(1 * SECOND);
    expect((await world.core.open.outbox.runOnce()).published).toBe(1);
    expect(wp.server.calls.create).toBe(2);
  });

  it('does back off exponentially with full jitter, within 0 and a ceiling that doubles from 2 s up to 15 minutes', async () => {
    expect([1, 2, 3, 4].map(backoffCeilingMs)).toEqual([2000, 4000, 8000, 16000]);
    expect(backoffCeilingMs(30)).toBe(BACKOFF_CAP_MS);
    expect(retryDelayMs(3, () => 0)).toBe(0);
    expect(retryDelayMs(3, () => 0.5)).toBe(4000);
    expect(retryDelayMs(3, () => 0.999)).toBeLessThan(8000);

    const draws = [0.9, 0.3, 0.9, 0.9];
    const world = await syncWorld({ random: () => draws.shift() ?? 0.9 });
    const wp = await world.addEndpoint('الموقع');
    wp.server.failNext('create', { kind: 'transient' }, { kind: 'transient' }, { kind: 'transient' }, { kind: 'transient' });
    const article = await world.approvedArticle();
    const waits: number[] = [];
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      await world.core.open.outbox.runOnce();
      const row = world.row(article.id, wp.id);
      expect(row.attempts).toBe(attempt);
      const wait = Date.parse(row.next_attempt_at!) - world.clock.now.getTime();
      expect(wait).toBeGreaterThanOrEqual(0);
      expect(wait).toBeLessThan(backoffCeilingMs(attempt));
      waits.push(wait);
      world.clock.advance(wait);
    }
    expect(waits).toEqual([1800, 1200, 7200, 14400]);
    await world.core.open.outbox.runOnce();
    expect(world.row(article.id, wp.id).state).toBe('published');
  });

  it('does stop only the article that met a permanent error, with its reason in English and Arabic', async () => {
    const world = await syncWorld();
    const wp = await world.addEndpoint('الموقع');
    wp.server.failNext('create', { kind: 'permanent', code: 'WP_REST_CANNOT_PUBLISH' });
    const refused = await world.approvedArticle({ title: 'الأول' });
    const fine = await world.approvedArticle({ title: 'الثاني' });
    const summary = await world.core.open.outbox.runOnce();
    expect(summary).toMatchObject({ failed: 1, published: 1 });
    expect(world.row(refused.id, wp.id)).toMatchObject({ state: 'failed', last_error_code: 'WP_REST_CANNOT_PUBLISH' });
    const items = await world.call<{ lastError: { message: string; messageAr: string } }[]>('sync.article', { articleId: refused.id });
    expect(items[0]!.lastError!.message).toMatch(/refused/);
    expect(items[0]!.lastError!.messageAr).toMatch(/رفض/);
    expect(world.row(fine.id, wp.id).state).toBe('published');
    world.clock.advance(60 * 60 * SECOND);
    expect((await world.core.open.outbox.runOnce()).processed).toBe(0);
    expect(wp.server.calls.create).toBe(2);
  });

  async function correctAndReapprove(world: Awaited<ReturnType<typeof syncWorld>>, article: Article, text: string): Promise<void> {
    await world.call('workflow.act', { id: article.id, action: 'correct' });
    const current = await world.call<Article>('articles.get', { id: article.id });
    await world.call('articles.save', { id: article.id, baseVersion: current.version, patch: { body: { type: 'doc', content: [paragraph(text)] } }, reason: 'manual' });
    await world.call('workflow.act', { id: article.id, action: 'approve' });
  }

  it('does update the same post after a correction is approved again', async () => {
    const world = await syncWorld();
    const wp = await world.addEndpoint('الموقع');
    const article = await world.approvedArticle();
    await world.core.open.outbox.runOnce();
    world.clock.advance(5 * SECOND);
    await correctAndReapprove(world, article, 'نص مصحح.');
    expect(world.row(article.id, wp.id)).toMatchObject({ operation: 'update', state: 'queued' });
    await world.core.open.outbox.runOnce();
    expect(wp.server.posts.size).toBe(1);
    expect(wp.server.posts.get('1')!.html).toBe('<p dir="rtl">نص مصحح.</p>');
    expect(world.row(article.id, wp.id)).toMatchObject({ state: 'published', remote_modified: '2026-11-30T10:00:05' });
  });

  it('does put the article in conflict, overwriting nothing, when the post was changed on the server (also within the same second)', async () => {
    for (const keepModified of [false, true]) {
      const world = await syncWorld();
      const wp = await world.addEndpoint('الموقع');
      const article = await world.approvedArticle();
      await world.core.open.outbox.runOnce();
      world.clock.advance(5 * SECOND);
      wp.server.editRemote('1', { html: '<p>عدّله محرر الموقع.</p>', keepModified });
      await correctAndReapprove(world, article, 'نص مصحح.');
      const summary = await world.core.open.outbox.runOnce();
      expect(summary.conflicts).toBe(1);
      expect(wp.server.calls.update).toBe(0);
      expect(wp.server.posts.get('1')!.html).toBe('<p>عدّله محرر الموقع.</p>');
      expect(world.row(article.id, wp.id)).toMatchObject({ state: 'conflict', last_error_code: 'REMOTE_CHANGED' });
      expect((await world.call<{ conflicts: number }>('sync.status', {})).conflicts).toBe(1);

      const view = await world.call<{ remote: { html: string }; local: { title: string }; body: { kind: string; text: string }[] }>('sync.conflict', { articleId: article.id, endpointId: wp.id });
      expect(view.remote.html).toBe('<p>عدّله محرر الموقع.</p>');
      expect(view.body).toEqual([
        { kind: 'delete', text: 'عدّله محرر الموقع' },
        { kind: 'insert', text: 'نص مصحح' },
        { kind: 'equal', text: '.' },
      ]);
    }
  });

  it('does resolve a conflict by overwriting the remote, by taking the remote as a new revision, or by sending it back to review', async () => {
    const setup = async () => {
      const world = await syncWorld();
      const wp = await world.addEndpoint('الموقع');
      const article = await world.approvedArticle();
      await world.core.open.outbox.runOnce();
      world.clock.advance(5 * SECOND);
      wp.server.editRemote('1', { title: 'عنوان الموقع', html: '<h2>من الموقع</h2><p>فقرة <strong>مهمة</strong> و<a href="https://example.org">رابط</a>.</p><ul><li>أولًا</li></ul>' });
      await correctAndReapprove(world, article, 'نص مصحح.');
      await world.core.open.outbox.runOnce();
      return { world, wp, article, key: { articleId: article.id, endpointId: wp.id } };
    };

    const overwrite = await setup();
    expect((await overwrite.world.call<{ state: string }>('sync.resolve', { ...overwrite.key, resolution: 'overwrite' })).state).toBe('queued');
    await overwrite.world.core.open.outbox.runOnce();
    expect(overwrite.wp.server.posts.get('1')!.html).toBe('<p dir="rtl">نص مصحح.</p>');
    expect(overwrite.world.row(overwrite.article.id, overwrite.wp.id).state).toBe('published');

    const take = await setup();
    expect((await take.world.call<{ state: string }>('sync.resolve', { ...take.key, resolution: 'takeRemote' })).state).toBe('published');
    const local = await take.world.call<Article & { body: unknown }>('articles.get', { id: take.article.id });
    expect(local.title).toBe('عنوان الموقع');
    expect(local.body).toEqual({
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 2, dir: 'rtl' }, content: [{ type: 'text', text: 'من الموقع' }] },
        {
          type: 'paragraph',
          attrs: { dir: 'rtl' },
          content: [
            { type: 'text', text: 'فقرة ' },
            { type: 'text', text: 'مهمة', marks: [{ type: 'bold' }] },
            { type: 'text', text: ' و' },
            { type: 'text', text: 'رابط', marks: [{ type: 'link', attrs: { href: 'https://example.org' } }] },
            { type: 'text', text: '.' },
          ],
        },
        { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', attrs: { dir: 'rtl' }, content: [{ type: 'text', text: 'أولًا' }] }] }] },
      ],
    });
    const revisions = await take.world.call<{ reason: string }[]>('revisions.list', { articleId: take.article.id });
    expect(revisions[0]!.reason).toBe('remote');
    await take.world.core.open.outbox.runOnce();
    expect(take.wp.server.calls.update).toBe(0);

    const resend = await setup();
    expect((await resend.world.call<{ state: string }>('sync.resolve', { ...resend.key, resolution: 'editAndResend' })).state).toBe('held');
    const back = await resend.world.call<Article>('articles.get', { id: resend.article.id });
    expect(back.status).toBe('in_review');
    await resend.world.call('articles.save', { id: back.id, baseVersion: back.version, patch: { body: { type: 'doc', content: [paragraph('نص يجمع التعديلين.')] } }, reason: 'manual' });
    await resend.world.call('workflow.act', { id: back.id, action: 'approve' });
    await resend.world.core.open.outbox.runOnce();
    expect(resend.wp.server.posts.get('1')!.html).toBe('<p dir="rtl">نص يجمع التعديلين.</p>');
    expect(resend.world.row(back.id, resend.wp.id).state).toBe('published');
  });

  it('does reconcile after a restart that left a row in sending: the post the server made is adopted, never duplicated', async () => {
    const world = await syncWorld();
    const wp = await world.addEndpoint('الموقع');
    const article = await world.approvedArticle();
    // The process dies mid-create: the server made the post, the row still says sending.
    wp.server.latencyMs = 50;
    const pass = world.core.open.outbox.runOnce();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(world.row(article.id, wp.id).state).toBe('sending');
    const snapshot = readDb(world.dataDir, (db) => db.prepare('SELECT state FROM sync_items').get());
    expect(snapshot).toEqual({ state: 'sending' });
    await pass;
    world.core.open.db.prepare("UPDATE sync_items SET state = 'sending', remote_id = NULL, remote_url = NULL, remote_modified = NULL").run();
    wp.server.latencyMs = 0;

    const restarted = await reopenWorld(world);
    const summary = await restarted.core.open.outbox.runOnce();
    expect(summary.published).toBe(1);
    expect(wp.server.calls.create).toBe(1);
    expect(wp.server.calls.findExisting).toBe(1);
    expect(wp.server.posts.size).toBe(1);
    expect(restarted.row(article.id, wp.id)).toMatchObject({ state: 'published', remote_id: '1' });
  });

  it('does upload each image once per endpoint and content hash, rewrite its URLs and map the featured image', async () => {
    const world = await syncWorld();
    const one = await world.addEndpoint('الأول');
    const two = await world.addEndpoint('الثاني');
    const media = await world.call<{ hash: string }>('media.put', { name: 'غلاف.png', mime: 'image/png', dataBase64: PNG.toString('base64') });
    expect(media.hash).toBe(createHash('sha256').update(PNG).digest('hex'));
    const body = { type: 'doc', content: [paragraph('نص'), { type: 'image', attrs: { hash: media.hash, alt: 'صورة السوق', caption: 'السوق' } }] };
    const first = await world.approvedArticle({ title: 'الأول', body, featuredMedia: media.hash });
    const second = await world.approvedArticle({ title: 'الثاني', body, featuredMedia: media.hash });
    await world.core.open.outbox.runOnce();
    for (const endpoint of [one, two]) {
      expect(endpoint.server.calls.uploadMedia).toBe(1);
      const [uploaded] = [...endpoint.server.media.values()];
      expect(uploaded!.bytes.equals(PNG)).toBe(true);
      for (const post of endpoint.server.posts.values()) {
        expect(post.featuredMedia).toBe(uploaded!.id);
        expect(post.html).toContain(`src="${uploaded!.url}"`);
        expect(post.html).not.toContain('/media/');
      }
    }
    expect(world.row(first.id, one.id).state).toBe('published');
    expect(world.row(second.id, two.id).state).toBe('published');
    expect(readDb(world.dataDir, (db) => db.prepare('SELECT COUNT(*) AS count FROM media_remote').get())).toEqual({ count: 2 });
  });

  it('does sleep while offline without a busy loop: one timer until the next due time, and a poke wakes it', async () => {
    const world = await syncWorld({ random: () => 0.5 });
    const wp = await world.addEndpoint('الموقع', 'wordpress', { concurrency: 1 });
    wp.server.offline = true;
    const articles = [await world.approvedArticle({ title: 'أ' }), await world.approvedArticle({ title: 'ب' }), await world.approvedArticle({ title: 'ج' })];
    const engine = world.core.open.outbox.engine;
    engine.start();
    const fire = async () => {
      const pending = world.timers.pending();
      expect(pending).toHaveLength(1);
      pending[0]!.cleared = true;
      pending[0]!.callback();
      await new Promise((resolve) => setTimeout(resolve, 20));
    };
    await fire();
    expect(engine.online).toBe(false);
    expect((await world.call<{ online: boolean }>('sync.status', {})).online).toBe(false);
    // Offline after the first refusal: the other two were not tried one by one.
    expect(wp.server.calls.create).toBe(1);
    // Asleep: one timer, set for the failed row's next attempt (0.5 × 2 s), and no calls meanwhile.
    expect(world.timers.pending().map((entry) => entry.ms)).toEqual([1000]);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(wp.server.calls.create).toBe(1);

    // A poke (the network may be back) replaces the sleeping timer: one more try, then asleep again.
    engine.poke();
    expect(world.timers.pending().map((entry) => entry.ms)).toEqual([0]);
    await fire();
    expect(wp.server.calls.create).toBe(2);
    expect(world.timers.pending().map((entry) => entry.ms)).toEqual([1000]);

    wp.server.offline = false;
    world.clock.advance(2000);
    await fire();
    for (const article of articles) expect(world.row(article.id, wp.id).state).toBe('published');
    expect(engine.online).toBe(true);
    expect(world.timers.pending()).toHaveLength(0);
    expect(world.timers.scheduled.length).toBeLessThanOrEqual(6);
    await engine.stop();
  });

  it('does keep sending to a reachable endpoint while another cannot be reached', async () => {
    const world = await syncWorld({ random: () => 0.5 });
    const down = await world.addEndpoint('معطل', 'wordpress', { concurrency: 1 });
    const up = await world.addEndpoint('يعمل');
    down.server.offline = true;
    for (const title of ['أ', 'ب', 'ج']) await world.approvedArticle({ title });
    const summary = await world.core.open.outbox.runOnce();
    expect(summary).toMatchObject({ published: 3, retrying: 1, online: false });
    expect(up.server.posts.size).toBe(3);
    expect(down.server.calls.create).toBe(1);
    const engine = world.core.open.outbox.engine;
    engine.start();
    // The timer: one, due when the unreachable endpoint's failed row may be tried again.
    const [timer] = world.timers.pending();
    expect(timer!.ms).toBe(0);
    timer!.cleared = true;
    timer!.callback();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(down.server.calls.create).toBe(2);
    expect(world.timers.pending().map((entry) => entry.ms)).toEqual([1000]);
    await engine.stop();
  });

  it('does send a scheduled article to WordPress at once as a future post, and hold a webhook delivery until it is due', async () => {
    const world = await syncWorld();
    const wp = await world.addEndpoint('الموقع');
    const hook = await world.addEndpoint('الخطاف', 'webhook');
    const at = new Date(world.clock.now.getTime() + 2 * 60 * 60 * SECOND).toISOString();
    const article = await world.approvedArticle({}, at);
    expect(world.row(article.id, hook.id)).toMatchObject({ state: 'held', next_attempt_at: at });
    await world.core.open.outbox.runOnce();
    expect([...wp.server.posts.values()][0]).toMatchObject({ status: 'future', date: at });
    expect(hook.server.calls.create).toBe(0);
    expect((await world.call<Article>('articles.get', { id: article.id })).status).toBe('approved');
    // The engine wakes at the scheduled time (the held webhook row is due then too), sleeping at most an hour at a time.
    const engine = world.core.open.outbox.engine;
    engine.start();
    const [first] = world.timers.pending();
    first!.cleared = true;
    first!.callback();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(world.timers.pending().map((entry) => entry.ms)).toEqual([60 * 60 * SECOND]);
    await engine.stop();

    world.clock.advance(2 * 60 * 60 * SECOND);
    await world.core.open.outbox.runOnce();
    expect([...hook.server.posts.values()][0]).toMatchObject({ status: 'publish' });
    expect(world.row(article.id, hook.id).state).toBe('published');
    expect((await world.call<Article>('articles.get', { id: article.id })).status).toBe('published');
  });

  it('does unpublish a killed article on every endpoint, to draft or trash per endpoint', async () => {
    const world = await syncWorld();
    const drafts = await world.addEndpoint('مسودة');
    const trash = await world.addEndpoint('سلة', 'wordpress', { unpublishMode: 'trash' });
    const article = await world.approvedArticle();
    await world.core.open.outbox.runOnce();
    await world.call('workflow.act', { id: article.id, action: 'kill' });
    expect(world.row(article.id, drafts.id)).toMatchObject({ operation: 'unpublish', state: 'queued' });
    await world.core.open.outbox.runOnce();
    expect(drafts.server.posts.get('1')!.status).toBe('draft');
    expect(trash.server.posts.get('1')!.status).toBe('trash');
    expect(world.row(article.id, trash.id).state).toBe('unpublished');
  });

  it('does keep at most the endpoint\'s concurrency in flight (default 4, or as set)', async () => {
    const world = await syncWorld();
    const four = await world.addEndpoint('أربعة');
    const two = await world.addEndpoint('اثنان', 'wordpress', { concurrency: 2 });
    four.server.latencyMs = 5;
    two.server.latencyMs = 5;
    for (let index = 0; index < 10; index += 1) await world.approvedArticle({ title: `مقال ${index}` });
    const summary = await world.core.open.outbox.runOnce();
    expect(summary.published).toBe(20);
    expect(four.server.maxInFlight).toBe(4);
    expect(two.server.maxInFlight).toBe(2);
    expect(four.server.posts.size).toBe(10);
  });

  it('does update a webhook without reading it back (a receiver cannot be read; its conflicts come as 409)', async () => {
    const world = await syncWorld();
    const hook = await world.addEndpoint('الخطاف', 'webhook');
    const article = await world.approvedArticle();
    await world.core.open.outbox.runOnce();
    // After a restart a webhook target knows nothing of what it sent.
    hook.server.editRemote('1', { title: '', html: '' });
    await correctAndReapprove(world, article, 'نص مصحح.');
    await world.core.open.outbox.runOnce();
    expect(hook.server.calls.fetch).toBe(0);
    expect(hook.server.posts.get('1')!.html).toBe('<p dir="rtl">نص مصحح.</p>');
    expect(world.row(article.id, hook.id).state).toBe('published');

    hook.server.failNext('update', { kind: 'conflict' });
    await correctAndReapprove(world, article, 'تصحيح ثانٍ.');
    expect((await world.core.open.outbox.runOnce()).conflicts).toBe(1);
    expect(world.row(article.id, hook.id)).toMatchObject({ state: 'conflict', last_error_code: 'HTTP_409' });
  });

  it('does not send an article spiked after approval, and queues it again when it is restored', async () => {
    const world = await syncWorld();
    const wp = await world.addEndpoint('الموقع');
    const article = await world.approvedArticle();
    await world.call('workflow.act', { id: article.id, action: 'spike' });
    expect(world.row(article.id, wp.id).state).toBe('cancelled');
    expect((await world.core.open.outbox.runOnce()).processed).toBe(0);
    await world.call('workflow.act', { id: article.id, action: 'restore' });
    expect(world.row(article.id, wp.id).state).toBe('queued');
    // Reopened for review meanwhile: the engine does not send what is no longer approved.
    world.core.open.db.prepare("UPDATE articles SET status = 'in_review' WHERE id = ?").run(article.id);
    expect(await world.core.open.outbox.runOnce()).toMatchObject({ cancelled: 1, published: 0 });
    expect(world.row(article.id, wp.id)).toMatchObject({ state: 'cancelled', last_error_code: 'NOT_APPROVED' });
    expect(wp.server.calls.create).toBe(0);
  });

  it('does drop comment marks from what is sent', async () => {
    const world = await syncWorld();
    const wp = await world.addEndpoint('الموقع');
    const commentId = '0b5d9c0e-8a4f-4c1e-9d2b-3f6a7e8b9c0d';
    await world.approvedArticle({
      body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'نص عليه ملاحظة', marks: [{ type: 'comment', attrs: { id: commentId } }] }] }] },
    });
    await world.core.open.outbox.runOnce();
    const [post] = [...wp.server.posts.values()];
    expect(post!.html).toBe('<p>نص عليه ملاحظة</p>');
  });
});

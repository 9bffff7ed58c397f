import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Core } from '../../electron/core/Core';
import { dispatch } from '../../electron/core/ipc/dispatch';
import type { CallContext } from '../../electron/core/CallContext';
import type { SyncItemRow } from '../../electron/core/sync/outboxRows';
import { markerComment } from '../../electron/core/sync/targets/WordPressTarget';
import type { Article } from '../../shared/domain/article';
import { signInAs, tempDir } from '../support/tempCore';
import { solidPng } from './png';
import { findWordPress, wpRest, type WordPressEnv, type WordPressRole } from './wordpressEnv';
import { applyDigits } from '../../shared/text/digits';
import { DEFAULT_SETTINGS } from '../../shared/domain/settings';

const found = await findWordPress();
if (found.reason) console.log(`SKIPPED (engine against WordPress): ${found.reason}`);
const env = found.env as WordPressEnv;

const MIXED = 'قال وزير الاقتصاد إن نسبة النمو بلغت ٣٫٥٪ في 2026، مقابل 2.1% (وفق Reuters & AFP) — «رقم قياسي» <مؤقت>.';

interface WpPost {
  id: number;
  status: string;
  featured_media: number;
  content: { raw: string };
  title: { raw: string };
}

function paragraph(text: string) {
  return { type: 'paragraph', attrs: { dir: 'rtl' }, content: [{ type: 'text', text }] };
}

let core: Core;
let dataDir: string;
let ctx: CallContext;

async function call<T>(channel: string, payload: unknown): Promise<T> {
  const result = await dispatch(core, channel, payload, ctx);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

async function addEndpoint(name: string, role: WordPressRole): Promise<string> {
  const saved = await call<{ id: string }>('endpoints.save', {
    kind: 'wordpress',
    name,
    url: env.url,
    username: env.users[role].user,
    secret: env.users[role].applicationPassword,
    enabled: true,
  });
  return saved.id;
}

async function setEnabled(id: string, enabled: boolean): Promise<void> {
  core.open.db.prepare('UPDATE endpoints SET enabled = ? WHERE id = ?').run(enabled ? 1 : 0, id);
}

async function approved(fields: Record<string, unknown>, scheduledAt?: string): Promise<Article> {
  const article = await call<Article>('articles.create', { fields });
  await call('workflow.act', { id: article.id, action: 'submit' });
  await call('workflow.act', { id: article.id, action: 'claim' });
  return call<Article>('workflow.act', { id: article.id, action: 'approve', ...(scheduledAt ? { scheduledAt } : {}) });
}

async function correct(article: Article, text: string): Promise<void> {
  await call('workflow.act', { id: article.id, action: 'correct' });
  const current = await call<Article>('articles.get', { id: article.id });
  await call('articles.save', { id: article.id, baseVersion: current.version, patch: { body: { type: 'doc', content: [paragraph(text)] } }, reason: 'manual' });
  await call('workflow.act', { id: article.id, action: 'approve' });
}

function row(articleId: string, endpointId: string): SyncItemRow {
  return core.open.db.prepare('SELECT * FROM sync_items WHERE article_id = ? AND endpoint_id = ?').get(articleId, endpointId) as SyncItemRow;
}

async function post(id: string | null): Promise<WpPost> {
  const { status, json } = await wpRest<WpPost>(env, 'admin', 'GET', `/posts/${id}?context=edit`);
  expect(status).toBe(200);
  return json;
}

async function postsWithMarker(marker: string): Promise<WpPost[]> {
  const { json } = await wpRest<WpPost[]>(env, 'admin', 'GET', `/posts?search=${encodeURIComponent(`midad:${marker}`)}&status=any&context=edit`);
  return json.filter((item) => item.content.raw.includes(markerComment(marker)));
}

const markerOf = (r: SyncItemRow) => r.slug!.slice(r.slug!.lastIndexOf('-') + 1);

describe.skipIf(!env)('the outbox against a real WordPress', () => {
  let editorEndpoint: string;
  beforeAll(async () => {
    dataDir = tempDir('midad-engine-wp-');
    core = new Core({ dataDir });
    ({ ctx } = await signInAs(core, 'مديرة التحرير', 'admin'));
    editorEndpoint = await addEndpoint('الموقع', 'editor');
  });
  afterAll(() => {
    core?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('does publish an approved Arabic article with its images once, byte-exact, and mark it published', async () => {
    const cover = await call<{ hash: string }>('media.put', { name: 'غلاف.png', mime: 'image/png', dataBase64: solidPng(40, 30, [10, 160, 90]).toString('base64') });
    const body = { type: 'doc', content: [paragraph(MIXED), { type: 'image', attrs: { hash: cover.hash, alt: 'صورة السوق', caption: 'السوق' } }] };
    const first = await approved({ title: 'نمو الاقتصاد: رقم قياسي', body, featuredMedia: cover.hash });
    const second = await approved({ title: 'نمو الاقتصاد: التفاصيل', body, featuredMedia: cover.hash });
    const summary = await core.open.outbox.runOnce();
    expect(summary).toMatchObject({ published: 2, failed: 0 });
    for (const article of [first, second]) {
      const item = row(article.id, editorEndpoint);
      expect(item.state).toBe('published');
      const wp = await post(item.remote_id);
      expect(wp.status).toBe('publish');
      expect(wp.featured_media).toBeGreaterThan(0);
      // The text arrives byte for byte; the image URL is the uploaded one.
      // Byte-exact as published: the newsroom's digits policy (Western by default) applied, the rest untouched.
      expect(wp.content.raw).toContain(`<p dir="rtl">${applyDigits(MIXED, DEFAULT_SETTINGS.digits).replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;')}</p>`);
      expect(wp.content.raw).not.toContain('/media/');
      expect(wp.content.raw.endsWith(markerComment(markerOf(item)))).toBe(true);
      expect((await call<Article>('articles.get', { id: article.id })).status).toBe('published');
    }
    // The shared image went up once for the endpoint.
    const ids = new Set([(await post(row(first.id, editorEndpoint).remote_id)).featured_media, (await post(row(second.id, editorEndpoint).remote_id)).featured_media]);
    expect(ids.size).toBe(1);
    expect(createHash('sha256').update(solidPng(40, 30, [10, 160, 90])).digest('hex')).toBe(cover.hash);
  });

  it('does update the same post when a correction is approved', async () => {
    const article = await approved({ title: 'خبر سيُصحَّح', body: { type: 'doc', content: [paragraph(MIXED)] } });
    await core.open.outbox.runOnce();
    const before = row(article.id, editorEndpoint);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await correct(article, 'تصحيح: بلغت نسبة النمو ٣٫٤٪ وليس ٣٫٥٪.');
    expect(row(article.id, editorEndpoint)).toMatchObject({ operation: 'update', state: 'queued' });
    expect((await core.open.outbox.runOnce()).published).toBe(1);
    const after = row(article.id, editorEndpoint);
    expect(after.remote_id).toBe(before.remote_id);
    expect((await post(after.remote_id)).content.raw).toContain(applyDigits('تصحيح: بلغت نسبة النمو ٣٫٤٪ وليس ٣٫٥٪.', DEFAULT_SETTINGS.digits));
    expect(await postsWithMarker(markerOf(after))).toHaveLength(1);
  });

  it('does put the article in conflict and overwrite nothing when the post was edited on the site', async () => {
    const article = await approved({ title: 'خبر سيُعدَّل في الموقع', body: { type: 'doc', content: [paragraph(MIXED)] } });
    await core.open.outbox.runOnce();
    const item = row(article.id, editorEndpoint);
    const siteEdit = '<p>عدّله محرر الموقع مباشرة.</p>';
    await wpRest(env, 'admin', 'POST', `/posts/${item.remote_id}`, { content: siteEdit });
    await correct(article, 'نص مصحح محليًا.');
    const summary = await core.open.outbox.runOnce();
    expect(summary.conflicts).toBe(1);
    expect(row(article.id, editorEndpoint)).toMatchObject({ state: 'conflict', last_error_code: 'REMOTE_CHANGED' });
    expect((await post(item.remote_id)).content.raw).toBe(siteEdit);
    const view = await call<{ remote: { html: string }; local: { html: string } }>('sync.conflict', { articleId: article.id, endpointId: editorEndpoint });
    expect(view.remote.html).toBe(siteEdit);
    expect(view.local.html).toContain('نص مصحح محليًا.');
    // The reviewer chooses to overwrite: only then is the post written.
    await call('sync.resolve', { articleId: article.id, endpointId: editorEndpoint, resolution: 'overwrite' });
    await core.open.outbox.runOnce();
    expect(row(article.id, editorEndpoint).state).toBe('published');
    expect((await post(item.remote_id)).content.raw).toContain('نص مصحح محليًا.');
  });

  it('does turn the post into a draft when the article is killed', async () => {
    const article = await approved({ title: 'خبر سيُسحب', body: { type: 'doc', content: [paragraph(MIXED)] } });
    await core.open.outbox.runOnce();
    const item = row(article.id, editorEndpoint);
    await call('workflow.act', { id: article.id, action: 'kill' });
    await core.open.outbox.runOnce();
    expect(row(article.id, editorEndpoint).state).toBe('unpublished');
    expect((await post(item.remote_id)).status).toBe('draft');
  });

  it('does send a scheduled article as a future post', async () => {
    const at = new Date(Date.now() + 3 * 3_600_000);
    at.setUTCSeconds(0, 0);
    const article = await approved({ title: 'خبر مجدول', body: { type: 'doc', content: [paragraph(MIXED)] } }, at.toISOString());
    await core.open.outbox.runOnce();
    const item = row(article.id, editorEndpoint);
    expect(item.state).toBe('published');
    const wp = await wpRest<{ status: string; date_gmt: string }>(env, 'admin', 'GET', `/posts/${item.remote_id}?context=edit`);
    expect(wp.json).toMatchObject({ status: 'future', date_gmt: at.toISOString().slice(0, 19) });
  });

  it('does fail clearly, in both languages, when the endpoint has a contributor\'s credentials', async () => {
    const contributor = await addEndpoint('حساب مساهم', 'contributor');
    await setEnabled(editorEndpoint, false);
    try {
      const tested = await call<{ ok: boolean; role: string | null; canPublish: boolean; warning: { en: string; ar: string } | null }>('endpoints.test', { id: contributor });
      expect(tested).toMatchObject({ ok: false, role: 'contributor', canPublish: false });
      expect(tested.warning!.en).toMatch(/cannot publish/);
      const article = await approved({ title: 'خبر عبر حساب مساهم', body: { type: 'doc', content: [paragraph(MIXED)] } });
      const summary = await core.open.outbox.runOnce();
      expect(summary.failed).toBe(1);
      const item = row(article.id, contributor);
      expect(item).toMatchObject({ state: 'failed', last_error_code: 'WP_REST_CANNOT_PUBLISH' });
      expect(item.last_error_ar).toMatch(/صلاحية نشر/);
      expect(item.remote_id).toBeNull();
    } finally {
      await setEnabled(contributor, false);
      await setEnabled(editorEndpoint, true);
    }
  });
});

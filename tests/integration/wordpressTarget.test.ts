import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { TargetError, type PayloadMedia, type PublishPayload } from '../../electron/core/sync/types';
import { WordPressTarget, markerComment } from '../../electron/core/sync/targets/WordPressTarget';
import { findWordPress, wpRest, type WordPressEnv, type WordPressRole } from './wordpressEnv';
import { solidPng } from './png';

const found = await findWordPress();
if (found.reason) console.log(`SKIPPED (WordPress integration): ${found.reason}`);
const env = found.env as WordPressEnv;
const run = randomBytes(4).toString('hex');

/** Mixed-direction Arabic with digits, Latin, punctuation, harakat, an RLM and entities. */
const ARABIC_HTML =
  '<h2>اقتصاد: نموّ بنسبة 3.5% في الربع الثالث</h2>\n' +
  '<p>قال وزير المالية إنّ الناتج المحلي ارتفع بنسبة <strong>3.5%</strong> خلال Q3 2026، وفق تقرير صندوق النقد الدولي (IMF) الصادر يوم ١٥ أكتوبر.</p>\n' +
  '<p>وأضاف: «the outlook is <em>stable</em>» — أي أن التوقعات مستقرة&nbsp;حتى عام 2027\u200F.</p>\n' +
  '<blockquote><p>«لن نرفع الضرائب» — بيان الحكومة، ص. 12 &amp; 13</p></blockquote>\n' +
  '<p dir="ltr">Rabat, Morocco — 5/10/2026</p>';

function media(bytes: Buffer, name: string, alt: string): PayloadMedia {
  return { hash: createHash('sha256').update(bytes).digest('hex'), mime: 'image/png', name, alt, bytes: () => bytes };
}

function payload(name: string, overrides: Partial<PublishPayload> = {}): PublishPayload {
  const marker = `m${run}${name}`;
  return {
    articleId: `00000000-0000-4000-8000-${run}${name.padStart(4, '0').slice(0, 4)}`,
    marker,
    title: `عنوان تجريبي ${name} — Test ${run}`,
    subtitle: '',
    excerpt: 'مقتطف قصير عن الخبر.',
    slug: `نمو-الاقتصاد-${name}-${marker}`,
    section: `اقتصاد ${run}`,
    tags: [`أسواق ${run}`, `IMF ${run}`],
    byline: 'هيئة التحرير',
    html: ARABIC_HTML,
    scheduledAt: null,
    featuredMediaHash: null,
    media: [],
    contentHash: createHash('sha256').update(name).digest('hex'),
    ...overrides,
  };
}

function target(role: WordPressRole = 'editor'): WordPressTarget {
  return new WordPressTarget({ url: env.url, username: env.users[role].user, applicationPassword: env.users[role].applicationPassword, timeoutMs: 30_000 });
}

interface WpPost {
  id: number;
  slug: string;
  status: string;
  date_gmt: string;
  modified_gmt: string;
  featured_media: number;
  categories: number[];
  tags: number[];
  content: { raw: string };
  title: { raw: string };
}

async function rawPost(id: string | number): Promise<WpPost> {
  const { status, json } = await wpRest<WpPost>(env, 'admin', 'GET', `/posts/${id}?context=edit`);
  expect(status).toBe(200);
  return json;
}

async function failureOf(promise: Promise<unknown>): Promise<TargetError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(TargetError);
    return error as TargetError;
  }
  throw new Error('expected a TargetError');
}

describe.skipIf(!env)(`WordPressTarget against a real WordPress (${env?.url ?? 'not running'})`, () => {
  it('does show the user and role when an editor tests the connection', async () => {
    expect(await target('editor').test()).toEqual({ ok: true, user: 'Editor', role: 'editor', canPublish: true, warning: null });
    expect(await target('admin').test()).toMatchObject({ ok: true, role: 'administrator', canPublish: true });
  });

  it('does fail clearly when a contributor tests the connection or publishes', async () => {
    const contributor = target('contributor');
    const result = await contributor.test();
    expect(result).toMatchObject({ ok: false, user: 'Contributor', role: 'contributor', canPublish: false });
    expect(result.warning?.en).toMatch(/cannot publish.*403 rest_cannot_publish/);
    expect(result.warning?.ar).toMatch(/لا يستطيع النشر/);
    const error = await failureOf(contributor.create(payload('contrib', { section: '', tags: [] }), new Map()));
    expect(error).toMatchObject({ kind: 'permanent', code: 'WP_REST_CANNOT_PUBLISH', options: { status: 403 } });
    expect(error.messageAr).toMatch(/صلاحية نشر/);
  });

  it('does fail permanently when the application password is wrong', async () => {
    const wrong = new WordPressTarget({ url: env.url, username: 'editor', applicationPassword: 'abcd efgh ijkl mnop qrst uvwx', timeoutMs: 10_000 });
    const error = await failureOf(wrong.test());
    expect(error.kind).toBe('permanent');
    expect(error.options.status).toBe(401);
  });

  it('does keep the Arabic mixed-direction text byte for byte when it publishes', async () => {
    const wp = target();
    const article = payload('arabic');
    const ref = await wp.create(article, new Map());
    const post = await rawPost(ref.remoteId);
    const expected = `${ARABIC_HTML}\n${markerComment(article.marker)}`;
    expect(Buffer.from(post.content.raw, 'utf8').equals(Buffer.from(expected, 'utf8'))).toBe(true);
    expect(post.title.raw).toBe(article.title);
    expect(post.status).toBe('publish');
    expect(decodeURIComponent(post.slug)).toBe(article.slug);
    expect(ref.url).toContain(post.slug);
    const state = await wp.fetch(ref);
    expect(state).toMatchObject({ remoteId: ref.remoteId, html: ARABIC_HTML, title: article.title, status: 'publish', modifiedGmt: post.modified_gmt });
  });

  it('does upload the featured and the inline image and rewrites the body when an article has both', async () => {
    const wp = target();
    const cover = media(solidPng(64, 48, [200, 30, 30]), 'غلاف المقال.png', 'صورة الغلاف');
    const inline = media(solidPng(32, 32, [20, 120, 200]), 'chart.png', 'رسم بياني');
    const html = `<p>نص قبل الصورة.</p><figure><img src="/media/${inline.hash}" alt="رسم بياني"><figcaption>المصدر: IMF</figcaption></figure><p>نص بعد الصورة.</p>`;
    const article = payload('media', { html, featuredMediaHash: cover.hash, media: [cover, inline] });
    const uploaded = new Map<string, { remoteId: string; url: string }>();
    for (const item of article.media) uploaded.set(item.hash, await wp.uploadMedia(item));
    const ref = await wp.create(article, uploaded);
    const post = await rawPost(ref.remoteId);
    expect(post.featured_media).toBe(Number(uploaded.get(cover.hash)!.remoteId));
    const inlineUrl = uploaded.get(inline.hash)!.url;
    expect(post.content.raw).toBe(`${html.replace(`/media/${inline.hash}`, inlineUrl)}\n${markerComment(article.marker)}`);
    const image = await fetch(inlineUrl);
    expect(image.status).toBe(200);
    expect(Buffer.from(await image.arrayBuffer()).equals(inline.bytes())).toBe(true);
    const attachment = await wpRest<{ alt_text: string; mime_type: string }>(env, 'editor', 'GET', `/media/${uploaded.get(cover.hash)!.remoteId}?context=edit`);
    expect(attachment.json).toMatchObject({ alt_text: 'صورة الغلاف', mime_type: 'image/png' });
  });

  it('does fail permanently when the featured image id is unknown to WordPress', async () => {
    const wp = target();
    const ghost = media(solidPng(4, 4, [1, 2, 3]), 'ghost.png', '');
    const error = await failureOf(wp.create(payload('ghost', { featuredMediaHash: ghost.hash, media: [ghost] }), new Map([[ghost.hash, { remoteId: '99999999', url: 'http://x/y.png' }]])));
    expect(error).toMatchObject({ kind: 'permanent', code: 'WP_FEATURED_MEDIA_DROPPED' });
  });

  it('does create the category and tags when they are missing and reuses them after', async () => {
    const wp = target();
    const first = payload('terms1');
    const ref1 = await wp.create(first, new Map());
    const categories = await wpRest<Array<{ id: number; name: string }>>(env, 'editor', 'GET', `/categories?search=${encodeURIComponent(first.section)}`);
    expect(categories.json.map((term) => term.name)).toEqual([first.section]);
    const tags = await wpRest<Array<{ id: number; name: string }>>(env, 'editor', 'GET', `/tags?search=${run}&per_page=100`);
    expect(tags.json.map((term) => term.name).sort()).toEqual([...first.tags].sort());
    const post1 = await rawPost(ref1.remoteId);
    expect(post1.categories).toEqual([categories.json[0]!.id]);
    expect(post1.tags.sort()).toEqual(tags.json.map((term) => term.id).sort());
    // A fresh target (no cache) meets term_exists and still gets the same ids.
    const ref2 = await target().create(payload('terms2'), new Map());
    const post2 = await rawPost(ref2.remoteId);
    expect(post2.categories).toEqual(post1.categories);
    expect(post2.tags.sort()).toEqual(post1.tags.sort());
  });

  it('does arrive as future with its time when the article is scheduled', async () => {
    const at = new Date(Date.now() + 2 * 3_600_000);
    at.setUTCMilliseconds(0);
    const ref = await target().create(payload('future', { scheduledAt: at.toISOString() }), new Map());
    const post = await rawPost(ref.remoteId);
    expect(post.status).toBe('future');
    expect(post.date_gmt).toBe(at.toISOString().slice(0, 19));
  });

  it('does change the same post when a correction is sent', async () => {
    const wp = target();
    const article = payload('update');
    const ref = await wp.create(article, new Map());
    const corrected = { ...article, title: `${article.title} (مصحَّح)`, html: `${ARABIC_HTML}\n<p>تصحيح: الرقم الصحيح 3.6%.</p>` };
    const updated = await wp.update(ref, corrected, new Map());
    expect(updated.remoteId).toBe(ref.remoteId);
    const post = await rawPost(ref.remoteId);
    expect(post.content.raw).toBe(`${corrected.html}\n${markerComment(article.marker)}`);
    expect(post.title.raw).toBe(corrected.title);
    const same = await wpRest<WpPost[]>(env, 'editor', 'GET', `/posts?slug=${encodeURIComponent(article.slug)}&status=any&context=edit`);
    expect(same.json.map((item) => item.id)).toEqual([Number(ref.remoteId)]);
  });

  it('does make a draft, then trashes, when the article is unpublished', async () => {
    const wp = target();
    const article = payload('kill');
    const ref = await wp.create(article, new Map());
    await wp.unpublish(ref, 'draft');
    expect((await rawPost(ref.remoteId)).status).toBe('draft');
    // The draft keeps its explicit slug, so reconciliation still finds it.
    expect(await wp.findExisting(article)).toMatchObject({ remoteId: ref.remoteId });
    await wp.unpublish(ref, 'trash');
    expect((await rawPost(ref.remoteId)).status).toBe('trash');
    await expect(wp.unpublish(ref, 'trash')).resolves.toBeUndefined();
  });

  it('does find the post an unanswered create made, by slug or by marker when the slug changed', async () => {
    const wp = target();
    const article = payload('reconcile');
    expect(await wp.findExisting(article)).toBeNull();
    const ref = await wp.create(article, new Map());
    expect(await wp.findExisting(article)).toMatchObject({ remoteId: ref.remoteId });
    await wpRest(env, 'admin', 'POST', `/posts/${ref.remoteId}`, { slug: `renamed-${run}` });
    expect(await wp.findExisting(article)).toMatchObject({ remoteId: ref.remoteId });
  });

  it('does detect an edit made on the site when it fetches the post again', async () => {
    const wp = target();
    const article = payload('edited');
    const ref = await wp.create(article, new Map());
    const before = await wp.fetch(ref);
    await new Promise((resolve) => setTimeout(resolve, 1100)); // modified_gmt has 1-second resolution
    const post = await rawPost(ref.remoteId);
    await wpRest(env, 'admin', 'POST', `/posts/${ref.remoteId}`, { content: post.content.raw.replace('3.5%', '4.1%') });
    const after = await wp.fetch(ref);
    expect(after!.modifiedGmt).not.toBe(before!.modifiedGmt);
    expect(after!.html).not.toBe(before!.html);
    expect(after!.html).toContain('4.1%');
    expect(await wp.fetch({ remoteId: '987654321', url: null, modifiedGmt: null })).toBeNull();
  });
});

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foreignReaders } from '../../electron/core/archive/readers/index';
import type { ImportCandidate } from '../../electron/core/archive/types';
import type { Core } from '../../electron/core/Core';
import { docToHtml } from '../../shared/editor/docToHtml';
import { findDocProblem } from '../../shared/editor/docSchema';
import { tempCoreSignedIn, tempDir } from '../support/tempCore';
import { buildNewsroom, exportAll, readEntry, STORIES } from '../unit/electron/core/archive/newsroomFixture';
import { solidPng } from './png';
import { basicAuth, findWordPress, wpRest, type WordPressEnv } from './wordpressEnv';

/**
 * WXR import of an export a real WordPress produced: Arabic posts made over REST (a category,
 * tags, a featured image, an inline image, every status), exported with WordPress's own
 * export_wp() run in PHP against the scripts/wordpress.sh site, then read with Midad's WXR
 * reader and imported into a fresh core.
 */

const found = await findWordPress();
const env = found.env as WordPressEnv;
const run = Date.now().toString(36);
const COVER = solidPng(64, 40, [180, 120, 20]);
const INLINE = solidPng(32, 32, [20, 110, 190]);
const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

interface WpMedia { id: number; source_url: string }
interface WpTerm { id: number }

async function upload(bytes: Buffer, name: string, alt: string): Promise<WpMedia> {
  const response = await fetch(`${env.url}/wp-json/wp/v2/media`, {
    method: 'POST',
    headers: { authorization: basicAuth(env, 'editor'), 'content-type': 'image/png', 'content-disposition': `attachment; filename="${name}"` },
    body: new Uint8Array(bytes),
    signal: AbortSignal.timeout(30_000),
  });
  expect(response.status).toBe(201);
  const media = (await response.json()) as WpMedia;
  await wpRest(env, 'editor', 'POST', `/media/${media.id}`, { alt_text: alt });
  return media;
}

/** A term by name, created when missing (another run may have made it). */
async function term(kind: 'categories' | 'tags', name: string): Promise<number> {
  const made = await wpRest<WpTerm & { code?: string; data?: { term_id: number } }>(env, 'editor', 'POST', `/${kind}`, { name });
  if (made.status === 201) return made.json.id;
  if (made.json.code === 'term_exists' && made.json.data) return made.json.data.term_id;
  throw new Error(`cannot create ${kind} ${name}: HTTP ${made.status}`);
}

/** WordPress's own exporter (Tools → Export → All content), run in PHP against the test site. */
function exportWordPress(file: string): void {
  const host = new URL(env.url).host;
  const port = new URL(env.url).port;
  const code = [
    `$_SERVER['WORDPRESS_CONFIG'] = 'midad-${port}';`,
    `$_SERVER['HTTP_HOST'] = '${host}';`,
    "$_SERVER['REQUEST_URI'] = '/'; $_SERVER['REQUEST_METHOD'] = 'GET';",
    "define('WP_USE_THEMES', false);",
    "require '/usr/share/wordpress/wp-load.php';",
    "require_once ABSPATH . 'wp-admin/includes/export.php';",
    "export_wp(['content' => 'all']);",
  ].join(' ');
  const xml = execFileSync('php', ['-d', 'opcache.enable_cli=0', '-d', 'display_errors=stderr', '-r', code], { maxBuffer: 256 * 1024 * 1024, timeout: 60_000 });
  writeFileSync(file, xml);
}

type XmlNode = Record<string, unknown>;

/** Parses a WXR file the way the comparison needs it: attributes as `@name`, CDATA as text. */
function parseWxr(xml: string): { rss: XmlNode; channel: XmlNode; items: XmlNode[] } {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', parseTagValue: false, isArray: (name) => name === 'item' || name === 'wp:postmeta' || name === 'category' });
  const rss = (parser.parse(xml) as { rss: XmlNode }).rss;
  const channel = rss.channel as XmlNode;
  return { rss, channel, items: (channel.item as XmlNode[] | undefined) ?? [] };
}

/** Every element and attribute path under `node` (`wp:postmeta/wp:meta_key`, `category/@domain`), text left out. */
function paths(node: unknown, prefix = '', out = new Set<string>()): Set<string> {
  if (Array.isArray(node)) {
    for (const entry of node) paths(entry, prefix, out);
    return out;
  }
  if (node === null || typeof node !== 'object') return out;
  for (const [key, value] of Object.entries(node as XmlNode)) {
    if (key === '#text') continue;
    const path = prefix ? `${prefix}/${key}` : key;
    out.add(path);
    paths(value, path, out);
  }
  return out;
}

/** The paths of the channel's own children, items left out (they are compared per post type). */
function channelPaths(channel: XmlNode): Set<string> {
  const { item: _items, ...rest } = channel;
  return paths(rest);
}

const itemsOfType = (items: XmlNode[], type: string) => items.filter((item) => item['wp:post_type'] === type);
const metaKeys = (items: XmlNode[]) => new Set(items.flatMap((item) => ((item['wp:postmeta'] as XmlNode[] | undefined) ?? []).map((meta) => String(meta['wp:meta_key']))));
const missingFrom = (mine: Set<string>, theirs: Set<string>) => [...mine].filter((path) => !theirs.has(path)).sort();

if (found.reason !== null) console.log(`SKIPPED (WXR import of a real WordPress export): ${found.reason}`);
describe.skipIf(found.reason !== null)('WXR import of a real WordPress export', () => {
  const made: { posts: number[]; media: number[] } = { posts: [], media: [] };
  const titles = {
    published: `الميناء يستقبل أول سفينة بعد التوسعة ${run}`,
    draft: `مسودة جدول مباريات البطولة ${run}`,
    pending: `قراءة في ميزانية الجماعة ${run}`,
    future: `افتتاح المحطة الطرقية الجديدة ${run}`,
    private: `ملاحظات داخلية للتحرير ${run}`,
  };
  const dir = tempDir('midad-wxr-');
  const file = join(dir, 'wordpress-export.xml');
  let cover: WpMedia;
  let inline: WpMedia;
  const cores: Core[] = [];

  beforeAll(async () => {
    cover = await upload(COVER, `cover-${run}.png`, 'صورة الغلاف');
    inline = await upload(INLINE, `chart-${run}.png`, 'رسم بياني للحركة');
    made.media.push(cover.id, inline.id);
    const economy = await term('categories', 'اقتصاد');
    const port = await term('tags', 'ميناء');
    const transport = await term('tags', 'نقل');
    const content = [
      '<!-- wp:paragraph -->',
      '<p>استقبل <strong>الميناء</strong> صباح الخميس أول سفينة حاويات منذ انتهاء أشغال التوسعة.</p>',
      '<!-- /wp:paragraph -->',
      '',
      `<!-- wp:image {"id":${inline.id}} -->`,
      `<figure class="wp-block-image"><img src="${inline.source_url}" alt="رسم بياني للحركة" class="wp-image-${inline.id}"/><figcaption>حركة الحاويات خلال السنة</figcaption></figure>`,
      '<!-- /wp:image -->',
    ].join('\n');
    const create = async (body: Record<string, unknown>) => {
      const response = await wpRest<{ id: number }>(env, 'editor', 'POST', '/posts', body);
      expect(response.status, JSON.stringify(response.json)).toBe(201);
      made.posts.push(response.json.id);
    };
    await create({ title: titles.published, content, excerpt: 'أول سفينة بعد التوسعة.', status: 'publish', categories: [economy], tags: [port, transport], featured_media: cover.id, date_gmt: '2026-08-13T09:30:00' });
    await create({ title: titles.draft, content: '<p>تنطلق البطولة يوم السبت.</p>', status: 'draft' });
    await create({ title: titles.pending, content: '<p>ثلث الاعتمادات للنقل الحضري.</p>', status: 'pending', categories: [economy] });
    await create({ title: titles.future, content: '<p>تفتتح المحطة أبوابها مطلع الشهر.</p>', status: 'future', date_gmt: '2031-03-01T09:00:00' });
    await create({ title: titles.private, content: '<p>للاستعمال الداخلي.</p>', status: 'private' });
    exportWordPress(file);
  });

  afterAll(async () => {
    for (const core of cores) core.close();
    for (const id of made.posts) await wpRest(env, 'editor', 'DELETE', `/posts/${id}?force=true`);
    for (const id of made.media) await wpRest(env, 'editor', 'DELETE', `/media/${id}?force=true`);
  });

  it('reads the export WordPress wrote: titles, statuses, section, tags, author, dates, images fetched', async () => {
    const stored = new Map<string, Buffer>();
    const fetched: string[] = [];
    const warnings: string[] = [];
    const candidates: ImportCandidate[] = [];
    for await (const candidate of foreignReaders.wxr(file, {
      dryRun: false,
      storeMedia: (bytes) => {
        const hash = sha(bytes);
        stored.set(hash, bytes);
        return hash;
      },
      fetchMedia: async (url) => {
        fetched.push(url);
        const response = await fetch(url, { signal: AbortSignal.timeout(20_000) });
        return response.ok ? { bytes: Buffer.from(await response.arrayBuffer()), name: url.split('/').pop()! } : null;
      },
      warn: (position, message) => warnings.push(`${position}: ${message}`),
    })) {
      candidates.push(candidate);
    }
    const mine = (title: string) => candidates.find((candidate) => candidate.title === title)!;
    for (const title of Object.values(titles)) expect(mine(title), title).toBeDefined();

    const published = mine(titles.published);
    expect(published).toMatchObject({
      status: 'published',
      section: 'اقتصاد',
      authorName: 'Editor',
      excerpt: 'أول سفينة بعد التوسعة.',
      createdAt: '2026-08-13T09:30:00.000Z',
      publishedAt: '2026-08-13T09:30:00.000Z',
      featuredMedia: sha(COVER),
    });
    expect(published.tags.sort()).toEqual(['ميناء', 'نقل'].sort());
    expect(published.source).toMatch(new RegExp(`^${env.url}/`));
    expect(findDocProblem(published.body)).toBeNull();
    expect(docToHtml(published.body, { mediaUrl: (hash) => hash })).toContain(`<figure><img src="${sha(INLINE)}" alt="رسم بياني للحركة"><figcaption>حركة الحاويات خلال السنة</figcaption></figure>`);
    expect(stored.get(sha(COVER))).toEqual(COVER);
    expect(stored.get(sha(INLINE))).toEqual(INLINE);
    expect(fetched).toEqual(expect.arrayContaining([cover.source_url, inline.source_url]));

    expect(mine(titles.draft).status).toBe('draft');
    expect(mine(titles.pending)).toMatchObject({ status: 'submitted', section: 'اقتصاد' });
    expect(mine(titles.future)).toMatchObject({ status: 'approved', publishedAt: '2031-03-01T09:00:00.000Z' });
    expect(mine(titles.private).status).toBe('draft');
    const privatePosition = mine(titles.private).position;
    expect(warnings.some((warning) => warning.startsWith(`${privatePosition}: `) && warning.includes('private'))).toBe(true);
  });

  it('imports it into an empty Midad: articles with their status, section, tags, byline and images', async () => {
    const target = await tempCoreSignedIn();
    cores.push(target.core);
    const dry = await target.core.open.archive.importFile(target.ctx, file, { dryRun: true, idPolicy: 'new' });
    expect(dry.format).toBe('wxr');
    expect(dry.counts.media).toBe(0);
    const report = await target.core.open.archive.importFile(target.ctx, file, { dryRun: false, idPolicy: 'new' });
    expect(report.format).toBe('wxr');
    expect(report.counts.media).toBeGreaterThanOrEqual(2);
    const item = (title: string) => report.items.find((entry) => entry.title === title)!;
    const published = target.core.open.articles.get(target.ctx, item(titles.published).id!);
    expect(published).toMatchObject({ status: 'published', section: 'اقتصاد', byline: 'Editor', featuredMedia: sha(COVER) });
    expect([...published.tags].sort()).toEqual(['ميناء', 'نقل'].sort());
    expect(target.core.open.media.read(sha(INLINE))).not.toBeNull();
    expect(target.core.open.articles.get(target.ctx, item(titles.future).id!).status).toBe('approved');
    expect(target.core.open.articles.get(target.ctx, item(titles.pending).id!).status).toBe('submitted');
  });

  it("writes Midad's wordpress.xml with the structure of WordPress's own export: namespaces, channel, posts, attachments, meta keys, statuses", async () => {
    // The WordPress importer plugin cannot be installed here (no network), so the proof is by
    // shape: every element and attribute Midad writes is one export_wp() writes too, and every
    // post carries the elements the importer reads.
    const theirs = parseWxr(readFileSync(file, 'utf8'));

    // Midad's side, through the real export path: published with section, tags and a featured
    // image; submitted; approved and scheduled later; approved without a date; a draft; spiked.
    const newsroom = await buildNewsroom();
    cores.push(newsroom.core);
    const { world } = newsroom;
    const later = new Date(world.clock.now.getTime() + 30 * 24 * 3600_000).toISOString();
    await world.approvedArticle({ title: 'افتتاح المحطة الطرقية الجديدة مطلع الشهر المقبل', section: 'جهات', tags: ['النقل'] }, later);
    await world.approvedArticle({ title: 'المجلس البلدي يصادق على ميزانية السنة المقبلة', section: 'سياسة' });
    await world.call('articles.create', { fields: { title: 'مسودة: جدول مباريات البطولة الجهوية', body: { type: 'doc', content: [{ type: 'paragraph', attrs: { dir: 'rtl' }, content: [{ type: 'text', text: 'تنطلق البطولة يوم السبت المقبل بمشاركة اثني عشر فريقًا.' }] }] } } });
    const job = await exportAll(newsroom.core, world.ctx, join(dir, 'midad-archive.zip'), false);
    const ours = parseWxr(await readEntry(job.file!, 'wordpress.xml'));

    // The rss element: the five namespaces WordPress declares, with the same URIs.
    for (const prefix of ['wp', 'content', 'excerpt', 'dc', 'wfw']) {
      expect(theirs.rss[`@xmlns:${prefix}`], `WordPress declares xmlns:${prefix}`).toBeTruthy();
      expect(ours.rss[`@xmlns:${prefix}`], `xmlns:${prefix}`).toBe(theirs.rss[`@xmlns:${prefix}`]);
    }
    expect(ours.rss['@version']).toBe(theirs.rss['@version']);
    expect(theirs.channel['wp:wxr_version']).toBe('1.2');
    expect(ours.channel['wp:wxr_version']).toBe('1.2');

    // Channel children, with the children of wp:author, wp:category and wp:tag.
    const theirChannel = channelPaths(theirs.channel);
    const ourChannel = channelPaths(ours.channel);
    for (const path of ['wp:author/wp:author_login', 'wp:author/wp:author_display_name', 'wp:category/wp:category_nicename', 'wp:category/wp:cat_name', 'wp:tag/wp:tag_slug', 'wp:tag/wp:tag_name']) {
      expect(theirChannel.has(path), `WordPress writes ${path}`).toBe(true);
      expect(ourChannel.has(path), `Midad writes ${path}`).toBe(true);
    }
    expect(missingFrom(ourChannel, theirChannel), 'channel paths Midad writes and WordPress does not').toEqual([]);

    // Posts and attachments: nothing WordPress would not write itself.
    const theirPosts = itemsOfType(theirs.items, 'post');
    const ourPosts = itemsOfType(ours.items, 'post');
    const theirAttachments = itemsOfType(theirs.items, 'attachment');
    const ourAttachments = itemsOfType(ours.items, 'attachment');
    expect(theirPosts.length).toBeGreaterThanOrEqual(5);
    expect(theirAttachments.length).toBeGreaterThanOrEqual(2);
    expect(ourPosts.length).toBeGreaterThanOrEqual(6);
    expect(ourAttachments.length).toBeGreaterThanOrEqual(2);
    expect(ours.items.length, 'every Midad item is a post or an attachment').toBe(ourPosts.length + ourAttachments.length);
    expect(missingFrom(paths(ourPosts), paths(theirPosts)), 'post item paths Midad writes and WordPress does not').toEqual([]);
    expect(missingFrom(paths(ourAttachments), paths(theirAttachments)), 'attachment item paths Midad writes and WordPress does not').toEqual([]);

    // Meta keys: the featured image as WordPress records it; no key WordPress does not write.
    expect(metaKeys(theirPosts).has('_thumbnail_id')).toBe(true);
    expect(metaKeys(ourPosts).has('_thumbnail_id')).toBe(true);
    expect(missingFrom(metaKeys(ourPosts), metaKeys(theirPosts)), 'post meta keys').toEqual([]);
    expect(missingFrom(metaKeys(ourAttachments), metaKeys(theirAttachments)), 'attachment meta keys').toEqual([]);

    // What the importer reads from each post, present in every one of ours (and in WordPress's).
    const needed = ['title', 'guid', 'dc:creator', 'content:encoded', 'excerpt:encoded', 'wp:post_id', 'wp:post_date', 'wp:post_date_gmt', 'wp:post_name', 'wp:status', 'wp:post_type'];
    for (const post of [...theirPosts.filter((item) => String(item.title).endsWith(run)), ...ourPosts]) {
      const have = paths(post);
      expect(needed.filter((path) => !have.has(path)), `${String(post.title)} lacks`).toEqual([]);
    }
    const categories = ourPosts.flatMap((post) => (post.category as XmlNode[] | undefined) ?? []);
    expect(categories.some((category) => category['@domain'] === 'category')).toBe(true);
    expect(categories.some((category) => category['@domain'] === 'post_tag')).toBe(true);
    for (const category of categories) {
      expect(['category', 'post_tag']).toContain(category['@domain']);
      expect(String(category['@nicename'] ?? '')).not.toBe('');
    }
    const published = ourPosts.find((post) => String(post.title) === STORIES.port.title)!;
    expect(published['wp:status']).toBe('publish');
    const thumbnail = (published['wp:postmeta'] as XmlNode[]).find((meta) => meta['wp:meta_key'] === '_thumbnail_id')!;
    expect(ourAttachments.map((item) => String(item['wp:post_id']))).toContain(String(thumbnail['wp:meta_value']));

    // Statuses: each one ours uses is one WordPress wrote in this very export.
    const theirStatuses = new Set(theirPosts.map((post) => String(post['wp:status'])));
    const ourStatuses = new Set(ourPosts.map((post) => String(post['wp:status'])));
    expect([...ourStatuses].sort()).toEqual(['draft', 'future', 'pending', 'publish']);
    for (const status of ourStatuses) expect(theirStatuses.has(status), `WordPress writes status ${status}`).toBe(true);
    expect(new Set(ourAttachments.map((item) => String(item['wp:status'])))).toEqual(new Set(theirAttachments.map((item) => String(item['wp:status']))));
  });
});

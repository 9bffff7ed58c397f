import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { termSlug, wpDate, wpStatus, WxrRendering } from '../../../../../../electron/core/archive/renderings/wxr';
import { cdata, stripInvalidXml, xmlEscape } from '../../../../../../electron/core/archive/renderings/xml';
import { COMMENT_ID, context, FESTIVAL, HARBOUR, HASH_HARBOUR, HASH_STADIUM, MATCH, MemorySink, RECORDS, record, render } from './archiveFixture';

type Item = Record<string, unknown> & { 'wp:post_type': string; 'wp:post_id': number };

async function wxr(records = RECORDS, ctx = context()): Promise<{ xml: string; channel: Record<string, unknown>; items: Item[] }> {
  const sink = new MemorySink();
  await render([new WxrRendering()], records, sink, ctx);
  expect(sink.opened).toEqual(['wordpress.xml']);
  const xml = sink.text('wordpress.xml');
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    parseTagValue: false,
    isArray: (name) => ['item', 'category', 'wp:author', 'wp:category', 'wp:tag', 'wp:postmeta'].includes(name),
  });
  const parsed = parser.parse(xml) as { rss: { channel: Record<string, unknown> } };
  const channel = parsed.rss.channel;
  return { xml, channel, items: (channel.item as Item[] | undefined) ?? [] };
}

const posts = (items: Item[]) => items.filter((item) => item['wp:post_type'] === 'post');
const byGuid = (items: Item[], id: string) => items.find((item) => (item.guid as { '#text': string })['#text'] === `urn:uuid:${id}`)!;

describe('WordPress WXR rendering', () => {
  it('is well-formed WXR 1.2 with the WordPress namespaces', async () => {
    const { xml, channel } = await wxr();
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8" ?>')).toBe(true);
    expect(xml).toContain('xmlns:wp="http://wordpress.org/export/1.2/"');
    expect(xml).toContain('xmlns:content="http://purl.org/rss/1.0/modules/content/"');
    expect(xml).toContain('xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"');
    expect(channel['wp:wxr_version']).toBe('1.2');
  });

  it('writes each article as a post with its title, content, excerpt, dates, slug and status', async () => {
    const { items } = await wxr();
    expect(posts(items)).toHaveLength(3);
    const harbour = byGuid(items, HARBOUR.id);
    expect(harbour.title).toBe(HARBOUR.title);
    expect(harbour['wp:status']).toBe('publish');
    expect(harbour['wp:post_name']).toBe('توسعة-ميناء-المدينة');
    expect(harbour['wp:post_date']).toBe('2026-08-14 10:30:00');
    expect(harbour['wp:post_date_gmt']).toBe('2026-08-14 10:30:00');
    expect(harbour['excerpt:encoded']).toBe(HARBOUR.excerpt);
    const content = harbour['content:encoded'] as string;
    expect(content).toContain('<strong>المرحلة الثانية</strong>');
    expect(content).toContain('<h2 dir="rtl">رصيف جديد للحاويات</h2>');
    expect(content).toContain(`<img src="media/${HASH_HARBOUR}" alt="رافعات الميناء عند الغروب">`);
    expect(content).toContain('href="https://example.org/balagh?id=7&amp;lang=ar"');
    expect(content).not.toContain(COMMENT_ID);

    const festival = byGuid(items, FESTIVAL.id);
    expect(festival['wp:status']).toBe('future');
    expect(festival['wp:post_date']).toBe('2026-08-20 18:00:00');
    expect(byGuid(items, MATCH.id)['wp:status']).toBe('draft');
  });

  it('escapes titles and survives "]]>" in content and excerpt', async () => {
    const { xml, items } = await wxr();
    const festival = byGuid(items, FESTIVAL.id);
    expect(festival.title).toBe('مهرجان "الضفتين" <للموسيقى> & الشعر يفتتح دورته');
    expect(xml).toContain('مهرجان &quot;الضفتين&quot; &lt;للموسيقى&gt; &amp; الشعر');
    expect(festival['excerpt:encoded']).toBe('دورة تحتفي بالموسيقى الأندلسية ]]> وبالشعر.');
    expect(festival['content:encoded']).toContain('رمز الدخول في البرنامج: ]]&gt; ثم &lt;b&gt;نهاية&lt;/b&gt;');
  });

  it('declares authors, categories from sections and tags, and attaches them to the posts', async () => {
    const { channel, items } = await wxr();
    const authors = channel['wp:author'] as Record<string, unknown>[];
    expect(authors.map((author) => author['wp:author_display_name']).sort()).toEqual(['سلمى بنعلي', 'مراسلنا في طنجة'].sort());
    for (const author of authors) expect(author['wp:author_login']).toMatch(/^[a-z0-9-]+$/);
    const harbourAuthor = byGuid(items, HARBOUR.id)['dc:creator'];
    expect(authors.find((author) => author['wp:author_login'] === harbourAuthor)?.['wp:author_display_name']).toBe('سلمى بنعلي');

    const categories = channel['wp:category'] as Record<string, unknown>[];
    expect(categories.map((term) => term['wp:cat_name']).sort()).toEqual(['اقتصاد', 'ثقافة', 'رياضة'].sort());
    const economy = categories.find((term) => term['wp:cat_name'] === 'اقتصاد')!;
    expect(economy['wp:category_nicename']).toBe(encodeURIComponent('اقتصاد').toLowerCase());
    const tags = channel['wp:tag'] as Record<string, unknown>[];
    expect(tags.map((term) => term['wp:tag_name'])).toEqual(expect.arrayContaining(['ميناء', 'استثمار', 'كرة القدم', 'كأس العرش']));
    expect(tags.find((term) => term['wp:tag_name'] === 'كرة القدم')!['wp:tag_slug']).toBe(encodeURIComponent('كرة-القدم').toLowerCase());

    const match = byGuid(items, MATCH.id);
    const cats = match.category as { '@domain': string; '@nicename': string; '#text': string }[];
    expect(cats.filter((cat) => cat['@domain'] === 'category').map((cat) => cat['#text'])).toEqual(['رياضة']);
    expect(cats.filter((cat) => cat['@domain'] === 'post_tag').map((cat) => cat['#text'])).toEqual(['كرة القدم', 'كأس العرش']);
  });

  it('writes images as attachments at the relative media path, and the featured image as _thumbnail_id', async () => {
    const { items } = await wxr();
    const attachments = items.filter((item) => item['wp:post_type'] === 'attachment');
    expect(attachments.map((item) => item['wp:attachment_url']).sort()).toEqual([`media/${HASH_HARBOUR}`, `media/${HASH_STADIUM}`].sort());
    const harbour = byGuid(items, HARBOUR.id);
    const harbourPhoto = attachments.find((item) => item['wp:attachment_url'] === `media/${HASH_HARBOUR}`)!;
    expect(harbourPhoto['wp:post_parent']).toBe(String(harbour['wp:post_id']));
    expect(harbourPhoto['wp:status']).toBe('inherit');
    const meta = harbour['wp:postmeta'] as Record<string, unknown>[];
    expect(meta.find((entry) => entry['wp:meta_key'] === '_thumbnail_id')?.['wp:meta_value']).toBe(String(harbourPhoto['wp:post_id']));
    const ids = items.map((item) => String(item['wp:post_id']));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('shares one attachment between articles that use the same image', async () => {
    const again = record({ id: 'aa3a6b4c-5d7f-4a81-8c2d-2e3f4a5b6c7d', featuredMedia: HASH_HARBOUR, status: 'published', publishedAt: '2026-08-15T08:00:00.000Z' });
    const { items } = await wxr([HARBOUR, again]);
    const attachments = items.filter((item) => item['wp:post_type'] === 'attachment');
    expect(attachments).toHaveLength(1);
    const meta = byGuid(items, again.id)['wp:postmeta'] as Record<string, unknown>[];
    expect(meta[0]!['wp:meta_value']).toBe(String(attachments[0]!['wp:post_id']));
  });

  it('maps statuses: published → publish, approved → future when scheduled later, else pending, others → draft', () => {
    const now = '2026-08-15T07:00:00.000Z';
    expect(wpStatus({ status: 'published', scheduledAt: null }, now)).toBe('publish');
    expect(wpStatus({ status: 'approved', scheduledAt: '2026-09-01T08:00:00Z' }, now)).toBe('future');
    // Scheduled before the export: WordPress would publish a "future" post with a past date at once.
    expect(wpStatus({ status: 'approved', scheduledAt: '2026-08-01T08:00:00Z' }, now)).toBe('pending');
    expect(wpStatus({ status: 'approved', scheduledAt: null }, now)).toBe('pending');
    for (const status of ['draft', 'submitted', 'in_review', 'changes_requested', 'killed', 'spiked'] as const) {
      expect(wpStatus({ status, scheduledAt: null }, now)).toBe('draft');
    }
    expect(wpDate('2026-08-14T12:30:05+02:00')).toBe('2026-08-14 10:30:05');
    expect(wpDate(null)).toBe('0000-00-00 00:00:00');
    expect(termSlug('الشأن المحلي')).toBe(encodeURIComponent('الشأن-المحلي').toLowerCase());
  });

  it('applies the digits policy to titles and content', async () => {
    const { items } = await wxr([HARBOUR], context({ digits: 'arabic-indic' }));
    const harbour = byGuid(items, HARBOUR.id);
    expect(harbour.title).toContain('٤٢٠');
    expect(harbour['content:encoded']).toContain('٣٠ شهرًا');
    expect(harbour['wp:post_date']).toBe('2026-08-14 10:30:00');
  });
});

describe('XML escaping', () => {
  it('escapes the five specials and drops characters XML 1.0 forbids', () => {
    expect(xmlEscape(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;');
    expect(stripInvalidXml('نص\u0000\u0008\u000b\ufffe\ud800 سليم\t\n\r😀')).toBe('نص سليم\t\n\r😀');
  });

  it('splits "]]>" across CDATA sections so it parses back intact', () => {
    const value = 'a]]>b]]]>c<![CDATA[d';
    const xml = `<x>${cdata(value)}</x>`;
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(new XMLParser({ parseTagValue: false }).parse(xml).x).toBe(value);
  });
});

import { readFileSync, truncateSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_ARCHIVE_BYTES } from '../../../../../../electron/core/archive/formats';
import { foreignReaders } from '../../../../../../electron/core/archive/readers/index';
import { autoParagraphs } from '../../../../../../electron/core/archive/readers/wxr';
import { XmlItemScanner } from '../../../../../../electron/core/archive/readers/xmlItems';
import { WxrRendering } from '../../../../../../electron/core/archive/renderings/wxr';
import { docToHtml } from '../../../../../../shared/editor/docToHtml';
import { findDocProblem } from '../../../../../../shared/editor/docSchema';
import { ErrorCode } from '../../../../../../shared/errors';
import { FESTIVAL, HARBOUR, MATCH, MemorySink, render } from '../renderings/archiveFixture';
import { BLUE, readAll, ReaderProbe, readError, sha, tempFile } from './readerFixture';

const read = foreignReaders.wxr;
const FIXTURE = readFileSync(join(__dirname, '../../../../../fixtures/wxr/arabic-site.xml'), 'utf8');
const SHIP = 'https://jiha.example/wp-content/uploads/2026/08/ship.png';
const html = (doc: Parameters<typeof docToHtml>[0]) => docToHtml(doc, { mediaUrl: (hash) => `m/${hash.slice(0, 6)}` });

describe('WordPress WXR reader', () => {
  it('reads the posts with status, section, tags, author, dates, excerpt, slug and source', async () => {
    const probe = new ReaderProbe({ [SHIP]: BLUE });
    const candidates = await readAll(read, tempFile('site.xml', FIXTURE), probe);
    expect(candidates.map((item) => [item.position, item.title, item.status])).toEqual([
      [1, 'الميناء يستقبل أول سفينة حاويات بعد التوسعة', 'published'],
      [2, 'مسودة: جدول مباريات البطولة الجهوية', 'draft'],
      [3, 'قراءة في ميزانية الجماعة & أولوياتها', 'submitted'],
      [4, 'موعد افتتاح المحطة الطرقية الجديدة', 'approved'],
      [5, 'ملاحظات داخلية للتحرير', 'draft'],
    ]);
    const [port, draft, , scheduled] = candidates;
    expect(port).toMatchObject({
      section: 'اقتصاد',
      tags: ['ميناء', 'نقل'],
      authorName: 'كريم العلوي',
      createdAt: '2026-08-13T09:30:00.000Z',
      publishedAt: '2026-08-13T09:30:00.000Z',
      excerpt: 'أول سفينة بعد التوسعة.',
      slug: 'الميناء-يستقبل',
      source: 'https://jiha.example/%d8%a7%d9%84%d9%85%d9%8a%d9%86%d8%a7%d8%a1/',
    });
    // "Uncategorized" is no section; a zero GMT date falls back to the local one; entities in names decoded.
    expect(draft).toMatchObject({ section: '', authorName: 'نادية & فريق التحرير', createdAt: '2026-08-14T08:00:00.000Z', publishedAt: null });
    expect(scheduled).toMatchObject({ publishedAt: '2026-09-01T08:00:00.000Z' });
    for (const candidate of candidates) expect(findDocProblem(candidate.body)).toBeNull();
  });

  it('converts content to a body: marks, links, figure with caption, and a "</item>" inside CDATA stays text', async () => {
    const probe = new ReaderProbe({ [SHIP]: BLUE });
    const [port] = await readAll(read, tempFile('site.xml', FIXTURE), probe);
    const body = html(port!.body);
    expect(body).toContain('<p dir="rtl">استقبل <strong>الميناء</strong> صباح الخميس');
    expect(body).toContain('<a href="https://jiha.example/port" rel="noopener noreferrer nofollow">بلاغ الإدارة</a>');
    expect(body).toContain(`<figure><img src="m/${sha(BLUE).slice(0, 6)}" alt="سفينة الحاويات عند الرصيف"><figcaption>السفينة عند الرصيف الجديد</figcaption></figure>`);
    // The scanner did not end the item there: the rest of the post (text, images) is in its body.
    expect(body).toContain('لا يُنهي هذا العنصر.)</p><p dir="rtl">صورة مفقودة من الأرشيف</p>');
  });

  it('fetches the featured image through its attachment (listed after the post) and inline images, once each', async () => {
    const probe = new ReaderProbe({ [SHIP]: BLUE });
    const [port] = await readAll(read, tempFile('site.xml', FIXTURE), probe);
    expect(port!.featuredMedia).toBe(sha(BLUE));
    // The relative src is resolved against the site's address; it is missing there: warned, alt text kept.
    expect(probe.fetched.sort()).toEqual(['https://jiha.example/wp-content/uploads/2026/08/missing.png', SHIP]);
    expect(probe.stored).toEqual([{ hash: sha(BLUE), name: 'ship.png' }]);
    expect(html(port!.body)).toContain('<p dir="rtl">صورة مفقودة من الأرشيف</p>');
    expect(probe.warnings.some((warning) => warning.position === 1 && warning.message.includes('missing.png could not be fetched'))).toBe(true);
  });

  it('warns about private posts, the trash and non-post items; a dry run fetches and stores nothing', async () => {
    const probe = new ReaderProbe({ [SHIP]: BLUE }, true);
    const candidates = await readAll(read, tempFile('site.xml', FIXTURE), probe);
    expect(candidates).toHaveLength(5);
    expect(probe.fetched).toEqual([]);
    expect(probe.stored).toEqual([]);
    expect(candidates[0]!.featuredMedia).toBeNull();
    const messages = probe.warnings.map((warning) => `${warning.position}: ${warning.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^5: Item 5 .* is private in WordPress; it was imported as a draft\.$/),
        expect.stringMatching(/^7: Item 7 .* trash/),
        'null: 1 item(s) that are not posts (pages, menus, other content types) were not imported.',
      ]),
    );
    for (const warning of probe.warnings) expect(warning.messageAr.length).toBeGreaterThan(0);
  });

  it('warns that a password-protected post loses its password', async () => {
    const locked = FIXTURE.replace('<wp:status><![CDATA[pending]]></wp:status>', '<wp:status><![CDATA[pending]]></wp:status><wp:post_password><![CDATA[سر]]></wp:post_password>');
    const probe = new ReaderProbe({}, true);
    await readAll(read, tempFile('site.xml', locked), probe);
    expect(probe.warnings.filter((warning) => warning.message.includes('password-protected')).map((warning) => warning.position)).toEqual([3]);
  });

  it('turns classic-editor paragraphs (blank lines, no <p>) into paragraphs', async () => {
    const [, draft] = await readAll(read, tempFile('site.xml', FIXTURE));
    expect(html(draft!.body)).toBe(
      '<p dir="rtl">تنطلق البطولة الجهوية يوم السبت المقبل بمشاركة 16 فريقًا.</p><p dir="rtl">وتُجرى المباريات في ثلاثة ملاعب:<br> الملعب البلدي وملعب الحي الجامعي وملعب الشاطئ.</p>',
    );
    expect(autoParagraphs('<p>أ</p>')).toBe('<p>أ</p>');
  });

  it('refuses an XML file that is not a WordPress export', async () => {
    const rss = '<?xml version="1.0"?><rss version="2.0"><channel><title>أخبار</title><item><title>خبر</title></item></channel></rss>';
    const html5 = '<!DOCTYPE html><html lang="ar"><body><p>صفحة</p></body></html>';
    for (const content of [rss, html5, '<note>ملاحظة</note>']) {
      const error = await readError(read, tempFile('x.xml', content));
      expect(error.code).toBe(ErrorCode.ARCHIVE_INVALID);
      expect(error.message).toMatch(/^"x\.xml" is not a WordPress export \(WXR\)/);
      expect(error.messageAr).toMatch(/ليس ملف تصدير ووردبريس/);
    }
  });

  it('refuses broken XML naming the item and the line', async () => {
    const broken = FIXTURE.replace('<wp:status><![CDATA[pending]]></wp:status>', '<wp:status><![CDATA[pending]]></wp:statut>');
    const line = broken.split('\n').findIndex((text) => text.includes('</wp:statut>')) + 1;
    const error = await readError(read, tempFile('site.xml', broken));
    expect(error.code).toBe(ErrorCode.ARCHIVE_INVALID);
    expect(error.message).toContain(`"site.xml" has broken XML at item 3 (line ${line})`);
    expect(error.messageAr).toContain(`العنصر 3 (السطر ${line})`);
    expect(error.detail).toMatchObject({ position: 3, line });

    const channel = FIXTURE.replace('<description>أخبار الجهة</description>', '<description>أخبار الجهة</descr>');
    const channelLine = channel.split('\n').findIndex((text) => text.includes('</descr>')) + 1;
    const channelError = await readError(read, tempFile('site.xml', channel));
    expect(channelError.message).toContain(`has broken XML at line ${channelLine}`);
  });

  it('refuses a file cut short in the middle of an item, naming where that item starts', async () => {
    const cut = FIXTURE.slice(0, FIXTURE.indexOf('<wp:post_name><![CDATA[]]></wp:post_name>'));
    const itemLines = cut.split('\n').flatMap((text, index) => (text.includes('<item>') ? [index + 1] : []));
    const start = itemLines[1]!;
    const error = await readError(read, tempFile('site.xml', cut));
    expect(error.message).toBe(`"site.xml": Item 2, which starts on line ${start}, is never closed: the file is cut short.`);
    expect(error.messageAr).toContain(`العنصر 2، الذي يبدأ في السطر ${start}، غير مغلق`);
    expect(error.detail).toMatchObject({ position: 2, line: start });
  });

  it('refuses a file over the size limit before reading it', async () => {
    const file = tempFile('huge.xml', FIXTURE);
    truncateSync(file, MAX_ARCHIVE_BYTES + 1); // sparse: no disk used
    const error = await readError(read, file);
    expect(error.code).toBe(ErrorCode.FILE_TOO_LARGE);
    expect(error.message).toContain('huge.xml');
  });

  it('reads back what Midad’s own WXR rendering writes', async () => {
    const sink = new MemorySink();
    await render([new WxrRendering()], [HARBOUR, FESTIVAL, MATCH], sink);
    const candidates = await readAll(read, tempFile('wordpress.xml', sink.text('wordpress.xml')), new ReaderProbe({}, true));
    expect(candidates.map((item) => [item.title, item.status, item.section, item.tags, item.authorName])).toEqual([
      [HARBOUR.title, 'published', 'اقتصاد', HARBOUR.tags, 'سلمى بنعلي'],
      [FESTIVAL.title, 'approved', 'ثقافة', FESTIVAL.tags, 'مراسلنا في طنجة'],
      [MATCH.title, 'draft', 'رياضة', MATCH.tags, 'سلمى بنعلي'],
    ]);
    expect(candidates[0]!.slug).toBe(HARBOUR.slug);
    expect(candidates[1]!.excerpt).toBe(FESTIVAL.excerpt);
    expect(html(candidates[1]!.body)).toContain('رمز الدخول في البرنامج: ]]&gt; ثم &lt;b&gt;نهاية&lt;/b&gt;');
  });
});

describe('the item scanner', () => {
  it('finds item boundaries across read chunks, skipping CDATA, comments and quoted ">"', async () => {
    const filler = 'ن'.repeat(300_000);
    const xml = [
      '<?xml version="1.0"?>',
      '<rss xmlns:wp="http://wordpress.org/export/1.2/"><channel>',
      '<!-- <item> in a comment -->',
      `<item a="x>y"><title><![CDATA[${filler} </item> ]]></title></item>`,
      '<item/>',
      '<item>',
      '<title>ثانٍ</title>',
      '</item>',
      '</channel></rss>',
    ].join('\n');
    const scanner = new XmlItemScanner(tempFile('s.xml', xml));
    const items = [];
    for await (const item of scanner.items()) items.push(item);
    expect(items.map((item) => [item.index, item.line, item.xml.length])).toEqual([
      [1, 4, `<item a="x>y"><title><![CDATA[${filler} </item> ]]></title></item>`.length],
      [2, 6, '<item>\n<title>ثانٍ</title>\n</item>'.length],
    ]);
    expect(scanner.outside.split('\n')).toHaveLength(xml.split('\n').length);
    expect(scanner.outside).toContain('<item/>');
  });

  it('accepts a file whose last tag is short (no lookahead needed at the end)', async () => {
    const scanner = new XmlItemScanner(tempFile('s.xml', '<rss><channel><item><a>1</a></item></channel></rss>'));
    const items = [];
    for await (const item of scanner.items()) items.push(item.xml);
    expect(items).toEqual(['<item><a>1</a></item>']);
    expect(scanner.outside).toBe('<rss><channel></channel></rss>');
  });
});

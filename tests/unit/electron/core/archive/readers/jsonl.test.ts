import { describe, expect, it } from 'vitest';
import { foreignReaders } from '../../../../../../electron/core/archive/readers/index';
import { readLines } from '../../../../../../electron/core/archive/readers/lines';
import { docToHtml } from '../../../../../../shared/editor/docToHtml';
import { findDocProblem } from '../../../../../../shared/editor/docSchema';
import { ErrorCode } from '../../../../../../shared/errors';
import { BLUE, readAll, ReaderProbe, readError, sha, tempFile } from './readerFixture';

const read = foreignReaders.jsonl;
const line = (value: unknown) => JSON.stringify(value);
const html = (doc: Parameters<typeof docToHtml>[0]) => docToHtml(doc, { mediaUrl: (hash) => `m/${hash.slice(0, 6)}` });

const FLOODS = {
  title: 'فيضانات الوادي تعزل ثلاث قرى في الإقليم',
  subtitle: 'السلطات تفتح مسالك بديلة وتوزع مساعدات',
  excerpt: 'عزلت مياه الوادي ثلاث قرى منذ فجر الإثنين.',
  slug: 'فيضانات-الوادي',
  section: 'مجتمع',
  tags: ['أمطار', 'فيضانات'],
  author: 'هشام الإدريسي',
  status: 'published',
  created_at: '2026-02-09T06:00:00+01:00',
  published_at: '2026-02-09T08:15:00Z',
  body_html: '<p>عزلت مياه الوادي <strong>ثلاث قرى</strong> منذ فجر الإثنين.</p><h2>مسالك بديلة</h2><ul><li>طريق الغابة</li><li>المسلك الجبلي</li></ul>',
};

describe('JSON Lines migration reader', () => {
  it('reads every field of an article and turns body_html into a Midad body', async () => {
    const [candidate, ...rest] = await readAll(read, tempFile('migration.jsonl', `${line(FLOODS)}\n`));
    expect(rest).toEqual([]);
    expect(candidate).toMatchObject({
      position: 1,
      title: FLOODS.title,
      subtitle: FLOODS.subtitle,
      excerpt: FLOODS.excerpt,
      slug: 'فيضانات-الوادي',
      section: 'مجتمع',
      tags: ['أمطار', 'فيضانات'],
      authorName: 'هشام الإدريسي',
      status: 'published',
      createdAt: '2026-02-09T05:00:00.000Z',
      publishedAt: '2026-02-09T08:15:00.000Z',
      featuredMedia: null,
      source: null,
    });
    expect(findDocProblem(candidate!.body)).toBeNull();
    expect(html(candidate!.body)).toBe(
      '<p dir="rtl">عزلت مياه الوادي <strong>ثلاث قرى</strong> منذ فجر الإثنين.</p><h2 dir="rtl">مسالك بديلة</h2><ul><li><p dir="rtl">طريق الغابة</p></li><li><p dir="rtl">المسلك الجبلي</p></li></ul>',
    );
  });

  it('splits body_text into paragraphs on blank lines, keeps single line breaks, and defaults the rest', async () => {
    const text = 'الفقرة الأولى من الخبر.\r\n\r\nالفقرة الثانية،\r\nفي سطرين.\n\n\n  \nالفقرة الثالثة.';
    const [candidate] = await readAll(read, tempFile('m.jsonl', line({ title: 'خبر قصير', body_text: text })));
    expect(html(candidate!.body)).toBe('<p dir="rtl">الفقرة الأولى من الخبر.</p><p dir="rtl">الفقرة الثانية،<br>في سطرين.</p><p dir="rtl">الفقرة الثالثة.</p>');
    expect(candidate).toMatchObject({ status: 'draft', subtitle: '', section: '', tags: [], authorName: null, createdAt: null, publishedAt: null, slug: '' });
  });

  it('skips blank lines, drops a byte order mark, accepts CRLF, nulls, dates without a time or offset (UTC)', async () => {
    const file = tempFile(
      'm.jsonl',
      `\uFEFF${line({ title: 'أ', body_text: 'نص', created_at: '2026-03-01' })}\r\n\r\n   \n${line({ title: 'ب', body_text: 'نص', section: null, tags: null, created_at: '2026-03-02T10:00:00' })}`,
    );
    const candidates = await readAll(read, file);
    expect(candidates.map((item) => [item.position, item.title, item.createdAt])).toEqual([
      [1, 'أ', '2026-03-01T00:00:00.000Z'],
      [4, 'ب', '2026-03-02T10:00:00.000Z'],
    ]);
  });

  it('refuses malformed JSON naming the line, in English and Arabic', async () => {
    const file = tempFile('m.jsonl', [line(FLOODS), '', '{"title": "خبر", "body_text": "نص"', line(FLOODS)].join('\n'));
    const error = await readError(read, file);
    expect(error.code).toBe(ErrorCode.ARCHIVE_INVALID);
    expect(error.message).toMatch(/^Line 3 of "m\.jsonl" is not valid JSON/);
    expect(error.messageAr).toMatch(/^السطر 3 من «m\.jsonl» ليس JSON صالحًا/);
    expect(error.detail).toMatchObject({ position: 3 });
  });

  it('explains what is wrong with a line: missing title, no body, bad status, bad date, not an object', async () => {
    const cases: [unknown, RegExp, RegExp][] = [
      [{ body_text: 'نص' }, /^Line 1 of "m\.jsonl": "title" is missing\.$/, /^السطر 1 من «m\.jsonl»: الحقل «title» مفقود\.$/],
      [{ title: '   ', body_text: 'نص' }, /"title" must not be empty/, /«title» يجب ألا يكون فارغًا/],
      [{ title: 'خبر' }, /needs "body_html" or "body_text"/, /يحتاج إلى «body_html» أو «body_text»/],
      [{ title: 'خبر', body_text: 'نص', status: 'live' }, /"status" must be one of draft, submitted, approved, published/, /«status» يجب أن يكون إحدى القيم/],
      [{ title: 'خبر', body_text: 'نص', published_at: '9 فبراير 2026' }, /"published_at" is not an ISO 8601 date/, /«published_at» ليس تاريخًا بصيغة ISO 8601/],
      [{ title: 'خبر', body_text: 'نص', tags: 'أمطار' }, /"tags" must be an array/, /«tags»/],
      [['خبر'], /^Line 1 of "m\.jsonl" is not a JSON object/, /^السطر 1 من «m\.jsonl» ليس كائن JSON/],
    ];
    for (const [value, en, ar] of cases) {
      const error = await readError(read, tempFile('m.jsonl', line(value)));
      expect(error.code).toBe(ErrorCode.ARCHIVE_INVALID);
      expect(error.message).toMatch(en);
      expect(error.messageAr).toMatch(ar);
      expect(error.detail).toMatchObject({ position: 1 });
    }
  });

  it('warns once about fields that are not part of the format', async () => {
    const probe = new ReaderProbe();
    await readAll(read, tempFile('m.jsonl', [line({ ...FLOODS, titel: 'x' }), line({ ...FLOODS, titel: 'y', views: 3 })].join('\n')), probe);
    expect(probe.warnings.map((warning) => [warning.position, /"(\w+)"/.exec(warning.message)![1]])).toEqual([
      [1, 'titel'],
      [2, 'views'],
    ]);
  });

  it('fetches and stores images referenced by URL; a failed fetch warns and keeps the alt text; a dry run fetches nothing', async () => {
    const value = {
      title: 'صور من الموقع',
      featured_image: 'https://old.example/cover.png',
      body_html: '<p>قبل</p><p><img src="https://old.example/a.png" alt="الجسر"></p><p><img src="https://old.example/gone.png" alt="صورة ضائعة"></p>',
    };
    const probe = new ReaderProbe({ 'https://old.example/a.png': BLUE, 'https://old.example/cover.png': BLUE });
    const [candidate] = await readAll(read, tempFile('m.jsonl', line(value)), probe);
    expect(candidate!.featuredMedia).toBe(sha(BLUE));
    expect(html(candidate!.body)).toBe(`<p dir="rtl">قبل</p><figure><img src="m/${sha(BLUE).slice(0, 6)}" alt="الجسر"></figure><p dir="rtl">صورة ضائعة</p>`);
    expect(findDocProblem(candidate!.body)).toBeNull();
    expect(probe.fetched.sort()).toEqual(['https://old.example/a.png', 'https://old.example/cover.png', 'https://old.example/gone.png']);
    expect(probe.warnings).toHaveLength(1);
    expect(probe.warnings[0]!.message).toContain('https://old.example/gone.png could not be fetched');

    const dry = new ReaderProbe({ 'https://old.example/a.png': BLUE }, true);
    const [preview] = await readAll(read, tempFile('m.jsonl', line(value)), dry);
    expect(dry.fetched).toEqual([]);
    expect(dry.stored).toEqual([]);
    expect(preview!.featuredMedia).toBeNull();
    expect(html(preview!.body)).toContain('الجسر');
  });

  it('streams the file line by line and refuses a line too long to be one article', async () => {
    const file = tempFile('m.jsonl', `${'a'.repeat(100)}\n${'b'.repeat(5000)}\nc`);
    const seen: number[] = [];
    await expect(
      (async () => {
        for await (const item of readLines(file, 1000)) seen.push(item.number);
      })(),
    ).rejects.toThrow(/line 2 is longer than/);
    expect(seen).toEqual([1]);
    const lines: string[] = [];
    for await (const item of readLines(tempFile('u.jsonl', 'سطر أول\r\nسطر ثانٍ\nأخير'))) lines.push(`${item.number}:${item.text}`);
    expect(lines).toEqual(['1:سطر أول', '2:سطر ثانٍ', '3:أخير']);
  });
});

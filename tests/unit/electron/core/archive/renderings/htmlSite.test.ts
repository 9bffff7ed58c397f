import { describe, expect, it } from 'vitest';
import { HtmlSiteRendering, SITE_CSP } from '../../../../../../electron/core/archive/renderings/htmlSite';
import { createRenderings } from '../../../../../../electron/core/archive/renderings/index';
import { COMMENT_ID, context, FESTIVAL, HARBOUR, HASH_HARBOUR, HASH_STADIUM, MATCH, MemorySink, RECORDS, record, render } from './archiveFixture';

process.env.TZ = 'UTC';

async function site(records = RECORDS, ctx = context()): Promise<MemorySink> {
  const sink = new MemorySink();
  await render([new HtmlSiteRendering()], records, sink, ctx);
  return sink;
}

/** Every URL a browser would load or follow: src, href, CSS url(). */
function urls(text: string): { kind: string; url: string }[] {
  const found: { kind: string; url: string }[] = [];
  for (const match of text.matchAll(/\s(src|href)="([^"]*)"/g)) found.push({ kind: match[1]!, url: match[2]! });
  for (const match of text.matchAll(/url\(\s*['"]?([^'")]+)['"]?\s*\)/g)) found.push({ kind: 'css', url: match[1]! });
  return found;
}

describe('the offline HTML site', () => {
  it('writes an index, one page per article, one stylesheet and the bundled Arabic font', async () => {
    const sink = await site();
    const paths = [...sink.files.keys()].sort();
    expect(paths).toContain('html/index.html');
    expect(paths).toContain('html/style.css');
    for (const item of RECORDS) expect(paths).toContain(`html/articles/${item.id}.html`);
    const fonts = paths.filter((path) => path.startsWith('html/fonts/'));
    expect(fonts).toEqual(expect.arrayContaining(['html/fonts/noto-naskh-arabic-arabic-400-normal.woff2', 'html/fonts/noto-naskh-arabic-arabic-700-normal.woff2']));
    for (const font of fonts) expect(sink.files.get(font)!.subarray(0, 4).toString('latin1')).toBe('wOF2');
    const css = sink.text('html/style.css');
    for (const font of fonts) expect(css).toContain(`url('${font.slice('html/'.length)}')`);
    expect(paths.filter((path) => path.endsWith('.css'))).toEqual(['html/style.css']);
  });

  it('pages are Arabic, right to left, with a CSP that allows only the archive’s own files', async () => {
    const sink = await site();
    for (const path of ['html/index.html', ...RECORDS.map((item) => `html/articles/${item.id}.html`)]) {
      const html = sink.text(path);
      expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="ar" dir="rtl">/);
      expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${SITE_CSP}">`);
      expect(html).not.toMatch(/<script/i);
    }
    expect(SITE_CSP).toContain("default-src 'none'");
    expect(SITE_CSP).not.toMatch(/https?:|\*/);
  });

  it('makes no external requests: every src, stylesheet and font is relative; http(s) only in links the writer put in the body', async () => {
    const sink = await site();
    for (const [path, data] of sink.files) {
      if (!/\.(html|css)$/.test(path)) continue;
      for (const { kind, url } of urls(data.toString('utf8'))) {
        if (/^https?:/i.test(url)) {
          expect(kind, `${path}: ${url}`).toBe('href');
          expect(url).toBe('https://example.org/balagh?id=7&amp;lang=ar');
        } else {
          expect(url, `${path}: ${url}`).not.toMatch(/^([a-z]+:|\/\/|\/)/i);
        }
      }
    }
    const page = sink.text(`html/articles/${HARBOUR.id}.html`);
    expect(page).toContain('<a href="https://example.org/balagh?id=7&amp;lang=ar" rel="noopener noreferrer nofollow">بلاغ الوكالة</a>');
  });

  it('links images to the archive media by relative path, featured image first', async () => {
    const sink = await site();
    const page = sink.text(`html/articles/${HARBOUR.id}.html`);
    expect(page).toContain(`<figure class="featured"><img src="../../media/${HASH_HARBOUR}" alt=""></figure>`);
    expect(page).toContain(`<img src="../../media/${HASH_HARBOUR}" alt="رافعات الميناء عند الغروب"><figcaption>رافعات الرصيف الشمالي</figcaption>`);
    expect(sink.text(`html/articles/${MATCH.id}.html`)).toContain(`src="../../media/${HASH_STADIUM}"`);
  });

  it('shows the text of commented passages but nothing of the desk comment', async () => {
    const page = (await site()).text(`html/articles/${HARBOUR.id}.html`);
    expect(page).toContain('وقال مدير الميناء إن الطاقة الاستيعابية سترتفع');
    expect(page).not.toContain(COMMENT_ID);
    expect(page).not.toMatch(/comment/i);
  });

  it('escapes titles and body text', async () => {
    const sink = await site();
    const page = sink.text(`html/articles/${FESTIVAL.id}.html`);
    expect(page).toContain('<title>مهرجان &quot;الضفتين&quot; &lt;للموسيقى&gt; &amp; الشعر يفتتح دورته</title>');
    expect(page).toContain('<h1 class="title" dir="auto">مهرجان &quot;الضفتين&quot; &lt;للموسيقى&gt; &amp; الشعر يفتتح دورته</h1>');
    expect(page).toContain('رمز الدخول في البرنامج: ]]&gt; ثم &lt;b&gt;نهاية&lt;/b&gt;');
    expect(page).not.toContain('<b>نهاية</b>');
    const index = sink.text('html/index.html');
    expect(index).toContain('&lt;للموسيقى&gt; &amp; الشعر');
  });

  it('groups the index by day (newest first), then by section, with dates in the newsroom locale', async () => {
    const index = (await site()).text('html/index.html');
    const day14 = index.indexOf('14 غشت 2026');
    const day13 = index.indexOf('13 غشت 2026');
    expect(day14).toBeGreaterThan(0);
    expect(day13).toBeGreaterThan(day14);
    // 14 August: culture (ثقافة) then economy (اقتصاد) in Arabic order… ا before ث
    const economy = index.indexOf('<h3>اقتصاد</h3>');
    const culture = index.indexOf('<h3>ثقافة</h3>');
    const sport = index.indexOf('<h3>رياضة</h3>');
    expect(economy).toBeGreaterThan(day14);
    expect(culture).toBeGreaterThan(economy);
    expect(sport).toBeGreaterThan(day13);
    expect(index.indexOf(`href="articles/${HARBOUR.id}.html"`)).toBeGreaterThan(economy);
    expect(index.indexOf(`href="articles/${HARBOUR.id}.html"`)).toBeLessThan(culture);
    expect(index.indexOf(`href="articles/${MATCH.id}.html"`)).toBeGreaterThan(sport);
    expect(index).toContain('عدد المقالات: 3');
  });

  it('applies the digits policy to exported text and dates, not to link targets or file names', async () => {
    const sink = await site(RECORDS, context({ digits: 'arabic-indic', locale: 'ar-MA' }));
    const page = sink.text(`html/articles/${HARBOUR.id}.html`);
    expect(page).toContain('بكلفة ٤٢٠ مليون درهم');
    expect(page).toContain('في غضون ٣٠ شهرًا');
    expect(page).toContain('١٤ غشت ٢٠٢٦');
    expect(page).toContain('href="https://example.org/balagh?id=7&amp;lang=ar"');
    expect(page).toContain(`../../media/${HASH_HARBOUR}`);
    expect(sink.text('html/index.html')).toContain('عدد المقالات: ٣');

    const western = (await site(RECORDS, context({ digits: 'western', locale: 'ar-EG' }))).text(`html/articles/${HARBOUR.id}.html`);
    expect(western).toContain('14 أغسطس 2026');
    expect(western).not.toMatch(/[٠-٩]/);
  });

  it('writes an empty but valid index for an empty archive, and safe file names for odd ids', async () => {
    const empty = await site([]);
    expect(empty.text('html/index.html')).toContain('لا توجد مقالات في هذا الأرشيف.');
    const odd = await site([record({ id: '../../etc/passwd' })]);
    expect([...odd.files.keys()]).toContain('html/articles/______etc_passwd.html');
  });

  it('is part of the registered renderings, beside Markdown and WXR', async () => {
    const sink = new MemorySink();
    await render(createRenderings(), RECORDS, sink);
    expect(sink.files.has('html/index.html')).toBe(true);
    expect(sink.files.has(`markdown/${HARBOUR.id}.md`)).toBe(true);
    expect(sink.files.has('wordpress.xml')).toBe(true);
    expect(sink.opened).toEqual(expect.arrayContaining(['wordpress.xml', 'html/index.html']));
  });
});

import { describe, expect, it } from 'vitest';
import { htmlText, textFingerprint } from '../../../../../electron/core/sync/fingerprint';
import { htmlToDoc } from '../../../../../electron/core/sync/htmlToDoc';
import { articleMarker, publishSlug } from '../../../../../electron/core/sync/slug';
import { docToHtml } from '../../../../../shared/editor/docToHtml';
import { findDocProblem } from '../../../../../shared/editor/docSchema';

const ID = '6f1c2d3e-4b5a-4c6d-8e7f-0a1b2c3d4e5f';

describe('publishSlug', () => {
  it('does end every slug with the article marker, from the slug or else the title', () => {
    expect(articleMarker(ID)).toBe('m6f1c2d3e');
    expect(publishSlug(ID, 'أسعار القمح', 'عنوان')).toBe('أسعار-القمح-m6f1c2d3e');
    expect(publishSlug(ID, '', 'ارتفاع أسعار القمح!')).toBe('ارتفاع-أسعار-القمح-m6f1c2d3e');
    expect(publishSlug(ID, 'x-m6f1c2d3e', '')).toBe('x-m6f1c2d3e');
    expect(publishSlug(ID, '', '')).toBe('m6f1c2d3e');
  });

  it('does cut a long Arabic slug at a word boundary so the encoded slug stays under 200 bytes', () => {
    const title = Array.from({ length: 30 }, (_, index) => `كلمة${index}`).join(' ');
    const slug = publishSlug(ID, '', title);
    expect(encodeURIComponent(slug).length).toBeLessThanOrEqual(200);
    expect(slug).toMatch(/^كلمة0-كلمة1-.*-كلمة\d+-m6f1c2d3e$/);
  });
});

describe('textFingerprint', () => {
  it('does ignore attributes (rewritten media URLs, a marker comment) but not a changed word', () => {
    const sent = '<p dir="rtl">نص <img src="/media/abc" alt="x"> &amp; تتمة</p>';
    const stored = '<p dir="rtl">نص <img src="https://site/wp-content/uploads/a.png" alt="x"> &amp; تتمة</p>\n<!-- midad:m1 -->';
    expect(textFingerprint('عنوان', stored)).toBe(textFingerprint('عنوان', sent));
    expect(textFingerprint('عنوان', stored.replace('تتمة', 'خاتمة'))).not.toBe(textFingerprint('عنوان', sent));
    expect(htmlText('<p>أ&nbsp;ب</p><p>ج</p>')).toBe('أ ب\nج');
  });
});

describe('htmlToDoc', () => {
  it('does turn paragraphs, headings, lists, bold, italic and links into a valid body, dropping the rest', () => {
    const doc = htmlToDoc('<h3>عنوان</h3><p>نص <em>مائل</em> و<b>عريض</b> <a href="javascript:alert(1)">خطر</a></p><ol><li>واحد</li><li><p>اثنان</p></li></ol><blockquote><p>اقتباس</p></blockquote><script>x</script><div>حر</div><img src="x.png">');
    expect(findDocProblem(doc)).toBeNull();
    expect(docToHtml(doc, { mediaUrl: (hash) => hash })).toBe(
      '<h3 dir="rtl">عنوان</h3><p dir="rtl">نص <em>مائل</em> و<strong>عريض</strong> خطر</p><ol><li><p dir="rtl">واحد</p></li><li><p dir="rtl">اثنان</p></li></ol><blockquote><p dir="rtl">اقتباس</p></blockquote><p dir="rtl">حر</p>',
    );
  });

  it('does give an empty paragraph for empty HTML and decode entities', () => {
    expect(htmlToDoc('')).toEqual({ type: 'doc', content: [{ type: 'paragraph', attrs: { dir: 'rtl' } }] });
    expect(htmlToDoc('<p>أ &amp; ب &#1575;</p>').content![0]!.content![0]!.text).toBe('أ & ب ا');
  });
});

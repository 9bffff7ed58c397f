import { describe, expect, it } from 'vitest';
import { docToHtml } from '../../../../shared/editor/docToHtml';
import type { DocNode } from '../../../../shared/editor/docSchema';

const html = (doc: DocNode) => docToHtml(doc, { mediaUrl: (hash) => `/media/${hash}` });
const paragraph = (text: string, dir?: string): DocNode => ({
  type: 'paragraph',
  ...(dir ? { attrs: { dir } } : {}),
  content: text ? [{ type: 'text', text }] : [],
});

describe('docToHtml: paragraph direction as it leaves Midad', () => {
  it('resolves an automatic paragraph by its dominant script, not its first letter', () => {
    const out = html({ type: 'doc', content: [paragraph('Breaking: أعلنت وزارة الصحة صباح اليوم عن افتتاح مستشفى جديد في المدينة', 'auto')] });
    expect(out).toBe('<p dir="rtl">Breaking: أعلنت وزارة الصحة صباح اليوم عن افتتاح مستشفى جديد في المدينة</p>');
  });

  it('gives an automatic English paragraph ltr, and a digits-only one the article direction', () => {
    const out = html({ type: 'doc', content: [paragraph('The ministry said on Monday that «الصحة» was ready', 'auto'), paragraph('2026', 'auto'), paragraph('', 'auto')] });
    expect(out).toBe('<p dir="ltr">The ministry said on Monday that «الصحة» was ready</p><p dir="rtl">2026</p><p dir="rtl"></p>');
  });

  it('keeps an explicit direction and writes none when the paragraph has none', () => {
    const out = html({ type: 'doc', content: [paragraph('نص عربي', 'ltr'), paragraph('English text', 'rtl'), paragraph('بلا اتجاه')] });
    expect(out).toBe('<p dir="ltr">نص عربي</p><p dir="rtl">English text</p><p>بلا اتجاه</p>');
  });
});

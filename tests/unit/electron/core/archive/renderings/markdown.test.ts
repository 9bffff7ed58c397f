import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { docToMarkdown, escapeMarkdownText } from '../../../../../../electron/core/archive/renderings/docToMarkdown';
import { articleMarkdown, MarkdownRendering } from '../../../../../../electron/core/archive/renderings/markdown';
import type { DocNode } from '../../../../../../shared/editor/docSchema';
import { COMMENT_ID, context, FESTIVAL, HARBOUR, HASH_HARBOUR, MATCH, MemorySink, RECORDS, render } from './archiveFixture';

const media = { mediaUrl: (hash: string) => `../media/${hash}` };
const para = (...content: DocNode[]): DocNode => ({ type: 'paragraph', attrs: { dir: 'rtl' }, content });
const text = (value: string, ...marks: string[]): DocNode => ({ type: 'text', text: value, ...(marks.length ? { marks: marks.map((type) => ({ type: type as 'bold' })) } : {}) });
const md = (...content: DocNode[]) => docToMarkdown({ type: 'doc', content }, media);

function split(file: string): { front: Record<string, unknown>; body: string } {
  const match = /^---\n([\s\S]*?)\n---\n\n([\s\S]*)$/.exec(file);
  if (!match) throw new Error(`no front matter in:\n${file}`);
  return { front: parse(match[1]!) as Record<string, unknown>, body: match[2]! };
}

describe('Markdown rendering', () => {
  it('writes one file per article whose YAML front matter parses back to the article’s fields', async () => {
    const sink = new MemorySink();
    await render([new MarkdownRendering()], RECORDS, sink);
    expect([...sink.files.keys()].sort()).toEqual(RECORDS.map((item) => `markdown/${item.id}.md`).sort());
    const { front } = split(sink.text(`markdown/${HARBOUR.id}.md`));
    expect(front).toEqual({
      id: HARBOUR.id,
      title: 'توسعة ميناء المدينة تدخل مرحلتها الثانية بكلفة 420 مليون درهم',
      subtitle: 'الأشغال تشمل رصيفًا جديدًا للحاويات ومحطة للركاب',
      slug: 'توسعة-ميناء-المدينة',
      section: 'اقتصاد',
      tags: ['ميناء', 'استثمار'],
      author: 'سلمى بنعلي',
      status: 'published',
      created_at: '2026-08-13T16:00:00.000Z',
      updated_at: '2026-08-14T10:30:00.000Z',
      published_at: '2026-08-14T10:30:00.000Z',
      scheduled_at: null,
      excerpt: 'انطلقت المرحلة الثانية من توسعة الميناء وسط ترقب المهنيين.',
      featured_image: `../media/${HASH_HARBOUR}`,
    });
    const festival = split(sink.text(`markdown/${FESTIVAL.id}.md`)).front;
    expect(festival.title).toBe(FESTIVAL.title);
    expect(festival.author).toBe('مراسلنا في طنجة');
    expect(festival.excerpt).toBe(FESTIVAL.excerpt);
    expect(festival.scheduled_at).toBe('2026-08-20T18:00:00.000Z');
  });

  it('converts the body: headings, bold, links, images, lists, quotes; comments leave no trace', () => {
    const { body } = split(articleMarkdown(HARBOUR, context()));
    expect(body).toBe(
      [
        'أعلنت الوكالة الوطنية للموانئ، صباح الخميس، عن انطلاق **المرحلة الثانية** من توسعة الميناء، على أن تنتهي الأشغال في غضون 30 شهرًا.',
        '',
        '## رصيف جديد للحاويات',
        '',
        'وقال مدير الميناء إن الطاقة الاستيعابية سترتفع إلى مليوني حاوية سنويًا، وفق [بلاغ الوكالة](https://example.org/balagh?id=7&lang=ar).',
        '',
        `![رافعات الميناء عند الغروب](../media/${HASH_HARBOUR} "رافعات الرصيف الشمالي")`,
        '*رافعات الرصيف الشمالي*',
        '',
        '- رصيف بطول 800 متر',
        '- محطة ركاب تتسع لـ3000 مسافر',
        '',
        '> «هذا المشروع سيغير وجه المدينة»، يقول أحد البحارة.',
        '',
      ].join('\n'),
    );
    expect(body).not.toContain(COMMENT_ID);
  });

  it('numbers ordered lists from their start and keeps nested blocks indented under the marker', () => {
    expect(split(articleMarkdown(MATCH, context())).body).toContain('1. الهدف الأول في الدقيقة 12\n2. الهدف الثاني في الدقيقة 78');
    const nested = md({
      type: 'orderedList',
      attrs: { start: 3 },
      content: [{ type: 'listItem', content: [para(text('أولًا')), { type: 'bulletList', content: [{ type: 'listItem', content: [para(text('فرع'))] }] }] }],
    });
    expect(nested).toBe('3. أولًا\n\n   - فرع\n');
  });

  it('escapes Markdown specials so the text reads back as typed', () => {
    expect(escapeMarkdownText('سعر *الخبز* _ارتفع_ [مؤقتًا] <b> #وسم')).toBe('سعر \\*الخبز\\* \\_ارتفع\\_ \\[مؤقتًا\\] \\<b\\> \\#وسم');
    expect(md(para(text('1. ليس قائمة')))).toBe('1\\. ليس قائمة\n');
    expect(md(para(text('- ولا هذه')))).toBe('\\- ولا هذه\n');
    expect(md(para(text('# ولا عنوان')))).toBe('\\# ولا عنوان\n');
    // After a hard break too (the next line starts a new line in Markdown).
    expect(md(para(text('سطر'), { type: 'hardBreak' }, text('+ تابع')))).toBe('سطر\\\n\\+ تابع\n');
  });

  it('keeps spaces outside emphasis and merges runs with the same marks', () => {
    expect(md(para(text('قال '), text('الوزير ', 'bold'), text('اليوم')))).toBe('قال **الوزير** اليوم\n');
    expect(md(para(text('مرحلة', 'bold'), text(' ثانية', 'bold')))).toBe('**مرحلة ثانية**\n');
    expect(md(para(text('نص', 'italic', 'strike')))).toBe('*~~نص~~*\n');
    expect(md(para(text('تحته خط', 'underline')))).toBe('<u>تحته خط</u>\n');
  });

  it('writes code as code (backticks fenced long enough), not escaped', () => {
    expect(md(para(text('a*b`c', 'code')))).toBe('``a*b`c``\n');
    expect(md({ type: 'codeBlock', attrs: { language: 'json' }, content: [{ type: 'text', text: '{"a": "```"}' }] })).toBe('````json\n{"a": "```"}\n````\n');
  });

  it('writes links with spaces or parentheses in angle brackets, and drops unsafe ones', () => {
    const link = (href: string) => para({ type: 'text', text: 'الرابط', marks: [{ type: 'link', attrs: { href } }] });
    expect(md(link('https://example.org/a (b)'))).toBe('[الرابط](<https://example.org/a (b)>)\n');
    expect(md(link('javascript:alert(1)'))).toBe('الرابط\n');
  });

  it('applies the digits policy to title and body but not to ids, slugs or dates', () => {
    const file = articleMarkdown(HARBOUR, context({ digits: 'arabic-indic' }));
    const { front, body } = split(file);
    expect(front.title).toBe('توسعة ميناء المدينة تدخل مرحلتها الثانية بكلفة ٤٢٠ مليون درهم');
    expect(front.created_at).toBe('2026-08-13T16:00:00.000Z');
    expect(body).toContain('في غضون ٣٠ شهرًا');
    expect(body).toContain('?id=7&lang=ar');
  });
});

import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { DocNode } from '../../../../../../shared/editor/docSchema';
import type { ArchiveArticleRecord, ArchiveRendering, ArchiveSink, ArchiveTextStream, RenderContext } from '../../../../../../electron/core/archive/types';
import { solidPng } from '../../../../../integration/png';

/**
 * Arabic archive records written for these tests (a regional daily's week: water, culture,
 * sport), a sink that keeps what renderings write in memory (or on disk, for the browser test),
 * and a helper that runs renderings over records as the exporter does.
 */

export const PHOTO_HARBOUR = solidPng(48, 32, [30, 90, 150]);
export const PHOTO_STADIUM = solidPng(40, 40, [40, 140, 60]);
export const HASH_HARBOUR = createHash('sha256').update(PHOTO_HARBOUR).digest('hex');
export const HASH_STADIUM = createHash('sha256').update(PHOTO_STADIUM).digest('hex');
export const COMMENT_ID = '0b9d3c1e-5a7f-4e2b-9c8d-1f2e3a4b5c6d';

const p = (text: string, extra: Partial<DocNode> = {}): DocNode => ({ type: 'paragraph', attrs: { dir: 'rtl' }, content: [{ type: 'text', text }], ...extra });

export function record(overrides: Partial<ArchiveArticleRecord> = {}): ArchiveArticleRecord {
  const body: DocNode = overrides.body ?? { type: 'doc', content: [p('نص قصير.')] };
  return {
    id: '5f0c2a9e-1b7d-4c3e-8a6f-2d4b6c8e0a11',
    title: 'عنوان',
    subtitle: '',
    excerpt: '',
    slug: 'عنوان',
    section: 'محليات',
    tags: [],
    byline: '',
    author: { id: 'a1b2c3d4-0000-4000-8000-000000000001', name: 'سلمى بنعلي', role: 'editor' },
    assignee: null,
    status: 'draft',
    statusBeforeSpike: null,
    priority: 'normal',
    deadline: null,
    scheduledAt: null,
    submittedAt: null,
    publishedAt: null,
    createdAt: '2026-08-14T09:15:00.000Z',
    updatedAt: '2026-08-14T09:15:00.000Z',
    version: 1,
    featuredMedia: null,
    body,
    bodyHtml: '',
    wordCount: 2,
    charCount: 9,
    media: [],
    comments: [],
    audit: [],
    sync: [],
    ...overrides,
  };
}

/** A published harbour story: headings, marks, a link, a comment anchor, a list, a quote, images, numbers. */
export const HARBOUR = record({
  id: '7c1e4f2a-3b5d-4e6f-8a9b-0c1d2e3f4a5b',
  title: 'توسعة ميناء المدينة تدخل مرحلتها الثانية بكلفة 420 مليون درهم',
  subtitle: 'الأشغال تشمل رصيفًا جديدًا للحاويات ومحطة للركاب',
  excerpt: 'انطلقت المرحلة الثانية من توسعة الميناء وسط ترقب المهنيين.',
  slug: 'توسعة-ميناء-المدينة',
  section: 'اقتصاد',
  tags: ['ميناء', 'استثمار'],
  status: 'published',
  publishedAt: '2026-08-14T10:30:00.000Z',
  createdAt: '2026-08-13T16:00:00.000Z',
  updatedAt: '2026-08-14T10:30:00.000Z',
  featuredMedia: HASH_HARBOUR,
  media: [{ hash: HASH_HARBOUR, mime: 'image/png', size: PHOTO_HARBOUR.length, name: 'ميناء.png', path: `media/${HASH_HARBOUR}` }],
  body: {
    type: 'doc',
    content: [
      {
        type: 'paragraph',
        attrs: { dir: 'rtl' },
        content: [
          { type: 'text', text: 'أعلنت الوكالة الوطنية للموانئ، صباح الخميس، عن انطلاق ' },
          { type: 'text', text: 'المرحلة الثانية', marks: [{ type: 'bold' }] },
          { type: 'text', text: ' من توسعة الميناء، على أن تنتهي الأشغال في غضون 30 شهرًا.' },
        ],
      },
      { type: 'heading', attrs: { level: 2, dir: 'rtl' }, content: [{ type: 'text', text: 'رصيف جديد للحاويات' }] },
      {
        type: 'paragraph',
        attrs: { dir: 'rtl' },
        content: [
          { type: 'text', text: 'وقال مدير الميناء إن ' },
          { type: 'text', text: 'الطاقة الاستيعابية', marks: [{ type: 'comment', attrs: { id: COMMENT_ID } }] },
          { type: 'text', text: ' سترتفع إلى مليوني حاوية سنويًا، وفق ' },
          { type: 'text', text: 'بلاغ الوكالة', marks: [{ type: 'link', attrs: { href: 'https://example.org/balagh?id=7&lang=ar' } }] },
          { type: 'text', text: '.' },
        ],
      },
      { type: 'image', attrs: { hash: HASH_HARBOUR, alt: 'رافعات الميناء عند الغروب', caption: 'رافعات الرصيف الشمالي' } },
      {
        type: 'bulletList',
        content: [
          { type: 'listItem', content: [p('رصيف بطول 800 متر')] },
          { type: 'listItem', content: [p('محطة ركاب تتسع لـ3000 مسافر')] },
        ],
      },
      { type: 'blockquote', content: [p('«هذا المشروع سيغير وجه المدينة»، يقول أحد البحارة.')] },
    ],
  },
});

/** Culture, same day, another section; a title with characters that must be escaped. */
export const FESTIVAL = record({
  id: '8d2f5a3b-4c6e-4f70-9b1c-1d2e3f4a5b6c',
  title: 'مهرجان "الضفتين" <للموسيقى> & الشعر يفتتح دورته',
  slug: 'مهرجان-الضفتين',
  section: 'ثقافة',
  tags: ['مهرجانات'],
  byline: 'مراسلنا في طنجة',
  author: null,
  status: 'approved',
  scheduledAt: '2026-08-20T18:00:00.000Z',
  createdAt: '2026-08-14T08:00:00.000Z',
  updatedAt: '2026-08-14T08:40:00.000Z',
  excerpt: 'دورة تحتفي بالموسيقى الأندلسية ]]> وبالشعر.',
  body: {
    type: 'doc',
    content: [
      p('تنطلق مساء الجمعة فعاليات المهرجان بمشاركة فرق من 12 بلدًا.'),
      { type: 'paragraph', attrs: { dir: 'rtl' }, content: [{ type: 'text', text: 'رمز الدخول في البرنامج: ]]> ثم <b>نهاية</b>' }] },
    ],
  },
});

/** Sport, the day before: an ordered list, code, and a stadium image. */
export const MATCH = record({
  id: '9e3a6b4c-5d7f-4a81-8c2d-2e3f4a5b6c7d',
  title: 'الفريق المحلي يتأهل إلى نصف النهائي بعد فوز صعب',
  slug: 'تأهل-الفريق-المحلي',
  section: 'رياضة',
  tags: ['كرة القدم', 'كأس العرش'],
  status: 'submitted',
  createdAt: '2026-08-13T20:45:00.000Z',
  updatedAt: '2026-08-13T21:10:00.000Z',
  media: [{ hash: HASH_STADIUM, mime: 'image/png', size: PHOTO_STADIUM.length, name: 'ملعب.png', path: `media/${HASH_STADIUM}` }],
  body: {
    type: 'doc',
    content: [
      p('حسم الفريق المحلي تأهله بهدفين لهدف في مباراة مثيرة.'),
      {
        type: 'orderedList',
        attrs: { start: 1 },
        content: [
          { type: 'listItem', content: [p('الهدف الأول في الدقيقة 12')] },
          { type: 'listItem', content: [p('الهدف الثاني في الدقيقة 78')] },
        ],
      },
      { type: 'image', attrs: { hash: HASH_STADIUM, alt: 'الملعب البلدي', caption: '' } },
    ],
  },
});

export const RECORDS = [HARBOUR, FESTIVAL, MATCH];

export function context(overrides: Partial<RenderContext> = {}): RenderContext {
  const media = new Map([
    [HASH_HARBOUR, PHOTO_HARBOUR],
    [HASH_STADIUM, PHOTO_STADIUM],
  ]);
  return {
    createdAt: '2026-08-15T07:00:00.000Z',
    appVersion: '0.1.0',
    filters: { dateField: 'created' },
    locale: 'ar-MA',
    digits: 'western',
    readMedia: (hash) => media.get(hash) ?? null,
    ...overrides,
  };
}

/** Keeps every file a rendering writes, by archive path; `dir` also writes them to disk. */
export class MemorySink implements ArchiveSink {
  readonly files = new Map<string, Buffer>();
  readonly opened: string[] = [];
  constructor(private readonly dir: string | null = null) {}

  async add(path: string, data: Buffer | string): Promise<void> {
    this.store(path, typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
  }

  async open(path: string): Promise<ArchiveTextStream> {
    this.opened.push(path);
    const parts: string[] = [];
    let closed = false;
    return {
      write: async (text) => {
        if (closed) throw new Error(`${path}: write after close`);
        parts.push(text);
      },
      close: async () => {
        closed = true;
        this.store(path, Buffer.from(parts.join(''), 'utf8'));
      },
    };
  }

  text(path: string): string {
    const data = this.files.get(path);
    if (!data) throw new Error(`no ${path} among: ${[...this.files.keys()].join(', ')}`);
    return data.toString('utf8');
  }

  private store(path: string, data: Buffer): void {
    if (this.files.has(path)) throw new Error(`${path} written twice`);
    if (path.startsWith('/') || path.split('/').includes('..')) throw new Error(`unsafe path ${path}`);
    this.files.set(path, data);
    if (this.dir) {
      const target = join(this.dir, path);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, data);
    }
  }
}

/** Runs renderings as the exporter does: begin, every record in turn, end. */
export async function render(renderings: ArchiveRendering[], records: ArchiveArticleRecord[], sink: ArchiveSink, ctx: RenderContext = context()): Promise<void> {
  for (const rendering of renderings) await rendering.begin(sink, ctx);
  for (const item of records) for (const rendering of renderings) await rendering.article(item);
  for (const rendering of renderings) await rendering.end();
}

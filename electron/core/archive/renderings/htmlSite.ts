import { docToHtml, escapeHtml } from '../../../../shared/editor/docToHtml';
import { applyDigits, docApplyDigits } from '../../../../shared/text/digits';
import type { ArchiveArticleRecord, ArchiveRendering, ArchiveSink, RenderContext } from '../types';
import { articleDate, articleFileBase, dayKey, formatDateTime, formatDay, mediaPath } from './common';
import { FONT_FILES, loadFonts } from './fonts';
import { SortedSpool } from './sortedSpool';

/**
 * `html/`: a static site that opens offline in any browser, from the archive's folder or a web
 * server: right to left, Noto Naskh Arabic bundled beside one CSS file, `index.html` listing
 * the articles by day and section, and `articles/<id>.html` per article. Images point at the
 * archive's `media/<hash>` by relative path. Nothing is fetched from elsewhere: the pages carry
 * a Content-Security-Policy that allows only the archive's own files, and the only http(s)
 * URLs are the links writers put in the body text.
 *
 * Memory: one article at a time. The index needs a small summary per article (id, title,
 * date, section), sorted at the end: summaries are spooled to temporary files in sorted
 * batches and merged when the index is written, so they do not pile up in memory.
 */

/** Only the site's own files: its CSS, its fonts, the archive's images. No scripts at all. */
export const SITE_CSP = "default-src 'none'; style-src 'self'; font-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'";

interface Summary {
  id: string;
  title: string;
  date: string;
  /** The calendar day the article is listed under (YYYY-MM-DD). */
  day: string;
  section: string;
}

/** Newest day first; inside a day, sections in Arabic alphabetical order; inside a section, newest first. */
function indexOrder(): (a: Summary, b: Summary) => number {
  const collator = new Intl.Collator('ar');
  return (a, b) => (a.day === b.day ? collator.compare(a.section, b.section) || b.date.localeCompare(a.date) : b.day.localeCompare(a.day));
}

const LABELS = {
  siteTitle: 'أرشيف مداد',
  index: 'الفهرس',
  noArticles: 'لا توجد مقالات في هذا الأرشيف.',
  noSection: 'بدون قسم',
  untitled: 'بدون عنوان',
  tags: 'الوسوم',
  published: 'نُشر',
  created: 'أُنشئ',
  updated: 'آخر تعديل',
  articles: (count: string) => `عدد المقالات: ${count}`,
  generated: (when: string) => `أُنشئ الأرشيف في ${when}`,
} as const;

function page(title: string, cssHref: string, body: string): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="ar" dir="rtl">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${SITE_CSP}">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<link rel="stylesheet" href="${cssHref}">`,
    '</head>',
    `<body>${body}</body>`,
    '</html>',
    '',
  ].join('\n');
}

/** The one stylesheet: right-to-left reading layout, the bundled face first. */
export function siteCss(fonts: ReadonlySet<string>): string {
  // The Arabic file also claims the space and no-break space, and is declared last so it is
  // tried first: an Arabic paragraph is shaped in whole runs (see renderer/styles/fonts.css).
  const ranges: Record<string, string> = {
    latin: 'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD',
    arabic: 'U+0000,U+000D,U+0020,U+00A0,U+0600-06FF,U+0750-077F,U+0870-088E,U+0890-0891,U+0897-08E1,U+08E3-08FF,U+200C-200E,U+2010-2011,U+204F,U+2E41,U+FB50-FDFF,U+FE70-FE74,U+FE76-FEFC',
  };
  const faces = FONT_FILES.filter((font) => fonts.has(font.name)).map((font) =>
    [
      '@font-face {',
      "  font-family: 'Noto Naskh Arabic';",
      '  font-style: normal;',
      `  font-weight: ${font.weight};`,
      '  font-display: block;',
      `  src: url('fonts/${font.name}') format('woff2');`,
      `  unicode-range: ${ranges[font.subset]};`,
      '}',
    ].join('\n'),
  );
  return `/* Midad archive site. Noto Naskh Arabic: SIL Open Font License 1.1. */
${faces.join('\n')}
:root { color-scheme: light; }
* { box-sizing: border-box; }
html { font-size: 112.5%; }
body {
  margin: 0;
  font-family: 'Noto Naskh Arabic', 'Noto Naskh Arabic UI', 'Amiri', 'Arial', serif;
  line-height: 1.9;
  color: #1d1d1f;
  background: #fbfaf7;
  text-align: start;
  overflow-wrap: break-word;
}
main, header.site, footer.site { max-width: 44rem; margin: 0 auto; padding: 0 1.25rem; }
header.site { padding-top: 1.25rem; border-bottom: 1px solid #ddd6c8; }
header.site a { color: #6b4e16; text-decoration: none; font-weight: 700; }
footer.site { color: #6f6a60; font-size: 0.85rem; padding-bottom: 2rem; border-top: 1px solid #ddd6c8; margin-top: 2rem; }
a { color: #0b5394; }
h1, h2, h3 { line-height: 1.5; }
h1.title { font-size: 1.9rem; margin: 1.25rem 0 0.25rem; }
p.subtitle { font-size: 1.2rem; color: #4a463f; margin: 0 0 0.75rem; }
.meta { color: #6f6a60; font-size: 0.9rem; margin: 0.5rem 0 1.25rem; }
.meta span + span::before { content: ' · '; }
.section-name { color: #8a5a00; font-weight: 700; font-size: 0.95rem; }
figure { margin: 1.25rem 0; }
figure img, img { max-width: 100%; height: auto; display: block; }
figcaption { font-size: 0.85rem; color: #6f6a60; margin-top: 0.35rem; }
blockquote { margin: 1rem 0; padding: 0.25rem 1rem; border-inline-start: 4px solid #c9b98f; color: #3b382f; background: #f3efe4; }
pre { direction: ltr; text-align: left; overflow-x: auto; background: #f1f0ec; padding: 0.75rem; font-size: 0.85rem; line-height: 1.5; }
code { font-family: 'DejaVu Sans Mono', monospace; font-size: 0.9em; }
ul, ol { padding-inline-start: 1.75rem; }
.tags { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 0.5rem; }
.tags li { background: #ece6d6; border-radius: 1rem; padding: 0 0.75rem; font-size: 0.85rem; }
.day { margin-top: 2rem; }
.day > h2 { font-size: 1.25rem; border-bottom: 1px solid #ddd6c8; padding-bottom: 0.25rem; }
.day h3 { font-size: 1rem; color: #8a5a00; margin: 1rem 0 0.25rem; }
.day ul { margin: 0; }
`;
}

export class HtmlSiteRendering implements ArchiveRendering {
  private sink: ArchiveSink | null = null;
  private context: RenderContext | null = null;
  private summaries: SortedSpool<Summary>;

  /** `indexBatch`: summaries held in memory before a sorted batch goes to a temporary file. */
  constructor(private readonly options: { indexBatch?: number } = {}) {
    this.summaries = new SortedSpool<Summary>(indexOrder(), options.indexBatch);
  }

  async begin(sink: ArchiveSink, context: RenderContext): Promise<void> {
    this.sink = sink;
    this.context = context;
    this.summaries.dispose();
    this.summaries = new SortedSpool<Summary>(indexOrder(), this.options.indexBatch);
    const fonts = loadFonts();
    for (const [name, bytes] of fonts) await sink.add(`html/fonts/${name}`, bytes);
    await sink.add('html/style.css', siteCss(new Set(fonts.keys())));
  }

  async article(record: ArchiveArticleRecord): Promise<void> {
    const { sink, context } = this.ready();
    const digits = (text: string) => applyDigits(text, context.digits);
    const title = digits(record.title.trim()) || LABELS.untitled;
    const base = articleFileBase(record.id);
    const date = articleDate(record);
    this.summaries.push({ id: base, title, date, day: dayKey(date), section: record.section.trim() });

    const body = docToHtml(docApplyDigits(record.body, context.digits), { mediaUrl: (hash) => `../../${mediaPath(hash)}` });
    const author = record.byline.trim() || record.author?.name || '';
    const meta: string[] = [];
    if (author) meta.push(`<span class="author">${escapeHtml(author)}</span>`);
    if (record.publishedAt) {
      meta.push(`<span>${LABELS.published} <time datetime="${escapeHtml(record.publishedAt)}">${escapeHtml(formatDateTime(record.publishedAt, context.locale, context.digits))}</time></span>`);
    } else {
      meta.push(`<span>${LABELS.created} <time datetime="${escapeHtml(record.createdAt)}">${escapeHtml(formatDateTime(record.createdAt, context.locale, context.digits))}</time></span>`);
    }
    if (record.updatedAt && record.updatedAt !== (record.publishedAt ?? record.createdAt)) {
      meta.push(`<span>${LABELS.updated} <time datetime="${escapeHtml(record.updatedAt)}">${escapeHtml(formatDay(record.updatedAt, context.locale, context.digits))}</time></span>`);
    }
    const parts = [
      `<header class="site"><a href="../index.html">${LABELS.siteTitle}</a> › <a href="../index.html">${LABELS.index}</a></header>`,
      '<main>',
      '<article>',
      record.section.trim() ? `<div class="section-name">${escapeHtml(record.section.trim())}</div>` : '',
      `<h1 class="title" dir="auto">${escapeHtml(title)}</h1>`,
      record.subtitle.trim() ? `<p class="subtitle" dir="auto">${escapeHtml(digits(record.subtitle.trim()))}</p>` : '',
      `<div class="meta">${meta.join('')}</div>`,
      record.featuredMedia ? `<figure class="featured"><img src="../../${mediaPath(record.featuredMedia)}" alt=""></figure>` : '',
      `<div class="body">${body}</div>`,
      record.tags.length > 0
        ? `<ul class="tags" aria-label="${LABELS.tags}">${record.tags.map((tag) => `<li>${escapeHtml(tag)}</li>`).join('')}</ul>`
        : '',
      '</article>',
      '</main>',
    ];
    await sink.add(`html/articles/${base}.html`, page(title, '../style.css', parts.filter(Boolean).join('\n')));
  }

  async end(): Promise<void> {
    try {
      await this.writeIndex();
    } finally {
      this.summaries.dispose();
    }
  }

  /** A cancelled export: the spooled summaries are removed. */
  abort(): void {
    this.summaries.dispose();
  }

  private async writeIndex(): Promise<void> {
    const { sink, context } = this.ready();
    const out = await sink.open('html/index.html');
    const count = applyDigits(String(this.summaries.size), context.digits);
    const head = page(LABELS.siteTitle, 'style.css', '\u0000').split('\u0000');
    await out.write(head[0]!);
    await out.write(`<header class="site"><a href="index.html">${LABELS.siteTitle}</a></header>\n<main>\n<h1 class="title">${LABELS.index}</h1>\n`);
    await out.write(`<p class="meta">${LABELS.articles(count)} · ${escapeHtml(LABELS.generated(formatDay(context.createdAt, context.locale, context.digits)))}</p>\n`);
    if (this.summaries.size === 0) await out.write(`<p>${LABELS.noArticles}</p>\n`);

    // Grouped by day, then by section (the spool gives them in that order), written a day at a time.
    let day: string | null = null;
    let section: string | null = null;
    let chunk: string[] = [];
    for await (const item of this.summaries.sorted()) {
      if (item.day !== day) {
        if (day !== null) {
          chunk.push('</ul>', '</section>\n');
          await out.write(chunk.join(''));
          chunk = [];
        }
        day = item.day;
        section = null;
        chunk.push(`<section class="day"><h2><time datetime="${day}">${escapeHtml(formatDay(item.date, context.locale, context.digits))}</time></h2>`);
      }
      if (item.section !== section) {
        if (section !== null) chunk.push('</ul>');
        section = item.section;
        chunk.push(`<h3>${escapeHtml(section || LABELS.noSection)}</h3><ul>`);
      }
      chunk.push(`<li><a href="articles/${item.id}.html" dir="auto">${escapeHtml(item.title)}</a></li>`);
      if (chunk.length >= 2000) {
        await out.write(chunk.join(''));
        chunk = [];
      }
    }
    if (day !== null) {
      chunk.push('</ul>', '</section>\n');
      await out.write(chunk.join(''));
    }
    await out.write(`</main>\n<footer class="site">${escapeHtml(LABELS.generated(formatDateTime(context.createdAt, context.locale, context.digits)))} · Midad ${escapeHtml(context.appVersion)}</footer>`);
    await out.write(head[1]!);
    await out.close();
  }

  private ready(): { sink: ArchiveSink; context: RenderContext } {
    if (!this.sink || !this.context) throw new Error('HtmlSiteRendering: begin() was not called');
    return { sink: this.sink, context: this.context };
  }
}

import { stringify } from 'yaml';
import { applyDigits, docApplyDigits } from '../../../../shared/text/digits';
import type { ArchiveArticleRecord, ArchiveRendering, ArchiveSink, RenderContext } from '../types';
import { articleFileBase, mediaPath } from './common';
import { docToMarkdown } from './docToMarkdown';

/** The YAML front matter of one article's Markdown file. */
export interface MarkdownFrontMatter {
  id: string;
  title: string;
  subtitle: string;
  slug: string;
  section: string;
  tags: string[];
  author: string | null;
  status: string;
  created_at: string;
  updated_at: string;
  published_at: string | null;
  scheduled_at: string | null;
  excerpt: string;
  featured_image: string | null;
}

/** The whole file of one article: `---`, YAML front matter, `---`, the body as Markdown. */
export function articleMarkdown(record: ArchiveArticleRecord, context: Pick<RenderContext, 'digits'>): string {
  const digits = (text: string) => applyDigits(text, context.digits);
  const front: MarkdownFrontMatter = {
    id: record.id,
    title: digits(record.title),
    subtitle: digits(record.subtitle),
    slug: record.slug,
    section: record.section,
    tags: [...record.tags],
    author: record.byline.trim() || record.author?.name || null,
    status: record.status,
    created_at: record.createdAt,
    updated_at: record.updatedAt,
    published_at: record.publishedAt,
    scheduled_at: record.scheduledAt,
    excerpt: digits(record.excerpt),
    featured_image: record.featuredMedia ? `../${mediaPath(record.featuredMedia)}` : null,
  };
  const yaml = stringify(front, { lineWidth: 0 });
  const body = docToMarkdown(docApplyDigits(record.body, context.digits), { mediaUrl: (hash) => `../${mediaPath(hash)}` });
  return `---\n${yaml}---\n\n${body}`;
}

/** `markdown/<id>.md`: one file per article, written as each article streams past. */
export class MarkdownRendering implements ArchiveRendering {
  private sink: ArchiveSink | null = null;
  private context: RenderContext | null = null;

  async begin(sink: ArchiveSink, context: RenderContext): Promise<void> {
    this.sink = sink;
    this.context = context;
  }

  async article(record: ArchiveArticleRecord): Promise<void> {
    if (!this.sink || !this.context) throw new Error('MarkdownRendering: begin() was not called');
    await this.sink.add(`markdown/${articleFileBase(record.id)}.md`, articleMarkdown(record, this.context));
  }

  async end(): Promise<void> {
    this.sink = null;
  }
}

import { docToHtml } from '../../../../shared/editor/docToHtml';
import type { DocNode } from '../../../../shared/editor/docSchema';
import { cleanSlug } from '../../../../shared/text/arabic';
import { applyDigits, docApplyDigits } from '../../../../shared/text/digits';
import type { ArchiveArticleRecord, ArchiveRendering, ArchiveSink, ArchiveTextStream, RenderContext } from '../types';
import { mediaPath } from './common';
import { cdata, cdataElement, element, xmlEscape } from './xml';

/**
 * `wordpress.xml`: a WordPress eXtended RSS (WXR 1.2) file for WordPress's importer
 * (Tools → Import → WordPress), written piece by piece while the articles stream past.
 *
 * WordPress wants authors, categories and tags declared as channel children; since they are
 * only known once every article has passed, they are written after the items, at the end of the
 * channel (the importer reads them by path, whatever their order). Memory holds the distinct
 * authors, sections, tags and images, never the articles.
 *
 * Images become attachment items whose `wp:attachment_url` is the relative archive path
 * `media/<hash>`, and the post content points at the same path; the importer can fetch them
 * once the archive's `media/` folder is put on a web server and the prefix rewritten (or it
 * reports them as not downloaded and imports the posts anyway). Only elements, attributes and meta
 * keys that WordPress's own export_wp() writes are used (tests/integration/wxrImport.test.ts compares
 * the two); an attachment's type comes from the downloaded file, as for WordPress's export. Status: published → publish,
 * approved → future when scheduled later than the export (pending otherwise), everything else → draft.
 */

export const WXR_NAMESPACES = {
  excerpt: 'http://wordpress.org/export/1.2/excerpt/',
  content: 'http://purl.org/rss/1.0/modules/content/',
  wfw: 'http://wellformedweb.org/CommentAPI/',
  dc: 'http://purl.org/dc/elements/1.1/',
  wp: 'http://wordpress.org/export/1.2/',
} as const;

/** `2026-08-14 10:30:00` in UTC, as WordPress stores dates. */
export function wpDate(iso: string | null): string {
  if (!iso) return '0000-00-00 00:00:00';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '0000-00-00 00:00:00';
  return date.toISOString().slice(0, 19).replace('T', ' ');
}

/**
 * The WordPress status an article is exported with. An approved article scheduled after `now`
 * (the export's time) is `future`; scheduled in the past or not at all it is `pending` (WordPress
 * would publish a `future` post with a past date at once).
 */
export function wpStatus(record: Pick<ArchiveArticleRecord, 'status' | 'scheduledAt'>, now: string): 'publish' | 'future' | 'pending' | 'draft' {
  if (record.status === 'published') return 'publish';
  if (record.status === 'approved') {
    const at = record.scheduledAt ? Date.parse(record.scheduledAt) : Number.NaN;
    return Number.isFinite(at) && at > Date.parse(now) ? 'future' : 'pending';
  }
  return 'draft';
}

/** A term slug as WordPress stores it: Arabic letters percent-encoded, lowercase. */
export function termSlug(name: string): string {
  const clean = cleanSlug(name);
  return clean ? encodeURIComponent(clean).toLowerCase() : 'term';
}

interface Author {
  id: number;
  login: string;
  displayName: string;
}

interface Term {
  id: number;
  slug: string;
  name: string;
}

function imageHashes(node: DocNode, out: Set<string>): Set<string> {
  if (node.type === 'image' && typeof node.attrs?.hash === 'string') out.add(node.attrs.hash);
  for (const child of node.content ?? []) imageHashes(child, out);
  return out;
}

export class WxrRendering implements ArchiveRendering {
  private out: ArchiveTextStream | null = null;
  private context: RenderContext | null = null;
  private nextId = 1;
  private readonly authors = new Map<string, Author>();
  private readonly categories = new Map<string, Term>();
  private readonly tags = new Map<string, Term>();
  /** Attachment post id by media hash: one attachment per image, owned by the first article that uses it. */
  private readonly attachments = new Map<string, number>();

  async begin(sink: ArchiveSink, context: RenderContext): Promise<void> {
    this.context = context;
    this.out = await sink.open('wordpress.xml');
    const ns = Object.entries(WXR_NAMESPACES)
      .map(([prefix, uri]) => `\txmlns:${prefix}="${uri}"`)
      .join('\n');
    const created = new Date(context.createdAt);
    await this.out.write(
      [
        '<?xml version="1.0" encoding="UTF-8" ?>',
        '<!-- A WordPress eXtended RSS file written by Midad; import it with Tools → Import → WordPress. -->',
        `<rss version="2.0"\n${ns}\n>`,
        '<channel>',
        `\t${element('title', 'Midad')}`,
        '\t<link>https://midad.invalid</link>',
        `\t${element('description', 'Midad archive')}`,
        `\t${element('pubDate', Number.isNaN(created.getTime()) ? new Date().toUTCString() : created.toUTCString())}`,
        `\t${element('language', context.locale === 'en' ? 'en' : context.locale)}`,
        '\t<wp:wxr_version>1.2</wp:wxr_version>',
        '\t<wp:base_site_url>https://midad.invalid</wp:base_site_url>',
        '\t<wp:base_blog_url>https://midad.invalid</wp:base_blog_url>',
        `\t${element('generator', `Midad ${context.appVersion}`)}`,
        '',
      ].join('\n'),
    );
  }

  async article(record: ArchiveArticleRecord): Promise<void> {
    const { out, context } = this.ready();
    const digits = (text: string) => applyDigits(text, context.digits);
    const postId = this.nextId++;
    const author = this.author(record);
    const status = wpStatus(record, context.createdAt);
    const date = status === 'publish' ? record.publishedAt ?? record.createdAt : status === 'future' ? record.scheduledAt! : record.createdAt;
    const content = docToHtml(docApplyDigits(record.body, context.digits), { mediaUrl: mediaPath });

    const lines: string[] = [
      '\t<item>',
      `\t\t${element('title', digits(record.title))}`,
      `\t\t${element('pubDate', new Date(date).toUTCString())}`,
      `\t\t${cdataElement('dc:creator', author.login)}`,
      `\t\t<guid isPermaLink="false">urn:uuid:${xmlEscape(record.id)}</guid>`,
      '\t\t<description></description>',
      `\t\t${cdataElement('content:encoded', content)}`,
      `\t\t${cdataElement('excerpt:encoded', digits(record.excerpt))}`,
      `\t\t${element('wp:post_id', postId)}`,
      `\t\t${cdataElement('wp:post_date', wpDate(date))}`,
      `\t\t${cdataElement('wp:post_date_gmt', status === 'draft' || status === 'pending' ? '0000-00-00 00:00:00' : wpDate(date))}`,
      `\t\t${cdataElement('wp:post_modified', wpDate(record.updatedAt))}`,
      `\t\t${cdataElement('wp:post_modified_gmt', wpDate(record.updatedAt))}`,
      `\t\t${cdataElement('wp:comment_status', 'closed')}`,
      `\t\t${cdataElement('wp:ping_status', 'closed')}`,
      `\t\t${cdataElement('wp:post_name', record.slug)}`,
      `\t\t${cdataElement('wp:status', status)}`,
      '\t\t<wp:post_parent>0</wp:post_parent>',
      '\t\t<wp:menu_order>0</wp:menu_order>',
      `\t\t${cdataElement('wp:post_type', 'post')}`,
      `\t\t${cdataElement('wp:post_password', '')}`,
      '\t\t<wp:is_sticky>0</wp:is_sticky>',
    ];
    const section = record.section.trim();
    if (section) {
      const term = this.term(this.categories, section);
      lines.push(`\t\t<category domain="category" nicename="${xmlEscape(term.slug)}">${cdata(term.name)}</category>`);
    }
    for (const tag of record.tags) {
      if (!tag.trim()) continue;
      const term = this.term(this.tags, tag.trim());
      lines.push(`\t\t<category domain="post_tag" nicename="${xmlEscape(term.slug)}">${cdata(term.name)}</category>`);
    }

    const hashes = imageHashes(record.body, new Set());
    if (record.featuredMedia) hashes.add(record.featuredMedia);
    const newAttachments: string[] = [];
    for (const hash of hashes) {
      if (!this.attachments.has(hash)) {
        this.attachments.set(hash, this.nextId++);
        newAttachments.push(hash);
      }
    }
    if (record.featuredMedia) {
      lines.push(
        `\t\t<wp:postmeta>${cdataElement('wp:meta_key', '_thumbnail_id')}${cdataElement('wp:meta_value', String(this.attachments.get(record.featuredMedia)))}</wp:postmeta>`,
      );
    }
    lines.push('\t</item>');

    for (const hash of newAttachments) {
      const ref = record.media.find((media) => media.hash === hash);
      const url = mediaPath(hash);
      lines.push(
        '\t<item>',
        `\t\t${element('title', ref?.name || hash.slice(0, 12))}`,
        `\t\t${element('pubDate', new Date(record.createdAt).toUTCString())}`,
        `\t\t${cdataElement('dc:creator', author.login)}`,
        `\t\t<guid isPermaLink="false">${xmlEscape(url)}</guid>`,
        '\t\t<description></description>',
        `\t\t${cdataElement('content:encoded', '')}`,
        `\t\t${cdataElement('excerpt:encoded', '')}`,
        `\t\t${element('wp:post_id', this.attachments.get(hash)!)}`,
        `\t\t${cdataElement('wp:post_date', wpDate(record.createdAt))}`,
        `\t\t${cdataElement('wp:post_date_gmt', wpDate(record.createdAt))}`,
        `\t\t${cdataElement('wp:comment_status', 'closed')}`,
        `\t\t${cdataElement('wp:ping_status', 'closed')}`,
        `\t\t${cdataElement('wp:post_name', hash.slice(0, 12))}`,
        `\t\t${cdataElement('wp:status', 'inherit')}`,
        `\t\t${element('wp:post_parent', postId)}`,
        '\t\t<wp:menu_order>0</wp:menu_order>',
        `\t\t${cdataElement('wp:post_type', 'attachment')}`,
        `\t\t${cdataElement('wp:post_password', '')}`,
        '\t\t<wp:is_sticky>0</wp:is_sticky>',
        `\t\t${cdataElement('wp:attachment_url', url)}`,
        '\t</item>',
      );
    }
    await out.write(`${lines.join('\n')}\n`);
  }

  async end(): Promise<void> {
    const { out } = this.ready();
    const lines: string[] = [];
    for (const author of this.authors.values()) {
      lines.push(
        `\t<wp:author>${element('wp:author_id', author.id)}${cdataElement('wp:author_login', author.login)}${cdataElement('wp:author_email', '')}${cdataElement('wp:author_display_name', author.displayName)}${cdataElement('wp:author_first_name', '')}${cdataElement('wp:author_last_name', '')}</wp:author>`,
      );
    }
    for (const term of this.categories.values()) {
      lines.push(
        `\t<wp:category>${element('wp:term_id', term.id)}${cdataElement('wp:category_nicename', term.slug)}${cdataElement('wp:category_parent', '')}${cdataElement('wp:cat_name', term.name)}</wp:category>`,
      );
    }
    for (const term of this.tags.values()) {
      lines.push(`\t<wp:tag>${element('wp:term_id', term.id)}${cdataElement('wp:tag_slug', term.slug)}${cdataElement('wp:tag_name', term.name)}</wp:tag>`);
    }
    lines.push('</channel>', '</rss>', '');
    await out.write(lines.join('\n'));
    await out.close();
    this.out = null;
  }

  /** The WordPress user an article is attributed to: logins are ASCII (WordPress strips other letters), the name is kept for display. */
  private author(record: ArchiveArticleRecord): Author {
    const name = record.author?.name?.trim() || record.byline.trim() || 'Midad';
    const key = record.author ? `account:${record.author.id}` : `byline:${name}`;
    let author = this.authors.get(key);
    if (!author) {
      const id = this.authors.size + 1;
      const ascii = name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
      author = { id, login: ascii.length >= 3 ? `${ascii.slice(0, 40)}-${id}` : `midad-author-${id}`, displayName: name };
      this.authors.set(key, author);
    }
    return author;
  }

  private term(map: Map<string, Term>, name: string): Term {
    let term = map.get(name);
    if (!term) {
      const id = this.categories.size + this.tags.size + 1;
      let slug = termSlug(name);
      // Two names that clean to one slug would be merged by WordPress: keep them apart.
      for (const other of map.values()) if (other.slug === slug) slug = `${slug}-${id}`;
      term = { id, slug, name };
      map.set(name, term);
    }
    return term;
  }

  private ready(): { out: ArchiveTextStream; context: RenderContext } {
    if (!this.out || !this.context) throw new Error('WxrRendering: begin() was not called');
    return { out: this.out, context: this.context };
  }
}

import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { basename } from 'node:path';
import { ErrorCode, MidadError } from '../../../../shared/errors';
import { decodeEntities } from '../../sync/htmlToDoc';
import { checkFileSize, readFileHead } from '../formats';
import type { ForeignReaderOptions, ImportCandidate } from '../types';
import { invalidAt, RemoteImages, toUtcIso } from './common';
import { XmlItemScanner, XmlScanError, type XmlItem } from './xmlItems';

/**
 * WordPress eXtended RSS (the file Tools → Export produces): posts with their status,
 * categories (the first becomes the section), tags, author, dates, excerpt, content, featured
 * image and inline images, which are fetched by URL and stored.
 *
 * Read in two streaming passes, one item in memory at a time: the first checks every item's
 * XML and notes the attachments (id → URL, for featured images) and the channel (authors,
 * site address); the second converts the posts. A file that is not a WordPress export, or whose
 * XML is broken, is refused with the line (and item) at fault.
 */

type Node = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: true,
  htmlEntities: false,
  isArray: (name) => ['item', 'category', 'wp:postmeta', 'wp:author', 'wp:comment'].includes(name),
});

/** A parsed text value: a string, or the `#text` of an element with attributes. */
function str(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'object' && '#text' in (value as Node)) return str((value as Node)['#text']);
  return '';
}

function notWxr(name: string, why: string, whyAr: string, line: number | null = null): MidadError {
  return new MidadError(
    ErrorCode.ARCHIVE_INVALID,
    `"${name}" is not a WordPress export (WXR): ${why}. Export it from WordPress with Tools → Export → All content.`,
    `«${name}» ليس ملف تصدير ووردبريس (WXR): ${whyAr}. صدّره من ووردبريس عبر أدوات ← تصدير ← كل المحتوى.`,
    line === null ? {} : { line },
  );
}

function brokenXml(name: string, line: number, item: number | null, reason: string, reasonAr = reason): MidadError {
  const where = item === null ? `line ${line}` : `item ${item} (line ${line})`;
  const whereAr = item === null ? `السطر ${line}` : `العنصر ${item} (السطر ${line})`;
  return new MidadError(ErrorCode.ARCHIVE_INVALID, `"${name}" has broken XML at ${where}: ${reason}.`, `في «${name}» XML معطوب في ${whereAr}: ${reasonAr}.`, {
    ...(item === null ? {} : { position: item }),
    line,
  });
}

/** The first bytes must look like a WordPress export (an <rss> with the WXR namespace) before anything else is read. */
function checkHead(file: string, name: string): void {
  const text = readFileHead(file, 64 * 1024).toString('utf8');
  if (!/<rss[\s>]/.test(text)) throw notWxr(name, 'it has no <rss> element', 'لا يحتوي على عنصر <rss>');
  if (!/xmlns:wp\s*=\s*["']http:\/\/wordpress\.org\/export\/1\.\d+\/?["']/.test(text)) {
    throw notWxr(name, 'it does not declare the WordPress export namespace', 'لا يصرّح بفضاء أسماء تصدير ووردبريس');
  }
}

function validate(name: string, xml: string, firstLine: number, item: number | null): void {
  const result = XMLValidator.validate(xml);
  if (result !== true) {
    throw brokenXml(name, firstLine + result.err.line - 1, item, result.err.msg);
  }
}

function isAttachment(xml: string): boolean {
  return /<wp:post_type>\s*(?:<!\[CDATA\[)?\s*attachment\s*(?:\]\]>)?\s*<\/wp:post_type>/.test(xml);
}

function parseItem(name: string, item: XmlItem): Node {
  try {
    const parsed = parser.parse(item.xml) as { item?: Node[] };
    const node = parsed.item?.[0];
    if (!node) throw new Error('empty item');
    return node;
  } catch (error) {
    throw brokenXml(name, item.line, item.index, (error as Error).message);
  }
}

function postmeta(item: Node, key: string): string | null {
  for (const meta of (item['wp:postmeta'] as Node[] | undefined) ?? []) {
    if (str(meta['wp:meta_key']) === key) return str(meta['wp:meta_value']);
  }
  return null;
}

/** WordPress's zero date means "not set". */
function wpDate(gmt: string, local: string): string | null {
  for (const value of [gmt, local]) {
    const trimmed = value.trim();
    if (trimmed && !trimmed.startsWith('0000-00-00')) return toUtcIso(trimmed);
  }
  return null;
}

function decodeSlug(slug: string): string {
  try {
    return decodeURIComponent(slug);
  } catch {
    return slug;
  }
}

function plainText(html: string): string {
  return decodeEntities(html.replace(/<[^>]*>/g, ' ')).replace(/\s+/g, ' ').trim();
}

/**
 * Classic-editor posts keep paragraphs as blank lines (WordPress adds the <p> when it shows
 * them, "wpautop"): wrap such runs of text in paragraphs before converting. Block-editor
 * content, already in <p>, is left as it is.
 */
export function autoParagraphs(html: string): string {
  if (!/\n\s*\n/.test(html)) return html;
  const BLOCK = /^<\/?(p|h[1-6]|ul|ol|li|blockquote|figure|div|pre|table|hr|section|!--)/i;
  return html
    .split(/\n\s*\n/)
    .map((chunk) => {
      const trimmed = chunk.trim();
      if (!trimmed) return '';
      return BLOCK.test(trimmed) ? trimmed : `<p>${trimmed.replace(/\n/g, '<br>\n')}</p>`;
    })
    .join('\n');
}

const STATUS: Record<string, ImportCandidate['status']> = {
  publish: 'published',
  draft: 'draft',
  pending: 'submitted',
  future: 'approved',
};

export async function* readWxr(file: string, options: ForeignReaderOptions): AsyncGenerator<ImportCandidate> {
  const name = basename(file);
  checkFileSize(file, name);
  checkHead(file, name);

  // Pass 1: every item's XML checked; attachments and the channel noted.
  const attachments = new Map<string, string>();
  const first = new XmlItemScanner(file);
  try {
    for await (const item of first.items()) {
      validate(name, item.xml, item.line, item.index);
      if (isAttachment(item.xml)) {
        const node = parseItem(name, item);
        const url = str(node['wp:attachment_url']).trim() || str(node.guid).trim();
        const id = str(node['wp:post_id']).trim();
        if (id && url) attachments.set(id, url);
      }
    }
  } catch (error) {
    if (error instanceof XmlScanError) {
      throw new MidadError(ErrorCode.ARCHIVE_INVALID, `"${name}": ${error.message}`, `«${name}»: ${error.messageAr}`, {
        ...(error.item === null ? {} : { position: error.item }),
        line: error.line,
      });
    }
    throw error;
  }
  validate(name, first.outside, 1, null);
  const root = parser.parse(first.outside) as Node;
  const channel = (root.rss as Node | undefined)?.channel as Node | undefined;
  if (!channel) throw notWxr(name, 'it has no <rss><channel>', 'لا يحتوي على <rss><channel>');
  const version = str(channel['wp:wxr_version']).trim();
  if (!/^1\.\d+$/.test(version)) throw notWxr(name, 'it has no <wp:wxr_version>', 'لا يحتوي على <wp:wxr_version>');
  const authors = new Map<string, string>();
  for (const author of (channel['wp:author'] as Node[] | undefined) ?? []) {
    const login = str(author['wp:author_login']).trim();
    const display = decodeEntities(str(author['wp:author_display_name'])).trim();
    if (login) authors.set(login, display || login);
  }
  const base = str(channel['wp:base_site_url']).trim() || str(channel.link).trim() || null;
  const images = new RemoteImages(options, base && /^https?:\/\//i.test(base) ? base.replace(/\/?$/, '/') : null);

  // Pass 2: the posts.
  let skipped = 0;
  for await (const item of new XmlItemScanner(file).items()) {
    if (isAttachment(item.xml)) continue;
    const node = parseItem(name, item);
    const type = str(node['wp:post_type']).trim();
    if (type !== 'post') {
      skipped += 1;
      continue;
    }
    const position = item.index;
    const title = decodeEntities(str(node.title)).replace(/\s+/g, ' ').trim();
    const label = title ? `"${title.slice(0, 80)}"` : `item ${position}`;
    const wpStatus = str(node['wp:status']).trim();
    if (wpStatus === 'trash' || wpStatus === 'auto-draft' || wpStatus === 'inherit') {
      options.warn(position, `Item ${position} (${label}) is in WordPress's trash or an unsaved draft; it was not imported.`, `العنصر ${position} (${label}) في سلة مهملات ووردبريس أو مسودة غير محفوظة؛ لم يُستورد.`);
      continue;
    }
    let status = STATUS[wpStatus];
    if (!status) {
      status = 'draft';
      if (wpStatus === 'private') {
        options.warn(position, `Item ${position} (${label}) is private in WordPress; it was imported as a draft.`, `العنصر ${position} (${label}) خاص في ووردبريس؛ استُورد مسودةً.`);
      } else {
        options.warn(position, `Item ${position} (${label}) has the unknown status "${wpStatus}"; it was imported as a draft.`, `العنصر ${position} (${label}) بحالة غير معروفة «${wpStatus}»؛ استُورد مسودةً.`);
      }
    }

    if (str(node['wp:post_password']).trim()) {
      options.warn(position, `Item ${position} (${label}) is password-protected in WordPress; it was imported without the password.`, `العنصر ${position} (${label}) محمي بكلمة سر في ووردبريس؛ استُورد دون كلمة السر.`);
    }
    const categories = (node.category as Node[] | undefined) ?? [];
    const terms = (domain: string) =>
      categories
        .filter((category) => str(category['@domain']) === domain)
        .map((category) => ({ name: decodeEntities(str(category)).trim(), slug: str(category['@nicename']).trim() }))
        .filter((term) => term.name);
    const section = terms('category').find((term) => term.slug !== 'uncategorized')?.name ?? '';
    const tags = [...new Set(terms('post_tag').map((term) => term.name))];

    const login = str(node['dc:creator']).trim();
    const date = wpDate(str(node['wp:post_date_gmt']), str(node['wp:post_date']));
    const content = str(node['content:encoded']);
    let body;
    try {
      body = await images.htmlToDoc(autoParagraphs(content), position);
    } catch (error) {
      throw invalidAt(position, `Item ${position} (${label}): its content could not be read (${(error as Error).message}).`, `العنصر ${position} (${label}): تعذّرت قراءة محتواه (${(error as Error).message}).`);
    }
    let featuredMedia: string | null = null;
    const thumbnail = postmeta(node, '_thumbnail_id');
    if (thumbnail) {
      const url = attachments.get(thumbnail.trim());
      if (!url) {
        options.warn(position, `Item ${position} (${label}): its featured image (attachment ${thumbnail}) is not in the file; it was left out.`, `العنصر ${position} (${label}): صورته البارزة (المرفق ${thumbnail}) ليست في الملف؛ أُسقطت.`);
      } else {
        featuredMedia = await images.resolve(url, position);
      }
    }
    yield {
      position,
      title,
      subtitle: '',
      excerpt: plainText(str(node['excerpt:encoded'])),
      slug: decodeSlug(str(node['wp:post_name']).trim()),
      section,
      tags,
      authorName: login ? authors.get(login) ?? login : null,
      status,
      createdAt: date,
      // A scheduled post (future) carries its publication time here; only a published one is published.
      publishedAt: status === 'published' || wpStatus === 'future' ? date : null,
      body,
      featuredMedia,
      source: str(node.link).trim() || str(node.guid).trim() || null,
    };
  }
  if (skipped > 0) {
    options.warn(null, `${skipped} item(s) that are not posts (pages, menus, other content types) were not imported.`, `لم يُستورد ${skipped} من العناصر ليست مقالات (صفحات، قوائم، أنواع محتوى أخرى).`);
  }
}

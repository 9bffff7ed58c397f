import type { DocNode } from '../../../../shared/editor/docSchema';
import { ErrorCode, MidadError } from '../../../../shared/errors';
import { decodeEntities, htmlToDoc } from '../../sync/htmlToDoc';
import type { ForeignReaderOptions } from '../types';

/** A line or entry of a foreign file that cannot be read: the import stops, naming it. */
export function invalidAt(position: number, en: string, ar: string, detail: Record<string, unknown> = {}): MidadError {
  return new MidadError(ErrorCode.ARCHIVE_INVALID, en, ar, { position, ...detail });
}

/** Plain text to a body: paragraphs split on blank lines, single line breaks kept as breaks. */
export function textToDoc(text: string): DocNode {
  const paragraphs = text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n+/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean);
  if (paragraphs.length === 0) return { type: 'doc', content: [{ type: 'paragraph', attrs: { dir: 'rtl' } }] };
  return {
    type: 'doc',
    content: paragraphs.map((paragraph) => {
      const content: DocNode[] = [];
      paragraph.split('\n').forEach((line, index) => {
        if (index > 0) content.push({ type: 'hardBreak' });
        const clean = line.replace(/[\t ]+/g, ' ').trim();
        if (clean) content.push({ type: 'text', text: clean });
      });
      return { type: 'paragraph', attrs: { dir: 'rtl' }, content };
    }),
  };
}

/** `src` values of the `<img>` tags of an HTML fragment (entities decoded as htmlToDoc does). */
export function imageSources(html: string): string[] {
  const sources: string[] = [];
  const cleaned = html.replace(/<!--[\s\S]*?-->/g, '');
  for (const match of cleaned.matchAll(/<img\b[^>]*>/gi)) {
    const src = /\ssrc\s*=\s*("([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(match[0]);
    if (src) sources.push(decodeEntities(src[2] ?? src[3] ?? src[4] ?? ''));
  }
  return sources;
}

/**
 * Images of foreign articles, referenced by URL: each fetched once per file (through the
 * importer's `fetchMedia`) and stored (`storeMedia`); a failure is a warning and the image is
 * dropped (its alt text stays). A dry run fetches and stores nothing.
 */
export class RemoteImages {
  private readonly done = new Map<string, string | null>();

  constructor(
    private readonly options: ForeignReaderOptions,
    /** Resolves relative `src` values (WXR: the site's address). */
    private readonly base: string | null = null,
  ) {}

  absolute(src: string): string | null {
    const trimmed = src.trim();
    if (!trimmed || trimmed.startsWith('data:')) return null;
    try {
      const url = this.base ? new URL(trimmed, this.base) : new URL(trimmed);
      return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
    } catch {
      return null;
    }
  }

  /** Fetches and stores one image; its hash, or null (warned). */
  async resolve(src: string, position: number): Promise<string | null> {
    if (this.options.dryRun) return null;
    const url = this.absolute(src);
    if (!url) {
      if (src.trim()) {
        this.options.warn(position, `The image "${src.slice(0, 200)}" has no web address Midad can fetch; it was left out (its alt text is kept).`, `الصورة «${src.slice(0, 200)}» بلا عنوان ويب يمكن لمداد جلبه؛ أُسقطت (وبقي نصها البديل).`);
      }
      return null;
    }
    if (this.done.has(url)) return this.done.get(url)!;
    let hash: string | null = null;
    const fetched = await this.options.fetchMedia(url);
    if (!fetched) {
      this.options.warn(position, `The image ${url} could not be fetched; it was left out (its alt text is kept).`, `تعذّر جلب الصورة ${url}؛ أُسقطت (وبقي نصها البديل).`);
    } else {
      hash = this.options.storeMedia(fetched.bytes, fetched.name);
      if (!hash) this.options.warn(position, `${url} is not an image Midad accepts (PNG, JPEG, GIF, WebP within the size limit); it was left out.`, `${url} ليست صورة يقبلها مداد (PNG أو JPEG أو GIF أو WebP ضمن الحد المسموح)؛ أُسقطت.`);
    }
    this.done.set(url, hash);
    return hash;
  }

  /** An HTML body with its images fetched and stored first, then converted with htmlToDoc. */
  async htmlToDoc(html: string, position: number): Promise<DocNode> {
    const hashes = new Map<string, string | null>();
    for (const src of imageSources(html)) {
      if (!hashes.has(src)) hashes.set(src, await this.resolve(src, position));
    }
    return htmlToDoc(html, { image: (src) => hashes.get(src) ?? null });
  }
}

/** An ISO 8601 time as UTC (`…Z`); a time without an offset is taken as UTC. Null when absent or unreadable. */
export function toUtcIso(value: string | null | undefined): string | null {
  if (!value) return null;
  const trimmed = value.trim();
  const withZone = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(trimmed) ? `${trimmed.replace(' ', 'T')}Z` : trimmed;
  const time = Date.parse(withZone);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

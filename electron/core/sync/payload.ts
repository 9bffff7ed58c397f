import type { Database } from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { DEFAULT_SETTINGS, digitsPolicySchema, type DigitsPolicy } from '../../../shared/domain/settings';
import type { DocNode } from '../../../shared/editor/docSchema';
import { docToHtml } from '../../../shared/editor/docToHtml';
import { docMediaHashes } from '../../../shared/editor/docToText';
import { mediaPath } from '../../../shared/ipc/contract';
import { applyDigits, docApplyDigits } from '../../../shared/text/digits';
import { selectArticleHead, selectBodyJson, type ArticleHead } from '../db/queries/articles';
import { articleMarker, publishSlug } from './slug';
import type { PayloadMedia, PublishPayload } from './types';

export interface MediaReader {
  read(hash: string): { mime: string; bytes: Buffer } | null;
}

function imageAlts(doc: DocNode): Map<string, string> {
  const alts = new Map<string, string>();
  const walk = (node: DocNode): void => {
    if (node.type === 'image' && typeof node.attrs?.hash === 'string' && !alts.has(node.attrs.hash)) alts.set(node.attrs.hash, String(node.attrs.alt ?? ''));
    for (const child of node.content ?? []) walk(child);
  };
  walk(doc);
  return alts;
}

/** The newsroom's digits policy (Settings → digits), read from the settings table; the default when unset or invalid. */
export function digitsPolicy(db: Database): DigitsPolicy {
  const row = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?').get('digits');
  if (!row) return DEFAULT_SETTINGS.digits;
  try {
    const parsed = digitsPolicySchema.safeParse(JSON.parse(row.value));
    return parsed.success ? parsed.data : DEFAULT_SETTINGS.digits;
  } catch {
    return DEFAULT_SETTINGS.digits;
  }
}

export class MissingMediaError extends Error {
  constructor(readonly hash: string) {
    super(`Image ${hash.slice(0, 12)}… is missing from the data directory.`);
  }
}

/**
 * What is sent for an article: its public fields and the body as HTML (comment marks are
 * dropped by docToHtml; reviewer notes and local-only metadata are never read here), with
 * `/media/<hash>` image URLs the target rewrites once the images are uploaded.
 */
export function buildPayload(db: Database, media: MediaReader, articleId: string, sentSlug: string | null, now: Date): { payload: PublishPayload; head: ArticleHead } {
  const head = selectArticleHead(db, articleId);
  if (!head) throw new Error(`article ${articleId} is gone`);
  const stored = JSON.parse(selectBodyJson(db, articleId) ?? '{"type":"doc","content":[]}') as DocNode;
  // What is published follows the newsroom's digits policy; the article keeps what was typed.
  // Text only: link targets, image hashes and code keep their digits. Everything compared with
  // the server (contentHash, the text fingerprint) is computed from this published form, so a
  // policy change shows as an update to send, never as a change made on the site.
  const policy = digitsPolicy(db);
  const doc = docApplyDigits(stored, policy);
  const title = applyDigits(head.title, policy);
  const html = docToHtml(doc, { mediaUrl: mediaPath });
  const alts = imageAlts(doc);
  const hashes = [...new Set([...(head.featured_media ? [head.featured_media] : []), ...docMediaHashes(doc)])];
  const mediaList: PayloadMedia[] = hashes.map((hash) => {
    const info = db.prepare<[string], { mime: string; name: string }>('SELECT mime, name FROM media WHERE hash = ?').get(hash);
    if (!info) throw new MissingMediaError(hash);
    return {
      hash,
      mime: info.mime,
      name: info.name,
      alt: alts.get(hash) ?? title,
      bytes: () => {
        const stored = media.read(hash);
        if (!stored) throw new MissingMediaError(hash);
        return stored.bytes;
      },
    };
  });
  const scheduledAt = head.scheduled_at && Date.parse(head.scheduled_at) > now.getTime() ? head.scheduled_at : null;
  const fields = {
    articleId,
    marker: articleMarker(articleId),
    title,
    subtitle: applyDigits(head.subtitle, policy),
    excerpt: applyDigits(head.excerpt, policy),
    slug: sentSlug ?? publishSlug(articleId, head.slug, head.title),
    section: head.section,
    tags: JSON.parse(head.tags) as string[],
    byline: head.byline,
    html,
    scheduledAt,
    featuredMediaHash: head.featured_media,
  };
  const contentHash = createHash('sha256').update(JSON.stringify({ ...fields, media: hashes })).digest('hex');
  return { payload: { ...fields, media: mediaList, contentHash }, head };
}

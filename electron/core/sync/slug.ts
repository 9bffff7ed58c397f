import { cleanSlug } from '../../../shared/text/arabic';

/** WordPress cuts slugs at 200 percent-encoded bytes; ours stay under it with the marker. */
const MAX_ENCODED_BYTES = 180;

/** The stable per-article marker: `m` and the first 8 hex digits of the article id. */
export function articleMarker(articleId: string): string {
  return `m${articleId.replace(/-/g, '').slice(0, 8).toLowerCase()}`;
}

function encodedLength(text: string): number {
  return encodeURIComponent(text).length;
}

/**
 * The explicit slug sent for an article: its own slug (or one made from its title), cut at a
 * word boundary so the encoded form fits, then `-m<8 hex of the id>`. The marker makes the slug
 * unique across the newsroom (so WordPress never appends -2 and never probes) and lets a later
 * lookup find the post an unanswered create made (see docs/publishing.md).
 */
export function publishSlug(articleId: string, slug: string, title: string): string {
  const marker = articleMarker(articleId);
  let base = cleanSlug(slug) || cleanSlug(title);
  if (base === marker || base.endsWith(`-${marker}`)) return base;
  if (encodedLength(base) > MAX_ENCODED_BYTES) {
    const words = base.split('-');
    const kept: string[] = [];
    for (const word of words) {
      if (encodedLength([...kept, word].join('-')) > MAX_ENCODED_BYTES) break;
      kept.push(word);
    }
    // A single very long word is cut by characters instead.
    base = kept.length > 0 ? kept.join('-') : [...words[0]!].reduce((cut, ch) => (encodedLength(cut + ch) > MAX_ENCODED_BYTES ? cut : cut + ch), '');
  }
  return base ? `${base}-${marker}` : marker;
}

import { cleanSlug } from '../../../shared/text/arabic';
import { MAX_SLUG_ENCODED_BYTES, arabicSlug, fitSlug } from '../../../shared/text/slug';

/** The stable per-article marker: `m` and the first 8 hex digits of the article id. */
export function articleMarker(articleId: string): string {
  return `m${articleId.replace(/-/g, '').slice(0, 8).toLowerCase()}`;
}

/**
 * The explicit slug sent for an article: the article's own slug — the one the core made from
 * the title or the user typed, already within {@link MAX_SLUG_ENCODED_BYTES} (docs/slugs.md) —
 * or, for an article that has none (one from before slugs were generated), an Arabic slug made
 * from its title; then `-m<8 hex of the id>`. Together under WordPress's 200 encoded bytes. The
 * marker makes the slug unique across the newsroom (so WordPress never appends -2 and never
 * probes) and lets a later lookup find the post an unanswered create made (docs/publishing.md).
 */
export function publishSlug(articleId: string, slug: string, title: string): string {
  const marker = articleMarker(articleId);
  const own = cleanSlug(slug);
  if (own === marker || own.endsWith(`-${marker}`)) return own;
  // Cut again only for a slug stored before the limit existed: never mid-word.
  const base = fitSlug(own || arabicSlug(title), MAX_SLUG_ENCODED_BYTES);
  return base ? `${base}-${marker}` : marker;
}

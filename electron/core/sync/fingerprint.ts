import { createHash } from 'node:crypto';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };

/** The visible text of an HTML fragment: tags dropped, common entities decoded, spaces collapsed. */
export function htmlText(html: string): string {
  return html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(br|\/p|\/h[1-6]|\/li|\/blockquote|\/figure|\/figcaption|\/pre)\b[^>]*>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+\d*);/gi, (whole, name: string) => {
      if (name[0] === '#') {
        const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
        return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
      }
      return ENTITIES[name.toLowerCase()] ?? whole;
    })
    .replace(/[ \t\r\f\v\u00a0]+/g, ' ')
    .replace(/ *\n[\n ]*/g, '\n')
    .trim();
}

/**
 * What "the post as last synced" is compared with: a hash of the title and the visible text.
 * Attributes are left out on purpose, so the media URLs a target rewrites (and an invisible
 * marker it may add) never look like an edit on the server; a change of words does.
 */
export function textFingerprint(title: string, html: string): string {
  return createHash('sha256').update(`${title.trim()}\n${htmlText(html)}`).digest('hex');
}

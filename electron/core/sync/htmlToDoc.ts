import type { DocMark, DocNode } from '../../../shared/editor/docSchema';
import { isSafeLinkHref } from '../../../shared/editor/docSchema';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', '#39': "'" };

/** HTML character references (numeric and the common named ones) decoded to text. */
export function decodeEntities(text: string): string {
  return decode(text);
}

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+\d*);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

function attribute(tag: string, name: string): string | null {
  const match = new RegExp(`\\s${name}\\s*=\\s*("([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
  return match ? decode(match[2] ?? match[3] ?? match[4] ?? '') : null;
}

const BLOCKS: Record<string, (tag: string) => DocNode> = {
  p: () => ({ type: 'paragraph' }),
  h1: () => ({ type: 'heading', attrs: { level: 1 } }),
  h2: () => ({ type: 'heading', attrs: { level: 2 } }),
  h3: () => ({ type: 'heading', attrs: { level: 3 } }),
  h4: () => ({ type: 'heading', attrs: { level: 4 } }),
  h5: () => ({ type: 'heading', attrs: { level: 5 } }),
  h6: () => ({ type: 'heading', attrs: { level: 6 } }),
  ul: () => ({ type: 'bulletList' }),
  ol: () => ({ type: 'orderedList' }),
  li: () => ({ type: 'listItem' }),
  blockquote: () => ({ type: 'blockquote' }),
};
const MARKS: Record<string, (tag: string) => DocMark | null> = {
  strong: () => ({ type: 'bold' }),
  b: () => ({ type: 'bold' }),
  em: () => ({ type: 'italic' }),
  i: () => ({ type: 'italic' }),
  a: (tag) => {
    const href = attribute(tag, 'href');
    return href && isSafeLinkHref(href) ? { type: 'link', attrs: { href: href.trim() } } : null;
  },
  u: () => ({ type: 'underline' }),
  s: () => ({ type: 'strike' }),
  strike: () => ({ type: 'strike' }),
  del: () => ({ type: 'strike' }),
  code: () => ({ type: 'code' }),
};
const BREAKS = new Set(['div', 'section', 'article', 'header', 'footer', 'figure', 'figcaption', 'table', 'tr', 'hr', 'pre']);
/** Blocks whose children are blocks: loose text inside them is wrapped in a paragraph. */
const CONTAINERS = new Set(['doc', 'bulletList', 'orderedList', 'listItem', 'blockquote']);

export interface HtmlToDocOptions {
  /**
   * Turns an `<img>` into stored media: returns the stored image's hash, or null when it has
   * none (the image is dropped and its alt text kept in its place). Without this option images
   * are dropped, alt text and all (a remote image has no stored media to point at).
   */
  image?: (src: string, alt: string) => string | null;
}

/**
 * Turns the HTML of a post edited on the server (or imported from another system) into a Midad
 * body, minimally: paragraphs, headings, lists, quotes, bold, italic, underline, strike, code
 * and links, plus images when `options.image` stores them (with their figcaption); other tags
 * are dropped and their text kept. Every paragraph is right-to-left, as Midad's own are by
 * default.
 */
export function htmlToDoc(html: string, options: HtmlToDocOptions = {}): DocNode {
  const doc: DocNode = { type: 'doc', content: [] };
  const stack: { node: DocNode; tag: string }[] = [{ node: doc, tag: '' }];
  const marks: { tag: string; mark: DocMark | null }[] = [];
  const top = () => stack[stack.length - 1]!;
  /** The image a following <figcaption> describes (reset by any other block). */
  let captionFor: DocNode | null = null;
  let inCaption: DocNode | null = null;

  const textTarget = (): DocNode => {
    const current = top().node;
    if (!CONTAINERS.has(current.type)) return current;
    const paragraph: DocNode = { type: 'paragraph', attrs: { dir: 'rtl' }, content: [] };
    (current.content ??= []).push(paragraph);
    stack.push({ node: paragraph, tag: '#implicit' });
    return paragraph;
  };
  const closeImplicit = () => {
    while (top().tag === '#implicit') stack.pop();
  };
  const addText = (raw: string) => {
    if (inCaption) {
      const attrs = inCaption.attrs as { caption: string };
      attrs.caption = `${attrs.caption}${decode(raw).replace(/[\r\n\t ]+/g, ' ')}`.replace(/^ +/, '');
      return;
    }
    const text = decode(raw).replace(/[\r\n\t ]+/g, ' ');
    if (!text.trim() && CONTAINERS.has(top().node.type)) return;
    if (!text) return;
    const active = marks.map((entry) => entry.mark).filter((mark): mark is DocMark => mark !== null);
    const node: DocNode = { type: 'text', text, ...(active.length ? { marks: active } : {}) };
    (textTarget().content ??= []).push(node);
  };

  const cleaned = html.replace(/<!--[\s\S]*?-->/g, '').replace(/<(script|style|template)\b[\s\S]*?<\/\1\s*>/gi, '');
  for (const token of cleaned.split(/(<[^>]*>)/)) {
    if (!token) continue;
    if (!token.startsWith('<')) {
      addText(token);
      continue;
    }
    const match = /^<\s*(\/?)\s*([a-z0-9]+)/i.exec(token);
    if (!match) continue;
    const closing = match[1] === '/';
    const name = match[2]!.toLowerCase();
    if (name === 'br' && !closing) {
      (textTarget().content ??= []).push({ type: 'hardBreak' });
    } else if (name === 'img' && options.image) {
      if (closing) continue;
      const alt = (attribute(token, 'alt') ?? '').replace(/[\r\n\t ]+/g, ' ').trim();
      const hash = options.image(attribute(token, 'src') ?? '', alt);
      if (hash) {
        // An image is a block: it ends the running paragraph or heading.
        closeImplicit();
        while (!CONTAINERS.has(top().node.type)) {
          const ended = stack.pop()!.node;
          const siblings = top().node.content ?? [];
          // <p><img></p>: the paragraph held only the image; do not leave it behind empty.
          if ((ended.content?.length ?? 0) === 0 && siblings[siblings.length - 1] === ended) siblings.pop();
        }
        const image: DocNode = { type: 'image', attrs: { hash, alt, caption: '' } };
        (top().node.content ??= []).push(image);
        captionFor = image;
      } else if (alt) {
        addText(alt);
      }
    } else if (name === 'figcaption' && options.image) {
      if (closing) {
        if (inCaption) (inCaption.attrs as { caption: string }).caption = String(inCaption.attrs!.caption).trim();
        inCaption = null;
      } else if (captionFor) {
        inCaption = captionFor;
      }
      closeImplicit();
    } else if (BLOCKS[name]) {
      captionFor = null;
      if (closing) {
        closeImplicit();
        const index = stack.map((entry) => entry.tag).lastIndexOf(name);
        if (index > 0) stack.length = index;
      } else {
        closeImplicit();
        // A block inside a paragraph or heading closes it first (HTML's own rule).
        while (!CONTAINERS.has(top().node.type)) stack.pop();
        const node = BLOCKS[name]!(token);
        if (node.type === 'paragraph' || node.type === 'heading') node.attrs = { ...node.attrs, dir: 'rtl' };
        node.content = [];
        (top().node.content ??= []).push(node);
        stack.push({ node, tag: name });
      }
    } else if (BREAKS.has(name)) {
      // Other block tags (div, figure, table rows…) only end the running paragraph.
      closeImplicit();
      while (!CONTAINERS.has(top().node.type) && top().tag === name) stack.pop();
    } else if (MARKS[name]) {
      if (closing) {
        const index = marks.map((entry) => entry.tag).lastIndexOf(name);
        if (index >= 0) marks.splice(index, 1);
      } else {
        marks.push({ tag: name, mark: MARKS[name]!(token) });
      }
    }
  }
  const prune = (node: DocNode): DocNode => {
    if (!node.content) return node;
    const content = node.content.map(prune).filter((child) => child.type !== 'listItem' || (child.content?.length ?? 0) > 0);
    if (CONTAINERS.has(node.type) && node.type !== 'doc' && content.length === 0) content.push({ type: 'paragraph', attrs: { dir: 'rtl' } });
    // A list item opens with a paragraph (the editor's schema): one that starts with an image gets an empty one first.
    if (node.type === 'listItem' && content[0]?.type === 'image') content.unshift({ type: 'paragraph', attrs: { dir: 'rtl' } });
    const result: DocNode = { ...node };
    if (content.length > 0) result.content = content;
    else delete result.content;
    return result;
  };
  const pruned = prune(doc);
  if (!pruned.content || pruned.content.length === 0) pruned.content = [{ type: 'paragraph', attrs: { dir: 'rtl' } }];
  return pruned;
}

import DOMPurify, { type Config } from 'dompurify';
import { isBoilerplate, prepareBoilerplate } from './boilerplate';

/**
 * Clipboard HTML from Word, Google Docs, LibreOffice and web pages, reduced to what a Midad
 * article holds: headings, paragraphs, bold, italic, links (http, https, mailto), lists, quotes
 * and stored images. Everything else — styles, classes, fonts, empty spans, comments, scripts,
 * forms, frames, SVG, MathML, meta, tracking pixels, boilerplate lines — is dropped, text kept.
 *
 * Order matters and is the safety argument:
 *   1. The HTML is parsed with DOMParser: an inert document (no browsing context), so nothing in
 *      it runs and nothing it points at is fetched.
 *   2. A structural pass reads what only styles and classes say (Google Docs' bold spans, Word's
 *      list paragraphs and title styles) and turns it into real elements.
 *   3. DOMPurify sanitizes the tree in place with a strict allow-list (no attribute but href,
 *      src, alt, dir and data-hash; URLs only http, https, mailto and /media/<hash>).
 *   4. A last pass drops boilerplate blocks, images that are not stored media, empty blocks and
 *      empty marks. The result string is what ProseMirror then parses (again in an inert
 *      document) against Midad's schema, which the core checks once more on save.
 */

export interface CleanOptions {
  /** The newsroom's boilerplate list (Settings → pasteBoilerplate). */
  boilerplate: readonly string[];
}

export interface CleanedPaste {
  html: string;
  /** Images that came inside the HTML as data: URLs, to be stored like pasted image files. */
  images: File[];
  /** Counts, for tests and for telling the user. */
  removed: { boilerplate: number; trackers: number; remoteImages: number };
  /** Whether anything is left to paste (text, a line break structure or a stored image). */
  hasContent: boolean;
}

const ALLOWED_TAGS = ['p', 'br', 'h2', 'h3', 'strong', 'b', 'em', 'i', 'a', 'ul', 'ol', 'li', 'blockquote', 'img', 'figure', 'figcaption', 'div', 'hr', 'pre', 'code'];
const ALLOWED_ATTR = ['href', 'src', 'alt', 'dir', 'data-hash', 'data-pm-slice'];
const SAFE_URI = /^(?:(?:https?|mailto):|\/media\/[0-9a-f]{64}$)/i;
const MEDIA_SRC = /^\/media\/([0-9a-f]{64})$/;
const HASH = /^[0-9a-f]{64}$/;
const DATA_IMAGE = /^data:(image\/(?:png|jpeg|gif|webp));base64,([a-z0-9+/=\s]+)$/i;
const SANITIZE: Config = {
  ALLOWED_TAGS,
  ALLOWED_ATTR,
  ALLOWED_URI_REGEXP: SAFE_URI,
  // Not URLs: without this DOMPurify tests their values against the URL pattern (checked below instead).
  ADD_URI_SAFE_ATTR: ['dir', 'data-hash', 'data-pm-slice'],
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  ALLOW_UNKNOWN_PROTOCOLS: false,
  ADD_DATA_URI_TAGS: [],
  KEEP_CONTENT: true,
  IN_PLACE: true,
  // Controls and navigation are page furniture, not article text.
  ADD_FORBID_CONTENTS: ['button', 'select', 'option', 'datalist', 'textarea', 'nav'],
};

/** Hosts and paths of common tracking pixels (analytics, ad and newsletter beacons). */
const TRACKER = /(?:doubleclick\.net|google-analytics\.com|googletagmanager\.com|facebook\.com\/tr|scorecardresearch\.com|quantserve\.com|chartbeat\.net|pixel\.wp\.com|stats\.wp\.com|mc\.yandex\.ru|bat\.bing\.com|ads\.|analytics\.|\/pixel(?:\.gif|\.png)?(?:[?/]|$)|\/beacon|\/track(?:ing)?(?:[?/]|$)|spacer\.gif|1x1\.(?:gif|png)|\/open\.(?:gif|png)|list-manage\.com\/track)/i;

const BLOCK_SELECTOR = 'p, h2, h3, li, blockquote, div, pre, figcaption';
const HEADING_MAP: Record<string, 'h2' | 'h3'> = { h1: 'h2', h4: 'h3', h5: 'h3', h6: 'h3' };

function rename(element: Element, tag: string): Element {
  const replacement = element.ownerDocument.createElement(tag);
  for (const attribute of Array.from(element.attributes)) replacement.setAttribute(attribute.name, attribute.value);
  while (element.firstChild) replacement.appendChild(element.firstChild);
  element.replaceWith(replacement);
  return replacement;
}

function unwrap(element: Element): void {
  const parent = element.parentNode;
  if (!parent) return;
  while (element.firstChild) parent.insertBefore(element.firstChild, element);
  element.remove();
}

function wrapChildren(element: Element, tag: string): void {
  const wrapper = element.ownerDocument.createElement(tag);
  while (element.firstChild) wrapper.appendChild(element.firstChild);
  element.appendChild(wrapper);
}

function styleOf(element: Element): string {
  return (element.getAttribute('style') ?? '').toLowerCase();
}

const CSS_PROPERTIES = ['font-weight', 'font-style', 'width', 'height'] as const;
const CSS_PATTERNS = Object.fromEntries(CSS_PROPERTIES.map((property) => [property, new RegExp(`(?:^|;)\\s*${property}\\s*:\\s*([^;]+)`)])) as Record<(typeof CSS_PROPERTIES)[number], RegExp>;

function cssValue(style: string, property: (typeof CSS_PROPERTIES)[number]): string | null {
  if (!style.includes(property)) return null;
  const match = CSS_PATTERNS[property].exec(style);
  return match ? match[1]!.trim() : null;
}

function isBoldWeight(value: string | null): boolean {
  return value !== null && /^(?:bold|bolder|[6-9]00)\b/.test(value);
}

function isNormalWeight(value: string | null): boolean {
  return value !== null && /^(?:normal|lighter|[1-4]00)\b/.test(value);
}

/** Word's downlevel-revealed conditional comments around list bullets: `<![if !supportLists]>·<![endif]>`. */
function removeConditionalRuns(root: Element): void {
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_COMMENT);
  const starts: Comment[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (/^\[if !support/i.test((node as Comment).data)) starts.push(node as Comment);
  }
  for (const start of starts) {
    let next = start.nextSibling;
    while (next && !(next.nodeType === Node.COMMENT_NODE && /^\[endif\]/i.test((next as Comment).data))) {
      const following = next.nextSibling;
      next.remove();
      next = following;
    }
  }
}

/** Word list paragraphs (`style="mso-list:l0 level1 lfo1"`) become real, nested lists. */
function convertWordLists(root: Element): void {
  const items = Array.from(root.querySelectorAll('p[style*="mso-list"], p[class*="MsoList" i], h1[style*="mso-list"], h2[style*="mso-list"], h3[style*="mso-list"]'));
  const handled = new Set<Element>();
  for (const first of items) {
    if (handled.has(first) || !/mso-list\s*:\s*l\d/i.test(styleOf(first))) continue;
    // A run of consecutive list paragraphs (whitespace between them does not break it).
    const run: Element[] = [];
    for (let node: ChildNode | null = first; node; node = node.nextSibling) {
      if (node.nodeType === Node.TEXT_NODE && !(node.textContent ?? '').trim()) continue;
      if (node.nodeType === Node.COMMENT_NODE) continue;
      if (node.nodeType !== Node.ELEMENT_NODE || !/mso-list\s*:\s*l\d/i.test(styleOf(node as Element))) break;
      run.push(node as Element);
    }
    const doc = root.ownerDocument;
    const stack: { level: number; list: Element }[] = [];
    for (const paragraph of run) {
      handled.add(paragraph);
      const level = Number(/level(\d+)/.exec(styleOf(paragraph))?.[1] ?? '1');
      const marker = paragraph.querySelector('[style*="mso-list:ignore" i], [style*="mso-list: ignore" i]');
      const markerText = (marker?.textContent ?? '').replace(/[\s\u00a0]+/g, '');
      // "1." "2)" "أ-" "a." are numbers; "·" "o" "§" and Wingdings bullets are not.
      const ordered = /^[\p{N}\p{L}]{1,4}[.)-]$/u.test(markerText);
      marker?.remove();
      while (stack.length > 0 && stack[stack.length - 1]!.level > level) stack.pop();
      let current = stack[stack.length - 1];
      if (!current || current.level < level) {
        const list = doc.createElement(ordered ? 'ol' : 'ul');
        const parentItem = current?.list.lastElementChild;
        if (parentItem) parentItem.appendChild(list);
        else paragraph.before(list);
        current = { level, list };
        stack.push(current);
      }
      const item = doc.createElement('li');
      while (paragraph.firstChild) item.appendChild(paragraph.firstChild);
      current.list.appendChild(item);
      paragraph.remove();
    }
  }
}

/** Tables (Word, LibreOffice, web pages) have no place in an article: each row becomes a paragraph. */
function flattenTables(root: Element): void {
  const doc = root.ownerDocument;
  for (const table of Array.from(root.querySelectorAll('table')).reverse()) {
    const rows = Array.from(table.querySelectorAll('tr'));
    const paragraphs = rows.map((row) => {
      const paragraph = doc.createElement('p');
      Array.from(row.children).forEach((cell, index) => {
        if (index > 0) paragraph.appendChild(doc.createTextNode(' | '));
        paragraph.appendChild(doc.createTextNode((cell.textContent ?? '').replace(/\s+/g, ' ').trim()));
      });
      return paragraph;
    });
    table.replaceWith(...paragraphs);
  }
}

function base64ToFile(mime: string, base64: string, index: number): File | null {
  try {
    const binary = atob(base64.replace(/\s+/g, ''));
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
    const extension = mime.split('/')[1] === 'jpeg' ? 'jpg' : mime.split('/')[1];
    return new File([bytes], `pasted-${index + 1}.${extension}`, { type: mime });
  } catch {
    return null;
  }
}

function isTracker(image: Element): boolean {
  const width = Number.parseFloat(image.getAttribute('width') ?? cssValue(styleOf(image), 'width') ?? '');
  const height = Number.parseFloat(image.getAttribute('height') ?? cssValue(styleOf(image), 'height') ?? '');
  if ((width > 0 && width <= 2) || (height > 0 && height <= 2)) return true;
  if (/display\s*:\s*none|visibility\s*:\s*hidden/.test(styleOf(image))) return true;
  return TRACKER.test(image.getAttribute('src') ?? '');
}

/** Everything that needs styles, classes or comments, before the sanitizer removes them. */
function structuralPass(root: Element, removed: CleanedPaste['removed'], images: File[]): void {
  // Lists first: the bullet or number sits inside Word's conditional run and says which list it is.
  convertWordLists(root);
  removeConditionalRuns(root);
  for (const element of Array.from(root.querySelectorAll('o\\:p, style, script, meta, link, title, xml'))) element.remove();
  for (const element of Array.from(root.querySelectorAll('[style*="mso-list:ignore" i], [style*="mso-list: ignore" i]'))) element.remove();
  // Google Docs wraps the whole selection in <b style="font-weight:normal" id="docs-internal-guid-…">.
  for (const element of Array.from(root.querySelectorAll('b, strong'))) {
    if (element.id.startsWith('docs-internal-guid') || isNormalWeight(cssValue(styleOf(element), 'font-weight'))) unwrap(element);
  }
  // Bold and italic said by styles (Google Docs, LibreOffice, web pages) become real marks.
  for (const element of Array.from(root.querySelectorAll('span[style], font[style], a[style]'))) {
    const style = styleOf(element);
    if (isBoldWeight(cssValue(style, 'font-weight'))) wrapChildren(element, 'strong');
    const fontStyle = cssValue(style, 'font-style');
    if (fontStyle && /^(?:italic|oblique)/.test(fontStyle)) wrapChildren(element, 'em');
  }
  for (const element of Array.from(root.querySelectorAll('p.MsoTitle, p[class*="Title" i]'))) rename(element, 'h2');
  for (const element of Array.from(root.querySelectorAll('p.MsoSubtitle, p[class*="Subtitle" i]'))) rename(element, 'h3');
  for (const element of Array.from(root.querySelectorAll('h1, h4, h5, h6'))) rename(element, HEADING_MAP[element.localName]!);
  flattenTables(root);
  for (const image of Array.from(root.querySelectorAll('img'))) {
    const src = (image.getAttribute('src') ?? '').trim();
    const hash = image.getAttribute('data-hash');
    if ((hash && HASH.test(hash)) || MEDIA_SRC.test(src)) continue;
    if (isTracker(image)) {
      removed.trackers += 1;
      image.remove();
      continue;
    }
    const data = DATA_IMAGE.exec(src);
    if (data) {
      const file = base64ToFile(data[1]!.toLowerCase(), data[2]!, images.length);
      if (file) images.push(file);
    } else {
      removed.remoteImages += 1;
    }
    image.remove();
  }
}

function hasText(element: Element): boolean {
  return (element.textContent ?? '').replace(/[\s\u00a0\u200b-\u200f\ufeff]+/g, '').length > 0;
}

const BLOCK_TAGS = new Set(['p', 'h2', 'h3', 'ul', 'ol', 'li', 'blockquote', 'div', 'pre', 'figure', 'figcaption', 'hr']);

function isBlock(node: ChildNode): boolean {
  return node.nodeType === Node.ELEMENT_NODE && BLOCK_TAGS.has((node as Element).localName);
}

function isBlockContainer(element: Element): boolean {
  return element.localName === 'div' || element.localName === 'blockquote' || element.localName === 'li' || element.parentElement === null;
}

function siblingSkippingSpace(node: ChildNode, direction: 'previous' | 'next'): ChildNode | null {
  let sibling = direction === 'previous' ? node.previousSibling : node.nextSibling;
  while (sibling && sibling.nodeType === Node.TEXT_NODE && !(sibling.nodeValue ?? '').trim()) {
    sibling = direction === 'previous' ? sibling.previousSibling : sibling.nextSibling;
  }
  return sibling;
}

function finalPass(root: Element, boilerplate: readonly string[], removed: CleanedPaste['removed']): void {
  // Links whose href the sanitizer refused keep their text, not an empty link.
  for (const link of Array.from(root.querySelectorAll('a'))) {
    const href = link.getAttribute('href');
    if (!href || !SAFE_URI.test(href.trim()) || href.trim().startsWith('/')) unwrap(link);
  }
  for (const element of Array.from(root.querySelectorAll('[dir]'))) {
    // Word writes dir=RTL / dir=LTR; the schema knows only lower case.
    const dir = element.getAttribute('dir')?.trim().toLowerCase();
    if (dir === 'rtl' || dir === 'ltr' || dir === 'auto') element.setAttribute('dir', dir);
    else element.removeAttribute('dir');
  }
  // ProseMirror's own copy marks how open the copied slice is ("1 1 []"); a context naming
  // wrapper nodes and their attributes is not trusted from a clipboard.
  for (const element of Array.from(root.querySelectorAll('[data-pm-slice]'))) {
    const slice = element.getAttribute('data-pm-slice') ?? '';
    if (!/^\d{1,2} \d{1,2}(?: \[\])?$/.test(slice)) element.removeAttribute('data-pm-slice');
  }
  for (const image of Array.from(root.querySelectorAll('img'))) {
    const hash = image.getAttribute('data-hash');
    const src = image.getAttribute('src') ?? '';
    if (!(hash && HASH.test(hash)) && !MEDIA_SRC.test(src)) image.remove();
  }
  const entries = prepareBoilerplate(boilerplate);
  // Innermost blocks first, so a boilerplate line inside a <div> goes without its neighbours.
  for (const block of Array.from(root.querySelectorAll(BLOCK_SELECTOR)).reverse()) {
    if (!root.contains(block)) continue;
    if (block.querySelector(BLOCK_SELECTOR) || block.querySelector('img')) continue;
    if (!hasText(block)) {
      block.remove();
      continue;
    }
    if (entries.length > 0 && isBoilerplate(block.textContent ?? '', entries)) {
      removed.boilerplate += 1;
      block.remove();
    }
  }
  for (const list of Array.from(root.querySelectorAll('ul, ol')).reverse()) if (!list.querySelector('li')) list.remove();
  // Line breaks between blocks (Google Docs puts <br> between paragraphs) or closing a block
  // would become empty paragraphs or trailing breaks.
  for (const br of Array.from(root.querySelectorAll('br'))) {
    const parent = br.parentElement;
    if (!parent) continue;
    const before = siblingSkippingSpace(br, 'previous');
    const after = siblingSkippingSpace(br, 'next');
    const betweenBlocks = isBlockContainer(parent) && (!before || isBlock(before)) && (!after || isBlock(after));
    const closesBlock = !after && /^(?:p|h2|h3|li|figcaption)$/.test(parent.localName) && before !== null;
    if (betweenBlocks || closesBlock) br.remove();
  }
  for (const mark of Array.from(root.querySelectorAll('strong, b, em, i, a, code')).reverse()) {
    if (!hasText(mark) && !mark.querySelector('img, br')) mark.remove();
  }
  // Non-breaking spaces (Word puts them everywhere) become ordinary spaces.
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeValue && node.nodeValue.includes('\u00a0')) node.nodeValue = node.nodeValue.replace(/\u00a0/g, ' ');
  }
}

export function cleanPastedHtml(html: string, options: CleanOptions): CleanedPaste {
  const removed = { boilerplate: 0, trackers: 0, remoteImages: 0 };
  const images: File[] = [];
  // Word's <!--[if gte mso 9]><xml>…<![endif]--> blocks are comments; the parser drops them
  // from the text, and the sanitizer drops every other comment.
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const root = doc.createElement('div');
  root.append(...Array.from(doc.body.childNodes));
  structuralPass(root, removed, images);
  DOMPurify.sanitize(root, SANITIZE);
  finalPass(root, options.boilerplate, removed);
  const hasContent = hasText(root) || root.querySelector('img') !== null;
  return { html: root.innerHTML, images, removed, hasContent };
}

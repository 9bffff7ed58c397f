import type { DocMark, DocNode } from '../../../../shared/editor/docSchema';
import { isSafeLinkHref } from '../../../../shared/editor/docSchema';

/**
 * A Midad body (shared/editor/docSchema.ts) as CommonMark: paragraphs, headings, lists, quotes,
 * code, rules, hard breaks, images (by relative path to the archive's media) and the marks bold,
 * italic, strike, underline (as <u>), code and links. Desk comments are dropped. Markdown
 * specials in the text are escaped so the text reads back as typed; Arabic needs nothing special.
 */
export interface DocToMarkdownOptions {
  mediaUrl: (hash: string) => string;
}

/** Backslash-escapes what CommonMark would otherwise read as syntax inside a line. */
export function escapeMarkdownText(text: string): string {
  return text.replace(/[\\`*_[\]<>#!|~&]/g, (ch) => `\\${ch}`);
}

/** A line whose start would become a list item, heading rule or setext underline is escaped there. */
function escapeLineStart(line: string): string {
  return line
    .replace(/^(\s*)([-+=])(?=\s|$|[-+=])/, '$1\\$2')
    .replace(/^(\s*)(\d{1,9})([.)])(?=\s|$)/, '$1$2\\$3');
}

function longestRun(text: string, ch: string): number {
  let best = 0;
  let run = 0;
  for (const c of text) {
    run = c === ch ? run + 1 : 0;
    if (run > best) best = run;
  }
  return best;
}

function inlineCode(text: string): string {
  const fence = '`'.repeat(longestRun(text, '`') + 1);
  const pad = text.startsWith('`') || text.endsWith('`') || /^ .* $/.test(text) ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

function linkDestination(href: string): string {
  return /[\s()<>]/.test(href) ? `<${href.replace(/[<>\n]/g, (ch) => encodeURIComponent(ch))}>` : href;
}

const MARK_ORDER: Record<string, number> = { link: 0, bold: 1, italic: 2, strike: 3, underline: 4, code: 5 };

function markKey(marks: DocMark[]): string {
  return JSON.stringify(marks.map((mark) => [mark.type, mark.type === 'link' ? mark.attrs?.href : null]));
}

function exportedMarks(node: DocNode): DocMark[] {
  return (node.marks ?? [])
    .filter((mark) => mark.type !== 'comment' && MARK_ORDER[mark.type] !== undefined)
    .filter((mark) => mark.type !== 'link' || (typeof mark.attrs?.href === 'string' && isSafeLinkHref(mark.attrs.href)))
    .sort((a, b) => MARK_ORDER[a.type]! - MARK_ORDER[b.type]!);
}

/** Wraps one run of text in its marks, keeping surrounding spaces outside the delimiters (CommonMark requires it). */
function markRun(text: string, marks: DocMark[]): string {
  const isCode = marks.some((mark) => mark.type === 'code');
  const leading = /^\s*/.exec(text)![0];
  const trailing = text.trim().length === 0 ? '' : /\s*$/.exec(text)![0];
  const core = text.slice(leading.length, text.length - trailing.length);
  if (!core) return isCode ? text : escapeMarkdownText(text);
  let out = isCode ? inlineCode(core) : escapeMarkdownText(core);
  for (let index = marks.length - 1; index >= 0; index -= 1) {
    const mark = marks[index]!;
    switch (mark.type) {
      case 'bold': out = `**${out}**`; break;
      case 'italic': out = `*${out}*`; break;
      case 'strike': out = `~~${out}~~`; break;
      case 'underline': out = `<u>${out}</u>`; break;
      case 'link': out = `[${out}](${linkDestination(String(mark.attrs?.href).trim())})`; break;
      default: break;
    }
  }
  return `${leading}${out}${trailing}`;
}

function inline(node: DocNode, options: DocToMarkdownOptions): string {
  const out: string[] = [];
  let runText = '';
  let runMarks: DocMark[] = [];
  let runKey = '';
  const flush = () => {
    if (runText) out.push(markRun(runText, runMarks));
    runText = '';
  };
  for (const child of node.content ?? []) {
    if (child.type === 'text') {
      const marks = exportedMarks(child);
      const key = markKey(marks);
      if (key !== runKey) {
        flush();
        runMarks = marks;
        runKey = key;
      }
      runText += child.text ?? '';
    } else if (child.type === 'hardBreak') {
      flush();
      out.push('\\\n');
    } else if (child.type === 'image') {
      flush();
      out.push(image(child, options));
    }
  }
  flush();
  // Escape line starts that would change the block's meaning (after hard breaks too).
  return out.join('').split('\n').map(escapeLineStart).join('\n');
}

function image(node: DocNode, options: DocToMarkdownOptions): string {
  const alt = escapeMarkdownText(String(node.attrs?.alt ?? '')).replace(/\n/g, ' ');
  const caption = String(node.attrs?.caption ?? '').replace(/\n/g, ' ').trim();
  const url = options.mediaUrl(String(node.attrs?.hash ?? ''));
  const title = caption ? ` "${caption.replace(/["\\]/g, (ch) => `\\${ch}`)}"` : '';
  return `![${alt}](${linkDestination(url)}${title})`;
}

function prefixLines(text: string, first: string, rest: string): string {
  return text
    .split('\n')
    .map((line, index) => (index === 0 ? first : line ? rest : rest.trimEnd()) + line)
    .join('\n');
}

function blocks(nodes: DocNode[] | undefined, options: DocToMarkdownOptions): string {
  return (nodes ?? [])
    .map((node) => block(node, options))
    .filter((text) => text.length > 0)
    .join('\n\n');
}

function block(node: DocNode, options: DocToMarkdownOptions): string {
  switch (node.type) {
    case 'doc': return blocks(node.content, options);
    case 'paragraph': return inline(node, options);
    case 'heading': {
      const level = Math.min(6, Math.max(1, Number(node.attrs?.level ?? 2)));
      // A heading is one line: hard breaks become spaces.
      return `${'#'.repeat(level)} ${inline(node, options).replace(/\\\n/g, ' ')}`.trimEnd();
    }
    case 'blockquote': return prefixLines(blocks(node.content, options), '> ', '> ');
    case 'bulletList':
      return (node.content ?? []).map((item) => prefixLines(blocks(item.content, options) || '', '- ', '  ')).join('\n');
    case 'orderedList': {
      const start = Number.isInteger(Number(node.attrs?.start)) ? Number(node.attrs?.start) : 1;
      return (node.content ?? [])
        .map((item, index) => {
          const marker = `${start + index}. `;
          return prefixLines(blocks(item.content, options) || '', marker, ' '.repeat(marker.length));
        })
        .join('\n');
    }
    case 'listItem': return blocks(node.content, options);
    case 'codeBlock': {
      const text = (node.content ?? []).map((child) => child.text ?? '').join('');
      const fence = '`'.repeat(Math.max(3, longestRun(text, '`') + 1));
      const language = typeof node.attrs?.language === 'string' ? node.attrs.language.replace(/[^\w+-]/g, '') : '';
      return `${fence}${language}\n${text}\n${fence}`;
    }
    case 'horizontalRule': return '* * *';
    case 'image': {
      const caption = String(node.attrs?.caption ?? '').trim();
      return caption ? `${image(node, options)}\n*${escapeMarkdownText(caption)}*` : image(node, options);
    }
    case 'hardBreak': return '';
    case 'text': return escapeMarkdownText(node.text ?? '');
  }
}

export function docToMarkdown(doc: DocNode, options: DocToMarkdownOptions): string {
  const text = block(doc, options);
  return text ? `${text}\n` : '';
}

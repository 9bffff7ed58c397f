import type { DocMark, DocNode } from './docSchema';
import { isSafeLinkHref } from './docSchema';
import { docToText } from './docToText';
import { dominantDirection } from '../text/direction';

/**
 * Serializes a validated body to HTML without a DOM, so the core can derive the stored HTML
 * itself instead of trusting HTML from the renderer. Every text and attribute is escaped.
 * `mediaUrl` decides how stored images are addressed (the app protocol, an export folder...).
 */
export interface DocToHtmlOptions {
  mediaUrl: (hash: string) => string;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ESCAPES[ch] ?? ch);
}

/**
 * A block's direction as it leaves Midad. 'auto' is resolved here by the block's dominant script
 * (the editor's rule): a browser's dir="auto" follows the first strong letter, so "Breaking: …"
 * followed by Arabic would show left to right on the site. Blocks without letters follow the
 * article (right to left).
 */
function dirAttr(node: DocNode): string {
  const dir = node.attrs?.dir;
  if (dir === 'auto') return ` dir="${dominantDirection(docToText(node), 'rtl')}"`;
  return dir === 'rtl' || dir === 'ltr' ? ` dir="${dir}"` : '';
}

function wrapMarks(html: string, marks: DocMark[] | undefined): string {
  let out = html;
  for (const mark of marks ?? []) {
    switch (mark.type) {
      case 'bold': out = `<strong>${out}</strong>`; break;
      case 'italic': out = `<em>${out}</em>`; break;
      case 'strike': out = `<s>${out}</s>`; break;
      case 'underline': out = `<u>${out}</u>`; break;
      case 'code': out = `<code>${out}</code>`; break;
      case 'comment': break; // desk comments never leave Midad
      case 'link': {
        const href = typeof mark.attrs?.href === 'string' ? mark.attrs.href : '';
        if (isSafeLinkHref(href)) out = `<a href="${escapeHtml(href.trim())}" rel="noopener noreferrer nofollow">${out}</a>`;
        break;
      }
    }
  }
  return out;
}

function children(node: DocNode, options: DocToHtmlOptions): string {
  return (node.content ?? []).map((child) => nodeToHtml(child, options)).join('');
}

export function nodeToHtml(node: DocNode, options: DocToHtmlOptions): string {
  const dir = dirAttr(node);
  switch (node.type) {
    case 'doc': return children(node, options);
    case 'text': return wrapMarks(escapeHtml(node.text ?? ''), node.marks);
    case 'paragraph': return `<p${dir}>${children(node, options)}</p>`;
    case 'heading': {
      const level = Math.min(6, Math.max(1, Number(node.attrs?.level ?? 2)));
      return `<h${level}${dir}>${children(node, options)}</h${level}>`;
    }
    case 'bulletList': return `<ul${dir}>${children(node, options)}</ul>`;
    case 'orderedList': {
      const start = Number(node.attrs?.start ?? 1);
      return `<ol${dir}${Number.isInteger(start) && start !== 1 ? ` start="${start}"` : ''}>${children(node, options)}</ol>`;
    }
    case 'listItem': return `<li${dir}>${children(node, options)}</li>`;
    case 'blockquote': return `<blockquote${dir}>${children(node, options)}</blockquote>`;
    case 'horizontalRule': return '<hr>';
    case 'hardBreak': return '<br>';
    case 'codeBlock': return `<pre${dir}><code>${children(node, options)}</code></pre>`;
    case 'image': {
      const hash = String(node.attrs?.hash ?? '');
      const alt = escapeHtml(String(node.attrs?.alt ?? ''));
      const caption = String(node.attrs?.caption ?? '');
      const img = `<img src="${escapeHtml(options.mediaUrl(hash))}" alt="${alt}">`;
      return `<figure${dir}>${img}${caption ? `<figcaption>${escapeHtml(caption)}</figcaption>` : ''}</figure>`;
    }
  }
}

export function docToHtml(doc: DocNode, options: DocToHtmlOptions): string {
  return nodeToHtml(doc, options);
}

import type { DocNode } from './docSchema';

const BLOCK_TYPES = new Set(['paragraph', 'heading', 'listItem', 'blockquote', 'codeBlock', 'image', 'horizontalRule']);

/** Plain text of a body: blocks separated by newlines, image captions included. */
export function docToText(doc: DocNode): string {
  const parts: string[] = [];
  const walk = (node: DocNode): void => {
    if (node.type === 'text') {
      parts.push(node.text ?? '');
      return;
    }
    if (node.type === 'hardBreak') {
      parts.push('\n');
      return;
    }
    if (node.type === 'image') {
      const caption = String(node.attrs?.caption ?? '');
      if (caption) parts.push(caption);
    }
    for (const child of node.content ?? []) walk(child);
    if (BLOCK_TYPES.has(node.type)) parts.push('\n');
  };
  walk(doc);
  return parts.join('').replace(/\n+$/, '');
}

/** Every media hash an article body refers to. */
export function docMediaHashes(doc: DocNode): string[] {
  const hashes = new Set<string>();
  const walk = (node: DocNode): void => {
    if (node.type === 'image' && typeof node.attrs?.hash === 'string') hashes.add(node.attrs.hash);
    for (const child of node.content ?? []) walk(child);
  };
  walk(doc);
  return [...hashes];
}

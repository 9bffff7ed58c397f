import type { Node as PMNode } from '@tiptap/pm/model';

/** Blocks after which the core's docToText writes a line break (shared/editor/docToText.ts). */
const BLOCK_TYPES = new Set(['paragraph', 'heading', 'listItem', 'blockquote', 'codeBlock', 'image', 'horizontalRule']);

/**
 * The document position of an offset in the body's plain text as the core computes it
 * (docToText: text, a line break for each hard break and after each block, image captions),
 * so a search hit's `bodyOffset` can be turned into a selection. Null when the offset is past
 * the text or inside an image caption (which cannot hold a text selection).
 */
export function plainOffsetToPosition(doc: PMNode, offset: number): number | null {
  let text = 0;
  let found: number | null = null;
  const walk = (node: PMNode, position: number): void => {
    if (found !== null) return;
    if (node.isText) {
      const length = node.text?.length ?? 0;
      if (offset >= text && offset < text + length) found = position + (offset - text);
      text += length;
      return;
    }
    if (node.type.name === 'hardBreak') {
      text += 1;
      return;
    }
    if (node.type.name === 'image') text += String(node.attrs.caption ?? '').length;
    node.forEach((child, childOffset) => walk(child, position + 1 + childOffset));
    if (BLOCK_TYPES.has(node.type.name)) text += 1;
  };
  doc.forEach((child, childOffset) => walk(child, childOffset));
  return found;
}

/** The selection for a match: [from, to) in document positions, or null when it cannot be placed. */
export function matchRange(doc: PMNode, offset: number, length: number): { from: number; to: number } | null {
  const from = plainOffsetToPosition(doc, offset);
  if (from === null) return null;
  const last = plainOffsetToPosition(doc, offset + Math.max(1, length) - 1);
  const to = last === null || last < from ? from : last + 1;
  return { from, to };
}

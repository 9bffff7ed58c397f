import type { Node as ProseMirrorNode } from '@tiptap/pm/model';

export interface CommentRange {
  from: number;
  to: number;
}

/**
 * Where each comment is anchored in a document: from the first to the last character carrying
 * its mark (an edit in the middle may split the mark; the thread still points at the whole span).
 */
export function commentRanges(doc: ProseMirrorNode): Map<string, CommentRange> {
  const ranges = new Map<string, CommentRange>();
  doc.descendants((node, pos) => {
    if (!node.isText) return true;
    for (const mark of node.marks) {
      if (mark.type.name !== 'comment' || typeof mark.attrs.id !== 'string') continue;
      const end = pos + node.nodeSize;
      const range = ranges.get(mark.attrs.id);
      if (range) {
        range.from = Math.min(range.from, pos);
        range.to = Math.max(range.to, end);
      } else {
        ranges.set(mark.attrs.id, { from: pos, to: end });
      }
    }
    return false;
  });
  return ranges;
}

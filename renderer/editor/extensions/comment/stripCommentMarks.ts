import { Fragment, Slice, type MarkType, type Node as ProseMirrorNode } from '@tiptap/pm/model';

function stripFragment(fragment: Fragment, type: MarkType): Fragment {
  const nodes: ProseMirrorNode[] = [];
  fragment.forEach((node) => {
    let next = node;
    if (type.isInSet(node.marks)) next = node.mark(type.removeFromSet(node.marks));
    if (next.content.size > 0) next = next.copy(stripFragment(next.content, type));
    nodes.push(next);
  });
  return Fragment.fromArray(nodes);
}

/**
 * A pasted slice without comment anchors: copying commented words must not give a second
 * range the same comment id (the comment belongs to where it was made).
 */
export function stripCommentMarks(slice: Slice, type: MarkType): Slice {
  let found = false;
  slice.content.descendants((node) => {
    if (type.isInSet(node.marks)) found = true;
    return !found;
  });
  return found ? new Slice(stripFragment(slice.content, type), slice.openStart, slice.openEnd) : slice;
}

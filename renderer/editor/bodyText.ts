import type { Node as PMNode } from '@tiptap/pm/model';

/**
 * Plain text of the body as the core's docToText sees it (blocks on separate lines, image
 * captions included), read straight from the ProseMirror document without building JSON.
 */
export function bodyText(doc: PMNode): string {
  return doc.textBetween(0, doc.content.size, '\n', (leaf) => {
    if (leaf.type.name === 'image') return String(leaf.attrs.caption ?? '');
    if (leaf.type.name === 'hardBreak') return '\n';
    return '';
  });
}

/** Content hashes of the body's images, in document order, without duplicates. */
export function bodyImageHashes(doc: PMNode): string[] {
  const hashes: string[] = [];
  doc.descendants((node) => {
    if (node.type.name === 'image') {
      const hash = String(node.attrs.hash ?? '');
      if (hash && !hashes.includes(hash)) hashes.push(hash);
      return false;
    }
    // Images are top-level blocks; skip descending into paragraphs' inline content.
    return !node.isTextblock;
  });
  return hashes;
}

import { mergeAttributes, Node } from '@tiptap/core';
import { ReactNodeViewRenderer } from '@tiptap/react';
import { mediaPath } from '../../../../shared/ipc/contract';
import { FigureView } from './FigureView';
import { hashFromMediaUrl } from './hashFromMediaUrl';

export interface FigureAttributes {
  hash: string;
  alt: string;
  caption: string;
}

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    figure: {
      /** Inserts a stored image (by content hash) at `position`, or at the selection. */
      insertFigure: (attributes: FigureAttributes, position?: number) => ReturnType;
    };
  }
}

/**
 * A stored image with alt text and a caption, as the `image` node the core's docSchema
 * accepts: `<figure><img src="/media/<hash>" alt><figcaption>`. Only images that point at
 * stored media are parsed, so pasted HTML can never bring in a remote or file:// image.
 */
export const Figure = Node.create({
  name: 'image',
  group: 'block',
  atom: true,
  draggable: true,
  selectable: true,

  addAttributes() {
    return {
      hash: { default: '', rendered: false },
      alt: { default: '', rendered: false },
      caption: { default: '', rendered: false },
    };
  },

  parseHTML() {
    return [
      {
        tag: 'figure',
        getAttrs: (element) => {
          const img = element.querySelector('img');
          const hash = img ? img.getAttribute('data-hash') ?? hashFromMediaUrl(img.getAttribute('src') ?? '') : null;
          if (!img || !hash) return false;
          return { hash, alt: img.getAttribute('alt') ?? '', caption: element.querySelector('figcaption')?.textContent ?? '' };
        },
      },
      {
        tag: 'img[src]',
        getAttrs: (element) => {
          const hash = element.getAttribute('data-hash') ?? hashFromMediaUrl(element.getAttribute('src') ?? '');
          return hash ? { hash, alt: element.getAttribute('alt') ?? '', caption: '' } : false;
        },
      },
    ];
  },

  renderHTML({ node, HTMLAttributes }) {
    const { hash, alt, caption } = node.attrs as FigureAttributes;
    const image = ['img', { src: mediaPath(hash), alt, 'data-hash': hash }];
    return caption
      ? ['figure', mergeAttributes(HTMLAttributes), image, ['figcaption', {}, caption]]
      : ['figure', mergeAttributes(HTMLAttributes), image];
  },

  renderText({ node }) {
    // Counts in the status bar include captions, like the core's docToText.
    return String(node.attrs.caption ?? '');
  },

  addCommands() {
    return {
      insertFigure:
        (attributes, position) =>
        ({ commands }) => {
          const content = { type: this.name, attrs: { ...attributes } };
          return position === undefined ? commands.insertContent(content) : commands.insertContentAt(position, content);
        },
    };
  },

  addNodeView() {
    return ReactNodeViewRenderer(FigureView);
  },
});

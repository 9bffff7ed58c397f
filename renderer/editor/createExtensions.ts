import type { Extensions } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { isSafeLinkHref } from '../../shared/editor/docSchema';
import { Comment } from './extensions/comment/Comment';
import { Figure } from './extensions/figure/Figure';
import { ImageInput } from './extensions/imageInput/ImageInput';
import { PasteGuard } from './extensions/pasteGuard/PasteGuard';

export interface EditorCallbacks {
  onImageFiles: (files: File[], position: number | undefined) => void;
  onPasteRefused: (size: number, limit: number) => void;
  /** Ctrl+Alt+M in the body: comment on the selection. */
  onAddComment?: () => void;
}

/**
 * Midad's schema must match shared/editor/docSchema.ts exactly: the core refuses any body
 * with another node, mark or link protocol, and a refused autosave would never succeed.
 */
export function createExtensions(callbacks: EditorCallbacks): Extensions {
  return [
    StarterKit.configure({
      heading: { levels: [2, 3] },
      link: {
        openOnClick: false,
        autolink: true,
        defaultProtocol: 'https',
        protocols: [],
        // The same test the core applies, for typed, pasted and autolinked hrefs alike.
        isAllowedUri: (url) => isSafeLinkHref(url),
        HTMLAttributes: { rel: 'noopener noreferrer nofollow', target: null },
      },
    }),
    Figure,
    ImageInput.configure({ onImageFiles: callbacks.onImageFiles }),
    PasteGuard.configure({ onRefused: callbacks.onPasteRefused }),
    Comment.configure({ onAddComment: () => callbacks.onAddComment?.() }),
  ];
}

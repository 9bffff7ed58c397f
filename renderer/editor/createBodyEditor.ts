import { Editor } from '@tiptap/core';
import { DEFAULT_SETTINGS } from '../../shared/domain/settings';
import { createExtensions, type EditorCallbacks } from './createExtensions';

/** The body editor's DOM attributes: a plain object, not a function ProseMirror calls on every update. */
export function bodyAttributes(label: string): Record<string, string> {
  return {
    id: 'article-body',
    class: 'article-body__content',
    'aria-label': label,
    'aria-multiline': 'true',
    lang: 'ar',
    // Midad's own checker (extensions/spelling) replaces the browser's in the body: the browser's
    // has no Arabic on Windows and Linux, and on macOS both would underline.
    spellcheck: 'false',
  };
}

/**
 * The window's one body editor. It lives as long as the article screen and every article is
 * swapped into it (see ArticleSession): building a Tiptap editor — schema, plugins, node views,
 * a ProseMirror view — and mounting it costs more than swapping a document, and unmounting
 * EditorContent would rebuild every node of the outgoing document. Created empty; callbacks
 * go through `callbacks`, read at call time, so the editor never needs new options.
 */
export function createBodyEditor(callbacks: EditorCallbacks, label: string): Editor {
  return new Editor({
    extensions: createExtensions({
      onImageFiles: (files, position) => callbacks.onImageFiles(files, position),
      onPasteRefused: (size, limit) => callbacks.onPasteRefused(size, limit),
      onAddComment: () => callbacks.onAddComment?.(),
      settings: () => callbacks.settings?.() ?? DEFAULT_SETTINGS,
      onPartialWordMark: () => callbacks.onPartialWordMark?.(),
      checkSpelling: (words) => callbacks.checkSpelling?.(words) ?? Promise.resolve([]),
      onSpellMenu: (request) => callbacks.onSpellMenu?.(request),
      spellIgnored: () => callbacks.spellIgnored?.() ?? new Set<string>(),
    }),
    content: null,
    textDirection: 'rtl',
    editorProps: { attributes: bodyAttributes(label) },
  });
}

import type { Editor } from '@tiptap/core';
import { useEffect, useRef } from 'react';
import { matchRange } from './bodyPosition';

/** Where to open an article from a search hit: its match in the body's plain text. */
export interface RevealRequest {
  articleId: string;
  offset: number;
  length: number;
  /** A new object for each request (opening the same hit twice reveals it twice). */
  nonce: number;
}

/**
 * Once the requested article is the editor's document, selects the search match and scrolls
 * it into view. Runs two frames after the swap, after the view state's own restore (which
 * puts back the last selection and scroll), so the match wins.
 */
export function useRevealMatch(editor: Editor, openArticleId: string | null, reveal: RevealRequest | null | undefined): void {
  // Each request is carried out once: coming back to the article later keeps the reader's place.
  const done = useRef(0);
  useEffect(() => {
    if (!reveal || openArticleId !== reveal.articleId || done.current === reveal.nonce) return;
    let second = 0;
    const first = requestAnimationFrame(() => {
      second = requestAnimationFrame(() => {
        if (editor.isDestroyed) return;
        const range = matchRange(editor.state.doc, reveal.offset, reveal.length);
        done.current = reveal.nonce;
        if (!range) return;
        editor.chain().focus(undefined, { scrollIntoView: false }).setTextSelection(range).scrollIntoView().run();
        // The view's scroll container may centre better than ProseMirror's minimal scroll.
        const { node } = editor.view.domAtPos(range.from);
        const element = node instanceof Element ? node : node.parentElement;
        element?.scrollIntoView({ block: 'center' });
      });
    });
    return () => {
      cancelAnimationFrame(first);
      cancelAnimationFrame(second);
    };
  }, [editor, openArticleId, reveal]);
}

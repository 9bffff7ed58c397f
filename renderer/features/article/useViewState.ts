import type { Editor } from '@tiptap/core';
import { useLayoutEffect, type RefObject } from 'react';
import { api } from '../../api';
import { trailingDebounce } from '../../lib/trailingDebounce';
import { registerFlusher } from '../save/flushRegistry';

export interface ViewState {
  scrollTop: number;
  selectionFrom: number;
  selectionTo: number;
}

export interface ViewStateTarget {
  articleId: string;
  initial: ViewState | null;
  focusBody: boolean;
}

/**
 * Puts the reader back where they were (selection and scroll of the editor column) and records
 * where they are, 500 ms after scrolling or moving the caret stops, so a reload or a restart
 * lands in the same place. Also makes this article the one `view.last` reopens.
 *
 * The editor and the scroll container outlive the article, so this is a layout effect: its
 * cleanup records the outgoing article's position before the next article's document is
 * swapped in (by a later layout effect of the same commit).
 */
export function useViewState(editor: Editor, scrollRef: RefObject<HTMLElement | null>, target: ViewStateTarget | null): void {
  useLayoutEffect(() => {
    const container = scrollRef.current;
    if (!container || !target) return;
    const { articleId, initial, focusBody } = target;
    let userScrolled = false;
    let restoring = true;
    let active = true;
    let lastWrite: Promise<unknown> = Promise.resolve();

    const write = (state: ViewState) => {
      lastWrite = api
        .setViewState({
          articleId,
          scrollTop: Math.max(0, Math.round(state.scrollTop)),
          selectionFrom: Math.max(0, state.selectionFrom),
          selectionTo: Math.max(0, state.selectionTo),
        })
        .catch(() => undefined); // Losing a scroll position is not worth a banner.
      return lastWrite;
    };
    const current = (): ViewState => {
      const { from, to } = editor.isDestroyed ? { from: 0, to: 0 } : editor.state.selection;
      return { scrollTop: container.scrollTop, selectionFrom: from, selectionTo: to };
    };
    const debounce = trailingDebounce(() => {
      if (active) void write(current());
    }, 500);

    const restoreScroll = () => {
      if (active && !userScrolled) container.scrollTop = initial?.scrollTop ?? 0;
    };
    // In the next frame, when the browser lays the new document out anyway: setting the
    // selection and the scroll position now would force a second layout of the whole article.
    const frame = requestAnimationFrame(() => {
      if (editor.isDestroyed || !active) return;
      if (initial) {
        const size = editor.state.doc.content.size;
        const from = Math.min(initial.selectionFrom, size);
        const to = Math.min(Math.max(initial.selectionTo, from), size);
        editor.commands.setTextSelection({ from, to });
      }
      if (focusBody) editor.commands.focus(undefined, { scrollIntoView: false });
      restoreScroll();
      restoring = false;
    });
    // Web fonts change line heights; put the scroll back once they are in (only if they are not yet).
    if (initial && document.fonts && document.fonts.status !== 'loaded') {
      void document.fonts.ready.then(() => requestAnimationFrame(restoreScroll));
    }
    void write(initial ?? { scrollTop: 0, selectionFrom: 1, selectionTo: 1 });

    const onScroll = () => {
      if (!restoring) userScrolled = true;
      debounce.call();
    };
    const onSelection = () => debounce.call();
    container.addEventListener('scroll', onScroll, { passive: true });
    editor.on('selectionUpdate', onSelection);
    const unregister = registerFlusher(async () => {
      debounce.flush();
      await lastWrite;
    });
    return () => {
      cancelAnimationFrame(frame);
      container.removeEventListener('scroll', onScroll);
      editor.off('selectionUpdate', onSelection);
      // The editor still holds this article: record where the reader left it.
      debounce.flush();
      active = false;
      unregister();
    };
  }, [editor, scrollRef, target]);
}

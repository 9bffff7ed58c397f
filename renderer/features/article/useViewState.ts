import type { Editor } from '@tiptap/core';
import { useEffect, type RefObject } from 'react';
import { api } from '../../api';
import { trailingDebounce } from '../../lib/trailingDebounce';
import { registerFlusher } from '../save/flushRegistry';

export interface ViewState {
  scrollTop: number;
  selectionFrom: number;
  selectionTo: number;
}

/**
 * Puts the reader back where they were (selection and scroll of the editor column) and records
 * where they are, 500 ms after scrolling or moving the caret stops, so a reload or a restart
 * lands in the same place. Also makes this article the one `view.last` reopens.
 */
export function useViewState(editor: Editor, scrollRef: RefObject<HTMLElement | null>, articleId: string, initial: ViewState | null, focusBody: boolean): void {
  useEffect(() => {
    const container = scrollRef.current;
    if (!container) return;
    let userScrolled = false;
    let restoring = true;
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
    const debounce = trailingDebounce(() => void write(current()), 500);

    const restoreScroll = () => {
      if (initial && !userScrolled) container.scrollTop = initial.scrollTop;
    };
    const frame = requestAnimationFrame(() => {
      if (editor.isDestroyed) return;
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
    // Web fonts change line heights; put the scroll back once they are in.
    void document.fonts?.ready.then(() => requestAnimationFrame(restoreScroll));
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
      debounce.flush();
      unregister();
    };
    // Runs once per opened article: the component is keyed by article id and version.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [editor]);
}

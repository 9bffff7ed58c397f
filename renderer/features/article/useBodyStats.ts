import type { Editor } from '@tiptap/core';
import { useEffect, useMemo, useState } from 'react';
import { countCharacters, countWords } from '../../../shared/text/arabic';
import { bodyImageHashes, bodyText } from '../../editor/bodyText';
import { trailingDebounce, whenIdle, type TrailingDebounce } from '../../lib/trailingDebounce';

export interface BodyStats {
  words: number;
  characters: number;
  images: string[];
}

/**
 * Word and character counts and the body's images, recomputed 300 ms after typing pauses and
 * then only when the browser is idle: counting a 20,000-word article takes milliseconds, which
 * must not land on a keystroke. Starts from the counts the core stored, so opening costs nothing.
 */
export function useBodyStats(editor: Editor, initial: { words: number; characters: number }): { stats: BodyStats; noteChange: TrailingDebounce['call'] } {
  const [stats, setStats] = useState<BodyStats>({ ...initial, images: [] });

  const debounce = useMemo(() => {
    let cancelIdle: (() => void) | null = null;
    const recount = () => {
      cancelIdle = null;
      if (editor.isDestroyed) return;
      const doc = editor.state.doc;
      const text = bodyText(doc);
      const images = bodyImageHashes(doc);
      setStats((previous) => {
        const next = { words: countWords(text), characters: countCharacters(text), images };
        const sameImages = previous.images.length === images.length && previous.images.every((hash, index) => hash === images[index]);
        return sameImages && previous.words === next.words && previous.characters === next.characters ? previous : { ...next, images: sameImages ? previous.images : images };
      });
    };
    const inner = trailingDebounce(() => {
      cancelIdle?.();
      cancelIdle = whenIdle(recount, 1000);
    }, 300);
    return {
      call: inner.call,
      flush: inner.flush,
      cancel: () => {
        inner.cancel();
        cancelIdle?.();
      },
    };
  }, [editor]);

  useEffect(() => {
    // Images are not in the stored counts; find them once the article is on screen.
    const cancel = whenIdle(() => {
      if (!editor.isDestroyed) setStats((previous) => ({ ...previous, images: bodyImageHashes(editor.state.doc) }));
    }, 500);
    return () => {
      cancel();
      debounce.cancel();
    };
  }, [editor, debounce]);

  return { stats, noteChange: debounce.call };
}

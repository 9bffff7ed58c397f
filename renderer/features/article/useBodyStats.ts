import type { Editor } from '@tiptap/core';
import { countCharacters, countWords } from '../../../shared/text/arabic';
import { bodyImageHashes, bodyText } from '../../editor/bodyText';
import { trailingDebounce, whenIdle } from '../../lib/trailingDebounce';
import type { Store } from '../../lib/store';

export interface BodyStats {
  words: number;
  characters: number;
  images: string[];
}

/**
 * Word and character counts and the body's images for the open article, recomputed 300 ms
 * after typing pauses and then only when the browser is idle: counting a 20,000-word article
 * takes milliseconds, which must not land on a keystroke. Starts from the counts the core
 * stored, so opening costs nothing. Writes into a store only the status bar and the metadata
 * panel read.
 */
export class BodyStatsCounter {
  private cancelIdle: (() => void) | null = null;
  private readonly debounce = trailingDebounce(() => {
    this.cancelIdle?.();
    this.cancelIdle = whenIdle(() => this.recount(), 1000);
  }, 300);

  constructor(
    private readonly editor: Editor,
    private readonly store: Store<BodyStats>,
  ) {
    // Images are not in the stored counts; find them once the article is on screen.
    this.cancelIdle = whenIdle(() => {
      this.cancelIdle = null;
      if (!editor.isDestroyed) this.setImages(bodyImageHashes(editor.state.doc));
    }, 500);
  }

  /** The body changed: cheap enough for every keystroke (no timer churn). */
  readonly noteChange = (): void => this.debounce.call();

  dispose(): void {
    this.debounce.cancel();
    this.cancelIdle?.();
    this.cancelIdle = null;
  }

  private setImages(images: string[]): void {
    this.store.update((previous) => (sameList(previous.images, images) ? previous : { ...previous, images }));
  }

  private recount(): void {
    this.cancelIdle = null;
    if (this.editor.isDestroyed) return;
    const doc = this.editor.state.doc;
    const text = bodyText(doc);
    const images = bodyImageHashes(doc);
    const words = countWords(text);
    const characters = countCharacters(text);
    this.store.update((previous) => {
      const sameImages = sameList(previous.images, images);
      if (sameImages && previous.words === words && previous.characters === characters) return previous;
      return { words, characters, images: sameImages ? previous.images : images };
    });
  }
}

function sameList(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((item, index) => item === b[index]);
}

import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { replaceTyped, typingContext } from '../punctuation/TypedReplacement';
import { arabicQuoteFor } from './rules';

export interface ArabicQuotesOptions {
  /** Read at each keystroke: the `arabicQuotes` setting. */
  enabled: () => boolean;
}

/** A straight `"` around Arabic text becomes « or » (Ctrl+Z gives back the straight quote). */
export const ArabicQuotes = Extension.create<ArabicQuotesOptions>({
  name: 'midadArabicQuotes',
  priority: 110,

  addOptions() {
    return { enabled: () => true };
  },

  addProseMirrorPlugins() {
    const { enabled } = this.options;
    return [
      new Plugin({
        key: new PluginKey('midadArabicQuotes'),
        props: {
          handleTextInput: (view, from, to, text) => {
            if (text !== '"' || !enabled()) return false;
            const before = typingContext(view.state, from);
            if (before === null) return false;
            const replacement = arabicQuoteFor(text, before);
            if (!replacement) return false;
            replaceTyped(view, from, to, text, replacement);
            return true;
          },
        },
      }),
    ];
  },
});

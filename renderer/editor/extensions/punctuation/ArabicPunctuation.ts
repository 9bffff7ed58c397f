import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { ARABIC_PUNCTUATION, arabicPunctuationFor } from './rules';
import { replaceTyped, typingContext } from './TypedReplacement';

export interface ArabicPunctuationOptions {
  /** Read at each keystroke: the `arabicPunctuation` setting. */
  enabled: () => boolean;
}

/** `,` `;` `?` typed right after an Arabic letter become ، ؛ ؟ (Ctrl+Z gives back the typed one). */
export const ArabicPunctuation = Extension.create<ArabicPunctuationOptions>({
  name: 'midadArabicPunctuation',
  priority: 110,

  addOptions() {
    return { enabled: () => true };
  },

  addProseMirrorPlugins() {
    const { enabled } = this.options;
    return [
      new Plugin({
        key: new PluginKey('midadArabicPunctuation'),
        props: {
          handleTextInput: (view, from, to, text) => {
            // Cheap test first: this runs on every keystroke.
            if (ARABIC_PUNCTUATION[text] === undefined || !enabled()) return false;
            const before = typingContext(view.state, from);
            if (before === null) return false;
            const replacement = arabicPunctuationFor(text, before);
            if (!replacement) return false;
            replaceTyped(view, from, to, text, replacement);
            return true;
          },
        },
      }),
    ];
  },
});

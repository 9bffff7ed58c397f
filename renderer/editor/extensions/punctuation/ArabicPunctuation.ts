import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { arabicPunctuationFor } from './rules';
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
            if (text.length !== 1 || !enabled()) return false;
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

import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';

export interface PasteGuardOptions {
  /**
   * Largest clipboard payload (characters of text/html, or text/plain when there is no HTML)
   * pasted into the body. Above it the paste is refused: parsing megabytes of HTML freezes the
   * window for seconds. Default 1,500,000.
   */
  maxCharacters: number;
  /** Called instead of pasting when the payload is too large. */
  onRefused: (size: number, limit: number) => void;
}

export const PasteGuard = Extension.create<PasteGuardOptions>({
  name: 'pasteGuard',

  addOptions() {
    return { maxCharacters: 1_500_000, onRefused: () => undefined };
  },

  addProseMirrorPlugins() {
    const options = this.options;
    return [
      new Plugin({
        key: new PluginKey('pasteGuard'),
        props: {
          handlePaste: (_view, event) => {
            const data = event.clipboardData;
            if (!data) return false;
            const html = data.getData('text/html');
            const size = html ? html.length : data.getData('text/plain').length;
            if (size <= options.maxCharacters) return false;
            event.preventDefault();
            options.onRefused(size, options.maxCharacters);
            return true;
          },
        },
      }),
    ];
  },
});

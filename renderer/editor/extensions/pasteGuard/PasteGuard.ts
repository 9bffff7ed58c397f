import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';

export interface PasteGuardOptions {
  /**
   * Largest clipboard payload (characters of text/html, or text/plain when there is no HTML)
   * pasted into the body. Above it the paste is refused. Measured in Chromium: 400 KB of HTML
   * takes ~1 s to parse and render, 800 KB ~1.5 s, 5 MB would freeze the window for many
   * seconds. Default 350,000 (under ~1.2 s even for HTML).
   */
  maxCharacters: number;
  /** Called instead of pasting when the payload is too large. */
  onRefused: (size: number, limit: number) => void;
}

export const PasteGuard = Extension.create<PasteGuardOptions>({
  name: 'pasteGuard',

  addOptions() {
    return { maxCharacters: 350_000, onRefused: () => undefined };
  },

  addProseMirrorPlugins() {
    const options = this.options;
    return [
      new Plugin({
        key: new PluginKey('pasteGuard'),
        props: {
          // A DOM handler, not handlePaste: ProseMirror parses the clipboard before calling
          // handlePaste, and that parse is the freeze this guard exists to avoid.
          handleDOMEvents: {
            paste: (_view, event) => {
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
        },
      }),
    ];
  },
});

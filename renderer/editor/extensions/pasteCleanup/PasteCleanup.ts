import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';
import { isBoilerplate, prepareBoilerplate } from './boilerplate';
import { cleanPastedHtml } from './cleanPastedHtml';

export interface PasteCleanupSettings {
  pasteCleanup: boolean;
  pasteBoilerplate: readonly string[];
}

export interface PasteCleanupOptions {
  /** Read at every paste, so a change in Settings applies at once. */
  settings: () => PasteCleanupSettings;
  /**
   * Largest clipboard HTML accepted for cleaning, in characters. Cleaning is fast (DOMPurify on an
   * inert document); what freezes the window is ProseMirror laying out the result, which is why
   * the cleaned size is held to `maxCharacters` (the paste guard's limit) as well.
   */
  maxRawCharacters: number;
  maxCharacters: number;
  onRefused: (size: number, limit: number) => void;
  /** Images that came inside the HTML as data: URLs go to the media store like pasted files. */
  onImageFiles: (files: File[], position: number | undefined) => void;
}

/** ProseMirror keeps "Shift was held" (Ctrl+Shift+V pastes plain text) on its internal input state. */
function plainTextWanted(view: EditorView): boolean {
  return (view as unknown as { input?: { shiftKey?: boolean } }).input?.shiftKey === true;
}

/**
 * Paste cleanup (Settings → pasteCleanup): pasted and dropped HTML is cleaned by
 * {@link cleanPastedHtml} before Tiptap parses it.
 *
 * A paste with HTML is handled here as a DOM event, before ImageInput and the paste guard: the
 * HTML is cleaned, its cleaned size checked, and the clean HTML pasted with `view.pasteHTML`
 * (ProseMirror's own paste path: parse against the schema, replace the selection, one undo step).
 * That also keeps a copy from Word, which brings a picture of the selection beside the HTML,
 * from pasting as an image. A paste whose HTML holds nothing (a picture copied from a browser
 * comes as `<img src=remote>` plus the image file) is left to ImageInput. Drops go through
 * `transformPastedHTML`; plain-text pastes lose their boilerplate lines in `transformPastedText`.
 * With cleanup off, everything behaves as before (guard, then default).
 */
export const PasteCleanup = Extension.create<PasteCleanupOptions>({
  name: 'pasteCleanup',
  priority: 1200,

  addOptions() {
    return {
      settings: () => ({ pasteCleanup: true, pasteBoilerplate: [] }),
      maxRawCharacters: 3_000_000,
      maxCharacters: 350_000,
      onRefused: () => undefined,
      onImageFiles: () => undefined,
    };
  },

  addProseMirrorPlugins() {
    const options = this.options;
    // The HTML this plugin just cleaned and handed to pasteHTML: not cleaned a second time.
    let cleaned: string | null = null;
    return [
      new Plugin({
        key: new PluginKey('pasteCleanup'),
        props: {
          handleDOMEvents: {
            paste: (view, event) => {
              const settings = options.settings();
              const data = event.clipboardData;
              if (!view.editable || !settings.pasteCleanup || !data || plainTextWanted(view)) return false;
              // Inside a code block ProseMirror pastes the plain text: leave it to do so.
              if (view.state.selection.$from.parent.type.spec.code) return false;
              const html = data.getData('text/html');
              if (!html) return false;
              if (html.length > options.maxRawCharacters) {
                event.preventDefault();
                options.onRefused(html.length, options.maxRawCharacters);
                return true;
              }
              const result = cleanPastedHtml(html, { boilerplate: settings.pasteBoilerplate });
              if (!result.hasContent && result.images.length === 0) return false;
              event.preventDefault();
              if (result.html.length > options.maxCharacters) {
                options.onRefused(result.html.length, options.maxCharacters);
                return true;
              }
              if (result.hasContent) {
                cleaned = result.html;
                try {
                  view.pasteHTML(result.html);
                } finally {
                  cleaned = null;
                }
              }
              if (result.images.length > 0) options.onImageFiles(result.images, undefined);
              return true;
            },
          },
          // Plain text (no HTML on the clipboard, or Ctrl+Shift+V) loses its boilerplate lines too.
          transformPastedText: (text) => {
            const settings = options.settings();
            if (!settings.pasteCleanup) return text;
            const entries = prepareBoilerplate(settings.pasteBoilerplate);
            if (entries.length === 0) return text;
            return text
              .split(/\r?\n/)
              .filter((line) => !isBoilerplate(line, entries))
              .join('\n');
          },
          transformPastedHTML: (html) => {
            if (html === cleaned) return html;
            const settings = options.settings();
            if (!settings.pasteCleanup) return html;
            return cleanPastedHtml(html, { boilerplate: settings.pasteBoilerplate }).html;
          },
        },
      }),
    ];
  },
});

import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';

export interface ImageInputOptions {
  /** Receives image files pasted or dropped into the body, with the document position to insert at. */
  onImageFiles: (files: File[], position: number | undefined) => void;
}

function imageFiles(list: FileList | null | undefined): File[] {
  return list ? Array.from(list).filter((file) => file.type.startsWith('image/')) : [];
}

/**
 * Pasted and dropped image files go to the media store instead of the document: the body only
 * ever refers to stored images by hash, never to file:// or data: URLs.
 */
export const ImageInput = Extension.create<ImageInputOptions>({
  name: 'imageInput',
  // Before the paste guard and the default HTML paste: a copied picture often comes with HTML too.
  priority: 1100,

  addOptions() {
    return { onImageFiles: () => undefined };
  },

  addProseMirrorPlugins() {
    const options = this.options;
    return [
      new Plugin({
        key: new PluginKey('imageInput'),
        props: {
          handlePaste: (_view, event) => {
            const files = imageFiles(event.clipboardData?.files);
            if (files.length === 0) return false;
            event.preventDefault();
            options.onImageFiles(files, undefined);
            return true;
          },
          handleDrop: (view, event) => {
            const files = imageFiles(event.dataTransfer?.files);
            if (files.length === 0) return false;
            event.preventDefault();
            const position = view.posAtCoords({ left: event.clientX, top: event.clientY })?.pos;
            options.onImageFiles(files, position);
            return true;
          },
        },
      }),
    ];
  },
});

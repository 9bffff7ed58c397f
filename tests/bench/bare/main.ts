// The baseline editor for the typing and opening benchmarks: Tiptap with StarterKit and
// nothing else, in a page styled like Midad's article column: the same @font-face rules and font
// files (renderer/styles/fonts.css, served by barePage.ts) and the same body typography.
import { Editor, type JSONContent } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';

const element = document.getElementById('editor');
if (!element) throw new Error('bare page without #editor');

const bare: { editor: Editor | null; create(content: JSONContent): void } = {
  editor: null,
  create(content) {
    bare.editor?.destroy();
    bare.editor = new Editor({ element, extensions: [StarterKit], content });
  },
};
(window as unknown as { __bareBench: typeof bare }).__bareBench = bare;

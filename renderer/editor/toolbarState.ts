import type { Editor } from '@tiptap/core';

export type Direction = 'rtl' | 'ltr' | 'auto';

export interface ToolbarState {
  bold: boolean;
  italic: boolean;
  h2: boolean;
  h3: boolean;
  bulletList: boolean;
  orderedList: boolean;
  blockquote: boolean;
  link: boolean;
  direction: Direction | null;
  canUndo: boolean;
  canRedo: boolean;
}

/** The direction of the textblock holding the selection's start. */
function blockDirection(editor: Editor): Direction | null {
  const { $from } = editor.state.selection;
  for (let depth = $from.depth; depth >= 0; depth -= 1) {
    const dir = $from.node(depth).attrs.dir as unknown;
    if (dir === 'rtl' || dir === 'ltr' || dir === 'auto') return dir;
  }
  return null;
}

/**
 * Runs on every transaction (through useEditorState), so it only looks at the selection, never
 * at the whole document.
 */
export function selectToolbarState(editor: Editor): ToolbarState {
  return {
    bold: editor.isActive('bold'),
    italic: editor.isActive('italic'),
    h2: editor.isActive('heading', { level: 2 }),
    h3: editor.isActive('heading', { level: 3 }),
    bulletList: editor.isActive('bulletList'),
    orderedList: editor.isActive('orderedList'),
    blockquote: editor.isActive('blockquote'),
    link: editor.isActive('link'),
    direction: blockDirection(editor),
    canUndo: editor.can().undo(),
    canRedo: editor.can().redo(),
  };
}

export function sameToolbarState(a: ToolbarState, b: ToolbarState | null): boolean {
  if (!b) return false;
  for (const key of Object.keys(a) as (keyof ToolbarState)[]) if (a[key] !== b[key]) return false;
  return true;
}

import { Mark, mergeAttributes } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { stripCommentMarks } from './stripCommentMarks';

export interface CommentOptions {
  /** Ctrl+Alt+M (Cmd+Alt+M): asks the app to start a comment on the selection. */
  onAddComment: () => void;
}

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    comment: {
      /** Anchors the comment `id` to the selection. */
      setComment: (id: string) => ReturnType;
      /** Removes the anchor of comment `id` wherever it is in the document. */
      unsetComment: (id: string) => ReturnType;
    };
  }
}

/**
 * The anchor of a desk comment: a mark carrying the comment's id (`data-comment-id` in the
 * DOM, which the stylesheet highlights). Not inclusive, so typing at either edge of the
 * commented words does not stretch the comment; `excludes: ''` lets two comments overlap.
 * The core drops the mark from exported HTML, and pasting strips it so an id is never copied.
 */
export const Comment = Mark.create<CommentOptions>({
  name: 'comment',
  inclusive: false,
  excludes: '',
  spanning: true,

  addOptions() {
    return { onAddComment: () => undefined };
  },

  addAttributes() {
    return {
      id: {
        default: null,
        parseHTML: (element) => element.getAttribute('data-comment-id'),
        renderHTML: (attributes) => (attributes.id ? { 'data-comment-id': attributes.id as string } : {}),
      },
    };
  },

  parseHTML() {
    return [{ tag: 'span[data-comment-id]' }];
  },

  renderHTML({ HTMLAttributes }) {
    return ['span', mergeAttributes({ class: 'comment-anchor' }, HTMLAttributes), 0];
  },

  addCommands() {
    return {
      setComment:
        (id) =>
        ({ state, tr, dispatch }) => {
          const { from, to, empty } = state.selection;
          if (empty) return false;
          if (dispatch) tr.addMark(from, to, state.schema.marks.comment!.create({ id }));
          return true;
        },
      unsetComment:
        (id) =>
        ({ state, tr, dispatch }) => {
          const type = state.schema.marks.comment!;
          let found = false;
          state.doc.descendants((node, pos) => {
            const mark = node.marks.find((candidate) => candidate.type === type && candidate.attrs.id === id);
            if (mark) {
              found = true;
              if (dispatch) tr.removeMark(pos, pos + node.nodeSize, mark);
            }
          });
          return found;
        },
    };
  },

  addKeyboardShortcuts() {
    return {
      'Mod-Alt-m': () => {
        this.options.onAddComment();
        return true;
      },
    };
  },

  addProseMirrorPlugins() {
    const type = () => this.editor.schema.marks.comment!;
    return [
      new Plugin({
        key: new PluginKey('commentPaste'),
        props: { transformPasted: (slice) => stripCommentMarks(slice, type()) },
      }),
    ];
  },
});

import type { Editor } from '@tiptap/core';
import { useEditorState } from '@tiptap/react';
import { memo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LinkDialog } from './LinkDialog';
import { icons } from './ToolbarIcons';
import { sameToolbarState, selectToolbarState, type ToolbarState } from './toolbarState';

export interface ToolbarProps {
  editor: Editor;
  onPickImage: () => void;
  onManualSave: () => void;
  /** Comment on the selection (the desk's comments panel); no button without it. */
  onAddComment?: () => void;
}

interface ToolbarButton {
  id: string;
  testId: string;
  label: string;
  icon: ReactNode;
  pressed?: boolean;
  disabled?: boolean;
  run: () => void;
  separatorBefore?: boolean;
}

/**
 * The formatting toolbar. It reads only a few booleans from the editor through
 * useEditorState, so typing re-renders it only when one of them flips. Keyboard: one tab stop,
 * arrow keys move between buttons (roving tabindex), following the interface direction.
 */
export const Toolbar = memo(function Toolbar({ editor, onPickImage, onManualSave, onAddComment }: ToolbarProps) {
  const { t, i18n } = useTranslation();
  const state = useEditorState<ToolbarState>({
    editor,
    selector: ({ editor: current }) => selectToolbarState(current),
    equalityFn: sameToolbarState,
  });
  const [linkOpen, setLinkOpen] = useState(false);
  const [focusIndex, setFocusIndex] = useState(0);
  const buttonRefs = useRef<(HTMLButtonElement | null)[]>([]);
  const chain = () => editor.chain().focus();

  const buttons: ToolbarButton[] = [
    { id: 'bold', testId: 'tb-bold', label: t('toolbar.bold'), icon: icons.bold, pressed: state.bold, run: () => chain().toggleBold().run() },
    { id: 'italic', testId: 'tb-italic', label: t('toolbar.italic'), icon: icons.italic, pressed: state.italic, run: () => chain().toggleItalic().run() },
    { id: 'h2', testId: 'tb-h2', label: t('toolbar.h2'), icon: <span className="toolbar__text">H2</span>, pressed: state.h2, run: () => chain().toggleHeading({ level: 2 }).run(), separatorBefore: true },
    { id: 'h3', testId: 'tb-h3', label: t('toolbar.h3'), icon: <span className="toolbar__text">H3</span>, pressed: state.h3, run: () => chain().toggleHeading({ level: 3 }).run() },
    { id: 'bulletList', testId: 'tb-bullet-list', label: t('toolbar.bulletList'), icon: icons.bulletList, pressed: state.bulletList, run: () => chain().toggleBulletList().run(), separatorBefore: true },
    { id: 'orderedList', testId: 'tb-ordered-list', label: t('toolbar.orderedList'), icon: icons.orderedList, pressed: state.orderedList, run: () => chain().toggleOrderedList().run() },
    { id: 'blockquote', testId: 'tb-blockquote', label: t('toolbar.blockquote'), icon: icons.blockquote, pressed: state.blockquote, run: () => chain().toggleBlockquote().run() },
    { id: 'link', testId: 'tb-link', label: t('toolbar.link'), icon: icons.link, pressed: state.link || linkOpen, run: () => setLinkOpen((open) => !open), separatorBefore: true },
    { id: 'hr', testId: 'tb-hr', label: t('toolbar.horizontalRule'), icon: icons.horizontalRule, run: () => chain().setHorizontalRule().run() },
    { id: 'image', testId: 'tb-image', label: t('toolbar.image'), icon: icons.image, run: onPickImage },
    { id: 'dirRtl', testId: 'dir-rtl', label: t('toolbar.dirRtl'), icon: icons.dirRtl, pressed: state.direction === 'rtl', run: () => chain().setTextDirection('rtl').run(), separatorBefore: true },
    { id: 'dirLtr', testId: 'dir-ltr', label: t('toolbar.dirLtr'), icon: icons.dirLtr, pressed: state.direction === 'ltr', run: () => chain().setTextDirection('ltr').run() },
    { id: 'dirAuto', testId: 'dir-auto', label: t('toolbar.dirAuto'), icon: icons.dirAuto, pressed: state.direction === 'auto', run: () => chain().setTextDirection('auto').run() },
    { id: 'undo', testId: 'tb-undo', label: t('toolbar.undo'), icon: icons.undo, disabled: !state.canUndo, run: () => chain().undo().run(), separatorBefore: true },
    { id: 'redo', testId: 'tb-redo', label: t('toolbar.redo'), icon: icons.redo, disabled: !state.canRedo, run: () => chain().redo().run() },
    { id: 'save', testId: 'tb-save', label: t('toolbar.save'), icon: icons.save, run: onManualSave, separatorBefore: true },
  ];
  if (onAddComment) {
    buttons.push({ id: 'comment', testId: 'tb-comment', label: t('comments.addOnSelectionShortcut'), icon: icons.comment, run: onAddComment, separatorBefore: true });
  }

  const moveFocus = (event: KeyboardEvent<HTMLDivElement>) => {
    const rtl = i18n.dir() === 'rtl';
    const step = event.key === 'ArrowRight' ? (rtl ? -1 : 1) : event.key === 'ArrowLeft' ? (rtl ? 1 : -1) : 0;
    let next: number | null = null;
    if (step !== 0) next = (focusIndex + step + buttons.length) % buttons.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = buttons.length - 1;
    if (next === null) return;
    event.preventDefault();
    setFocusIndex(next);
    buttonRefs.current[next]?.focus();
  };

  return (
    <div className="toolbar-wrap">
      <div className="toolbar" role="toolbar" aria-label={t('toolbar.label')} aria-controls="article-body" onKeyDown={moveFocus} data-testid="toolbar">
        {buttons.map((button, index) => (
          <span key={button.id} className="toolbar__slot">
            {button.separatorBefore && <span className="toolbar__separator" aria-hidden="true" />}
            <button
              ref={(element) => {
                buttonRefs.current[index] = element;
              }}
              type="button"
              className="toolbar__button"
              data-testid={button.testId}
              aria-label={button.label}
              title={button.label}
              aria-pressed={button.pressed === undefined ? undefined : button.pressed}
              aria-disabled={button.disabled || undefined}
              tabIndex={index === focusIndex ? 0 : -1}
              // Keep the editor's selection: a mousedown on a button would otherwise blur it.
              onMouseDown={(event) => event.preventDefault()}
              onFocus={() => setFocusIndex(index)}
              onClick={() => {
                if (!button.disabled) button.run();
              }}
            >
              {button.icon}
            </button>
          </span>
        ))}
      </div>
      {linkOpen && <LinkDialog editor={editor} onClose={() => setLinkOpen(false)} />}
    </div>
  );
});

import type { Editor } from '@tiptap/core';
import { TextSelection } from '@tiptap/pm/state';
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api';
import { spellingApi } from '../../api/spelling';
import type { SpellMenuRequest } from '../../editor/extensions/spelling/SpellCheck';
import { currentLanguage } from '../../i18n';
import { copyText } from './copyText';
import { notifyWordAccepted } from './dictionaryChanges';
import './spelling.css';

/** Space kept between the menu and the window's edges. */
const MARGIN = 8;

interface SpellMenuProps {
  editor: Editor;
  request: SpellMenuRequest | null;
  /** `refocus`: give the caret back to the body (Escape, a chosen item); not after a click elsewhere. */
  onClose: (refocus: boolean) => void;
  /** "Ignore in this article". */
  onIgnore: (word: string) => void;
}

/** Midad's spelling menu for an underlined word in the body; one instance per request, so nothing carries over. */
export function SpellMenu({ editor, request, onClose, onIgnore }: SpellMenuProps) {
  if (!request) return null;
  const { word, from, to } = request;
  /** The word is still where the menu was opened for (nothing moved it meanwhile). */
  const stillThere = () => !editor.isDestroyed && to <= editor.state.doc.content.size && editor.state.doc.textBetween(from, to) === word;
  const replace = (suggestion: string) => {
    if (!stillThere()) return;
    const { state } = editor;
    // One transaction, one undo step; insertText keeps the marks the word had.
    const tr = state.tr.insertText(suggestion, from, to);
    tr.setSelection(TextSelection.create(tr.doc, from + suggestion.length));
    editor.storage.spellCheck.checker.knownCorrect(suggestion);
    editor.view.dispatch(tr);
  };
  return (
    <SpellMenuView
      key={`${from}:${word}:${request.x}:${request.y}`}
      word={word}
      x={request.x}
      y={request.y}
      canReplace={editor.isEditable}
      onReplace={replace}
      onIgnore={onIgnore}
      onClose={(refocus) => {
        onClose(refocus);
        if (refocus && !editor.isDestroyed) editor.view.focus();
      }}
    />
  );
}

export interface SpellMenuViewProps {
  word: string;
  /** Viewport point to open at (the pointer, the caret, or under a button). */
  x: number;
  y: number;
  /** The text may be changed (false: an article the user may not edit now). */
  canReplace: boolean;
  onReplace: (suggestion: string) => void;
  /** "Ignore in this article". */
  onIgnore: (word: string) => void;
  /** `refocus`: give the focus back to the text (Escape, a chosen item); not after a click elsewhere. */
  onClose: (refocus: boolean) => void;
}

/**
 * The menu itself, for any text: the body (SpellMenu) and the title, kicker and excerpt
 * (renderer/features/spelling/FieldSpelling.tsx). Mount one per word (a `key`), so nothing
 * carries over from the last. A word added to the dictionary is announced through
 * `acceptedWords`, which the body and the plain fields each follow.
 */
export function SpellMenuView({ word, x, y, canReplace, onReplace, onIgnore, onClose }: SpellMenuViewProps) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  // Isolated, so an Arabic word keeps its place (and its quotes) in an English sentence.
  const shown = `\u2068${word}\u2069`;
  const [suggestions, setSuggestions] = useState<string[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const boxRef = useRef<HTMLDivElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  const editable = canReplace;

  const items = () => Array.from(menuRef.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]:not([aria-disabled="true"])') ?? []);
  const close = useCallback((refocus: boolean) => onClose(refocus), [onClose]);

  useEffect(() => {
    let cancelled = false;
    spellingApi.suggest({ word }).then(
      (answer) => {
        if (!cancelled) setSuggestions(answer.suggestions);
      },
      (caught: unknown) => {
        if (cancelled) return;
        setSuggestions([]);
        setError(t('spelling.menu.suggestError', { message: ApiError.from(caught).localized(currentLanguage(i18n)) }));
      },
    );
    return () => {
      cancelled = true;
    };
  }, [word, t, i18n]);

  // Opened with the menu itself focused (the suggestions are still coming); once they are in,
  // the first item takes the focus unless the user already moved.
  useEffect(() => {
    menuRef.current?.focus();
  }, []);
  useEffect(() => {
    if (suggestions !== null && document.activeElement === menuRef.current) items()[0]?.focus();
  }, [suggestions]);

  // At the pointer, extending towards the reading direction's end, and kept inside the window.
  useLayoutEffect(() => {
    const box = boxRef.current;
    if (!box) return;
    const { width, height } = box.getBoundingClientRect();
    const rtl = getComputedStyle(box).direction === 'rtl';
    const left = Math.min(Math.max(MARGIN, rtl ? x - width : x), window.innerWidth - width - MARGIN);
    const top = y + height > window.innerHeight - MARGIN ? Math.max(MARGIN, y - height) : y;
    box.style.left = `${Math.max(MARGIN, left)}px`;
    box.style.top = `${top}px`;
  });

  // A click elsewhere, scrolling or resizing the window closes it (the word may have moved away).
  useEffect(() => {
    const onPointer = (event: PointerEvent) => {
      if (!boxRef.current?.contains(event.target as Node)) close(false);
    };
    const onScroll = (event: Event) => {
      if (!boxRef.current?.contains(event.target as Node)) close(false);
    };
    const onResize = () => close(false);
    document.addEventListener('pointerdown', onPointer, true);
    document.addEventListener('scroll', onScroll, true);
    window.addEventListener('resize', onResize);
    window.addEventListener('blur', onResize);
    return () => {
      document.removeEventListener('pointerdown', onPointer, true);
      document.removeEventListener('scroll', onScroll, true);
      window.removeEventListener('resize', onResize);
      window.removeEventListener('blur', onResize);
    };
  }, [close]);

  const onKeyDown = (event: KeyboardEvent) => {
    const list = items();
    const index = list.indexOf(document.activeElement as HTMLButtonElement);
    const move = (next: number) => {
      event.preventDefault();
      list[(next + list.length) % list.length]?.focus();
    };
    if (event.key === 'ArrowDown') move(index + 1);
    else if (event.key === 'ArrowUp') move(index < 0 ? list.length - 1 : index - 1);
    else if (event.key === 'Home') move(0);
    else if (event.key === 'End') move(list.length - 1);
    else if (event.key === 'Escape' || event.key === 'Tab') {
      event.preventDefault();
      close(true);
    }
  };

  const replace = (suggestion: string) => {
    if (editable) onReplace(suggestion);
    close(true);
  };

  const add = async () => {
    setBusy(true);
    setError(null);
    try {
      await spellingApi.addWord({ word });
      notifyWordAccepted(word);
      close(true);
    } catch (caught) {
      setBusy(false);
      setError(t('spelling.menu.addError', { message: ApiError.from(caught).localized(language) }));
    }
  };

  const ignore = () => {
    onIgnore(word);
    close(true);
  };

  const copy = async () => {
    try {
      await copyText(word);
      close(true);
    } catch {
      setError(t('spelling.menu.copyError'));
    }
  };

  return (
    <div ref={boxRef} className="spell-menu" dir={language === 'ar' ? 'rtl' : 'ltr'} data-testid="spell-menu">
      <div ref={menuRef} role="menu" tabIndex={-1} aria-label={t('spelling.menu.label', { word: shown })} aria-busy={suggestions === null || busy || undefined} onKeyDown={onKeyDown} className="spell-menu__list">
        {suggestions === null && (
          <div role="menuitem" aria-disabled="true" className="spell-menu__status" data-testid="spell-loading">{t('spelling.menu.loading')}</div>
        )}
        {suggestions !== null && suggestions.length === 0 && (
          <div role="menuitem" aria-disabled="true" className="spell-menu__status" data-testid="spell-none">{t('spelling.menu.none')}</div>
        )}
        {suggestions?.map((suggestion) => (
          <button
            key={suggestion}
            type="button"
            role="menuitem"
            tabIndex={-1}
            dir="auto"
            className="spell-menu__suggestion"
            aria-disabled={!editable || undefined}
            data-testid="spell-suggestion"
            onClick={() => replace(suggestion)}
          >
            {suggestion}
          </button>
        ))}
        <div role="separator" className="spell-menu__separator" />
        <button type="button" role="menuitem" tabIndex={-1} aria-disabled={busy || undefined} data-testid="spell-add" onClick={() => void (busy || add())}>
          {t('spelling.menu.add', { word: shown })}
        </button>
        <button type="button" role="menuitem" tabIndex={-1} data-testid="spell-ignore" onClick={ignore}>
          {t('spelling.menu.ignore')}
        </button>
        <button type="button" role="menuitem" tabIndex={-1} data-testid="spell-copy" onClick={() => void copy()}>
          {t('spelling.menu.copy')}
        </button>
      </div>
      {error && <p role="alert" className="spell-menu__error" data-testid="spell-menu-error">{error}</p>}
    </div>
  );
}

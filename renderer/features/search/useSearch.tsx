import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SearchHit } from '../../../shared/ipc/channels/search';
import { SearchDialog } from './SearchDialog';
import type { RevealRequest } from './useRevealMatch';

export interface SearchControl {
  open: () => void;
  /** Where the article opened from the last hit should show its match (null: nowhere in particular). */
  reveal: RevealRequest | null;
  /** The dialog element, to render once in the workspace. */
  dialog: ReactNode;
}

/** Ctrl+K (⌘K) by the key's place, so it works with an Arabic keyboard layout too (where that key types ن). */
export function isSearchShortcut(event: Pick<KeyboardEvent, 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey' | 'code' | 'key'>): boolean {
  return (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && (event.code === 'KeyK' || event.key.toLowerCase() === 'k');
}

let reveals = 0;

/** The search dialog, its shortcut, and opening a hit's article at its match. */
export function useSearch(openArticle: (id: string) => void): SearchControl {
  const [isOpen, setOpen] = useState(false);
  const [reveal, setReveal] = useState<RevealRequest | null>(null);
  const open = useCallback(() => setOpen(true), []);
  const close = useCallback(() => setOpen(false), []);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!isSearchShortcut(event)) return;
      // Before the editor or the browser (Chromium's Ctrl+K goes to its own search).
      event.preventDefault();
      event.stopPropagation();
      setOpen(true);
    };
    window.addEventListener('keydown', onKeyDown, { capture: true });
    return () => window.removeEventListener('keydown', onKeyDown, { capture: true });
  }, []);

  const onOpenHit = useCallback(
    (hit: SearchHit) => {
      setReveal(
        hit.bodyOffset === null ? null : { articleId: hit.id, offset: hit.bodyOffset, length: hit.bodyLength ?? 1, nonce: (reveals += 1) },
      );
      openArticle(hit.id);
    },
    [openArticle],
  );

  const dialog = useMemo(() => <SearchDialog open={isOpen} onClose={close} onOpenHit={onOpenHit} />, [isOpen, close, onOpenHit]);
  return { open, reveal, dialog };
}

/** The header's search button. */
export function SearchButton({ search }: { search: SearchControl }) {
  const { t } = useTranslation();
  return (
    <button type="button" className="button" onClick={search.open} aria-haspopup="dialog" title={t('search.buttonHint')} aria-keyshortcuts="Control+K" data-testid="search-button">
      {t('search.button')}
    </button>
  );
}

import type { Extensions } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { isSafeLinkHref } from '../../shared/editor/docSchema';
import { Comment } from './extensions/comment/Comment';
import { Figure } from './extensions/figure/Figure';
import { ImageInput } from './extensions/imageInput/ImageInput';
import { PasteGuard } from './extensions/pasteGuard/PasteGuard';
import { PasteCleanup } from './extensions/pasteCleanup/PasteCleanup';
import { DEFAULT_SETTINGS, type Settings } from '../../shared/domain/settings';
import { AutoDirection } from './extensions/direction/AutoDirection';
import { ArabicPunctuation } from './extensions/punctuation/ArabicPunctuation';
import { TypedReplacement } from './extensions/punctuation/TypedReplacement';
import { ArabicQuotes } from './extensions/quotes/ArabicQuotes';
import { WordMarks } from './extensions/wordMarks/WordMarks';
import { SpellCheck, type SpellMenuRequest } from './extensions/spelling/SpellCheck';

export interface EditorCallbacks {
  onImageFiles: (files: File[], position: number | undefined) => void;
  onPasteRefused: (size: number, limit: number) => void;
  /** Ctrl+Alt+M in the body: comment on the selection. */
  onAddComment?: () => void;
  /** The current settings, read at each keystroke by the writing aids (each can be switched off). */
  settings?: () => Settings;
  /** 'warn' mode: a mark was applied to part of an Arabic word. */
  onPartialWordMark?: () => void;
  /** Which of these words are misspelled (the core's `spell.check`); without it nothing is underlined. */
  checkSpelling?: (words: string[]) => Promise<string[]>;
  /** The spelling menu was asked for on an underlined word. */
  onSpellMenu?: (request: SpellMenuRequest) => void;
  /** Words ignored in the open article. */
  spellIgnored?: () => ReadonlySet<string>;
}

const NOTHING_IGNORED: ReadonlySet<string> = new Set();

/**
 * Midad's schema must match shared/editor/docSchema.ts exactly: the core refuses any body
 * with another node, mark or link protocol, and a refused autosave would never succeed.
 */
export function createExtensions(callbacks: EditorCallbacks): Extensions {
  const setting = <K extends keyof Settings>(key: K): Settings[K] => (callbacks.settings?.() ?? DEFAULT_SETTINGS)[key];
  return [
    StarterKit.configure({
      heading: { levels: [2, 3] },
      link: {
        openOnClick: false,
        autolink: true,
        defaultProtocol: 'https',
        protocols: [],
        // The same test the core applies, for typed, pasted and autolinked hrefs alike.
        isAllowedUri: (url) => isSafeLinkHref(url),
        HTMLAttributes: { rel: 'noopener noreferrer nofollow', target: null },
      },
    }),
    Figure,
    ImageInput.configure({ onImageFiles: callbacks.onImageFiles }),
    PasteGuard.configure({ onRefused: callbacks.onPasteRefused }),
    PasteCleanup.configure({ settings: () => callbacks.settings?.() ?? DEFAULT_SETTINGS, onRefused: callbacks.onPasteRefused, onImageFiles: callbacks.onImageFiles }),
    Comment.configure({ onAddComment: () => callbacks.onAddComment?.() }),
    // Writing aids (renderer/editor/extensions/{punctuation,quotes,direction,wordMarks}).
    ArabicPunctuation.configure({ enabled: () => setting('arabicPunctuation') }),
    ArabicQuotes.configure({ enabled: () => setting('arabicQuotes') }),
    TypedReplacement,
    AutoDirection.configure({ enabled: () => setting('autoDirection'), articleDirection: 'rtl' }),
    WordMarks.configure({ mode: () => setting('partialWordMarks'), onPartialWord: () => callbacks.onPartialWordMark?.() }),
    SpellCheck.configure({
      enabled: () => setting('spellcheck') && callbacks.checkSpelling !== undefined,
      check: (words) => callbacks.checkSpelling?.(words) ?? Promise.resolve([]),
      onMenu: (request) => callbacks.onSpellMenu?.(request),
      ignored: () => callbacks.spellIgnored?.() ?? NOTHING_IGNORED,
    }),
  ];
}

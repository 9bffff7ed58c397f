import type { MenuItemConstructorOptions } from 'electron';
import type { Language } from '../../shared/domain/settings';

/** What the context menu needs from Electron's `context-menu` event parameters. */
export interface SpellMenuParams {
  misspelledWord: string;
  dictionarySuggestions: string[];
  isEditable: boolean;
  selectionText: string;
  editFlags: { canCut: boolean; canCopy: boolean; canPaste: boolean; canSelectAll: boolean };
}

export interface SpellMenuActions {
  /** `webContents.replaceMisspelling(word)`. */
  replace: (word: string) => void;
  /** `session.addWordToSpellCheckerDictionary(word)`. */
  addToDictionary: (word: string) => void;
}

/** The languages Midad checks, in order: Arabic first, then American English. */
export const SPELL_LANGUAGES = ['ar', 'en-US'] as const;
/** Suggestions shown at most (Chromium offers up to about five). */
export const MAX_SUGGESTIONS = 5;

const LABELS: Readonly<Record<Language, { noSuggestions: string; add: (word: string) => string; cut: string; copy: string; paste: string; selectAll: string }>> = {
  ar: {
    noSuggestions: 'لا اقتراحات',
    add: (word) => `أضف «${word}» إلى القاموس`,
    cut: 'قص',
    copy: 'نسخ',
    paste: 'لصق',
    selectAll: 'تحديد الكل',
  },
  en: {
    noSuggestions: 'No suggestions',
    add: (word) => `Add “${word}” to dictionary`,
    cut: 'Cut',
    copy: 'Copy',
    paste: 'Paste',
    selectAll: 'Select all',
  },
};

/** Bidi isolation so an English word inside the Arabic label (or the reverse) keeps its place. */
function isolate(word: string): string {
  return `\u2068${word}\u2069`;
}

/**
 * The editor's context menu: spelling suggestions for a misspelled word (each replaces it),
 * "add to dictionary", then cut, copy, paste and select all. Empty when there is nothing to offer
 * (a right-click on plain, unselected interface text).
 */
export function buildSpellMenuTemplate(params: SpellMenuParams, language: Language, actions: SpellMenuActions, options: { spellcheck: boolean }): MenuItemConstructorOptions[] {
  const labels = LABELS[language];
  const items: MenuItemConstructorOptions[] = [];
  const word = params.misspelledWord.trim();
  if (options.spellcheck && params.isEditable && word) {
    const suggestions = params.dictionarySuggestions.filter((suggestion) => suggestion.trim() !== '').slice(0, MAX_SUGGESTIONS);
    if (suggestions.length === 0) items.push({ label: labels.noSuggestions, enabled: false });
    for (const suggestion of suggestions) items.push({ label: suggestion, click: () => actions.replace(suggestion) });
    items.push({ type: 'separator' }, { label: labels.add(isolate(word)), click: () => actions.addToDictionary(word) });
  }
  if (params.isEditable) {
    if (items.length > 0) items.push({ type: 'separator' });
    items.push(
      { role: 'cut', label: labels.cut, enabled: params.editFlags.canCut },
      { role: 'copy', label: labels.copy, enabled: params.editFlags.canCopy },
      { role: 'paste', label: labels.paste, enabled: params.editFlags.canPaste },
      { type: 'separator' },
      { role: 'selectAll', label: labels.selectAll, enabled: params.editFlags.canSelectAll },
    );
  } else if (params.selectionText.trim()) {
    items.push({ role: 'copy', label: labels.copy, enabled: params.editFlags.canCopy });
  }
  return items;
}

/**
 * The spell-checker languages to set, from those the platform offers
 * (`session.availableSpellCheckerLanguages`): each wanted code itself, else its first regional
 * variant (`ar` → `ar-SA` where the system lists only that). `missing` are the ones the platform
 * cannot check — on Linux Chromium's hunspell list has no Arabic (docs/spelling.md).
 */
export function chooseSpellLanguages(available: readonly string[], wanted: readonly string[] = SPELL_LANGUAGES): { languages: string[]; missing: string[] } {
  const languages: string[] = [];
  const missing: string[] = [];
  for (const code of wanted) {
    const match = available.find((candidate) => candidate.toLowerCase() === code.toLowerCase()) ?? available.find((candidate) => candidate.toLowerCase().startsWith(`${code.toLowerCase()}-`));
    if (match) languages.push(match);
    else missing.push(code);
  }
  return { languages, missing };
}

export interface BuiltInSpellPlan {
  /** `session.setSpellCheckerEnabled`. */
  enabled: boolean;
  /** `session.setSpellCheckerLanguages` (not called on macOS, which ignores it). */
  languages: string[];
  /** Wanted languages the built-in checker will not check here. */
  missing: string[];
}

/**
 * What Electron's built-in checker does (docs/spelling.md). It serves the plain text fields
 * (title, kicker, excerpt, captions); the article body is checked by Midad's own checker in the
 * core, on every platform. The built-in one must never reach the network: on macOS it is the
 * system's checker (offline); on Windows and Linux Chromium's hunspell downloads any dictionary
 * it lacks from Google's servers, so only languages whose `.bdic` ships with the app are set —
 * none means the built-in checker stays off there.
 */
export function planBuiltInSpellcheck(input: { platform: NodeJS.Platform; spellcheck: boolean; available: readonly string[]; bundled: readonly string[] }): BuiltInSpellPlan {
  if (!input.spellcheck) return { enabled: false, languages: [], missing: [] };
  if (input.platform === 'darwin') return { enabled: true, languages: [], missing: [] };
  const offline = input.available.filter((code) => input.bundled.some((bundled) => bundled.toLowerCase() === code.toLowerCase()));
  const { languages, missing } = chooseSpellLanguages(offline);
  return { enabled: languages.length > 0, languages, missing };
}

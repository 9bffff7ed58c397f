import { Menu, type BrowserWindow, type Session } from 'electron';
import type { Core } from '../core/Core';
import { dispatch } from '../core/ipc/dispatch';
import { DEFAULT_SETTINGS, type Settings } from '../../shared/domain/settings';
import { installBundledDictionaries } from './spellDictionaries';
import { buildSpellMenuTemplate, chooseSpellLanguages } from './spellMenu';

/** The settings as the core stores them; the defaults when they cannot be read (no database yet). */
async function currentSettings(core: Core): Promise<Settings> {
  const result = await dispatch(core, 'settings.get', {}, core.sessionContext());
  return result.ok ? (result.value as Settings) : DEFAULT_SETTINGS;
}

export interface SpellcheckPaths {
  /** build/dictionaries (development) or resources/dictionaries (packaged). */
  bundledDictionaries: string;
  /** `<userData>/Dictionaries`, where Chromium looks for `.bdic` files. */
  profileDictionaries: string;
}

/**
 * Applies the `spellcheck` setting to the session: off → the checker is disabled; on → bundled
 * dictionaries are copied into the profile first, then Arabic and American English are set, as
 * far as the platform has them (macOS uses the system checker and ignores the language list).
 */
export async function configureSpellcheck(core: Core, session: Session, paths: SpellcheckPaths): Promise<void> {
  const { spellcheck } = await currentSettings(core);
  session.setSpellCheckerEnabled(spellcheck);
  if (!spellcheck || process.platform === 'darwin') return;
  try {
    installBundledDictionaries(paths.bundledDictionaries, paths.profileDictionaries);
  } catch (error) {
    console.warn('[midad] copying the bundled spelling dictionaries failed', error);
  }
  const { languages, missing } = chooseSpellLanguages(session.availableSpellCheckerLanguages);
  if (missing.length > 0) console.warn(`[midad] no spell checker for ${missing.join(', ')} on this platform (docs/spelling.md)`);
  if (languages.length > 0) session.setSpellCheckerLanguages(languages);
}

/** The editor's context menu: suggestions, add to dictionary, then the edit commands. */
export function installSpellMenu(window: BrowserWindow, core: Core): void {
  const { webContents } = window;
  webContents.on('context-menu', (_event, params) => {
    void currentSettings(core).then((settings) => {
      if (window.isDestroyed()) return;
      const template = buildSpellMenuTemplate(params, settings.language, {
        replace: (word) => webContents.replaceMisspelling(word),
        addToDictionary: (word) => webContents.session.addWordToSpellCheckerDictionary(word),
      }, { spellcheck: settings.spellcheck });
      if (template.length > 0) Menu.buildFromTemplate(template).popup({ window });
    });
  });
}

import { Menu, type BrowserWindow, type Session } from 'electron';
import type { Core } from '../core/Core';
import { dispatch } from '../core/ipc/dispatch';
import { DEFAULT_SETTINGS, type Settings } from '../../shared/domain/settings';
import { bundledLanguages, installBundledDictionaries } from './spellDictionaries';
import { buildSpellMenuTemplate, planBuiltInSpellcheck } from './spellMenu';

/** The settings as the core stores them; the defaults when they cannot be read (no database yet). */
async function currentSettings(core: Core): Promise<Settings> {
  const result = await dispatch(core, 'settings.get', {}, core.sessionContext());
  return result.ok ? (result.value as Settings) : DEFAULT_SETTINGS;
}

/** Where Chromium would download a missing hunspell dictionary from: nowhere reachable. */
const NO_DOWNLOADS_URL = 'http://127.0.0.1:9/';

export interface SpellcheckPaths {
  /** build/dictionaries (development) or resources/dictionaries (packaged). */
  bundledDictionaries: string;
  /** `<userData>/Dictionaries`, where Chromium looks for `.bdic` files. */
  profileDictionaries: string;
}

/**
 * Applies the `spellcheck` setting to Electron's built-in checker, which serves the plain text
 * fields (the body has Midad's own checker, renderer/editor/extensions/spelling): off → disabled;
 * on → macOS's system checker, or on Windows/Linux only the languages whose dictionary ships with
 * the app (copied into the profile first), so Chromium never downloads one (planBuiltInSpellcheck).
 */
export async function configureSpellcheck(core: Core, session: Session, paths: SpellcheckPaths): Promise<void> {
  // Belt and braces: should Chromium still ask for a dictionary (its defaults follow the system
  // locale), the request goes to this machine's discard port, never to Google's servers.
  if (process.platform !== 'darwin') session.setSpellCheckerDictionaryDownloadURL(NO_DOWNLOADS_URL);
  const { spellcheck } = await currentSettings(core);
  let bundled: string[] = [];
  if (spellcheck && process.platform !== 'darwin') {
    try {
      installBundledDictionaries(paths.bundledDictionaries, paths.profileDictionaries);
      bundled = bundledLanguages(paths.bundledDictionaries);
    } catch (error) {
      console.warn('[midad] copying the bundled spelling dictionaries failed', error);
    }
  }
  const plan = planBuiltInSpellcheck({ platform: process.platform, spellcheck, available: session.availableSpellCheckerLanguages, bundled });
  if (plan.languages.length > 0) session.setSpellCheckerLanguages(plan.languages);
  session.setSpellCheckerEnabled(plan.enabled);
  if (spellcheck && plan.missing.length > 0) {
    console.info(`[midad] built-in checker (text fields) off for ${plan.missing.join(', ')}: no bundled dictionary; the article body uses Midad's checker (docs/spelling.md)`);
  }
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

import { Menu, app } from 'electron';
import type { Core } from '../core/Core';

import { dispatch } from '../core/ipc/dispatch';
import type { Language } from '../../shared/domain/settings';
import { buildMenuTemplate } from './menuTemplate';

/** The interface language as the core stores it; Arabic when the database cannot be read. */
async function currentLanguage(core: Core): Promise<Language> {
  const result = await dispatch(core, 'settings.get', {}, core.sessionContext());
  if (result.ok) return (result.value as { language: Language }).language;
  return 'ar';
}

/** Builds (or rebuilds, after the language setting changed) the application menu. */
export async function installApplicationMenu(core: Core): Promise<void> {
  const language = await currentLanguage(core);
  const template = buildMenuTemplate(language, { isMac: process.platform === 'darwin', withDevTools: !app.isPackaged });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  app.setAboutPanelOptions({
    applicationName: language === 'ar' ? 'مداد' : 'Midad',
    applicationVersion: app.getVersion(),
    copyright: language === 'ar' ? 'محطة تحرير لغرف الأخبار العربية' : 'An editorial workstation for Arabic newsrooms',
  });
}

import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Settings } from '../../shared/domain/settings';
import { api, ApiError } from '../api';
import { DatabaseErrorScreen, type DatabaseErrorInfo } from '../features/db-error/DatabaseErrorScreen';
import { SettingsContext, type SettingsValue } from '../features/settings/SettingsContext';
import { applyLanguage } from '../i18n';
import { Workspace } from './Workspace';

type Boot =
  | { status: 'starting' }
  | { status: 'database-error'; info: DatabaseErrorInfo }
  | { status: 'ready'; settings: Settings; lastArticleId: string | null };

/**
 * Start-up: ask the core whether the database opened; if not, show the database screen and
 * stop (no retry loop). Otherwise load settings (language first, so the first paint is in the
 * right language) and reopen the last article.
 */
export function App() {
  const [boot, setBoot] = useState<Boot>({ status: 'starting' });

  useEffect(() => {
    (async () => {
      const info = await api.appInfo();
      if (info.databaseError) {
        setBoot({ status: 'database-error', info: { ...info.databaseError, databaseFile: info.databaseFile } });
        return;
      }
      const [settings, last] = await Promise.all([api.getSettings(), api.lastViewed()]);
      await applyLanguage(settings.language);
      setBoot({ status: 'ready', settings, lastArticleId: last.articleId });
    })().catch((error: unknown) => {
      const apiError = ApiError.from(error);
      setBoot({ status: 'database-error', info: { code: apiError.code, message: apiError.message, messageAr: apiError.messageAr, databaseFile: '' } });
    });
  }, []);

  const updateSettings = useCallback(async (patch: Partial<Settings>) => {
    const next = await api.updateSettings(patch);
    await applyLanguage(next.language);
    setBoot((previous) => (previous.status === 'ready' ? { ...previous, settings: next } : previous));
  }, []);

  const settingsValue = useMemo<SettingsValue | null>(
    () => (boot.status === 'ready' ? { settings: boot.settings, updateSettings } : null),
    [boot, updateSettings],
  );

  if (boot.status === 'database-error') return <DatabaseErrorScreen info={boot.info} />;
  if (boot.status === 'starting' || !settingsValue) return <div className="boot" aria-busy="true" />;
  return (
    <SettingsContext.Provider value={settingsValue}>
      <Workspace initialArticleId={boot.lastArticleId} />
    </SettingsContext.Provider>
  );
}

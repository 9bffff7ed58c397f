import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../api';
import { currentLanguage } from '../i18n';
import { ArticleList } from '../features/articles/ArticleList';
import { ArticleScreen } from '../features/article/ArticleScreen';
import { prefetchArticle } from '../features/article/articleLoader';
import { trailingDebounce, whenIdle } from '../lib/trailingDebounce';
import { SettingsDialog } from '../features/settings/SettingsDialog';
import { AccountMenu } from '../features/auth/AccountMenu';
import { SearchButton, useSearch } from '../features/search/useSearch';

/** The main screen: header, article list, the open article (or an empty state). */
export function Workspace({ initialArticleId }: { initialArticleId: string | null }) {
  const { t, i18n } = useTranslation();
  const [openId, setOpenId] = useState<string | null>(initialArticleId);
  const [refreshToken, setRefreshToken] = useState(0);
  const [creating, setCreating] = useState(false);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [createError, setCreateError] = useState<string | null>(null);
  // Ctrl+K search: opening a hit opens its article at the match.
  const search = useSearch(setOpenId);

  const refreshList = useCallback(() => setRefreshToken((token) => token + 1), []);
  // After an autosave the list (word count, title, time) is refreshed once typing pauses and
  // the browser is idle: while the user types, a save lands every second, and re-reading and
  // re-rendering the list each time would fall on keystrokes.
  const refreshAfterSave = useMemo(() => {
    let cancelIdle: (() => void) | null = null;
    const debounce = trailingDebounce(() => {
      cancelIdle?.();
      cancelIdle = whenIdle(refreshList, 2000);
    }, 700);
    return { call: () => debounce.call(), cancel: () => { debounce.cancel(); cancelIdle?.(); } };
  }, [refreshList]);
  useEffect(() => refreshAfterSave.cancel, [refreshAfterSave]);
  const onSaved = refreshAfterSave.call;
  // Pointerdown in the list: start reading the article; the click comes ~100 ms later.
  const prefetch = useCallback((id: string) => {
    if (id !== openId) prefetchArticle(id);
  }, [openId]);

  const create = async () => {
    setCreating(true);
    setCreateError(null);
    try {
      const article = await api.createArticle();
      setOpenId(article.id);
      refreshList();
    } catch (error) {
      setCreateError(ApiError.from(error).localized(currentLanguage(i18n)));
    } finally {
      setCreating(false);
    }
  };

  return (
    <div className="app">
      <a className="skip-link" href="#main">{t('app.skipToEditor')}</a>
      <header className="app-header">
        <div className="app-header__brand">
          <h1 className="app-header__name">{t('app.name')}</h1>
          <span className="app-header__tagline">{t('app.tagline')}</span>
        </div>
        <SearchButton search={search} />
        <AccountMenu />
        <button type="button" className="button" data-testid="settings-button" onClick={() => setSettingsOpen(true)} aria-haspopup="dialog">
          {t('settings.button')}
        </button>
      </header>
      <div className={`workspace${openId ? '' : ' workspace--empty'}`}>
        <ArticleList selectedId={openId} refreshToken={refreshToken} onOpen={setOpenId} onPrefetch={prefetch} onCreate={() => void create()} creating={creating} />
        {openId ? (
          <ArticleScreen articleId={openId} onSaved={onSaved} reveal={search.reveal} />
        ) : (
          <main className="workspace__main workspace__main--message" id="main">
            <div className="empty-state">
              <h1>{t('editor.emptyTitle')}</h1>
              <p>{t('editor.emptyBody')}</p>
              {createError && <p className="form-error" role="alert">{createError}</p>}
            </div>
          </main>
        )}
      </div>
      <SettingsDialog open={settingsOpen} onClose={() => setSettingsOpen(false)} />
      {search.dialog}
    </div>
  );
}

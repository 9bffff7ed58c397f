import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Article } from '../../../shared/domain/article';
import { api, ApiError } from '../../api';
import { currentLanguage } from '../../i18n';
import { flushAll } from '../save/flushRegistry';
import { ArticleEditor } from './ArticleEditor';
import type { ViewState } from './useViewState';

type Loaded =
  | { status: 'loading' }
  | { status: 'ready'; article: Article; viewState: ViewState | null }
  | { status: 'error'; error: ApiError };

/** Loads an article and where the user was in it, then hands both to the editor. */
export function ArticleScreen({ articleId, onSaved }: { articleId: string; onSaved: (id: string) => void }) {
  const { t, i18n } = useTranslation();
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const [reloads, setReloads] = useState(0);

  useEffect(() => {
    let cancelled = false;
    setLoaded({ status: 'loading' });
    (async () => {
      // The previous article's last save must land first (it may be this same article).
      await flushAll();
      const [article, viewState] = await Promise.all([api.getArticle(articleId), api.getViewState(articleId).catch(() => null)]);
      if (!cancelled) setLoaded({ status: 'ready', article, viewState });
    })().catch((error: unknown) => {
      if (!cancelled) setLoaded({ status: 'error', error: ApiError.from(error) });
    });
    return () => {
      cancelled = true;
    };
  }, [articleId, reloads]);

  if (loaded.status === 'ready') {
    return (
      <ArticleEditor
        key={`${loaded.article.id}:${reloads}`}
        article={loaded.article}
        viewState={loaded.viewState}
        onSaved={onSaved}
        onReload={() => setReloads((count) => count + 1)}
      />
    );
  }
  return (
    <main className="workspace__main workspace__main--message" id="main">
      {loaded.status === 'loading' ? (
        <p className="placeholder-text" aria-busy="true">{t('editor.loading')}</p>
      ) : (
        <p className="form-error" role="alert">{t('editor.loadError', { message: loaded.error.localized(currentLanguage(i18n)) })}</p>
      )}
    </main>
  );
}

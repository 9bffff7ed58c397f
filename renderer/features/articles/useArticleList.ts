import { useEffect, useState } from 'react';
import type { ArticleSummary } from '../../../shared/domain/article';
import { api, ApiError } from '../../api';

export interface ArticleListState {
  items: ArticleSummary[];
  total: number;
  loading: boolean;
  error: ApiError | null;
}

/**
 * The sidebar's articles, filtered by title in the core (`articles.list {query}`), newest change
 * first. Refetches when the query settles (150 ms) or `refreshToken` changes (after a save).
 */
export function useArticleList(query: string, refreshToken: number): ArticleListState {
  const [state, setState] = useState<ArticleListState>({ items: [], total: 0, loading: true, error: null });

  useEffect(() => {
    let cancelled = false;
    const handle = setTimeout(
      () => {
        const trimmed = query.trim();
        api
          .listArticles(trimmed ? { query: trimmed.slice(0, 500) } : {})
          .then((result) => {
            if (cancelled) return;
            const items = [...result.items].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
            setState({ items, total: result.total, loading: false, error: null });
          })
          .catch((error: unknown) => {
            if (!cancelled) setState((previous) => ({ ...previous, loading: false, error: ApiError.from(error) }));
          });
      },
      query ? 150 : 0,
    );
    return () => {
      cancelled = true;
      clearTimeout(handle);
    };
  }, [query, refreshToken]);

  return state;
}

import type { Article } from '../../../shared/domain/article';
import { api } from '../../api';
import { savesSettled } from '../save/flushRegistry';
import type { ViewState } from './useViewState';

export interface LoadedArticle {
  article: Article;
  viewState: ViewState | null;
}

/** A prefetch is used only by the click that follows its pointerdown, not by a later open. */
const PREFETCH_TTL_MS = 2000;
const prefetched = new Map<string, { promise: Promise<LoadedArticle>; at: number }>();

async function fetchArticle(articleId: string): Promise<LoadedArticle> {
  // This article's last save (from when it was closed) must land first, or the version we
  // start from would be stale and the next save a conflict with ourselves.
  await savesSettled(articleId);
  const [article, viewState] = await Promise.all([api.getArticle(articleId), api.getViewState(articleId).catch(() => null)]);
  return { article, viewState };
}

/**
 * Starts fetching an article the user is about to open (pointerdown in the list: the click
 * comes ~100 ms later). Never for the open article: its stored copy is behind the editor.
 */
export function prefetchArticle(articleId: string): void {
  const now = performance.now();
  for (const [id, entry] of prefetched) if (now - entry.at > PREFETCH_TTL_MS) prefetched.delete(id);
  if (prefetched.has(articleId)) return;
  const promise = fetchArticle(articleId);
  promise.catch(() => undefined); // reported by loadArticle, if anyone opens it
  prefetched.set(articleId, { promise, at: now });
}

/** The article and its view state, from a fresh prefetch when there is one. */
export function loadArticle(articleId: string): Promise<LoadedArticle> {
  const entry = prefetched.get(articleId);
  prefetched.clear();
  if (entry && performance.now() - entry.at <= PREFETCH_TTL_MS) return entry.promise;
  return fetchArticle(articleId);
}

/** Forgets prefetches (the open article is about to change on disk, e.g. a reload). */
export function dropPrefetched(): void {
  prefetched.clear();
}

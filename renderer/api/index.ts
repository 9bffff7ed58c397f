import type { ArticlePatch, SaveReason } from '../../shared/domain/article';
import type { Settings } from '../../shared/domain/settings';
import type { RequestOf } from '../../shared/ipc/contract';
import { call } from './midad';

export { ApiError } from './ApiError';

/** Typed calls the features use; one line each so the contract stays the single source of shapes. */
export const api = {
  appInfo: () => call('app.info', {}),
  createArticle: (fields?: ArticlePatch) => call('articles.create', fields ? { fields } : {}),
  getArticle: (id: string) => call('articles.get', { id }),
  listArticles: (request: RequestOf<'articles.list'>) => call('articles.list', request),
  saveArticle: (id: string, baseVersion: number, patch: ArticlePatch, reason: SaveReason) =>
    call('articles.save', { id, baseVersion, patch, reason }),
  putMedia: (name: string, mime: string, dataBase64: string) => call('media.put', { name, mime, dataBase64 }),
  getSettings: () => call('settings.get', {}),
  updateSettings: (patch: Partial<Settings>) => call('settings.update', patch),
  getViewState: (articleId: string) => call('view.get', { articleId }),
  setViewState: (request: RequestOf<'view.set'>) => call('view.set', request),
  lastViewed: () => call('view.last', {}),
};

export { accountsApi } from './accounts';
export { sessionGate } from './sessionGate';

import type { OpenServices } from '../Core';
import type { HandlersFor } from './types';

export function articleHandlers(open: () => OpenServices): HandlersFor<'articles'> {
  return {
    'articles.create': (request, ctx) => open().articles.create(ctx, request.fields),
    'articles.get': (request, ctx) => open().articles.get(ctx, request.id),
    'articles.list': (request) => open().articles.list(request),
    'articles.save': (request, ctx) => open().articles.save(ctx, request.id, request.baseVersion, request.patch, request.reason),
    'articles.spike': (request, ctx) => open().articles.spike(ctx, request.id),
    'articles.restore': (request, ctx) => open().articles.restore(ctx, request.id),
  };
}

export function mediaHandlers(open: () => OpenServices): HandlersFor<'media'> {
  return {
    'media.put': (request) => open().media.put(request.name, Buffer.from(request.dataBase64, 'base64')),
    'media.info': (request) => open().media.info(request.hash),
  };
}

export function settingsHandlers(open: () => OpenServices): HandlersFor<'settings'> {
  return {
    'settings.get': () => open().settings.get(),
    'settings.update': (request, ctx) => {
      const services = open();
      const settings = services.settings.update(request);
      services.audit({ actor: ctx.actor, action: 'settings.update', detail: { keys: Object.keys(request) } });
      return settings;
    },
  };
}

export function viewHandlers(open: () => OpenServices): HandlersFor<'view'> {
  return {
    'view.get': (request) => open().views.get(request.articleId),
    'view.set': (request) => {
      open().views.set(request);
      return null;
    },
    'view.last': () => ({ articleId: open().views.last() }),
  };
}

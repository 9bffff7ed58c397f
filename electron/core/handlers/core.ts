import type { Settings } from '../../../shared/domain/settings';
import { ErrorCode, MidadError } from '../../../shared/errors';
import type { OpenServices } from '../Core';

/**
 * Settings that bind the whole newsroom (security, the desk's rules, storage limits): only an
 * admin changes them. Language and reading pace are anyone's to choose.
 */
const NEWSROOM_SETTINGS: ReadonlySet<keyof Settings> = new Set([
  'allowSelfApproval',
  'idleLockMinutes',
  'maxImageBytes',
  'revisionIntervalMinutes',
  'locale',
  'digits',
  'slugStyle',
  'pasteBoilerplate',
  'autoBackup',
]);
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
      const current = services.settings.get();
      const changed = (Object.keys(request) as (keyof Settings)[]).filter((key) => request[key] !== undefined && request[key] !== current[key]);
      const newsroomOnly = changed.filter((key) => NEWSROOM_SETTINGS.has(key));
      if (newsroomOnly.length > 0 && ctx.user?.role !== 'admin') {
        throw new MidadError(
          ErrorCode.FORBIDDEN,
          `Only an admin may change these newsroom settings: ${newsroomOnly.join(', ')}.`,
          `لا يغيّر إعدادات غرفة الأخبار هذه إلا المدير: ${newsroomOnly.join('، ')}.`,
          { keys: newsroomOnly },
        );
      }
      if (changed.length === 0) return current;
      const settings = services.settings.update(Object.fromEntries(changed.map((key) => [key, request[key]])));
      services.audit({ actor: ctx.actor, action: 'settings.update', detail: { keys: changed } });
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

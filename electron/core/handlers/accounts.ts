import { ErrorCode, MidadError } from '../../../shared/errors';
import type { OpenServices } from '../Core';
import type { HandlersFor } from './types';

function state(services: OpenServices) {
  return services.session.state(services.accounts.hasUsers());
}

export function authHandlers(open: () => OpenServices): HandlersFor<'auth'> {
  return {
    'auth.status': () => state(open()),
    'auth.setup': async (request) => {
      const services = open();
      const user = await services.accounts.setupAdmin(request.name, request.password);
      services.session.signIn(user);
      return state(services);
    },
    'auth.users': () => open().accounts.listForSignIn(),
    'auth.signIn': async (request) => {
      const services = open();
      const user = await services.accounts.verify(request.userId, request.password, 'sign-in');
      services.session.signIn(user);
      return state(services);
    },
    'auth.unlock': async (request) => {
      const services = open();
      const user = services.session.current();
      if (!user) throw new MidadError(ErrorCode.NOT_SIGNED_IN, 'Nobody is signed in.', 'لا أحد مسجّل الدخول.');
      await services.accounts.verify(user.id, request.password, 'unlock');
      services.session.unlock();
      return state(services);
    },
    'auth.lock': () => {
      const services = open();
      const user = services.session.current();
      if (user) {
        services.session.lock();
        services.audit({ actor: user.id, action: 'auth.lock', detail: { reason: 'manual' } });
      }
      return state(services);
    },
    'auth.signOut': () => {
      const services = open();
      const user = services.session.current();
      if (user) services.audit({ actor: user.id, action: 'auth.sign-out' });
      services.session.signOut();
      return state(services);
    },
  };
}

export function userHandlers(open: () => OpenServices): HandlersFor<'users'> {
  return {
    'users.list': () => open().accounts.list(),
    'users.create': (request, ctx) => open().accounts.create(ctx, request.name, request.role, request.password),
    'users.update': (request, ctx) => {
      const services = open();
      const user = services.accounts.update(ctx, request.id, request);
      services.session.refresh(user);
      return user;
    },
    'users.resetPassword': (request, ctx) => open().accounts.resetPassword(ctx, request.id, request.password),
  };
}

import { protocol } from 'electron';
import { APP_SCHEME, resolveAppRequest, type AppRequestSources } from './appRequest';

/** Must run before the app is ready: makes `midad://app` a secure, standard origin of its own. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, allowServiceWorkers: false, corsEnabled: false },
    },
  ]);
}

/** Serves the renderer and stored media on `midad://app/…` (never `file://`). */
export function handleAppProtocol(sources: AppRequestSources): void {
  protocol.handle(APP_SCHEME, (request) => {
    const answer = resolveAppRequest(request.url, request.method, sources);
    const body = request.method === 'HEAD' || answer.body === null ? null : new Uint8Array(answer.body);
    return new Response(body, { status: answer.status, headers: answer.headers });
  });
}

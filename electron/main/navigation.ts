import type { App, Session, Shell } from 'electron';
import { externalUrl } from './externalLinks';

/**
 * The window never leaves the app: navigation, new windows and webviews are refused for every
 * web contents; http/https/mailto links go to the system browser or mail client instead.
 */
export function lockDownNavigation(app: App, shell: Shell): void {
  const openOutside = (url: string): void => {
    const safe = externalUrl(url);
    if (safe) shell.openExternal(safe).catch((error: unknown) => console.warn('[midad] could not open link outside the app', error));
  };
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event) => {
      event.preventDefault();
      openOutside(event.url);
    });
    contents.on('will-redirect', (event) => {
      if (!event.url.startsWith('midad://app/')) event.preventDefault();
    });
    contents.setWindowOpenHandler(({ url }) => {
      openOutside(url);
      return { action: 'deny' };
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
}

/** Writing plain, sanitized text to the clipboard is the one permission the editor may use. */
const ALLOWED_PERMISSIONS = new Set(['clipboard-sanitized-write']);

/** Camera, microphone, notifications, geolocation…: Midad asks for none of them, so none is granted. */
export function denyPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => callback(ALLOWED_PERMISSIONS.has(permission)));
  session.setPermissionCheckHandler((_contents, permission) => ALLOWED_PERMISSIONS.has(permission));
}

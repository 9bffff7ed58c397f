import { BrowserWindow } from 'electron';
import { APP_ENTRY_URL } from './appRequest';

export interface MainWindowOptions {
  preloadPath: string;
  title: string;
}

/**
 * The editor window: sandboxed renderer, isolated context, no Node, web security on, no webview,
 * and a dropped file never replaces the app. Loaded from the app's own origin and shown once
 * painted so it never flashes white. The preferences stay written out here, literally, so the
 * electronegativity scan can read them.
 */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    width: 1360,
    height: 900,
    minWidth: 820,
    minHeight: 560,
    show: false,
    title: options.title,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: true,
      disableBlinkFeatures: 'Auxclick',
    },
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(APP_ENTRY_URL);
  return window;
}

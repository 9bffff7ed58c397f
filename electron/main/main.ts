import { BrowserWindow, app, dialog, ipcMain, session, shell } from 'electron';
import { join } from 'node:path';
import { Core } from '../core/Core';
import { parseLaunchArgs } from './args';
import { flushRenderer } from './flush';
import { registerIpcHandlers } from './ipc/handle';
import { installApplicationMenu } from './menu';
import { chooseNativeBinding } from './nativeBinding';
import { denyPermissions, lockDownNavigation } from './navigation';
import { handleAppProtocol, registerAppScheme } from './protocol';
import { SafeStorageSecretStore } from './secretStore';
import { configureSpellcheck, installSpellMenu } from './spellcheck';
import { createMainWindow } from './window';

/**
 * App lifecycle only: every rule lives in electron/core. Order matters: the scheme, sandbox and
 * profile path are set before `ready`; the core and IPC exist before the first window loads.
 */
const FLUSH_TIMEOUT_MS = 3000;

// Bundled to dist/electron/main.cjs, beside preload.cjs; the renderer build is dist/renderer.
const distDir = join(__dirname, '..');
const preloadPath = join(__dirname, 'preload.cjs');
const rendererDir = join(distDir, 'renderer');

registerAppScheme();
app.enableSandbox();

const launch = parseLaunchArgs(process.argv, process.env, process.cwd());
if (launch.dataDir) {
  // One Chromium profile and one single-instance lock per data directory: a second data
  // directory (a test, a training copy) runs beside the everyday one instead of focusing it.
  app.setPath('userData', join(launch.dataDir, 'electron-profile'));
}
const dataDir = launch.dataDir ?? join(app.getPath('userData'), 'data');

let core: Core | null = null;
let mainWindow: BrowserWindow | null = null;
const flushedWindows = new WeakSet<BrowserWindow>();
let quitFlushDone = false;
let quitFlushRunning = false;

function fail(titleAr: string, titleEn: string, detail: string): never {
  dialog.showErrorBox(`${titleAr} — ${titleEn}`, detail);
  app.exit(1);
  throw new Error(detail);
}

function openCore(): Core {
  const electronVersion = process.versions.electron ?? 'unknown';
  const binding = chooseNativeBinding(app.isPackaged, app.getAppPath(), electronVersion);
  if (binding.kind === 'missing') {
    console.warn(`[midad] no Electron build of better-sqlite3 at ${binding.expectedPath}; run "node scripts/electron-native.mjs".`);
  }
  try {
    return new Core({ dataDir, secretStore: new SafeStorageSecretStore(dataDir), ...(binding.kind === 'found' ? { nativeBinding: binding.path } : {}) });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const hint = binding.kind === 'missing' ? `\n\nThe database module is not built for Electron. Run: node scripts/electron-native.mjs` : '';
    return fail('تعذّر تشغيل مداد', 'Midad could not start', `Data directory: ${dataDir}\n${reason}${hint}`);
  }
}

/** Bundled `.bdic` files (docs/spelling.md) and the profile folder Chromium reads them from. */
function spellcheckPaths() {
  return {
    bundledDictionaries: app.isPackaged ? join(process.resourcesPath, 'dictionaries') : join(app.getAppPath(), 'build', 'dictionaries'),
    profileDictionaries: join(app.getPath('userData'), 'Dictionaries'),
  };
}

function showMainWindow(): void {
  if (mainWindow && !mainWindow.isDestroyed()) {
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
    return;
  }
  const window = createMainWindow({ preloadPath, title: 'مداد — Midad' });
  // Closing the window in the middle of a sentence: flush the pending save first, then close.
  window.on('close', (event) => {
    if (flushedWindows.has(window)) return;
    event.preventDefault();
    void flushRenderer(window.webContents, FLUSH_TIMEOUT_MS).then((outcome) => {
      if (outcome === 'timeout' || outcome === 'failed') console.warn(`[midad] flush before closing: ${outcome}`);
      flushedWindows.add(window);
      if (!window.isDestroyed()) window.close();
    });
  });
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  window.webContents.on('render-process-gone', (_event, details) => console.error('[midad] renderer gone', details.reason));
  if (core) installSpellMenu(window, core);
  mainWindow = window;
}

async function start(): Promise<void> {
  core = openCore();
  const appCore = core;
  denyPermissions(session.defaultSession);
  handleAppProtocol({ rendererDir, readMedia: (hash) => appCore.readMedia(hash) });
  registerIpcHandlers(ipcMain, appCore, () => (mainWindow && !mainWindow.isDestroyed() ? mainWindow.webContents.mainFrame : null), {
    afterCall: (channel, result) => {
      if (channel === 'settings.update' && result.ok) {
        void installApplicationMenu(appCore);
        void configureSpellcheck(appCore, session.defaultSession, spellcheckPaths());
      }
    },
  });
  await installApplicationMenu(appCore);
  await configureSpellcheck(appCore, session.defaultSession, spellcheckPaths());
  showMainWindow();
  // Approved articles go out in the background, asleep while offline.
  appCore.startSync();
  // The daily backup (when the autoBackup setting is on): now if the last is a day old, then hourly checks.
  appCore.startBackups();
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  lockDownNavigation(app, shell);
  app.on('second-instance', () => showMainWindow());
  app.on('activate', () => {
    if (core) showMainWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  // Quit (menu, Ctrl+Q, OS shutdown): hold it once, let every window write its pending save,
  // then let the quit continue; the windows then close without flushing again.
  app.on('before-quit', (event) => {
    if (quitFlushDone) return;
    event.preventDefault();
    if (quitFlushRunning) return;
    quitFlushRunning = true;
    const windows = BrowserWindow.getAllWindows();
    void Promise.all([
      ...windows.map(async (window) => {
        const outcome = await flushRenderer(window.webContents, FLUSH_TIMEOUT_MS);
        if (outcome === 'timeout' || outcome === 'failed') console.warn(`[midad] flush before quitting: ${outcome}`);
        flushedWindows.add(window);
      }),
      // Requests in flight finish and are recorded (a crash instead is reconciled at next start).
      core?.stopSync().catch((error: unknown) => console.error('[midad] stopping sync failed', error)),
      // A backup being written finishes before the database closes.
      core?.stopBackups().catch((error: unknown) => console.error('[midad] stopping backups failed', error)),
    ]).finally(() => {
      quitFlushDone = true;
      app.quit();
    });
  });
  app.on('will-quit', () => {
    try {
      core?.close();
    } catch (error) {
      console.error('[midad] closing the database failed', error);
    }
    core = null;
  });
  app.whenReady().then(start, (error: unknown) => console.error('[midad] startup failed', error));
}

import type { BrowserWindowConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';

const created: { options: BrowserWindowConstructorOptions; loaded: string[]; shows: number }[] = [];

// No Electron binary runs here: a stand-in BrowserWindow records what the shell asks for.
vi.mock('electron', () => ({
  BrowserWindow: class {
    private readonly record: (typeof created)[number];
    constructor(options: BrowserWindowConstructorOptions) {
      this.record = { options, loaded: [], shows: 0 };
      created.push(this.record);
    }
    once(event: string, listener: () => void) {
      if (event === 'ready-to-show') listener();
    }
    show() {
      this.record.shows += 1;
    }
    loadURL(url: string) {
      this.record.loaded.push(url);
      return Promise.resolve();
    }
  },
}));

describe('createMainWindow', () => {
  it('does sandbox the renderer, isolate its context, keep Node out and load the app origin', async () => {
    const { createMainWindow } = await import('../../../../electron/main/window');
    createMainWindow({ preloadPath: '/app/dist/electron/preload.cjs', title: 'مداد — Midad' });
    const window = created.at(-1)!;
    expect(window.options.webPreferences).toMatchObject({
      preload: '/app/dist/electron/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
    });
    expect(window.options.show).toBe(false);
    expect(window.shows).toBe(1);
    expect(window.loaded).toEqual(['midad://app/index.html']);
  });
});

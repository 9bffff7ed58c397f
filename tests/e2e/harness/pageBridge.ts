// Injected into every harness page before the renderer runs: builds `window.midad` with the
// same bridge builder as the Electron preload, over the Playwright binding instead of IPC.
import { buildBridge } from '../../../shared/ipc/bridge';
import type { Result } from '../../../shared/errors';

declare global {
  interface Window {
    __midadInvoke: (channel: string, payload: unknown) => Promise<Result<unknown>>;
  }
}

Object.defineProperty(window, 'midad', {
  value: Object.freeze(buildBridge((channel, payload) => window.__midadInvoke(channel, payload))),
  writable: false,
  configurable: false,
});

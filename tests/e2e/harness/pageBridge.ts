// Injected into every harness page before the renderer runs: builds `window.midad` with the
// same bridge builder as the Electron preload, over the Playwright binding instead of IPC.
import { buildBridge } from '../../../shared/ipc/bridge';
import type { Result } from '../../../shared/errors';

declare global {
  interface Window {
    /** The Playwright binding: JSON text both ways (see MidadHarness). */
    __midadInvoke: (channel: string, payloadJson: string) => Promise<string>;
  }
}

// Payloads cross the binding as JSON text: Playwright's own argument serializer walks objects
// node by node, which for a 20,000-word ProseMirror document costs ~100 ms per call, while a
// string crosses in a few. Electron's IPC (structured clone) needs no such step.
async function invoke(channel: string, payload: unknown): Promise<Result<unknown>> {
  return JSON.parse(await window.__midadInvoke(channel, JSON.stringify(payload ?? {}))) as Result<unknown>;
}

Object.defineProperty(window, 'midad', {
  value: Object.freeze(buildBridge(invoke)),
  writable: false,
  configurable: false,
});

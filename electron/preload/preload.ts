import { contextBridge, ipcRenderer } from 'electron';
import { buildBridge } from '../../shared/ipc/bridge';
import type { Result } from '../../shared/errors';

// `window.midad`, built from the shared contract over one generic invoke. No logic here: the
// main process checks the sender and validates every payload. A sandboxed preload may only
// require 'electron'; esbuild bundles the rest into dist/electron/preload.cjs.
contextBridge.exposeInMainWorld(
  'midad',
  buildBridge((channel, payload) => ipcRenderer.invoke(channel, payload) as Promise<Result<unknown>>),
);

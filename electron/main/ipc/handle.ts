import type { IpcMain, IpcMainInvokeEvent, WebFrameMain } from 'electron';
import { channels, type Channel } from '../../../shared/ipc/contract';
import { ErrorCode, type ErrorPayload, type Result } from '../../../shared/errors';
import type { CallContext } from '../../core/CallContext';
import type { Core } from '../../core/Core';
import { auditDenial, dispatch } from '../../core/ipc/dispatch';
import { APP_ORIGIN } from '../appRequest';

/** The parts of a frame the sender check looks at (a `WebFrameMain` in the app, a plain object in tests). */
export type FrameIdentity = Pick<WebFrameMain, 'url' | 'processId' | 'frameToken'>;

/** The slice of `ipcMain` used here, so tests can pass a fake. */
export type IpcMainLike = Pick<IpcMain, 'handle' | 'removeHandler'>;

export interface IpcHandlerOptions {
  /** Who is calling: the signed-in user once accounts exist; the local actor until then. */
  resolveContext?: () => CallContext;
  /** Told after every call that reached the core (the menu follows `settings.update`). */
  afterCall?: (channel: Channel, result: Result<unknown>) => void;
  /** Where unexpected errors go; the renderer only ever sees a coded message. */
  logError?: (channel: string, error: unknown) => void;
}

const BAD_SENDER: { ok: false; error: ErrorPayload } = {
  ok: false,
  error: {
    code: ErrorCode.BAD_SENDER,
    message: 'This call did not come from the Midad window and was refused.',
    messageAr: 'رُفض هذا الطلب لأنه لم يصدر عن نافذة مداد.',
  },
};

const INTERNAL: Result<never> = {
  ok: false,
  error: {
    code: ErrorCode.INTERNAL,
    message: 'Something went wrong inside Midad. Your text is kept in the editor; try again.',
    messageAr: 'حدث خطأ داخل مداد. يبقى نصك في المحرر؛ أعد المحاولة.',
  },
};

/** The sender's URL for the audit log, or a placeholder when the frame is gone. */
function safeFrameUrl(frame: FrameIdentity | null | undefined): string {
  try {
    return frame?.url.slice(0, 200) ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/** True when `frame` is the app window's own main frame, showing a page of the app origin. */
export function isTrustedSender(frame: FrameIdentity | null | undefined, mainFrame: FrameIdentity | null | undefined): boolean {
  if (!frame || !mainFrame) return false;
  try {
    // A frame that went away while the call was in flight throws on access: refused too.
    if (frame.processId !== mainFrame.processId || frame.frameToken !== mainFrame.frameToken) return false;
    const url = new URL(frame.url);
    return `${url.protocol}//${url.host}` === APP_ORIGIN;
  } catch {
    return false;
  }
}

/**
 * Registers one `ipcMain.handle` per contract channel. Each call is checked for its sender
 * frame, then validated and run by `dispatch`; the answer is always a `Result`, so a raw error
 * (with its stack and paths) never crosses IPC. Returns a function removing the handlers.
 */
export function registerIpcHandlers(
  ipcMain: IpcMainLike,
  core: Core,
  getMainFrame: () => FrameIdentity | null | undefined,
  options: IpcHandlerOptions = {},
): () => void {
  const resolveContext = options.resolveContext ?? (() => core.sessionContext());
  const logError = options.logError ?? ((channel: string, error: unknown) => console.error(`[midad] ${channel} failed`, error));
  for (const channel of channels) {
    ipcMain.handle(channel, async (event: IpcMainInvokeEvent, payload: unknown): Promise<Result<unknown>> => {
      if (!isTrustedSender(event.senderFrame, getMainFrame())) {
        auditDenial(core, channel, { actor: `frame:${safeFrameUrl(event.senderFrame)}`, user: null }, BAD_SENDER.error, undefined);
        return BAD_SENDER;
      }
      try {
        const result = await dispatch(core, channel, payload, resolveContext(), { logError });
        options.afterCall?.(channel, result);
        return result;
      } catch (error) {
        logError(channel, error);
        return INTERNAL;
      }
    });
  }
  return () => {
    for (const channel of channels) ipcMain.removeHandler(channel);
  };
}

import { contract, isChannel, type Channel } from '../../../shared/ipc/contract';
import { ErrorCode, MidadError, type ErrorPayload, type Result } from '../../../shared/errors';
import type { CallContext } from '../CallContext';
import type { Core, Handler } from '../Core';
import { fromSqliteError } from '../db/sqliteErrors';

export interface DispatchOptions {
  /** Also check responses against the contract (tests and the harness; a bug guard). */
  validateResponses?: boolean;
  /** Where unexpected errors are reported; the renderer only ever gets a coded message. */
  logError?: (channel: string, error: unknown) => void;
}

function validationError(channel: string, issues: { path: PropertyKey[]; message: string }[]): ErrorPayload {
  const list = issues
    .slice(0, 10)
    .map((issue) => `${issue.path.map(String).join('.') || '(payload)'}: ${issue.message}`)
    .join('; ');
  return {
    code: ErrorCode.VALIDATION,
    message: `Invalid request to ${channel}: ${list}`,
    messageAr: `طلب غير صالح إلى ${channel}: ${list}`,
    detail: { channel, issues: issues.slice(0, 10).map((issue) => ({ path: issue.path.map(String), message: issue.message })) },
  };
}

export function toErrorPayload(error: unknown, databaseFile: string): ErrorPayload {
  if (error instanceof MidadError) return error.toPayload();
  const fromSqlite = fromSqliteError(error, databaseFile);
  if (fromSqlite) return fromSqlite.toPayload();
  return {
    code: ErrorCode.INTERNAL,
    message: 'Something went wrong inside Midad. Your text is kept in the editor; try again, and if it persists run "midad doctor".',
    messageAr: 'حدث خطأ داخل مداد. يبقى نصك في المحرر؛ أعد المحاولة، وإن تكرر شغّل ‎"midad doctor"‎.',
  };
}

/**
 * The one path from an untrusted caller into the core: checks the channel, parses the payload
 * with the contract's schema, calls the handler and turns every failure into a coded error.
 * Nothing thrown here ever reaches the caller raw.
 */
export async function dispatch(
  core: Core,
  channel: unknown,
  payload: unknown,
  ctx: CallContext,
  options: DispatchOptions = {},
): Promise<Result<unknown>> {
  if (!isChannel(channel)) {
    const name = typeof channel === 'string' ? channel.slice(0, 100) : typeof channel;
    return {
      ok: false,
      error: { code: ErrorCode.UNKNOWN_CHANNEL, message: `Unknown channel ${name}.`, messageAr: `قناة غير معروفة ${name}.` },
    };
  }
  const spec = contract[channel];
  const parsed = spec.request.safeParse(payload);
  if (!parsed.success) return { ok: false, error: validationError(channel, parsed.error.issues) };
  try {
    const handler = core.handlers[channel] as Handler<Channel>;
    const value = await handler(parsed.data as never, ctx);
    if (options.validateResponses) {
      const checked = spec.response.safeParse(value);
      if (!checked.success) throw new Error(`response of ${channel} breaks the contract: ${checked.error.message}`);
    }
    return { ok: true, value };
  } catch (error) {
    const payloadError = toErrorPayload(error, core.databaseFile);
    if (payloadError.code === ErrorCode.INTERNAL) options.logError?.(channel, error);
    return { ok: false, error: payloadError };
  }
}

import { accessOf, contract, isChannel, type Channel } from '../../../shared/ipc/contract';
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

/** Every refused call is written to the audit log: who tried what, on which article, and why. */
export function auditDenial(core: Core, channel: string, ctx: CallContext, error: ErrorPayload, payload: unknown): void {
  try {
    const request = typeof payload === 'object' && payload !== null ? (payload as { id?: unknown; articleId?: unknown }) : {};
    // A call addressed by another id (revisions.restore takes a revision) names the article in the refusal's detail.
    const candidates = [request.articleId, request.id, error.detail?.articleId, error.detail?.id];
    const articleId = candidates.find((value): value is string => typeof value === 'string' && /^[0-9a-f-]{36}$/.test(value)) ?? null;
    core.open.audit({
      actor: ctx.actor,
      action: 'denied',
      articleId,
      detail: { channel, code: error.code, role: ctx.user?.role ?? null, reason: error.message },
    });
  } catch {
    // The database itself is failing; the caller still gets the refusal.
  }
}

/**
 * The channel's access level against the caller: public channels are open to all; the rest
 * need a signed-in, unlocked user; admin channels need an admin (a refusal is audited).
 */
function checkAccess(core: Core, channel: Channel, ctx: CallContext): ErrorPayload | null {
  const access = accessOf(channel);
  if (access === 'public') return null;
  if (core.databaseError) return core.databaseError.toPayload();
  if (!ctx.user) {
    const session = core.open.session;
    const error: ErrorPayload =
      session.current() && session.isLocked()
        ? { code: ErrorCode.SESSION_LOCKED, message: 'The session is locked: enter your password to continue.', messageAr: 'الجلسة مقفلة: أدخل كلمة المرور للمتابعة.' }
        : { code: ErrorCode.NOT_SIGNED_IN, message: 'Sign in first.', messageAr: 'سجّل الدخول أولًا.' };
    auditDenial(core, channel, ctx, error, undefined);
    return error;
  }
  if (access === 'admin' && ctx.user.role !== 'admin') {
    const error: ErrorPayload = {
      code: ErrorCode.FORBIDDEN,
      message: 'Only an admin may do this.',
      messageAr: 'هذا الإجراء للمدير وحده.',
    };
    auditDenial(core, channel, ctx, error, undefined);
    return error;
  }
  return null;
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
  const denied = checkAccess(core, channel, ctx);
  if (denied) return { ok: false, error: denied };
  const parsed = spec.request.safeParse(payload);
  if (!parsed.success) return { ok: false, error: validationError(channel, parsed.error.issues) };
  try {
    if (accessOf(channel) !== 'public' && ctx.user?.id) core.open.session.touch();
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
    if (payloadError.code === ErrorCode.FORBIDDEN) auditDenial(core, channel, ctx, payloadError, payload);
    return { ok: false, error: payloadError };
  }
}

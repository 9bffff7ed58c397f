import type { Core } from '../../../../../electron/core/Core';
import { dispatch } from '../../../../../electron/core/ipc/dispatch';
import type { UserSummary } from '../../../../../shared/domain/user';
import type { DocNode } from '../../../../../shared/editor/docSchema';
import type { Result } from '../../../../../shared/errors';
import type { Channel, RequestOf, ResponseOf } from '../../../../../shared/ipc/contract';
import { signInAs, tempCore } from '../../../../support/tempCore';

/** A newsroom on a real core: an admin, two editors and two reviewers (one of them disabled later if a test wants). */
export async function deskCore(startAt?: Date) {
  const made = tempCore(startAt);
  const { core } = made;
  const admin = (await signInAs(core, 'مديرة التحرير', 'admin')).user;
  const editor = (await signInAs(core, 'سلمى الكاتبة', 'editor')).user;
  const otherEditor = (await signInAs(core, 'كريم المراسل', 'editor')).user;
  const reviewer = (await signInAs(core, 'يوسف المدقق', 'reviewer')).user;
  const otherReviewer = (await signInAs(core, 'ليلى المراجعة', 'reviewer')).user;
  /** Makes `user` the signed-in user of the core's session: the next calls act as them. */
  const as = (user: UserSummary) => core.open.session.signIn(user);
  return { ...made, users: { admin, editor, otherEditor, reviewer, otherReviewer }, as };
}

/** A call as the renderer makes it, through dispatch with the session's user; throws on failure. */
export async function call<C extends Channel>(core: Core, channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
  const result = (await dispatch(core, channel, request, core.sessionContext(), { validateResponses: true })) as Result<ResponseOf<C>>;
  if (!result.ok) throw Object.assign(new Error(`${channel}: ${result.error.code} ${result.error.message}`), { code: result.error.code });
  return result.value;
}

/** A call expected to fail: the coded error. The request is `unknown` so hand-crafted payloads go through as-is. */
export async function callError(core: Core, channel: Channel, request: unknown): Promise<{ code: string; message: string; messageAr: string; detail?: Record<string, unknown> }> {
  const result = await dispatch(core, channel, request, core.sessionContext());
  if (result.ok) throw new Error(`expected ${channel} to fail`);
  return result.error;
}

export interface AuditRow {
  id: number;
  at: string;
  actor: string;
  action: string;
  article_id: string | null;
  from_status: string | null;
  to_status: string | null;
  detail: string | null;
}

export function auditRows(core: Core, where = '1 = 1', ...params: unknown[]): AuditRow[] {
  return core.open.db.prepare(`SELECT * FROM audit WHERE ${where} ORDER BY id`).all(...params) as AuditRow[];
}

export function paragraphs(...texts: string[]): DocNode {
  return { type: 'doc', content: texts.map((text) => ({ type: 'paragraph', attrs: { dir: 'rtl' }, content: [{ type: 'text', text }] })) };
}

/** A paragraph whose middle sentence carries a comment mark. */
export function commentedParagraph(before: string, marked: string, after: string, commentId: string): DocNode {
  return {
    type: 'paragraph',
    attrs: { dir: 'rtl' },
    content: [
      { type: 'text' as const, text: before },
      { type: 'text' as const, text: marked, marks: [{ type: 'comment' as const, attrs: { id: commentId } }] },
      { type: 'text' as const, text: after },
    ].filter((node) => node.text !== ''),
  };
}

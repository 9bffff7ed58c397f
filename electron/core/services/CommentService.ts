import type { Database } from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import type { DocNode } from '../../../shared/editor/docSchema';
import { ErrorCode, MidadError } from '../../../shared/errors';
import type { Comment } from '../../../shared/ipc/channels/desk';
import { stripBidiControls } from '../../../shared/text/arabic';
import type { CallContext } from '../CallContext';
import { selectArticleHead, selectBodyJson, type ArticleHead } from '../db/queries/articles';
import { appendAudit } from '../db/queries/audit';
import { insertComment, listCommentRows, selectComment, setCommentResolved, type CommentRow } from '../db/queries/comments';
import { forbidden, workflowActor } from './ArticleService';

export interface AddCommentRequest {
  id: string;
  articleId: string;
  parentId?: string;
  body: string;
  quote?: string;
  anchored?: boolean;
}

function invalid(message: string, messageAr: string, detail?: Record<string, unknown>): MidadError {
  return new MidadError(ErrorCode.VALIDATION, message, messageAr, detail);
}

/** The ids carried by `comment` marks in a stored body: the anchors still in the text. */
export function commentAnchorIds(bodyJson: string): Set<string> {
  const ids = new Set<string>();
  // Most bodies carry no comment at all; skip parsing a long article for nothing.
  if (!bodyJson.includes('"comment"')) return ids;
  const walk = (node: DocNode): void => {
    for (const mark of node.marks ?? []) {
      if (mark.type === 'comment' && typeof mark.attrs?.id === 'string') ids.add(mark.attrs.id);
    }
    for (const child of node.content ?? []) walk(child);
  };
  walk(JSON.parse(bodyJson) as DocNode);
  return ids;
}

function rowToComment(row: CommentRow, anchors: Set<string>): Comment {
  const anchored = row.anchored === 1;
  return {
    id: row.id,
    articleId: row.article_id,
    parentId: row.parent_id,
    authorId: row.author_id,
    authorName: row.author_name,
    body: row.body,
    quote: row.quote,
    anchored,
    detached: anchored && !anchors.has(row.id),
    resolvedAt: row.resolved_at,
    resolvedByName: row.resolved_by_name,
    createdAt: row.created_at,
  };
}

/**
 * Desk comments: threads on an article, either anchored to a range of its text (a `comment`
 * mark in the body carries the comment's id) or general. A comment whose marked text has been
 * deleted is kept and reported as detached. Comments never leave Midad: the mark is dropped
 * from the exported HTML and nothing here is published.
 */
export class CommentService {
  constructor(
    private readonly db: Database,
    private readonly clock: () => Date,
  ) {}

  /** Editors see the comments on their own articles; reviewers and admins on every article. */
  private readableHead(ctx: CallContext, articleId: string): ArticleHead {
    const head = selectArticleHead(this.db, articleId);
    if (!head) throw new MidadError(ErrorCode.NOT_FOUND, `Article ${articleId} does not exist.`, `المقال ${articleId} غير موجود.`, { id: articleId });
    const actor = workflowActor(ctx);
    if (actor.role === 'editor' && head.author_id !== actor.userId) throw forbidden('not_owner', { id: articleId });
    return head;
  }

  private anchors(articleId: string): Set<string> {
    return commentAnchorIds(selectBodyJson(this.db, articleId) ?? '{}');
  }

  /** Threads in order: each top-level comment (oldest first) followed by its replies. */
  list(ctx: CallContext, articleId: string): Comment[] {
    this.readableHead(ctx, articleId);
    const rows = listCommentRows(this.db, articleId);
    const anchors = rows.some((row) => row.anchored === 1) ? this.anchors(articleId) : new Set<string>();
    const replies = new Map<string, CommentRow[]>();
    for (const row of rows) {
      if (row.parent_id === null) continue;
      const thread = replies.get(row.parent_id) ?? [];
      thread.push(row);
      replies.set(row.parent_id, thread);
    }
    const ordered: Comment[] = [];
    for (const row of rows) {
      if (row.parent_id !== null) continue;
      ordered.push(rowToComment(row, anchors));
      for (const reply of replies.get(row.id) ?? []) ordered.push(rowToComment(reply, anchors));
    }
    return ordered;
  }

  private one(id: string): Comment {
    const row = selectComment(this.db, id);
    if (!row) throw new MidadError(ErrorCode.NOT_FOUND, 'There is no such comment.', 'لا يوجد تعليق بهذا المعرّف.', { id });
    return rowToComment(row, row.anchored === 1 ? this.anchors(row.article_id) : new Set());
  }

  add(ctx: CallContext, request: AddCommentRequest): Comment {
    return this.db.transaction((): Comment => {
      this.readableHead(ctx, request.articleId);
      if (selectComment(this.db, request.id)) {
        throw new MidadError(ErrorCode.ALREADY_EXISTS, 'A comment with this id already exists.', 'يوجد تعليق بهذا المعرّف مسبقًا.', { id: request.id });
      }
      const anchored = request.anchored ?? false;
      if (request.parentId !== undefined) {
        const parent = selectComment(this.db, request.parentId);
        if (!parent || parent.article_id !== request.articleId) {
          throw invalid('The comment being answered is not on this article.', 'التعليق الذي تردّ عليه ليس على هذا المقال.', { parentId: request.parentId });
        }
        if (parent.parent_id !== null) {
          throw invalid('Reply to the first comment of the thread.', 'ردّ على أول تعليق في السلسلة.', { parentId: request.parentId });
        }
        if (anchored) throw invalid('A reply belongs to its thread and cannot be anchored to the text.', 'الرد جزء من سلسلته ولا يُربط بالنص.');
      }
      const now = this.clock().toISOString();
      const actor = ctx.actor;
      insertComment(this.db, {
        id: request.id,
        article_id: request.articleId,
        parent_id: request.parentId ?? null,
        author_id: actor,
        body: stripBidiControls(request.body),
        quote: anchored ? stripBidiControls(request.quote ?? '') : '',
        anchored: anchored ? 1 : 0,
        created_at: now,
      });
      appendAudit(this.db, now, {
        actor,
        action: 'comment.add',
        articleId: request.articleId,
        detail: { commentId: request.id, ...(request.parentId ? { parentId: request.parentId } : {}), anchored },
      });
      return this.one(request.id);
    })();
  }

  /**
   * A general comment written by the workflow (the note of a change request), inside the
   * caller's transaction; the workflow has already checked who may act.
   */
  addNote(ctx: CallContext, articleId: string, body: string, now: string): string {
    const id = randomUUID();
    insertComment(this.db, { id, article_id: articleId, parent_id: null, author_id: ctx.actor, body: stripBidiControls(body), quote: '', anchored: 0, created_at: now });
    return id;
  }

  /** Resolves or reopens a thread (addressed by its first comment). */
  resolve(ctx: CallContext, id: string, resolved: boolean): Comment {
    return this.db.transaction((): Comment => {
      const row = selectComment(this.db, id);
      if (!row) throw new MidadError(ErrorCode.NOT_FOUND, 'There is no such comment.', 'لا يوجد تعليق بهذا المعرّف.', { id });
      this.readableHead(ctx, row.article_id);
      if (row.parent_id !== null) throw invalid('Resolve the thread from its first comment.', 'احسم السلسلة من أول تعليق فيها.', { id });
      if ((row.resolved_at !== null) !== resolved) {
        const now = this.clock().toISOString();
        setCommentResolved(this.db, id, resolved ? ctx.actor : null, now);
        appendAudit(this.db, now, { actor: ctx.actor, action: resolved ? 'comment.resolve' : 'comment.reopen', articleId: row.article_id, detail: { commentId: id } });
      }
      return this.one(id);
    })();
  }
}

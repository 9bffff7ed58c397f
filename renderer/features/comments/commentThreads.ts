import type { Comment } from '../../../shared/ipc/channels/desk';

export interface CommentThread {
  root: Comment;
  replies: Comment[];
}

/** The core's flat list (each first comment followed by its replies) as threads, in its order. */
export function commentThreads(comments: readonly Comment[]): CommentThread[] {
  const threads: CommentThread[] = [];
  const byId = new Map<string, CommentThread>();
  for (const comment of comments) {
    if (comment.parentId === null) {
      const thread = { root: comment, replies: [] };
      threads.push(thread);
      byId.set(comment.id, thread);
    } else {
      byId.get(comment.parentId)?.replies.push(comment);
    }
  }
  return threads;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The stylesheet that tones down the anchors of resolved threads and brings out the active
 * one. Ids are checked to be uuids before they go into a selector.
 */
export function anchorStyles(threads: readonly CommentThread[], activeId: string | null): string {
  const rules: string[] = [];
  const resolved = threads.filter((thread) => thread.root.resolvedAt !== null && UUID.test(thread.root.id));
  if (resolved.length > 0) {
    rules.push(`${resolved.map((thread) => `.article-body [data-comment-id="${thread.root.id}"]`).join(',')}{background:none;border-block-end-color:transparent}`);
  }
  if (activeId && UUID.test(activeId)) {
    rules.push(`.article-body [data-comment-id="${activeId}"]{background:var(--comment-active);border-block-end-color:var(--comment-line-active)}`);
  }
  return rules.join('\n');
}

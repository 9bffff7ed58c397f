import type { Editor } from '@tiptap/core';
import { memo, useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Comment } from '../../../shared/ipc/channels/desk';
import { ApiError } from '../../api';
import { deskApi } from '../../api/desk';
import { commentRanges } from '../../editor/extensions/comment/commentRanges';
import { currentLanguage } from '../../i18n';
import { useStore } from '../../lib/store';
import type { ArticleSession } from '../article/ArticleSession';
import { notifyDeskChanged } from '../desk/deskChanges';
import { formatWhen } from '../desk/formatWhen';
import { anchorStyles, commentThreads, type CommentThread } from './commentThreads';
import { newCommentId } from './newCommentId';

export interface CommentsPanelProps {
  session: ArticleSession;
  editor: Editor;
  /** Bumped by the toolbar button and Ctrl+Alt+M: start a comment on the editor's selection. */
  startToken: number;
}

type Draft = { anchored: true; from: number; to: number; quote: string } | { anchored: false };

const MAX_QUOTE = 2000;

/**
 * The article's comment threads: anchored ones (a `comment` mark in the body carries the id,
 * highlighted in the text) and general ones (among them the desk's change-request notes).
 * Replies, resolve and reopen; a thread whose words were deleted is marked detached.
 */
export const CommentsPanel = memo(function CommentsPanel({ session, editor, startToken }: CommentsPanelProps) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const [comments, setComments] = useState<Comment[]>([]);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [hint, setHint] = useState<string | null>(null);
  const [showResolved, setShowResolved] = useState(true);
  const [activeId, setActiveId] = useState<string | null>(null);
  const ids = { heading: useId(), draft: useId(), showResolved: useId() };
  const draftRef = useRef<HTMLTextAreaElement>(null);
  const articleId = session.article.id;
  const canAnchor = session.article.permissions.canEdit;

  const reload = useCallback(async () => {
    try {
      setComments(await deskApi.comments(articleId));
      setLoadError(null);
    } catch (caught) {
      setLoadError(t('comments.loadError', { message: ApiError.from(caught).localized(currentLanguage(i18n)) }));
    }
  }, [articleId, t, i18n]);

  useEffect(() => {
    void reload();
  }, [reload]);

  // Anchors are read from the stored body: after a save, a deleted anchor becomes detached.
  const { state: saveState } = useStore(session.save);
  const hasAnchored = comments.some((comment) => comment.anchored);
  useEffect(() => {
    if (saveState.kind === 'saved' && hasAnchored) void reload();
  }, [saveState, hasAnchored, reload]);

  const startAnchored = useCallback(() => {
    setError(null);
    if (!canAnchor) {
      setHint(t('comments.readOnlyAnchor'));
      return;
    }
    const { from, to, empty } = editor.state.selection;
    const quote = empty ? '' : editor.state.doc.textBetween(from, to, ' ').trim();
    if (!quote) {
      setHint(t('comments.selectFirst'));
      return;
    }
    setHint(null);
    setText('');
    setDraft({ anchored: true, from, to, quote: quote.slice(0, MAX_QUOTE) });
  }, [canAnchor, editor, t]);

  const startGeneral = () => {
    setError(null);
    setHint(null);
    setText('');
    setDraft({ anchored: false });
  };

  // Only a request made while this article is open starts a draft (not the count carried
  // over from an earlier article, nor a change of the callback).
  const startRef = useRef(startAnchored);
  startRef.current = startAnchored;
  const seenToken = useRef(startToken);
  useEffect(() => {
    if (startToken === seenToken.current) return;
    seenToken.current = startToken;
    startRef.current();
  }, [startToken]);

  useEffect(() => {
    if (draft) draftRef.current?.focus();
  }, [draft]);

  const post = async () => {
    if (!draft) return;
    const body = text.trim();
    if (!body) return;
    setBusy(true);
    setError(null);
    let marked = false;
    const id = newCommentId();
    try {
      if (draft.anchored) {
        const size = editor.state.doc.content.size;
        const from = Math.min(draft.from, size);
        const to = Math.min(draft.to, size);
        marked = editor.chain().setTextSelection({ from, to }).setComment(id).run();
        // The body with the anchor is stored first, so the comment is never listed as detached.
        await session.queue.flush();
      }
      await deskApi.addComment({ id, articleId, body, ...(draft.anchored ? { quote: draft.quote, anchored: true } : {}) });
      setDraft(null);
      setText('');
      setActiveId(draft.anchored ? id : null);
      notifyDeskChanged();
      await reload();
    } catch (caught) {
      if (marked && !editor.isDestroyed) editor.commands.unsetComment(id);
      setError(t('comments.saveError', { message: ApiError.from(caught).localized(language) }));
    } finally {
      setBusy(false);
    }
  };

  const reply = async (thread: CommentThread, body: string): Promise<boolean> => {
    try {
      await deskApi.addComment({ id: newCommentId(), articleId, parentId: thread.root.id, body });
      await reload();
      return true;
    } catch (caught) {
      setError(t('comments.saveError', { message: ApiError.from(caught).localized(language) }));
      return false;
    }
  };

  const resolve = async (thread: CommentThread, resolved: boolean) => {
    try {
      await deskApi.resolveComment(thread.root.id, resolved);
      await reload();
    } catch (caught) {
      setError(t('comments.saveError', { message: ApiError.from(caught).localized(language) }));
    }
  };

  const goTo = (thread: CommentThread) => {
    setActiveId(thread.root.id);
    const range = commentRanges(editor.state.doc).get(thread.root.id);
    if (!range) return;
    editor.chain().setTextSelection(range).scrollIntoView().run();
    // Scroll the anchor itself into the middle of the column, not just to its edge.
    const anchor = editor.view.dom.querySelector(`[data-comment-id="${thread.root.id}"]`);
    anchor?.scrollIntoView({ block: 'center' });
  };

  const threads = useMemo(() => commentThreads(comments), [comments]);
  const shown = showResolved ? threads : threads.filter((thread) => thread.root.resolvedAt === null);
  const styles = useMemo(() => anchorStyles(threads, activeId), [threads, activeId]);

  return (
    <section className="comments" aria-labelledby={ids.heading} data-testid="comments-panel">
      {styles && <style data-testid="comment-anchor-styles">{styles}</style>}
      <div className="comments__head">
        <h2 id={ids.heading} className="meta__title">{t('comments.label')}</h2>
        <div className="comments__add">
          <button type="button" className="button" data-testid="comment-add-anchored" title={t('comments.addOnSelectionShortcut')}
            onMouseDown={(event) => event.preventDefault()} onClick={startAnchored} disabled={busy}>
            {t('comments.addOnSelection')}
          </button>
          <button type="button" className="button" data-testid="comment-add-general" onClick={startGeneral} disabled={busy}>{t('comments.addGeneral')}</button>
        </div>
      </div>
      {hint && <p className="comments__hint" role="status" data-testid="comment-hint">{hint}</p>}
      {draft && (
        <form className="comments__draft" data-testid="comment-draft" onSubmit={(event) => {
          event.preventDefault();
          void post();
        }}>
          <p className="comments__draft-title">
            {draft.anchored ? t('comments.newTitleAnchored', { quote: draft.quote.length > 80 ? `${draft.quote.slice(0, 80)}…` : draft.quote }) : t('comments.newTitleGeneral')}
          </p>
          <label htmlFor={ids.draft} className="visually-hidden">{t('comments.bodyLabel')}</label>
          <textarea id={ids.draft} ref={draftRef} rows={3} dir="auto" maxLength={10_000} value={text} placeholder={t('comments.placeholder')}
            data-testid="comment-draft-body" onChange={(event) => setText(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
                event.preventDefault();
                void post();
              }
            }} />
          <div className="dialog__actions">
            <button type="button" className="button" onClick={() => setDraft(null)}>{t('comments.cancel')}</button>
            <button type="submit" className="button button--primary" disabled={busy || !text.trim()} data-testid="comment-draft-post">{t('comments.post')}</button>
          </div>
        </form>
      )}
      {error && <p className="form-error" role="alert" data-testid="comment-error">{error}</p>}
      {loadError && <p className="form-error" role="alert">{loadError}</p>}
      {threads.some((thread) => thread.root.resolvedAt !== null) && (
        <label className="choice comments__filter">
          <input id={ids.showResolved} type="checkbox" checked={showResolved} data-testid="comments-show-resolved" onChange={(event) => setShowResolved(event.target.checked)} />
          {t('comments.showResolved')}
        </label>
      )}
      {threads.length === 0 && !loadError && <p className="comments__empty">{t('comments.empty')}</p>}
      <ul className="comments__threads" data-testid="comment-threads">
        {shown.map((thread) => (
          <ThreadItem key={thread.root.id} thread={thread} active={thread.root.id === activeId} language={language}
            onGoTo={goTo} onReply={reply} onResolve={resolve} />
        ))}
      </ul>
    </section>
  );
});

interface ThreadItemProps {
  thread: CommentThread;
  active: boolean;
  language: 'ar' | 'en';
  onGoTo: (thread: CommentThread) => void;
  onReply: (thread: CommentThread, body: string) => Promise<boolean>;
  onResolve: (thread: CommentThread, resolved: boolean) => Promise<void>;
}

function ThreadItem({ thread, active, language, onGoTo, onReply, onResolve }: ThreadItemProps) {
  const { t } = useTranslation();
  const [replying, setReplying] = useState(false);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const replyId = useId();
  const { root, replies } = thread;
  const resolved = root.resolvedAt !== null;
  const sendReply = async () => {
    const body = text.trim();
    if (!body) return;
    setBusy(true);
    if (await onReply(thread, body)) {
      setText('');
      setReplying(false);
    }
    setBusy(false);
  };
  return (
    <li className={`comment-thread${active ? ' is-active' : ''}${resolved ? ' is-resolved' : ''}${root.detached ? ' is-detached' : ''}`}
      data-testid="comment-thread" data-comment-id={root.id} data-resolved={resolved} data-detached={root.detached} data-anchored={root.anchored}>
      {root.anchored ? (
        root.detached ? (
          <p className="comment-thread__quote is-detached">
            <span className="badge badge--detached" data-testid="comment-detached">{t('comments.detached')}</span>{' '}
            <q dir="auto">{root.quote}</q>
          </p>
        ) : (
          <button type="button" className="comment-thread__quote" data-testid="comment-thread-quote" title={t('comments.goToText')} onClick={() => onGoTo(thread)}>
            <q dir="auto">{root.quote}</q>
          </button>
        )
      ) : (
        <p className="comment-thread__quote"><span className="badge badge--general">{t('comments.general')}</span></p>
      )}
      {[root, ...replies].map((comment) => (
        <div key={comment.id} className={`comment${comment.parentId ? ' comment--reply' : ''}`} data-testid={comment.parentId ? 'comment-reply-item' : 'comment-body'}>
          <p className="comment__meta">
            <span className="comment__author" dir="auto">{comment.authorName}</span>{' '}
            <time dateTime={comment.createdAt}>{formatWhen(new Date(comment.createdAt), language)}</time>
          </p>
          <p className="comment__text" dir="auto">{comment.body}</p>
        </div>
      ))}
      {resolved && root.resolvedByName && <p className="comment-thread__resolved">{t('comments.resolvedBy', { name: root.resolvedByName })}</p>}
      {replying && (
        <form className="comment-thread__reply" onSubmit={(event) => {
          event.preventDefault();
          void sendReply();
        }}>
          <label htmlFor={replyId} className="visually-hidden">{t('comments.replyLabel')}</label>
          <textarea id={replyId} rows={2} dir="auto" maxLength={10_000} value={text} autoFocus data-testid="comment-reply-body" onChange={(event) => setText(event.target.value)} />
          <div className="dialog__actions">
            <button type="button" className="button" onClick={() => setReplying(false)}>{t('comments.cancel')}</button>
            <button type="submit" className="button button--primary" disabled={busy || !text.trim()} data-testid="comment-reply-post">{t('comments.replyPost')}</button>
          </div>
        </form>
      )}
      <div className="comment-thread__actions">
        {!replying && <button type="button" className="button button--quiet" data-testid="comment-reply" onClick={() => setReplying(true)}>{t('comments.reply')}</button>}
        <button type="button" className="button button--quiet" data-testid={resolved ? 'comment-reopen' : 'comment-resolve'} onClick={() => void onResolve(thread, !resolved)}>
          {resolved ? t('comments.reopen') : t('comments.resolve')}
        </button>
      </div>
    </li>
  );
}

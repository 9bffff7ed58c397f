import { createDocument, type Editor, type JSONContent } from '@tiptap/core';
import { EditorState } from '@tiptap/pm/state';
import type { Article, ArticlePatch } from '../../../shared/domain/article';
import type { DocNode } from '../../../shared/editor/docSchema';
import { api } from '../../api';
import { createStore, type Store } from '../../lib/store';
import { registerFlusher, trackPending } from '../save/flushRegistry';
import { SaveQueue, type SaveResponse, type SaveState } from '../save/SaveQueue';
import type { SaveFailure } from './SaveBanners';
import { BodyStatsCounter, type BodyStats } from './useBodyStats';
import type { ViewState, ViewStateTarget } from './useViewState';

export interface SaveView {
  state: SaveState;
  failure: SaveFailure | null;
}

/**
 * One opened article in the window's single body editor: its save queue, its save state and
 * body counts (stores, so typing and saving re-render only their readers) and the swap of the
 * editor's document. `open()` puts the article into the editor; `close()` takes the body back
 * out (if it changed since the last save) and sends it, before the next article is swapped in.
 */
let sessions = 0;

export class ArticleSession {
  /** Distinct per opened article (a React key for what belongs to it). */
  readonly key = `session-${(sessions += 1)}`;
  readonly queue: SaveQueue;
  readonly save: Store<SaveView>;
  readonly stats: Store<BodyStats>;
  /** Where to put the reader back (one object per opened article). */
  readonly viewTarget: ViewStateTarget;
  private counter: BodyStatsCounter | null = null;
  private detach: (() => void) | null = null;
  private closed = false;

  constructor(
    readonly article: Article,
    readonly viewState: ViewState | null,
    private readonly editor: Editor,
    onSaved: (articleId: string, response: SaveResponse) => void,
  ) {
    this.save = createStore<SaveView>({ state: { kind: 'saved', at: new Date(article.updatedAt) }, failure: null });
    this.viewTarget = { articleId: article.id, initial: viewState, focusBody: !this.isNew };
    this.stats = createStore<BodyStats>({ words: article.wordCount, characters: article.charCount, images: [] });
    this.queue = new SaveQueue({
      baseVersion: article.version,
      send: (patch, baseVersion, reason) => api.saveArticle(article.id, baseVersion, patch, reason),
      // Only ever called while this article is the editor's document: close() captures the
      // body before the editor gets the next one.
      readBody: () => this.editor.getJSON() as DocNode,
      onState: (state) => {
        const previous = this.save.get();
        // Only a retry in flight keeps the failure banner.
        const failure = state.kind === 'error' ? { error: state.error, retryAt: state.retryAt } : state.kind === 'saving' ? previous.failure : null;
        this.save.set({ state, failure });
      },
      onSaved: (response) => onSaved(article.id, response),
    });
  }

  get isNew(): boolean {
    return !this.article.title && this.article.wordCount === 0;
  }

  /** The core's word on whether this user may change the article now (workflow state, holder). */
  get readOnly(): boolean {
    return !this.article.permissions.canEdit;
  }

  get isOpen(): boolean {
    return this.detach !== null;
  }

  /**
   * Swaps this article into the editor as a fresh state: a new document and an empty undo
   * history, neither an undoable step nor a change to save. Then listens for edits.
   */
  open(): void {
    if (this.closed || this.detach) return;
    const editor = this.editor;
    const doc = createDocument(this.article.body as JSONContent, editor.schema);
    editor.view.updateState(EditorState.create({ doc, plugins: editor.state.plugins }));
    // Without emitting an update: that would count as an edit and send a save.
    editor.setEditable(!this.readOnly, false);
    const counter = new BodyStatsCounter(editor, this.stats);
    this.counter = counter;
    const onUpdate = () => {
      // A read-only article is never saved from here; the core would refuse it anyway.
      if (this.readOnly) return;
      this.queue.changeBody();
      counter.noteChange();
    };
    editor.on('update', onUpdate);
    const unregister = registerFlusher(() => this.queue.flush());
    this.detach = () => {
      editor.off('update', onUpdate);
      unregister();
    };
  }

  /** Title or metadata changed. */
  change(patch: ArticlePatch): void {
    if (!this.closed && !this.readOnly) this.queue.change(patch);
  }

  /**
   * Stops listening, copies the body out of the editor if it changed since the last save, and
   * sends what is pending; the save is tracked so reopening this article waits for it.
   * Must run while the editor still holds this article.
   */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.detach?.();
    this.detach = null;
    this.counter?.dispose();
    this.counter = null;
    this.queue.captureBody();
    const queue = this.queue;
    // settle, not flush: a failed last save keeps retrying after the article is closed.
    trackPending(
      queue.settle().finally(() => queue.dispose()),
      this.article.id,
    );
  }
}

import type { Database } from 'better-sqlite3';

export interface ViewState {
  articleId: string;
  scrollTop: number;
  selectionFrom: number;
  selectionTo: number;
}

/** Where the user was in each article, and which article was open last, so a reopen lands there. */
export class ViewStateService {
  constructor(
    private readonly db: Database,
    private readonly clock: () => Date,
  ) {}

  get(articleId: string): ViewState | null {
    const row = this.db
      .prepare<[string], { article_id: string; scroll_top: number; selection_from: number; selection_to: number }>(
        'SELECT article_id, scroll_top, selection_from, selection_to FROM view_state WHERE article_id = ?',
      )
      .get(articleId);
    return row ? { articleId: row.article_id, scrollTop: row.scroll_top, selectionFrom: row.selection_from, selectionTo: row.selection_to } : null;
  }

  set(state: ViewState): void {
    const exists = this.db.prepare<[string], { found: number }>('SELECT 1 AS found FROM articles WHERE id = ?').get(state.articleId);
    if (!exists) return;
    this.db
      .prepare(
        `INSERT INTO view_state (article_id, scroll_top, selection_from, selection_to, updated_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT(article_id) DO UPDATE SET scroll_top = excluded.scroll_top, selection_from = excluded.selection_from,
           selection_to = excluded.selection_to, updated_at = excluded.updated_at`,
      )
      .run(state.articleId, state.scrollTop, state.selectionFrom, state.selectionTo, this.clock().toISOString());
  }

  last(): string | null {
    const row = this.db
      .prepare<[], { article_id: string }>(
        `SELECT v.article_id FROM view_state v JOIN articles a ON a.id = v.article_id
         WHERE a.status <> 'spiked' ORDER BY v.updated_at DESC LIMIT 1`,
      )
      .get();
    return row?.article_id ?? null;
  }
}

import type { Database, Statement } from 'better-sqlite3';
import type { ArticleStatus } from '../../../shared/domain/article';
import { ErrorCode, MidadError } from '../../../shared/errors';
import { TOTAL_CAP, type SearchFilters, type SearchHit } from '../../../shared/ipc/channels/search';
import type { CallContext } from '../CallContext';
import { escapeLike } from '../db/queries/articles';
import { parseQuery, toMatchExpression, type QueryTerm } from '../search/query';
import { findMatches, passage } from '../search/snippet';
import { tagsToText } from '../search/searchText';

export interface SearchRequest {
  query: string;
  filters?: SearchFilters;
  limit?: number;
  offset?: number;
}

export interface SearchResult {
  total: number;
  hits: SearchHit[];
}

interface HitRow {
  id: string;
  title: string;
  subtitle: string;
  excerpt: string;
  tags: string;
  body_text: string;
  status: ArticleStatus;
  section: string;
  updated_at: string;
}

/**
 * Matches and their filter columns (search_docs keeps a copy): the FTS table comes first in
 * the join (CROSS JOIN fixes the order), so SQLite walks the matches and looks each one up,
 * and never reads an articles row (whose body sits before updated_at and author_id) to filter.
 */
const FROM = `FROM article_search s CROSS JOIN search_docs d ON d.doc = s.rowid`;

/** bm25 with the column weights of migration 0004 (title 10, kicker 4, excerpt 3, tags 4, body 1, stems a little below). */
export const BM25 = 'bm25(article_search, 10.0, 4.0, 3.0, 4.0, 1.0, 6.0, 0.6)';

/**
 * How many of the most recent matching articles are ranked when a query matches more than
 * that (a common word can match most of an archive): bm25 costs time for every match, and
 * past a few thousand the order among old matches is rarely what a newsroom wants. Rarer
 * queries rank every match. If the filters leave too few hits in that window, it widens
 * (eight times, then everything).
 */
export const RANK_WINDOW = 2000;

/**
 * Full-text search over title, kicker, excerpt, tags and body (migration 0004's FTS5 index,
 * kept current by triggers). Ranked by bm25 with the title weighted highest; each hit carries
 * a passage of the original text around its best match, highlighted, and where that match is
 * in the body so the article can open there.
 *
 * Who sees what: every signed-in user may read every article (as `articles.get` and the desk
 * lists allow); spiked articles are left out unless the status filter asks for them, exactly
 * as the lists show them only in their own view.
 */
export class SearchService {
  private readonly statements = new Map<string, Statement>();

  private readonly rankWindow: number;

  constructor(
    private readonly db: Database,
    options: { rankWindow?: number } = {},
  ) {
    this.rankWindow = options.rankWindow ?? RANK_WINDOW;
  }

  private prepared(sql: string): Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  /** The rowid of the n-th most recent match (the floor of a ranking window of n), or undefined when fewer match. */
  private windowFloor(match: string, size: number): number | undefined {
    return this.prepared('SELECT rowid FROM article_search WHERE article_search MATCH ? ORDER BY rowid DESC LIMIT 1 OFFSET ?')
      .pluck()
      .get(match, size - 1) as number | undefined;
  }

  query(ctx: CallContext, request: SearchRequest): SearchResult {
    if (!ctx.user) throw new MidadError(ErrorCode.NOT_SIGNED_IN, 'Sign in first.', 'سجّل الدخول أولًا.');
    const terms = parseQuery(request.query);
    const match = toMatchExpression(terms);
    if (!match) return { total: 0, hits: [] };
    const limit = request.limit ?? 50;
    const offset = request.offset ?? 0;
    const { where, params, needsAuthor } = filterSql(request.filters ?? {});
    const from = needsAuthor ? `${FROM} LEFT JOIN users au ON au.id = d.author_id` : FROM;
    const whereSql = `WHERE article_search MATCH @match${where.map((clause) => ` AND ${clause}`).join('')}`;
    const bound = { ...params, match };
    // Phase one ranks ids only (a sort never carries article bodies); phase two reads the page.
    const ranked = this.prepared(
      `SELECT d.article_id AS id, ${BM25} AS rank ${from} ${whereSql} AND s.rowid >= @floor ORDER BY rank LIMIT @limit OFFSET @offset`,
    );
    let page: { id: string; rank: number }[] = [];
    let floor = 0;
    for (const size of [this.rankWindow, this.rankWindow * 8, Infinity]) {
      floor = size === Infinity ? 0 : (this.windowFloor(match, size) ?? 0);
      page = ranked.all({ ...bound, floor, limit, offset }) as { id: string; rank: number }[];
      if (page.length === limit || floor === 0) break;
    }
    // Counted exactly up to TOTAL_CAP (the matches walked in index order, each looked up once).
    let total: number;
    if (offset === 0 && page.length < limit && floor === 0) total = page.length;
    else {
      total = this.prepared(`SELECT count(*) FROM (SELECT 1 ${from} ${whereSql} LIMIT @cap)`)
        .pluck()
        .get({ ...bound, cap: TOTAL_CAP }) as number;
      total = Math.max(total, offset + page.length);
    }
    const read = this.prepared(
      'SELECT id, title, subtitle, excerpt, tags, body_text, status, section, updated_at FROM articles WHERE id = ?',
    );
    const hits: SearchHit[] = [];
    for (const { id, rank } of page) {
      const row = read.get(id) as HitRow | undefined;
      if (row) hits.push(toHit(row, rank, terms));
    }
    return { total, hits };
  }
}

function filterSql(filters: SearchFilters): { where: string[]; params: Record<string, unknown>; needsAuthor: boolean } {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  const statuses = filters.status ?? [];
  if (statuses.length > 0) {
    where.push(`d.status IN (${statuses.map((_, index) => `@status${index}`).join(', ')})`);
    statuses.forEach((status, index) => (params[`status${index}`] = status));
  } else {
    where.push("d.status <> 'spiked'");
  }
  const section = filters.section?.trim();
  if (section) {
    where.push('d.section = @section');
    params.section = section;
  }
  const author = filters.author?.trim();
  if (author) {
    where.push("(au.name LIKE @author ESCAPE '\\' OR d.byline LIKE @author ESCAPE '\\')");
    params.author = `%${escapeLike(author)}%`;
  }
  // Stored times are UTC ISO strings; a filter given with an offset is brought to the same form.
  if (filters.from) {
    where.push('d.updated_at >= @from');
    params.from = new Date(filters.from).toISOString();
  }
  if (filters.to) {
    where.push('d.updated_at <= @to');
    params.to = new Date(filters.to).toISOString();
  }
  return { where, params, needsAuthor: Boolean(author) };
}

function toHit(row: HitRow, rank: number, terms: readonly QueryTerm[]): SearchHit {
  const base = { id: row.id, title: row.title, status: row.status, section: row.section, updatedAt: row.updated_at, rank };
  const body = passage(row.body_text, findMatches(row.body_text, terms));
  if (body) {
    return { ...base, snippet: body.snippet, highlights: body.highlights, bodyOffset: body.anchor, bodyLength: body.anchorLength, field: 'body' };
  }
  const fields = [
    ['title', row.title],
    ['subtitle', row.subtitle],
    ['excerpt', row.excerpt],
    ['tags', tagsToText(row.tags)],
  ] as const;
  for (const [field, text] of fields) {
    const found = passage(text, findMatches(text, terms));
    if (found) return { ...base, snippet: found.snippet, highlights: found.highlights, bodyOffset: null, bodyLength: null, field };
  }
  // The index matched through a form the highlighter does not model: show the opening lines.
  const opening = row.excerpt || row.subtitle || row.body_text;
  const cut = opening.length > 220 ? `${opening.slice(0, 220)} …` : opening;
  return { ...base, snippet: cut.replace(/[\n\r\t]/g, ' '), highlights: [], bodyOffset: null, bodyLength: null, field: 'body' };
}

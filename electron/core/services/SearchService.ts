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
  rank: number;
}

const FROM = `FROM article_search s
  JOIN search_docs d ON d.doc = s.rowid
  JOIN articles a ON a.id = d.article_id`;

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

  constructor(private readonly db: Database) {}

  private prepared(sql: string): Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  query(ctx: CallContext, request: SearchRequest): SearchResult {
    if (!ctx.user) throw new MidadError(ErrorCode.NOT_SIGNED_IN, 'Sign in first.', 'سجّل الدخول أولًا.');
    const terms = parseQuery(request.query);
    const match = toMatchExpression(terms);
    if (!match) return { total: 0, hits: [] };
    const limit = request.limit ?? 50;
    const offset = request.offset ?? 0;
    const { where, params, needsAuthor } = filterSql(request.filters ?? {});
    const from = needsAuthor ? `${FROM} LEFT JOIN users au ON au.id = a.author_id` : FROM;
    const whereSql = `WHERE article_search MATCH @match${where.map((clause) => ` AND ${clause}`).join('')}`;
    const bound = { ...params, match };
    const rows = this.prepared(
      `SELECT a.id, a.title, a.subtitle, a.excerpt, a.tags, a.body_text, a.status, a.section, a.updated_at, s.rank AS rank
       ${from} ${whereSql} ORDER BY s.rank LIMIT @limit OFFSET @offset`,
    ).all({ ...bound, limit, offset }) as HitRow[];
    let total: number;
    if (offset === 0 && rows.length < limit) total = rows.length;
    else {
      total = this.prepared(`SELECT count(*) FROM (SELECT 1 ${from} ${whereSql} LIMIT @cap)`)
        .pluck()
        .get({ ...bound, cap: TOTAL_CAP }) as number;
      total = Math.max(total, offset + rows.length);
    }
    return { total, hits: rows.map((row) => toHit(row, terms)) };
  }
}

function filterSql(filters: SearchFilters): { where: string[]; params: Record<string, unknown>; needsAuthor: boolean } {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  const statuses = filters.status ?? [];
  if (statuses.length > 0) {
    where.push(`a.status IN (${statuses.map((_, index) => `@status${index}`).join(', ')})`);
    statuses.forEach((status, index) => (params[`status${index}`] = status));
  } else {
    where.push("a.status <> 'spiked'");
  }
  const section = filters.section?.trim();
  if (section) {
    where.push('a.section = @section');
    params.section = section;
  }
  const author = filters.author?.trim();
  if (author) {
    where.push("(au.name LIKE @author ESCAPE '\\' OR a.byline LIKE @author ESCAPE '\\')");
    params.author = `%${escapeLike(author)}%`;
  }
  // Stored times are UTC ISO strings; a filter given with an offset is brought to the same form.
  if (filters.from) {
    where.push('a.updated_at >= @from');
    params.from = new Date(filters.from).toISOString();
  }
  if (filters.to) {
    where.push('a.updated_at <= @to');
    params.to = new Date(filters.to).toISOString();
  }
  return { where, params, needsAuthor: Boolean(author) };
}

function toHit(row: HitRow, terms: readonly QueryTerm[]): SearchHit {
  const base = { id: row.id, title: row.title, status: row.status, section: row.section, updatedAt: row.updated_at, rank: row.rank };
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

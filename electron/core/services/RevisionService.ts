import type { Database } from 'better-sqlite3';
import type { Article, RevisionSummary } from '../../../shared/domain/article';
import type { DocNode } from '../../../shared/editor/docSchema';
import { docToHtml } from '../../../shared/editor/docToHtml';
import { docToText } from '../../../shared/editor/docToText';
import { ErrorCode, MidadError } from '../../../shared/errors';
import { mediaPath } from '../../../shared/ipc/contract';
import type { CallContext } from '../CallContext';
import { selectArticleHead, selectBodyJson } from '../db/queries/articles';
import { appendAudit } from '../db/queries/audit';
import { latestRevision, latestRevisionWithReason, rowToRevisionSummary, selectRevision, type NamedRevisionRow } from '../db/queries/revisions';
import { diffWords, type DiffPart } from '../text/wordDiff';
import type { ArticleService } from './ArticleService';

/** What a revision keeps (ArticleService's snapshot JSON): the article's fields and its body. */
export interface RevisionContent {
  title: string;
  subtitle: string;
  excerpt: string;
  slug: string;
  section: string;
  tags: string[];
  byline: string;
  featuredMedia: string | null;
  body: DocNode;
}

export interface RevisionSnapshot extends Omit<RevisionContent, 'featuredMedia'> {
  revision: RevisionSummary;
  bodyHtml: string;
}

export interface FieldChange {
  field: string;
  from: string;
  to: string;
}

export interface RevisionDiff {
  from: RevisionSummary | null;
  to: RevisionSummary | null;
  body: DiffPart[];
  fields: FieldChange[];
  stats: { inserted: number; deleted: number };
}

export type DiffFrom = number | 'lastSubmit' | 'lastApprove';
export type DiffTo = number | 'current' | 'lastApprove';

/** Metadata compared by a diff, in the order the history panel lists them. */
const COMPARED_FIELDS = ['title', 'subtitle', 'excerpt', 'slug', 'section', 'tags', 'byline', 'featuredMedia'] as const;

function fieldText(content: RevisionContent, field: (typeof COMPARED_FIELDS)[number]): string {
  const value = content[field];
  if (Array.isArray(value)) return value.join('، ');
  return value ?? '';
}

function parseSnapshot(snapshot: string): RevisionContent {
  const parsed = JSON.parse(snapshot) as Partial<RevisionContent>;
  return {
    title: parsed.title ?? '',
    subtitle: parsed.subtitle ?? '',
    excerpt: parsed.excerpt ?? '',
    slug: parsed.slug ?? '',
    section: parsed.section ?? '',
    tags: parsed.tags ?? [],
    byline: parsed.byline ?? '',
    featuredMedia: parsed.featuredMedia ?? null,
    body: parsed.body ?? { type: 'doc', content: [] },
  };
}

function revisionNotFound(id: number): MidadError {
  return new MidadError(ErrorCode.NOT_FOUND, `Revision ${id} does not exist.`, `النسخة ${id} غير موجودة.`, { revisionId: id });
}

const PRESET_MISSING = {
  lastSubmit: [
    'This article has not been submitted yet, so there is no submitted version to compare with.',
    'لم يُرسَل هذا المقال إلى التدقيق بعد، فلا توجد نسخة مُرسَلة للمقارنة بها.',
  ],
  lastApprove: [
    'This article has not been approved yet, so there is no approved version to compare with.',
    'لم يُعتمَد هذا المقال بعد، فلا توجد نسخة معتمدة للمقارنة بها.',
  ],
  approveBeforeSubmit: [
    'This article has not been approved since it was last submitted; compare with the current text instead.',
    'لم يُعتمَد هذا المقال منذ آخر إرسال له؛ قارن بالنص الحالي بدلًا من ذلك.',
  ],
} as const;

function presetMissing(key: keyof typeof PRESET_MISSING, articleId: string): MidadError {
  const [en, ar] = PRESET_MISSING[key];
  return new MidadError(ErrorCode.NOT_FOUND, en, ar, { articleId, preset: key });
}

/**
 * Revisions as the history panel uses them: open one read-only, compare two (word by word,
 * Arabic-aware, plus the metadata), and restore one as the new working copy. Revisions are
 * only ever added, never changed or removed.
 */
export class RevisionService {
  constructor(
    private readonly db: Database,
    private readonly articles: ArticleService,
    private readonly clock: () => Date,
  ) {}

  /**
   * The revision, checked to belong to a readable article. Any signed-in user may read any
   * article (ArticleService.get); should that change, this is the place to apply it.
   */
  private revision(id: number, articleId?: string): NamedRevisionRow {
    const row = selectRevision(this.db, id);
    if (!row || (articleId !== undefined && row.article_id !== articleId)) throw revisionNotFound(id);
    this.articles.head(row.article_id);
    return row;
  }

  get(_ctx: CallContext, id: number): RevisionSnapshot {
    const row = this.revision(id);
    const { featuredMedia: _featured, ...content } = parseSnapshot(row.snapshot);
    return { revision: rowToRevisionSummary(row), ...content, bodyHtml: docToHtml(content.body, { mediaUrl: mediaPath }) };
  }

  private resolveFrom(articleId: string, from: DiffFrom): NamedRevisionRow {
    if (typeof from === 'number') return this.revision(from, articleId);
    const row = latestRevisionWithReason(this.db, articleId, from === 'lastSubmit' ? 'submit' : 'approve');
    if (!row) throw presetMissing(from, articleId);
    return row;
  }

  /** The working copy as revision content, read straight from the article. */
  private current(articleId: string): RevisionContent {
    const head = this.articles.head(articleId);
    return {
      title: head.title,
      subtitle: head.subtitle,
      excerpt: head.excerpt,
      slug: head.slug,
      section: head.section,
      tags: JSON.parse(head.tags) as string[],
      byline: head.byline,
      featuredMedia: head.featured_media,
      body: JSON.parse(selectBodyJson(this.db, articleId) ?? '{"type":"doc","content":[]}') as DocNode,
    };
  }

  /**
   * Compares two states of an article. `lastSubmit → lastApprove` is "the changes the desk
   * made"; `lastSubmit → current` is "the changes since submission". An approval older than
   * the submission it is compared with is refused, so the desk's view never runs backwards.
   */
  diff(_ctx: CallContext, articleId: string, from: DiffFrom, to: DiffTo): RevisionDiff {
    this.articles.head(articleId);
    const fromRow = this.resolveFrom(articleId, from);
    let toRow: NamedRevisionRow | null = null;
    if (to === 'lastApprove') {
      toRow = latestRevisionWithReason(this.db, articleId, 'approve') ?? null;
      if (!toRow) throw presetMissing('lastApprove', articleId);
      if (typeof from !== 'number' && toRow.id < fromRow.id) throw presetMissing('approveBeforeSubmit', articleId);
    } else if (typeof to === 'number') {
      toRow = this.revision(to, articleId);
    }
    const before = parseSnapshot(fromRow.snapshot);
    const after = toRow ? parseSnapshot(toRow.snapshot) : this.current(articleId);
    const fields: FieldChange[] = [];
    for (const field of COMPARED_FIELDS) {
      const fromText = fieldText(before, field);
      const toText = fieldText(after, field);
      if (fromText !== toText) fields.push({ field, from: fromText, to: toText });
    }
    const body = diffWords(docToText(before.body), docToText(after.body));
    return { from: rowToRevisionSummary(fromRow), to: toRow ? rowToRevisionSummary(toRow) : null, body: body.parts, fields, stats: body.stats };
  }

  /**
   * Makes a revision's content the working copy again, through the ordinary save rules (the
   * caller must be allowed to edit the article now, and `baseVersion` must be current), then
   * records a new 'restore' revision. Nothing is deleted: every earlier revision stays.
   */
  restore(ctx: CallContext, id: number, baseVersion: number): Article {
    return this.db.transaction((): Article => {
      const row = this.revision(id);
      const content = parseSnapshot(row.snapshot);
      this.articles.save(ctx, row.article_id, baseVersion, content, 'restore');
      const created = latestRevision(this.db, row.article_id);
      const head = selectArticleHead(this.db, row.article_id)!;
      appendAudit(this.db, this.clock().toISOString(), {
        actor: ctx.actor,
        action: 'revision.restore',
        articleId: row.article_id,
        detail: { revisionId: id, newRevisionId: created?.id ?? null, version: head.version },
      });
      return this.articles.get(ctx, row.article_id);
    })();
  }
}

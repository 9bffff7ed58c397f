import { z } from 'zod';
import { articleSchema, articleSummarySchema, revisionSummarySchema, uuidSchema } from '../../domain/article';
import { WORKFLOW_ACTIONS } from '../../workflow/stateMachine';
import { channel } from '../channel';

const isoDate = z.string().datetime({ offset: true });

/** The sidebar's views; each has a count. */
export const articleViewSchema = z.enum(['mine', 'queue', 'inReview', 'approved', 'published', 'spiked', 'all']);
export type ArticleView = z.infer<typeof articleViewSchema>;

export const deskListRequestSchema = z
  .object({
    view: articleViewSchema,
    query: z.string().max(500).optional(),
    section: z.string().max(200).optional(),
    authorId: uuidSchema.optional(),
    /** Last change on or after / before (ISO 8601). */
    from: isoDate.optional(),
    to: isoDate.optional(),
    limit: z.number().int().min(1).max(1000).optional(),
    offset: z.number().int().min(0).optional(),
  })
  .strict();

export const commentSchema = z.object({
  id: uuidSchema,
  articleId: uuidSchema,
  parentId: uuidSchema.nullable(),
  authorId: z.string(),
  authorName: z.string(),
  body: z.string(),
  /** The text the comment was anchored to when made (empty for a general comment). */
  quote: z.string(),
  /** True when the comment was made on a range of text. */
  anchored: z.boolean(),
  /** An anchored comment whose text has been deleted from the body. */
  detached: z.boolean(),
  resolvedAt: z.string().nullable(),
  resolvedByName: z.string().nullable(),
  createdAt: z.string(),
});
export type Comment = z.infer<typeof commentSchema>;

export const revisionSnapshotSchema = z.object({
  revision: revisionSummarySchema,
  title: z.string(),
  subtitle: z.string(),
  excerpt: z.string(),
  slug: z.string(),
  section: z.string(),
  tags: z.array(z.string()),
  byline: z.string(),
  /** The body as ProseMirror JSON, for the read-only view. */
  body: z.unknown(),
  bodyHtml: z.string(),
});

export const diffPartSchema = z.object({ kind: z.enum(['equal', 'insert', 'delete']), text: z.string() });
export const revisionDiffSchema = z.object({
  from: revisionSummarySchema.nullable(),
  /** Null when comparing against the current working copy. */
  to: revisionSummarySchema.nullable(),
  /** Word-level diff of the body text, in reading order. */
  body: z.array(diffPartSchema),
  /** Title and metadata fields that differ. */
  fields: z.array(z.object({ field: z.string(), from: z.string(), to: z.string() })),
  stats: z.object({ inserted: z.number().int(), deleted: z.number().int() }),
});

export const auditEntrySchema = z.object({
  id: z.number().int(),
  at: z.string(),
  actor: z.string(),
  actorName: z.string(),
  action: z.string(),
  articleId: z.string().nullable(),
  articleTitle: z.string().nullable(),
  fromStatus: z.string().nullable(),
  toStatus: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()).nullable(),
});

/** The copy desk: workflow transitions, views, comments, revisions and the audit log. */
export const deskChannels = {
  'workflow.act': channel(
    'user',
    z
      .object({
        id: uuidSchema,
        action: z.enum(WORKFLOW_ACTIONS),
        /** Required for requestChanges: what the editor should fix. */
        note: z.string().max(10_000).optional(),
        /** approve: publish at this time (ISO 8601) instead of now. */
        scheduledAt: isoDate.optional(),
        /** reassign: the reviewer who takes the claim. */
        assigneeId: uuidSchema.optional(),
      })
      .strict(),
    articleSchema,
  ),
  'desk.list': channel('user', deskListRequestSchema, z.object({ items: z.array(articleSummarySchema), total: z.number().int() })),
  'desk.counts': channel('user', z.object({}).strict(), z.record(articleViewSchema, z.number().int())),
  /** Authors and reviewers for the filters and the reassign menu. */
  'desk.people': channel('user', z.object({}).strict(), z.array(z.object({ id: uuidSchema, name: z.string(), role: z.string() }))),
  'comments.list': channel('user', z.object({ articleId: uuidSchema }).strict(), z.array(commentSchema)),
  'comments.add': channel(
    'user',
    z
      .object({
        /** Chosen by the renderer, so the mark in the body can carry it before the call returns. */
        id: uuidSchema,
        articleId: uuidSchema,
        parentId: uuidSchema.optional(),
        body: z.string().trim().min(1).max(10_000),
        quote: z.string().max(2000).optional(),
        anchored: z.boolean().optional(),
      })
      .strict(),
    commentSchema,
  ),
  'comments.resolve': channel('user', z.object({ id: uuidSchema, resolved: z.boolean() }).strict(), commentSchema),
  'revisions.get': channel('user', z.object({ id: z.number().int().positive() }).strict(), revisionSnapshotSchema),
  'revisions.diff': channel(
    'user',
    z
      .object({
        articleId: uuidSchema,
        /** A revision id, or a preset: the last submission / the last approval. */
        from: z.union([z.number().int().positive(), z.enum(['lastSubmit', 'lastApprove'])]),
        /** A revision id, 'current' (the working copy) or the last approval. */
        to: z.union([z.number().int().positive(), z.enum(['current', 'lastApprove'])]),
      })
      .strict(),
    revisionDiffSchema,
  ),
  'revisions.restore': channel('user', z.object({ id: z.number().int().positive(), baseVersion: z.number().int().positive() }).strict(), articleSchema),
  'audit.list': channel(
    'admin',
    z
      .object({
        actor: z.string().max(100).optional(),
        action: z.string().max(100).optional(),
        articleId: uuidSchema.optional(),
        from: isoDate.optional(),
        to: isoDate.optional(),
        limit: z.number().int().min(1).max(1000).optional(),
        offset: z.number().int().min(0).optional(),
      })
      .strict(),
    z.object({ items: z.array(auditEntrySchema), total: z.number().int() }),
  ),
};



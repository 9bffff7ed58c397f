import { z } from 'zod';
import { docSchema } from '../editor/docSchema';

/** Workflow states (the copy-desk issue adds the transitions between them). */
export const articleStatusSchema = z.enum([
  'draft',
  'submitted',
  'in_review',
  'changes_requested',
  'approved',
  'published',
  'killed',
  'spiked',
]);
export type ArticleStatus = z.infer<typeof articleStatusSchema>;

export const uuidSchema = z.string().uuid();
export const sha256Schema = z.string().regex(/^[0-9a-f]{64}$/, 'expected a lowercase hex sha256');

const shortText = (max: number) => z.string().max(max);

/** Fields an editor may change. Every field is optional in a patch. */
export const articleFieldsSchema = z.object({
  title: shortText(500),
  subtitle: shortText(500),
  excerpt: shortText(5000),
  slug: shortText(300),
  section: shortText(200),
  tags: z.array(shortText(100)).max(100),
  byline: shortText(300),
  featuredMedia: sha256Schema.nullable(),
  body: docSchema,
  priority: z.enum(['normal', 'urgent']),
  /** When the desk needs it (ISO 8601), or null. */
  deadline: z.string().datetime({ offset: true }).nullable(),
});
export type ArticleFields = z.infer<typeof articleFieldsSchema>;
export const articlePatchSchema = articleFieldsSchema.partial();
export type ArticlePatch = z.infer<typeof articlePatchSchema>;

export const prioritySchema = z.enum(['normal', 'urgent']);
export type Priority = z.infer<typeof prioritySchema>;

/** What the signed-in user may do with an article, computed by the core from the workflow rules. */
export const articlePermissionsSchema = z.object({
  canEdit: z.boolean(),
  actions: z.array(z.string()),
});

export const articleSchema = articleFieldsSchema.extend({
  authorId: z.string().nullable(),
  authorName: z.string().nullable(),
  assigneeId: z.string().nullable(),
  assigneeName: z.string().nullable(),
  scheduledAt: z.string().nullable(),
  submittedAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
  permissions: articlePermissionsSchema,
  id: uuidSchema,
  status: articleStatusSchema,
  statusBeforeSpike: articleStatusSchema.nullable(),
  wordCount: z.number().int().nonnegative(),
  charCount: z.number().int().nonnegative(),
  bodyHtml: z.string(),
  version: z.number().int().positive(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Article = z.infer<typeof articleSchema>;

export const articleSummarySchema = z.object({
  id: uuidSchema,
  title: z.string(),
  status: articleStatusSchema,
  wordCount: z.number().int().nonnegative(),
  section: z.string(),
  authorName: z.string().nullable(),
  assigneeName: z.string().nullable(),
  priority: prioritySchema,
  deadline: z.string().nullable(),
  submittedAt: z.string().nullable(),
  scheduledAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ArticleSummary = z.infer<typeof articleSummarySchema>;

export const saveReasonSchema = z.enum(['autosave', 'manual']);
export type SaveReason = z.infer<typeof saveReasonSchema>;

export const revisionSummarySchema = z.object({
  id: z.number().int(),
  articleId: uuidSchema,
  reason: z.string(),
  /** Who made the change: a user's name, or the CLI. */
  actorName: z.string(),
  title: z.string(),
  wordCount: z.number().int(),
  createdAt: z.string(),
});
export type RevisionSummary = z.infer<typeof revisionSummarySchema>;

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
});
export type ArticleFields = z.infer<typeof articleFieldsSchema>;
export const articlePatchSchema = articleFieldsSchema.partial();
export type ArticlePatch = z.infer<typeof articlePatchSchema>;

export const articleSchema = articleFieldsSchema.extend({
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
  title: z.string(),
  wordCount: z.number().int(),
  createdAt: z.string(),
});
export type RevisionSummary = z.infer<typeof revisionSummarySchema>;

import { z } from 'zod';
import { articleStatusSchema } from '../../../shared/domain/article';
import { docSchema } from '../../../shared/editor/docSchema';
import type { ArchiveArticleRecord } from './types';

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const time = z.string().min(1).max(64);
const role = z.enum(['editor', 'reviewer', 'admin']);
const person = z.object({ id: z.string().min(1).max(200), name: z.string().max(300), role }).nullable();

/** One line of `articles.jsonl`, checked before anything is written (the body by the editor's own document check). */
export const archiveRecordSchema = z.object({
  id: z.string().regex(/^[0-9a-f-]{36}$/, 'expected a UUID'),
  title: z.string().max(500),
  subtitle: z.string().max(500),
  excerpt: z.string().max(5000),
  slug: z.string().max(300),
  section: z.string().max(200),
  tags: z.array(z.string().max(100)).max(100),
  byline: z.string().max(300),
  author: person,
  assignee: person,
  status: articleStatusSchema,
  statusBeforeSpike: articleStatusSchema.nullable(),
  priority: z.enum(['normal', 'urgent']),
  deadline: time.nullable(),
  scheduledAt: time.nullable(),
  submittedAt: time.nullable(),
  publishedAt: time.nullable(),
  createdAt: time,
  updatedAt: time,
  version: z.number().int().positive(),
  featuredMedia: sha256.nullable(),
  body: docSchema,
  bodyHtml: z.string(),
  wordCount: z.number().int().nonnegative(),
  charCount: z.number().int().nonnegative(),
  media: z.array(z.object({ hash: sha256, mime: z.string().max(100), size: z.number().int().nonnegative(), name: z.string().max(500), path: z.string() })),
  revisions: z
    .array(
      z.object({
        articleVersion: z.number().int(),
        reason: z.string().max(100),
        actor: z.string().max(300),
        title: z.string(),
        wordCount: z.number().int(),
        contentHash: z.string(),
        snapshot: z.unknown(),
        createdAt: time,
      }),
    )
    .optional(),
  comments: z.array(
    z.object({
      id: z.string().regex(/^[0-9a-f-]{36}$/, 'expected a UUID'),
      parentId: z.string().nullable(),
      authorId: z.string().min(1).max(300),
      authorName: z.string().max(300).nullable(),
      body: z.string(),
      quote: z.string(),
      anchored: z.boolean(),
      resolvedAt: time.nullable(),
      resolvedBy: z.string().nullable(),
      createdAt: time,
      updatedAt: time,
    }),
  ),
  audit: z.array(
    z.object({ at: time, actor: z.string().max(300), action: z.string().max(200), fromStatus: z.string().nullable(), toStatus: z.string().nullable(), detail: z.unknown() }),
  ),
  sync: z.array(
    z.object({
      endpoint: z.object({ id: z.string().min(1), name: z.string().min(1).max(200), kind: z.enum(['wordpress', 'webhook']), url: z.string().max(2000) }),
      operation: z.enum(['publish', 'update', 'unpublish']),
      state: z.enum(['queued', 'sending', 'retry', 'published', 'unpublished', 'conflict', 'failed', 'cancelled', 'held']),
      remoteId: z.string().nullable(),
      remoteUrl: z.string().nullable(),
      remoteModified: z.string().nullable(),
      syncedHash: z.string().nullable(),
      remoteTextHash: z.string().nullable(),
      slug: z.string().nullable(),
      attempts: z.number().int().nonnegative(),
      lastAttemptAt: z.string().nullable(),
      lastError: z.object({ code: z.string(), message: z.string(), messageAr: z.string() }).nullable(),
      createdAt: time,
      updatedAt: time,
    }),
  ),
});

/** Parses one line; returns the record or the reason it is not one (first few issues, with their paths). */
export function parseRecordLine(line: string): { record: ArchiveArticleRecord } | { problem: string } {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    return { problem: `not valid JSON (${(error as Error).message})` };
  }
  const parsed = archiveRecordSchema.safeParse(value);
  if (!parsed.success) {
    return {
      problem: parsed.error.issues
        .slice(0, 3)
        .map((issue) => `${issue.path.map(String).join('.') || '(record)'}: ${issue.message}`)
        .join('; '),
    };
  }
  // The parsed value keeps the record's own key order (zod rebuilds objects in schema order,
  // which is the exporter's order too): import what was read.
  return { record: value as ArchiveArticleRecord };
}

/** True when a JSON object looks like a Midad archive record rather than the simple migration format. */
export function looksLikeArchiveRecord(value: unknown): boolean {
  return typeof value === 'object' && value !== null && 'body' in value && 'bodyHtml' in value && 'version' in value && 'id' in value;
}

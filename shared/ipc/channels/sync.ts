import { z } from 'zod';
import { uuidSchema } from '../../domain/article';
import { channel } from '../channel';
import { diffPartSchema } from './desk';

const empty = z.object({}).strict();

export const endpointSummarySchema = z.object({
  id: uuidSchema,
  kind: z.enum(['wordpress', 'webhook']),
  name: z.string(),
  url: z.string(),
  username: z.string().nullable(),
  enabled: z.boolean(),
  unpublishMode: z.enum(['draft', 'trash']),
  concurrency: z.number().int(),
  /** Whether a secret is stored (the secret itself never reaches the renderer). */
  hasSecret: z.boolean(),
});
export type EndpointSummary = z.infer<typeof endpointSummarySchema>;

export const syncStateSchema = z.enum(['queued', 'sending', 'retry', 'published', 'unpublished', 'conflict', 'failed', 'cancelled', 'held']);
export type SyncState = z.infer<typeof syncStateSchema>;

export const syncItemSchema = z.object({
  articleId: uuidSchema,
  articleTitle: z.string(),
  endpointId: uuidSchema,
  endpointName: z.string(),
  endpointKind: z.enum(['wordpress', 'webhook']),
  operation: z.enum(['publish', 'update', 'unpublish']),
  state: syncStateSchema,
  remoteId: z.string().nullable(),
  /** Opens in the system browser. */
  remoteUrl: z.string().nullable(),
  attempts: z.number().int(),
  nextAttemptAt: z.string().nullable(),
  lastAttemptAt: z.string().nullable(),
  lastError: z.object({ code: z.string(), message: z.string(), messageAr: z.string() }).nullable(),
});
export type SyncItem = z.infer<typeof syncItemSchema>;

const itemKey = z.object({ articleId: uuidSchema, endpointId: uuidSchema }).strict();

/** Publishing endpoints (admin) and the outbox (per article, status bar, outbox view, conflicts). */
export const syncChannels = {
  'endpoints.list': channel('admin', empty, z.array(endpointSummarySchema)),
  'endpoints.save': channel(
    'admin',
    z
      .object({
        /** Absent: a new endpoint. */
        id: uuidSchema.optional(),
        kind: z.enum(['wordpress', 'webhook']),
        name: z.string().trim().min(1).max(100),
        url: z.string().url().max(2000),
        username: z.string().max(200).optional(),
        enabled: z.boolean(),
        unpublishMode: z.enum(['draft', 'trash']).optional(),
        concurrency: z.number().int().min(1).max(16).optional(),
        /** Write-only: the application password or shared secret; absent keeps the stored one. */
        secret: z.string().min(1).max(2000).optional(),
      })
      .strict(),
    endpointSummarySchema,
  ),
  'endpoints.remove': channel('admin', z.object({ id: uuidSchema }).strict(), z.null()),
  'endpoints.test': channel(
    'admin',
    z.object({ id: uuidSchema }).strict(),
    z.object({
      ok: z.boolean(),
      user: z.string().nullable(),
      role: z.string().nullable(),
      canPublish: z.boolean(),
      warning: z.object({ en: z.string(), ar: z.string() }).nullable(),
      error: z.object({ code: z.string(), message: z.string(), messageAr: z.string() }).nullable(),
    }),
  ),
  /** For the status bar: online or offline, and how many items wait or failed. */
  'sync.status': channel(
    'user',
    empty,
    z.object({
      online: z.boolean(),
      queued: z.number().int(),
      sending: z.number().int(),
      failed: z.number().int(),
      conflicts: z.number().int(),
    }),
  ),
  'sync.article': channel('user', z.object({ articleId: uuidSchema }).strict(), z.array(syncItemSchema)),
  'sync.outbox': channel(
    'user',
    z
      .object({
        state: syncStateSchema.optional(),
        limit: z.number().int().min(1).max(1000).optional(),
        offset: z.number().int().min(0).optional(),
      })
      .strict(),
    z.object({ items: z.array(syncItemSchema), total: z.number().int() }),
  ),
  'sync.retry': channel('user', itemKey, syncItemSchema),
  'sync.cancel': channel('user', itemKey, syncItemSchema),
  /** The reviewer's view of a conflict: the remote post against the local article. */
  'sync.conflict': channel(
    'user',
    itemKey,
    z.object({
      remote: z.object({ title: z.string(), html: z.string(), modifiedGmt: z.string().nullable(), url: z.string().nullable() }),
      local: z.object({ title: z.string(), html: z.string() }),
      /** Word-level diff of the text, remote → local. */
      body: z.array(diffPartSchema),
    }),
  ),
  'sync.resolve': channel(
    'user',
    itemKey.extend({ resolution: z.enum(['overwrite', 'takeRemote', 'editAndResend']) }).strict(),
    syncItemSchema,
  ),
};

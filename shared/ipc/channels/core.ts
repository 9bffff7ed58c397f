import { z } from 'zod';
import {
  articlePatchSchema,
  articleSchema,
  articleStatusSchema,
  articleSummarySchema,
  saveReasonSchema,
  sha256Schema,
  uuidSchema,
} from '../../domain/article';
import { settingsSchema } from '../../domain/settings';
import { byId, channel, empty } from '../channel';

export const mediaInfoSchema = z.object({
  hash: sha256Schema,
  mime: z.string(),
  size: z.number().int().nonnegative(),
  name: z.string(),
  createdAt: z.string(),
});

export const viewStateSchema = z.object({
  articleId: uuidSchema,
  scrollTop: z.number().min(0).max(1e8),
  selectionFrom: z.number().int().min(0),
  selectionTo: z.number().int().min(0),
});

/** The app, articles, media, settings and where the user was: the foundation's channels. */
export const coreChannels = {
  'app.info': channel(
    'public',
    empty,
    z.object({
      appVersion: z.string(),
      schemaVersion: z.number().int(),
      dataDir: z.string(),
      databaseFile: z.string(),
      /** Set when the database could not be opened; every other call then fails with it. */
      databaseError: z.object({ code: z.string(), message: z.string(), messageAr: z.string() }).nullable(),
    }),
  ),
  'articles.create': channel('user', z.object({ fields: articlePatchSchema.optional() }).strict(), articleSchema),
  'articles.get': channel('user', byId, articleSchema),
  'articles.list': channel(
    'user',
    z
      .object({
        query: z.string().max(500).optional(),
        status: articleStatusSchema.optional(),
        includeSpiked: z.boolean().optional(),
        limit: z.number().int().min(1).max(1000).optional(),
        offset: z.number().int().min(0).optional(),
      })
      .strict(),
    z.object({ items: z.array(articleSummarySchema), total: z.number().int() }),
  ),
  'articles.save': channel(
    'user',
    z
      .object({
        id: uuidSchema,
        /** The version the editor started from; a newer stored version means a conflict. */
        baseVersion: z.number().int().positive(),
        patch: articlePatchSchema,
        reason: saveReasonSchema,
      })
      .strict(),
    z.object({
      version: z.number().int().positive(),
      updatedAt: z.string(),
      wordCount: z.number().int(),
      charCount: z.number().int(),
      revisionCreated: z.boolean(),
      /** The slug as stored (it may follow the title, or gain -2 to stay unique): the panel shows it. */
      slug: z.string(),
    }),
  ),
  'articles.spike': channel('user', byId, articleSchema),
  'articles.restore': channel('user', byId, articleSchema),
  'media.put': channel(
    'user',
    z
      .object({
        name: z.string().max(500),
        mime: z.string().max(100),
        /** Base64 so the same payload crosses Electron IPC and the Playwright binding. */
        dataBase64: z.string().max(300 * 1024 * 1024),
      })
      .strict(),
    mediaInfoSchema,
  ),
  'media.info': channel('user', z.object({ hash: sha256Schema }).strict(), mediaInfoSchema),
  'settings.get': channel('public', empty, settingsSchema),
  'settings.update': channel('user', settingsSchema.partial().strict(), settingsSchema),
  'view.get': channel('user', z.object({ articleId: uuidSchema }).strict(), viewStateSchema.nullable()),
  'view.set': channel('user', viewStateSchema.strict(), z.null()),
  'view.last': channel('user', empty, z.object({ articleId: uuidSchema.nullable() })),
};

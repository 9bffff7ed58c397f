import { z } from 'zod';
import {
  articlePatchSchema,
  articleSchema,
  articleStatusSchema,
  articleSummarySchema,
  revisionSummarySchema,
  saveReasonSchema,
  sha256Schema,
  uuidSchema,
} from '../domain/article';
import { settingsSchema } from '../domain/settings';

/**
 * Every channel between the renderer and the core: its request and response schemas live
 * together, and the types on both sides are inferred from them. The Electron main and the
 * test harness both register a handler for each channel and validate every payload here.
 */
const empty = z.object({}).strict();
const byId = z.object({ id: uuidSchema }).strict();

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

export const contract = {
  'app.info': {
    request: empty,
    response: z.object({
      appVersion: z.string(),
      schemaVersion: z.number().int(),
      dataDir: z.string(),
      databaseFile: z.string(),
      /** Set when the database could not be opened; every other call then fails with it. */
      databaseError: z
        .object({ code: z.string(), message: z.string(), messageAr: z.string() })
        .nullable(),
    }),
  },
  'articles.create': {
    request: z.object({ fields: articlePatchSchema.optional() }).strict(),
    response: articleSchema,
  },
  'articles.get': { request: byId, response: articleSchema },
  'articles.list': {
    request: z
      .object({
        query: z.string().max(500).optional(),
        status: articleStatusSchema.optional(),
        includeSpiked: z.boolean().optional(),
        limit: z.number().int().min(1).max(1000).optional(),
        offset: z.number().int().min(0).optional(),
      })
      .strict(),
    response: z.object({ items: z.array(articleSummarySchema), total: z.number().int() }),
  },
  'articles.save': {
    request: z
      .object({
        id: uuidSchema,
        /** The version the editor started from; a newer stored version means a conflict. */
        baseVersion: z.number().int().positive(),
        patch: articlePatchSchema,
        reason: saveReasonSchema,
      })
      .strict(),
    response: z.object({
      version: z.number().int().positive(),
      updatedAt: z.string(),
      wordCount: z.number().int(),
      charCount: z.number().int(),
      revisionCreated: z.boolean(),
    }),
  },
  'articles.spike': { request: byId, response: articleSchema },
  'articles.restore': { request: byId, response: articleSchema },
  'revisions.list': {
    request: z.object({ articleId: uuidSchema }).strict(),
    response: z.array(revisionSummarySchema),
  },
  'media.put': {
    request: z
      .object({
        name: z.string().max(500),
        mime: z.string().max(100),
        /** Base64 so the same payload crosses Electron IPC and the Playwright binding. */
        dataBase64: z.string().max(300 * 1024 * 1024),
      })
      .strict(),
    response: mediaInfoSchema,
  },
  'media.info': { request: z.object({ hash: sha256Schema }).strict(), response: mediaInfoSchema },
  'settings.get': { request: empty, response: settingsSchema },
  'settings.update': { request: settingsSchema.partial().strict(), response: settingsSchema },
  'view.get': {
    request: z.object({ articleId: uuidSchema }).strict(),
    response: viewStateSchema.nullable(),
  },
  'view.set': { request: viewStateSchema.strict(), response: z.null() },
  'view.last': { request: empty, response: z.object({ articleId: uuidSchema.nullable() }) },
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type RequestOf<C extends Channel> = z.input<Contract[C]['request']>;
export type ParsedRequestOf<C extends Channel> = z.output<Contract[C]['request']>;
export type ResponseOf<C extends Channel> = z.output<Contract[C]['response']>;

export const channels = Object.keys(contract) as Channel[];

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(contract, value);
}

/** The URL path under which the renderer loads stored media (same in Electron and the harness). */
export const MEDIA_PATH_PREFIX = '/media/';
export function mediaPath(hash: string): string {
  return `${MEDIA_PATH_PREFIX}${hash}`;
}

import { z } from 'zod';
import { articleStatusSchema, uuidSchema } from '../../domain/article';
import { channel } from '../channel';

export const searchFiltersSchema = z
  .object({
    status: z.array(articleStatusSchema).max(10).optional(),
    section: z.string().max(200).optional(),
    /** Part of the author's account name or of the byline. */
    author: z.string().max(200).optional(),
    /** Last change on or after / on or before. */
    from: z.string().datetime({ offset: true }).optional(),
    to: z.string().datetime({ offset: true }).optional(),
  })
  .strict();
export type SearchFilters = z.infer<typeof searchFiltersSchema>;

export const searchHitSchema = z.object({
  id: uuidSchema,
  title: z.string(),
  status: articleStatusSchema,
  section: z.string(),
  updatedAt: z.string(),
  /** bm25 with the title weighted higher; lower is better (SQLite's convention). */
  rank: z.number(),
  /** A passage of the original (unnormalized) text around the best match. */
  snippet: z.string(),
  /** Matching ranges in `snippet`, as [start, end) UTF-16 offsets, for highlighting. */
  highlights: z.array(z.tuple([z.number().int(), z.number().int()])),
  /** Where the snippet's match is in the article's plain body text (docToText), so the view opens the article there; null when the match is in the title or metadata. */
  bodyOffset: z.number().int().nullable(),
  /** Length of that match in the body text (a whole word or phrase, marks included); null with bodyOffset. */
  bodyLength: z.number().int().nullable(),
  /** Which field the snippet comes from. */
  field: z.enum(['body', 'title', 'subtitle', 'excerpt', 'tags']),
});
export type SearchHit = z.infer<typeof searchHitSchema>;

/** Totals are counted up to this many matches (a common word may match most of the archive). */
export const TOTAL_CAP = 1000;

/** Full-text search over title, kicker, excerpt, body and tags (Arabic-normalized FTS5). */
export const searchChannels = {
  'search.query': channel(
    'user',
    z
      .object({
        query: z.string().max(500),
        filters: searchFiltersSchema.default({}),
        limit: z.number().int().min(1).max(200).default(50),
        offset: z.number().int().min(0).default(0),
      })
      .strict(),
    /** `total` counts every match (capped at TOTAL_CAP: "1000+" beyond). */
    z.object({ total: z.number().int(), hits: z.array(searchHitSchema) }),
  ),
} as const;

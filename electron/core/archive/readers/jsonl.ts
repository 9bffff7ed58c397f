import { basename } from 'node:path';
import { z } from 'zod';
import type { ForeignReaderOptions, ImportCandidate } from '../types';
import { invalidAt, RemoteImages, textToDoc, toUtcIso } from './common';
import { LineTooLongError, MAX_LINE_BYTES, readLines } from './lines';

/**
 * The simple JSON Lines migration format (docs/import-format.md): one article per line, read
 * as the file streams, each line validated on its own. The first bad line stops the import
 * with an error naming it.
 */

const text = (max: number) => z.string().max(max);
const optionalText = (max: number) => text(max).nullish();
/** ISO 8601: a date, or a date and time with or without an offset (without one it is UTC). */
const isoDate = z.union([z.iso.datetime({ offset: true, local: true }), z.iso.date()]);

export const JSONL_STATUSES = ['draft', 'submitted', 'approved', 'published'] as const;

export const jsonlArticleSchema = z
  .object({
    title: text(500).refine((value) => value.trim().length > 0, { message: 'must not be empty' }),
    body_html: text(20 * 1024 * 1024).nullish(),
    body_text: text(20 * 1024 * 1024).nullish(),
    subtitle: optionalText(500),
    excerpt: optionalText(5000),
    slug: optionalText(300),
    section: optionalText(200),
    tags: z.array(text(100)).max(100).nullish(),
    author: optionalText(300),
    status: z.enum(JSONL_STATUSES).nullish(),
    created_at: isoDate.nullish(),
    published_at: isoDate.nullish(),
    /** Optional: the web address of the featured image (fetched and stored like body images). */
    featured_image: optionalText(2000),
  })
  .refine((value) => typeof value.body_html === 'string' || typeof value.body_text === 'string', {
    message: 'needs "body_html" or "body_text"',
    path: ['body_html'],
  });
export type JsonlArticle = z.infer<typeof jsonlArticleSchema>;

const KNOWN_KEYS = new Set(['title', 'body_html', 'body_text', 'subtitle', 'excerpt', 'slug', 'section', 'tags', 'author', 'status', 'created_at', 'published_at', 'featured_image']);

/** One zod issue as a sentence, in English and Arabic. */
function describeIssue(issue: z.core.$ZodIssue, value: Record<string, unknown>): { en: string; ar: string } {
  const field = issue.path.length > 0 ? issue.path.map(String).join('.') : 'the line';
  const name = `"${field}"`;
  const nameAr = `«${field}»`;
  switch (issue.code) {
    case 'invalid_type':
      return issue.path.length === 1 && value[String(issue.path[0])] === undefined
        ? { en: `${name} is missing`, ar: `الحقل ${nameAr} مفقود` }
        : { en: `${name} must be ${issue.expected === 'array' ? 'an array' : `a ${issue.expected}`}`, ar: `الحقل ${nameAr} يجب أن يكون من نوع ${issue.expected}` };
    case 'invalid_value':
      return { en: `${name} must be one of ${issue.values.map(String).join(', ')}`, ar: `الحقل ${nameAr} يجب أن يكون إحدى القيم: ${issue.values.map(String).join('، ')}` };
    case 'too_big':
      return { en: `${name} is too long (at most ${String(issue.maximum)})`, ar: `الحقل ${nameAr} أطول من المسموح (الحد ${String(issue.maximum)})` };
    case 'invalid_union':
    case 'invalid_format':
      return field.endsWith('_at')
        ? { en: `${name} is not an ISO 8601 date (like 2026-08-14T10:30:00Z)`, ar: `الحقل ${nameAr} ليس تاريخًا بصيغة ISO 8601 (مثل 2026-08-14T10:30:00Z)` }
        : { en: `${name} is not valid`, ar: `الحقل ${nameAr} غير صالح` };
    default:
      return issue.message === 'needs "body_html" or "body_text"'
        ? { en: 'the article needs "body_html" or "body_text"', ar: 'المقال يحتاج إلى «body_html» أو «body_text»' }
        : issue.message === 'must not be empty'
          ? { en: `${name} must not be empty`, ar: `الحقل ${nameAr} يجب ألا يكون فارغًا` }
          : { en: `${name}: ${issue.message}`, ar: `الحقل ${nameAr} غير صالح` };
  }
}

export async function* readJsonl(file: string, options: ForeignReaderOptions): AsyncGenerator<ImportCandidate> {
  const name = basename(file);
  const at = (line: number) => `Line ${line} of "${name}"`;
  const atAr = (line: number) => `السطر ${line} من «${name}»`;
  const images = new RemoteImages(options);
  const warnedKeys = new Set<string>();
  const lines = readLines(file);
  while (true) {
    let next: IteratorResult<{ number: number; text: string }>;
    try {
      next = await lines.next();
    } catch (error) {
      if (error instanceof LineTooLongError) {
        throw invalidAt(error.line, `${at(error.line)} is longer than ${MAX_LINE_BYTES / (1024 * 1024)} MB: is this a JSON Lines file (one article per line)?`, `${atAr(error.line)} أطول من ${MAX_LINE_BYTES / (1024 * 1024)} ميغابايت: هل هذا ملف JSON Lines (مقال في كل سطر)؟`);
      }
      throw error;
    }
    if (next.done) return;
    const { number, text: line } = next.value;
    if (line.trim() === '') continue;

    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      const reason = (error as Error).message;
      throw invalidAt(number, `${at(number)} is not valid JSON (${reason}).`, `${atAr(number)} ليس JSON صالحًا (${reason}).`);
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw invalidAt(number, `${at(number)} is not a JSON object: each line is one article, like {"title": …, "body_html": …}.`, `${atAr(number)} ليس كائن JSON: كل سطر مقال واحد، مثل {"title": …, "body_html": …}.`);
    }
    const parsed = jsonlArticleSchema.safeParse(value);
    if (!parsed.success) {
      const issue = describeIssue(parsed.error.issues[0]!, value as Record<string, unknown>);
      throw invalidAt(number, `${at(number)}: ${issue.en}.`, `${atAr(number)}: ${issue.ar}.`, { field: parsed.error.issues[0]!.path.join('.') });
    }
    for (const key of Object.keys(value)) {
      if (KNOWN_KEYS.has(key) || warnedKeys.has(key)) continue;
      warnedKeys.add(key);
      options.warn(number, `${at(number)}: the field "${key}" is not part of the format and was ignored (and on every later line).`, `${atAr(number)}: الحقل «${key}» ليس من الصيغة فتُجوهل (وفي كل سطر بعده).`);
    }
    yield await candidate(parsed.data, number, images);
  }
}

async function candidate(article: JsonlArticle, position: number, images: RemoteImages): Promise<ImportCandidate> {
  const body = typeof article.body_html === 'string' ? await images.htmlToDoc(article.body_html, position) : textToDoc(article.body_text ?? '');
  const featuredMedia = article.featured_image ? await images.resolve(article.featured_image, position) : null;
  return {
    position,
    title: article.title.trim(),
    subtitle: article.subtitle?.trim() ?? '',
    excerpt: article.excerpt?.trim() ?? '',
    slug: article.slug?.trim() ?? '',
    section: article.section?.trim() ?? '',
    tags: (article.tags ?? []).map((tag) => tag.trim()).filter(Boolean),
    authorName: article.author?.trim() || null,
    status: article.status ?? 'draft',
    createdAt: toUtcIso(article.created_at),
    publishedAt: toUtcIso(article.published_at),
    body,
    featuredMedia,
    source: null,
  };
}

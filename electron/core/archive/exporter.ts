import type { Database } from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { DigitsPolicy, NewsroomLocale } from '../../../shared/domain/settings';
import { ErrorCode, MidadError } from '../../../shared/errors';
import type { ExportFilters } from '../../../shared/ipc/channels/archive';
import { articlePages, buildRecord, countArticles } from './records';
import { ARCHIVE_FORMAT_VERSION, type ArchiveRendering } from './types';
import { ZipWriter } from './zipWriter';

export const ARTICLES_ENTRY = 'articles.jsonl';
export const MANIFEST_ENTRY = 'manifest.json';

/** `manifest.json`: what the archive is and the SHA-256 of every other entry. */
export interface ArchiveManifest {
  format: 'midad-archive';
  formatVersion: number;
  appVersion: string;
  createdAt: string;
  filters: ExportFilters;
  includeRevisions: boolean;
  counts: { articles: number; media: number; revisions: number; comments: number; files: number };
  files: Record<string, string>;
}

export interface ExportProgress {
  done: number;
  total: number;
  bytesWritten: number;
}

export interface ExportOptions {
  db: Database;
  /** Where a stored image's file is (null when it is missing). */
  mediaFile: (hash: string) => string | null;
  filters: ExportFilters;
  includeRevisions: boolean;
  /** The finished archive's path; the temporary file is written beside it. */
  destination: string;
  appVersion: string;
  createdAt: string;
  locale: NewsroomLocale;
  digits: DigitsPolicy;
  renderings: ArchiveRendering[];
  onProgress?: (progress: ExportProgress) => void;
  /** Checked between articles; true stops the export and removes the temporary file. */
  cancelled?: () => boolean;
}

export interface ExportResult {
  file: string;
  manifest: ArchiveManifest;
  bytes: number;
}

function cancelledError(): MidadError {
  return new MidadError(ErrorCode.CANCELLED, 'The export was cancelled; no archive was left behind.', 'أُلغي التصدير، ولم يُترك أي أرشيف ناقص.');
}

/** Yields to the event loop so progress calls and a cancel can get in between pages. */
const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Writes one ZIP archive of the articles the filters take: `articles.jsonl` (one lossless
 * record per line), `media/<hash>` (each image once), what the renderings write, and
 * `manifest.json`. Written to a temporary file beside the destination and renamed only when
 * complete: a cancel or a failure leaves nothing behind.
 */
export async function exportArchive(options: ExportOptions): Promise<ExportResult> {
  const { db } = options;
  mkdirSync(dirname(options.destination), { recursive: true });
  if (existsSync(options.destination)) {
    throw new MidadError(
      ErrorCode.ALREADY_EXISTS,
      `${options.destination} already exists; choose another file name.`,
      `الملف ${options.destination} موجود مسبقًا؛ اختر اسمًا آخر.`,
    );
  }
  const temporary = join(dirname(options.destination), `.${basename(options.destination)}.${randomUUID()}.partial`);
  const writer = new ZipWriter(temporary);
  const total = countArticles(db, options.filters);
  const counts = { articles: 0, media: 0, revisions: 0, comments: 0, files: 0 };
  const report = () => options.onProgress?.({ done: counts.articles, total, bytesWritten: writer.bytesWritten });
  try {
    const articles = await writer.open(ARTICLES_ENTRY);
    const context = {
      createdAt: options.createdAt,
      appVersion: options.appVersion,
      filters: options.filters,
      locale: options.locale,
      digits: options.digits,
      readMedia: (hash: string) => {
        const file = options.mediaFile(hash);
        try {
          return file ? readFileSync(file) : null;
        } catch {
          return null;
        }
      },
    };
    for (const rendering of options.renderings) await rendering.begin(writer, context);
    report();
    for (const page of articlePages(db, options.filters)) {
      for (const row of page) {
        if (options.cancelled?.()) throw cancelledError();
        const record = buildRecord(db, row, options.includeRevisions);
        await articles.write(`${JSON.stringify(record)}\n`);
        for (const media of record.media) {
          if (writer.has(media.path)) continue;
          const file = options.mediaFile(media.hash);
          if (!file) {
            throw new MidadError(
              ErrorCode.NOT_FOUND,
              `The image ${media.hash} of "${record.title}" is missing from the data directory (run "midad doctor").`,
              `الصورة ${media.hash} في «${record.title}» مفقودة من مجلد البيانات (شغّل ‎"midad doctor"‎).`,
              { hash: media.hash, articleId: record.id },
            );
          }
          await writer.addFile(media.path, file);
          counts.media += 1;
        }
        for (const rendering of options.renderings) await rendering.article(record);
        counts.articles += 1;
        counts.revisions += record.revisions?.length ?? 0;
        counts.comments += record.comments.length;
      }
      report();
      await breathe();
    }
    if (options.cancelled?.()) throw cancelledError();
    for (const rendering of options.renderings) await rendering.end();
    await articles.close();
    let manifest: ArchiveManifest | null = null;
    await writer.finish((files) => {
      counts.files = Object.keys(files).length;
      manifest = {
        format: 'midad-archive',
        formatVersion: ARCHIVE_FORMAT_VERSION,
        appVersion: options.appVersion,
        createdAt: options.createdAt,
        filters: options.filters,
        includeRevisions: options.includeRevisions,
        counts,
        files,
      };
      return `${JSON.stringify(manifest, null, 2)}\n`;
    });
    if (options.cancelled?.()) throw cancelledError();
    renameSync(temporary, options.destination);
    report();
    return { file: options.destination, manifest: manifest!, bytes: writer.bytesWritten };
  } catch (error) {
    // A rendering that spools to temporary files (the HTML index) removes them.
    for (const rendering of options.renderings) (rendering as ArchiveRendering & { abort?: () => void }).abort?.();
    await writer.abort();
    throw error;
  }
}

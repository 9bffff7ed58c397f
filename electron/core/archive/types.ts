/**
 * The seams of the archive module: the lossless article record (one line of `articles.jsonl`),
 * the renderings written beside it (HTML site, Markdown, WXR), and the readers of foreign
 * formats (simple JSON Lines, WordPress WXR) that feed the importer.
 */
import type { ArticleStatus } from '../../../shared/domain/article';
import type { DigitsPolicy, NewsroomLocale } from '../../../shared/domain/settings';
import type { DocNode } from '../../../shared/editor/docSchema';
import type { ExportFilters } from '../../../shared/ipc/channels/archive';

/** Raised when the archive layout or the record changes incompatibly; an archive above ours is refused. */
export const ARCHIVE_FORMAT_VERSION = 1;

export interface PersonRef {
  id: string;
  name: string;
  role: 'editor' | 'reviewer' | 'admin';
}

export interface ArchiveMediaRef {
  hash: string;
  mime: string;
  size: number;
  name: string;
  /** Entry path inside the archive: `media/<hash>`. */
  path: string;
}

export interface ArchiveRevision {
  articleVersion: number;
  reason: string;
  actor: string;
  title: string;
  wordCount: number;
  contentHash: string;
  /** The stored snapshot, parsed (metadata + body). */
  snapshot: unknown;
  createdAt: string;
}

export interface ArchiveComment {
  id: string;
  parentId: string | null;
  authorId: string;
  authorName: string | null;
  body: string;
  quote: string;
  anchored: boolean;
  resolvedAt: string | null;
  resolvedBy: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface ArchiveAuditEntry {
  at: string;
  actor: string;
  action: string;
  fromStatus: string | null;
  toStatus: string | null;
  detail: unknown;
}

export interface ArchiveSyncState {
  endpoint: { id: string; name: string; kind: 'wordpress' | 'webhook'; url: string };
  operation: 'publish' | 'update' | 'unpublish';
  state: string;
  remoteId: string | null;
  remoteUrl: string | null;
  remoteModified: string | null;
  syncedHash: string | null;
  remoteTextHash: string | null;
  slug: string | null;
  attempts: number;
  lastAttemptAt: string | null;
  lastError: { code: string; message: string; messageAr: string } | null;
  createdAt: string;
  updatedAt: string;
}

/** One line of `articles.jsonl`: every field Midad keeps about an article. */
export interface ArchiveArticleRecord {
  id: string;
  title: string;
  subtitle: string;
  excerpt: string;
  slug: string;
  section: string;
  tags: string[];
  byline: string;
  author: PersonRef | null;
  assignee: PersonRef | null;
  status: ArticleStatus;
  statusBeforeSpike: ArticleStatus | null;
  priority: 'normal' | 'urgent';
  deadline: string | null;
  scheduledAt: string | null;
  submittedAt: string | null;
  publishedAt: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
  featuredMedia: string | null;
  body: DocNode;
  /** Derived from `body` (never read back on import). */
  bodyHtml: string;
  wordCount: number;
  charCount: number;
  media: ArchiveMediaRef[];
  /** Present when the export asked for revisions. */
  revisions?: ArchiveRevision[];
  comments: ArchiveComment[];
  audit: ArchiveAuditEntry[];
  sync: ArchiveSyncState[];
}

/** Where a rendering writes its files inside the archive. */
export interface ArchiveSink {
  /** A small entry (one article's page), written to the archive now. */
  add(path: string, data: Buffer | string): Promise<void>;
  /** A large entry written piece by piece while the articles stream (spooled to a temporary file, added at the end). */
  open(path: string): Promise<ArchiveTextStream>;
}

export interface ArchiveTextStream {
  write(text: string): Promise<void>;
  close(): Promise<void>;
}

export interface RenderContext {
  createdAt: string;
  appVersion: string;
  filters: ExportFilters;
  locale: NewsroomLocale;
  digits: DigitsPolicy;
  /** Media bytes by hash (for renderings that need dimensions or copies; the exporter writes `media/` itself). */
  readMedia(hash: string): Buffer | null;
}

/** A view of the archive written beside `articles.jsonl` (the HTML site, Markdown, WXR). Holds O(1) articles in memory. */
export interface ArchiveRendering {
  begin(sink: ArchiveSink, context: RenderContext): Promise<void>;
  article(record: ArchiveArticleRecord): Promise<void>;
  end(): Promise<void>;
}

/** An article read from a foreign format, ready for the importer (media already stored, referenced by hash). */
export interface ImportCandidate {
  /** 1-based line (JSONL) or item index (WXR), for reports. */
  position: number;
  title: string;
  subtitle: string;
  excerpt: string;
  slug: string;
  section: string;
  tags: string[];
  /** Author name; one matching an account's name is linked to it, any other becomes a byline. */
  authorName: string | null;
  status: 'draft' | 'submitted' | 'approved' | 'published';
  createdAt: string | null;
  publishedAt: string | null;
  body: DocNode;
  featuredMedia: string | null;
  /** Where it came from (WXR: the post's link or guid), for the report. */
  source: string | null;
}

/** A line or entry that could not be read: the import stops and the database stays as it was. */
export interface ImportFailure {
  position: number | null;
  message: string;
  messageAr: string;
}

export interface ForeignReaderOptions {
  /** A dry run reads and validates but stores no media. */
  dryRun: boolean;
  /** Stores image bytes (content-addressed) and returns the hash; null when the bytes are not an accepted image. */
  storeMedia(bytes: Buffer, name: string): string | null;
  /** Fetches an image referenced by URL (WXR); null when it cannot be fetched (the report warns). */
  fetchMedia(url: string): Promise<{ bytes: Buffer; name: string } | null>;
  /** Reports a non-fatal problem (an image that could not be fetched, an unknown status mapped to draft). */
  warn(position: number | null, message: string, messageAr: string): void;
}

/** Reads a foreign file as candidates; throws MidadError(ARCHIVE_INVALID) naming the line or entry on bad input. */
export type ForeignReader = (file: string, options: ForeignReaderOptions) => AsyncIterable<ImportCandidate>;

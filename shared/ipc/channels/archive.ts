import { z } from 'zod';
import { articleStatusSchema } from '../../domain/article';
import { channel } from '../channel';

const empty = z.object({}).strict();
const isoDate = z.string().datetime({ offset: true });

/** Which articles an export takes (all when absent). */
export const exportFiltersSchema = z
  .object({
    /** Range applied to `dateField`, inclusive, ISO 8601. */
    from: isoDate.optional(),
    to: isoDate.optional(),
    dateField: z.enum(['created', 'published']).default('created'),
    status: z.array(articleStatusSchema).max(10).optional(),
    section: z.string().max(200).optional(),
    /** An author by name (an account's name or a byline). */
    author: z.string().max(200).optional(),
  })
  .strict();
export type ExportFilters = z.infer<typeof exportFiltersSchema>;

export const exportJobSchema = z.object({
  id: z.string(),
  state: z.enum(['running', 'done', 'failed', 'cancelled']),
  /** Articles written so far / to write. */
  done: z.number().int(),
  total: z.number().int(),
  bytesWritten: z.number().int(),
  /** Seconds left, estimated from the pace so far; null until it can be estimated. */
  etaSeconds: z.number().nullable(),
  startedAt: z.string(),
  /** The finished archive (absolute path), once `done`. */
  file: z.string().nullable(),
  error: z.object({ code: z.string(), message: z.string(), messageAr: z.string() }).nullable(),
});
export type ExportJob = z.infer<typeof exportJobSchema>;

export const verifyProblemSchema = z.object({
  /** The archive entry (or line, as `articles.jsonl:12`) the problem is in; null for the archive as a whole. */
  where: z.string().nullable(),
  code: z.string(),
  message: z.string(),
  messageAr: z.string(),
});
export type VerifyProblem = z.infer<typeof verifyProblemSchema>;

export const verifyReportSchema = z.object({
  ok: z.boolean(),
  formatVersion: z.number().int().nullable(),
  appVersion: z.string().nullable(),
  createdAt: z.string().nullable(),
  counts: z.record(z.string(), z.number().int()),
  filesChecked: z.number().int(),
  problems: z.array(verifyProblemSchema),
});
export type VerifyReport = z.infer<typeof verifyReportSchema>;

export const importFormatSchema = z.enum(['midad', 'jsonl', 'wxr']);
export type ImportFormat = z.infer<typeof importFormatSchema>;

/** What happens to an article whose id already exists here. */
export const idPolicySchema = z.enum(['skip', 'overwrite', 'new']);
export type IdPolicy = z.infer<typeof idPolicySchema>;

export const importReportSchema = z.object({
  format: importFormatSchema,
  dryRun: z.boolean(),
  /** Per article: what was (or, in a dry run, would be) done. */
  items: z.array(
    z.object({
      /** Line (JSONL) or item index (WXR), 1-based. */
      position: z.number().int(),
      id: z.string().nullable(),
      title: z.string(),
      action: z.enum(['create', 'overwrite', 'skip', 'create_new_id']),
      status: articleStatusSchema,
    }),
  ),
  counts: z.object({ created: z.number().int(), overwritten: z.number().int(), skipped: z.number().int(), media: z.number().int() }),
  warnings: z.array(z.object({ position: z.number().int().nullable(), message: z.string(), messageAr: z.string() })),
});
export type ImportReport = z.infer<typeof importReportSchema>;

export const backupEntrySchema = z.object({
  /** File name inside the data directory's backups folder. */
  name: z.string(),
  kind: z.enum(['daily', 'weekly', 'manual', 'pre-migration', 'pre-restore']),
  createdAt: z.string(),
  size: z.number().int(),
  schemaVersion: z.number().int().nullable(),
});
export type BackupEntry = z.infer<typeof backupEntrySchema>;

/** A file the renderer hands to the core in chunks (import, verify), staged in the data directory. */
const stageId = z.string().regex(/^[a-f0-9-]{36}$/);

/** Archives (export, verify, import) and backups: admins only; the core enforces it. */
export const archiveChannels = {
  'archive.exportStart': channel(
    'admin',
    z.object({ filters: exportFiltersSchema.default({ dateField: 'created' }), includeRevisions: z.boolean().default(false) }).strict(),
    exportJobSchema,
  ),
  'archive.exportProgress': channel('admin', z.object({ jobId: z.string() }).strict(), exportJobSchema),
  'archive.exportCancel': channel('admin', z.object({ jobId: z.string() }).strict(), exportJobSchema),
  /** Finished archives in the data directory's exports folder, newest first. */
  'archive.exports': channel('admin', empty, z.array(z.object({ name: z.string(), file: z.string(), size: z.number().int(), createdAt: z.string() }))),
  /** Upload of a file to verify or import: begin (size known up front, refused above the limit), chunks, end. */
  'archive.stageBegin': channel('admin', z.object({ name: z.string().max(255), size: z.number().int().min(0) }).strict(), z.object({ stageId })),
  'archive.stageChunk': channel(
    'admin',
    z.object({ stageId, offset: z.number().int().min(0), dataBase64: z.string().max(8 * 1024 * 1024) }).strict(),
    z.object({ received: z.number().int() }),
  ),
  'archive.stageEnd': channel('admin', z.object({ stageId }).strict(), z.object({ size: z.number().int(), format: importFormatSchema.nullable() })),
  'archive.stageDiscard': channel('admin', z.object({ stageId }).strict(), z.null()),
  'archive.verify': channel('admin', z.object({ stageId }).strict(), verifyReportSchema),
  'archive.import': channel(
    'admin',
    z.object({ stageId, dryRun: z.boolean(), idPolicy: idPolicySchema.default('skip'), format: importFormatSchema.optional() }).strict(),
    importReportSchema,
  ),
  'backups.list': channel('admin', empty, z.array(backupEntrySchema)),
  'backups.create': channel('admin', empty, backupEntrySchema),
  /** Replaces the database with a backup (checked first); the current database is kept as a `pre-restore` backup. */
  'backups.restore': channel('admin', z.object({ name: z.string().max(255) }).strict(), z.object({ restored: backupEntrySchema, safetyBackup: backupEntrySchema })),
} as const;

import { z } from 'zod';

export const languageSchema = z.enum(['ar', 'en']);
export type Language = z.infer<typeof languageSchema>;

export const settingsSchema = z.object({
  language: languageSchema,
  wordsPerMinute: z.number().int().min(50).max(1000),
  /** Largest image accepted, in bytes. */
  maxImageBytes: z.number().int().min(1024).max(200 * 1024 * 1024),
  /** Minutes of continuous editing between two autosave revision snapshots. */
  revisionIntervalMinutes: z.number().int().min(1).max(120),
  /** Minutes without activity before the session locks and asks for the password again. */
  idleLockMinutes: z.number().int().min(1).max(24 * 60),
  /** One-person desks: a reviewer may approve an article they wrote. */
  allowSelfApproval: z.boolean(),
});
export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  language: 'ar',
  wordsPerMinute: 200,
  maxImageBytes: 10 * 1024 * 1024,
  revisionIntervalMinutes: 5,
  idleLockMinutes: 15,
  allowSelfApproval: false,
};

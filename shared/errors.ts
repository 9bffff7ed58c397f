/**
 * Stable error codes. Every failure that crosses IPC carries one of these plus a message a
 * person can act on, in English and Arabic; the renderer picks the language.
 */
export const ErrorCode = {
  VALIDATION: 'VALIDATION',
  NOT_FOUND: 'NOT_FOUND',
  VERSION_CONFLICT: 'VERSION_CONFLICT',
  FORBIDDEN: 'FORBIDDEN',
  UNKNOWN_CHANNEL: 'UNKNOWN_CHANNEL',
  BAD_SENDER: 'BAD_SENDER',
  DB_CORRUPT: 'DB_CORRUPT',
  DB_TOO_NEW: 'DB_TOO_NEW',
  DB_UNAVAILABLE: 'DB_UNAVAILABLE',
  DISK_FULL: 'DISK_FULL',
  DB_READONLY: 'DB_READONLY',
  DB_BUSY: 'DB_BUSY',
  MEDIA_TOO_LARGE: 'MEDIA_TOO_LARGE',
  MEDIA_UNSUPPORTED: 'MEDIA_UNSUPPORTED',
  INTERNAL: 'INTERNAL',
  NOT_SIGNED_IN: 'NOT_SIGNED_IN',
  SESSION_LOCKED: 'SESSION_LOCKED',
  INVALID_CREDENTIALS: 'INVALID_CREDENTIALS',
  USER_DISABLED: 'USER_DISABLED',
  TOO_MANY_ATTEMPTS: 'TOO_MANY_ATTEMPTS',
  ALREADY_EXISTS: 'ALREADY_EXISTS',
  LAST_ADMIN: 'LAST_ADMIN',
  /** An archive or import file that is damaged, tampered with or not what it claims to be. */
  ARCHIVE_INVALID: 'ARCHIVE_INVALID',
  /** An archive written by a newer Midad (format version above ours). */
  ARCHIVE_TOO_NEW: 'ARCHIVE_TOO_NEW',
  FILE_TOO_LARGE: 'FILE_TOO_LARGE',
  CANCELLED: 'CANCELLED',
  /** A backup file that fails its integrity or schema check. */
  BACKUP_INVALID: 'BACKUP_INVALID',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export interface ErrorPayload {
  code: ErrorCode;
  /** English message. */
  message: string;
  /** Arabic message. */
  messageAr: string;
  /** Optional machine-readable detail (never secrets, never stack traces). */
  detail?: Record<string, unknown>;
}

export class MidadError extends Error {
  readonly code: ErrorCode;
  readonly messageAr: string;
  readonly detail?: Record<string, unknown>;

  constructor(code: ErrorCode, message: string, messageAr: string, detail?: Record<string, unknown>) {
    super(message);
    this.name = 'MidadError';
    this.code = code;
    this.messageAr = messageAr;
    this.detail = detail;
  }

  toPayload(): ErrorPayload {
    return { code: this.code, message: this.message, messageAr: this.messageAr, ...(this.detail ? { detail: this.detail } : {}) };
  }
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorPayload };

export function isErrorPayload(value: unknown): value is ErrorPayload {
  return typeof value === 'object' && value !== null && typeof (value as ErrorPayload).code === 'string' && typeof (value as ErrorPayload).message === 'string';
}

import type { ErrorCode, ErrorPayload } from '../../shared/errors';

/**
 * A failed call to the core, carrying the stable code and both languages' messages so the UI
 * can show the right one without knowing where the failure came from.
 */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly messageAr: string;
  readonly detail: Record<string, unknown> | undefined;

  constructor(payload: ErrorPayload) {
    super(payload.message);
    this.name = 'ApiError';
    this.code = payload.code;
    this.messageAr = payload.messageAr;
    this.detail = payload.detail;
  }

  /** The message in the UI language. */
  localized(language: string): string {
    return language === 'ar' ? this.messageAr : this.message;
  }

  static from(error: unknown): ApiError {
    if (error instanceof ApiError) return error;
    const text = error instanceof Error ? error.message : String(error);
    return new ApiError({
      code: 'INTERNAL',
      message: `Midad could not reach its data store: ${text}`,
      messageAr: `تعذّر على مداد الوصول إلى مخزن البيانات: ${text}`,
    });
  }
}

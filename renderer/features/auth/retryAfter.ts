import { ErrorCode } from '../../../shared/errors';
import type { ApiError } from '../../api';

/**
 * Seconds to wait before the next sign-in attempt, from a TOO_MANY_ATTEMPTS refusal (its
 * `detail.retryAfterSeconds`); null for any other error. At least one second, at most an hour,
 * so a malformed detail can neither skip the wait nor lock the form for good.
 */
export function retryAfterSeconds(error: ApiError): number | null {
  if (error.code !== ErrorCode.TOO_MANY_ATTEMPTS) return null;
  const raw = Number(error.detail?.retryAfterSeconds);
  if (!Number.isFinite(raw)) return 1;
  return Math.min(3600, Math.max(1, Math.ceil(raw)));
}

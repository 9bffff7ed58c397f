import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../../../renderer/api/ApiError';
import { retryAfterSeconds } from '../../../../../renderer/features/auth/retryAfter';

const tooMany = (detail?: Record<string, unknown>) =>
  new ApiError({ code: 'TOO_MANY_ATTEMPTS', message: 'wait', messageAr: 'انتظر', ...(detail ? { detail } : {}) });

describe('retryAfterSeconds', () => {
  it('does take the wait from the refusal when there were too many attempts', () => {
    expect(retryAfterSeconds(tooMany({ retryAfterSeconds: 8 }))).toBe(8);
    expect(retryAfterSeconds(tooMany({ retryAfterSeconds: 2.2 }))).toBe(3);
  });

  it('does wait at least a second and at most an hour when the detail is odd', () => {
    expect(retryAfterSeconds(tooMany())).toBe(1);
    expect(retryAfterSeconds(tooMany({ retryAfterSeconds: 0 }))).toBe(1);
    expect(retryAfterSeconds(tooMany({ retryAfterSeconds: 'soon' }))).toBe(1);
    expect(retryAfterSeconds(tooMany({ retryAfterSeconds: 1e9 }))).toBe(3600);
  });

  it('does not make anyone wait for a wrong password or a disabled account', () => {
    expect(retryAfterSeconds(new ApiError({ code: 'INVALID_CREDENTIALS', message: 'x', messageAr: 'x' }))).toBeNull();
    expect(retryAfterSeconds(new ApiError({ code: 'USER_DISABLED', message: 'x', messageAr: 'x', detail: { retryAfterSeconds: 5 } }))).toBeNull();
  });
});

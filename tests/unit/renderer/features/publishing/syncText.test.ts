import { beforeAll, describe, expect, it } from 'vitest';
import { canCancel, canRetry, endpointProblem, errorText, nextProgress, safeRemoteUrl, showProgress, stateText, SYNC_STATES, whenText, type EndpointForm } from '../../../../../renderer/features/publishing/syncText';
import { testResultText, wpRoleName } from '../../../../../renderer/features/publishing/EndpointsDialog';
import { syncStateSchema, type SyncState } from '../../../../../shared/ipc/channels/sync';
import { createI18n } from '../../../../../renderer/i18n';
import { setFormatSettings } from '../../../../../renderer/i18n/format';

const ar = createI18n('ar', false).t;
const en = createI18n('en', false).t;

const form = (patch: Partial<EndpointForm> = {}): EndpointForm => ({
  id: null,
  kind: 'webhook',
  name: 'المستقبِل',
  url: 'https://example.com/hook',
  username: '',
  enabled: true,
  unpublishMode: 'draft',
  concurrency: '4',
  secret: 's3cret',
  hasSecret: false,
  ...patch,
});


// An Arabic-Indic newsroom locale (the default ar-MA writes Western digits: see tests/unit/shared/text/intl.test.ts).
beforeAll(() => setFormatSettings({ locale: 'ar-EG', showHijri: false }));
describe('publishing text', () => {
  it('does name every outbox state in both languages, and offers every state in the filter', () => {
    expect([...SYNC_STATES].sort()).toEqual([...syncStateSchema.options].sort());
    for (const state of SYNC_STATES) {
      expect(stateText(ar, { state, nextAttemptAt: null }, 'ar')).not.toContain('publishing.');
      expect(stateText(en, { state, nextAttemptAt: null }, 'en')).not.toContain('publishing.');
    }
    expect(stateText(ar, { state: 'published', nextAttemptAt: null }, 'ar')).toBe('منشور');
  });

  it('does say when the next attempt is, in the language of the interface', () => {
    const at = '2026-11-30T10:32:00.000Z';
    const arabic = stateText(ar, { state: 'retry', nextAttemptAt: at }, 'ar');
    expect(arabic).toMatch(/^إعادة المحاولة /);
    expect(arabic).toMatch(/[٠-٩]/);
    expect(stateText(en, { state: 'retry', nextAttemptAt: at }, 'en')).toMatch(/^Retry at .*\d/);
    // Without a time it is still a readable state.
    expect(stateText(ar, { state: 'retry', nextAttemptAt: null }, 'ar')).toBe('ستُعاد المحاولة');
    expect(stateText(ar, { state: 'held', nextAttemptAt: null }, 'ar')).toBe('ينتظر التعديل وإعادة الاعتماد');
    expect(stateText(en, { state: 'held', nextAttemptAt: '2030-01-15T07:30:00Z' }, 'en')).toMatch(/^Held until .*2030/);
  });

  it('does show the stored error in the interface language', () => {
    const error = { code: 'HTTP_500', message: 'The server answered 500.', messageAr: 'أجاب الخادم بالرمز ٥٠٠.' };
    expect(errorText(error, 'ar')).toBe('أجاب الخادم بالرمز ٥٠٠.');
    expect(errorText(error, 'en')).toBe('The server answered 500.');
    expect(errorText({ ...error, messageAr: '' }, 'ar')).toBe('The server answered 500.');
    expect(errorText(null, 'ar')).toBeNull();
  });

  it('does offer retry and cancel only where they make sense', () => {
    const at = (state: SyncState, nextAttemptAt: string | null = null) => ({ state, nextAttemptAt });
    expect(canRetry(at('retry', '2026-11-30T10:00:00Z'))).toBe(true);
    expect(canRetry(at('failed'))).toBe(true);
    expect(canRetry(at('cancelled'))).toBe(true);
    expect(canRetry(at('published'))).toBe(false);
    expect(canRetry(at('sending'))).toBe(false);
    // Held for edits after a conflict: it goes again with the next approval, not by hand.
    expect(canRetry(at('held'))).toBe(false);
    expect(canRetry(at('held', '2030-01-15T07:30:00Z'))).toBe(true);
    expect(canCancel('queued')).toBe(true);
    expect(canCancel('sending')).toBe(false);
    expect(canCancel('published')).toBe(false);
    expect(canCancel('cancelled')).toBe(false);
  });

  it('does draw only http(s) remote links', () => {
    expect(safeRemoteUrl('https://example.com/?p=12')).toBe('https://example.com/?p=12');
    expect(safeRemoteUrl('javascript:alert(1)')).toBeNull();
    expect(safeRemoteUrl('file:///etc/passwd')).toBeNull();
    expect(safeRemoteUrl('not a url')).toBeNull();
    expect(safeRemoteUrl(null)).toBeNull();
  });
});

describe('endpoint form', () => {
  it('does ask for a name, a full address, the WordPress user and a secret for a new endpoint', () => {
    expect(endpointProblem(form())).toBeNull();
    expect(endpointProblem(form({ name: '  ' }))).toBe('name');
    expect(endpointProblem(form({ url: 'example.com' }))).toBe('url');
    expect(endpointProblem(form({ url: 'ftp://example.com' }))).toBe('url');
    expect(endpointProblem(form({ kind: 'wordpress' }))).toBe('username');
    expect(endpointProblem(form({ kind: 'wordpress', username: 'editor' }))).toBeNull();
    expect(endpointProblem(form({ secret: '' }))).toBe('secret');
    expect(endpointProblem(form({ concurrency: '0' }))).toBe('concurrency');
    expect(endpointProblem(form({ concurrency: '17' }))).toBe('concurrency');
    expect(endpointProblem(form({ concurrency: '2.5' }))).toBe('concurrency');
    expect(endpointProblem(form({ concurrency: '16' }))).toBeNull();
  });

  it('does keep a stored secret when the write-only field is left empty', () => {
    expect(endpointProblem(form({ id: 'x', secret: '', hasSecret: true }))).toBeNull();
  });
});

describe('connection test text', () => {
  const base = { ok: true, user: 'kareem', role: 'contributor', canPublish: false, warning: null, error: null };

  it('does name the user and role and warn plainly when the account cannot publish', () => {
    const arabic = testResultText(ar, base, 'ar');
    expect(arabic.text).toContain('kareem');
    expect(arabic.text).toContain('مساهم');
    expect(arabic.warning).toBe('هذا الحساب لا يستطيع نشر المقالات على الموقع.');
    const english = testResultText(en, base, 'en');
    expect(english.text).toContain('Contributor');
    expect(english.warning).toContain('cannot publish');
  });

  it("does prefer the core's own warning in the interface language", () => {
    const warning = { en: 'A contributor cannot publish.', ar: 'المساهم لا يستطيع النشر.' };
    expect(testResultText(ar, { ...base, warning }, 'ar').warning).toBe(warning.ar);
    expect(testResultText(en, { ...base, warning }, 'en').warning).toBe(warning.en);
  });

  it('does report a failure with the reason and no warning when the account can publish', () => {
    const failed = testResultText(ar, { ...base, ok: false, user: null, role: null, error: { code: 'HTTP_401', message: 'Wrong password.', messageAr: 'كلمة المرور خاطئة.' } }, 'ar');
    expect(failed.error).toContain('كلمة المرور خاطئة.');
    expect(failed.text).toBe('');
    expect(testResultText(en, { ...base, role: 'editor', canPublish: true }, 'en').warning).toBeNull();
    expect(wpRoleName(en, 'shop_manager')).toBe('shop_manager');
  });
});

describe('outbox progress', () => {
  it('does follow a batch from its largest size down to empty, then start afresh', () => {
    let progress = nextProgress(null, 10);
    expect(progress).toEqual({ total: 10, remaining: 10 });
    expect(showProgress(progress)).toBe(true);
    progress = nextProgress(progress, 4);
    expect(progress).toEqual({ total: 10, remaining: 4 });
    progress = nextProgress(progress, 12);
    expect(progress).toEqual({ total: 12, remaining: 12 });
    expect(nextProgress(progress, 0)).toBeNull();
    expect(showProgress(nextProgress(null, 2))).toBe(false);
  });
});

describe('publishing times', () => {
  it('does give a time today alone and another day with its date', () => {
    const now = new Date(2026, 10, 30, 12, 0);
    expect(whenText(new Date(2026, 10, 30, 10, 32).toISOString(), 'ar', now)).toBe('١٠:٣٢');
    expect(whenText(new Date(2026, 10, 30, 10, 32).toISOString(), 'en', now)).toBe('10:32');
    expect(whenText(new Date(2026, 10, 29, 10, 32).toISOString(), 'en', now)).toMatch(/29.*10:32/);
    expect(whenText(null, 'ar', now)).toBeNull();
    expect(whenText('garbage', 'ar', now)).toBeNull();
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import { WORKFLOW_ACTIONS } from '../../../../../shared/workflow/stateMachine';
import { AUDIT_ACTION_GROUPS, auditActionLabel, auditActorLabel, auditDetailText, formatAuditTime } from '../../../../../renderer/features/audit/auditText';
import { dayEndIso, dayStartIso } from '../../../../../renderer/features/audit/auditQuery';
import { createI18n } from '../../../../../renderer/i18n';
import { setFormatSettings } from '../../../../../renderer/i18n/format';

const ar = createI18n('ar', false).t;
const en = createI18n('en', false).t;
const entry = (action: string, detail: Record<string, unknown> | null = null) => ({
  actor: 'u1',
  actorName: 'سلمى',
  action,
  fromStatus: null,
  toStatus: null,
  detail,
});


// An Arabic-Indic newsroom locale (the default ar-MA writes Western digits: see tests/unit/shared/text/intl.test.ts).
beforeAll(() => setFormatSettings({ locale: 'ar-EG', showHijri: false }));
describe('audit log text', () => {
  it('does name every action offered in the filter in both languages', () => {
    for (const group of AUDIT_ACTION_GROUPS) {
      for (const action of group.actions) {
        expect(auditActionLabel(ar, action), action).not.toBe(action);
        expect(auditActionLabel(en, action), action).not.toBe(action);
      }
    }
    for (const action of WORKFLOW_ACTIONS) expect(auditActionLabel(ar, `workflow.${action}`)).not.toContain('workflow');
  });

  it('does translate known actions and show an unknown one as recorded', () => {
    expect(auditActionLabel(ar, 'auth.sign-in.failed')).toBe('محاولة دخول فاشلة');
    expect(auditActionLabel(en, 'workflow.requestChanges')).toBe('Changes requested');
    expect(auditActionLabel(ar, 'denied')).toBe('طلب مرفوض');
    expect(auditActionLabel(ar, 'sync.send')).toBe('sync.send');
    expect(auditActionLabel(ar, 'workflow.teleport')).toBe('workflow.teleport');
  });

  it('does name the CLI and anonymous callers', () => {
    expect(auditActorLabel(ar, { actor: 'cli:salma', actorName: 'cli:salma' })).toBe('سطر الأوامر (salma)');
    expect(auditActorLabel(en, { actor: 'anonymous', actorName: 'anonymous' })).toBe('Not signed in');
    expect(auditActorLabel(ar, { actor: 'u1', actorName: 'سلمى' })).toBe('سلمى');
  });

  it('does summarise the detail of account changes with names and role labels', () => {
    const names = new Map([['u2', 'كريم']]);
    expect(auditDetailText(ar, entry('user.update', { userId: 'u2', role: { from: 'reviewer', to: 'admin' }, disabled: true }), 'ar', names)).toBe(
      'كريم؛ الدور: مدقق ← مدير؛ عُطّل الحساب',
    );
    expect(auditDetailText(en, entry('user.create', { userId: 'u3', name: 'Nadia', role: 'editor' }), 'en', names)).toBe('Nadia (Editor)');
    expect(auditDetailText(ar, entry('auth.sign-in.failed', { failedAttempts: 6 }), 'ar', names)).toBe('المحاولة الخاطئة رقم ٦');
    expect(auditDetailText(ar, entry('auth.lock', { reason: 'idle' }), 'ar', names)).toBe('بعد خمول');
    expect(auditDetailText(ar, entry('workflow.requestChanges', { note: 'راجع الأرقام' }), 'ar', names)).toBe('ملاحظة: راجع الأرقام');
    expect(auditDetailText(en, entry('denied', { channel: 'users.list', role: 'editor', reason: 'Only an admin may do this.' }), 'en', names)).toBe(
      'channel users.list; Only an admin may do this.',
    );
    expect(auditDetailText(en, entry('sync.send', { target: 'wp', attempts: 2 }), 'en', names)).toBe('target: wp; attempts: 2');
    expect(auditDetailText(en, entry('comment.add', { commentId: 'c1' }), 'en', names)).toBe('');
  });

  it('does write times with Arabic-Indic digits in Arabic', () => {
    expect(formatAuditTime('2026-11-30T10:05:09Z', 'ar')).toMatch(/[٠-٩]/);
    expect(formatAuditTime('2026-11-30T10:05:09Z', 'en')).toMatch(/2026/);
    expect(formatAuditTime('not a date', 'en')).toBe('not a date');
  });

  it('does turn a date input into the whole local day', () => {
    const start = new Date(dayStartIso('2026-03-05')!);
    const end = new Date(dayEndIso('2026-03-05')!);
    expect([start.getFullYear(), start.getMonth(), start.getDate(), start.getHours()]).toEqual([2026, 2, 5, 0]);
    expect(end.getTime() - start.getTime()).toBe(24 * 3600 * 1000 - 1);
    expect(dayStartIso('')).toBeUndefined();
  });
});

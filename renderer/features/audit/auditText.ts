import type { TFunction } from 'i18next';
import type { Language } from '../../../shared/domain/settings';
import { WORKFLOW_ACTIONS } from '../../../shared/workflow/stateMachine';
import { formatDateTime, formatNumber } from '../../i18n/format';

export interface AuditEntryView {
  actor: string;
  actorName: string;
  action: string;
  fromStatus: string | null;
  toStatus: string | null;
  detail: Record<string, unknown> | null;
}

const workflowActions = new Set<string>(WORKFLOW_ACTIONS);

/** The action in the UI language ('workflow.approve' → 'اعتماد'); an unknown action is shown as recorded. */
export function auditActionLabel(t: TFunction, action: string): string {
  if (action.startsWith('workflow.')) {
    const name = action.slice('workflow.'.length);
    if (workflowActions.has(name)) return t(`auditLog.workflow.${name}`);
  }
  // Keys with dots ('auth.sign-in') cannot go through t()'s key path: read the table itself.
  const table = t('auditLog.actions', { returnObjects: true }) as unknown as Record<string, string>;
  return typeof table === 'object' && table !== null && typeof table[action] === 'string' ? table[action] : action;
}

/** Who did it: the account's name, the CLI with the OS user, or nobody signed in. */
export function auditActorLabel(t: TFunction, entry: Pick<AuditEntryView, 'actor' | 'actorName'>): string {
  if (entry.actor.startsWith('cli:')) return t('auditLog.cli', { user: entry.actor.slice(4) });
  if (entry.actor === 'anonymous') return t('auditLog.anonymous');
  return entry.actorName;
}

export function statusLabel(t: TFunction, status: string): string {
  const label = t(`articleStatus.${status}`, { defaultValue: '' });
  return label || status;
}

/** Date and time of an entry, to the second, in the newsroom locale. */
export function formatAuditTime(at: string, language: Language): string {
  const date = new Date(at);
  return Number.isNaN(date.getTime()) ? at : formatDateTime(date, language, { seconds: true });
}

function text(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

function roleText(t: TFunction, role: unknown): string {
  return typeof role === 'string' ? t(`roles.${role}`, { defaultValue: role }) : text(role);
}

const MAX_DETAIL = 160;

/**
 * A one-line summary of an entry's detail for the table, in the UI language where the action
 * is known (names of users are looked up in `names`); otherwise the recorded keys and values.
 */
export function auditDetailText(t: TFunction, entry: AuditEntryView, language: Language, names: ReadonlyMap<string, string>): string {
  const detail = entry.detail ?? {};
  const nameOf = (id: unknown) => (typeof id === 'string' ? names.get(id) ?? id : text(id));
  const parts: string[] = [];
  const { action } = entry;
  const d = 'auditLog.detailText';
  if (action === 'auth.lock') {
    if (detail.reason === 'idle') parts.push(t(`${d}.reasonIdle`));
    else if (detail.reason === 'manual') parts.push(t(`${d}.reasonManual`));
  } else if (action.endsWith('.failed') && typeof detail.failedAttempts === 'number') {
    parts.push(t(`${d}.failedAttempts`, { n: formatNumber(detail.failedAttempts, language) }));
  } else if (action.endsWith('.refused') && detail.reason === 'disabled') {
    parts.push(t(`${d}.disabledAccount`));
  } else if (action === 'user.setup' || action === 'user.create') {
    parts.push(`${text(detail.name)} (${roleText(t, detail.role)})`);
  } else if (action === 'user.update') {
    parts.push(nameOf(detail.userId));
    const role = detail.role as { from?: unknown; to?: unknown } | undefined;
    if (role && typeof role === 'object') parts.push(t(`${d}.roleChange`, { from: roleText(t, role.from), to: roleText(t, role.to) }));
    if (detail.disabled === true) parts.push(t(`${d}.disabledOn`));
    if (detail.disabled === false) parts.push(t(`${d}.disabledOff`));
    const name = detail.name as { from?: unknown; to?: unknown } | undefined;
    if (name && typeof name === 'object') parts.push(t(`${d}.nameChange`, { from: text(name.from), to: text(name.to) }));
  } else if (action === 'user.password-reset') {
    parts.push(nameOf(detail.userId));
  } else if (action === 'settings.update' && Array.isArray(detail.keys)) {
    parts.push(t(`${d}.settingsKeys`, { keys: detail.keys.map(text).join('، ') }));
  } else if (action === 'denied') {
    parts.push(t(`${d}.channel`, { channel: text(detail.channel) }));
    if (typeof detail.reason === 'string' && language === 'en') parts.push(detail.reason);
  } else if (action.startsWith('workflow.')) {
    if (typeof detail.assigneeId === 'string') parts.push(nameOf(detail.assigneeId));
    if (typeof detail.scheduledAt === 'string') parts.push(t(`${d}.scheduledAt`, { when: formatAuditTime(detail.scheduledAt, language) }));
    if (typeof detail.note === 'string') parts.push(t(`${d}.note`, { note: detail.note }));
  } else if (action.startsWith('comment.') || action === 'revision.restore' || action.startsWith('auth.') || action.startsWith('article.')) {
    // Ids only: nothing a person reads.
  } else {
    for (const [key, value] of Object.entries(detail)) parts.push(`${key}: ${text(value)}`);
  }
  const joined = parts.filter(Boolean).join(language === 'ar' ? '؛ ' : '; ');
  return joined.length > MAX_DETAIL ? `${joined.slice(0, MAX_DETAIL - 1)}…` : joined;
}

/** The families and actions offered in the action filter (the core matches a family as a prefix). */
export const AUDIT_ACTION_GROUPS: { family: string; actions: string[] }[] = [
  { family: 'auth', actions: ['auth.sign-in', 'auth.sign-in.failed', 'auth.sign-in.refused', 'auth.unlock', 'auth.unlock.failed', 'auth.lock', 'auth.sign-out'] },
  { family: 'user', actions: ['user.setup', 'user.create', 'user.update', 'user.password-reset'] },
  { family: 'workflow', actions: WORKFLOW_ACTIONS.map((name) => `workflow.${name}`) },
  { family: 'article', actions: ['article.create', 'article.spike', 'article.restore'] },
  { family: 'comment', actions: ['comment.add', 'comment.resolve', 'comment.reopen'] },
  { family: 'revision', actions: ['revision.restore'] },
  { family: 'denied', actions: [] },
  { family: 'settings', actions: ['settings.update'] },
];

import type { TFunction } from 'i18next';
import type { Language } from '../../../shared/domain/settings';
import type { SyncItem, SyncState } from '../../../shared/ipc/channels/sync';
import { formatTime } from '../../i18n/format';
import { formatWhen } from '../desk/formatWhen';

/** Every state an outbox item can be in, in the order the outbox filter offers them. */
export const SYNC_STATES: readonly SyncState[] = ['queued', 'sending', 'retry', 'conflict', 'failed', 'published', 'unpublished', 'held', 'cancelled'];

/** Whether "retry now" makes sense (an item held for edits waits for the next approval instead). */
export function canRetry(item: Pick<SyncItem, 'state' | 'nextAttemptAt'>): boolean {
  const { state } = item;
  if (state === 'held') return item.nextAttemptAt !== null;
  return state === 'retry' || state === 'failed' || state === 'queued' || state === 'cancelled';
}

/** States an item can still be cancelled from (not sent yet, or waiting for another try). */
export function canCancel(state: SyncState): boolean {
  return state === 'queued' || state === 'retry' || state === 'failed' || state === 'held' || state === 'conflict';
}

/** "Published", "Retry at 10:32"… in the UI language. */
export function stateText(t: TFunction, item: Pick<SyncItem, 'state' | 'nextAttemptAt'>, language: Language): string {
  const when = item.state === 'retry' || item.state === 'held' ? whenText(item.nextAttemptAt, language) : null;
  if (item.state === 'retry' && when) return t('publishing.retryAt', { when });
  // Held with a time: a scheduled webhook delivery; without one: sent back for edits after a conflict.
  if (item.state === 'held') return when ? t('publishing.heldUntil', { when }) : t('publishing.heldForEdits');
  return t(`publishing.states.${item.state}`);
}

/** The stored error in the UI language (the core keeps both). */
export function errorText(error: SyncItem['lastError'], language: Language): string | null {
  if (!error) return null;
  const text = language === 'ar' ? error.messageAr : error.message;
  return text || error.message || error.messageAr || error.code;
}

/** A time today is just the time ('١٠:٣٢'); any other day gets its date too. */
export function whenText(iso: string | null, language: Language, now: Date = new Date()): string | null {
  if (!iso) return null;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  return date.toDateString() === now.toDateString() ? formatTime(date, language) : formatWhen(date, language);
}

/** Only http(s) links are drawn as links; anything else a server answered stays plain text. */
export function safeRemoteUrl(url: string | null): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

export interface EndpointForm {
  id: string | null;
  kind: 'wordpress' | 'webhook';
  name: string;
  url: string;
  username: string;
  enabled: boolean;
  unpublishMode: 'draft' | 'trash';
  /** Requests in flight at once (1–16), as typed. */
  concurrency: string;
  /** Write-only: empty keeps the stored secret of an existing endpoint. */
  secret: string;
  hasSecret: boolean;
}

export type EndpointProblem = 'name' | 'url' | 'username' | 'secret' | 'concurrency';

/** The first field the form cannot be saved with, or null. */
export function endpointProblem(form: EndpointForm): EndpointProblem | null {
  if (!form.name.trim()) return 'name';
  let parsed: URL | null = null;
  try {
    parsed = new URL(form.url.trim());
  } catch {
    parsed = null;
  }
  if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) return 'url';
  if (form.kind === 'wordpress' && !form.username.trim()) return 'username';
  if (!form.secret && !form.hasSecret) return 'secret';
  if (!/^\d+$/.test(form.concurrency.trim()) || Number(form.concurrency) < 1 || Number(form.concurrency) > 16) return 'concurrency';
  return null;
}

/** Progress of a batch being sent, as the outbox shows it. */
export interface BatchProgress {
  /** The most items seen waiting or in flight since the batch started. */
  total: number;
  /** Items still waiting or in flight. */
  remaining: number;
}

/** Below this many items in a batch no progress bar is drawn. */
export const PROGRESS_THRESHOLD = 3;

/**
 * Follows a batch across polls: the total grows when more are queued, and resets once the
 * outbox is empty, so the bar goes from 0 to 100 % for each burst of sending.
 */
export function nextProgress(previous: BatchProgress | null, outstanding: number): BatchProgress | null {
  if (outstanding <= 0) return null;
  const total = Math.max(previous?.total ?? 0, outstanding);
  return { total, remaining: outstanding };
}

export function showProgress(progress: BatchProgress | null): progress is BatchProgress {
  return progress !== null && progress.total >= PROGRESS_THRESHOLD;
}

import type { ArticlePatch, SaveReason } from '../../../shared/domain/article';
import type { DocNode } from '../../../shared/editor/docSchema';
import { ErrorCode } from '../../../shared/errors';
import { ApiError } from '../../api/ApiError';
import { retryDelayMs } from './retryDelay';

export interface SaveResponse {
  version: number;
  updatedAt: string;
  wordCount: number;
  charCount: number;
  /** The stored slug (the core makes it from the title until the user types one). */
  slug?: string;
}

export type SaveState =
  | { kind: 'idle' }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: Date }
  | { kind: 'error'; error: ApiError; attempt: number; retryAt: number }
  | { kind: 'conflict'; error: ApiError };

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  now(): number;
}

const realTimers: Timers = {
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
  now: () => Date.now(),
};

export interface SaveQueueOptions {
  baseVersion: number;
  send: (patch: ArticlePatch, baseVersion: number, reason: SaveReason) => Promise<SaveResponse>;
  /** Serializes the editor body; called only when a save actually goes out, never per keystroke. */
  readBody: () => DocNode;
  onState: (state: SaveState) => void;
  onSaved?: (response: SaveResponse) => void;
  timers?: Timers;
  /** Quiet time after the last change before saving. */
  debounceMs?: number;
  /** Longest a change may wait while the user keeps typing. */
  maxWaitMs?: number;
}

/**
 * Autosave for one open article. Changes are merged into one pending patch (latest value of
 * each field wins), the body is marked dirty rather than copied, one save is in flight at a
 * time, and the version returned by each save is the base of the next. A failed save keeps its
 * patch and is retried with backoff; a version conflict stops saving until the article is
 * reloaded, so nothing stored elsewhere is overwritten.
 */
export class SaveQueue {
  private baseVersion: number;
  private pending: ArticlePatch = {};
  private bodyDirty = false;
  private manualRequested = false;
  private firstChangeAt: number | null = null;
  private lastChangeAt = 0;
  private timer: unknown = null;
  private timerDue = 0;
  private inFlight: Promise<boolean> | null = null;
  private state: SaveState = { kind: 'idle' };
  private attempt = 0;
  private disposed = false;
  private stateWaiters: (() => void)[] = [];
  private readonly timers: Timers;
  private readonly debounceMs: number;
  private readonly maxWaitMs: number;

  constructor(private readonly options: SaveQueueOptions) {
    this.baseVersion = options.baseVersion;
    this.timers = options.timers ?? realTimers;
    this.debounceMs = options.debounceMs ?? 400;
    this.maxWaitMs = options.maxWaitMs ?? 1000;
  }

  get version(): number {
    return this.baseVersion;
  }

  get current(): SaveState {
    return this.state;
  }

  hasUnsavedChanges(): boolean {
    return this.bodyDirty || this.manualRequested || Object.keys(this.pending).length > 0 || this.inFlight !== null;
  }

  /** Metadata or title changed. */
  change(patch: ArticlePatch): void {
    Object.assign(this.pending, patch);
    this.noteChange();
  }

  /** The body changed; it is read lazily when the save goes out. */
  changeBody(): void {
    this.bodyDirty = true;
    this.noteChange();
  }

  /** Ctrl+S: save now and ask the core for a revision snapshot. */
  saveNow(): void {
    this.manualRequested = true;
    if (this.state.kind === 'conflict') return;
    this.arm(0);
  }

  retryNow(): void {
    if (this.state.kind === 'error') this.arm(0);
  }

  /** Sends whatever is pending and resolves once it is stored or the attempt has failed. */
  async flush(): Promise<void> {
    if (this.state.kind === 'conflict') return;
    this.cancelTimer();
    if (this.inFlight) await this.inFlight;
    // The awaited save may have ended in a conflict; then nothing more may be sent.
    if (this.hasPending() && !this.isConflicted()) await this.run();
  }

  /**
   * Copies the body out of the editor now, for when the editor is about to be destroyed
   * (switching articles) while a save is still waiting.
   */
  captureBody(): void {
    if (!this.bodyDirty) return;
    this.pending.body = this.options.readBody();
    this.bodyDirty = false;
  }

  /**
   * Resolves once everything pending is stored, retrying with backoff for as long as it takes,
   * so the last words of a closed article are not dropped because the disk was full for a
   * minute; resolves too at a conflict (nothing more may be sent) or on dispose.
   */
  async settle(): Promise<void> {
    await this.flush();
    while (!this.disposed && !this.isConflicted() && (this.hasPending() || this.state.kind === 'saving')) {
      await new Promise<void>((resolve) => this.stateWaiters.push(resolve));
    }
  }

  dispose(): void {
    this.disposed = true;
    this.cancelTimer();
    this.wakeWaiters();
  }

  private wakeWaiters(): void {
    const waiters = this.stateWaiters;
    this.stateWaiters = [];
    for (const wake of waiters) wake();
  }

  private isConflicted(): boolean {
    return this.state.kind === 'conflict';
  }

  private hasPending(): boolean {
    return this.bodyDirty || this.manualRequested || Object.keys(this.pending).length > 0;
  }

  private noteChange(): void {
    const now = this.timers.now();
    this.lastChangeAt = now;
    this.firstChangeAt ??= now;
    if (this.state.kind === 'conflict' || this.state.kind === 'error') return; // the retry timer or a reload takes over
    if (this.state.kind !== 'pending' && this.state.kind !== 'saving') this.setState({ kind: 'pending' });
    // Keystrokes only move `lastChangeAt`; the armed timer re-checks when it fires, so typing
    // costs no timer churn.
    if (this.timer === null) this.arm(this.debounceMs);
  }

  private dueTime(): number {
    const quiet = this.lastChangeAt + this.debounceMs;
    const capped = (this.firstChangeAt ?? this.lastChangeAt) + this.maxWaitMs;
    return Math.min(quiet, capped);
  }

  private arm(ms: number): void {
    this.cancelTimer();
    this.timerDue = this.timers.now() + ms;
    this.timer = this.timers.setTimeout(() => this.onTimer(), ms);
  }

  private cancelTimer(): void {
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = null;
  }

  private onTimer(): void {
    this.timer = null;
    if (this.disposed) return;
    const now = this.timers.now();
    const forced = this.timerDue <= now && (this.manualRequested || this.state.kind === 'error');
    const due = this.dueTime();
    if (!forced && due > now) {
      this.arm(due - now);
      return;
    }
    void this.run();
  }

  private run(): Promise<boolean> {
    if (this.inFlight) {
      // One save at a time: the newer state goes out as soon as this one answers.
      return this.inFlight.then(() => (this.hasPending() && this.state.kind !== 'conflict' ? this.run() : this.state.kind === 'saved'));
    }
    if (!this.hasPending()) return Promise.resolve(true);
    const patch: ArticlePatch = { ...this.pending };
    if (this.bodyDirty) patch.body = this.options.readBody();
    const reason: SaveReason = this.manualRequested ? 'manual' : 'autosave';
    this.pending = {};
    this.bodyDirty = false;
    this.manualRequested = false;
    this.firstChangeAt = null;
    this.setState({ kind: 'saving' });
    const attempt = this.options
      .send(patch, this.baseVersion, reason)
      .then(
        (response) => {
          this.onSuccess(response);
          return true;
        },
        (error: unknown) => {
          this.onFailure(patch, reason, ApiError.from(error));
          return false;
        },
      )
      .finally(() => {
        this.inFlight = null;
      });
    this.inFlight = attempt;
    return attempt;
  }

  private onSuccess(response: SaveResponse): void {
    this.baseVersion = response.version;
    this.attempt = 0;
    this.options.onSaved?.(response);
    if (this.hasPending()) {
      this.setState({ kind: 'pending' });
      this.firstChangeAt ??= this.timers.now();
      if (!this.disposed) this.arm(Math.max(0, this.dueTime() - this.timers.now()));
    } else {
      this.setState({ kind: 'saved', at: new Date(this.timers.now()) });
    }
  }

  private onFailure(sent: ArticlePatch, reason: SaveReason, error: ApiError): void {
    // Put the failed patch back under anything typed since, so newer values still win.
    const { body, ...fields } = sent;
    this.pending = { ...fields, ...this.pending };
    if (body !== undefined && !this.bodyDirty && this.pending.body === undefined) this.pending.body = body;
    if (reason === 'manual') this.manualRequested = true;
    if (error.code === ErrorCode.VERSION_CONFLICT) {
      this.cancelTimer();
      this.setState({ kind: 'conflict', error });
      return;
    }
    this.attempt += 1;
    const delay = retryDelayMs(this.attempt);
    this.setState({ kind: 'error', error, attempt: this.attempt, retryAt: this.timers.now() + delay });
    if (!this.disposed) this.arm(delay);
  }

  private setState(state: SaveState): void {
    this.state = state;
    this.options.onState(state);
    this.wakeWaiters();
  }
}

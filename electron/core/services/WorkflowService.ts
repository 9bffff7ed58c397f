import type { Database } from 'better-sqlite3';
import type { Article } from '../../../shared/domain/article';
import { ErrorCode, MidadError } from '../../../shared/errors';
import type { WorkflowAction } from '../../../shared/workflow/stateMachine';
import type { CallContext } from '../CallContext';
import { updateArticle, type ArticleHead } from '../db/queries/articles';
import { appendAudit } from '../db/queries/audit';
import type { ArticleService } from './ArticleService';
import type { CommentService } from './CommentService';

export interface WorkflowRequest {
  id: string;
  action: WorkflowAction;
  note?: string;
  scheduledAt?: string;
  assigneeId?: string;
}

/** What the outbox does as articles move (called inside the transition's transaction). */
export interface PublishingHooks {
  queueApproved(articleId: string): void;
  queueKilled(articleId: string): void;
  holdForReapproval(articleId: string): void;
}

function invalid(message: string, messageAr: string, detail?: Record<string, unknown>): MidadError {
  return new MidadError(ErrorCode.VALIDATION, message, messageAr, detail);
}

/**
 * Moves articles through the editorial workflow. Every transition is one transaction: read the
 * head, ask the shared state machine whether this caller may take this action in this state
 * (refused with FORBIDDEN otherwise, which dispatch audits), apply the step's side effects
 * (claim, submission and publication times, schedule, the change-request note, the submit and
 * approve revisions), bump the version and write the audit entry.
 */
export class WorkflowService {
  constructor(
    private readonly db: Database,
    private readonly articles: ArticleService,
    private readonly comments: CommentService,
    private readonly clock: () => Date,
    private readonly publishing: PublishingHooks | null = null,
  ) {}

  act(ctx: CallContext, request: WorkflowRequest): Article {
    return this.db.transaction((): Article => {
      const head = this.articles.head(request.id);
      const to = this.articles.decide(ctx, head, request.action);
      this.checkArguments(request);
      const now = this.clock().toISOString();
      const next: ArticleHead = { ...head, status: to, version: head.version + 1, updated_at: now };
      const detail: Record<string, unknown> = {};
      const note = request.note?.trim();
      if (note) detail.note = note;
      const caller = ctx.user?.id ?? null;

      switch (request.action) {
        case 'submit':
          next.submitted_at = now;
          next.assignee_id = null;
          next.scheduled_at = null;
          break;
        case 'withdraw':
          next.submitted_at = null;
          break;
        case 'claim':
        case 'reopen':
        case 'correct':
          next.assignee_id = caller;
          next.scheduled_at = null;
          break;
        case 'release':
          next.assignee_id = null;
          break;
        case 'reassign':
          next.assignee_id = this.reviewerFor(request.assigneeId);
          detail.assigneeId = next.assignee_id;
          detail.fromAssigneeId = head.assignee_id;
          break;
        case 'requestChanges':
          if (!note) {
            throw invalid('Say what the author should change: a note is required.', 'اكتب ما ينبغي للكاتب تغييره: الملاحظة مطلوبة.', { field: 'note' });
          }
          // The note is a general comment by the reviewer, so the author finds it beside the text.
          detail.commentId = this.comments.addNote(ctx, head.id, note, now);
          next.assignee_id = null;
          break;
        case 'approve': {
          const at = request.scheduledAt === undefined ? null : new Date(request.scheduledAt);
          // A time in the past (or now) means "publish now": no schedule.
          next.scheduled_at = at && at.getTime() > Date.parse(now) ? at.toISOString() : null;
          if (next.scheduled_at) detail.scheduledAt = next.scheduled_at;
          break;
        }
        case 'publish':
          next.published_at = now;
          break;
        case 'kill':
          break;
        case 'spike':
          next.status_before_spike = head.status;
          break;
        case 'restore':
          next.status_before_spike = null;
          break;
      }

      if (!updateArticle(this.db, next, null, head.version)) {
        // Cannot happen inside this transaction; kept so a future refactor cannot lose an update silently.
        throw new MidadError(ErrorCode.VERSION_CONFLICT, 'The article changed while this was being done; try again.', 'تغيّر المقال أثناء التنفيذ؛ أعد المحاولة.');
      }
      if (request.action === 'submit' || request.action === 'approve') this.articles.snapshotFor(ctx, next, request.action, now);
      // Same transaction: an approval is never recorded without its outbox rows, nor the reverse.
      if (request.action === 'approve' || (request.action === 'restore' && next.status === 'approved')) this.publishing?.queueApproved(head.id);
      else if (request.action === 'kill' || request.action === 'spike') this.publishing?.queueKilled(head.id);
      else if (request.action === 'correct' || request.action === 'reopen') this.publishing?.holdForReapproval(head.id);
      appendAudit(this.db, now, {
        actor: ctx.actor,
        action: `workflow.${request.action}`,
        articleId: head.id,
        fromStatus: head.status,
        toStatus: next.status,
        detail: Object.keys(detail).length ? detail : null,
      });
      return this.articles.get(ctx, head.id);
    })();
  }

  /** Arguments that belong to one action only are refused elsewhere: a renderer bug, not a wish to ignore. */
  private checkArguments(request: WorkflowRequest): void {
    if (request.scheduledAt !== undefined && request.action !== 'approve') {
      throw invalid('A publish time goes with approve only.', 'وقت النشر يرافق الاعتماد فقط.', { field: 'scheduledAt' });
    }
    if (request.assigneeId !== undefined && request.action !== 'reassign') {
      throw invalid('A new assignee goes with reassign only.', 'المكلَّف الجديد يرافق إعادة التكليف فقط.', { field: 'assigneeId' });
    }
  }

  /** The user who takes a reassigned claim: an enabled reviewer or admin. */
  private reviewerFor(userId: string | undefined): string {
    if (userId === undefined) throw invalid('Choose the reviewer who takes the article.', 'اختر المدقق الذي يتسلّم المقال.', { field: 'assigneeId' });
    const user = this.db.prepare<[string], { role: string; disabled: number }>('SELECT role, disabled FROM users WHERE id = ?').get(userId);
    if (!user || user.disabled === 1 || (user.role !== 'reviewer' && user.role !== 'admin')) {
      throw invalid('A claim can go only to an enabled reviewer or admin.', 'لا يُكلَّف بالمقال إلا مدقق أو مدير مفعَّل.', { field: 'assigneeId', assigneeId: userId });
    }
    return userId;
  }
}

import type { ArticleStatus } from '../domain/article';
import type { Role } from '../domain/user';

/**
 * The editorial workflow. The renderer uses it to show only the actions that are allowed; the
 * core uses the same table to refuse everything else, whoever calls.
 *
 *   draft → submitted → in_review (claimed) → changes_requested → submitted … → approved → published
 *   published → (correct) → in_review → approved → published;  published → (kill) → killed
 *   any pre-publish state → (spike) → spiked → (restore) → the state it had
 */
export const WORKFLOW_ACTIONS = [
  'submit',
  'withdraw',
  'claim',
  'release',
  'reassign',
  'requestChanges',
  'approve',
  'reopen',
  'publish',
  'correct',
  'kill',
  'spike',
  'restore',
] as const;
export type WorkflowAction = (typeof WORKFLOW_ACTIONS)[number];

export const PRE_PUBLISH_STATES: readonly ArticleStatus[] = ['draft', 'submitted', 'in_review', 'changes_requested', 'approved'];

/** What the rules need to know about an article. */
export interface WorkflowArticle {
  status: ArticleStatus;
  /** Null for articles written before accounts existed (treated as nobody's). */
  authorId: string | null;
  /** The reviewer who claimed it (in_review), if any. */
  assigneeId: string | null;
  statusBeforeSpike: ArticleStatus | null;
}

export interface WorkflowActor {
  userId: string;
  role: Role;
}

export interface WorkflowSettings {
  /** One-person desks: a reviewer may approve what they wrote. Off by default. */
  allowSelfApproval: boolean;
}

export const DEFAULT_WORKFLOW_SETTINGS: WorkflowSettings = { allowSelfApproval: false };

export type Decision = { allowed: true; to: ArticleStatus } | { allowed: false; reason: DenialReason };

export type DenialReason =
  | 'wrong_state'
  | 'role'
  | 'not_owner'
  | 'not_assignee'
  | 'own_article'
  | 'claimed';

interface Rule {
  from: readonly ArticleStatus[];
  to: (article: WorkflowArticle) => ArticleStatus;
  /** Returns null when this actor may act, or why not. */
  who: (article: WorkflowArticle, actor: WorkflowActor, settings: WorkflowSettings) => DenialReason | null;
}

const isOwner = (article: WorkflowArticle, actor: WorkflowActor) => article.authorId === actor.userId;
const isAssignee = (article: WorkflowArticle, actor: WorkflowActor) => article.assigneeId === actor.userId;
const admin = (actor: WorkflowActor) => actor.role === 'admin';
const reviewer = (actor: WorkflowActor) => actor.role === 'reviewer';

const ownerOrAdmin = (article: WorkflowArticle, actor: WorkflowActor): DenialReason | null =>
  admin(actor) || isOwner(article, actor) ? null : 'not_owner';
const reviewerOrAdmin = (_article: WorkflowArticle, actor: WorkflowActor): DenialReason | null =>
  admin(actor) || reviewer(actor) ? null : 'role';
const assigneeOrAdmin = (article: WorkflowArticle, actor: WorkflowActor): DenialReason | null => {
  if (admin(actor)) return null;
  if (!reviewer(actor)) return 'role';
  return isAssignee(article, actor) ? null : 'not_assignee';
};

export const RULES: Record<WorkflowAction, Rule> = {
  submit: { from: ['draft', 'changes_requested'], to: () => 'submitted', who: ownerOrAdmin },
  withdraw: { from: ['submitted'], to: () => 'draft', who: ownerOrAdmin },
  claim: { from: ['submitted'], to: () => 'in_review', who: reviewerOrAdmin },
  release: { from: ['in_review'], to: () => 'submitted', who: assigneeOrAdmin },
  reassign: { from: ['in_review'], to: () => 'in_review', who: (_article, actor) => (admin(actor) ? null : 'role') },
  requestChanges: { from: ['in_review'], to: () => 'changes_requested', who: assigneeOrAdmin },
  approve: {
    from: ['in_review'],
    to: () => 'approved',
    who: (article, actor, settings) => {
      const denied = assigneeOrAdmin(article, actor);
      if (denied) return denied;
      if (!admin(actor) && isOwner(article, actor) && !settings.allowSelfApproval) return 'own_article';
      return null;
    },
  },
  reopen: { from: ['approved'], to: () => 'in_review', who: reviewerOrAdmin },
  publish: { from: ['approved'], to: () => 'published', who: (_article, actor) => (admin(actor) ? null : 'role') },
  correct: { from: ['published'], to: () => 'in_review', who: reviewerOrAdmin },
  kill: { from: ['published'], to: () => 'killed', who: reviewerOrAdmin },
  spike: {
    from: PRE_PUBLISH_STATES,
    to: () => 'spiked',
    who: (article, actor) => {
      if (admin(actor)) return null;
      if (reviewer(actor) && !isOwner(article, actor)) {
        // The desk spikes what was sent to it, not an editor's unsent draft, and not an
        // article another reviewer holds.
        if (article.status === 'draft' || article.status === 'changes_requested') return 'not_owner';
        if (article.status === 'in_review' && !isAssignee(article, actor)) return 'not_assignee';
        return null;
      }
      // An author may spike their own article while it is theirs to edit; once sent to the desk
      // it is the desk's (withdraw an unclaimed submission first).
      if (!isOwner(article, actor)) return 'not_owner';
      if (reviewer(actor) && article.status !== 'draft' && article.status !== 'changes_requested') {
        return article.status === 'in_review' && !isAssignee(article, actor) ? 'not_assignee' : null;
      }
      if (article.status === 'draft' || article.status === 'changes_requested') return null;
      return article.status === 'in_review' ? 'claimed' : 'wrong_state';
    },
  },
  restore: {
    from: ['spiked'],
    to: (article) => article.statusBeforeSpike ?? 'draft',
    who: (article, actor) => (admin(actor) || reviewer(actor) || isOwner(article, actor) ? null : 'not_owner'),
  },
};

export function decide(
  action: WorkflowAction,
  article: WorkflowArticle,
  actor: WorkflowActor,
  settings: WorkflowSettings = DEFAULT_WORKFLOW_SETTINGS,
): Decision {
  const rule = RULES[action];
  if (!rule.from.includes(article.status)) return { allowed: false, reason: 'wrong_state' };
  const denied = rule.who(article, actor, settings);
  if (denied) return { allowed: false, reason: denied };
  return { allowed: true, to: rule.to(article) };
}

export function allowedActions(article: WorkflowArticle, actor: WorkflowActor, settings: WorkflowSettings = DEFAULT_WORKFLOW_SETTINGS): WorkflowAction[] {
  return WORKFLOW_ACTIONS.filter((action) => decide(action, article, actor, settings).allowed);
}

/**
 * Who may change an article's text and metadata: the author of a draft or of an article sent
 * back with changes requested; the reviewer who claimed it; an admin in those same three states.
 * Nobody, admins included, edits a submitted, approved, published, killed or spiked article in
 * place: it must be claimed, reopened or corrected first, so every change has a holder.
 */
export function canEdit(article: WorkflowArticle, actor: WorkflowActor): DenialReason | null {
  if (article.status === 'in_review') {
    if (admin(actor)) return null;
    // Same test as the claim's other actions: a claim held by someone no longer a reviewer
    // (their role was changed) is an admin's to reassign, not theirs to keep editing.
    if (isAssignee(article, actor)) return reviewer(actor) ? null : 'role';
    return isOwner(article, actor) ? 'claimed' : 'not_assignee';
  }
  if (article.status === 'draft' || article.status === 'changes_requested') {
    if (admin(actor) || isOwner(article, actor)) return null;
    return 'not_owner';
  }
  return 'wrong_state';
}

/** Actions that take the article away from its current holder or change its state need a note. */
export const ACTIONS_WITH_NOTE: ReadonlySet<WorkflowAction> = new Set(['requestChanges']);

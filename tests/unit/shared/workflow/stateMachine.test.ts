import { describe, expect, it } from 'vitest';
import { articleStatusSchema, type ArticleStatus } from '../../../../shared/domain/article';
import { roleSchema, type Role } from '../../../../shared/domain/user';
import {
  ACTIONS_WITH_NOTE,
  WORKFLOW_ACTIONS,
  allowedActions,
  canEdit,
  decide,
  type Decision,
  type WorkflowAction,
  type WorkflowActor,
  type WorkflowArticle,
} from '../../../../shared/workflow/stateMachine';

const ROLES: readonly Role[] = roleSchema.options;
const STATES: readonly ArticleStatus[] = articleStatusSchema.options;
const ME = 'me';
const SOMEONE_ELSE = 'someone-else';
/** A spiked article in the table was spiked from this state (restore goes back to it). */
const SPIKED_FROM: ArticleStatus = 'changes_requested';

interface Ownership {
  owner: boolean;
  assignee: boolean;
}
const OWNERSHIPS: readonly Ownership[] = [
  { owner: true, assignee: false },
  { owner: true, assignee: true },
  { owner: false, assignee: false },
  { owner: false, assignee: true },
];

function articleFor(status: ArticleStatus, { owner, assignee }: Ownership): WorkflowArticle {
  return {
    status,
    authorId: owner ? ME : SOMEONE_ELSE,
    assigneeId: assignee ? ME : SOMEONE_ELSE,
    statusBeforeSpike: status === 'spiked' ? SPIKED_FROM : null,
  };
}

const actorFor = (role: Role): WorkflowActor => ({ userId: ME, role });
const yesNo = (value: boolean) => (value ? 'yes' : 'no');
const outcome = (decision: Decision) => (decision.allowed ? `allowed to ${decision.to}` : `refused: ${decision.reason}`);

const pad = (values: readonly string[]) => Math.max(...values.map((value) => value.length));
const ROLE_WIDTH = pad(ROLES);
const STATE_WIDTH = pad(STATES);
const ACTION_WIDTH = pad([...WORKFLOW_ACTIONS, 'edit']);

function line(role: Role, status: ArticleStatus, action: string, ownership: Ownership, result: string): string {
  return [
    role.padEnd(ROLE_WIDTH),
    status.padEnd(STATE_WIDTH),
    action.padEnd(ACTION_WIDTH),
    `owner=${yesNo(ownership.owner)}`.padEnd('owner=yes'.length),
    `assignee=${yesNo(ownership.assignee)}`.padEnd('assignee=yes'.length),
    `→ ${result}`,
  ].join(' ');
}

/**
 * The whole workflow as text a reviewer can read: every (role, state, action, ownership)
 * combination with its outcome, then who may edit in each state, then the combinations the
 * one-person-desk setting changes.
 */
function workflowTable(): { text: string; transitions: number } {
  const lines: string[] = [
    '# Midad workflow: every combination of role × state × action × ownership and what the core decides.',
    '# owner=yes: the caller wrote the article; assignee=yes: the caller has claimed it.',
    `# A spiked article here was spiked from ${SPIKED_FROM}. Settings: allowSelfApproval off (see the last section).`,
    '',
    '## Transitions',
  ];
  let transitions = 0;
  for (const role of ROLES) {
    for (const status of STATES) {
      for (const action of WORKFLOW_ACTIONS) {
        for (const ownership of OWNERSHIPS) {
          lines.push(line(role, status, action, ownership, outcome(decide(action, articleFor(status, ownership), actorFor(role)))));
          transitions += 1;
        }
      }
    }
  }
  lines.push('', '## Editing the text and metadata (articles.save)');
  for (const role of ROLES) {
    for (const status of STATES) {
      for (const ownership of OWNERSHIPS) {
        const denied = canEdit(articleFor(status, ownership), actorFor(role));
        lines.push(line(role, status, 'edit', ownership, denied ? `refused: ${denied}` : 'allowed'));
      }
    }
  }
  lines.push('', '## With allowSelfApproval on (one-person desks): the combinations whose outcome changes');
  for (const role of ROLES) {
    for (const status of STATES) {
      for (const action of WORKFLOW_ACTIONS) {
        for (const ownership of OWNERSHIPS) {
          const article = articleFor(status, ownership);
          const off = outcome(decide(action, article, actorFor(role)));
          const on = outcome(decide(action, article, actorFor(role), { allowSelfApproval: true }));
          if (on !== off) lines.push(line(role, status, action, ownership, `${on} (off: ${off})`));
        }
      }
    }
  }
  return { text: `${lines.join('\n')}\n`, transitions };
}

describe('workflow state machine', () => {
  it('does decide every role × state × action × ownership combination as the checked-in table says', async () => {
    const { text, transitions } = workflowTable();
    expect(transitions).toBe(3 * 8 * 13 * 4);
    await expect(text).toMatchFileSnapshot('./workflow-table.txt');
  });

  it('does refuse an editor approving, even their own claimed article', () => {
    for (const ownership of OWNERSHIPS) {
      expect(decide('approve', articleFor('in_review', ownership), actorFor('editor'))).toEqual({ allowed: false, reason: 'role' });
    }
  });

  it('does refuse the author editing while a reviewer has the article, and allow the reviewer', () => {
    const claimed: WorkflowArticle = { status: 'in_review', authorId: 'editor', assigneeId: 'reviewer', statusBeforeSpike: null };
    expect(canEdit(claimed, { userId: 'editor', role: 'editor' })).toBe('claimed');
    expect(canEdit(claimed, { userId: 'reviewer', role: 'reviewer' })).toBeNull();
    expect(canEdit(claimed, { userId: 'other-reviewer', role: 'reviewer' })).toBe('not_assignee');
    expect(canEdit(claimed, { userId: 'admin', role: 'admin' })).toBeNull();
  });

  it('does let an editor withdraw only an unclaimed submission of their own', () => {
    const editor: WorkflowActor = { userId: 'editor', role: 'editor' };
    const own = (status: ArticleStatus): WorkflowArticle => ({ status, authorId: 'editor', assigneeId: null, statusBeforeSpike: null });
    expect(decide('withdraw', own('submitted'), editor)).toEqual({ allowed: true, to: 'draft' });
    expect(decide('withdraw', { ...own('in_review'), assigneeId: 'reviewer' }, editor)).toEqual({ allowed: false, reason: 'wrong_state' });
    expect(decide('withdraw', { ...own('submitted'), authorId: 'someone' }, editor)).toEqual({ allowed: false, reason: 'not_owner' });
  });

  it('does refuse a reviewer approving their own article unless the one-person-desk setting is on', () => {
    const reviewer: WorkflowActor = { userId: 'reviewer', role: 'reviewer' };
    const own: WorkflowArticle = { status: 'in_review', authorId: 'reviewer', assigneeId: 'reviewer', statusBeforeSpike: null };
    expect(decide('approve', own, reviewer)).toEqual({ allowed: false, reason: 'own_article' });
    expect(decide('approve', own, reviewer, { allowSelfApproval: true })).toEqual({ allowed: true, to: 'approved' });
    expect(allowedActions(own, reviewer)).not.toContain('approve');
    expect(allowedActions(own, reviewer, { allowSelfApproval: true })).toContain('approve');
  });

  it('does let only an admin reassign a claim', () => {
    const claimed: WorkflowArticle = { status: 'in_review', authorId: 'editor', assigneeId: 'reviewer', statusBeforeSpike: null };
    expect(decide('reassign', claimed, { userId: 'admin', role: 'admin' })).toEqual({ allowed: true, to: 'in_review' });
    expect(decide('reassign', claimed, { userId: 'reviewer', role: 'reviewer' })).toEqual({ allowed: false, reason: 'role' });
    expect(decide('reassign', claimed, { userId: 'editor', role: 'editor' })).toEqual({ allowed: false, reason: 'role' });
  });

  it('does mark requestChanges, and only it, as needing a note', () => {
    expect([...ACTIONS_WITH_NOTE]).toEqual(['requestChanges']);
  });

  it('does restore a spiked article to the state it had, or to draft when that is unknown', () => {
    const admin: WorkflowActor = { userId: 'admin', role: 'admin' };
    const spiked = (before: ArticleStatus | null): WorkflowArticle => ({ status: 'spiked', authorId: 'x', assigneeId: null, statusBeforeSpike: before });
    expect(decide('restore', spiked('approved'), admin)).toEqual({ allowed: true, to: 'approved' });
    expect(decide('restore', spiked(null), admin)).toEqual({ allowed: true, to: 'draft' });
  });

  it('does offer exactly the actions decide allows', () => {
    for (const role of ROLES) {
      for (const status of STATES) {
        for (const ownership of OWNERSHIPS) {
          const article = articleFor(status, ownership);
          const expected = WORKFLOW_ACTIONS.filter((action: WorkflowAction) => decide(action, article, actorFor(role)).allowed);
          expect(allowedActions(article, actorFor(role))).toEqual(expected);
        }
      }
    }
  });
});

import type { WorkflowAction } from '../../shared/workflow/stateMachine';
import type { RequestOf } from '../../shared/ipc/contract';
import { call } from './midad';

/** The copy desk: workflow transitions, views, comments and revisions; one line per channel, like `api`. */
export const deskApi = {
  act: (id: string, action: WorkflowAction, extra: Omit<RequestOf<'workflow.act'>, 'id' | 'action'> = {}) =>
    call('workflow.act', { id, action, ...extra }),
  list: (request: RequestOf<'desk.list'>) => call('desk.list', request),
  counts: () => call('desk.counts', {}),
  people: () => call('desk.people', {}),
  comments: (articleId: string) => call('comments.list', { articleId }),
  addComment: (request: RequestOf<'comments.add'>) => call('comments.add', request),
  resolveComment: (id: string, resolved: boolean) => call('comments.resolve', { id, resolved }),
  revisions: (articleId: string) => call('revisions.list', { articleId }),
  revision: (id: number) => call('revisions.get', { id }),
  diff: (request: RequestOf<'revisions.diff'>) => call('revisions.diff', request),
  restoreRevision: (id: number, baseVersion: number) => call('revisions.restore', { id, baseVersion }),
};

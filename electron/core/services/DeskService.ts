import type { Database } from 'better-sqlite3';
import type { ArticleSummary } from '../../../shared/domain/article';
import type { ArticleView } from '../../../shared/ipc/channels/desk';
import type { CallContext } from '../CallContext';
import { countByStatus, countClaimedBy, countMine, listDesk, listEnabledPeople, type DeskViewer, type PersonRow } from '../db/queries/desk';
import { workflowActor } from './ArticleService';

export interface DeskListRequest {
  view: ArticleView;
  query?: string;
  section?: string;
  authorId?: string;
  from?: string;
  to?: string;
  limit?: number;
  offset?: number;
}

const DEFAULT_PAGE = 200;

/** The sidebar: each view of the desk with its filters and its count, and the people in it. */
export class DeskService {
  constructor(private readonly db: Database) {}

  private viewer(ctx: CallContext): DeskViewer {
    const actor = workflowActor(ctx);
    return { userId: ctx.user?.id ?? null, admin: actor.role === 'admin' };
  }

  list(ctx: CallContext, request: DeskListRequest): { items: ArticleSummary[]; total: number } {
    return listDesk(
      this.db,
      {
        view: request.view,
        titleContains: request.query?.trim() || undefined,
        section: request.section?.trim() || undefined,
        authorId: request.authorId,
        // Stored times are UTC ISO strings; a filter given with an offset is brought to the same form.
        from: request.from === undefined ? undefined : new Date(request.from).toISOString(),
        to: request.to === undefined ? undefined : new Date(request.to).toISOString(),
        limit: request.limit ?? DEFAULT_PAGE,
        offset: request.offset ?? 0,
      },
      this.viewer(ctx),
    );
  }

  counts(ctx: CallContext): Record<ArticleView, number> {
    const viewer = this.viewer(ctx);
    const byStatus = countByStatus(this.db);
    const status = (name: Parameters<typeof byStatus.get>[0]) => byStatus.get(name) ?? 0;
    let all = 0;
    for (const [name, count] of byStatus) if (name !== 'spiked') all += count;
    return {
      mine: viewer.userId ? countMine(this.db, viewer.userId) : 0,
      queue: status('submitted'),
      inReview: viewer.admin ? status('in_review') : viewer.userId ? countClaimedBy(this.db, viewer.userId) : 0,
      approved: status('approved'),
      published: status('published'),
      spiked: status('spiked'),
      all,
    };
  }

  people(): PersonRow[] {
    return listEnabledPeople(this.db);
  }
}
